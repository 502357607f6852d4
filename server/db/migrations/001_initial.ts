import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection';

/**
 * Portable column choices, so one migration serves SQLite and PostgreSQL: booleans are 0/1
 * integers, JSON is text, timestamps are ISO-8601 UTC text (which sorts chronologically).
 */
type Table = CreateTableBuilder<string, never>;

const withId = (dialect: Dialect, t: Table) =>
  dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());

const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

const withModeration = (t: Table, initialStatus: string, statusColumn = 'status') =>
  t
    .addColumn(statusColumn, 'text', (c) => c.notNull().defaultTo(initialStatus))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('riskScore', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ruleResults', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('claimedBy', 'integer', (c) => c.references('moderators.id'))
    .addColumn('claimExpiresAt', 'text')
    .addColumn('decidedBy', 'integer', (c) => c.references('moderators.id'))
    .addColumn('decidedAt', 'text')
    .addColumn('reasonCode', 'text')
    .addColumn('createdAt', 'text', notNull);

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await withId(dialect, db.schema.createTable('moderators'))
    .addColumn('name', 'text', notNull)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', notNull)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('passwordHash', 'text')
    .addColumn('createdAt', 'text', notNull)
    .execute();

  await withModeration(
    withId(dialect, db.schema.createTable('doctors'))
      .addColumn('name', 'text', notNull)
      .addColumn('credential', 'text', notNull)
      .addColumn('specialty', 'text', notNull)
      .addColumn('practiceName', 'text', notNull)
      .addColumn('practiceDomain', 'text')
      .addColumn('practicePhone', 'text')
      .addColumn('city', 'text', notNull)
      .addColumn('npi', 'text', notNull)
      .addColumn('licenseState', 'text', notNull)
      .addColumn('licenseNumber', 'text', notNull)
      .addColumn('licenseStatus', 'text', notNull)
      .addColumn('licenseExpiresOn', 'text', notNull)
      .addColumn('board', 'text')
      .addColumn('boardCertified', 'integer', notNull)
      .addColumn('verifiedAt', 'text')
      .addColumn('verifiedBy', 'integer', (c) => c.references('moderators.id'))
      .addColumn('documents', 'text', (c) => c.notNull().defaultTo('[]')),
    'unverified',
    'verificationStatus',
  ).execute();

  await withId(dialect, db.schema.createTable('questions'))
    .addColumn('title', 'text', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('procedure', 'text', notNull)
    .addColumn('askerName', 'text', notNull)
    .addColumn('createdAt', 'text', notNull)
    .execute();

  await withModeration(
    withId(dialect, db.schema.createTable('answers'))
      .addColumn('questionId', 'integer', (c) => c.notNull().references('questions.id'))
      .addColumn('doctorId', 'integer', (c) => c.notNull().references('doctors.id'))
      .addColumn('body', 'text', notNull),
    'pending',
  ).execute();

  await withModeration(
    withId(dialect, db.schema.createTable('reviews'))
      .addColumn('doctorId', 'integer', (c) => c.notNull().references('doctors.id'))
      .addColumn('procedure', 'text', notNull)
      .addColumn('rating', 'integer', notNull)
      .addColumn('title', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('reviewerId', 'text', notNull)
      .addColumn('reviewerEmail', 'text', notNull)
      .addColumn('reviewerEmailVerified', 'integer', notNull)
      .addColumn('reviewerPhoneVerified', 'integer', notNull)
      .addColumn('reviewerIp', 'text', notNull)
      .addColumn('treatmentDate', 'text'),
    'pending',
  ).execute();

  await withModeration(
    withId(dialect, db.schema.createTable('photos'))
      .addColumn('doctorId', 'integer', (c) => c.notNull().references('doctors.id'))
      .addColumn('procedure', 'text', notNull)
      .addColumn('caption', 'text', notNull)
      .addColumn('monthsAfterTreatment', 'integer')
      .addColumn('consentOnFile', 'integer', notNull)
      .addColumn('before', 'text', notNull)
      .addColumn('after', 'text', notNull),
    'pending',
  ).execute();

  await withId(dialect, db.schema.createTable('audit'))
    .addColumn('at', 'text', notNull)
    .addColumn('actorId', 'integer', (c) => c.references('moderators.id'))
    .addColumn('action', 'text', notNull)
    .addColumn('resource', 'text', notNull)
    .addColumn('recordId', 'integer', notNull)
    .addColumn('fromStatus', 'text')
    .addColumn('toStatus', 'text')
    .addColumn('reasonCode', 'text')
    .addColumn('note', 'text')
    .addColumn('ruleResults', 'text')
    // Unique prevHash: two entries can never claim the same predecessor, so the chain cannot fork.
    .addColumn('prevHash', 'text', (c) => c.notNull().unique())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();

  // Image bytes live in the database, addressed by their SHA-256: every server instance sees the
  // same files, and a file reused by several pairs is kept once.
  await db.schema
    .createTable('images')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('mediaType', 'text', notNull)
    .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', notNull)
    .addColumn('byteLength', 'integer', notNull)
    .addColumn('createdAt', 'text', notNull)
    .execute();

  // The moderation queue reads pending items by risk then age; each list filters by status and
  // by its references, and sorts by date.
  for (const table of ['answers', 'reviews', 'photos']) {
    await db.schema
      .createIndex(`${table}_queue`)
      .on(table)
      .columns(['status', 'riskScore desc', 'createdAt'])
      .execute();
    await db.schema.createIndex(`${table}_doctor`).on(table).columns(['doctorId', 'createdAt']).execute();
    await db.schema.createIndex(`${table}_created`).on(table).column('createdAt').execute();
    await db.schema.createIndex(`${table}_risk`).on(table).columns(['riskScore desc', 'createdAt']).execute();
  }
  await db.schema.createIndex('answers_question').on('answers').column('questionId').execute();
  await db.schema
    .createIndex('reviews_procedure')
    .on('reviews')
    .columns(['procedure', 'createdAt'])
    .execute();
  await db.schema.createIndex('reviews_rating').on('reviews').columns(['rating', 'createdAt']).execute();
  await db.schema.createIndex('reviews_ip').on('reviews').columns(['reviewerIp', 'doctorId']).execute();
  await db.schema.createIndex('reviews_reviewer').on('reviews').column('reviewerId').execute();
  await db.schema.createIndex('photos_procedure').on('photos').columns(['procedure', 'createdAt']).execute();
  await db.schema
    .createIndex('doctors_queue')
    .on('doctors')
    .columns(['verificationStatus', 'riskScore desc', 'createdAt'])
    .execute();
  await db.schema.createIndex('doctors_npi').on('doctors').column('npi').execute();
  await db.schema.createIndex('doctors_name').on('doctors').column('name').execute();
  await db.schema
    .createIndex('questions_procedure')
    .on('questions')
    .columns(['procedure', 'createdAt'])
    .execute();
  await db.schema.createIndex('questions_created').on('questions').column('createdAt').execute();
  for (const column of ['at', 'actorId', 'action', 'resource']) {
    await db.schema.createIndex(`audit_${column}`).on('audit').column(column).execute();
  }
  await db.schema.createIndex('audit_record').on('audit').columns(['resource', 'recordId']).execute();
}
