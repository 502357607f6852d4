import type { Kysely, Transaction } from 'kysely';
import type { RuleResult } from '../../src/domain/model';
import { can } from '../../src/domain/permissions';
import { findReason, renderNotice } from '../../src/domain/reasons';
import { resourceSpecs } from '../../src/domain/resources';
import {
  type DecisionRefused,
  type ModeratedResource,
  needsReason,
  planDecision,
  requestProblem,
  revertTarget,
  type Transition,
} from '../../src/domain/transitions';
import type { Db, Dialect } from '../db/connection';
import { claimStart, lockRecord, moderatorName, noticeSubjects, recordHandlingTime } from '../db/moderation';
import { type Notice, queueNotice } from '../db/outbox';
import { type ApiRecord, updateRecord } from '../db/records';
import type { Database } from '../db/schema';
import { ApiError, conflict, invalid, notFound } from '../errors';
import { appendAudit } from './audit';
import type { SignedIn } from './auth';
import { recheck } from './checks';
import { drawForSecondReview } from './quality';
import { fourEyesVerification } from './settings';

/**
 * Decisions: one transaction each that checks the status machine, the version and the claim,
 * writes the record, appends the audit entry and queues the author's notice. Either all of it
 * happens or none of it does.
 */

export interface DecisionInput {
  action: string;
  reasonCode?: string | null;
  note?: string | null;
  /** The version the moderator saw; null in bulk decisions, which take each record as it is. */
  version: number | null;
}

/** Who holds or took a record, as a 409 names them. */
interface Someone {
  id: number;
  name: string | null;
}

/**
 * A 409 that says what happened to the record, so the console can show "approved by Dana at
 * 10:02" instead of a bare conflict.
 */
class RecordConflict extends ApiError {
  constructor(
    message: string,
    readonly facts: Record<string, unknown>,
    code: 'conflict' | 'claimed' = 'conflict',
  ) {
    super(409, code, message);
  }

  toJSON() {
    return { ...super.toJSON(), ...this.facts };
  }
}

const someone = async (db: Kysely<Database>, id: number | null): Promise<Someone | null> =>
  id === null ? null : { id, name: await moderatorName(db, id) };

export const statusOf = (resource: ModeratedResource, record: ApiRecord) =>
  record[resourceSpecs[resource].statusField!] as string;

/** The 409 for a record that changed or was decided since the caller looked at it. */
export async function decidedConflict(
  db: Kysely<Database>,
  resource: ModeratedResource,
  record: ApiRecord,
  why: string,
): Promise<RecordConflict> {
  const decidedBy = await someone(db, record.decidedBy as number | null);
  const status = statusOf(resource, record);
  const by = decidedBy
    ? ` by ${decidedBy.name ?? `moderator ${decidedBy.id}`} at ${String(record.decidedAt)}`
    : '';
  return new RecordConflict(`${resource} ${String(record.id)} ${why}: it is ${status}${by}; reload it`, {
    status,
    version: record.version,
    decidedBy,
    decidedAt: record.decidedAt,
  });
}

/** The 409 for a record someone else is working on. */
export async function claimedConflict(
  db: Kysely<Database>,
  resource: ModeratedResource,
  record: ApiRecord,
): Promise<RecordConflict> {
  const claimedBy = await someone(db, record.claimedBy as number);
  return new RecordConflict(
    `${resource} ${String(record.id)} is claimed by ${claimedBy?.name ?? 'another moderator'} until ${String(record.claimExpiresAt)}`,
    { status: statusOf(resource, record), claimedBy, claimExpiresAt: record.claimExpiresAt },
    'claimed',
  );
}

/** Whether someone other than `moderatorId` holds an unexpired claim on the record. */
export const heldByAnother = (record: ApiRecord, moderatorId: number, now: Date) =>
  record.claimedBy !== null &&
  record.claimedBy !== moderatorId &&
  Date.parse(record.claimExpiresAt as string) > now.getTime();

