import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { RuleSettings } from '../../src/domain/rules/engine';
import type { Database, RuleSettingsTable } from './schema';

type SettingRow = Selectable<RuleSettingsTable>;

/** The rules' tables (migration 005) and the indexed reads that gather a review's signals. */

type AnyDb = Kysely<Database> | Transaction<Database>;

export async function storedSettings(db: AnyDb): Promise<SettingRow[]> {
  return db.selectFrom('ruleSettings').selectAll().execute();
}

export const asSettings = (rows: readonly SettingRow[]): RuleSettings =>
  Object.fromEntries(
    rows.map((row) => [
      row.ruleId,
      {
        enabled: row.enabled === 1,
        threshold: row.threshold,
        tuned: JSON.parse(row.tuned) as Record<string, number>,
      },
    ]),
  );

export async function saveSetting(
  trx: Transaction<Database>,
  row: Omit<SettingRow, 'id'>,
): Promise<SettingRow> {
  return trx
    .insertInto('ruleSettings')
    .values(row)
    .onConflict((oc) =>
      oc.column('ruleId').doUpdateSet({
        enabled: row.enabled,
        threshold: row.threshold,
        tuned: row.tuned,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface Finding {
  recordId: number;
  ruleId: string;
  severity: string;
  message: string;
  /** The item's creation time. */
  createdAt: string;
}

/** Replaces what these items currently fail, so list filters and counts follow their latest check. */
export async function replaceFindings(
  db: AnyDb,
  resource: string,
  recordIds: readonly number[],
  findings: readonly Finding[],
): Promise<void> {
  if (recordIds.length === 0) return;
  await db
    .deleteFrom('ruleFindings')
    .where('resource', '=', resource)
    .where('recordId', 'in', [...recordIds])
    .execute();
  // Five values a row, well under either database's limit on bound parameters per statement.
  for (let start = 0; start < findings.length; start += 2000) {
    await db
      .insertInto('ruleFindings')
      .values(findings.slice(start, start + 2000).map((f) => ({ resource, ...f })))
      .execute();
  }
}

/** How many items created since `since` fail each rule now. */
export async function findingCounts(db: AnyDb, since: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('ruleFindings')
    .select(['ruleId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('createdAt', '>=', since)
    .groupBy('ruleId')
    .execute();
  return new Map(rows.map((row) => [row.ruleId, Number(row.count)]));
}

/** A review's entry in the near-duplicate index: its band keys and its shingles. */
export interface IndexEntry {
  reviewId: number;
  bandKeys: readonly number[];
  shingles: Uint32Array;
}

const encodeShingles = (shingles: Uint32Array): Buffer => {
  const bytes = Buffer.allocUnsafe(shingles.length * 4);
  shingles.forEach((hash, i) => bytes.writeUInt32LE(hash, i * 4));
  return bytes;
};

const decodeShingles = (bytes: Uint8Array): Uint32Array => {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: view.length / 4 }, (_, i) => view.readUInt32LE(i * 4));
};

/**
 * Replaces these reviews' entries in the near-duplicate index. A review without band keys (too
 * short to compare) keeps no entry at all. Entries stored as they are now are left alone: a re-run
 * over reviews nobody edited would otherwise delete and write again some 25 rows for each, most
 * of its transactions' time.
 */
export async function replaceBands(db: AnyDb, entries: readonly IndexEntry[]): Promise<void> {
  const changed = await changedEntries(db, entries);
  if (changed.length === 0) return;
  const ids = changed.map((e) => e.reviewId);
  await db.deleteFrom('reviewBands').where('reviewId', 'in', ids).execute();
  await db.deleteFrom('reviewShingles').where('reviewId', 'in', ids).execute();
  const rows = changed.flatMap(({ reviewId, bandKeys }) =>
    [...new Set(bandKeys)].map((bandKey) => ({ bandKey, reviewId })),
  );
  for (let start = 0; start < rows.length; start += 5000) {
    await db
      .insertInto('reviewBands')
      .values(rows.slice(start, start + 5000))
      .execute();
  }
  const sets = changed
    .filter((e) => e.bandKeys.length > 0)
    .map((e) => ({ reviewId: e.reviewId, shingles: encodeShingles(e.shingles) }));
  for (let start = 0; start < sets.length; start += 5000) {
    await db
      .insertInto('reviewShingles')
      .values(sets.slice(start, start + 5000))
      .execute();
  }
}

/** The entries whose band keys or content words differ from those stored for their review. */
async function changedEntries(db: AnyDb, entries: readonly IndexEntry[]): Promise<IndexEntry[]> {
  if (entries.length === 0) return [];
  const ids = entries.map((e) => e.reviewId);
  const [bands, stored] = await Promise.all([
    db.selectFrom('reviewBands').select(['reviewId', 'bandKey']).where('reviewId', 'in', ids).execute(),
    db.selectFrom('reviewShingles').select(['reviewId', 'shingles']).where('reviewId', 'in', ids).execute(),
  ]);
  const storedKeys = new Map<number, Set<number>>();
  for (const { reviewId, bandKey } of bands) {
    let keys = storedKeys.get(reviewId);
    if (!keys) storedKeys.set(reviewId, (keys = new Set()));
    keys.add(Number(bandKey));
  }
  const storedShingles = new Map(stored.map((row) => [row.reviewId, Buffer.from(row.shingles)]));
  return entries.filter(({ reviewId, bandKeys, shingles }) => {
    const keys = new Set(bandKeys);
    const before = storedKeys.get(reviewId) ?? new Set<number>();
    if (keys.size !== before.size || [...keys].some((key) => !before.has(key))) return true;
    const words = storedShingles.get(reviewId);
    if (keys.size === 0) return words !== undefined;
    return words === undefined || !words.equals(encodeShingles(shingles));
  });
}

/**
 * Which reviews hold each of these band keys: the near-duplicate candidates of a batch. A band
 * that words common to thousands of reviews fill says little about any one of them, so only its
 * newest `perBand` holders are read, each key's through the primary key in reverse: the cost of a
 * lookup is bounded however full a band is, and a wave of copies is met by its latest members.
 */
export async function bandMembers(
  db: AnyDb,
  bandKeys: readonly number[],
  perBand: number,
): Promise<Map<number, number[]>> {
  const keys = [...new Set(bandKeys)];
  const members = new Map<number, number[]>();
  // A key's holders come back joined in one row: a lookup reads up to 25 x 50 of them, and making
  // a row per holder cost several times more than the index seeks themselves.
  for (let start = 0; start < keys.length; start += 1000) {
    const wanted = keys.slice(start, start + 1000).map((key) => sql`(cast(${key} as bigint))`);
    const { rows } = await sql<{ bandKey: number; holders: string | null }>`
      with ${sql.table('wanted')} (${sql.ref('key')}) as (values ${sql.join(wanted)})
      select ${sql.ref('key')} as ${sql.ref('bandKey')}, (
        select string_agg(cast(${sql.ref('reviewId')} as text), ',') from (
          select ${sql.ref('reviewId')} from ${sql.table('reviewBands')}
          where ${sql.ref('bandKey')} = ${sql.ref('wanted.key')}
          order by ${sql.ref('reviewId')} desc limit ${perBand}
        ) as ${sql.table('newest')}
      ) as ${sql.ref('holders')}
      from ${sql.table('wanted')}`.execute(db);
    for (const { bandKey, holders } of rows)
      members.set(Number(bandKey), holders === null ? [] : holders.split(',').map(Number));
  }
  return members;
}

/** The question an answer answers, as the answer rules read it. */
export async function questionOf(db: AnyDb, id: number) {
  const row = await db
    .selectFrom('questions')
    .select(['title', 'body', 'procedure'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** The questions these answers answer, by id, as the answer rules read them. */
export async function questionsOf(db: AnyDb, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, { title: string; body: string; procedure: string }>();
  const rows = await db
    .selectFrom('questions')
    .select(['id', 'title', 'body', 'procedure'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map(({ id, ...question }) => [id, question]));
}

/**
 * What tells whether an item changed or was checked since it was read: its version and its stored
 * results, as stored.
 */
export async function checkStamps(
  db: AnyDb,
  type: 'answers' | 'reviews',
  which: { ids: readonly number[] } | { afterId: number; limit: number },
) {
  if ('ids' in which && which.ids.length === 0)
    return new Map<number, { version: number; ruleResults: string }>();
  const query = db.selectFrom(type).select(['id', 'version', 'ruleResults']);
  const rows = await (
    'ids' in which
      ? query.where('id', 'in', [...which.ids])
      : query.where('id', '>', which.afterId).orderBy('id').limit(which.limit)
  ).execute();
  return new Map(rows.map(({ id, ...stamp }) => [id, stamp]));
}

/** Stores a check's outcome on its item; the version stays, since a check is not an edit. */
export async function storeOutcome(
  db: AnyDb,
  type: 'doctors' | 'answers' | 'reviews' | 'photos',
  id: number,
  ruleResults: string,
  riskScore: number,
): Promise<void> {
  await db.updateTable(type).set({ ruleResults, riskScore }).where('id', '=', id).execute();
}

/** The shingles of these indexed reviews, with the doctor each is about. */
export async function indexedShingles(db: AnyDb, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('reviewShingles')
    .innerJoin('reviews', 'reviews.id', 'reviewShingles.reviewId')
    .select(['reviews.id', 'reviews.doctorId', 'reviewShingles.shingles'])
    .where('reviewShingles.reviewId', 'in', [...ids])
    .execute();
  return rows.map((row) => ({ id: row.id, doctorId: row.doctorId, shingles: decodeShingles(row.shingles) }));
}

/** The reviews from these addresses about these doctors (index reviews_ip); pairs are matched by the caller. */
export async function addressReviews(db: AnyDb, ips: readonly string[], doctorIds: readonly number[]) {
  return db
    .selectFrom('reviews')
    .select(['id', 'reviewerIp', 'doctorId'])
    .where('reviewerIp', 'in', [...ips])
    .where('doctorId', 'in', [...doctorIds])
    .execute();
}

/** When these doctors' reviews were created, within [from, to) (index reviews_doctor). */
export async function doctorReviewTimes(db: AnyDb, doctorIds: readonly number[], from: string, to: string) {
  return db
    .selectFrom('reviews')
    .select(['doctorId', 'createdAt'])
    .where('doctorId', 'in', [...doctorIds])
    .where('createdAt', '>=', from)
    .where('createdAt', '<', to)
    .execute();
}

/** Every review of these accounts (index reviews_reviewer). */
export async function accountReviews(db: AnyDb, reviewerIds: readonly string[]) {
  return db
    .selectFrom('reviews')
    .select(['reviewerId', 'createdAt', 'rating'])
    .where('reviewerId', 'in', [...reviewerIds])
    .execute();
}
