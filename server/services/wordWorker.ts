import { parentPort } from 'node:worker_threads';
import { judgeWords, type WordsJob } from './wordChecks';

/** The body of a word-checking worker thread (see WordWorkers): one job in, its verdicts out. */
parentPort!.on('message', ({ id, job }: { id: number; job: WordsJob }) => {
  try {
    parentPort!.postMessage({ id, verdicts: judgeWords(job) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) });
  }
});