function refusalError(refused: DecisionRefused): ApiError {
  switch (refused.refusal) {
    case 'forbidden':
      return new ApiError(403, 'forbidden', refused.message);
    case 'reason_required':
    case 'unknown_reason':
    case 'unexpected_reason':
      return invalid(refused.message, [{ path: 'reasonCode', message: refused.message }]);
    case 'invalid_transition':
      return invalid(refused.message, [{ path: 'action', message: refused.message }]);
    case 'already_decided':
      // decideRecord answers these with who decided and when, which only the stored row knows.
      return conflict(refused.message);
    case 'four_eyes':
      return new ApiError(403, 'four_eyes', refused.message);
    case 'held':
      return new ApiError(409, 'held', refused.message);
  }
}

/** The columns a transition writes besides the version. */
function decisionChanges(
  resource: ModeratedResource,
  transition: Transition,
  actorId: number | null,
  at: string,
  reasonCode: string | null,
): ApiRecord {
  const reverting = transition.action === 'revert';
  const changes: ApiRecord = {
    [resourceSpecs[resource].statusField!]: transition.to,
    decidedBy: reverting ? null : actorId,
    decidedAt: reverting ? null : at,
    reasonCode: reverting ? null : reasonCode,
    // A decided item leaves the queue, so nobody needs to hold it any more.
    claimedBy: null,
    claimExpiresAt: null,
  };
  if (resource === 'doctors') {
    if (transition.to === 'verified') Object.assign(changes, { verifiedAt: at, verifiedBy: actorId });
    if (transition.to === revertTarget) Object.assign(changes, { verifiedAt: null, verifiedBy: null });
  }
  return changes;
}

/** The message telling the author of the record why it was rejected (or suspended). */
async function noticeFor(
  trx: Kysely<Database>,
  resource: ModeratedResource,
  id: number,
  reasonCode: string,
  at: string,
): Promise<Omit<Notice, 'auditId'>> {
  const [subject] = await noticeSubjects(trx, resource, [id]);
  return {
    at,
    resource,
    recordId: id,
    recipient: subject.recipient,
    template: reasonCode,
    text: renderNotice(findReason(resource, reasonCode)!.message, subject.values),
  };
}

/**
 * Writes a planned decision on a locked record: the record, its audit entry and the author's
 * notice. `actorId` null is the server itself (the daily sweep), recorded as such. A doctor's
 * checks are run again, with their answers', since both read the doctor's standing.
 */
export async function applyDecision(
  trx: Transaction<Database>,
  dialect: Dialect,
  resource: ModeratedResource,
  current: ApiRecord,
  transition: Transition,
  decision: { actorId: number | null; reasonCode: string | null; note: string | null; now: Date },
): Promise<ApiRecord> {
  const { actorId, reasonCode, now } = decision;
  const spec = resourceSpecs[resource];
  const id = current.id as number;
  const at = now.toISOString();
  const changes = decisionChanges(resource, transition, actorId, at, reasonCode);
  const claimedAt = actorId === null ? null : await claimStart(trx, spec, id, actorId);
  // The row is locked (or the database has one writer), so the version cannot have moved; the
  // condition still makes a lost race a conflict rather than a silent overwrite.
  const updated = await updateRecord(trx, spec, id, changes, current.version as number);
  if (!updated) throw conflict(`${resource} ${id} changed while deciding; reload it`);
  // The notice is written before the audit entry is appended: appending holds the chain's lock
  // (PostgreSQL) until commit, and every decision waits for it, so it should be held briefly.
  const notice = needsReason(transition.action) ? await noticeFor(trx, resource, id, reasonCode!, at) : null;
  const auditId = await appendAudit(trx, dialect, {
    at,
    actorId,
    action: transition.action,
    resource,
    recordId: id,
    fromStatus: statusOf(resource, current),
    toStatus: transition.to,
    reasonCode: transition.action === 'revert' ? null : reasonCode,
    note: decision.note,
    // What the rules showed the moderator when they decided, kept with the decision.
    ruleResults: JSON.stringify(current.ruleResults),
  });
  if (notice) await queueNotice(trx, { ...notice, auditId });
  // Only a decision on an item its moderator claimed has a handling time; one taken from a list has none.
  if (claimedAt !== null && actorId !== null && transition.action !== 'revert') {
    const ms = Math.max(0, now.getTime() - Date.parse(claimedAt));
    await recordHandlingTime(trx, { auditId, resource, actorId, decidedAt: at, ms });
  }
  if (actorId !== null)
    await drawForSecondReview(trx, {
      resource,
      recordId: id,
      auditId,
      actorId,
      action: transition.action,
      at,
    });
  if (resource === 'doctors') return (await recheck(trx, 'doctors', id, now))!;
  return updated;
}

