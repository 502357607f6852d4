import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../connection';

/**
 * What verifying doctors keeps (issue: doctor credentials):
 * - doctors.boardOrders: the public board orders a verifier found, which DOC_DISCIPLINE reads;
 * - doctorDocuments: uploaded licenses and certificates, bytes and all, so every instance serves
 *   them; the doctor's `documents` column lists them for the record;
 * - registryLookups: the registries' latest answer per subject with its fetch time, and the
 *   latest failed attempt beside it, so rules and re-runs never wait on the network;
 * - registryRecordings: the answers the demo registry serves when no registry URL is configured;
 * - settings: console-wide switches such as four-eyes verification, audited when changed;
 * - jobRuns: one row per scheduled job and day, so several instances run a daily job once.
 */
const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';

  await db.schema
    .alterTable('doctors')
    .addColumn('boardOrders', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  const documents = db.schema.createTable('doctorDocuments');
  await (
    dialect === 'postgres'
      ? documents.addColumn('id', 'serial', (c) => c.primaryKey())
      : documents.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('doctorId', 'integer', (c) => c.notNull().references('doctors.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('fileName', 'text', notNull)
    .addColumn('mediaType', 'text', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('byteLength', 'integer', notNull)
    .addColumn('bytes', bytes, notNull)
    .addColumn('uploadedAt', 'text', notNull)
    .addColumn('uploadedBy', 'integer', (c) => c.references('moderators.id'))
    .execute();
  await db.schema.createIndex('doctorDocuments_doctor').on('doctorDocuments').column('doctorId').execute();

  await db.schema
    .createTable('registryLookups')
    .addColumn('source', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('outcome', 'text', notNull)
    .addColumn('record', 'text')
    .addColumn('fetchedAt', 'text')
    .addColumn('failedAt', 'text')
    .addColumn('problem', 'text')
    .addPrimaryKeyConstraint('registryLookups_pk', ['source', 'subject'])
    .execute();

  await db.schema
    .createTable('registryRecordings')
    .addColumn('source', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    // The HTTP status and body the registry answered with, as recorded.
    .addColumn('status', 'integer', notNull)
    .addColumn('body', 'text', notNull)
    .addPrimaryKeyConstraint('registryRecordings_pk', ['source', 'subject'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', notNull)
    .addColumn('updatedAt', 'text', notNull)
    .addColumn('updatedBy', 'integer', (c) => c.references('moderators.id'))
    .execute();

  await db.schema
    .createTable('jobRuns')
    .addColumn('job', 'text', notNull)
    .addColumn('day', 'text', notNull)
    .addColumn('startedAt', 'text', notNull)
    .addColumn('finishedAt', 'text')
    .addColumn('summary', 'text')
    .addPrimaryKeyConstraint('jobRuns_pk', ['job', 'day'])
    .execute();

  // The verifiers' queue lists verified doctors by license expiry; the sweep reads them too.
  await db.schema
    .createIndex('doctors_status_expiry')
    .on('doctors')
    .columns(['verificationStatus', 'licenseExpiresOn', 'id'])
    .execute();
}
