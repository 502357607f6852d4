import type { Kysely, Selectable } from 'kysely';
import type { Answer, Review } from '../../src/domain/model';
import { resourceSpecs } from '../../src/domain/resources';
import type { CheckedType } from '../../src/domain/rules/registry';
import { toRecord } from '../db/records';
import { replaceBands } from '../db/rules';
import type { Database, RuleRunsTable } from '../db/schema';
import { checkAnswer, checkReviews, DoctorCache, fingerprint, loadSettings, saveChecked } from './checks';

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
// kept to a fraction of a second (about 0.2 ms a review to index, 0.5-1 ms to check).
const indexBatch = 1000;
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

const firstPhase = (type: CheckedType): Phase => (type === 'reviews' ? 'index' : 'check');

async function countItems(db: Db, type: CheckedType): Promise<number> {
  const row = await db
    .selectFrom(type)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Starts a fresh run of a type's checks, replacing any unfinished one (its work is redone). */
export async function requestRun(db: Db, type: CheckedType, now: Date): Promise<void> {
  const row = {
    phase: firstPhase(type),
    lastId: 0,
    done: 0,
    total: await countItems(db, type),
    startedAt: now.toISOString(),
    finishedAt: null,
    leaseUntil: null,
  };
  await db
    .insertInto('ruleRuns')
    .values({ type, ...row })
    .onConflict((oc) => oc.column('type').doUpdateSet(row))
    .execute();
}

export async function runStates(db: Db): Promise<RunState[]> {
  const rows = await db.selectFrom('ruleRuns').selectAll().orderBy('type').execute();
  return rows.map(stateOf);
}

function stateOf(row: Selectable<RuleRunsTable>): RunState {
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
async function lease(db: Db, type: CheckedType, now: Date): Promise<Selectable<RuleRunsTable> | null> {
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const row = await db
    .updateTable('ruleRuns')
    .set({ leaseUntil: until })
    .where('type', '=', type)
    .where('finishedAt', 'is', null)
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now.toISOString())]))
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
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
  let run: Selectable<RuleRunsTable> = leased;
  while (!run.finishedAt) {
    const now = clock();
    const next = await db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('ruleRuns')
        .selectAll()
        .where('type', '=', type)
        .executeTakeFirstOrThrow();
      const phase = current.phase as Phase;
      const step =
        phase === 'index'
          ? await indexStep(trx, current.lastId)
          : await checkStep(trx, type, current.lastId, now);
      return trx
        .updateTable('ruleRuns')
        .set({
          phase: step.finished && phase === 'index' ? 'check' : phase,
          lastId: step.finished && phase === 'index' ? 0 : step.lastId,
          done: step.finished && phase === 'index' ? 0 : current.done + step.count,
          finishedAt: step.finished && phase === 'check' ? now.toISOString() : null,
          leaseUntil:
            step.finished && phase === 'check' ? null : new Date(now.getTime() + leaseMs).toISOString(),
        })
        .where('type', '=', type)
        .returningAll()
        .executeTakeFirstOrThrow();
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

/** Puts the next batch of reviews' bands in the index. */
async function indexStep(db: Db, afterId: number): Promise<Step> {
  const batch = await db
    .selectFrom('reviews')
    .select(['id', 'body'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(indexBatch)
    .execute();
  await replaceBands(
    db,
    batch.map((review) => ({ reviewId: review.id, bandKeys: fingerprint(review).bandKeys })),
  );
  return { lastId: batch.at(-1)?.id ?? afterId, count: batch.length, finished: batch.length < indexBatch };
}

/** Checks the next batch of items against the settings of the moment. */
async function checkStep(db: Db, type: CheckedType, afterId: number, now: Date): Promise<Step> {
  const spec = resourceSpecs[type];
  const rows = await db
    .selectFrom(type)
    .select(Object.keys(spec.fields) as never[])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(checkBatch)
    .execute();
  const settings = await loadSettings(db);
  const records = rows.map((row) => toRecord(spec, row as Record<string, unknown>));
  const doctors = new DoctorCache(db);
  const checked =
    type === 'answers'
      ? await Promise.all(records.map((r) => checkAnswer(db, r as unknown as Answer, settings, now, doctors)))
      : await checkReviews(db, records as unknown as Review[], settings, now, doctors);
  await saveChecked(db, type, records, checked);
  const last = rows.at(-1) as { id: number } | undefined;
  return { lastId: last?.id ?? afterId, count: rows.length, finished: rows.length < checkBatch };
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