/** Takes one decision on one record, all in one transaction; answers the updated record. */
export async function decideRecord(
  db: Db,
  resource: ModeratedResource,
  id: number,
  input: DecisionInput,
  actor: SignedIn,
  now: Date,
): Promise<ApiRecord> {
  const spec = resourceSpecs[resource];
  const reasonCode = input.reasonCode ?? null;
  return db.kysely.transaction().execute(async (trx) => {
    const current = await lockRecord(trx, db.dialect, spec, id);
    if (!current) throw notFound(`${resource} ${id} does not exist`);
    if (input.version !== null && current.version !== input.version) {
      throw await decidedConflict(trx, resource, current, `changed since version ${input.version}`);
    }
    const plan = planDecision({
      resource,
      record: {
        status: statusOf(resource, current),
        decidedBy: current.decidedBy as number | null,
        decidedAt: current.decidedAt as string | null,
        ruleResults: current.ruleResults as RuleResult[],
      },
      action: input.action,
      reasonCode,
      actor,
      now,
      fourEyes: resource === 'doctors' && (await fourEyesVerification(trx)),
    });
    if (!plan.ok) {
      if (plan.refusal === 'already_decided')
        throw await decidedConflict(trx, resource, current, 'was decided');
      throw refusalError(plan);
    }
    // Seniors may step in on an item someone holds: that is how stuck items get unstuck.
    if (heldByAnother(current, actor.id, now) && !can(actor.role, 'decideEscalated', resource)) {
      throw await claimedConflict(trx, resource, current);
    }
    return applyDecision(trx, db.dialect, resource, current, plan.transition, {
      actorId: actor.id,
      reasonCode,
      note: input.note ?? null,
      now,
    });
  });
}

export type BulkStatus = 'ok' | 'conflict' | 'forbidden' | 'invalid' | 'not_found';

export interface BulkResult {
  id: number;
  status: BulkStatus;
  message?: string;
  record?: ApiRecord;
}

const bulkStatus: Partial<Record<number, BulkStatus>> = {
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  422: 'invalid',
};

/**
 * The same decision on many records, each in its own transaction: one record's refusal never
 * undoes another's decision, and each record is either fully decided or untouched. A problem
 * with the request itself (an unknown action, a missing reason) refuses all of it up front.
 */
export async function decideRecords(
  db: Db,
  resource: ModeratedResource,
  input: { ids: readonly number[]; action: string; reasonCode?: string | null; note?: string | null },
  actor: SignedIn,
  now: Date,
): Promise<BulkResult[]> {
  const problem = requestProblem(resource, input.action, input.reasonCode);
  if (problem) throw refusalError(problem);
  const results: BulkResult[] = [];
  for (const id of input.ids) {
    try {
      const record = await decideRecord(db, resource, id, { ...input, version: null }, actor, now);
      results.push({ id, status: 'ok', record });
    } catch (error) {
      const status = error instanceof ApiError ? bulkStatus[error.status] : undefined;
      if (!status) throw error;
      results.push({ id, status, message: (error as ApiError).message });
    }
  }
  return results;
}
