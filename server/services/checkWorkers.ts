import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Review } from '../../src/domain/model';
import type { RuleSettings } from '../../src/domain/rules/engine';
import type { Checked } from './checks';
import { judgeWords, type WordsJob, type WordsVerdict } from './wordChecks';

/**
 * Worker threads for a re-run or a seed, which would otherwise spend most of their time on one
 * core: they read items' words (judgeWords), most of it language analysis, and compare reviews
 * with the near-duplicate index and the other reviews (compareReviews), most of it reads, through
 * their own read-only connection to the database. A job's items are shared out between the
 * threads and the outcomes come back in the items' order. Each thread loads the language model
 * once, so they pay off on runs of thousands of items, not on a single check.
 */

/** Reviews to compare with the others, in the database at `database`. */
export interface CompareJob {
  type: 'compare';
  database: string;
  now: string;
  settings: RuleSettings;
  items: Review[];
}

export type CheckJob = WordsJob | CompareJob;

/** The server runs its TypeScript through tsx; a worker thread registers it for itself. */
const bootstrap = (workerFile: URL) => `
  import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ tsImport }) => tsImport(${JSON.stringify(workerFile.href)}, ${JSON.stringify(workerFile.href)}));`;

interface Pending {
  resolve: (outcomes: unknown[]) => void;
  reject: (error: Error) => void;
}

export class CheckWorkers {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Why no more jobs are taken: the threads were closed, or one of them died. */
  private stopped: Error | null = null;

  /**
   * `database`: where the threads read what reviews are compared with (an SQLite file or a
   * PostgreSQL URL; an in-memory database cannot be shared), null when they only read words.
   */
  constructor(
    size: number = availableParallelism(),
    private readonly database: string | null = null,
  ) {
    const file = new URL('./checkWorker.ts', import.meta.url);
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(bootstrap(file), { eval: true });
      worker.on(
        'message',
        ({ id, outcomes, error }: { id: number; outcomes?: unknown[]; error?: string }) => {
          const waiting = this.pending.get(id);
          this.pending.delete(id);
          if (error !== undefined) waiting?.reject(new Error(`a checking thread failed: ${error}`));
          else waiting?.resolve(outcomes!);
        },
      );
      worker.on('error', (error) => this.stop(new Error(`a checking thread died: ${error.message}`)));
      worker.on('exit', (code) => this.stop(new Error(`a checking thread exited (${code})`)));
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** judgeWords(job), its items shared out between the threads. */
  judge(job: WordsJob): Promise<WordsVerdict[]> {
    return this.shareOut(job) as Promise<WordsVerdict[]>;
  }

  /** compareReviews over these reviews, shared out between the threads. */
  compare(reviews: Review[], settings: RuleSettings, now: Date): Promise<Checked[]> {
    if (this.database === null)
      throw new Error('these checking threads were given no database to compare in');
    const job: CompareJob = {
      type: 'compare',
      database: this.database,
      now: now.toISOString(),
      settings,
      items: reviews,
    };
    return this.shareOut(job) as Promise<Checked[]>;
  }

  private async shareOut(job: CheckJob): Promise<unknown[]> {
    if (this.stopped) throw this.stopped;
    const share = Math.ceil(job.items.length / this.workers.length);
    const parts = this.workers.flatMap((worker, i) => {
      const items = job.items.slice(i * share, (i + 1) * share);
      if (items.length === 0) return [];
      const id = this.nextId++;
      return [
        new Promise<unknown[]>((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
          worker.postMessage({ id, job: { ...job, items } });
        }),
      ];
    });
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    this.stop(new Error('the checking threads were closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private stop(why: Error): void {
    this.stopped ??= why;
    for (const { reject } of this.pending.values()) reject(this.stopped);
    this.pending.clear();
  }
}

/** Where a re-run reads words: worker threads when it has them, else this thread. */
export type ReadWords = (job: WordsJob) => Promise<WordsVerdict[]>;

export const readWordsHere: ReadWords = async (job) => judgeWords(job);

/** Where a re-run compares reviews with the others: worker threads when it has them. */
export type CompareInThreads = (reviews: Review[], settings: RuleSettings, now: Date) => Promise<Checked[]>;
