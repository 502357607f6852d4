import { afterAll, describe, expect, it } from 'vitest';
import { decidedTwice, fillQueue, stillPending, workerOverHttp, workQueue } from '../../bench/queueWork';
import { verifyAuditChain } from '../../server/services/audit';
import { sweepJob } from '../../server/services/sweep';
import { closeTestDatabases, openSharedTestDb, testDialects } from './databases';
import { type Instance, instanceEnv, startInstance, stopInstance } from './instances';

/**
 * Two server processes on one database, as behind a load balancer: 20 moderators work 2,000
 * pending items, each request of each moderator going to the other instance than the one before
 * (a session made on one is honoured by the other). Every item is decided exactly once, no
 * request fails with a 5xx, the audit chain verifies, and the daily doctor sweep both instances
 * schedule at start runs once.
 */

const items = 2000;
const moderators = 20;

afterAll(closeTestDatabases);

describe.each(testDialects)('two server instances on one %s database', (dialect) => {
  it('decide every one of 2,000 items exactly once for 20 moderators, with no server error', async () => {
    const shared = await openSharedTestDb(dialect);
    const instances: Instance[] = [];
    try {
      await fillQueue(shared.db, { items, moderators });
      const env = instanceEnv(shared);
      instances.push(...(await Promise.all([startInstance(env), startInstance(env)])));
      const urls = instances.map((instance) => instance.url);
      const team = await Promise.all(Array.from({ length: moderators }, (_, i) => workerOverHttp(urls, i)));

      const work = await workQueue(team);

      const serverErrors = [...work.statuses].filter(([status]) => status >= 500);
      expect(serverErrors).toEqual([]);
      expect(work.decisions).toBe(items);
      expect(await stillPending(shared.db)).toBe(0);
      expect(await decidedTwice(shared.db)).toEqual([]);
      expect(await verifyAuditChain(shared.db.kysely)).toEqual({ ok: true, entries: items });
      const sweeps = await shared.db.kysely
        .selectFrom('jobRuns')
        .select('job')
        .where('job', '=', sweepJob)
        .execute();
      expect(sweeps).toHaveLength(1);
      const sweptBy = instances.filter((instance) => instance.output.join('').includes('doctor sweep'));
      expect(sweptBy).toHaveLength(1);
    } finally {
      await Promise.all(instances.map(stopInstance));
      await shared.dispose();
    }
  }, 300_000);
});
