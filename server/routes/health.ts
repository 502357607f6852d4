import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app';
import { ping } from '../db/connection';

export function healthRoutes(app: OpenAPIHono<AppEnv>) {
  app.get('/api/health', async (c) => {
    try {
      await ping(c.var.db);
    } catch {
      return c.json({ message: 'the database does not answer', code: 'unavailable' }, 503);
    }
    return c.json({ status: 'ok', database: c.var.db.dialect });
  });
}
