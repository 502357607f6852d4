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
    rows.map((row) => [row.ruleId, { enabled: row.enabled === 1, threshold: row.threshold }]),
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

/** Replaces the band keys of these reviews in the near-duplicate index. */
export async function replaceBands(
  db: AnyDb,
  bands: readonly { reviewId: number; bandKeys: readonly number[] }[],
): Promise<void> {
  if (bands.length === 0) return;
  await db
    .deleteFrom('reviewBands')
    .where(
      'reviewId',
      'in',
      bands.map((b) => b.reviewId),
    )
    .execute();
  const rows = bands.flatMap(({ reviewId, bandKeys }) =>
    [...new Set(bandKeys)].map((bandKey) => ({ bandKey, reviewId })),
  );
  for (let start = 0; start < rows.length; start += 5000) {
    await db
      .insertInto('reviewBands')
      .values(rows.slice(start, start + 5000))
      .execute();
  }
}

/**
 * Which reviews hold each of these band keys: the near-duplicate candidates of a batch. A band
 * that a phrase common to thousands of reviews fills says little about any one of them, so only
 * its newest `perBand` holders are read: a wave of copies is still met by its latest members.
 */
export async function bandMembers(db: AnyDb, bandKeys: readonly number[], perBand: number) {
  if (bandKeys.length === 0) return [];
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('reviewBands')
        .select([
          'bandKey',
          'reviewId',
          sql<number>`row_number() over (partition by ${sql.ref('bandKey')} order by ${sql.ref('reviewId')} desc)`.as(
            'rank',
          ),
        ])
        .where('bandKey', 'in', [...bandKeys])
        .as('members'),
    )
    .select(['bandKey', 'reviewId'])
    .where('rank', '<=', perBand)
    .execute();
}

export async function reviewTextsAfter(db: AnyDb, afterId: number, limit: number) {
  return db
    .selectFrom('reviews')
    .select(['id', 'body'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
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

export async function reviewTexts(db: AnyDb, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('reviews')
    .select(['id', 'doctorId', 'body'])
    .where('id', 'in', [...ids])
    .execute();
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
