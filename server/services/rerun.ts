import type { Kysely } from 'kysely';
import type { Answer, Doctor, Photo, Review } from '../../src/domain/model';
import { resourceSpecs } from '../../src/domain/resources';
import type { CheckedType } from '../../src/domain/rules/registry';
import { countRows } from '../db/bulk';
import { recordsAfter } from '../db/records';
import { advanceRunRow, leaseRunRow, runRow, runRows, type RunRow, startRunRow } from '../db/ruleRuns';
import { replacePhotoHashes } from '../db/photos';
import { replaceBands, reviewTextsAfter } from '../db/rules';
import type { Database } from '../db/schema';
import {
  checkAnswer,
  checkDoctors,
  checkPhotos,
  checkReviews,
  DoctorCache,
  fingerprint,
  indexedImages,
  loadSettings,
  saveChecked,
} from './checks';

/**
 * Re-running a content type's checks over every stored item: after a settings change, after an
 * upgrade of the rules, or on demand (`npm run rules:rerun`). Work goes in batches, each one
 * transaction that also records how far the run got, so a run that stops (a crash, a deploy,
 * Ctrl-C) resumes where it was. Reviews first rebuild the near-duplicate index over all of them,
 * then check each one against the whole index.
 */

type Db = Kysely<Database>;
type Phase = 'index' | 'check';

// A batch is one write transaction: on SQLite every other request waits for it, so a batch is
// kept to a fraction of a second (about 0.4 ms a review to index, its words analysed, 0.5-1 ms to check).
const indexBatch = 500;
const checkBatch = 200;
const leaseMs = 2 * 60_000;

export interface RunState {
  type: CheckedType;
  phase: Phase | 'done';
  /** Items the current phase has finished, of `total`. */
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
}

/** Reviews and photos are compared with each other through an index, rebuilt before any is checked. */
const firstPhase = (type: CheckedType): Phase =>
  type === 'reviews' || type === 'photos' ? 'index' : 'check';

/** Starts a fresh run of a type's checks, replacing any unfinished one (its work is redone). */
export async function requestRun(db: Db, type: CheckedType, now: Date): Promise<void> {
  await startRunRow(db, {
    type,
    phase: firstPhase(type),
    lastId: 0,
    done: 0,
    total: await countRows(db, type),
    startedAt: now.toISOString(),
    finishedAt: null,
    leaseUntil: null,
  });
}

export async function runStates(db: Db): Promise<RunState[]> {
  return (await runRows(db)).map(stateOf);
}

