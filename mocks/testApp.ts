import { createApp } from '../server/app';
import { type Db, migrate, openDb } from '../server/db/connection';
import { fixtureSize, seedDemo } from '../server/seed';
import { BackgroundRuns } from '../server/services/rerun';

/** The day the fixture data is generated for, so every run sees the same records. */
export const fixtureDay = '2026-11-01';

/** A fresh in-memory database with the small fixture data set, and the real app over it. */
export async function createTestApp(options: { seed?: boolean; clock?: () => Date } = {}) {
  const db: Db = openDb(':memory:');
  await migrate(db);
  if (options.seed !== false) await seedDemo(db, { size: fixtureSize, asOf: fixtureDay });
  const reruns = new BackgroundRuns(db.kysely, options.clock ?? (() => new Date()));
  return { db, reruns, app: createApp({ db, clock: options.clock, reruns }) };
}
