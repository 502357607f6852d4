import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection';

/**
 * What the authenticity rules keep besides each item's own results:
 * - ruleSettings: an admin's choices per rule (absent row = the rule's defaults);
 * - ruleFindings: one row per failed rule per item, so that lists filter by rule and the Rules
 *   page counts how often a rule fired without reading every item's JSON;
 * - reviewBands: the near-duplicate index, one row per LSH band of each review's MinHash
 *   signature; a lookup reads the rows of a review's own band keys, whatever the table's size;
 * - ruleRuns: the progress of a re-run per content type, so an interrupted run resumes.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const settings = db.schema.createTable('ruleSettings');
  await (
    dialect === 'postgres'
      ? settings.addColumn('id', 'serial', (c) => c.primaryKey())
      : settings.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('ruleId', 'text', (c) => c.notNull().unique())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('threshold', 'real')
    .addColumn('updatedAt', 'text', (c) => c.notNull())
    .addColumn('updatedBy', 'integer', (c) => c.references('moderators.id'))
    .execute();

  await db.schema
    .createTable('ruleFindings')
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('recordId', 'integer', (c) => c.notNull())
    .addColumn('ruleId', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    // The item's own creation time: "fired in the last 30 days" counts items, not re-runs.
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ruleFindings_pk', ['resource', 'recordId', 'ruleId'])
    .execute();
  await db.schema
    .createIndex('ruleFindings_rule')
    .on('ruleFindings')
    .columns(['resource', 'ruleId', 'recordId'])
    .execute();
  await db.schema
    .createIndex('ruleFindings_recent')
    .on('ruleFindings')
    .columns(['ruleId', 'createdAt'])
    .execute();

  const bands = db.schema
    .createTable('reviewBands')
    .addColumn('bandKey', 'bigint', (c) => c.notNull())
    .addColumn('reviewId', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reviewBands_pk', ['bandKey', 'reviewId']);
  // In SQLite the primary key itself holds the rows: one b-tree less to write for 20 rows a review.
  await (dialect === 'sqlite' ? bands.modifyEnd(sql`without rowid`) : bands).execute();
  await db.schema.createIndex('reviewBands_review').on('reviewBands').column('reviewId').execute();

  await db.schema
    .createTable('ruleRuns')
    .addColumn('type', 'text', (c) => c.primaryKey())
    .addColumn('phase', 'text', (c) => c.notNull())
    // The last id the current phase finished; batches commit it with their results.
    .addColumn('lastId', 'integer', (c) => c.notNull())
    // Items the current phase went through, of the total counted when the run was asked for.
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('startedAt', 'text', (c) => c.notNull())
    .addColumn('finishedAt', 'text')
    // Who is running it: one instance at a time, others leave it alone until the lease runs out.
    .addColumn('leaseUntil', 'text')
    .execute();

  // The review signals the rules ask for, each an indexed read: an account's reviews by day.
  await db.schema.dropIndex('reviews_reviewer').execute();
  await db.schema
    .createIndex('reviews_reviewer')
    .on('reviews')
    .columns(['reviewerId', 'createdAt'])
    .execute();
}
