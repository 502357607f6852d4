import { createApp } from '../server/app';
import { databaseLocation } from '../server/config';
import { migrate, openDb } from '../server/db/connection';
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

const total = await app.fetch(new Request('http://bench/api/reviews?range=[0,0]'));
console.log(`database: ${db.dialect}, reviews: ${total.headers.get('content-range')?.split('/')[1]}`);
for (const [label, path] of Object.entries(requests)) {
  const samples = await time(runs, async () => {
    const response = await app.fetch(new Request(`http://bench${path}`));
    if (response.status !== 200) throw new Error(`${label}: HTTP ${response.status}`);
    await response.arrayBuffer();
  });
  console.log(`${label}: ${summarize(samples)}`);
}
await db.close();
