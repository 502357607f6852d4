import type { Kysely } from 'kysely';
import type { Database } from './schema';

type Db = Kysely<Database>;

const moderatorColumns = ['id', 'name', 'email', 'role', 'active'] as const;

export async function moderatorByEmail(db: Db, email: string) {
  return db
    .selectFrom('moderators')
    .select([...moderatorColumns, 'passwordHash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function moderatorPasswordHash(db: Db, id: number) {
  const row = await db
    .selectFrom('moderators')
    .select('passwordHash')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.passwordHash ?? null;
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('moderators').set({ passwordHash }).where('id', '=', id).execute();
}

export async function insertSession(
  db: Db,
  session: { tokenHash: string; moderatorId: number; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ ...session, lastSeenAt: session.createdAt })
    .execute();
}

/** The session and its moderator, if the session exists and the moderator is active. */
export async function sessionWithModerator(db: Db, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('moderators', 'moderators.id', 'sessions.moderatorId')
    .select([
      'sessions.tokenHash',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      ...moderatorColumns.map((c) => `moderators.${c}` as const),
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .where('moderators.active', '=', 1)
    .executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ lastSeenAt }).where('tokenHash', '=', tokenHash).execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

/** Ends every session of a moderator, or every one but `keep`. */
export async function deleteSessionsOf(db: Db, moderatorId: number, keep?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('moderatorId', '=', moderatorId);
  if (keep) query = query.where('tokenHash', '!=', keep);
  await query.execute();
}

export async function countFailuresSince(db: Db, subject: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('signInFailures')
    .select((eb) => eb.fn.countAll<number>().as('failures'))
    .where('subject', '=', subject)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function recordFailures(db: Db, subjects: string[], at: string): Promise<void> {
  await db
    .insertInto('signInFailures')
    .values(subjects.map((subject) => ({ subject, at })))
    .execute();
}

export async function clearFailures(db: Db, subject: string): Promise<void> {
  await db.deleteFrom('signInFailures').where('subject', '=', subject).execute();
}

export async function forgetFailuresBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('signInFailures').where('at', '<', before).execute();
}

export async function insertInvite(
  db: Db,
  invite: { tokenHash: string; moderatorId: number; createdBy: number | null; expiresAt: string },
): Promise<void> {
  await db.insertInto('invites').values(invite).execute();
}

/** Marks an unused, unexpired invite used and answers its moderator; null when there is none. */
export async function redeemInvite(db: Db, tokenHash: string, now: string): Promise<number | null> {
  const row = await db
    .updateTable('invites')
    .set({ usedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .returning('moderatorId')
    .executeTakeFirst();
  return row?.moderatorId ?? null;
}

export async function activeAdminIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('moderators')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .execute();
  return rows.map((r) => r.id);
}

export async function activeDemoAccounts(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('moderators')
    .select('email')
    .where('demo', '=', 1)
    .where('active', '=', 1)
    .where('passwordHash', 'is not', null)
    .execute();
  return rows.map((r) => r.email);
}

export async function insertAdmin(
  db: Db,
  admin: { name: string; email: string; passwordHash: string; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('moderators')
    .values({ ...admin, role: 'admin', active: 1, demo: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
