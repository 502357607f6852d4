import type { Kysely } from 'kysely';
import type { Answer, Doctor, Photo, Review } from '../../src/domain/model';
import { resourceSpecs } from '../../src/domain/resources';
import type { RuleSettings } from '../../src/domain/rules/engine';
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
  compareReviews,
  comparedResults,
  DoctorCache,
  indexedImages,
  inRuleOrder,
  loadSettings,
  type Checked,
  saveChecked,
  scored,
} from './checks';
import type { Fingerprint, WordsJob } from './wordChecks';
import { type CompareInThreads, type ReadWords, readWordsHere } from './checkWorkers';

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

// A batch's writes are one transaction: on SQLite every other request waits for it. Answers and
// reviews are judged before it (their words in about 1 ms an item, in worker threads when the run
// has them, the next batch's while one is written; a review's comparisons in about 1 ms, all
// reads), so the transaction only writes; reviews of a batch share the reads of the bands common
// words fill, so larger batches read less. Doctors and photos are checked inside it, in batches
// kept to a fraction of a second (a photo pair's check reads the hash index: about 7 ms at 10,000
// pairs).
const judgedBatch = 500;
/**
 * Reviews compared with the others, a batch: the worker threads share it out and each reads the
 * bands of its own part, so a batch of twice 500 keeps each part as large as one thread's batch
 * was; the bands of common words, which come up in every part, are read once a part.
 */
const comparedBatch = 1000;
const batchSize = (run: Pick<RunRow, 'type' | 'phase'>) =>
  run.type === 'reviews' && run.phase === 'check' ? comparedBatch : judgedBatch;
const indexBatch = 500;
const checkBatch = 50;
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
  /** Where items' words are read: worker threads for a long run (CheckWorkers), else this thread. */
  readWords?: ReadWords;
  /** Where reviews are compared with the others: worker threads for a long run, else this thread. */
  compare?: CompareInThreads;
}

/**
 * Works through the type's pending run until it is finished; answers false when another holder
 * has it. Each batch reads the settings again, so a change made during a run applies to every
 * item, and never overwrites an item with results of a text it no longer has; a newer request
 * restarts the cursor.
 */
export async function continueRun(
  db: Db,
  type: CheckedType,
  { clock, onProgress, readWords = readWordsHere, compare }: RunOptions,
): Promise<boolean> {
  const leased = await lease(db, type, clock());
  if (!leased) return false;
  let run: RunRow = leased;
  // The batch after the one being written, read and being judged meanwhile: worker threads read
  // its words while this thread writes, instead of each waiting for the other.
  let ahead: JudgedBatch | null = null;
  while (!run.finishedAt) {
    const now = clock();
    const phase = run.phase as Phase;
    const judge = judgeOutside(type, phase, readWords, compare);
    if (judge) {
      const batch: JudgedBatch =
        ahead && follows(ahead, run) ? ahead : await readBatch(db, type, run, now, judge);
      ahead =
        batch.records.length < batchSize(run) ? null : await readBatch(db, type, followed(batch), now, judge);
      run = await writeBatch(db, type, batch, now, judge);
    } else
      run = await db.transaction().execute(async (trx) => {
        const current = await runRow(trx, type);
        const step =
          current.phase === 'index'
            ? await indexStep(trx, current.lastId)
            : await checkStep(trx, type, current.lastId, now);
        return advance(trx, current, step, now);
      });
    onProgress?.(stateOf(run));
  }
  return true;
}

/** An item's new check, and for a review in the index phase its entry in the index. */
interface Judged {
  record: ApiRecord;
  checked: Checked;
  print?: Fingerprint;
}

type Judge = (
  db: Db,
  records: ApiRecord[],
  settings: RuleSettings,
  now: Date,
  here: boolean,
) => Promise<Judged[]>;

/**
 * How a phase judges a batch before the transaction that writes it, if it does: answers by their
 * words, reviews by their words (the index phase), then by their comparison with the others, each
 * in worker threads when the run has them. Doctors and photos, few and quick, are checked inside
 * the transaction. `here` asks for this thread (the few items judged again inside a transaction).
 */
function judgeOutside(
  type: CheckedType,
  phase: Phase,
  readWords: ReadWords,
  compare: CompareInThreads | undefined,
): Judge | null {
  const words = async (db: Db, records: ApiRecord[], settings: RuleSettings, now: Date, here: boolean) =>
    (here ? readWordsHere : readWords)(await wordsJob(db, type, records, settings, now));
  if (type === 'answers') {
    return async (db, records, settings, now, here) =>
      (await words(db, records, settings, now, here)).map((verdict, i) => ({
        record: records[i],
        checked: scored(verdict.results),
      }));
  }
  if (type !== 'reviews') return null;
  if (phase === 'index') {
    return async (db, records, settings, now, here) =>
      (await words(db, records, settings, now, here)).map((verdict, i) => ({
        record: records[i],
        // The comparisons stand as they were until the check phase makes them again.
        checked: scored(
          inRuleOrder([...verdict.results, ...comparedResults(records[i] as unknown as Review)]),
        ),
        print: verdict.print,
      }));
  }
  return async (db, records, settings, now, here) => {
    const reviews = records as unknown as Review[];
    const checked = await (here || !compare
      ? compareReviews(db, reviews, settings, now)
      : compare(reviews, settings, now));
    return records.map((record, i) => ({ record, checked: checked[i] }));
  };
}

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

