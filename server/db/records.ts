import { type ExpressionBuilder, type Kysely, type RawBuilder, sql } from 'kysely';
import { type Condition, countBound, type ListQuery } from '../../src/domain/listQuery';
import type { ResourceSpec } from '../../src/domain/resources';
import { allRules, isChecked } from '../../src/domain/rules/registry';
import type { Dialect } from './connection';
import { searchVector } from './search';

/**
 * Generic reads and writes of the REST resources, driven by their specs. Only the spec's fields
 * are ever selected, which is how a moderator's password hash never leaves the database.
 */

// The table and its columns come from a spec, so the query builder cannot type them statically.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
type Row = Record<string, unknown>;
export type ApiRecord = Record<string, unknown>;

export function toRecord(spec: ResourceSpec, row: Row, fields = Object.keys(spec.fields)): ApiRecord {
  const record: ApiRecord = {};
  for (const field of fields) {
    const { kind } = spec.fields[field];
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function where(eb: ExpressionBuilder<any, any>, spec: ResourceSpec, dialect: Dialect, condition: Condition) {
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
    case 'search':
      return eb('id', 'in', searchCandidates(spec, dialect, condition.terms));
  }
}

/**
 * The ids `q` finds: records having every term as a word or the start of one, the same on both
 * databases (see migration 009), and only the newest `countBound` + 1 of them. A common word
 * matches a large share of a million records, and sorting them all by a list's order would hold
 * SQLite, and the event loop with it, for a second; past the bound the total reads "10,000+" and
 * the console asks for another word.
 */
function searchCandidates(spec: ResourceSpec, dialect: Dialect, terms: string[]) {
  if (dialect === 'postgres')
    return sql`(select id from ${sql.table(spec.name)}
      where ${searchVector(spec.searchable)} @@ to_tsquery('simple', ${terms.map((t) => `${t}:*`).join(' & ')})
      order by id desc limit ${countBound + 1})`;
  const fts = sql.id(`${spec.name}_search`);
  return sql`(select rowid from ${fts} where ${fts} match ${terms.map((t) => `"${t}"*`).join(' ')}
    order by rowid desc limit ${countBound + 1})`;
}

function filtered(db: AnyDb, spec: ResourceSpec, dialect: Dialect, conditions: Condition[]) {
  return db.selectFrom(spec.name).where((eb) => eb.and(conditions.map((c) => where(eb, spec, dialect, c))));
}

/**
 * How many records a list's conditions match. Conditions on the moderation status alone (or none)
 * read the counts the database keeps; any other filter counts at most `countBound` + 1 rows, so no
 * list request counts hundreds of thousands of rows.
 */
async function countMatching(
  db: AnyDb,
  spec: ResourceSpec,
  dialect: Dialect,
  conditions: Condition[],
): Promise<number> {
  const status = spec.statusField;
  const statuses = conditions.every((c) => (c.op === 'eq' || c.op === 'in') && c.field === status)
    ? conditions.map((c) => (c.op === 'eq' ? [String(c.value)] : c.op === 'in' ? c.values.map(String) : []))
    : null;
  if (statuses) {
    let counts = db.selectFrom('recordCounts').select((eb) => eb.fn.sum<number>('count').as('total'));
    counts = counts.where('resource', '=', spec.name);
    for (const allowed of statuses)
      counts = counts.where('status', 'in', allowed.length > 0 ? allowed : ['']);
    const { total } = await counts.executeTakeFirstOrThrow();
    return Number(total ?? 0);
  }
  // A search past the bound answers "10,000+" whatever else the filter says: its rows are then
  // only the newest matches, so no total counted among them would be true.
  const search = conditions.find((c) => c.op === 'search');
  if (search && (await countOf(db, searchCandidates(spec, dialect, search.terms))) > countBound)
    return countBound + 1;
  return countOf(
    db,
    sql`(${filtered(db, spec, dialect, conditions)
      .select(sql<number>`1`.as('one'))
      .limit(countBound + 1)})`,
  );
}

/** How many rows a subquery yields; each one handed here stops at the bound itself. */
async function countOf(db: AnyDb, rows: RawBuilder<unknown>): Promise<number> {
  const { total } = await db
    .selectFrom(rows.as('found'))
    .select(sql<number>`count(*)`.as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

export async function listRecords(
  db: AnyDb,
  dialect: Dialect,
  spec: ResourceSpec,
  query: ListQuery,
): Promise<{ records: ApiRecord[]; total: number }> {
  const listing = query.projection === 'list';
  const columns = Object.keys(spec.fields).filter((field) => !listing || !spec.listOmits.includes(field));
  const excerpt = listing && spec.listOmits.includes('body');
  const [rows, total] = await Promise.all([
    filtered(db, spec, dialect, query.conditions)
      .select(columns)
      .$if(excerpt, (q) => q.select(sql<string>`substr(body, 1, ${excerptLength})`.as('excerpt')))
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
    countMatching(db, spec, dialect, query.conditions),
  ]);
  const records = rows.map((row) => ({
    ...toRecord(spec, row, columns),
    ...(excerpt ? { excerpt: row.excerpt } : {}),
  }));
  if (listing && spec.listOmits.includes('ruleResults') && isChecked(spec.name))
    await attachFailedRules(db, spec, records);
  return { records, total };
}

/** Characters of a long text a list row shows; the row cuts it to two lines anyway. */
const excerptLength = 240;

/** Each listed record's failed rules, from the findings kept beside it rather than its whole results. */
async function attachFailedRules(db: AnyDb, spec: ResourceSpec, records: ApiRecord[]): Promise<void> {
  const ids = records.map((record) => record.id as number);
  const findings =
    ids.length === 0
      ? []
      : await db
          .selectFrom('ruleFindings')
          .select(['recordId', 'ruleId', 'severity', 'message'])
          .where('resource', '=', spec.name)
          .where('recordId', 'in', ids)
          .execute();
  const byRecord = new Map<number, { ruleId: string; severity: string; message: string | null }[]>();
  for (const { recordId, ...finding } of findings) {
    byRecord.set(Number(recordId), [...(byRecord.get(Number(recordId)) ?? []), finding]);
  }
  // In the order the rules run, as the record's own results list them.
  const order = (ruleId: string) => allRules.findIndex((rule) => rule.id === ruleId);
  for (const record of records) {
    record.failedRules = (byRecord.get(record.id as number) ?? []).sort(
      (a, b) => order(a.ruleId) - order(b.ruleId),
    );
  }
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
