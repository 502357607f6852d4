import type { Kysely } from 'kysely';
import type { Answer, Doctor, Photo, Review } from '../../src/domain/model';
import { resourceSpecs } from '../../src/domain/resources';
import type { KnownDoctor, RuleSettings } from '../../src/domain/rules/engine';
import type { CheckedType } from '../../src/domain/rules/registry';
import { countRows } from '../db/bulk';
import { type ApiRecord, findRecords, recordsAfter } from '../db/records';
import { advanceRunRow, leaseRunRow, runRow, runRows, type RunRow, startRunRow } from '../db/ruleRuns';
import { replacePhotoHashes } from '../db/photos';
import { checkStamps, questionsOf, replaceBands } from '../db/rules';
import type { Database } from '../db/schema';
import {
  checkDoctors,
  checkPhotos,
  checkReviews,
  comparedResults,
  DoctorCache,
  indexedImages,
  inRuleOrder,
  loadSettings,
  saveChecked,
  scored,
} from './checks';
import type { WordsJob } from './wordChecks';
import { type ReadWords, readWordsHere } from './wordWorkers';

/**
 * Re-running a content type's checks over every stored item: after a settings change, after an
 * upgrade of the rules, or on demand (`npm run rules:rerun`). Work goes in batches, each one
 * transaction that also records how far the run got, so a run that stops (a crash, a deploy,
 * Ctrl-C) resumes where it was. Reviews first have their words read, which gives the verdicts of
 * the rules about their own words and their entries in the near-duplicate index, then each one is
 * compared with the whole index.
 */

type Db = Kysely<Database>;
type Phase = 'index' | 'check';

// A batch's writes are one transaction: on SQLite every other request waits for it, so a batch is
// kept to a fraction of a second. Reading words (the language analysis, 1-3 ms an item) happens
// before that transaction, in worker threads when the run has them; only comparing reviews
// through the index (about 1 ms a review, all reads) happens inside it.
const wordsBatch = 500;
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
  /** Where items' words are read: worker threads for a long run (WordWorkers), else this thread. */
  readWords?: ReadWords;
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
  { clock, onProgress, readWords = readWordsHere }: RunOptions,
): Promise<boolean> {
  const leased = await lease(db, type, clock());
  if (!leased) return false;
  let run: RunRow = leased;
  while (!run.finishedAt) {
    const now = clock();
    run = readsWords(type, run.phase as Phase)
      ? await wordsStep(db, type, run, now, readWords)
      : await db.transaction().execute(async (trx) => {
          const current = await runRow(trx, type);
          const phase = current.phase as Phase;
          const step =
            phase === 'index'
              ? await indexStep(trx, current.lastId)
              : await checkStep(trx, type, current.lastId, now);
          return advance(trx, current, step, now);
        });
    onProgress?.(stateOf(run));
  }
  return true;
}

/** Answers are judged by their words alone; a review's words are read, and indexed, before it is compared. */
const readsWords = (type: CheckedType, phase: Phase) =>
  type === 'answers' || (type === 'reviews' && phase === 'index');

/** Records a step's progress on the run: the next phase when it finished one, the end after the last. */
function advance(db: Db, current: RunRow, step: Step, now: Date): Promise<RunRow> {
  const phase = current.phase as Phase;
  const last = step.finished && (phase === 'check' || !hasIndex(current.type as CheckedType));
  const nextPhase = step.finished && !last;
  return advanceRunRow(db, current.type, {
    phase: nextPhase ? 'check' : phase,
    lastId: nextPhase ? 0 : step.lastId,
    done: nextPhase ? 0 : current.done + step.count,
    finishedAt: last ? now.toISOString() : null,
    leaseUntil: last ? null : new Date(now.getTime() + leaseMs).toISOString(),
  });
}

const hasIndex = (type: CheckedType) => firstPhase(type) === 'index';

interface Step {
  lastId: number;
  /** Items this step went through. */
  count: number;
  finished: boolean;
}

/** Puts the next batch of photos' hashes in the index. */
async function indexStep(db: Db, afterId: number): Promise<Step> {
  const batch = (await recordsAfter(db, resourceSpecs.photos, afterId, indexBatch)) as unknown as Photo[];
  await replacePhotoHashes(
    db,
    batch.map((photo) => photo.id),
    batch.flatMap(indexedImages),
  );
  return { lastId: batch.at(-1)?.id ?? afterId, count: batch.length, finished: batch.length < indexBatch };
}

