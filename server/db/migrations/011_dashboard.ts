import type { Kysely } from 'kysely';
import type { Dialect } from '../connection';

/**
 * What the dashboard and the transparency report read:
 * - claimedAt on every moderated table: when the current claim began (a renewal keeps it), so a
 *   decision knows how long its moderator held the item;
 * - handlingTimes: one row per decision taken on a claimed item, keyed by its audit entry, with
 *   the time from claim to decision; medians are taken over it in SQL;
 * - audit_outcomes: the audit log by resource and time, carrying the columns the counts group by,
 *   so a day's or a report's decisions are read from the index alone;
 * - qualityChecks: the decisions drawn for a second review, open until someone else decides the
 *   item again, then agreed or disputed. Only seniors and the second reviewers read it, so a
 *   moderator cannot tell which of their decisions were drawn.
 */
const moderatedTables = ['answers', 'reviews', 'photos', 'doctors'];

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  for (const table of moderatedTables) {
    await db.schema.alterTable(table).addColumn('claimedAt', 'text').execute();
  }
  await db.schema
    .createTable('handlingTimes')
    .addColumn('auditId', 'integer', (c) => c.primaryKey())
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('actorId', 'integer', (c) => c.notNull())
    .addColumn('decidedAt', 'text', (c) => c.notNull())
    .addColumn('ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('handlingTimes_resource')
    .on('handlingTimes')
    .columns(['resource', 'decidedAt', 'ms'])
    .execute();
  await db.schema
    .createIndex('handlingTimes_actor')
    .on('handlingTimes')
    .columns(['actorId', 'decidedAt', 'ms'])
    .execute();
  await db.schema
    .createIndex('audit_outcomes')
    .on('audit')
    .columns(['resource', 'at', 'action', 'toStatus', 'fromStatus', 'reasonCode'])
    .execute();
  await db.schema.createIndex('audit_actor_at').on('audit').columns(['actorId', 'at', 'action']).execute();
  const checks = db.schema.createTable('qualityChecks');
  await (
    dialect === 'postgres'
      ? checks.addColumn('id', 'serial', (c) => c.primaryKey())
      : checks.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('recordId', 'integer', (c) => c.notNull())
    .addColumn('decisionAuditId', 'integer', (c) => c.notNull().references('audit.id'))
    .addColumn('firstActorId', 'integer', (c) => c.notNull())
    .addColumn('firstAction', 'text', (c) => c.notNull())
    .addColumn('sampledAt', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('reviewerId', 'integer')
    .addColumn('reviewAction', 'text')
    .addColumn('reviewedAt', 'text')
    .execute();
  await db.schema.createIndex('qualityChecks_status').on('qualityChecks').columns(['status', 'id']).execute();
  await db.schema
    .createIndex('qualityChecks_first')
    .on('qualityChecks')
    .columns(['firstActorId', 'reviewedAt', 'status'])
    .execute();
}
