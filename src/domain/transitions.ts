import type { Role, RuleResult } from './model';
import { can, type Permission } from './permissions';
import { findReason } from './reasons';

/**
 * The status machines of the moderated resources: which action moves a record from which status
 * to which, and the permission each move needs. The server plans every decision with
 * `planDecision` inside its transaction; the SPA reads the same tables to offer only the actions
 * that can succeed.
 */

export const moderatedResources = ['answers', 'reviews', 'photos', 'doctors'] as const;
export type ModeratedResource = (typeof moderatedResources)[number];

export const contentActions = ['approve', 'reject', 'escalate', 'revert'] as const;
export const doctorActions = [
  'submit',
  'verify',
  'reject',
  'request_info',
  'suspend',
  'reinstate',
  'reverify',
  'revert',
] as const;
export type ContentAction = (typeof contentActions)[number];
export type DoctorAction = (typeof doctorActions)[number];
export type DecisionAction = ContentAction | DoctorAction;
export const decisionActions = [...new Set<DecisionAction>([...contentActions, ...doctorActions])];

export const actionsOf = (resource: ModeratedResource): readonly DecisionAction[] =>
  resource === 'doctors' ? doctorActions : contentActions;

export interface Transition {
  action: DecisionAction;
  from: string;
  to: string;
  permission: Permission;
}

/** Where a reverted decision sends a record: back to the queue, to be decided again. */
export const revertTarget = 'pending';

/** How long the moderator who took a decision may undo it on their own. */
export const revertWindowMs = 10 * 60_000;

const move = (action: DecisionAction, from: string, to: string, permission: Permission): Transition => ({
  action,
  from,
  to,
  permission,
});

const revertFrom = (...statuses: string[]) =>
  statuses.map((from) => move('revert', from, revertTarget, 'decide'));

const contentTransitions: readonly Transition[] = [
  move('approve', 'pending', 'approved', 'decide'),
  move('reject', 'pending', 'rejected', 'decide'),
  move('escalate', 'pending', 'escalated', 'decide'),
  // An escalated item waits for someone senior: that is what escalating means.
  move('approve', 'escalated', 'approved', 'decideEscalated'),
  move('reject', 'escalated', 'rejected', 'decideEscalated'),
  ...revertFrom('approved', 'rejected', 'escalated'),
];

/**
 * A first `verify` leaves the doctor awaiting a second verifier, who confirms with `verify` too
 * (four-eyes); with four-eyes switched off, the first one verifies. Asking the doctor for more
 * (`request_info`) sends them back to complete their profile and submit it again. `reverify` puts a
 * verified doctor back in the verifiers' queue: the daily sweep does it when a verification is a
 * year old, and a verifier may when something about the doctor changed.
 */
const doctorTransitions: readonly Transition[] = [
  move('submit', 'unverified', 'pending', 'decide'),
  move('verify', 'pending', 'awaiting_confirmation', 'decide'),
  move('verify', 'awaiting_confirmation', 'verified', 'decide'),
  move('reject', 'pending', 'rejected', 'decide'),
  move('reject', 'awaiting_confirmation', 'rejected', 'decide'),
  move('request_info', 'pending', 'unverified', 'decide'),
  move('request_info', 'awaiting_confirmation', 'unverified', 'decide'),
  move('suspend', 'verified', 'suspended', 'decide'),
  move('reinstate', 'suspended', 'verified', 'decide'),
  move('reverify', 'verified', 'pending', 'decide'),
  ...revertFrom('awaiting_confirmation', 'verified', 'rejected', 'suspended'),
];

/** With four-eyes off, a first verification is the last: pending goes straight to verified. */
const singleVerifier = move('verify', 'pending', 'verified', 'decide');

export const transitionsOf = (resource: ModeratedResource): readonly Transition[] =>
  resource === 'doctors' ? doctorTransitions : contentTransitions;

/**
 * The statuses a record waits in for a decision: the ones the queue serves. A doctor awaiting a
 * second verifier is served to every verifier but the first one (see `awaitsSecondVerifier`).
 */
export const queueStatuses = (resource: ModeratedResource): readonly string[] =>
  resource === 'doctors' ? ['pending', 'awaiting_confirmation'] : ['pending'];

/** The status in which the verifier who verified first (the record's decider) may not act again. */
export const awaitsSecondVerifier = 'awaiting_confirmation';

/** Statuses a decision has put a record in; another decision on such a record is a conflict, not a mistake. */
export const decidedStatuses = (resource: ModeratedResource): readonly string[] =>
  resource === 'doctors' ? ['verified', 'rejected', 'suspended'] : ['approved', 'rejected', 'escalated'];

/** Actions that take a reason from the catalogue, which the author is then told. */
export const actionsWithReason: readonly DecisionAction[] = ['reject', 'request_info', 'suspend'];

export const needsReason = (action: DecisionAction) => actionsWithReason.includes(action);

/** Statuses some decision other than a revert can still leave: the ones worth claiming. */
export const openStatuses = (resource: ModeratedResource): readonly string[] => [
  ...new Set(
    transitionsOf(resource)
      .filter((t) => t.action !== 'revert')
      .map((t) => t.from),
  ),
];

