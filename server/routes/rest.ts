import type { OpenAPIHono } from '@hono/zod-openapi';
import { resourceNames, resourceSpecs } from '../../src/domain/resources';
import type { AppEnv } from '../app';
import { ApiError } from '../errors';
import { authorize } from '../security';
import { changeModerator, inviteModerator } from '../services/moderators';
import {
  createResource,
  deleteResource,
  getResource,
  listResource,
  parseId,
  updateResource,
} from '../services/resources';
import { readJson } from './json';

/**
 * ra-data-simple-rest's protocol for every resource: list, getOne, create, update, delete, each
 * behind the permission its method needs. Moderators are written through invitations and guarded
 * changes rather than plain inserts and updates.
 */
export function restRoutes(app: OpenAPIHono<AppEnv>) {
  for (const name of resourceNames) {
    const spec = resourceSpecs[name];
    const may = (permission: 'read' | 'create' | 'update' | 'delete') => authorize(permission, name);

    app.get(`/api/${name}`, may('read'), async (c) => {
      const { records, total, offset } = await listResource(c.var.db.kysely, c.var.db.dialect, spec, {
        filter: c.req.query('filter'),
        sort: c.req.query('sort'),
        range: c.req.query('range'),
      });
      const span = records.length > 0 ? `${offset}-${offset + records.length - 1}` : '*';
      c.header('Content-Range', `${name} ${span}/${total}`);
      return c.json(records);
    });

    app.get(`/api/${name}/:id`, may('read'), async (c) =>
      c.json(await getResource(c.var.db.kysely, spec, parseId(c.req.param('id')))),
    );

    // A method the resource does not offer is refused the same way, whoever asks.
    const notOffered = [...(spec.create ? [] : ['POST', 'PUT']), ...(spec.deletable ? [] : ['DELETE'])];
    if (notOffered.length > 0) {
      app.on(notOffered, [`/api/${name}`, `/api/${name}/:id`], (c) => {
        throw new ApiError(405, 'method_not_allowed', `${name} cannot be changed with ${c.req.method}`);
      });
    }

    // Uploaded records have a route of their own, registered before these.
    if (!spec.uploaded)
      app.post(`/api/${name}`, may('create'), async (c) => {
        const db = c.var.db.kysely;
        const body = await readJson(c);
        const created =
          name === 'moderators'
            ? await inviteModerator(db, body, c.var.moderator, c.var.clock())
            : await createResource(db, spec, body, c.var.clock(), c.var.registry);
        return c.json(created, 201);
      });

    app.put(`/api/${name}/:id`, may('update'), async (c) => {
      const db = c.var.db.kysely;
      const id = parseId(c.req.param('id'));
      const body = await readJson(c);
      return c.json(
        name === 'moderators'
          ? await changeModerator(db, c.var.db.dialect, id, body, c.var.moderator, c.var.clock())
          : await updateResource(db, spec, id, body, c.var.clock(), c.var.registry),
      );
    });

    app.delete(`/api/${name}/:id`, may('delete'), async (c) =>
      c.json(await deleteResource(c.var.db.kysely, spec, parseId(c.req.param('id')), c.var.clock())),
    );
  }
}
