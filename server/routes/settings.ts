import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../app';
import { errorBody } from './described';
import { authorize } from '../security';
import { changeSetting, listSettings } from '../services/settings';

/** The console's own settings: everyone reads them; admins change most, seniors the sampling of quality checks. */

const settingRow = z.object({
  key: z.string(),
  value: z.unknown(),
  description: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.number().int().nullable(),
  guard: z.enum(['settings', 'quality']).describe('Who may change it: whoever may update this'),
  unit: z.enum(['hours', 'percent']).nullable().describe('What a number counts; null for a switch'),
});

const listRoute = createRoute({
  method: 'get',
  path: '/api/settings',
  tags: ['settings'],
  middleware: [authorize('read', 'settings')] as const,
  responses: {
    200: {
      description: 'Every setting with its value',
      content: { 'application/json': { schema: z.array(settingRow) } },
    },
  },
});

const changeRoute = createRoute({
  method: 'put',
  path: '/api/settings/{key}',
  tags: ['settings'],
  middleware: [authorize('read', 'settings')] as const,
  request: {
    params: z.object({ key: z.string() }),
    body: { required: true, content: { 'application/json': { schema: z.object({ value: z.unknown() }) } } },
  },
  responses: {
    200: { description: 'Saved and audited', content: { 'application/json': { schema: settingRow } } },
    403: {
      description:
        "The console's settings are an admin's to change, the sampling of quality checks a senior's",
      content: { 'application/json': { schema: errorBody } },
    },
    404: { description: 'No such setting', content: { 'application/json': { schema: errorBody } } },
    422: {
      description: 'A value the setting does not take',
      content: { 'application/json': { schema: errorBody } },
    },
  },
});

export function settingRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => c.json(await listSettings(c.var.db.kysely), 200));
  app.openapi(changeRoute, async (c) => {
    const { db, moderator, clock } = c.var;
    const row = await changeSetting(
      db.kysely,
      db.dialect,
      c.req.param('key'),
      c.req.valid('json'),
      moderator,
      clock(),
    );
    return c.json(row, 200);
  });
}
