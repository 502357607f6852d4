import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserFetch, CookieJar } from '../mocks/handlers';
import { createApp } from '../server/app';
import { migrate, openDb } from '../server/db/connection';
import { csrfHeader } from '../server/security';
import { verifyAuditChain } from '../server/services/audit';
import { isEmpty } from '../server/seed';
import {
  decidedTwice,
  fillQueue,
  moderatorEmail,
  moderatorPassword,
  stillPending,
  workQueue,
} from './queueWork';
import { summarize } from './timing';

/**
 * Moderators working the queue flat out: 5,000 pending items, 20 moderators each looping "next
 * item, decide it" through the real app (in process, each with their own session), until the
 * queue is empty. Prints decisions per second, the latency of the decision request, and how many
 * items were decided twice according to the audit log, which must be none.
 *
 * Runs on a temporary SQLite file, or on an empty PostgreSQL database named by BENCH_DATABASE_URL.
 */
const items = Number(process.env.ITEMS ?? 5000);
const moderatorCount = Number(process.env.MODERATORS ?? 20);

const postgresUrl = process.env.BENCH_DATABASE_URL;
const tempDir = postgresUrl ? null : mkdtempSync(join(tmpdir(), 'verity-bench-'));
const db = openDb(postgresUrl ?? join(tempDir!, 'verity.db'));
await migrate(db);
if (!(await isEmpty(db)))
  throw new Error('BENCH_DATABASE_URL must name an empty database: the bench fills it');

try {
  await fillQueue(db, { items, moderators: moderatorCount });
  const app = createApp({ db });

  const moderators = await Promise.all(
    Array.from({ length: moderatorCount }, async (_, i) => {
      const jar = new CookieJar();
      const post = (path: string, body: unknown) =>
        browserFetch(
          app,
          jar,
          new Request(`http://bench${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', [csrfHeader]: '1' },
            body: JSON.stringify(body),
          }),
        );
      const signIn = await post('/api/auth/login', { email: moderatorEmail(i), password: moderatorPassword });
      if (signIn.status !== 200) throw new Error(`signing in ${moderatorEmail(i)}: HTTP ${signIn.status}`);
      return post;
    }),
  );

  const work = await workQueue(moderators);
  const twice = await decidedTwice(db);
  const pending = await stillPending(db);
  const chain = await verifyAuditChain(db.kysely);
  const outbox = await db.kysely
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

  console.log(`database: ${db.dialect}, ${items} pending items, ${moderatorCount} moderators in parallel`);
  console.log(
    `decisions: ${work.decisions} in ${work.seconds.toFixed(2)} s = ${(work.decisions / work.seconds).toFixed(0)} decisions/s`,
  );
  console.log(`decision request: ${summarize(work.decisionMs)}`);
  console.log(`queue/next request: ${summarize(work.nextMs)}`);
  console.log(`responses by status: ${JSON.stringify(Object.fromEntries(work.statuses))}`);
  console.log(`items still pending: ${pending}, notices queued: ${Number(outbox.n)}`);
  console.log(`items decided twice (audit): ${twice.length}`);
  console.log(
    `audit chain: ${chain.ok ? `intact, ${chain.entries} entries` : `BROKEN at ${chain.brokenAt}`}`,
  );
  if (twice.length > 0 || !chain.ok) process.exitCode = 1;
} finally {
  await db.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}
