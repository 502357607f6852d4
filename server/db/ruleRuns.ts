import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, RuleRunsTable } from './schema';

/** The `ruleRuns` table (migration 005): where each type's re-run of the rules stands. */

type Db = Kysely<Database>;
export type RunRow = Selectable<RuleRunsTable>;

/** Writes a type's run afresh, replacing whatever run it had. */
export async function startRunRow(db: Db, row: RunRow): Promise<void> {
  const { type: _type, ...rest } = row;
  await db
    .insertInto('ruleRuns')
    .values(row)
    .onConflict((oc) => oc.column('type').doUpdateSet(rest))
    .execute();
}

export async function runRows(db: Db): Promise<RunRow[]> {
  return db.selectFrom('ruleRuns').selectAll().orderBy('type').execute();
}

export async function runRow(db: Db, type: string): Promise<RunRow> {
  return db.selectFrom('ruleRuns').selectAll().where('type', '=', type).executeTakeFirstOrThrow();
}

/** Takes an unfinished run whose lease is free or ran out; null when it is finished or held. */
export async function leaseRunRow(db: Db, type: string, now: string, until: string): Promise<RunRow | null> {
  const row = await db
    .updateTable('ruleRuns')
    .set({ leaseUntil: until })
    .where('type', '=', type)
    .where('finishedAt', 'is', null)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

export async function advanceRunRow(
  db: Db,
  type: string,
  changes: Updateable<RuleRunsTable>,
): Promise<RunRow> {
  return db
    .updateTable('ruleRuns')
    .set(changes)
    .where('type', '=', type)
    .returningAll()
    .executeTakeFirstOrThrow();
}
