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
  ruleId: string;
  severity: string;
}

/** Replaces what an item currently fails, so list filters and counts follow its latest check. */
export async function replaceFindings(
  db: AnyDb,
  resource: string,
  recordId: number,
  createdAt: string,
  findings: readonly Finding[],
): Promise<void> {
  await db
    .deleteFrom('ruleFindings')
    .where('resource', '=', resource)
    .where('recordId', '=', recordId)
    .execute();
  if (findings.length === 0) return;
  await db
    .insertInto('ruleFindings')
    .values(findings.map((f) => ({ resource, recordId, createdAt, ruleId: f.ruleId, severity: f.severity })))
    .execute();
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

export async function replaceBands(db: AnyDb, reviewId: number, bandKeys: readonly number[]): Promise<void> {
  await db.deleteFrom('reviewBands').where('reviewId', '=', reviewId).execute();
  if (bandKeys.length === 0) return;
  await db
    .insertInto('reviewBands')
    .values([...new Set(bandKeys)].map((bandKey) => ({ bandKey, reviewId })))
    .execute();
}

/**
 * The reviews sharing at least one band with these keys, those sharing the most first: the
 * near-duplicate candidates. `limit` bounds the work when a common text fills a band.
 */
export async function bandCandidates(
  db: AnyDb,
  bandKeys: readonly number[],
  exceptId: number,
  limit: number,
): Promise<number[]> {
  if (bandKeys.length === 0) return [];
  const rows = await db
    .selectFrom('reviewBands')
    .select(['reviewId', (eb) => eb.fn.countAll<number>().as('shared')])
    .where('bandKey', 'in', [...bandKeys])
    .where('reviewId', '!=', exceptId)
    .groupBy('reviewId')
    .orderBy('shared', 'desc')
    .orderBy('reviewId')
    .limit(limit)
    .execute();
  return rows.map((row) => row.reviewId);
}

export async function reviewTexts(db: AnyDb, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('reviews')
    .select(['id', 'doctorId', 'body'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Other reviews of one doctor from one address (index reviews_ip). */
export async function sameAddressReviews(
  db: AnyDb,
  ip: string,
  doctorId: number,
  exceptId: number,
  limit: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('reviews')
    .select('id')
    .where('reviewerIp', '=', ip)
    .where('doctorId', '=', doctorId)
    .where('id', '!=', exceptId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/** A doctor's reviews created in [from, to) (index reviews_doctor). */
export async function doctorReviewCount(
  db: AnyDb,
  doctorId: number,
  from: string,
  to: string,
): Promise<number> {
  const row = await db
    .selectFrom('reviews')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('doctorId', '=', doctorId)
    .where('createdAt', '>=', from)
    .where('createdAt', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** An account's reviews: how many, how many five stars, how many on one day (index reviews_reviewer). */
export async function accountActivity(db: AnyDb, reviewerId: string, dayStart: string, dayEnd: string) {
  const row = await db
    .selectFrom('reviews')
    .select([
      (eb) => eb.fn.countAll<number>().as('reviewCount'),
      sql<number>`coalesce(sum(case when rating = 5 then 1 else 0 end), 0)`.as('fiveStarCount'),
      sql<number>`coalesce(sum(case when "createdAt" >= ${dayStart} and "createdAt" < ${dayEnd} then 1 else 0 end), 0)`.as(
        'sameDayCount',
      ),
    ])
    .where('reviewerId', '=', reviewerId)
    .executeTakeFirstOrThrow();
  return {
    reviewCount: Number(row.reviewCount),
    fiveStarCount: Number(row.fiveStarCount),
    sameDayCount: Number(row.sameDayCount),
  };
}
