import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resourceSpecs } from '../src/domain/resources';
import { databaseLocation } from '../server/config';
import { countRows } from '../server/db/bulk';
import { openDb } from '../server/db/connection';
import { listRecords } from '../server/db/records';
import { csrfHeader } from '../server/security';
import { demoAccounts, demoPassword } from '../server/seed';
import { addQueueWorkers, workerOverHttp, workQueue } from './queueWork';
import { peakRss, startServer, waitFor } from './server';
import { percentile } from './timing';

/**
 * `npm run bench`: the requests a moderator's console makes all day, through the real HTTP server
 * on the configured database (seed it first: `npm run seed -- --reviews 1000000`), loaded by
 * autocannon from a separate process at 1, 8 and 32 connections; `/api/health` on the same server
 * is the ceiling of the HTTP stack. Prints a table and writes it to bench/results/.
 *
 * On seeded data (no accounts but demo ones) it also measures decisions: 1, 8 and 32 queue
 * workers (accounts it adds) each looping "next item, decide it" over HTTP for the same time;
 * the items they decide stay decided.
 *
 * json-server, the REST backend react-admin's own examples use, is measured in the same run on
 * the same pending-queue query in its query syntax, over the newest JSON_SERVER_REVIEWS reviews
 * (default 100,000: it holds its whole data set in one JSON document in memory), as whole
 * records, which is all it can serve.
 *
 * BENCH_SECONDS sets how long each load runs (default 10), BENCH_PORT the server's port (3999,
 * json-server's is the next one).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3999);
const base = `http://127.0.0.1:${port}`;
const connections = [1, 8, 32];
const run = promisify(execFile);

const jsonServerBase = `http://127.0.0.1:${port + 1}`;
const jsonServerReviews = Number(process.env.JSON_SERVER_REVIEWS ?? 100_000);

const location = databaseLocation();
const db = openDb(location);
const reviews = await countRows(db.kysely, 'reviews');
// Decisions change the data: they are measured on seeded data only, whose accounts are all demo ones.
const seeded =
  (await db.kysely.selectFrom('moderators').select('id').where('demo', '=', 0).executeTakeFirst()) ===
  undefined;
if (seeded) await addQueueWorkers(db, Math.max(...connections));
const jsonServerDir = mkdtempSync(join(tmpdir(), 'verity-json-server-'));
const jsonServerFile = join(jsonServerDir, 'db.json');
// Whole records, as getOne answers them: json-server has no list projection to serve.
const { records: exported } = await listRecords(db.kysely, db.dialect, resourceSpecs.reviews, {
  conditions: [],
  projection: 'records',
  sort: { field: 'id', order: 'desc' },
  offset: 0,
  limit: jsonServerReviews,
});
writeFileSync(jsonServerFile, JSON.stringify({ reviews: exported }));
await db.close();
console.log(
  `database: ${db.dialect}, ${reviews.toLocaleString('en-US')} reviews; json-server: ${exported.length.toLocaleString('en-US')} reviews`,
);

function startJsonServer(): ChildProcess {
  return spawn(
    process.execPath,
    [
      'node_modules/json-server/lib/cli/bin.js',
      '--port',
      String(port + 1),
      '--host',
      '127.0.0.1',
      '--read-only',
      '--quiet',
      jsonServerFile,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

async function signIn(): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [csrfHeader]: '1', origin: base },
    body: JSON.stringify({ email: demoAccounts.moderator, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`signing in as the demo moderator: HTTP ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

interface Load {
  request: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Waits until the server has worked off the last load's backlog: a health check answers at once. */