/** What planning needs to know of the record. */
export interface DecisionSubject {
  status: string;
  decidedBy: number | null;
  decidedAt: string | null;
  /** What the rules found: an answer whose author is not verified is held. */
  ruleResults?: readonly RuleResult[];
}

export interface DecisionRequest {
  resource: ModeratedResource;
  record: DecisionSubject;
  action: string;
  reasonCode?: string | null;
  actor: { id: number; role: Role };
  now: Date;
  /** Whether verifying a doctor takes a second verifier (the `doctors.fourEyes` setting). */
  fourEyes?: boolean;
}

export type Refusal =
  /** The resource has no such action, or the action cannot leave the record's status. */
  | 'invalid_transition'
  /** Someone already decided the record: nothing is left for this action to do. */
  | 'already_decided'
  | 'forbidden'
  | 'reason_required'
  | 'unknown_reason'
  /** A reason given to an action that takes none. */
  | 'unexpected_reason'
  /** The verifier who verified first cannot be the one who confirms. */
  | 'four_eyes'
  /** An approval a failing rule holds back (an answer by an unverified doctor). */
  | 'held';

export type DecisionPlan =
  { ok: true; transition: Transition } | { ok: false; refusal: Refusal; message: string };

export type DecisionRefused = Extract<DecisionPlan, { ok: false }>;

const refuse = (refusal: Refusal, message: string): DecisionRefused => ({ ok: false, refusal, message });

/**
 * What is wrong with the request itself, whatever the record: an action the resource does not
 * have, or a reason missing, unknown, or given to an action that takes none. Null when it is fine.
 * A bulk decision checks this once for all its records.
 */
export function requestProblem(
  resource: ModeratedResource,
  action: string,
  reasonCode: string | null | undefined,
): DecisionRefused | null {
  if (!(actionsOf(resource) as readonly string[]).includes(action)) {
    return refuse('invalid_transition', `${resource} have no action ${action}`);
  }
  const reason = reasonCode ?? null;
  if (needsReason(action as DecisionAction)) {
    if (reason === null) return refuse('reason_required', `${action} needs a reason code`);
    if (!findReason(resource, reason))
      return refuse('unknown_reason', `${reason} is not a reason for ${resource}`);
  } else if (reason !== null) {
    return refuse('unexpected_reason', `${action} takes no reason code; write a note instead`);
  }
  return null;
}

/**
 * Whether `actor` may take `action` on the record now, and where it leads. Reverts are the
 * decider's own within `revertWindowMs`, or anyone's with 'revertAny'. Versions and claims are
 * the server's to check: they are facts of the stored row, not of the machine.
 */
export function planDecision({
  resource,
  record,
  action,
  reasonCode,
  actor,
  now,
  fourEyes = true,
}: DecisionRequest): DecisionPlan {
  const problem = requestProblem(resource, action, reasonCode);
  if (problem) return problem;
  if (!can(actor.role, 'decide', resource)) {
    return refuse('forbidden', `a ${actor.role} may not decide ${resource}`);
  }
  const found = transitionsOf(resource).find((t) => t.action === action && t.from === record.status);
  const transition = !fourEyes && found?.to === 'awaiting_confirmation' ? singleVerifier : found;
  if (!transition) {
    if (action !== 'revert' && decidedStatuses(resource).includes(record.status)) {
      return refuse('already_decided', `${resource} record is already ${record.status}`);
    }
    return refuse('invalid_transition', `cannot ${action} a record that is ${record.status}`);
  }
  if (!can(actor.role, transition.permission, resource)) {
    return refuse('forbidden', `a ${actor.role} may not ${action} a record that is ${record.status}`);
  }
  if (action === 'revert' && !mayRevert(resource, record, actor, now)) {
    return refuse(
      'forbidden',
      `only the moderator who decided may revert it, within ${revertWindowMs / 60_000} minutes`,
    );
  }
  if (transition.from === 'awaiting_confirmation' && action === 'verify' && record.decidedBy === actor.id) {
    return refuse('four_eyes', 'a second verifier must confirm: you verified this doctor first');
  }
  const holding = action === 'approve' ? holdingRule(record.ruleResults ?? []) : null;
  if (holding) return refuse('held', `${holding.message}: the ${resource} stays pending until that changes`);
  return { ok: true, transition };
}

/** Rules whose failure holds an item back from approval, whatever a moderator thinks of it. */
export const holdingRules: readonly string[] = ['ANS_AUTHOR_UNVERIFIED'];

export const holdingRule = (results: readonly RuleResult[]): RuleResult | null =>
  results.find((r) => r.outcome === 'fail' && holdingRules.includes(r.ruleId)) ?? null;

function mayRevert(
  resource: ModeratedResource,
  record: DecisionSubject,
  actor: { id: number; role: Role },
  now: Date,
): boolean {
  if (can(actor.role, 'revertAny', resource)) return true;
  if (record.decidedBy !== actor.id || record.decidedAt === null) return false;
  return now.getTime() - Date.parse(record.decidedAt) <= revertWindowMs;
}
