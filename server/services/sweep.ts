import type { CheckedResult } from '../../src/domain/rules/engine';
import { resourceSpecs } from '../../src/domain/resources';
import { type DecisionAction, transitionsOf } from '../../src/domain/transitions';
import type { Db } from '../db/connection';
import { doctorsInStatus, finishJobRun, takeJobRun } from '../db/credentials';
import { lockRecord } from '../db/moderation';
import type { CredentialRegistry } from '../registries/registry';
import { recheck } from './checks';
import { askRegistry } from './credentials';
import { applyDecision } from './decisions';

/**
 * The daily sweep that keeps verified doctors verified (issue: doctor credentials): the registry
 * is asked again about every doctor who is verified or on the way to it, their checks run again
 * with the day's date, and then, audited with the rule as the reason and no moderator as actor:
 * - a verified doctor whose license expired or was taken away, or whose NPI the registry no longer
 *   publishes, is suspended, and their answers are held again;
 * - a verified doctor whose verification is older than the interval goes back to the queue.
 */

const batchSize = 200;
/** Asked again when last answered longer ago than this: a day's sweep refreshes every answer. */
const sweepMaxAgeMs = 20 * 3_600_000;

/** Failures that end a verification, with the reason the doctor is told. */
const suspending: Record<string, string> = {
  DOC_LICENSE_STATUS: 'license_suspended',
  DOC_LICENSE_EXPIRY: 'license_expired',
  DOC_NPI_REGISTRY: 'npi_invalid',
};

export interface SweepReport {
  day: string;
  /** Doctors whose checks ran again. */
  checked: number;
  /** Registry lookups made, and how many of them found the registry unreachable. */
  asked: number;
  unreachable: number;
  suspended: { id: number; ruleId: string }[];
  requeued: number[];
}

const transition = (action: DecisionAction) =>
  transitionsOf('doctors').find((t) => t.action === action && t.from === 'verified')!;

const failed = (results: readonly CheckedResult[], severity?: string) =>
  results.filter((r) => r.outcome === 'fail' && (!severity || r.severity === severity));

export async function sweepDoctors(
  db: Db,
  registry: CredentialRegistry,
  now: Date,
  onProgress?: (done: number) => void,
): Promise<SweepReport> {
  const report: SweepReport = {
    day: now.toISOString().slice(0, 10),
    checked: 0,
    asked: 0,
    unreachable: 0,
    suspended: [],
    requeued: [],
  };
  let afterId = 0;
  for (;;) {
    const batch = await doctorsInStatus(
      db.kysely,
      ['pending', 'awaiting_confirmation', 'verified'],
      afterId,
      batchSize,
    );
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1].id;
    const asked = await askRegistry(
      db.kysely,
      registry,
      batch.map((d) => d.npi),
      now,
      sweepMaxAgeMs,
    );
    report.asked += asked.asked;
    report.unreachable += asked.failed;
    // One transaction a doctor: a suspension never waits on the rest of the batch.
    for (const { id } of batch) {
      await db.kysely.transaction().execute(async (trx) => {
        const locked = await lockRecord(trx, db.dialect, resourceSpecs.doctors, id);
        if (!locked) return;
        const doctor = (await recheck(trx, 'doctors', id, now))!;
        report.checked++;
        if (doctor.verificationStatus !== 'verified') return;
        const results = doctor.ruleResults as CheckedResult[];
        const ending = failed(results, 'block').find((r) => Object.hasOwn(suspending, r.ruleId));
        if (ending) {
          await applyDecision(trx, db.dialect, 'doctors', doctor, transition('suspend'), {
            actorId: null,
            reasonCode: suspending[ending.ruleId],
            note: `Daily sweep, ${ending.ruleId}: ${ending.message}`,
            now,
          });
          report.suspended.push({ id, ruleId: ending.ruleId });
          return;
        }
        const due = failed(results).find((r) => r.ruleId === 'DOC_REVERIFY');
        if (due) {
          await applyDecision(trx, db.dialect, 'doctors', doctor, transition('reverify'), {
            actorId: null,
            reasonCode: null,
            note: `Daily sweep, DOC_REVERIFY: ${due.message}`,
            now,
          });
          report.requeued.push(id);
        }
      });
    }
    onProgress?.(report.checked);
  }
  return report;
}

export const sweepJob = 'doctors.sweep';

/**
 * Runs the day's sweep here unless another instance (or an earlier start of this one) has taken
 * it: the job's row for the day is the lock. Answers the report, or null when it was not ours.
 */
export async function sweepOnce(
  db: Db,
  registry: CredentialRegistry,
  now: Date,
): Promise<SweepReport | null> {
  const day = now.toISOString().slice(0, 10);
  if (!(await takeJobRun(db.kysely, sweepJob, day, now.toISOString()))) return null;
  const report = await sweepDoctors(db, registry, now);
  await finishJobRun(db.kysely, sweepJob, day, new Date().toISOString(), JSON.stringify(report));
  return report;
}

/** Tries the day's sweep now and every hour after; the handle stops it (shutdown). */
export function scheduleDailySweep(db: Db, registry: CredentialRegistry, clock: () => Date): () => void {
  const attempt = () =>
    sweepOnce(db, registry, clock())
      .then((report) => {
        if (report)
          console.log(JSON.stringify({ at: clock().toISOString(), msg: 'doctor sweep', ...report }));
      })
      .catch((error: unknown) => console.error('doctor sweep stopped:', error));
  void attempt();
  const timer = setInterval(attempt, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
