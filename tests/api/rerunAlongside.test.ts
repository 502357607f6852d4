import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { fillQueue, workerOverHttp } from '../../bench/queueWork';
import type { Review, RuleResult } from '../../src/domain/model';
import { rulesByType } from '../../src/domain/rules/registry';
import { verifyAuditChain } from '../../server/services/audit';
import { closeTestDatabases, openSharedTestDb, testDialects } from './databases';
import { type Instance, instanceEnv, startInstance, stopInstance } from './instances';

/**
 * `npm run rules:rerun` over thousands of reviews while a moderator works: the run writes in short
 * transactions, so on SQLite too (one writer at a time) each decision goes through, with 200,
 * while the run is still going, and the run then finishes with every review checked.
 */

const items = 10_000;
const decisions = 5;

afterAll(closeTestDatabases);

describe.each(testDialects)('a re-run of the rules on %s', (dialect) => {
  it('lets decisions through while it runs', async () => {
    const shared = await openSharedTestDb(dialect);
    let instance: Instance | undefined;
    try {
      await fillQueue(shared.db, { items, moderators: 1 });
      const reviews = await shared.db.kysely
        .selectFrom('reviews')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const env = instanceEnv(shared);
      instance = await startInstance(env);
      const post = await workerOverHttp([instance.url], 0);

      const rerunOutput: string[] = [];
      const rerun = spawn(
        process.execPath,
        ['--import', 'tsx', 'server/rulesRerun.ts', '--type', 'reviews'],
        {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      rerun.stdout.on('data', (chunk: Buffer) => rerunOutput.push(chunk.toString()));
      rerun.stderr.on('data', (chunk: Buffer) => rerunOutput.push(chunk.toString()));
      const exited = new Promise<number | null>((resolve) => rerun.on('exit', resolve));
      const runRow = () =>
        shared.db.kysely.selectFrom('ruleRuns').selectAll().where('type', '=', 'reviews').executeTakeFirst();
      // Under way: the run has written the words of a first batch.
      while (!((await runRow())?.done ?? 0)) {
        expect(rerun.exitCode, rerunOutput.join('')).toBeNull();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      const decided: number[] = [];
      for (let i = 0; i < decisions; i++) {
        const next = await post('/api/queue/next', { types: ['reviews'] });
        expect(next.status, await next.clone().text()).toBe(200);
        const { record } = (await next.json()) as { record: Review };
        const decision = await post(`/api/reviews/${record.id}/decision`, {
          action: 'approve',
          version: record.version,
        });
        expect(decision.status, await decision.clone().text()).toBe(200);
        decided.push(record.id);
      }
      const during = await runRow();
      expect(during?.finishedAt, 'the run finished before the decisions: give it more reviews').toBeNull();

      expect(await exited, rerunOutput.join('')).toBe(0);
      expect(rerunOutput.join('')).toContain(`reviews: ${Number(reviews.n).toLocaleString('en-US')} checked`);
      const approved = await shared.db.kysely
        .selectFrom('reviews')
        .select(['id', 'status'])
        .where('id', 'in', decided)
        .execute();
      expect(approved.map((r) => r.status)).toEqual(decided.map(() => 'approved'));
      // Every review carries every rule's result, the decided ones included.
      const rows = await shared.db.kysely.selectFrom('reviews').select(['id', 'ruleResults']).execute();
      const incomplete = rows.filter(
        (row) => (JSON.parse(row.ruleResults) as RuleResult[]).length !== rulesByType.reviews.length,
      );
      expect(incomplete.map((row) => row.id)).toEqual([]);
      expect(await verifyAuditChain(shared.db.kysely)).toEqual({ ok: true, entries: decisions });
    } finally {
      if (instance) await stopInstance(instance);
      await shared.dispose();
    }
  }, 300_000);
});
