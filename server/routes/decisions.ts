import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { decisionActions, moderatedResources } from '../../src/domain/transitions';
import type { AppEnv } from '../app';
import { invalidBody } from '../errors';
import { authorize } from '../security';
import { verifyAuditChain } from '../services/audit';
import { decideRecord, decideRecords } from '../services/decisions';
import { recordHistory, recordNotices } from '../services/history';
import { parseId } from '../services/resources';
import { readJson } from './json';

/**
 * Decisions one by one or in bulk, each record's history and notices, and the audit chain's
 * check (DESIGN.md, REST). Registered before the generic routes, whose `/api/{res}/:id` would
 * otherwise take `/api/audit/verify` for a record id.
 */

const reasonCode = z.string().min(1).max(64).nullable().optional();
const note = z.string().max(2000).nullable().optional();
const recordId = z.number().int().positive().max(2_147_483_647);

export const decisionBody = z.strictObject({
  action: z.enum(decisionActions),
  reasonCode,
  note,
  version: z.number().int().positive().describe('The version the moderator saw: a stale one answers 409'),
});

export const bulkDecisionBody = z.strictObject({
  ids: z
    .array(recordId)
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'ids must be distinct'),
  action: z.enum(decisionActions),
  reasonCode,
  note,
});

export async function parseBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) throw invalidBody(parsed.error);
  return parsed.data;
}

export const idParam = (c: Context) => parseId(c.req.param('id')!);

/** A note of only spaces says nothing; the audit log keeps null rather than blanks. */
const cleanNote = (text: string | null | undefined) => text?.trim() || null;

export function decisionRoutes(app: OpenAPIHono<AppEnv>) {
  app.get('/api/audit/verify', authorize('verifyAudit', 'audit'), async (c) =>
    c.json(await verifyAuditChain(c.var.db.kysely)),
  );

  for (const resource of moderatedResources) {
    const decide = authorize('decide', resource);
    const read = authorize('read', resource);

    app.post(`/api/${resource}/decisions`, decide, async (c) => {
      const body = await parseBody(c, bulkDecisionBody);
      const results = await decideRecords(
        c.var.db,
        resource,
        { ...body, note: cleanNote(body.note) },
        c.var.moderator,
        c.var.clock(),
      );
      return c.json({ results });
    });

    app.post(`/api/${resource}/:id/decision`, decide, async (c) => {
      const body = await parseBody(c, decisionBody);
      return c.json(
        await decideRecord(
          c.var.db,
          resource,
          idParam(c),
          { ...body, note: cleanNote(body.note) },
          c.var.moderator,
          c.var.clock(),
        ),
      );
    });

    app.get(`/api/${resource}/:id/history`, read, async (c) =>
      c.json(await recordHistory(c.var.db, resource, idParam(c))),
    );

    app.get(`/api/${resource}/:id/notifications`, read, async (c) =>
      c.json(await recordNotices(c.var.db, resource, idParam(c))),
    );
  }
}
