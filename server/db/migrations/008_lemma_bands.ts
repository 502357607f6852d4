import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection';

/**
 * The near-duplicate index moves to lemmatised shingles (src/domain/rules/shingles.ts): different
 * shingles, a different signature and band count, so every stored band key is stale.
 * - reviewShingles: each indexed review's shingles, so a lookup compares its candidates without
 *   reading and analysing their words again;
 * - reviewBands is emptied, and a re-run of the review checks is requested (its first phase
 *   rebuilds the index in batches that commit their progress): a running server resumes it on
 *   start, and `npm run rules:rerun -- --type reviews` drives it from the command line. Until it
 *   finishes, a review finds near-duplicates only among the reviews indexed so far.
 */
/** The tables this migration reads and writes, as they stand at migration 008. */
interface Tables {
  reviews: { id: number };
  reviewBands: { bandKey: number; reviewId: number };
  ruleRuns: {
    type: string;
    phase: string;
    lastId: number;
    done: number;
    total: number;
    startedAt: string;
    finishedAt: string | null;
    leaseUntil: string | null;
  };
}

export async function up(schema: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const db = schema as Kysely<Tables>;
  await db.schema
    .createTable('reviewShingles')
    .addColumn('reviewId', 'integer', (c) => c.primaryKey())
    .addColumn('shingles', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
  await db.deleteFrom('reviewBands').execute();
  const { count } = await db
    .selectFrom('reviews')
    .select(sql<number>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  if (Number(count) === 0) return;
  const run: Tables['ruleRuns'] = {
    type: 'reviews',
    phase: 'index',
    lastId: 0,
    done: 0,
    total: Number(count),
    startedAt: new Date().toISOString(),
    finishedAt: null,
    leaseUntil: null,
  };
  await db
    .insertInto('ruleRuns')
    .values(run)
    .onConflict((oc) => oc.column('type').doUpdateSet({ ...run }))
    .execute();
}
