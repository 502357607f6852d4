import type { Kysely } from 'kysely';

/**
 * Sign-in state lives in the database so that several server instances share it: sessions,
 * failed sign-ins (for lockouts) and invitations. Tokens are stored as their SHA-256 only, so a
 * copy of the database cannot be used to sign in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Seeded demo accounts carry demo = 1, so a production start can refuse them.
  await db.schema
    .alterTable('moderators')
    .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('tokenHash', 'text', (c) => c.primaryKey())
    .addColumn('moderatorId', 'integer', (c) => c.notNull().references('moderators.id'))
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('lastSeenAt', 'text', (c) => c.notNull())
    .addColumn('expiresAt', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_moderator').on('sessions').column('moderatorId').execute();

  await db.schema
    .createTable('signInFailures')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('signInFailures_subject')
    .on('signInFailures')
    .columns(['subject', 'at'])
    .execute();

  await db.schema
    .createTable('invites')
    .addColumn('tokenHash', 'text', (c) => c.primaryKey())
    .addColumn('moderatorId', 'integer', (c) => c.notNull().references('moderators.id'))
    .addColumn('createdBy', 'integer', (c) => c.references('moderators.id'))
    .addColumn('expiresAt', 'text', (c) => c.notNull())
    .addColumn('usedAt', 'text')
    .execute();
}
