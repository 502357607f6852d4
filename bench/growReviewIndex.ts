import { parseArgs } from 'node:util';
import { databaseLocation } from '../server/config';
import { bulkLoad, countRows, insertRows } from '../server/db/bulk';
import { migrate, openDb } from '../server/db/connection';
import { indexedShingles, replaceBands } from '../server/db/rules';
import { lshBandKeys, minhashSignature } from '../src/domain/rules/shingles';

/**
 * `npm run bench:index -- --to N` grows the configured database to N reviews for `npm run
 * bench:rules`, cheaply. Seeding a million reviews analyses and checks every one of them, which
 * takes hours on a small machine; what a lookup's cost depends on is the size of the index and how
 * its bands fill. So each added review copies a stored review's row and text, and its index entry
 * mixes content words of stored reviews: a third of one review's, the rest drawn from three
 * others, so that added reviews overlap the stored ones and each other as honest reviews of
 * similar treatments do (Jaccard about 0.1 to 0.2), never as copies. Run it on a seeded database.
 */
const { values } = parseArgs({ options: { to: { type: 'string' } } });
const target = Number(values.to);
if (!Number.isInteger(target) || target <= 0) {
  console.error('usage: npm run bench:index -- --to N   (N reviews in all, e.g. 1000000)');
  process.exit(2);
}

const db = openDb(databaseLocation());
await migrate(db);
const stored = await countRows(db.kysely, 'reviews');
if (stored === 0) throw new Error('no reviews: seed the database first (npm run seed)');

let seed = 20_261_101;
const random = (n: number) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed % n;
};

const sourceIds = Array.from({ length: Math.min(stored, 20_000) }, (_, i) => i + 1);
const sources = (await indexedShingles(db.kysely, sourceIds)).filter((s) => s.shingles.length > 0);
if (sources.length === 0) throw new Error('the stored reviews are not indexed yet: run npm run rules:rerun');
const rows = await db.kysely.selectFrom('reviews').selectAll().where('id', 'in', sourceIds).execute();
const rowById = new Map(rows.map((row) => [row.id, row]));

function mixedShingles(): { sourceId: number; shingles: Uint32Array } {
  const base = sources[random(sources.length)];
  const words = new Set<number>();
  for (const hash of base.shingles) if (random(3) === 0) words.add(hash);
  while (words.size < base.shingles.length) {
    const other = sources[random(sources.length)].shingles;
    words.add(other[random(other.length)]);
  }
  return { sourceId: base.id, shingles: Uint32Array.from(words).sort() };
}

const batch = 20_000;
const started = performance.now();
await bulkLoad(db, ['reviews', 'reviewBands', 'reviewShingles'], async () => {
  const { maxId } = await db.kysely
    .selectFrom('reviews')
    .select((eb) => eb.fn.max('id').as('maxId'))
    .executeTakeFirstOrThrow();
  let nextId = Number(maxId) + 1;
  for (let have = stored; have < target; have += batch) {
    const size = Math.min(batch, target - have);
    const entries = Array.from({ length: size }, () => ({ id: nextId++, ...mixedShingles() }));
    await insertRows(
      db.kysely,
      'reviews',
      entries.map(({ id, sourceId }) => {
        const { id: _id, ...row } = rowById.get(sourceId)!;
        return { ...row, id, ruleResults: '[]', riskScore: 0 };
      }),
    );
    await db.kysely.transaction().execute((trx) =>
      replaceBands(
        trx,
        entries.map(({ id, shingles }) => ({
          reviewId: id,
          shingles,
          bandKeys: lshBandKeys(minhashSignature(shingles)),
        })),
      ),
    );
    if ((have + size) % 100_000 < batch) console.log(`${(have + size).toLocaleString('en-US')} reviews`);
  }
});
console.log(
  `grew ${stored.toLocaleString('en-US')} reviews to ${target.toLocaleString('en-US')} in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
await db.close();
