import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { minPasswordLength } from '../../src/domain/accounts';
import type { Role } from '../../src/domain/model';
import { permissionTable } from '../../src/domain/permissions';
import {
  clearFailures,
  countFailuresSince,
  deleteSession,
  deleteSessionsOf,
  forgetFailuresBefore,
  insertInvite,
  insertSession,
  moderatorByEmail,
  moderatorPasswordHash,
  recordFailures,
  redeemInvite,
  sessionWithModerator,
  setPasswordHash,
  touchSession,
} from '../db/auth';
import type { Database } from '../db/schema';
import { ApiError, invalid } from '../errors';
import { hashPassword, unmatchableHash, verifyPassword } from './passwords';

type Db = Kysely<Database>;

const minute = 60_000;
/** A session ends after this long without a request, and in any case after a working day. */
export const sessionIdleMs = 120 * minute;
export const sessionMaxMs = 12 * 60 * minute;
/** Failed sign-ins counted over this window lock the account, or the address, until they age out. */
const lockoutWindowMs = 15 * minute;
const maxFailuresPerAccount = 5;
const maxFailuresPerAddress = 20;
const inviteLifetimeMs = 7 * 24 * 60 * minute;

export interface SignedIn {
  id: number;
  name: string;
  email: string;
  role: Role;
}

export const profile = (moderator: SignedIn) => ({
  id: moderator.id,
  name: moderator.name,
  email: moderator.email,
  role: moderator.role,
  permissions: permissionTable[moderator.role],
});

const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

/** `field` is where the body carries the new password, for the 422's details. */
function checkNewPassword(password: string, field: 'password' | 'newPassword') {
  if (password.length < minPasswordLength) {
    throw invalid(`the password needs at least ${minPasswordLength} characters`, [
      { path: field, message: 'too short' },
    ]);
  }
}

/**
 * Checks a password and opens a session. Every refusal reads the same whether or not the account
 * exists, and a locked account or address is refused before its password is even checked.
 */
export async function signIn(
  db: Db,
  attempt: { email: string; password: string; address: string; now: Date },
) {
  const nowMs = attempt.now.getTime();
  const email = attempt.email.trim().toLowerCase();
  const subjects = [`email:${email}`, `ip:${attempt.address}`];
  const since = iso(nowMs - lockoutWindowMs);
  await forgetFailuresBefore(db, since);
  const [accountFailures, addressFailures] = await Promise.all(
    subjects.map((subject) => countFailuresSince(db, subject, since)),
  );
  if (accountFailures >= maxFailuresPerAccount || addressFailures >= maxFailuresPerAddress) {
    throw new ApiError(429, 'locked', 'too many failed sign-ins: try again in 15 minutes');
  }
  const moderator = await moderatorByEmail(db, email);
  const matches = await verifyPassword(attempt.password, moderator?.passwordHash ?? unmatchableHash);
  if (!moderator || !matches || moderator.active !== 1) {
    await recordFailures(db, subjects, attempt.now.toISOString());
    throw new ApiError(401, 'invalid_credentials', 'wrong email or password');
  }
  await clearFailures(db, subjects[0]);
  const token = newToken();
  const expiresAt = iso(nowMs + sessionMaxMs);
  await insertSession(db, {
    tokenHash: tokenHash(token),
    moderatorId: moderator.id,
    createdAt: attempt.now.toISOString(),
    expiresAt,
  });
  const signedIn: SignedIn = {
    id: moderator.id,
    name: moderator.name,
    email: moderator.email,
    role: moderator.role as Role,
  };
  return { token, expiresAt, moderator: signedIn };
}

/** The moderator a session token belongs to, or null when it is unknown, idle too long or past its end. */
export async function sessionFor(db: Db, token: string, now: Date): Promise<SignedIn | null> {
  const hash = tokenHash(token);
  const session = await sessionWithModerator(db, hash);
  if (!session) return null;
  const nowMs = now.getTime();
  if (Date.parse(session.expiresAt) <= nowMs || Date.parse(session.lastSeenAt) + sessionIdleMs <= nowMs) {
    await deleteSession(db, hash);
    return null;
  }
  // One write a minute keeps the idle clock right without a write per request.
  if (nowMs - Date.parse(session.lastSeenAt) > minute) await touchSession(db, hash, now.toISOString());
  return { id: session.id, name: session.name, email: session.email, role: session.role as Role };
}

export async function signOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, tokenHash(token));
}

/** A new password ends every other session of the moderator: whoever else held one is out. */
export async function changePassword(
  db: Db,
  moderator: SignedIn,
  sessionToken: string,
  passwords: { currentPassword: string; newPassword: string },
): Promise<void> {
  const stored = await moderatorPasswordHash(db, moderator.id);
  if (!stored || !(await verifyPassword(passwords.currentPassword, stored))) {
    throw invalid('the current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
  }
  checkNewPassword(passwords.newPassword, 'newPassword');
  await setPasswordHash(db, moderator.id, await hashPassword(passwords.newPassword));
  await deleteSessionsOf(db, moderator.id, tokenHash(sessionToken));
}

/** Sets the password of an invited moderator; an invite works once, within its lifetime. */
export async function acceptInvite(
  db: Db,
  invite: { token: string; password: string; now: Date },
): Promise<void> {
  checkNewPassword(invite.password, 'password');
  const moderatorId = await redeemInvite(db, tokenHash(invite.token), invite.now.toISOString());
  if (moderatorId === null) throw invalid('this invitation link is unknown, used or expired');
  await setPasswordHash(db, moderatorId, await hashPassword(invite.password));
  await deleteSessionsOf(db, moderatorId);
}

export async function createInvite(db: Db, moderatorId: number, createdBy: number | null, now: Date) {
  const token = newToken();
  const expiresAt = iso(now.getTime() + inviteLifetimeMs);
  await insertInvite(db, { tokenHash: tokenHash(token), moderatorId, createdBy, expiresAt });
  return { inviteToken: token, inviteExpiresAt: expiresAt };
}
