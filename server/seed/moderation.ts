import type { Kysely } from 'kysely';
import { findReason, type ReasonCode, renderNotice } from '../../src/domain/reasons';
import type { ResourceName } from '../../src/domain/resources';
import { decisiveActions } from '../../src/domain/stats';
import {
  actionsWithReason,
  type DecisionAction,
  type ModeratedResource,
  moderatedResources,
} from '../../src/domain/transitions';
import type { AuditRow } from '../db/audit';
import { insertRows } from '../db/bulk';
import { decisionsWithReason, noticeSubjects } from '../db/moderation';
import type { Notice } from '../db/outbox';
import type { Database, HandlingTimesTable } from '../db/schema';
import { type AuditFact, auditHash, genesisHash } from '../services/audit';
import { dayMs, delay, hourMs, isoTime, minuteMs } from './calendar';
import type { Random } from './random';

/** Moderator ids grouped by the decisions their role allows (DESIGN.md, Auth). */
export interface Staff {
  content: number[];
  seniors: number[];
  verifiers: number[];
}

export interface Decision {
  atMs: number;
  /** Null for the server's own decisions, such as the daily sweep's. */
  actorId: number | null;
  action: string;
  fromStatus: string;
  toStatus: string;
  reasonCode: ReasonCode | null;
  note: string | null;
}

/**
 * Why a moderator would reject an item: set on the items the generator planted a problem in. The
 * code comes from the type's catalogue, whose message the seeded notices carry.
 */
export interface Finding<R extends ModeratedResource = ModeratedResource> {
  reasonCode: ReasonCode<R>;
  note: string;
}

export interface ModerationColumns {
  version: number;
  decidedBy: number | null;
  decidedAt: string | null;
  reasonCode: string | null;
}

/** The record's columns after its decisions, the last one winning. */
export function moderationColumns(decisions: readonly Decision[]): ModerationColumns {
  const last = decisions[decisions.length - 1];
  return {
    version: 1 + decisions.length,
    decidedBy: last?.actorId ?? null,
    decidedAt: last ? isoTime(last.atMs) : null,
    reasonCode: last?.reasonCode ?? null,
  };
}

export const statusAfter = (initial: string, decisions: readonly Decision[]): string =>
  decisions.length > 0 ? decisions[decisions.length - 1].toStatus : initial;

const approvalNotes = [
  'Checked against the rules, fine to publish.',
  'Read in full; nothing promotional.',
  'Looked at the flagged sentence: it denies the claim rather than making it.',
  'Treatment and timing are clear.',
];

const escalationNotes = [
  'Medical statement I cannot judge; asking for a second opinion.',
  'The reviewer may know the practice; please take a look.',
  'Borderline wording, would like a senior to decide.',
  'Doctor wrote in about this one; escalating rather than deciding alone.',
];

/**
 * A plausible moderation history for an answer, review or photo created at `createdAtMs`: items
 * from the last couple of days are still waiting, older ones were often decided within hours
 * or days; planted problems are mostly rejected, some escalated, a few missed.
 */
export function moderateContent(
  random: Random,
  staff: Staff,
  createdAtMs: number,
  asOfMs: number,
  finding: Finding | null,
): Decision[] {
  const ageMs = asOfMs - createdAtMs;
  const decidedChance = ageMs < 2 * dayMs ? 0 : ageMs < 7 * dayMs ? 0.08 : ageMs < 30 * dayMs ? 0.2 : 0.36;
  if (!random.chance(decidedChance)) return [];
  const latestMs = asOfMs - hourMs;
  const firstAtMs = createdAtMs + delay(random, 14 * hourMs, 20 * 60_000, Math.min(12 * dayMs, ageMs / 2));
  const moderator = random.pick(staff.content);
  const senior = random.pick(staff.seniors);
  const laterMs = (afterMs: number) => afterMs + delay(random, 20 * hourMs, hourMs, (latestMs - afterMs) / 2);
  const roll = random.next();

  if (finding) {
    if (roll < 0.7) {
      return [
        decision(firstAtMs, moderator, 'reject', 'pending', 'rejected', finding.reasonCode, finding.note),
      ];
    }
    if (roll < 0.88) {
      const escalation = decision(
        firstAtMs,
        moderator,
        'escalate',
        'pending',
        'escalated',
        null,
        `Not sure: ${lower(finding.note)}`,
      );
      if (random.chance(0.4)) return [escalation];
      return [
        escalation,
        decision(
          laterMs(firstAtMs),
          senior,
          'reject',
          'escalated',
          'rejected',
          finding.reasonCode,
          finding.note,
        ),
      ];
    }
    return [decision(firstAtMs, moderator, 'approve', 'pending', 'approved', null, null)];
  }

  if (roll < 0.93) {
    const note = random.chance(0.15) ? random.pick(approvalNotes) : null;
    return [decision(firstAtMs, moderator, 'approve', 'pending', 'approved', null, note)];
  }
  const escalation = decision(
    firstAtMs,
    moderator,
    'escalate',
    'pending',
    'escalated',
    null,
    random.pick(escalationNotes),
  );
  if (random.chance(0.35)) return [escalation];
  return [
    escalation,
    decision(laterMs(firstAtMs), senior, 'approve', 'escalated', 'approved', null, 'Fine as written.'),
  ];
}

