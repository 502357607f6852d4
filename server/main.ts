import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app';
import { BackgroundRuns } from './services/rerun';
import { databaseLocation, databasePoolSize } from './config';
import { activeDemoAccounts } from './db/auth';
import { migrate, openDb } from './db/connection';
import { createRegistry, registryConfig } from './registries';
import { isEmpty, seedDemo } from './seed';
import { scheduleDailySweep } from './services/sweep';
import { configuredStorage, moveDatabaseMedia } from './storage';

const port = Number(process.env.PORT ?? 3000);
const location = databaseLocation();
const db = openDb(location, { poolSize: databasePoolSize() });
await migrate(db);
const storage = configuredStorage(db.kysely);
const media = await moveDatabaseMedia(db, storage);
if (media.moved > 0) {
  console.log(
    JSON.stringify({
      at: new Date().toISOString(),
      msg: `moved ${media.moved} stored files to the ${storage.kind}`,
    }),
  );
}
if (media.left > 0) {
  console.warn(
    'the database holds uploaded files that a directory does not: set MEDIA_STORAGE=database to serve them',
  );
}
if (process.env.NODE_ENV === 'production') {
  const demoAccounts = await activeDemoAccounts(db.kysely);
  if (demoAccounts.length > 0) {
    console.error(
      `refusing to start in production with demo accounts that can sign in (${demoAccounts.join(', ')}): ` +
        'use a database without demo data and `npm run create-admin`',
    );
    process.exit(1);
  }
} else if (await isEmpty(db)) {
  console.log(JSON.stringify({ at: new Date().toISOString(), msg: 'empty database: seeding the demo data' }));
  await seedDemo(db, { storage });
}

// Re-runs of the rules an earlier process left unfinished (a deploy mid-run) carry on here.
const reruns = new BackgroundRuns(db.kysely, () => new Date());
await reruns.resume();
const registry = createRegistry(db.kysely, registryConfig());
// Once a day, on whichever instance takes the day first; DOCTOR_SWEEP=off leaves it to the command.
const stopSweeps =
  process.env.DOCTOR_SWEEP === 'off' ? () => {} : scheduleDailySweep(db, registry, () => new Date());

const app = createApp({
  db,
  storage,
  reruns,
  registry,
  clientAddress: (c) => {
    // Behind a proxy every request comes from the proxy: TRUST_PROXY=1 reads the client it names.
    const forwarded =
      process.env.TRUST_PROXY === '1' ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    return forwarded || (getConnInfo(c).remote.address ?? 'unknown');
  },
  secureCookies: process.env.NODE_ENV === 'production',
  corsOrigin: process.env.CORS_ORIGIN,
  log: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
});
if (existsSync('dist/index.html')) {
  app.use('/*', serveStatic({ root: './dist' }));
  // Client-side routes (e.g. /reviews/12/show) all load the SPA's entry page; /api stays JSON.
  const spa = serveStatic({ path: './dist/index.html' });
  app.get('*', (c, next) => (c.req.path.startsWith('/api/') ? next() : spa(c, next)));
} else {
  console.warn('dist/ is missing: run `npm run build` to serve the console; the API alone is up');
}

const server = serve({ fetch: app.fetch, port }, ({ port: bound }) => {
  console.log(
    JSON.stringify({
      at: new Date().toISOString(),
      msg: `Verity on http://localhost:${bound}`,
      database: db.dialect,
    }),
  );
});

const shutdown = () => {
  stopSweeps();
  server.close(() => void db.close().then(() => process.exit(0)));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