/** A batch read and set to be judged ahead of the transaction that writes it. */
interface JudgedBatch {
  /** The run as it stood when the batch was read: its start, phase and cursor. */
  after: RunRow;
  /** The items' stamps, taken before they were read: a change landing in between shows as a changed stamp. */
  before: Map<number, { version: number; ruleResults: string }>;
  records: ApiRecord[];
  settings: RuleSettings;
  judged: Promise<Judged[]>;
}

/** Reads the batch after the run's cursor and sets its judging going (in worker threads, when the run has them). */
async function readBatch(
  db: Db,
  type: CheckedType,
  run: RunRow,
  now: Date,
  judge: Judge,
): Promise<JudgedBatch> {
  const before = await checkStamps(db, type as 'answers' | 'reviews', {
    afterId: run.lastId,
    limit: batchSize(run),
  });
  const records = await recordsAfter(db, resourceSpecs[type], run.lastId, batchSize(run));
  const settings = await loadSettings(db);
  const judged = judge(db, records, settings, now, false);
  // A batch read ahead of a run that was restarted meanwhile is dropped unawaited.
  judged.catch(() => {});
  return { after: run, before, records, settings, judged };
}

/** Whether a batch read ahead is the one the run now stands before. */
const follows = (batch: JudgedBatch, run: RunRow) =>
  batch.after.startedAt === run.startedAt &&
  batch.after.phase === run.phase &&
  batch.after.lastId === run.lastId;

/** The run as it will stand once this batch is written. */
const followed = (batch: JudgedBatch): RunRow => ({
  ...batch.after,
  lastId: (batch.records.at(-1)?.id as number | undefined) ?? batch.after.lastId,
});

/**
 * Writes a judged batch's outcomes in one short transaction. An item whose version or stored
 * results changed since it was read (an edit, a decision, a check set off by a new near-duplicate
 * or by its author's standing) is judged again inside it, so its outcome follows its current
 * state. A run restarted meanwhile keeps its new cursor.
 */
async function writeBatch(
  db: Db,
  type: CheckedType,
  batch: JudgedBatch,
  now: Date,
  judge: Judge,
): Promise<RunRow> {
  const { after: run, before, records, settings } = batch;
  const ids = records.map((record) => record.id as number);
  const judged = await batch.judged;
  return db.transaction().execute(async (trx) => {
    const current = await runRow(trx, type);
    if (!follows(batch, current)) return current;
    const after = await checkStamps(trx, type as 'answers' | 'reviews', { ids });
    const unchanged = (id: number) => {
      const [read, stamp] = [before.get(id), after.get(id)];
      return stamp?.version === read?.version && stamp?.ruleResults === read?.ruleResults;
    };
    const changed = await findRecords(
      trx,
      resourceSpecs[type],
      ids.filter((id) => after.has(id) && !unchanged(id)),
    );
    const outcomes = [
      ...judged.filter(({ record }) => unchanged(record.id as number)),
      ...(await judge(trx, changed, settings, now, true)),
    ];
    const prints = outcomes.flatMap(({ record, print }) =>
      print ? [{ reviewId: record.id as number, ...print }] : [],
    );
    await replaceBands(trx, prints);
    await saveChecked(
      trx,
      type,
      outcomes.map(({ record }) => record),
      outcomes.map(({ checked }) => checked),
    );
    const step = {
      lastId: ids.at(-1) ?? run.lastId,
      count: records.length,
      finished: records.length < batchSize(run),
    };
    return advance(trx, current, step, now);
  });
}

/** What the word-reading rules need of a batch: the items with their authors, and the questions answered. */
async function wordsJob(
  db: Db,
  type: CheckedType,
  records: ApiRecord[],
  settings: RuleSettings,
  now: Date,
): Promise<WordsJob> {
  const doctors = await new DoctorCache(db).readAll(records.map((record) => record.doctorId as number));
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

/** Checks the next batch of doctors or photos against the settings of the moment. */
async function checkStep(db: Db, type: CheckedType, afterId: number, now: Date): Promise<Step> {
  const records = await recordsAfter(db, resourceSpecs[type], afterId, checkBatch);
  const settings = await loadSettings(db);
  const checked =
    type === 'doctors'
      ? await checkDoctors(db, records as unknown as Doctor[], settings, now)
      : await checkPhotos(db, records as unknown as Photo[], settings, now, new DoctorCache(db));
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
