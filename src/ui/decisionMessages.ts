import { HttpError } from 'react-admin';

/** What a 409 from a decision says of the record: who got there first, and what they did. */
interface ConflictBody {
  code?: string;
  status?: string;
  decidedBy?: { id: number; name: string | null } | null;
  decidedAt?: string | null;
  claimedBy?: { id: number; name: string | null } | null;
  claimExpiresAt?: string | null;
}

export const clockTime = (at: string) =>
  new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * A translation key and its arguments for a refused decision, so the moderator reads "Already
 * approved by Aisha Bello at 10:42" rather than the server's log line; null when the error is not
 * a conflict (the caller shows it as it is).
 */
export function conflictMessage(
  error: unknown,
  translate: (key: string, options?: Record<string, unknown>) => string,
): string | null {
  if (!(error instanceof HttpError) || error.status !== 409) return null;
  const body = (error.body ?? {}) as ConflictBody;
  // Not a race: a rule holds the item back (an answer whose author is not verified); the server says which.
  if (body.code === 'held') return null;
  if (body.code === 'claimed' && body.claimedBy) {
    return translate('verity.decision.claimed_by', {
      name: body.claimedBy.name ?? `#${body.claimedBy.id}`,
      time: body.claimExpiresAt ? clockTime(body.claimExpiresAt) : '',
    });
  }
  const status = body.status ? translate(`verity.status.${body.status}`).toLowerCase() : '';
  if (body.decidedBy && body.decidedAt) {
    return translate('verity.decision.already_decided_by', {
      status,
      name: body.decidedBy.name ?? `#${body.decidedBy.id}`,
      time: clockTime(body.decidedAt),
    });
  }
  return translate('verity.decision.changed', { status });
}
