import { type Kysely, sql } from 'kysely';
import { resourceSpecs } from '../../src/domain/resources';
import type { Dialect } from '../db/connection';
import { activeAdminIds, deleteSessionsOf } from '../db/auth';
import type { Database } from '../db/schema';
import { invalid } from '../errors';
import type { SignedIn } from './auth';
import { createInvite } from './auth';
import { createResource, getResource, updateResource } from './resources';

type Db = Kysely<Database>;
const spec = resourceSpecs.moderators;

/** Sign-in looks an address up in lower case, so every address is stored that way. */
function withNormalizedEmail(body: unknown): unknown {
  return typeof body === 'object' && body !== null && typeof (body as { email?: unknown }).email === 'string'
    ? { ...body, email: (body as { email: string }).email.trim().toLowerCase() }
    : body;
}

/** Creates a moderator without a password and answers, once, the token of their set-password link. */
export async function inviteModerator(db: Db, body: unknown, by: SignedIn, now: Date) {
  const moderator = await createResource(db, spec, withNormalizedEmail(body), now);
  return { ...moderator, ...(await createInvite(db, moderator.id as number, by.id, now)) };
}

/**
 * Changes a moderator's name, email, role or active flag. The console always keeps an active
 * admin, and an admin cannot demote or deactivate themselves (another admin must). Deactivation
 * ends the moderator's sessions at once.
 *
 * One change at a time (a lock on PostgreSQL; SQLite runs one write transaction at a time), so
 * that two admins demoting each other at the same moment cannot both pass the last-admin check.
 */
export async function changeModerator(
  db: Db,
  dialect: Dialect,
  id: number,
  body: unknown,
  by: SignedIn,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext('verity.moderators'))`.execute(trx);
    const current = await getResource(trx, spec, id);
    const next = { ...current, ...(typeof body === 'object' && body !== null ? body : {}) };
    const losesAdmin =
      current.role === 'admin' && current.active === true && (next.role !== 'admin' || next.active !== true);
    if (losesAdmin) {
      if (id === by.id) throw invalid('you cannot remove your own admin role or deactivate yourself');
      const admins = await activeAdminIds(trx);
      if (admins.length <= 1) throw invalid('the console needs at least one active admin');
    }
    const updated = await updateResource(trx, spec, id, withNormalizedEmail(body), now);
    if (updated.active === false) await deleteSessionsOf(trx, id);
    return updated;
  });
}
