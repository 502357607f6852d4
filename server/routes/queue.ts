import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { moderatedResources } from '../../src/domain/transitions';
import type { AppEnv } from '../app';
import { authorize } from '../security';
import { claimFor, claimNext, releaseFor } from '../services/queue';
import { idParam, parseBody } from './decisions';

/** The moderation queue and its claims: who is working on what, for the next few minutes. */

export const queueNextBody = z.strictObject({
  types: z
    .array(z.enum(moderatedResources))
    .min(1)
    .optional()
    .describe('The content types to take from; absent: every type the caller may decide'),
});

export function queueRoutes(app: OpenAPIHono<AppEnv>) {
  app.post('/api/queue/next', async (c) => {
    const { types } = await parseBody(c, queueNextBody);
    const item = await claimNext(c.var.db, c.var.moderator, types, c.var.clock());
    return item ? c.json(item) : c.body(null, 204);
  });

  for (const resource of moderatedResources) {
    const decide = authorize('decide', resource);

    app.post(`/api/${resource}/:id/claim`, decide, async (c) =>
      c.json(await claimFor(c.var.db, resource, idParam(c), c.var.moderator, c.var.clock())),
    );

    app.delete(`/api/${resource}/:id/claim`, decide, async (c) =>
      c.json(await releaseFor(c.var.db, resource, idParam(c), c.var.moderator, c.var.clock())),
    );
  }
}
