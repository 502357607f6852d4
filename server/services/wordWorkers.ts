import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { judgeWords, type WordsJob, type WordsVerdict } from './wordChecks';

/**
 * Worker threads that read items' words (judgeWords) for a re-run or a seed, which would otherwise
 * spend most of their time in the language analysis on one core. A job's items are shared out
 * between the threads and the verdicts come back in the items' order. Each thread loads the
 * language model once, so they pay off on runs of thousands of items, not on a single check.
 */

/** The server runs its TypeScript through tsx; a worker thread registers it for itself. */
const bootstrap = (workerFile: URL) => `
  import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ tsImport }) => tsImport(${JSON.stringify(workerFile.href)}, ${JSON.stringify(workerFile.href)}));`;

interface Pending {
  resolve: (verdicts: WordsVerdict[]) => void;
  reject: (error: Error) => void;
}

export class WordWorkers {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Why no more jobs are taken: the threads were closed, or one of them died. */
  private stopped: Error | null = null;

  constructor(size: number = availableParallelism()) {
    const file = new URL('./wordWorker.ts', import.meta.url);
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(bootstrap(file), { eval: true });
      worker.on(
        'message',
        ({ id, verdicts, error }: { id: number; verdicts?: WordsVerdict[]; error?: string }) => {
          const waiting = this.pending.get(id);
          this.pending.delete(id);
          if (error !== undefined) waiting?.reject(new Error(`a word-checking thread failed: ${error}`));
          else waiting?.resolve(verdicts!);
        },
      );
      worker.on('error', (error) => this.stop(new Error(`a word-checking thread died: ${error.message}`)));
      worker.on('exit', (code) => this.stop(new Error(`a word-checking thread exited (${code})`)));
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** judgeWords(job), its items shared out between the threads. */
  async judge(job: WordsJob): Promise<WordsVerdict[]> {
    if (this.stopped) throw this.stopped;
    const share = Math.ceil(job.items.length / this.workers.length);
    const parts = this.workers.flatMap((worker, i) => {
      const items = job.items.slice(i * share, (i + 1) * share);
      if (items.length === 0) return [];
      const id = this.nextId++;
      return [
        new Promise<WordsVerdict[]>((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
          worker.postMessage({ id, job: { ...job, items } });
        }),
      ];
    });
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    this.stop(new Error('the word-checking threads were closed'));
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
