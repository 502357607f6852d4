import { readFileSync } from 'node:fs';
import { databaseLocation } from '../server/config';
import { migrate, openDb } from '../server/db/connection';
import { insertRecord } from '../server/db/records';
import { recheck } from '../server/services/checks';
import { resourceSpecs } from '../src/domain/resources';
import { summarize } from './timing';

/**
 * What checking one new review costs with the configured database's reviews already indexed
 * (seed it first, e.g. `npm run seed -- --reviews 1000000`): the review is written and checked
 * as POST /api/reviews does it (the near-duplicate lookup, the address, account and rate reads,
 * every rule, the partners checked again), inside a transaction that is then rolled back, so the
 * database is left as it was. Half the new reviews are fresh texts (the labelled fixture cases),
 * half are stored reviews with two words changed, which find a near-duplicate partner.
 */
const runs = Number(process.env.RUNS ?? 1000);
/**
 * The first checks of a fresh process run before the JIT compiler has optimised the rules, and
 * the database's pages are not yet in its cache: they are shown apart from a server's steady state.
 */
const warmUp = Number(process.env.WARM_UP ?? 200);
const db = openDb(databaseLocation());
await migrate(db);
const spec = resourceSpecs.reviews;
const { count } = await db.kysely
  .selectFrom('reviews')
  .select((eb) => eb.fn.countAll<number>().as('count'))
  .executeTakeFirstOrThrow();
const total = Number(count);
if (total === 0) throw new Error('no reviews: seed the database first');
const { maxDoctor } = await db.kysely
  .selectFrom('doctors')
  .select((eb) => eb.fn.max('id').as('maxDoctor'))
  .executeTakeFirstOrThrow();
const fresh = (JSON.parse(readFileSync('tests/fixtures/reviews.json', 'utf8')) as { body: string }[]).map(
  (c) => c.body,
);

let seed = 7;
const random = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed % n;
};

async function newReviewBody(i: number): Promise<string> {
  if (i % 2 === 0) return fresh[random(fresh.length)];
  const stored = await db.kysely
    .selectFrom('reviews')
    .select('body')
    .where('id', '=', 1 + random(total))
    .executeTakeFirst();
  const words = (stored?.body ?? fresh[0]).split(' ');
  for (let k = 0; k < 2; k++) words[random(words.length)] = ['really', 'truly'][k];
  return words.join(' ');
}

class RolledBack extends Error {}
/** Fresh texts, and near-copies (whose stored partner is checked again too), timed apart. */
const samples: { fresh: number[]; copies: number[] } = { fresh: [], copies: [] };
// On a machine shared with other work, the wall-clock time includes waiting for a core: the
// process's own CPU time (this thread and the database's, which runs in it) is shown beside it.
const cpuSamples: number[] = [];
const inOrder: number[] = [];
let paired = 0;
for (let i = 0; i <= runs; i++) {
  const body = await newReviewBody(i);
  const now = new Date();
  const values = {
    ...spec.defaults,
    doctorId: 1 + random(Number(maxDoctor)),
    procedure: 'Botox',
    rating: 1 + random(5),
    title: 'New review',
    body,
    reviewerId: `bench-${random(50_000)}`,
    reviewerEmail: 'bench@mail.example',
    reviewerEmailVerified: true,
    reviewerPhoneVerified: true,
    reviewerIp: `198.51.100.${random(250)}`,
    treatmentDate: null,
    createdAt: now.toISOString(),
  };
  let elapsed = 0;
  let cpu = 0;
  await db.kysely
    .transaction()
    .execute(async (trx) => {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const created = await insertRecord(trx, spec, values);
      const checked = await recheck(trx, 'reviews', created.id as number, now);
      elapsed = performance.now() - started;
      const used = process.cpuUsage(cpuStarted);
      cpu = (used.user + used.system) / 1000;
      const nearDup = (checked?.ruleResults as { ruleId: string; outcome: string }[]).some(
        (r) => r.ruleId === 'REV_NEAR_DUP' && r.outcome === 'fail',
      );
      if (nearDup && i > 0) paired++;
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  // The first run warms the caches and is not counted.
  if (i > 0) (i % 2 === 0 ? samples.fresh : samples.copies).push(elapsed);
  if (i > 0) cpuSamples.push(cpu);
  if (i > 0) inOrder.push(elapsed);
}
console.log(`database: ${db.dialect}, reviews: ${total.toLocaleString('en-US')}`);
const all = [...samples.fresh, ...samples.copies];
console.log(`check one new review: ${summarize(all)}`);
console.log(`  CPU time of the process: ${summarize(cpuSamples)}`);
console.log(`  the first ${warmUp} checks: ${summarize(inOrder.slice(0, warmUp))}`);
console.log(`  the checks after them: ${summarize(inOrder.slice(warmUp))}`);
console.log(`  fresh texts: ${summarize(samples.fresh)}`);
console.log(
  `  near-copies of stored reviews: ${summarize(samples.copies)}; ${paired} found their near-duplicate`,
);
await db.close();
