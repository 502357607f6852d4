import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from './db/connection';
import { ApiError } from './errors';
import { describeApi } from './openapi';
import { healthRoutes } from './routes/health';
import { imageRoutes } from './routes/images';
import { restRoutes } from './routes/rest';
import { requestLog, type LogLine } from './requestLog';

export interface AppDeps {
  db: Db;
  /** The time decisions and records are stamped with; tests pass a fixed one. */
  clock?: () => Date;
  /** Where one structured line per request goes; absent: no request log. */
  log?: (line: LogLine) => void;
}

export interface AppEnv {
  Variables: { db: Db; clock: () => Date };
}

const maxBodyBytes = 1024 * 1024;

export function createApp({ db, clock = () => new Date(), log }: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  if (log) app.use('*', requestLog(log));
  app.use('/api/*', async (c, next) => {
    c.set('db', db);
    c.set('clock', clock);
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `the body exceeds ${maxBodyBytes} bytes`);
      },
    }),
  );

  healthRoutes(app);
  imageRoutes(app);
  restRoutes(app);
  describeApi(app);

  app.notFound((c) =>
    c.json({ message: `no route for ${c.req.method} ${c.req.path}`, code: 'not_found' }, 404),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toJSON(), error.status);
    console.error(error);
    return c.json({ message: 'internal error', code: 'internal' }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
