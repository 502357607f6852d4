import { type Kysely, sql } from 'kysely';
import type { Dispute, ReviewedAction, SampledType } from '../../src/domain/quality';
import type { Database } from './schema';

/** The reads and writes of quality checks: drawing a decision, serving it again, the verdict. */

type Db = Kysely<Database>;

export async function insertCheck(
  db: Db,
  check: {
    resource: SampledType;
    recordId: number;
    decisionAuditId: number;
    firstActorId: number;
    firstAction: ReviewedAction;
    sampledAt: string;
  },
): Promise<void> {
  await db.insertInto('qualityChecks').values(check).execute();
}

/**
 * The oldest open check among `resources` that `reviewerId` did not decide first, on an item
 * still as that decision left it: a later decision (a revert, a senior's) makes the check moot.
 */
export async function oldestOpenCheck(db: Db, resources: readonly SampledType[], reviewerId: number) {
  if (resources.length === 0) return undefined;
  return db
    .selectFrom('qualityChecks')
    .selectAll()
    .where('status', '=', 'open')
    .where('resource', 'in', [...resources])
    .where('firstActorId', '!=', reviewerId)
    .where(({ eb, selectFrom }) =>
      eb(
        'decisionAuditId',
        '=',
        selectFrom('audit')
          .select((a) => a.fn.max('audit.id').as('latest'))
          .whereRef('audit.resource', '=', 'qualityChecks.resource')
          .whereRef('audit.recordId', '=', 'qualityChecks.recordId')
          .where('audit.action', 'in', ['approve', 'reject', 'escalate', 'revert']),
      ),
    )
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

export async function findCheck(db: Db, id: number) {
  return db.selectFrom('qualityChecks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Closes an open check with the second reviewer's decision; false when it was no longer open. */
export async function closeCheck(
  db: Db,
  id: number,
  verdict: {
    status: 'agreed' | 'disputed';
    reviewerId: number;
    reviewAction: ReviewedAction;
    reviewedAt: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('qualityChecks')
    .set(verdict)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The disputed checks, newest first: the seniors' queue of decisions two moderators saw differently. */
export async function disputedChecks(db: Db, limit: number): Promise<Dispute[]> {
  const rows = await db
    .selectFrom('qualityChecks')
    .select([
      'id',
      'resource',
      'recordId',
      'firstActorId',
      'firstAction',
      'reviewerId',
      'reviewAction',
      'reviewedAt',
    ])
    .where('status', '=', 'disputed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(({ id, ...row }) => ({ checkId: id, ...row }) as Dispute);
}

/** Per moderator, how many of their checks reviewed in [from, to) were agreed and disputed. */
export async function agreementPerModerator(db: Db, range: { from: string; to: string }, actorId?: number) {
  const { rows } = await sql<{ actorId: number; agreed: number; reviewed: number }>`
    select "firstActorId" as "actorId",
      count(case when status = 'agreed' then 1 end) as agreed, count(*) as reviewed
    from "qualityChecks"
    where "reviewedAt" >= ${range.from} and "reviewedAt" < ${range.to}
      ${actorId === undefined ? sql`` : sql`and "firstActorId" = ${actorId}`}
    group by "firstActorId"`.execute(db);
  return new Map(
    rows.map((row) => [Number(row.actorId), { agreed: Number(row.agreed), reviewed: Number(row.reviewed) }]),
  );
}
