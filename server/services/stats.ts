import { findReason } from '../../src/domain/reasons';
import {
  addDays,
  approvedStatuses,
  daysEnding,
  decisiveActions,
  type DecisionsReport,
  type FailingRule,
  type HandlingFigures,
  type HandlingReport,
  type ModeratorsReport,
  type QueueDepthReport,
  type QueueFigures,
  type QueuesReport,
  seesWholeTeam,
  type TransparencyReport,
  type TransparencyRow,
  utcDay,
  weekStart,
} from '../../src/domain/stats';
import { resourceSpecs } from '../../src/domain/resources';
import { type ModeratedResource, moderatedResources, queueStatuses } from '../../src/domain/transitions';
import type { Db } from '../db/connection';
import { agreementPerModerator } from '../db/quality';
import {
  arrivals,
  decisionsPerDay,
  decisionsPerModerator,
  decisionsSince,
  failingRules,
  handlingTimes,
  moderatorNames,
  outcomes,
  type Percentiles,
  queueFlows,
  revertedPerModerator,
  statusCounts,
  timeToDecision,
  waitingSince,
} from '../db/stats';
import type { SignedIn } from './auth';
import { targetHours } from './settings';

/**
 * The dashboard's figures, the moderators' view and the transparency report, assembled from
 * the aggregates of `db/stats.ts`. Every period is a whole number of UTC days.
 */

const hourMs = 3_600_000;
/** How many days the charts, the handling times and the moderators' view look back over, today included. */
const statsDays = 30;

const dayStart = (day: string) => `${day}T00:00:00.000Z`;

/** [first day's start, the start of the day after the last): the instants a run of days covers. */
const coveringDays = (first: string, last: string) => ({
  from: dayStart(first),
  to: dayStart(addDays(last, 1)),
});

const lastDays = (now: Date) => daysEnding(utcDay(now), statsDays);

export async function queueFigures(db: Db, now: Date): Promise<QueuesReport> {
  const today = utcDay(now);
  const monday = weekStart(today);
  const queues: QueueFigures[] = [];
  for (const resource of moderatedResources) {
    const statuses = queueStatuses(resource);
    const hours = await targetHours(db.kysely, resource);
    const overTargetBefore = new Date(now.getTime() - hours * hourMs).toISOString();
    const counts = await statusCounts(db.kysely, resource);
    const waiting = await waitingSince(db.kysely, resource, statuses, overTargetBefore);
    const [decidedToday, decidedThisWeek] = await decisionsSince(
      db.kysely,
      resource,
      decisiveActions(resource),
      [dayStart(today), dayStart(monday)],
    );
    queues.push({
      resource,
      pending: statuses.reduce((sum, status) => sum + (counts.get(status) ?? 0), 0),
      escalated: resource === 'doctors' ? 0 : (counts.get('escalated') ?? 0),
      oldestPendingAt: waiting.oldest,
      targetHours: hours,
      overTarget: waiting.arrivedBefore,
      overTargetBefore,
      decidedToday,
      decidedThisWeek,
    });
  }
  return { asOf: now.toISOString(), today, weekStart: monday, queues };
}

/**
 * The status every new item of a type starts in. A doctor's profile may come in already
 * submitted or not (seeded, imported), so only the audit log tells where each one started.
 */
const arrivalStatus = (resource: ModeratedResource): string | null =>
  resource === 'doctors' ? null : String(resourceSpecs[resource].defaults.status);

/**
 * How many items waited at the end of each of the last days: the number waiting now, less what
 * joined the queue after that day, plus what left it since.
 */
export async function queueDepth(db: Db, now: Date): Promise<QueueDepthReport> {
  const days = lastDays(now);
  const series = [];
  for (const resource of moderatedResources) {
    const statuses = queueStatuses(resource);
    const counts = await statusCounts(db.kysely, resource);
    const waitingNow = statuses.reduce((sum, status) => sum + (counts.get(status) ?? 0), 0);
    const flows = await queueFlows(db.kysely, resource, statuses, arrivalStatus(resource), days[0]);
    const depth = new Array<number>(days.length);
    let waiting = waitingNow;
    for (let i = days.length - 1; i >= 0; i--) {
      depth[i] = waiting;
      waiting -= flows.get(days[i]) ?? 0;
    }
    series.push({ resource, counts: depth });
  }
  return { days, series };
}

export async function decisionsByDay(db: Db, now: Date): Promise<DecisionsReport> {
  const days = lastDays(now);
  const index = new Map(days.map((day, i) => [day, i]));
  const series = [];
  for (const resource of moderatedResources) {
    const actions = decisiveActions(resource);
    const rows = await decisionsPerDay(db.kysely, resource, actions, days[0]);
    for (const action of actions) {
      const counts = days.map(() => 0);
      for (const row of rows) if (row.action === action) counts[index.get(row.day)!] = row.n;
      series.push({ resource, action, counts });
    }
  }
  return { days, series };
}

const figures = (row: Percentiles | undefined): HandlingFigures => ({
  decisions: row?.n ?? 0,
  medianMs: row?.median ?? null,
  p90Ms: row?.p90 ?? null,
});

export async function handlingByType(db: Db, now: Date): Promise<HandlingReport> {
  const days = lastDays(now);
  const rows = await handlingTimes(db.kysely, 'resource', coveringDays(days[0], days[days.length - 1]));
  return {
    from: days[0],
    to: days[days.length - 1],
    types: moderatedResources.map((resource) => ({
      resource,
      ...figures(rows.find((row) => row.key === resource)),
    })),
  };
}

