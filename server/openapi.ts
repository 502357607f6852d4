import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { roles, ruleSeverities } from '../src/domain/model';
import { checkedTypes } from '../src/domain/rules/registry';
import { moderatedResources } from '../src/domain/transitions';
import { type FieldSpec, resourceNames, type ResourceSpec, resourceSpecs } from '../src/domain/resources';
import type { AppEnv } from './app';
import { passwordBody, setPasswordBody, signInBody } from './routes/auth';
import { bulkDecisionBody, decisionBody } from './routes/decisions';
import { queueNextBody } from './routes/queue';
import { csrfHeader, sessionCookie } from './security';
import { ruleChange } from './services/ruleSettings';

/** The OpenAPI document, generated from the same zod schemas and field specs the routes enforce. */

const errorSchema = z.object({ message: z.string(), code: z.string(), details: z.unknown().optional() });

const valueSchema = ({ kind, values }: FieldSpec): z.ZodType => {
  switch (kind) {
    case 'id':
    case 'ref':
    case 'int':
      return z.number().int();
    case 'bool':
      return z.boolean();
    case 'enum':
      return z.enum(values as [string, ...string[]]);
    case 'json':
      return z.unknown();
    default:
      return z.string();
  }
};

const fieldSchema = (field: FieldSpec) =>
  field.nullable ? valueSchema(field).nullable() : valueSchema(field);

const recordSchema = (spec: ResourceSpec) =>
  z.object(Object.fromEntries(Object.entries(spec.fields).map(([field, f]) => [field, fieldSchema(f)])));

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const errors = {
  400: json(errorSchema, 'Malformed request (bad JSON in filter/sort/range, invalid id)'),
  404: json(errorSchema, 'No such record'),
  422: json(errorSchema, 'The body does not satisfy the schema'),
};

const listQuery = z.object({
  filter: z
    .string()
    .optional()
    .describe(
      'JSON object: field equality, arrays (IN), q (search), field_gte / field_lte; on answers and reviews, ruleId: the items failing that rule',
    ),
  sort: z.string().optional().describe('JSON ["field","ASC"|"DESC"]; sortable fields only'),
  range: z.string().optional().describe('JSON [first,last], at most 1000 rows'),
});

const profileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  permissions: z.record(z.string(), z.array(z.string())),
});