export function decision(
  atMs: number,
  actorId: number | null,
  action: string,
  fromStatus: string,
  toStatus: string,
  reasonCode: ReasonCode | null,
  note: string | null,
): Decision {
  return { atMs, actorId, action, fromStatus, toStatus, reasonCode, note };
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The decisions of every seeded record, turned into the audit log once all of them are known. */
export class AuditTrail {
  private readonly entries: { atMs: number; fact: AuditFact }[] = [];

  record(resource: ResourceName, recordId: number, decisions: readonly Decision[]): void {
    for (const d of decisions) {
      this.entries.push({
        atMs: d.atMs,
        fact: {
          at: isoTime(d.atMs),
          actorId: d.actorId,
          action: d.action,
          resource,
          recordId,
          fromStatus: d.fromStatus,
          toStatus: d.toStatus,
          reasonCode: d.reasonCode,
          note: d.note,
          ruleResults: null,
        },
      });
    }
  }

  /** Every entry in the order the decisions happened, each linked to the one before by its hash. */
  rows(): AuditRow[] {
    const ordered = [...this.entries].sort((a, b) => a.atMs - b.atMs);
    let prevHash = genesisHash;
    return ordered.map(({ fact }) => {
      const hash = auditHash(prevHash, fact);
      const row = { ...fact, prevHash, hash };
      prevHash = hash;
      return row;
    });
  }
}

const isDecision = (row: AuditRow) =>
  (moderatedResources as readonly string[]).includes(row.resource) &&
  decisiveActions(row.resource as ModeratedResource).includes(row.action as DecisionAction);

/**
 * How long the moderator of each seeded decision held the item, for the entries in the order
 * `AuditTrail.rows()` gave them, numbered by the database from `firstId`: most decisions come
 * through the queue (a claim, then a few minutes' reading, longer for a doctor's credentials);
 * some are taken straight from a list and have no handling time.
 */
export function seededHandlingTimes(
  random: Random,
  rows: readonly AuditRow[],
  firstId: number,
): HandlingTimesTable[] {
  return rows.flatMap((row, i) => {
    if (row.actorId === null || !isDecision(row) || !random.chance(0.85)) return [];
    const typicalMs = (row.resource === 'doctors' ? 9 : 2.5) * minuteMs;
    const ms = Math.round(delay(random, typicalMs, 15_000, hourMs));
    return [{ auditId: firstId + i, resource: row.resource, actorId: row.actorId, decidedAt: row.at, ms }];
  });
}

/** Records whose notice values one query reads. */
const subjectsPerQuery = 500;

/**
 * The messages the seeded rejections and suspensions sent their authors, queued in the outbox as
 * the decisions would have queued them; answers how many. Reads the audit log once it is stored.
 */
export async function seedNotices(db: Kysely<Database>): Promise<number> {
  const decisions = await decisionsWithReason(db, actionsWithReason);
  const notices: Notice[] = [];
  for (let start = 0; start < decisions.length; start += subjectsPerQuery) {
    const batch = decisions.slice(start, start + subjectsPerQuery);
    const subjects = new Map<string, { recipient: string; values: Record<string, string> }>();
    for (const resource of new Set(batch.map((d) => d.resource as ModeratedResource))) {
      const ids = batch.filter((d) => d.resource === resource).map((d) => d.recordId);
      for (const subject of await noticeSubjects(db, resource, [...new Set(ids)])) {
        subjects.set(`${resource}/${subject.id}`, subject);
      }
    }
    for (const { id, at, resource, recordId, reasonCode } of batch) {
      const subject = subjects.get(`${resource}/${recordId}`)!;
      const reason = findReason(resource as ModeratedResource, reasonCode!)!;
      notices.push({
        at,
        resource,
        recordId,
        recipient: subject.recipient,
        template: reason.code,
        text: renderNotice(reason.message, subject.values),
        auditId: id,
      });
    }
  }
  await insertRows(db, 'outbox', notices);
  return notices.length;
}
