import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrate, openDb } from '../../server/db/connection';
import { fixtureSize, seedDemo } from '../../server/seed';
import type { WordsJob } from '../../server/services/wordChecks';
import { WordWorkers } from '../../server/services/wordWorkers';
import type { Review } from '../../src/domain/model';

/**
 * A seed or re-run that reads words in worker threads stores what one that reads them in its own
 * thread stores: the same results, risk scores and near-duplicate index, row for row.
 */

const asOf = '2026-11-01';
let here: Db;
let threaded: Db;
const workers = new WordWorkers(2);

beforeAll(async () => {
  [here, threaded] = [openDb(':memory:'), openDb(':memory:')];
  await Promise.all([migrate(here), migrate(threaded)]);
  await seedDemo(here, { size: fixtureSize, asOf });
  await seedDemo(threaded, { size: fixtureSize, asOf, readWords: (job) => workers.judge(job) });
}, 120_000);
afterAll(async () => {
  await workers.close();
  await Promise.all([here.close(), threaded.close()]);
});

describe('reading words in worker threads', () => {
  it.each(['answers', 'reviews'] as const)('stores the same checks of the %s', async (type) => {
    const outcomes = (db: Db) =>
      db.kysely.selectFrom(type).select(['id', 'ruleResults', 'riskScore']).orderBy('id').execute();
    const expected = await outcomes(here);
    expect(expected.length).toBeGreaterThan(0);
    expect(await outcomes(threaded)).toEqual(expected);
  });

  it('builds the same near-duplicate index', async () => {
    const index = (db: Db) =>
      db.kysely.selectFrom('reviewBands').selectAll().orderBy('bandKey').orderBy('reviewId').execute();
    expect((await index(here)).length).toBeGreaterThan(0);
    expect(await index(threaded)).toEqual(await index(here));
  });

  it('fails a job whose items cannot be read, and refuses jobs once closed, with a message', async () => {
    const pool = new WordWorkers(1);
    const unreadable = { review: { id: 1 } as Review, doctor: null };
    const job: WordsJob = { type: 'reviews', now: asOf, settings: {}, items: [unreadable] };
    await expect(pool.judge(job)).rejects.toThrow(/a word-checking thread failed: .*TypeError/s);
    await pool.close();
    await expect(pool.judge(job)).rejects.toThrow('the word-checking threads were closed');
  });
});
