import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { resourceSpecs, type ResourceSpec } from '../../src/domain/resources';
import { awaitsSecondVerifier, holdingRules, type ModeratedResource } from '../../src/domain/transitions';
import type { Dialect } from './connection';
import { type ApiRecord, toRecord } from './records';
import type { Database } from './schema';

/**
 * The reads and writes of moderation: records locked for a decision, the pending items the queue
 * hands out, claims, the facts an author's notice is written from, and a record's history.
 */

type Db = Kysely<Database>;
// The table comes from a spec, so the query builder cannot type its columns statically.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const columns = (spec: ResourceSpec) => Object.keys(spec.fields);
const statusColumn = (spec: ResourceSpec) => spec.statusField!;

/**
 * The record as it is now. On PostgreSQL the row stays locked until the transaction ends, so two
 * moderators deciding the same item at the same moment take turns; SQLite runs one write
 * transaction at a time anyway.
 */
export async function lockRecord(
  trx: Db,
  dialect: Dialect,
  spec: ResourceSpec,
  id: number,
): Promise<ApiRecord | null> {
  let query = (trx as AnyDb).selectFrom(spec.name).select(columns(spec)).where('id', '=', id);
  if (dialect === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? toRecord(spec, row) : null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyExpressionBuilder = ExpressionBuilder<any, any>;

/** A claim that has passed its expiry holds nothing. */
const unclaimedAt = (now: string) => (eb: AnyExpressionBuilder) =>
  eb.or([eb('claimedBy', 'is', null), eb('claimExpiresAt', '<=', now)]);

/**
 * The first item of the queue order (risk, then age, then id) that waits in one of `statuses`,
 * that nobody holds, and that `moderatorId` may take: a doctor awaiting a second verifier is not
 * served to the verifier who verified first. With `lock` (PostgreSQL) the row is locked and rows other transactions hold are
 * skipped, so concurrent callers are each handed a different item without waiting for one another.
 */
export async function nextUnclaimed(
  trx: Db,
  spec: ResourceSpec,
  statuses: readonly string[],
  moderatorId: number,
  now: string,
  lock: boolean,
): Promise<ApiRecord | null> {
  let query = (trx as AnyDb)
    .selectFrom(spec.name)
    .select(columns(spec))
    .where(statusColumn(spec), 'in', [...statuses])
    .where(unclaimedAt(now))
    .orderBy('riskScore', 'desc')
    .orderBy('createdAt', 'asc')
    .orderBy('id', 'asc')
    .limit(1);
  // A held item waits on its author (an answer on its doctor's verification), not on a moderator.
  query = query.where((eb: AnyExpressionBuilder) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('ruleFindings')
          .select('ruleFindings.recordId')
          .where('ruleFindings.resource', '=', spec.name)
          .whereRef('ruleFindings.recordId', '=', `${spec.name}.id`)
          .where('ruleFindings.ruleId', 'in', [...holdingRules]),
      ),
    ),
  );
  if (statuses.includes(awaitsSecondVerifier)) {
    query = query.where((eb: AnyExpressionBuilder) =>
      eb.or([
        eb(statusColumn(spec), '!=', awaitsSecondVerifier),
        eb('decidedBy', 'is', null),
        eb('decidedBy', '!=', moderatorId),
      ]),
    );
  }
  if (lock) query = query.forUpdate().skipLocked();
  const row = await query.executeTakeFirst();
  return row ? toRecord(spec, row) : null;
}

/**
 * Gives the record to `moderatorId` until `until` if it is in one of `statuses` and nobody else
 * holds it now (renewing the caller's own claim); null otherwise, or when the record is gone. A
 * claim is bookkeeping, not a change of the record, so its version stays.
 */
export async function claimRecord(
  db: Db,
  spec: ResourceSpec,
  id: number,
  claim: { moderatorId: number; statuses: readonly string[]; now: string; until: string },
): Promise<ApiRecord | null> {
  const row = await (db as AnyDb)
    .updateTable(spec.name)
    .set({
      claimedBy: claim.moderatorId,
      claimExpiresAt: claim.until,
      // A renewal continues the claim: the handling time runs from when the moderator took the item.
      claimedAt: sql`case when "claimedBy" = ${claim.moderatorId} and "claimExpiresAt" > ${claim.now}
        then coalesce("claimedAt", ${claim.now}) else ${claim.now} end`,
    })
    .where('id', '=', id)
    .where(statusColumn(spec), 'in', claim.statuses)
    .where((eb: AnyExpressionBuilder) =>
      eb.or([unclaimedAt(claim.now)(eb), eb('claimedBy', '=', claim.moderatorId)]),
    )
    .returning(columns(spec))
    .executeTakeFirst();
  return row ? toRecord(spec, row) : null;
}

