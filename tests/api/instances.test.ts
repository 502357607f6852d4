import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import {
  decidedTwice,
  fillQueue,
  moderatorEmail,
  moderatorPassword,
  type Post,
  stillPending,
  workQueue,
} from '../../bench/queueWork';
import { CookieJar } from '../../mocks/handlers';
import { csrfHeader } from '../../server/security';
import { verifyAuditChain } from '../../server/services/audit';
import { sweepJob } from '../../server/services/sweep';
import { closeTestDatabases, openSharedTestDb, testDialects } from './databases';

/**
 * Two server processes on one database, as behind a load balancer: 20 moderators work 2,000
 * pending items, each request of each moderator going to the other instance than the one before
 * (a session made on one is honoured by the other). Every item is decided exactly once, no
 * request fails with a 5xx, the audit chain verifies, and the daily doctor sweep both instances
 * schedule at start runs once.
 */

const items = 2000;
const moderators = 20;

interface Instance {
  process: ChildProcess;
  url: string;
  output: string[];
}

/** Starts `server/main.ts` on a free port and resolves once it says where it listens. */
function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const failed = (why: string) => reject(new Error(`${why}:\n${output.join('')}`));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const listening = /Verity on (http:\/\/localhost:\d+)/.exec(chunk.toString());
      if (listening) resolve({ process: child, url: listening[1], output });
    });
    child.on('exit', (code) => failed(`the server exited with ${code} before it listened`));
    setTimeout(() => failed('the server did not listen within 60 s'), 60_000).unref();
  });
}

function stopInstance(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (instance.process.exitCode !== null) return resolve();
    instance.process.once('exit', () => resolve());
    instance.process.kill('SIGTERM');
  });
}

/** A moderator signed in on one instance whose requests then alternate between both. */
async function moderatorOn(instances: Instance[], index: number): Promise<Post> {
  const jar = new CookieJar();
  let turn = index;
  const post: Post = async (path, body) => {
    const { url } = instances[turn++ % instances.length];
    const headers = new Headers({ 'content-type': 'application/json', [csrfHeader]: '1' });
    const cookie = jar.header();
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(`${url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    jar.store(response);
    return response;
  };
  const signIn = await post('/api/auth/login', { email: moderatorEmail(index), password: moderatorPassword });
  expect(signIn.status, await signIn.clone().text()).toBe(200);
  return post;
}

afterAll(closeTestDatabases);

describe.each(testDialects)('two server instances on one %s database', (dialect) => {
  it('decide every one of 2,000 items exactly once for 20 moderators, with no server error', async () => {
    const shared = await openSharedTestDb(dialect);
    const instances: Instance[] = [];
    try {
      await fillQueue(shared.db, { items, moderators });
      const env =
        dialect === 'sqlite'
          ? { DATA_DIR: shared.dataDir, DATABASE_URL: '' }
          : { DATA_DIR: shared.dataDir, DATABASE_URL: shared.location };
      instances.push(...(await Promise.all([startInstance(env), startInstance(env)])));
      const team = await Promise.all(Array.from({ length: moderators }, (_, i) => moderatorOn(instances, i)));

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
