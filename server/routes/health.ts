import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app';
import { ping } from '../db/connection';

export function healthRoutes(app: OpenAPIHono<AppEnv>) {
  app.get('/api/health', async (c) => {
    await ping(c.var.db);
    return c.json({ status: 'ok', database: c.var.db.dialect });
  });
}