async function settle(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const started = performance.now();
    await fetch(`${base}/api/health`);
    if (performance.now() - started < 20) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function load(label: string, url: string, cookie: string, width: number): Promise<Load> {
  await settle();
  const { stdout } = await run(
    'node_modules/.bin/autocannon',
    ['-c', String(width), '-d', String(seconds), '-j', '-H', `cookie=${cookie}`, url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout);
  return {
    request: label,
    connections: width,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/**
 * `width` moderators, each over its own connection, looping "next pending item, decide it" for
 * the load's length: decisions per second and the latency of the decision request.
 */
async function decisionLoad(width: number): Promise<Load> {
  await settle();
  const team = await Promise.all(Array.from({ length: width }, (_, i) => workerOverHttp([base], i)));
  const work = await workQueue(team, { seconds });
  const sorted = [...work.decisionMs].sort((a, b) => a - b);
  const failed = [...work.statuses].filter(([status]) => status >= 400).reduce((sum, [, n]) => sum + n, 0);
  return {
    request: 'decision (after queue/next)',
    connections: width,
    requestsPerSecond: Math.round(work.decisions / work.seconds),
    p50: Math.round(percentile(sorted, 50)),
    p99: Math.round(percentile(sorted, 99)),
    errors: 0,
    non2xx: failed,
  };
}

const server = startServer(port);
const jsonServer = startJsonServer();
try {
  await waitFor(`${base}/api/health`);
  await waitFor(`${jsonServerBase}/reviews?_limit=1`);
  const cookie = await signIn();
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return { body: await response.text(), range: response.headers.get('content-range') };
  };
  const pending = '/api/reviews?filter={"status":"pending"}&range=[0,24]&sort=["riskScore","DESC"]';
  const first = JSON.parse((await get(pending)).body)[0];
  const requests: Record<string, string> = {
    'GET /api/health (ceiling)': '/api/health',
    'pending reviews by risk, 25 rows': pending,
    'reviews q=botox, 25 rows': '/api/reviews?filter={"q":"botox"}&range=[0,24]&sort=["createdAt","DESC"]',
    'one review (getOne)': `/api/reviews/${first.id}`,
  };
  const pages: { request: string; bytes: number; contentRange: string | null }[] = [];
  for (const [label, path] of Object.entries(requests)) {
    const { body, range } = await get(path);
    pages.push({ request: label, bytes: Buffer.byteLength(body), contentRange: range });
  }
  const loads: Load[] = [];
  for (const [label, path] of Object.entries(requests)) {
    for (const width of connections)
      loads.push(await load(label, `${base}${encodeURI(path)}`, cookie, width));
  }
  const rss = peakRss(server.pid!);
  const jsonServerLabel = 'json-server: pending by risk, 25';
  const jsonServerPending = `${jsonServerBase}/reviews?status=pending&_sort=riskScore&_order=desc&_start=0&_end=25`;
  const jsonServerPage = await fetch(jsonServerPending);
  pages.push({
    request: jsonServerLabel,
    bytes: Buffer.byteLength(await jsonServerPage.text()),
    contentRange: `X-Total-Count ${jsonServerPage.headers.get('x-total-count')}`,
  });
  for (const width of connections) loads.push(await load(jsonServerLabel, jsonServerPending, '', width));
  if (seeded) for (const width of connections) loads.push(await decisionLoad(width));
  else console.log('\nno decision load: the database has accounts other than the demo ones');
  const ratios = connections.map((width) => {
    const rate = (request: string) =>
      loads.find((l) => l.request === request && l.connections === width)!.requestsPerSecond;
    const verity = rate('pending reviews by risk, 25 rows');
    return {
      connections: width,
      toJsonServer: verity / Math.max(rate(jsonServerLabel), 1),
      toHealth: verity / Math.max(rate('GET /api/health (ceiling)'), 1),
    };
  });

  console.log(
    `\n${'request'.padEnd(36)} ${'conns'.padStart(5)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}  errors`,
  );
  for (const l of loads) {
    console.log(
      `${l.request.padEnd(36)} ${String(l.connections).padStart(5)} ${String(l.requestsPerSecond).padStart(7)} ${String(l.p50).padStart(7)} ${String(l.p99).padStart(7)}  ${l.errors + l.non2xx}`,
    );
  }
  console.log(`\n${'page'.padEnd(36)} ${'bytes'.padStart(8)}  Content-Range`);
  for (const p of pages)
    console.log(`${p.request.padEnd(36)} ${String(p.bytes).padStart(8)}  ${p.contentRange ?? ''}`);
  console.log('\npending reviews by risk, req/s of Verity against json-server and against /api/health');
  for (const r of ratios)
    console.log(
      `${String(r.connections).padStart(5)} conns: ${r.toJsonServer.toFixed(1)} x json-server, ${(r.toHealth * 100).toFixed(0)}% of health`,
    );
  console.log(`\nserver peak RSS: ${rss.toFixed(0)} MiB; ${seconds} s per load`);

  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/http-${db.dialect}-${reviews}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), database: db.dialect, reviews, jsonServerReviews: exported.length, seconds, loads, pages, ratios, peakRssMiB: Math.round(rss) }, null, 2)}\n`,
  );
  console.log(`written to ${file}`);
} finally {
  server.kill();
  jsonServer.kill();
  rmSync(jsonServerDir, { recursive: true, force: true });
}
