import type { Kysely } from 'kysely';
import { recordedAnswer } from '../db/credentials';
import type { Database } from '../db/schema';

/**
 * The demo registry: what the NPI registry answered, recorded for the demo doctors and kept in
 * the database, replayed as HTTP responses to the real NPPES adapter. It stands in when no
 * registry address is configured (this console may run without internet access); a subject with
 * no recording answers 503, so an unrecorded NPI is `unknown`, never a failure.
 */
export function recordedNppesFetch(db: Kysely<Database>) {
  return async (url: string): Promise<Response> => {
    const npi = new URL(url).searchParams.get('number') ?? '';
    const recorded = await recordedAnswer(db, 'nppes', npi);
    if (!recorded) {
      return new Response(null, {
        status: 503,
        statusText: 'the demo registry has no recording of this NPI',
      });
    }
    return new Response(recorded.body, {
      status: recorded.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}
