import type { OpenAPIHono } from '@hono/zod-openapi';
import { resourceNames, resourceSpecs } from '../../src/domain/resources';
import type { AppEnv } from '../app';
import {
  createResource,
  deleteResource,
  getResource,
  listResource,
  parseId,
  updateResource,
} from '../services/resources';
import { readJson } from './json';

/** ra-data-simple-rest's protocol for every resource: list, getOne, create, update, delete. */
export function restRoutes(app: OpenAPIHono<AppEnv>) {
  for (const name of resourceNames) {
    const spec = resourceSpecs[name];

    app.get(`/api/${name}`, async (c) => {
      const { records, total, offset } = await listResource(c.var.db.kysely, spec, {
        filter: c.req.query('filter'),
        sort: c.req.query('sort'),
        range: c.req.query('range'),
      });
      const span = records.length > 0 ? `${offset}-${offset + records.length - 1}` : '*';
      c.header('Content-Range', `${name} ${span}/${total}`);
      return c.json(records);
    });

    app.get(`/api/${name}/:id`, async (c) =>
      c.json(await getResource(c.var.db.kysely, spec, parseId(c.req.param('id')))),
    );

    app.post(`/api/${name}`, async (c) =>
      c.json(await createResource(c.var.db.kysely, spec, await readJson(c), c.var.clock()), 201),
    );

    app.put(`/api/${name}/:id`, async (c) => {
      const id = parseId(c.req.param('id'));
      return c.json(await updateResource(c.var.db.kysely, spec, id, await readJson(c)));
    });

    app.delete(`/api/${name}/:id`, async (c) =>
      c.json(await deleteResource(c.var.db.kysely, spec, parseId(c.req.param('id')))),
    );
  }
}