/**
 * Reads the words of the next batch of answers, or of reviews (which also puts them in the
 * near-duplicate index), outside any transaction, then writes the verdicts in one short one. An
 * item whose version or stored results changed meanwhile (an edit, a decision, a check set off by
 * a new near-duplicate or the author's standing) is judged again inside it. A run restarted
 * meanwhile keeps its new cursor.
 */
async function wordsStep(
  db: Db,
  type: CheckedType,
  run: RunRow,
  now: Date,
  readWords: ReadWords,
): Promise<RunRow> {
  const records = await recordsAfter(db, resourceSpecs[type], run.lastId, wordsBatch);
  const ids = records.map((record) => record.id as number);
  const before = await checkStamps(db, type as 'answers' | 'reviews', ids);
  const settings = await loadSettings(db);
  const verdicts = await readWords(await wordsJob(db, type, records, settings, now));
  return db.transaction().execute(async (trx) => {
    const current = await runRow(trx, type);
    if (current.startedAt !== run.startedAt || current.phase !== run.phase || current.lastId !== run.lastId)
      return current;
    const after = await checkStamps(trx, type as 'answers' | 'reviews', ids);
    const unchanged = (i: number) => {
      const [read, stamp] = [before.get(ids[i]), after.get(ids[i])];
      return stamp?.version === read?.version && stamp?.ruleResults === read?.ruleResults;
    };
    // Items that changed, or were checked by a change elsewhere, while their words were read are
    // read again here, in the transaction: few, and their verdicts must follow their current state.
    const again = await findRecords(
      trx,
      resourceSpecs[type],
      ids.filter((id, i) => after.has(id) && !unchanged(i)),
    );
    const judged = [
      ...records.flatMap((record, i) => (unchanged(i) ? [{ record, verdict: verdicts[i] }] : [])),
      ...(await readWordsHere(await wordsJob(trx, type, again, settings, now))).map((verdict, i) => ({
        record: again[i],
        verdict,
      })),
    ];
    if (type === 'reviews') {
      await replaceBands(
        trx,
        judged.map(({ record, verdict }) => ({ reviewId: record.id as number, ...verdict.print! })),
      );
    }
    await saveChecked(
      trx,
      type,
      judged.map(({ record }) => record),
      judged.map(({ record, verdict }) =>
        scored(
          type === 'reviews'
            ? inRuleOrder([...verdict.results, ...comparedResults(record as unknown as Review)])
            : verdict.results,
        ),
      ),
    );
    const lastId = ids.at(-1) ?? run.lastId;
    return advance(
      trx,
      current,
      { lastId, count: records.length, finished: records.length < wordsBatch },
      now,
    );
  });
}

async function doctorsById(db: Db, ids: readonly number[]): Promise<Map<number, KnownDoctor>> {
  const doctors = await findRecords(db, resourceSpecs.doctors, [...new Set(ids)]);
  return new Map(doctors.map((doctor) => [doctor.id as number, doctor as unknown as KnownDoctor]));
}

/** What the word-reading rules need of a batch: the items with their authors, and the questions answered. */
async function wordsJob(
  db: Db,
  type: CheckedType,
  records: ApiRecord[],
  settings: RuleSettings,
  now: Date,
): Promise<WordsJob> {
  const doctors = await doctorsById(
    db,
    records.map((record) => record.doctorId as number),
  );
  const doctorOf = (record: ApiRecord) => doctors.get(record.doctorId as number) ?? null;
  if (type === 'reviews') {
    return {
      type,
      now: now.toISOString(),
      settings,
      items: records.map((record) => ({ review: record as unknown as Review, doctor: doctorOf(record) })),
    };
  }
  const questions = await questionsOf(
    db,
    records.map((record) => record.questionId as number),
  );
  return {
    type: 'answers',
    now: now.toISOString(),
    settings,
    items: records.map((record) => ({
      answer: record as unknown as Answer,
      doctor: doctorOf(record),
      question: questions.get(record.questionId as number) ?? null,
    })),
  };
}

/** Checks the next batch of items against the settings of the moment. */
async function checkStep(db: Db, type: CheckedType, afterId: number, now: Date): Promise<Step> {
  const records = await recordsAfter(db, resourceSpecs[type], afterId, checkBatch);
  const settings = await loadSettings(db);
  const doctors = new DoctorCache(db);
  // Reviews had their words read in the index phase: only their comparisons are left.
  const checked =
    type === 'doctors'
      ? await checkDoctors(db, records as unknown as Doctor[], settings, now)
      : type === 'reviews'
        ? await checkReviews(db, records as unknown as Review[], settings, now, { doctors, others: true })
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
