import type { Role } from './model';
import { type DecisionAction, type ModeratedResource, queueStatuses } from './transitions';

/**
 * What the dashboard, the moderators' view and the transparency report count, shared by the
 * server that counts and the console that links each figure to the list it counts. Days are UTC
 * days: the first ten characters of the stored ISO timestamps.
 */

/** How long an item of each type may wait for a decision before it is over target (a setting). */
export const defaultTargetHours: Record<ModeratedResource, number> = {
  answers: 24,
  reviews: 48,
  photos: 48,
  doctors: 72,
};

/**
 * The actions that decide an item, as "decided today" counts them: a revert undoes a decision,
 * a doctor's submission and a re-verification put them in the queue rather than take them out.
 */
export const decisiveActions = (resource: ModeratedResource): readonly DecisionAction[] =>
  resource === 'doctors'
    ? ['verify', 'reject', 'request_info', 'suspend', 'reinstate']
    : ['approve', 'reject', 'escalate'];

/** The list filter that shows a type's waiting items, as the pending figure counts them. */
export const queueFilter = (resource: ModeratedResource): Record<string, string | string[]> =>
  resource === 'doctors'
    ? { verificationStatus: [...queueStatuses(resource)] }
    : { status: queueStatuses(resource)[0] };

/** Whom the moderators' view shows a caller: seniors and admins see the team, others themselves. */
export const seesWholeTeam = (role: Role) => role === 'senior' || role === 'admin';

export const dayMs = 86_400_000;

/** The UTC day of an instant, YYYY-MM-DD. */
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The day `n` days after `day` (before, when negative). */
export const addDays = (day: string, n: number): string =>
  utcDay(new Date(Date.parse(`${day}T00:00:00.000Z`) + n * dayMs));

/** The Monday that starts the (ISO) week of `day`. */
export const weekStart = (day: string): string => {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
};

/** The `count` days ending with `last`, oldest first. */
export const daysEnding = (last: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => addDays(last, i - count + 1));

/** Whether `text` is a calendar day written YYYY-MM-DD (2026-02-30 is not). */
export const isDay = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) && addDays(text, 0) === text;

/** A type's waiting items and how its team keeps up with them. */
export interface QueueFigures {
  resource: ModeratedResource;
  pending: number;
  /** Escalated items waiting for a senior (content types only; doctors are never escalated). */
  escalated: number;
  /** When the oldest waiting item arrived; null for an empty queue. */
  oldestPendingAt: string | null;
  targetHours: number;
  /** Waiting items that arrived by `overTargetBefore`, the instant `targetHours` ago (the list filter `createdAt_lte`). */
  overTarget: number;
  overTargetBefore: string;
  decidedToday: number;
  decidedThisWeek: number;
}

export interface QueuesReport {
  asOf: string;
  today: string;
  weekStart: string;
  queues: QueueFigures[];
}

export interface DailySeries {
  resource: ModeratedResource;
  /** One figure per day of `days`. */
  counts: number[];
}

/** How many items waited at the end of each day (today: now). */
export interface QueueDepthReport {
  days: string[];
  series: DailySeries[];
}

export interface DecisionSeries extends DailySeries {
  action: DecisionAction;
}

export interface DecisionsReport {
  days: string[];
  series: DecisionSeries[];
}

/**
 * Times from claim to decision, in milliseconds, over the decisions of a period taken on claimed
 * items. Percentiles are nearest-rank: the median of an even count is the lower middle value, so
 * every figure is a time some decision actually took.
 */
export interface HandlingFigures {
  decisions: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface HandlingReport {
  from: string;
  to: string;
  types: (HandlingFigures & { resource: ModeratedResource })[];
}

export interface FailingRule {
  resource: ModeratedResource;
  ruleId: string;
  /** Waiting items whose latest check failed the rule. */
  pending: number;
}

export interface ModeratorFigures {
  moderatorId: number;
  name: string;
  decisions: number;
  /** Decisions per UTC day of the period, oldest first. */
  perDay: number[];
  handling: HandlingFigures;
  /** Of `decisions`, how many a revert later undid. */
  reverted: number;
  /** Of their decisions drawn for a quality check and reviewed in the period, how many the second reviewer agreed with. */
  checked: { agreed: number; reviewed: number };
}

export interface ModeratorsReport {
  from: string;
  to: string;
  days: string[];
  moderators: ModeratorFigures[];
}

/** The transparency report's row for one content type over a range of days. */
export interface TransparencyRow {
  resource: ModeratedResource;
  received: number;
  approved: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  escalated: number;
  reverted: number;
  /** Nearest-rank median from an item's arrival to each decision taken on it in the range. */
  medianHoursToDecision: number | null;
}

export interface TransparencyReport {
  from: string;
  to: string;
  rows: TransparencyRow[];
}

/** The statuses each outcome of the report counts, whichever type reaches them. */
export const approvedStatuses = ['approved', 'verified'];