function describeAuth(registry: OpenAPIHono<AppEnv>['openAPIRegistry']) {
  const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } }, required: true });
  const done = { description: 'Done; no body' };
  registry.registerPath({
    method: 'post',
    path: '/api/auth/login',
    tags: ['auth'],
    request: { body: body(signInBody) },
    responses: {
      200: json(profileSchema, 'Signed in; the session cookie is set'),
      401: json(errorSchema, 'Wrong email or password'),
      429: json(errorSchema, 'Too many failed sign-ins for this account or address'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/logout',
    tags: ['auth'],
    responses: { 204: done },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/auth/me',
    tags: ['auth'],
    responses: { 200: json(profileSchema, 'The signed-in moderator'), 401: json(errorSchema, 'No session') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/password',
    tags: ['auth'],
    request: { body: body(passwordBody) },
    responses: { 204: done, 422: json(errorSchema, 'Wrong current password or too short a new one') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/set-password',
    tags: ['auth'],
    request: { body: body(setPasswordBody) },
    responses: {
      204: done,
      422: json(errorSchema, 'Unknown, used or expired invitation, or too short a password'),
    },
  });
}

const someone = z.object({ id: z.number().int(), name: z.string().nullable() });

const conflictSchema = errorSchema.extend({
  code: z.enum(['conflict', 'claimed']),
  status: z.string().describe("The record's status now"),
  version: z.number().int().optional(),
  decidedBy: someone.nullable().optional().describe('Who took the decision that won (code conflict)'),
  decidedAt: z.string().nullable().optional(),
  claimedBy: someone.optional().describe('Who holds the record (code claimed)'),
  claimExpiresAt: z.string().optional(),
});

const outboxSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  resource: z.enum(moderatedResources),
  recordId: z.number().int(),
  recipient: z.string().describe("The author's e-mail address when known, else their name"),
  template: z.string().describe('The reason code whose message this is'),
  text: z.string(),
  status: z.string(),
  auditId: z.number().int(),
});

function describeModeration(registry: OpenAPIHono<AppEnv>['openAPIRegistry']) {
  const body = (schema: z.ZodType) => ({ content: { 'application/json': { schema } }, required: true });
  const params = z.object({ id: z.string().regex(/^\d+$/) });
  const forbidden = json(errorSchema, 'The role may not take this decision');
  const anyRecord = z.union(moderatedResources.map((name) => recordSchema(resourceSpecs[name])));
  registry.registerPath({
    method: 'post',
    path: '/api/queue/next',
    tags: ['queue'],
    request: { body: body(queueNextBody) },
    responses: {
      200: json(
        z.object({ resource: z.enum(moderatedResources), record: anyRecord }),
        'The riskiest, then oldest, pending item nobody holds, now claimed by the caller for 5 minutes',
      ),
      204: { description: 'Nothing is waiting' },
      403: json(errorSchema, 'A type was asked for that the role may not decide'),
      422: errors[422],
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/audit/verify',
    tags: ['audit'],
    responses: {
      200: json(
        z.object({
          ok: z.boolean(),
          entries: z.number().int().describe('Entries checked before the first broken one'),
          brokenAt: z.number().int().optional().describe('The id of the first entry that does not hold'),
          reason: z.string().optional(),
        }),
        'Whether every audit entry still matches its hash and links to the one before',
      ),
      403: json(errorSchema, 'Only an admin verifies the chain'),
    },
  });
  for (const name of moderatedResources) {
    const record = recordSchema(resourceSpecs[name]);
    registry.registerPath({
      method: 'post',
      path: `/api/${name}/{id}/decision`,
      tags: [name],
      request: { params, body: body(decisionBody) },
      responses: {
        200: json(record, 'The decided record, its version bumped; the decision is in the audit log'),
        400: errors[400],
        403: forbidden,
        404: errors[404],
        409: json(conflictSchema, 'Stale version, already decided, or claimed by someone else'),
        422: json(errorSchema, 'Unknown action, invalid transition, or a missing or unknown reason'),
      },
    });
    registry.registerPath({
      method: 'post',
      path: `/api/${name}/decisions`,
      tags: [name],
      request: { body: body(bulkDecisionBody) },
      responses: {
        200: json(
          z.object({
            results: z.array(
              z.object({
                id: z.number().int(),
                status: z.enum(['ok', 'conflict', 'forbidden', 'invalid', 'not_found']),
                message: z.string().optional(),
                record: record.optional(),
              }),
            ),
          }),
          'One result per id, in order; each id was decided in its own transaction',
        ),
        403: forbidden,
        422: json(errorSchema, 'Bad ids, unknown action, or a missing or unknown reason'),
      },
    });
    for (const method of ['post', 'delete'] as const) {
      registry.registerPath({
        method,
        path: `/api/${name}/{id}/claim`,
        tags: [name],
        request: { params },
        responses: {
          200: json(
            record,
            method === 'post' ? 'Claimed (or renewed) for 5 minutes' : "Released (if it was the caller's)",
          ),
          400: errors[400],
          403: forbidden,
          404: errors[404],
          409: json(conflictSchema, 'Someone else holds it, or nothing is left to decide'),
        },
      });
    }
    registry.registerPath({
      method: 'get',
      path: `/api/${name}/{id}/history`,
      tags: [name],
      request: { params },
      responses: {
        200: json(z.array(recordSchema(resourceSpecs.audit)), "The record's audit entries, oldest first"),
        400: errors[400],
        404: errors[404],
      },
    });
    registry.registerPath({
      method: 'get',
      path: `/api/${name}/{id}/notifications`,
      tags: [name],
      request: { params },
      responses: {
        200: json(z.array(outboxSchema), "The messages queued for the record's author, oldest first"),
        400: errors[400],
        404: errors[404],
      },
    });
  }
}

function describeRules(registry: OpenAPIHono<AppEnv>['openAPIRegistry']) {
  const threshold = z.object({ default: z.number(), min: z.number(), max: z.number(), label: z.string() });
  const ruleRow = z.object({
    id: z.string(),
    type: z.enum(checkedTypes),
    severity: z.enum(ruleSeverities),
    description: z.string(),
    threshold: threshold.nullable(),
    tunables: z
      .record(z.string(), threshold)
      .describe("The rule's further numbers an admin may tune, by name"),
    enabled: z.boolean(),
    value: z.number().nullable().describe('The threshold in force'),
    tuned: z.record(z.string(), z.number()).describe('Each further number in force, by name'),
    firedLast30Days: z.number().int().describe('Items created in the last 30 days that fail it now'),
    updatedAt: z.string().nullable(),
    updatedBy: z.number().int().nullable(),
  });
  const ruleParams = z.object({ ruleId: z.string() });
  registry.registerPath({
    method: 'get',
    path: '/api/rules',
    tags: ['rules'],
    request: {
      query: z.object({
        filter: z.string().optional().describe('JSON: {"type": "reviews"} or {"id": [...]}'),
      }),
    },
    responses: { 200: json(z.array(ruleRow), 'Every rule with its setting'), 400: errors[400] },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/rules/runs',
    tags: ['rules'],
    responses: {
      200: json(
        z.array(
          z.object({
            type: z.enum(checkedTypes),
            phase: z.enum(['index', 'check', 'done']),
            done: z.number().int(),
            total: z.number().int(),
            startedAt: z.string(),
            finishedAt: z.string().nullable(),
          }),
        ),
        'The latest re-run of each type and how far it got',
      ),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/rules/{ruleId}',
    tags: ['rules'],
    request: { params: ruleParams },
    responses: { 200: json(ruleRow, 'One rule'), 404: errors[404] },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/rules/{ruleId}',
    tags: ['rules'],
    request: {
      params: ruleParams,
      body: { content: { 'application/json': { schema: ruleChange } }, required: true },
    },
    responses: {
      200: json(ruleRow, "Saved and audited; the type's items are being checked again"),
      403: json(errorSchema, 'Only an admin changes rules'),
      404: errors[404],
      422: json(
        errorSchema,
        'Out of range, a threshold for a rule without one, or a number the rule does not have',
      ),
    },
  });
  for (const type of checkedTypes) {
    registry.registerPath({
      method: 'post',
      path: `/api/${type}/{id}/checks`,
      tags: [type],
      request: { params: z.object({ id: z.string().regex(/^\d+$/) }) },
      responses: {
        200: json(recordSchema(resourceSpecs[type]), 'The record with fresh rule results and risk score'),
        400: errors[400],
        403: json(errorSchema, 'The role may not decide this type'),
        404: errors[404],
      },
    });
  }
}

export function describeApi(app: OpenAPIHono<AppEnv>) {
  const registry = app.openAPIRegistry;
  describeRules(registry);
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    responses: {
      200: json(
        z.object({ status: z.literal('ok'), database: z.string() }),
        'The server and its database answer',
      ),
      503: json(errorSchema, 'The database does not answer'),
    },
  });
  describeAuth(registry);
  describeModeration(registry);
  for (const name of resourceNames) {
    const spec = resourceSpecs[name];
    const record = recordSchema(spec);
    const idParam = z.object({ id: z.string().regex(/^\d+$/) });
    registry.registerPath({
      method: 'get',
      path: `/api/${name}`,
      tags: [name],
      request: { query: listQuery },
      responses: {
        200: {
          ...json(z.array(record), `A page of ${name}`),
          headers: z.object({ 'Content-Range': z.string().describe(`${name} first-last/total`) }),
        },
        400: errors[400],
      },
    });
    registry.registerPath({
      method: 'get',
      path: `/api/${name}/{id}`,
      tags: [name],
      request: { params: idParam },
      responses: { 200: json(record, `One ${name} record`), 400: errors[400], 404: errors[404] },
    });
    if (!spec.create) continue;
    if (!spec.uploaded)
      registry.registerPath({
        method: 'post',
        path: `/api/${name}`,
        tags: [name],
        request: { body: { content: { 'application/json': { schema: spec.create } }, required: true } },
        responses: {
          201: json(record, 'The created record'),
          400: errors[400],
          415: json(errorSchema, 'Not JSON'),
          422: errors[422],
        },
      });
    registry.registerPath({
      method: 'put',
      path: `/api/${name}/{id}`,
      tags: [name],
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: spec.create.partial() } }, required: true },
      },
      responses: {
        200: json(record, 'The updated record'),
        ...errors,
        409: json(errorSchema, 'The record changed since the version sent'),
      },
    });
    if (spec.deletable) {
      registry.registerPath({
        method: 'delete',
        path: `/api/${name}/{id}`,
        tags: [name],
        request: { params: idParam },
        responses: {
          200: json(record, 'The deleted record'),
          ...errors,
          409: json(errorSchema, 'Still referenced'),
        },
      });
    }
  }
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookie,
    description: `Set by /api/auth/login. Without it every route but health, openapi.json, login and set-password answers 401; a role without the permission gets 403. State-changing requests also need the header ${csrfHeader}: 1.`,
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Verity moderation API', version: '1' },
    security: [{ session: [] }],
  });
}
