import type { OpenAPIHono } from '@hono/zod-openapi';
import { checkedTypes } from '../../src/domain/rules/registry';
import type { AppEnv } from '../app';
import { badRequest, notFound } from '../errors';
import { authorize } from '../security';
import { recheck } from '../services/checks';
import { askAboutDoctor } from '../services/credentials';
import { runStates } from '../services/rerun';
import { changeRule, getRule, listRules } from '../services/ruleSettings';
import { idParam } from './decisions';
import { readJson } from './json';

/**
 * The rules' settings (the Rules page), the progress of re-runs, and "re-run checks" on one item.
 * Registered before the generic routes, which would take `/api/rules/runs` for nothing they know.
 */
export function ruleRoutes(app: OpenAPIHono<AppEnv>) {
  app.get('/api/rules', authorize('read', 'rules'), async (c) => {
    const rows = await listRules(c.var.db.kysely, c.var.clock());
    const filter = parseRuleFilter(c.req.query('filter'));
    const shown = rows.filter(
      (row) => (!filter.type || row.type === filter.type) && (!filter.id || filter.id.includes(row.id)),
    );
    c.header('Content-Range', `rules ${shown.length > 0 ? `0-${shown.length - 1}` : '*'}/${shown.length}`);
    return c.json(shown);
  });

  app.get('/api/rules/runs', authorize('read', 'rules'), async (c) =>
    c.json(await runStates(c.var.db.kysely)),
  );

  app.get('/api/rules/:ruleId', authorize('read', 'rules'), async (c) =>
    c.json(await getRule(c.var.db.kysely, c.req.param('ruleId'), c.var.clock())),
  );

  app.put('/api/rules/:ruleId', authorize('update', 'rules'), async (c) => {
    const { db, clock, moderator, reruns } = c.var;
    const row = await changeRule(
      db.kysely,
      db.dialect,
      c.req.param('ruleId'),
      await readJson(c),
      moderator,
      clock(),
    );
    reruns.start(row.type as (typeof checkedTypes)[number]);
    return c.json(row);
  });

  for (const type of checkedTypes) {
    app.post(`/api/${type}/:id/checks`, authorize('decide', type), async (c) => {
      const id = idParam(c);
      const { db, clock, registry } = c.var;
      if (type === 'doctors') await askAboutDoctor(db.kysely, registry, id, clock());
      const checked = await db.kysely.transaction().execute((trx) => recheck(trx, type, id, clock()));
      if (!checked) throw notFound(`${type} ${id} does not exist`);
      return c.json(checked);
    });
  }
}

/** The Rules page filters by type, and react-admin's getMany asks by id. */
function parseRuleFilter(raw: string | undefined): { type?: string; id?: string[] } {
  if (!raw) return {};
  let filter: unknown;
  try {
    filter = JSON.parse(raw);
  } catch {
    throw badRequest('filter is not valid JSON');
  }
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
    throw badRequest('filter must be a JSON object');
  const { type, id, ...rest } = filter as Record<string, unknown>;
  const unknownKey = Object.keys(rest)[0];
  if (unknownKey) throw badRequest(`rules cannot be filtered by ${unknownKey.slice(0, 40)}`);
  if (type !== undefined && (typeof type !== 'string' || !checkedTypes.includes(type as never)))
    throw badRequest(`type must be one of ${checkedTypes.join(', ')}`);
  const ids = id === undefined ? undefined : Array.isArray(id) ? id : [id];
  if (ids && !ids.every((v) => typeof v === 'string')) throw badRequest('id must be rule ids');
  return { type: type as string | undefined, id: ids as string[] | undefined };
}
