import { browserFetch, CookieJar } from '../mocks/handlers';
import { createApp } from '../server/app';
import { databaseLocation } from '../server/config';
import { migrate, openDb } from '../server/db/connection';
import { csrfHeader } from '../server/security';
import { demoAccounts, demoPassword } from '../server/seed';
import { summarize, time } from './timing';

/**
 * The request a moderator's queue screen makes all day: the first page of pending reviews by
 * risk. Runs against the configured database (seed it first, e.g. `npm run seed -- --reviews
 * 1000000`) through the real app, without the network, so the figure is the server's own work.
 */
const runs = Number(process.env.RUNS ?? 25);
const db = openDb(databaseLocation());
await migrate(db);
const app = createApp({ db });
const jar = new CookieJar();
const get = (path: string) => browserFetch(app, jar, new Request(`http://bench${path}`));
const signIn = await browserFetch(
  app,
  jar,
  new Request('http://bench/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [csrfHeader]: '1' },
    body: JSON.stringify({ email: demoAccounts.moderator, password: demoPassword }),
  }),
);
if (signIn.status !== 200) throw new Error(`signing in as the demo moderator: HTTP ${signIn.status}`);

const requests = {
  'pending reviews by risk, first page':
    '/api/reviews?filter={"status":"pending"}&range=[0,24]&sort=["riskScore","DESC"]',
  'pending reviews of one doctor':
    '/api/reviews?filter={"status":"pending","doctorId":7}&range=[0,24]&sort=["createdAt","DESC"]',
  'reviews search q=botox, first page':
    '/api/reviews?filter={"q":"botox"}&range=[0,24]&sort=["createdAt","DESC"]',
  'pending answers by risk, first page':
    '/api/answers?filter={"status":"pending"}&range=[0,24]&sort=["riskScore","DESC"]',
};

const total = await get('/api/reviews?range=[0,0]');
console.log(`database: ${db.dialect}, reviews: ${total.headers.get('content-range')?.split('/')[1]}`);
for (const [label, path] of Object.entries(requests)) {
  const samples = await time(runs, async () => {
    const response = await get(path);
    if (response.status !== 200) throw new Error(`${label}: HTTP ${response.status}`);
    await response.arrayBuffer();
  });
  console.log(`${label}: ${summarize(samples)}`);
}
await db.close();
