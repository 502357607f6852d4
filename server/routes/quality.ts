import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { checkStatuses, reviewedActions, sampledTypes } from '../../src/domain/quality';
import type { AppEnv } from '../app';
import { authorize } from '../security';
import { disputes, giveVerdict, nextSecondReview, verdictBody } from '../services/quality';
import { errorBody, jsonResponse } from './described';

/**
 * Second reviews: the next decision drawn for one (its first decision hidden), the verdict, and
 * the disputes a senior settles. Sampling is set through the settings (`quality.samplePercent.*`).
 */

const resource = z.enum(sampledTypes);
const reviewedAction = z.enum(reviewedActions);

const nextRoute = createRoute({
  method: 'get',
  path: '/api/quality/next',
  tags: ['quality'],
  responses: {
    200: jsonResponse(
      z.object({ checkId: z.number().int(), resource, record: z.record(z.string(), z.unknown()) }).nullable(),
      'The oldest decision drawn for a second review that the caller did not take, without its status, decider or reason; null when none waits',
    ),
  },
});

const verdictRoute = createRoute({
  method: 'post',
  path: '/api/quality/{id}/verdict',
  tags: ['quality'],
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: { required: true, content: { 'application/json': { schema: verdictBody } } },
  },
  responses: {
    200: jsonResponse(
      z.object({
        checkId: z.number().int(),
        status: z.enum(checkStatuses),
        firstAction: reviewedAction,
        reviewAction: reviewedAction,
      }),
      'Recorded and audited; the first decision is revealed',
    ),
    403: jsonResponse(errorBody, 'The caller took the first decision, or may not decide the type'),
    404: jsonResponse(errorBody, 'No such check'),
    409: jsonResponse(errorBody, 'Someone reviewed it already'),
    422: jsonResponse(errorBody, 'A reject without a reason of the type, or a reason given to an approval'),
  },
});

const disputesRoute = createRoute({
  method: 'get',
  path: '/api/quality/disputes',
  tags: ['quality'],
  middleware: [authorize('update', 'quality')] as const,
  responses: {
    200: jsonResponse(
      z.array(
        z.object({
          checkId: z.number().int(),
          resource,
          recordId: z.number().int(),
          firstActorId: z.number().int(),
          firstAction: reviewedAction,
          reviewerId: z.number().int(),
          reviewAction: reviewedAction,
          reviewedAt: z.string(),
        }),
      ),
      'The 50 latest second reviews that disagreed with the first decision, for a senior to settle',
    ),
    403: jsonResponse(errorBody, 'Only seniors and admins settle disputes'),
  },
});

export function qualityRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(nextRoute, async (c) => c.json(await nextSecondReview(c.var.db, c.var.moderator), 200));
  app.openapi(verdictRoute, async (c) =>
    c.json(
      await giveVerdict(
        c.var.db,
        c.var.moderator,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.var.clock(),
      ),
      200,
    ),
  );
  app.openapi(disputesRoute, async (c) => c.json(await disputes(c.var.db), 200));
}
