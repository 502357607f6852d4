import { parentPort } from 'node:worker_threads';
import { type Db, openDb } from '../db/connection';
import type { CheckJob } from './checkWorkers';
import { compareReviews } from './checks';
import { judgeWords } from './wordChecks';

/** The body of a checking worker thread (see CheckWorkers): one job in, its outcomes out. */

/** Opened on the first comparison: a thread that only reads words needs no database. */
let db: Db | null = null;

async function outcomesOf(job: CheckJob) {
  if (job.type !== 'compare') return judgeWords(job);
  db ??= openDb(job.database, { readOnly: true, poolSize: 2 });
  return compareReviews(db.kysely, job.items, job.settings, new Date(job.now));
}

parentPort!.on('message', ({ id, job }: { id: number; job: CheckJob }) => {
  outcomesOf(job).then(
    (outcomes) => parentPort!.postMessage({ id, outcomes }),
    (error: unknown) => parentPort!.postMessage({ id, error: (error as Error).stack ?? String(error) }),
  );
});
