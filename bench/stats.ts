import { mkdirSync, writeFileSync } from 'node:fs';
import { createApp } from '../server/app';
import { databaseLocation } from '../server/config';
import { countRows } from '../server/db/bulk';
import { migrate, openDb } from '../server/db/connection';
import { csrfHeader } from '../server/security';
import { demoAccounts, demoPassword } from '../server/seed';
import { addDays, utcDay } from '../src/domain/stats';
import { percentile, summarize, time } from './timing';

/**
 * `npm run bench:stats`: how long each statistic of the dashboard and the transparency report
 * take on the configured database (DATABASE_URL, or DATA_DIR's SQLite file; seed it first, e.g.
 * `npm run seed -- --reviews 1000000`). Each request goes through the app in process, as the
 * demo admin, so the figure is the server's work (SQL and JSON) without the network. Prints the
 * median and p99 of RUNS calls each (default 20) and writes them to bench/results/.
 */
const runs = Number(process.env.RUNS ?? 20);
const db = openDb(databaseLocation());
await migrate(db);
const reviews = await countRows(db.kysely, 'reviews');
if (reviews === 0) throw new Error('no reviews: seed the database first');
console.log(`database: ${db.dialect}, ${reviews.toLocaleString('en-US')} reviews, ${runs} runs each`);

const app = createApp({ db });
const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json', [csrfHeader]: '1' },
  body: JSON.stringify({ email: demoAccounts.admin, password: demoPassword }),
});
if (!login.ok) throw new Error(`signing in as the demo admin: HTTP ${login.status}`);
const cookie = login.headers.getSetCookie()[0].split(';')[0];

const today = utcDay(new Date());
const paths = [
  '/api/stats/queues',
  '/api/stats/queue-depth',
  '/api/stats/decisions',
  '/api/stats/handling',
  '/api/stats/rules',
  '/api/stats/moderators',
  `/api/reports/transparency?from=${addDays(today, -29)}&to=${today}`,
  `/api/reports/transparency?from=${addDays(today, -364)}&to=${today}&format=csv`,
];

const results = [];
for (const path of paths) {
  const samples = await time(runs, async () => {
    const response = await app.request(path, { headers: { cookie } });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  });
  const sorted = [...samples].sort((a, b) => a - b);
  results.push({
    path,
    runs,
    medianMs: Number(percentile(sorted, 50).toFixed(1)),
    p99Ms: Number(percentile(sorted, 99).toFixed(1)),
  });
  console.log(`${path.padEnd(72)} ${summarize(samples)}`);
}

mkdirSync('bench/results', { recursive: true });
const file = `bench/results/stats-${db.dialect}-${reviews}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ dialect: db.dialect, reviews, at: new Date().toISOString(), results }, null, 2)}\n`,
);
console.log(`written to ${file}`);
await db.close();
