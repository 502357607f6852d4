import type { Kysely } from 'kysely';

/**
 * What the dashboard and the transparency report read:
 * - claimedAt on every moderated table: when the current claim began (a renewal keeps it), so a
 *   decision knows how long its moderator held the item;
 * - handlingTimes: one row per decision taken on a claimed item, keyed by its audit entry, with
 *   the time from claim to decision; medians are taken over it in SQL;
 * - audit_outcomes: the audit log by resource and time, carrying the columns the counts group by,
 *   so a day's or a report's decisions are read from the index alone.
 */
const moderatedTables = ['answers', 'reviews', 'photos', 'doctors'];

export async function up(db: Kysely<unknown>): Promise<void> {
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
}
