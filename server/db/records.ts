import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Condition, ListQuery } from '../../src/domain/listQuery';
import type { ResourceSpec } from '../../src/domain/resources';

/**
 * Generic reads and writes of the REST resources, driven by their specs. Only the spec's fields
 * are ever selected, which is how a moderator's password hash never leaves the database.
 */

// The table and its columns come from a spec, so the query builder cannot type them statically.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;
export type ApiRecord = Record<string, unknown>;

export function toRecord(spec: ResourceSpec, row: Row): ApiRecord {
  const record: ApiRecord = {};
  for (const [field, { kind }] of Object.entries(spec.fields)) {
    const value = row[field];
    if (value === null || value === undefined) record[field] = null;
    else if (kind === 'bool') record[field] = value === 1 || value === true;
    else if (kind === 'json') record[field] = JSON.parse(String(value));
    else if (kind === 'id' || kind === 'ref' || kind === 'int') record[field] = Number(value);
    else record[field] = value;
  }
  return record;
}

export function toRow(spec: ResourceSpec, values: ApiRecord): Row {
  const row: Row = {};
  for (const [field, value] of Object.entries(values)) {
    const kind = spec.fields[field]?.kind;
    if (!kind) continue;
    if (value === null || value === undefined) row[field] = null;
    else if (kind === 'bool') row[field] = value ? 1 : 0;
    else if (kind === 'json') row[field] = JSON.stringify(value);
    else row[field] = value;
  }
  return row;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function where(eb: ExpressionBuilder<any, any>, condition: Condition) {
  switch (condition.op) {
    case 'eq':
      return eb(condition.field, '=', condition.value);
    case 'in':
      return condition.values.length === 0
        ? sql<boolean>`1 = 0`
        : eb(condition.field, 'in', condition.values);
    case 'isNull':
      return eb(condition.field, 'is', null);
    case 'gte':
      return eb(condition.field, '>=', condition.value);
    case 'lte':
      return eb(condition.field, '<=', condition.value);
    case 'failedRule':
      return eb(
        'id',
        'in',
        eb
          .selectFrom('ruleFindings')
          .select('recordId')
          .where('resource', '=', condition.resource)
          .where('ruleId', 'in', condition.ruleIds),
      );
    case 'search': {
      const pattern = `%${escapeLike(condition.text.toLowerCase())}%`;
      return eb.or(
        condition.fields.map((field) => sql<boolean>`lower(${sql.ref(field)}) like ${pattern} escape '\\'`),
      );
    }
  }
}

function filtered(db: AnyDb, spec: ResourceSpec, conditions: Condition[]) {
  return db.selectFrom(spec.name).where((eb) => eb.and(conditions.map((c) => where(eb, c))));
}

export async function listRecords(
  db: AnyDb,
  spec: ResourceSpec,
  query: ListQuery,
): Promise<{ records: ApiRecord[]; total: number }> {
  const base = filtered(db, spec, query.conditions);
  const [rows, count] = await Promise.all([
    base
      .select(Object.keys(spec.fields))
      // SQLite and PostgreSQL place nulls at opposite ends by default; empty values go last on both.
      // Only nullable fields say so: the clause would keep either database from sorting by an index.
      .orderBy(query.sort.field, (ob) => {
        const ordered = query.sort.order === 'asc' ? ob.asc() : ob.desc();
        return spec.fields[query.sort.field].nullable ? ordered.nullsLast() : ordered;
      })
      // id breaks ties so that pages never overlap or skip rows.
      .orderBy('id', query.sort.order)
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { records: rows.map((row) => toRecord(spec, row)), total: Number(count.total) };
}

export async function findRecord(db: AnyDb, spec: ResourceSpec, id: number): Promise<ApiRecord | null> {
  const row = await db
    .selectFrom(spec.name)
    .select(Object.keys(spec.fields))
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(spec, row) : null;
}

export async function findRecords(
  db: AnyDb,
  spec: ResourceSpec,
  ids: readonly number[],
): Promise<ApiRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(spec.name)
    .select(Object.keys(spec.fields))
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
  return rows.map((row) => toRecord(spec, row));
}

/** The next `limit` records after `afterId`, in id order: a walk through a whole table in batches. */
export async function recordsAfter(
  db: AnyDb,
  spec: ResourceSpec,
  afterId: number,
  limit: number,
): Promise<ApiRecord[]> {
  const rows = await db
    .selectFrom(spec.name)
    .select(Object.keys(spec.fields))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => toRecord(spec, row));
}

export async function insertRecord(db: AnyDb, spec: ResourceSpec, values: ApiRecord): Promise<ApiRecord> {
  const row = await db
    .insertInto(spec.name)
    .values(toRow(spec, values))
    .returning(Object.keys(spec.fields))
    .executeTakeFirstOrThrow();
  return toRecord(spec, row);
}

/** Writes the changes only if the record still has `expectedVersion`; null when it does not. */
export async function updateRecord(
  db: AnyDb,
  spec: ResourceSpec,
  id: number,
  changes: ApiRecord,
  expectedVersion: number | null,
): Promise<ApiRecord | null> {
  const versioned = 'version' in spec.fields;
  let update = db.updateTable(spec.name).set(toRow(spec, changes)).where('id', '=', id);
  if (versioned) {
    update = update.set((eb) => ({ version: eb('version', '+', 1) }));
    if (expectedVersion !== null) update = update.where('version', '=', expectedVersion);
  }
  const row = await update.returning(Object.keys(spec.fields)).executeTakeFirst();
  return row ? toRecord(spec, row) : null;
}

export async function deleteRecord(db: AnyDb, spec: ResourceSpec, id: number): Promise<boolean> {
  const result = await db.deleteFrom(spec.name).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
