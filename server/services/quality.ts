import { randomInt } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { can } from '../../src/domain/permissions';
import {
  type Dispute,
  hiddenDecisionFields,
  isSampled,
  type ReviewedAction,
  reviewedActions,
  sampledTypes,
  type SecondReview,
  secondReviewActions,
} from '../../src/domain/quality';
import { resourceSpecs } from '../../src/domain/resources';
import { requestProblem } from '../../src/domain/transitions';
import type { Db } from '../db/connection';
import { closeCheck, disputedChecks, findCheck, insertCheck, oldestOpenCheck } from '../db/quality';
import { findRecord } from '../db/records';
import type { Database } from '../db/schema';
import { ApiError, conflict, invalid, notFound } from '../errors';
import { appendAudit } from './audit';
import type { SignedIn } from './auth';
import { samplingPercent } from './settings';

/**
 * Quality checks: decisions drawn at random as they are taken, decided again by another
 * moderator who does not see the first decision, agreement audited, disputes left for a senior.
 */

/**
 * Draws the decision for a second review with the type's sampling percentage, inside the
 * decision's transaction. Nothing the deciding moderator can read says whether it was drawn.
 */
export async function drawForSecondReview(
  trx: Transaction<Database>,
  decision: {
    resource: string;
    recordId: number;
    auditId: number;
    actorId: number;
    action: string;
    at: string;
  },
): Promise<void> {
  const { resource, action } = decision;
  if (!isSampled(resource) || !(reviewedActions as readonly string[]).includes(action)) return;
  const percent = await samplingPercent(trx, resource);
  if (percent === 0 || randomInt(100) >= percent) return;
  await insertCheck(trx, {
    resource,
    recordId: decision.recordId,
    decisionAuditId: decision.auditId,
    firstActorId: decision.actorId,
    firstAction: action as ReviewedAction,
    sampledAt: decision.at,
  });
}

/** The next item the caller may review again, its first decision hidden; null when none waits. */
export async function nextSecondReview(db: Db, actor: SignedIn): Promise<SecondReview | null> {
  const types = sampledTypes.filter((resource) => can(actor.role, 'decide', resource));
  const check = await oldestOpenCheck(db.kysely, types, actor.id);
  if (!check) return null;
  const resource = check.resource as (typeof sampledTypes)[number];
  const record = await findRecord(db.kysely, resourceSpecs[resource], check.recordId);
  if (!record) throw notFound(`${resource} ${check.recordId} no longer exists`);
  const shown = Object.fromEntries(
    Object.entries(record).filter(([field]) => !(hiddenDecisionFields as readonly string[]).includes(field)),
  );
  return { checkId: check.id, resource, record: shown };
}

export const verdictBody = z.strictObject({
  action: z.enum(reviewedActions),
  reasonCode: z.string().max(80).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});

/**
 * The second reviewer's decision: agreed when it is the first one's action, disputed otherwise;
 * either way an audit entry on the item, which the decision does not change. The answer reveals
 * the first decision.
 */
export async function giveVerdict(
  db: Db,
  actor: SignedIn,
  checkId: number,
  verdict: z.infer<typeof verdictBody>,
  now: Date,
) {
  const { action, reasonCode = null, note = null } = verdict;
  const check = await findCheck(db.kysely, checkId);
  if (!check) throw notFound(`there is no quality check ${checkId}`);
  const resource = check.resource as (typeof sampledTypes)[number];
  if (!can(actor.role, 'decide', resource))
    throw new ApiError(403, 'forbidden', `a ${actor.role} may not decide ${resource}`);
  if (check.firstActorId === actor.id)
    throw new ApiError(403, 'forbidden', 'a second review is someone else’s: you took the first decision');
  const problem = requestProblem(resource, action, reasonCode);
  if (problem) throw invalid(problem.message, [{ path: 'reasonCode', message: problem.message }]);
  const status = action === check.firstAction ? 'agreed' : 'disputed';
  const at = now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    const closed = await closeCheck(trx, checkId, {
      status,
      reviewerId: actor.id,
      reviewAction: action,
      reviewedAt: at,
    });
    if (!closed) throw conflict(`quality check ${checkId} was already reviewed`);
    const record = await findRecord(trx, resourceSpecs[resource], check.recordId);
    const current = (record?.status as string | undefined) ?? null;
    await appendAudit(trx, db.dialect, {
      at,
      actorId: actor.id,
      action: secondReviewActions[status],
      resource,
      recordId: check.recordId,
      fromStatus: current,
      toStatus: current,
      reasonCode,
      note: note ?? `second review of audit entry #${check.decisionAuditId}: ${action}`,
      ruleResults: null,
    });
  });
  return { checkId, status, firstAction: check.firstAction as ReviewedAction, reviewAction: action };
}

export const disputes = (db: Db): Promise<Dispute[]> => disputedChecks(db.kysely, 50);
