import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app';
import { databaseLocation } from './config';
import { migrate, openDb } from './db/connection';
import { isEmpty, seedDemo } from './seed';

const port = Number(process.env.PORT ?? 3000);
const location = databaseLocation();
const db = openDb(location);
await migrate(db);
if (await isEmpty(db)) {
  console.log(JSON.stringify({ at: new Date().toISOString(), msg: 'empty database: seeding the demo data' }));
  await seedDemo(db);
}

const app = createApp({
  db,
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

const shutdown = () => server.close(() => void db.close().then(() => process.exit(0)));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
