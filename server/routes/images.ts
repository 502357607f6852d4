import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app';
import { loadImage } from '../db/images';
import { badRequest, notFound } from '../errors';

/** Original photo bytes by SHA-256; the address is the content, so browsers may cache forever. */
export function imageRoutes(app: OpenAPIHono<AppEnv>) {
  app.get('/api/images/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    if (!/^[0-9a-f]{64}$/.test(sha256))
      throw badRequest('an image is addressed by its SHA-256 in lowercase hex');
    const image = await loadImage(c.var.db.kysely, sha256);
    if (!image) throw notFound(`no image ${sha256}`);
    return c.body(new Uint8Array(image.bytes), 200, {
      'Content-Type': image.mediaType,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  });
}
