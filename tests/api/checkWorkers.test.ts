import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrate, openDb } from '../../server/db/connection';
import { fixtureSize, seedDemo } from '../../server/seed';
import type { WordsJob } from '../../server/services/wordChecks';
import { CheckWorkers } from '../../server/services/checkWorkers';
import type { Review } from '../../src/domain/model';

/**
 * A seed or re-run that reads words and compares reviews in worker threads stores what one that
 * does both in its own thread stores: the same results, risk scores and near-duplicate index, row
 * for row. The threads compare through their own connection, so that database is a file.
 */

const asOf = '2026-11-01';
const directory = mkdtempSync(join(tmpdir(), 'verity-threads-'));
const file = join(directory, 'verity.db');
let here: Db;
let threaded: Db;
const workers = new CheckWorkers(2, file);

beforeAll(async () => {
  [here, threaded] = [openDb(':memory:'), openDb(file)];
  await Promise.all([migrate(here), migrate(threaded)]);
  await seedDemo(here, { size: fixtureSize, asOf });
  await seedDemo(threaded, {
    size: fixtureSize,
    asOf,
    readWords: (job) => workers.judge(job),
    compare: (reviews, settings, now) => workers.compare(reviews, settings, now),
  });
}, 120_000);
afterAll(async () => {
  await workers.close();
  await Promise.all([here.close(), threaded.close()]);
  rmSync(directory, { recursive: true, force: true });
});

describe('checking in worker threads', () => {
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
    const pool = new CheckWorkers(1);
    const unreadable = { review: { id: 1 } as Review, doctor: null };
    const job: WordsJob = { type: 'reviews', now: asOf, settings: {}, items: [unreadable] };
    await expect(pool.judge(job)).rejects.toThrow(/a checking thread failed: .*TypeError/s);
    expect(() => pool.compare([], {}, new Date(asOf))).toThrow(
      'these checking threads were given no database to compare in',
    );
    await pool.close();
    await expect(pool.judge(job)).rejects.toThrow('the checking threads were closed');
  });
});
