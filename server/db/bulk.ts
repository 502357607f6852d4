import { type Insertable, type Kysely, sql } from 'kysely';
import type { Db } from './connection';
import type { Database } from './schema';

/**
 * Loading many rows at once (the demo data, benchmarks): multi-row inserts sized under the bound
 * parameter limit of SQLite (32766 per statement; PostgreSQL allows 65535), one transaction per call.
 */
const parametersPerStatement = 30_000;

export type TableName = keyof Database;

export async function insertRows<T extends TableName>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const rowsPerStatement = Math.max(1, Math.floor(parametersPerStatement / Object.keys(rows[0]).length));
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      // The table is a type parameter here, which Kysely's builder cannot narrow.
      const batch = rows.slice(start, start + rowsPerStatement) as Insertable<Database['audit']>[];
      await trx
        .insertInto(table as 'audit')
        .values(batch)
        .execute();
    }
  });
}

export async function countRows(db: Kysely<Database>, table: TableName): Promise<number> {
  const { count } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function hasRows(db: Kysely<Database>, table: TableName): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`1`.as('one'))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Drops every table of a PostgreSQL database, the migration bookkeeping included. */
export async function dropPostgresSchema(db: Db): Promise<void> {
  if (db.dialect !== 'postgres')
    throw new Error('dropPostgresSchema is for PostgreSQL; remove the SQLite file instead');
  await sql`drop schema if exists public cascade`.execute(db.kysely);
  await sql`create schema public`.execute(db.kysely);
}

/**
 * Runs a bulk load into `tables` the fast way: their secondary indexes are dropped first and built
 * again afterwards from the definitions the database kept (building an index over rows in place is
 * several times faster than maintaining it row by row), and SQLite gets a large page cache
 * (1 GiB, allocated only as it fills) instead of its default 2 MB. Constraint indexes stay.
 */
export async function bulkLoad<T>(db: Db, tables: readonly TableName[], load: () => Promise<T>): Promise<T> {
  const indexes = await secondaryIndexes(db, tables);
  const cacheSize =
    db.dialect === 'sqlite'
      ? (await sql<{ cache_size: number }>`pragma cache_size`.execute(db.kysely)).rows[0].cache_size
      : null;
  if (cacheSize !== null) await sql`pragma cache_size = -1048576`.execute(db.kysely);
  for (const { name } of indexes) await sql`drop index ${sql.id(name)}`.execute(db.kysely);
  try {
    return await load();
  } finally {
    for (const { definition } of indexes) await sql.raw(definition).execute(db.kysely);
    if (cacheSize !== null) await sql.raw(`pragma cache_size = ${Number(cacheSize)}`).execute(db.kysely);
    // Fresh statistics: without them SQLite's planner can pick the status index for a doctor's
    // reviews and scan every pending row instead of reading that doctor's few.
    await sql`analyze`.execute(db.kysely);
  }
}

async function secondaryIndexes(
  db: Db,
  tables: readonly TableName[],
): Promise<{ name: string; definition: string }[]> {
  const query =
    db.dialect === 'sqlite'
      ? sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master
          where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)}) order by name`
      : sql<{
          name: string;
          definition: string;
        }>`select indexname as name, indexdef as definition from pg_indexes
          where schemaname = current_schema() and tablename in (${sql.join(tables)})
            and indexname not in (select conname from pg_constraint) order by indexname`;
  return (await query.execute(db.kysely)).rows;
}