/** When `moderatorId`'s claim on the record began; null when they hold none. */
export async function claimStart(
  trx: Db,
  spec: ResourceSpec,
  id: number,
  moderatorId: number,
): Promise<string | null> {
  const row = await (trx as AnyDb)
    .selectFrom(spec.name)
    .select('claimedAt')
    .where('id', '=', id)
    .where('claimedBy', '=', moderatorId)
    .executeTakeFirst();
  return (row?.claimedAt as string | null | undefined) ?? null;
}

/** Records how long a decision's moderator held the item, beside the decision's audit entry. */
export async function recordHandlingTime(
  trx: Db,
  row: { auditId: number; resource: string; actorId: number; decidedAt: string; ms: number },
): Promise<void> {
  await trx.insertInto('handlingTimes').values(row).execute();
}

/** Drops `moderatorId`'s claim on the record; null when they hold none there. */
export async function releaseClaim(
  db: Db,
  spec: ResourceSpec,
  id: number,
  moderatorId: number,
): Promise<ApiRecord | null> {
  const row = await (db as AnyDb)
    .updateTable(spec.name)
    .set({ claimedBy: null, claimExpiresAt: null })
    .where('id', '=', id)
    .where('claimedBy', '=', moderatorId)
    .returning(columns(spec))
    .executeTakeFirst();
  return row ? toRecord(spec, row) : null;
}

/** Who a notice about a record goes to, and the values its message is filled with. */
export interface NoticeSubject {
  id: number;
  recipient: string;
  values: Record<string, string>;
}

/** The notice subjects of `ids` (missing records are left out), read in one query. */
export async function noticeSubjects(
  db: Db,
  resource: ModeratedResource,
  ids: readonly number[],
): Promise<NoticeSubject[]> {
  if (ids.length === 0) return [];
  switch (resource) {
    case 'answers': {
      const rows = await db
        .selectFrom('answers')
        .innerJoin('doctors', 'doctors.id', 'answers.doctorId')
        .innerJoin('questions', 'questions.id', 'answers.questionId')
        .select(['answers.id', 'doctors.name', 'questions.title'])
        .where('answers.id', 'in', ids)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        recipient: r.name,
        values: { authorName: r.name, title: r.title },
      }));
    }
    case 'reviews': {
      const rows = await db
        .selectFrom('reviews')
        .innerJoin('doctors', 'doctors.id', 'reviews.doctorId')
        .select(['reviews.id', 'reviews.reviewerEmail', 'reviews.title', 'reviews.procedure', 'doctors.name'])
        .where('reviews.id', 'in', ids)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        recipient: r.reviewerEmail,
        values: { title: r.title, doctorName: r.name, procedure: r.procedure },
      }));
    }
    case 'photos': {
      const rows = await db
        .selectFrom('photos')
        .innerJoin('doctors', 'doctors.id', 'photos.doctorId')
        .select(['photos.id', 'photos.procedure', 'doctors.name'])
        .where('photos.id', 'in', ids)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        recipient: r.name,
        values: { authorName: r.name, procedure: r.procedure },
      }));
    }
    case 'doctors': {
      const rows = await db
        .selectFrom('doctors')
        .select(['id', 'name', 'npi', 'licenseState', 'licenseNumber'])
        .where('id', 'in', ids)
        .execute();
      return rows.map(({ id, name, ...rest }) => ({
        id,
        recipient: name,
        values: { authorName: name, ...rest },
      }));
    }
  }
}

export async function moderatorName(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom('moderators').select('name').where('id', '=', id).executeTakeFirst();
  return row?.name ?? null;
}

/** A record's audit entries, oldest first, as the audit resource shows them. */
export async function auditEntriesOf(db: Db, resource: ModeratedResource, id: number): Promise<ApiRecord[]> {
  const rows = await db
    .selectFrom('audit')
    .selectAll()
    .where('resource', '=', resource)
    .where('recordId', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((row) => toRecord(resourceSpecs.audit, row));
}

/** The audit entries of decisions that gave their author a reason, oldest first (for seeding their notices). */
export async function decisionsWithReason(db: Db, actions: readonly string[]) {
  return db
    .selectFrom('audit')
    .select(['id', 'at', 'resource', 'recordId', 'reasonCode'])
    .where('action', 'in', actions)
    .where('reasonCode', 'is not', null)
    .orderBy('id')
    .execute();
}
