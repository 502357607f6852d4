import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { procedures } from '../../src/domain/model';
import type { AppEnv } from '../app';
import { errorBody, jsonResponse } from './described';
import { authorize } from '../security';
import { imageVersion, imageVersions, maxPhotoBytes, maxPhotoPixels } from '../services/images';
import { uploadPhoto } from '../services/photos';

/**
 * Photo pairs in (the site's multipart upload) and their images out. Only derived versions are
 * served, never an original: those keep the camera's EXIF, GPS included.
 */

/** The upload's own body limit: two photos and the multipart envelope around them. */
export const photoUploadPath = /^\/api\/photos$/;
export const maxPhotoUploadBytes = 2 * maxPhotoBytes + 64 * 1024;

const megabytes = maxPhotoBytes / 1024 / 1024;

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/photos',
  tags: ['photos'],
  middleware: [authorize('create', 'photos')] as const,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            before: z
              .unknown()
              .optional()
              .describe(
                `The before photo: JPEG, PNG, WebP or HEIC (judged by its bytes), at most ${megabytes} MiB`,
              ),
            after: z.unknown().optional().describe('The after photo, likewise'),
            doctorId: z.unknown().optional().describe('The doctor who posts the pair'),
            procedure: z
              .unknown()
              .optional()
              .describe(`One of: ${procedures.join(', ')}`),
            caption: z
              .unknown()
              .optional()
              .describe('What the patient sees under the pair, 1 to 1,000 characters'),
            monthsAfterTreatment: z
              .unknown()
              .optional()
              .describe('0 to 120; empty or absent when not stated'),
            consentOnFile: z
              .unknown()
              .optional()
              .describe('true or false: the patient signed the consent to publish'),
          }),
        },
      },
    },
  },
  responses: {
    201: jsonResponse(
      z.unknown(),
      'Stored and checked: the pair with its rule results, risk score and image URLs',
    ),
    403: jsonResponse(errorBody, 'The role may not create photos'),
    413: jsonResponse(
      errorBody,
      `A photo larger than ${megabytes} MiB, or declaring more than ${maxPhotoPixels / 1_000_000} megapixels (refused from its header, before decoding)`,
    ),
    415: jsonResponse(errorBody, 'Not multipart, or a photo whose bytes are not JPEG, PNG, WebP or HEIC'),
    422: jsonResponse(
      errorBody,
      'A field missing or invalid, an unknown doctor, or a photo that cannot be decoded',
    ),
  },
});

const imageRoute = createRoute({
  method: 'get',
  path: '/api/images/{sha256}/{version}',
  tags: ['photos'],
  middleware: [authorize('read', 'photos')] as const,
  request: {
    params: z.object({
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'an image is addressed by its SHA-256 in lowercase hex'),
      version: z.enum(Object.keys(imageVersions) as [keyof typeof imageVersions]),
    }),
  },
  responses: {
    200: {
      description: `A WebP version of the photo with no metadata: display (${imageVersions.display.size} px) or thumbnail (${imageVersions.thumbnail.size} px)`,
    },
    401: jsonResponse(errorBody, 'Not signed in'),
    404: jsonResponse(errorBody, 'No such image'),
  },
});

export function imageRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(uploadRoute, async (c) => {
    const form = c.req.valid('form') as Record<string, unknown>;
    const fileOf = async (value: unknown) =>
      value instanceof File ? new Uint8Array(await value.arrayBuffer()) : null;
    const { before, after, ...fields } = form;
    const record = await uploadPhoto(
      c.var.db,
      c.var.storage,
      { fields, before: await fileOf(before), after: await fileOf(after) },
      c.var.clock(),
    );
    return c.json(record, 201);
  });

  app.openapi(imageRoute, async (c) => {
    const { sha256, version } = c.req.valid('param');
    const bytes = await imageVersion(c.var.storage, sha256, version);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'image/webp',
      // The address is the content: kept for a year, by the browser only (patients' photos).
      'Cache-Control': 'private, max-age=31536000, immutable',
      'Content-Disposition': 'inline',
    });
  });
}
