import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { isDay } from '../../src/domain/stats';
import { decisionActions, moderatedResources } from '../../src/domain/transitions';
import type { AppEnv } from '../app';
import { badRequest } from '../errors';
import { authorize } from '../security';
import {
  decisionsByDay,
  handlingByType,
  moderatorFigures,
  queueDepth,
  queueFigures,
  topFailingRules,
  transparencyCsv,
  transparencyReport,
} from '../services/stats';
import { errorBody, jsonResponse } from './described';

/**
 * The dashboard's statistics, the moderators' view and the transparency report: read-only
 * aggregates of the audit log and the queues. Everyone who may read the audit log reads them;
 * a moderator's view of the team is their own line.
 */

const resource = z.enum(moderatedResources);
const day = z.string().describe('A UTC day, YYYY-MM-DD');
const dailySeries = z.object({ resource, counts: z.array(z.number().int()) });
const handlingFigures = z.object({
  decisions: z.number().int(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
});

const queuesSchema = z.object({
  asOf: z.string(),
  today: day,
  weekStart: day,
  queues: z.array(
    z.object({
      resource,
      pending: z.number().int(),
      escalated: z.number().int(),
      oldestPendingAt: z.string().nullable(),
      targetHours: z.number(),
      overTarget: z.number().int(),
      overTargetBefore: z.string(),
      decidedToday: z.number().int(),
      decidedThisWeek: z.number().int(),
    }),
  ),
});

const transparencySchema = z.object({
  from: day,
  to: day,
  rows: z.array(
    z.object({
      resource,
      received: z.number().int(),
      approved: z.number().int(),
      rejected: z.number().int(),
      rejectedByReason: z.record(z.string(), z.number().int()),
      escalated: z.number().int(),
      reverted: z.number().int(),
      medianHoursToDecision: z.number().nullable(),
    }),
  ),
});

const statsRoute = <S extends z.ZodType>(path: string, schema: S, description: string) =>
  createRoute({
    method: 'get',
    path: `/api/stats/${path}`,
    tags: ['stats'],
    middleware: [authorize('read', 'audit')] as const,
    responses: { 200: jsonResponse(schema, description) },
  });

const queuesRoute = statsRoute(
  'queues',
  queuesSchema,
  'Per type: waiting items, the oldest one against its target, decisions today and this week (UTC)',
);
const depthRoute = statsRoute(
  'queue-depth',
  z.object({ days: z.array(day), series: z.array(dailySeries) }),
  'Per type, the items waiting at the end of each of the last 30 UTC days (today: now)',
);
const decisionsRoute = statsRoute(
  'decisions',
  z.object({
    days: z.array(day),
    series: z.array(dailySeries.extend({ action: z.enum(decisionActions) })),
  }),
  'Per type and action, the decisions of each of the last 30 UTC days',
);
const handlingRoute = statsRoute(
  'handling',
  z.object({ from: day, to: day, types: z.array(handlingFigures.extend({ resource })) }),
  'Per type, the nearest-rank median and 90th percentile from claim to decision over the last 30 days',
);
const rulesRoute = statsRoute(
  'rules',
  z.array(z.object({ resource, ruleId: z.string(), pending: z.number().int() })),
  'The ten rules the waiting items fail most',
);
const moderatorsRoute = statsRoute(
  'moderators',
  z.object({
    from: day,
    to: day,
    days: z.array(day),
    moderators: z.array(
      z.object({
        moderatorId: z.number().int(),
        name: z.string(),
        decisions: z.number().int(),
        perDay: z.array(z.number().int()),
        handling: handlingFigures,
        reverted: z.number().int(),
        checked: z.object({ agreed: z.number().int(), reviewed: z.number().int() }),
      }),
    ),
  }),
  'Per moderator over the last 30 days: decisions per day, handling time, decisions later reverted, agreement in quality checks; a moderator or verifier sees their own line',
);

const transparencyRoute = createRoute({
  method: 'get',
  path: '/api/reports/transparency',
  tags: ['stats'],
  middleware: [authorize('read', 'audit')] as const,
  request: {
    query: z.object({
      from: z.string().optional().describe('The first UTC day, YYYY-MM-DD'),
      to: z.string().optional().describe('The last UTC day, YYYY-MM-DD, included'),
      format: z.string().optional().describe('json (the default) or csv'),
    }),
  },
  responses: {
    200: {
      description:
        'Per type: received, approved, rejected by reason, escalated, reverted, median time to decision',
      content: {
        'application/json': { schema: transparencySchema },
        'text/csv': { schema: z.string() },
      },
    },
    400: jsonResponse(
      errorBody,
      'A day that is not YYYY-MM-DD, a range that ends before it starts, an unknown format',
    ),
  },
});

/** The longest range a report covers: ten years of days. */
const maxReportDays = 3660;

function reportQuery(query: { from?: string; to?: string; format?: string }) {
  const { from, to, format = 'json' } = query;
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value === undefined) throw badRequest(`${name} is required: a UTC day written YYYY-MM-DD`);
    if (!isDay(value))
      throw badRequest(`${name} must be a calendar day written YYYY-MM-DD, not ${value.slice(0, 20)}`);
  }
  if (from! > to!) throw badRequest(`the range ends (${to}) before it starts (${from})`);
  if ((Date.parse(to!) - Date.parse(from!)) / 86_400_000 >= maxReportDays)
    throw badRequest(`a report covers at most ${maxReportDays} days`);
  if (format !== 'json' && format !== 'csv') throw badRequest('format must be json or csv');
  return { range: { from: from!, to: to! }, format };
}

export function statsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(queuesRoute, async (c) => c.json(await queueFigures(c.var.db, c.var.clock()), 200));
  app.openapi(depthRoute, async (c) => c.json(await queueDepth(c.var.db, c.var.clock()), 200));
  app.openapi(decisionsRoute, async (c) => c.json(await decisionsByDay(c.var.db, c.var.clock()), 200));
  app.openapi(handlingRoute, async (c) => c.json(await handlingByType(c.var.db, c.var.clock()), 200));
  app.openapi(rulesRoute, async (c) => c.json(await topFailingRules(c.var.db), 200));
  app.openapi(moderatorsRoute, async (c) =>
    c.json(await moderatorFigures(c.var.db, c.var.moderator, c.var.clock()), 200),
  );
  app.openapi(transparencyRoute, async (c) => {
    const { range, format } = reportQuery(c.req.valid('query'));
    const report = await transparencyReport(c.var.db, range);
    if (format === 'json') return c.json(report, 200);
    c.header('Content-Disposition', `attachment; filename="transparency-${range.from}-${range.to}.csv"`);
    return c.body(transparencyCsv(report), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
}
