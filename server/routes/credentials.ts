import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { documentKinds } from '../../src/domain/model';
import type { AppEnv } from '../app';
import { errorBody, jsonResponse } from './described';
import { authorize } from '../security';
import {
  addDocument,
  documentFile,
  maxDocumentBytes,
  refreshRegistry,
  registryView,
} from '../services/credentials';
import { parseId } from '../services/resources';
import { idParam } from './decisions';

/**
 * The verifier's desk: a doctor's profile beside the NPI registry, asking the registry again,
 * and the credential documents (upload and download). Each route is described where it is
 * defined, so the OpenAPI document cannot drift from it.
 */

/** Uploads are multipart and larger than any JSON body: the app gives this path its own limit. */
export const documentUploadPath = /^\/api\/doctors\/[^/]+\/documents$/;
/** A document and the multipart envelope around it. */
export const maxUploadBytes = maxDocumentBytes + 64 * 1024;

const id = z.string().regex(/^\d+$/);

const comparison = z.object({
  field: z.enum([
    'enumerationType',
    'status',
    'name',
    'credential',
    'licenseState',
    'licenseNumber',
    'specialty',
  ]),
  claimed: z.string().nullable(),
  registry: z.string().nullable(),
  verdict: z.enum(['match', 'mismatch', 'missing']),
});

const registryViewSchema = z.object({
  source: z.literal('nppes'),
  outcome: z.enum(['found', 'not_found', 'unreachable', 'not_looked_up']),
  fetchedAt: z.string().nullable().describe('When the answer shown was fetched'),
  failedAt: z.string().nullable().describe('The latest failed attempt, when later than the answer'),
  problem: z.string().nullable(),
  record: z.unknown().nullable().describe("The registry's record in the console's names"),
  comparison: z.array(comparison),
});

const registryRoute = createRoute({
  method: 'get',
  path: '/api/doctors/{id}/registry',
  tags: ['doctors'],
  middleware: [authorize('read', 'doctors')] as const,
  request: { params: z.object({ id }) },
  responses: {
    200: jsonResponse(registryViewSchema, "The NPI registry's record beside the profile, field by field"),
    404: jsonResponse(errorBody, 'No such doctor'),
  },
});

const askAgainRoute = createRoute({
  method: 'post',
  path: '/api/doctors/{id}/registry',
  tags: ['doctors'],
  middleware: [authorize('decide', 'doctors')] as const,
  request: { params: z.object({ id }) },
  responses: {
    200: jsonResponse(
      registryViewSchema,
      "Asked the registry now; the doctor's checks ran again with its answer",
    ),
    403: jsonResponse(errorBody, 'The role may not decide doctors'),
    404: jsonResponse(errorBody, 'No such doctor'),
  },
});

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/doctors/{id}/documents',
  tags: ['doctors'],
  middleware: [authorize('update', 'doctors')] as const,
  request: {
    params: z.object({ id }),
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.unknown().describe('A PDF, JPEG, PNG or WebP file, judged by its bytes'),
            kind: z.enum(documentKinds),
          }),
        },
      },
    },
  },
  responses: {
    201: jsonResponse(z.unknown(), 'Stored and audited; the doctor record with the document listed'),
    403: jsonResponse(errorBody, 'The role may not change doctors'),
    404: jsonResponse(errorBody, 'No such doctor'),
    413: jsonResponse(errorBody, `Larger than ${maxDocumentBytes / 1024 / 1024} MiB`),
    415: jsonResponse(errorBody, 'Not multipart, or the bytes are not a PDF, JPEG, PNG or WebP file'),
    422: jsonResponse(errorBody, 'A kind that is not a document kind, or no file'),
  },
});

const downloadRoute = createRoute({
  method: 'get',
  path: '/api/doctors/{id}/documents/{documentId}',
  tags: ['doctors'],
  middleware: [authorize('read', 'doctors')] as const,
  request: { params: z.object({ id, documentId: id }) },
  responses: {
    200: { description: 'The document as uploaded, to be shown inline' },
    404: jsonResponse(errorBody, 'No such doctor or document'),
  },
});

export function credentialRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(registryRoute, async (c) => c.json(await registryView(c.var.db.kysely, idParam(c)), 200));

  app.openapi(askAgainRoute, async (c) =>
    c.json(await refreshRegistry(c.var.db, c.var.registry, idParam(c), c.var.clock()), 200),
  );

  app.openapi(uploadRoute, async (c) => {
    const doctorId = idParam(c);
    const { kind, file } = c.req.valid('form');
    const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : null;
    const record = await addDocument(
      c.var.db,
      c.var.storage,
      doctorId,
      { kind, fileName: file instanceof File ? file.name : '', bytes },
      c.var.moderator,
      c.var.clock(),
    );
    return c.json(record, 201);
  });

  app.openapi(downloadRoute, async (c) => {
    const document = await documentFile(
      c.var.db.kysely,
      c.var.storage,
      idParam(c),
      parseId(c.req.param('documentId')),
    );
    return c.body(new Uint8Array(document.bytes), 200, {
      'Content-Type': document.mediaType,
      'Content-Disposition': `inline; filename="${document.fileName.replace(/[^\w.-]+/g, '_')}"`,
      // Credentials are private: kept by no shared cache, and shown only inside the console.
      'Cache-Control': 'private, max-age=3600',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
      'X-Frame-Options': 'SAMEORIGIN',
    });
  });
}