/** The rules the waiting items fail most, at most `limit` of them. */
export async function topFailingRules(db: Db, limit = 10): Promise<FailingRule[]> {
  const all: FailingRule[] = [];
  for (const resource of moderatedResources) {
    for (const { ruleId, n } of await failingRules(db.kysely, resource, queueStatuses(resource))) {
      all.push({ resource, ruleId, pending: n });
    }
  }
  return all.sort((a, b) => b.pending - a.pending || a.ruleId.localeCompare(b.ruleId)).slice(0, limit);
}

/** Each moderator's last days; a moderator or verifier sees their own line only. */
export async function moderatorFigures(db: Db, actor: SignedIn, now: Date): Promise<ModeratorsReport> {
  const days = lastDays(now);
  const range = coveringDays(days[0], days[days.length - 1]);
  const only = seesWholeTeam(actor.role) ? undefined : actor.id;
  const actions = [...new Set(moderatedResources.flatMap(decisiveActions))];
  const perDay = await decisionsPerModerator(db.kysely, actions, range, only);
  const handling = await handlingTimes(db.kysely, 'actorId', range, only);
  const reverted = await revertedPerModerator(db.kysely, actions, range, only);
  const agreement = await agreementPerModerator(db.kysely, range, only);
  const ids = [...new Set([...perDay.map((row) => row.actorId), ...(only === undefined ? [] : [only])])];
  const names = await moderatorNames(db.kysely, ids);
  const index = new Map(days.map((day, i) => [day, i]));
  const moderators = ids.map((moderatorId) => {
    const counts = days.map(() => 0);
    for (const row of perDay) if (row.actorId === moderatorId) counts[index.get(row.day)!] = row.n;
    return {
      moderatorId,
      name: names.get(moderatorId) ?? `#${moderatorId}`,
      decisions: counts.reduce((sum, n) => sum + n, 0),
      perDay: counts,
      handling: figures(handling.find((row) => Number(row.key) === moderatorId)),
      reverted: reverted.get(moderatorId) ?? 0,
      checked: agreement.get(moderatorId) ?? { agreed: 0, reviewed: 0 },
    };
  });
  moderators.sort((a, b) => b.decisions - a.decisions || a.name.localeCompare(b.name));
  return { from: days[0], to: days[days.length - 1], days, moderators };
}

/**
 * What the team received and decided over a range of days, per type, counted from the audit
 * log: every decision counts once, so an item approved, reverted and rejected adds to approved,
 * reverted and rejected alike.
 */
export async function transparencyReport(
  db: Db,
  range: { from: string; to: string },
): Promise<TransparencyReport> {
  const covered = coveringDays(range.from, range.to);
  const counted = await outcomes(
    db.kysely,
    moderatedResources,
    [...new Set([...moderatedResources.flatMap(decisiveActions), 'revert'])],
    covered,
  );
  const rows: TransparencyRow[] = [];
  for (const resource of moderatedResources) {
    const mine = counted.filter((row) => row.resource === resource);
    const sum = (match: (row: (typeof mine)[number]) => boolean) =>
      mine.filter(match).reduce((total, row) => total + row.n, 0);
    const rejectedByReason: Record<string, number> = {};
    for (const row of mine) {
      if (row.toStatus !== 'rejected' || row.action === 'revert') continue;
      const reason =
        row.reasonCode !== null && findReason(resource, row.reasonCode) ? row.reasonCode : 'none';
      rejectedByReason[reason] = (rejectedByReason[reason] ?? 0) + row.n;
    }
    const median = await timeToDecision(db.kysely, db.dialect, resource, decisiveActions(resource), covered);
    rows.push({
      resource,
      received: await arrivals(db.kysely, resource, covered),
      approved: sum((row) => row.action !== 'revert' && approvedStatuses.includes(row.toStatus ?? '')),
      rejected: sum((row) => row.action !== 'revert' && row.toStatus === 'rejected'),
      rejectedByReason,
      escalated: sum((row) => row.action !== 'revert' && row.toStatus === 'escalated'),
      reverted: sum((row) => row.action === 'revert'),
      medianHoursToDecision: median === null ? null : Math.round((median / hourMs) * 10) / 10,
    });
  }
  return { from: range.from, to: range.to, rows };
}

/** The report as CSV: one line per type and outcome, so reasons need no columns of their own. */
export function transparencyCsv(report: TransparencyReport): string {
  const lines = [['from', 'to', 'type', 'measure', 'reason', 'value'].join(',')];
  const line = (row: TransparencyRow, measure: string, value: number | null, reason = '') =>
    lines.push([report.from, report.to, row.resource, measure, reason, value ?? ''].join(','));
  for (const row of report.rows) {
    line(row, 'received', row.received);
    line(row, 'approved', row.approved);
    line(row, 'rejected', row.rejected);
    for (const [reason, n] of Object.entries(row.rejectedByReason).sort()) line(row, 'rejected', n, reason);
    line(row, 'escalated', row.escalated);
    line(row, 'reverted', row.reverted);
    line(row, 'median_hours_to_decision', row.medianHoursToDecision);
  }
  return `${lines.join('\r\n')}\r\n`;
}