function stateOf(row: RunRow): RunState {
  const type = row.type as CheckedType;
  return {
    type,
    phase: row.finishedAt ? 'done' : (row.phase as Phase),
    // Items created during a run are checked too, so a run can do a little more than it planned.
    done: row.finishedAt ? Math.max(row.done, row.total) : row.done,
    total: row.total,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/**
 * Takes the run's lease if nobody else holds a live one. Two server instances (or a
 * server and the command) never work on one run at once; a holder that died lets go when its
 * lease runs out.
 */
async function lease(db: Db, type: CheckedType, now: Date): Promise<RunRow | null> {
  return leaseRunRow(db, type, now.toISOString(), new Date(now.getTime() + leaseMs).toISOString());
}

export interface RunOptions {
  clock: () => Date;
  onProgress?: (state: RunState) => void;
}

/**
 * Works through the type's pending run until it is finished; answers false when another holder
 * has it. Each batch reads, checks and writes in one transaction (an item edited meanwhile is
 * never overwritten with results of its old text), and reads the settings again, so a change
 * made during a run applies to every item; a newer request restarts the cursor.
 */
export async function continueRun(
  db: Db,
  type: CheckedType,
  { clock, onProgress }: RunOptions,
): Promise<boolean> {
  const leased = await lease(db, type, clock());
  if (!leased) return false;
  let run: RunRow = leased;
  while (!run.finishedAt) {
    const now = clock();
    const next = await db.transaction().execute(async (trx) => {
      const current = await runRow(trx, type);
      const phase = current.phase as Phase;
      const step =
        phase === 'index'
          ? await indexStep(trx, type, current.lastId)
          : await checkStep(trx, type, current.lastId, now);
      return advanceRunRow(trx, type, {
        phase: step.finished && phase === 'index' ? 'check' : phase,
        lastId: step.finished && phase === 'index' ? 0 : step.lastId,
        done: step.finished && phase === 'index' ? 0 : current.done + step.count,
        finishedAt: step.finished && phase === 'check' ? now.toISOString() : null,
        leaseUntil:
          step.finished && phase === 'check' ? null : new Date(now.getTime() + leaseMs).toISOString(),
      });
    });
    run = next;
    onProgress?.(stateOf(run));
  }
  return true;
}

interface Step {
  lastId: number;
  /** Items this step went through. */
  count: number;
  finished: boolean;
}

/** Puts the next batch of reviews' bands, or of photos' hashes, in the index. */
async function indexStep(db: Db, type: CheckedType, afterId: number): Promise<Step> {
  let lastId: number | undefined;
  let count: number;
  if (type === 'photos') {
    const batch = (await recordsAfter(db, resourceSpecs.photos, afterId, indexBatch)) as unknown as Photo[];
    await replacePhotoHashes(
      db,
      batch.map((photo) => photo.id),
      batch.flatMap(indexedImages),
    );
    [lastId, count] = [batch.at(-1)?.id, batch.length];
  } else {
    const batch = await reviewTextsAfter(db, afterId, indexBatch);
    await replaceBands(
      db,
      batch.map((review) => ({ reviewId: review.id, ...fingerprint(review) })),
    );
    [lastId, count] = [batch.at(-1)?.id, batch.length];
  }
  return { lastId: lastId ?? afterId, count, finished: count < indexBatch };
}

/** Checks the next batch of items against the settings of the moment. */
async function checkStep(db: Db, type: CheckedType, afterId: number, now: Date): Promise<Step> {
  const records = await recordsAfter(db, resourceSpecs[type], afterId, checkBatch);
  const settings = await loadSettings(db);
  const doctors = new DoctorCache(db);
  const checked =
    type === 'doctors'
      ? await checkDoctors(db, records as unknown as Doctor[], settings, now)
      : type === 'answers'
        ? await Promise.all(
            records.map((r) => checkAnswer(db, r as unknown as Answer, settings, now, doctors)),
          )
        : type === 'reviews'
          ? await checkReviews(db, records as unknown as Review[], settings, now, { doctors })
          : await checkPhotos(db, records as unknown as Photo[], settings, now, doctors);
  await saveChecked(db, type, records, checked);
  const lastId = (records.at(-1)?.id as number | undefined) ?? afterId;
  return { lastId, count: records.length, finished: records.length < checkBatch };
}

/**
 * The runs this server instance works on in the background, one loop per type: a request made
 * while a loop is finishing starts it again rather than being lost.
 */
export class BackgroundRuns {
  private readonly loops = new Map<CheckedType, Promise<void>>();
  private readonly again = new Set<CheckedType>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  start(type: CheckedType): void {
    if (this.loops.has(type)) {
      this.again.add(type);
      return;
    }
    const loop = continueRun(this.db, type, { clock: this.clock })
      .then(() => undefined)
      .catch((error: unknown) => console.error(`re-run of ${type} checks stopped:`, error))
      .finally(() => {
        this.loops.delete(type);
        if (this.again.delete(type)) this.start(type);
      });
    this.loops.set(type, loop);
  }

  /** Resumes runs an earlier process left unfinished. */
  async resume(): Promise<void> {
    for (const state of await runStates(this.db)) if (!state.finishedAt) this.start(state.type);
  }

  /** Resolves when no run is in progress here (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.loops.size > 0) await Promise.all(this.loops.values());
  }
}
