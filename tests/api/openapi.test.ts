import { beforeEach, describe, expect, it } from 'vitest';
import { resourceNames, resourceSpecs } from '../../src/domain/resources';
import { type Json, useTestApi } from './fixtures';

/**
 * GET /api/openapi.json describes the API the app actually serves: a well-formed OpenAPI 3.1
 * document with an operation for every route, and no route documented that is not served.
 * The document does not depend on the database, so SQLite alone serves it here.
 */

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `/api/doctors/:id` as OpenAPI writes it: `/api/doctors/{id}`. */
const asOpenApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** Every $ref in the document, with where it was found. */
function refs(node: Json, at = '#'): [string, string][] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' ? [[at, value as string]] : refs(value, `${at}/${key}`),
  );
}

const resolve = (doc: Json, ref: string): Json =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);

describe('the OpenAPI document', () => {
  const t = useTestApi('sqlite');
  let doc: Json;

  beforeEach(async () => {
    const response = await t.api.request('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    doc = response.body;
  });

  it('is a well-formed OpenAPI 3.1 document', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toEqual({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      expect(path).toMatch(/^\/api\//);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries<Json>(item)) {
        const label = `${method.toUpperCase()} ${path}`;
        expect(methods, label).toContain(method);
        const statuses = Object.keys(operation.responses);
        expect(
          statuses.some((s) => /^2\d\d$/.test(s)),
          label,
        ).toBe(true);
        for (const [status, response] of Object.entries<Json>(operation.responses)) {
          expect(status, label).toMatch(/^([1-5]\d\d|default)$/);
          expect(typeof response.description, `${label} ${status}`).toBe('string');
        }
        const parameters: Json[] = operation.parameters ?? [];
        for (const parameter of parameters) {
          expect(['path', 'query', 'header', 'cookie'], label).toContain(parameter.in);
          expect(typeof parameter.name).toBe('string');
        }
        const inPath = parameters.filter((p) => p.in === 'path');
        expect(inPath.map((p) => p.name).sort(), label).toEqual([...templated].sort());
        expect(
          inPath.every((p) => p.required === true),
          label,
        ).toBe(true);
        if (operation.requestBody) {
          // JSON everywhere, but for the uploads: a credential document, a photo pair.
          const media = ['POST /api/doctors/{id}/documents', 'POST /api/photos'].includes(label)
            ? 'multipart/form-data'
            : 'application/json';
          expect(Object.keys(operation.requestBody.content), label).toEqual([media]);
        }
      }
    }
    for (const [at, ref] of refs(doc)) {
      expect(ref, at).toMatch(/^#\//);
      expect(resolve(doc, ref), `${at} -> ${ref}`).toBeDefined();
    }
  });

  it('documents every route the app serves, and only those', async () => {
    const documented = new Set(
      Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const served = new Set(
      t.app.routes
        .filter((route) => route.method !== 'ALL' && route.path !== '/api/openapi.json')
        .map((route) => `${route.method} ${asOpenApiPath(route.path)}`),
    );
    for (const operation of documented) expect(served, operation).toContain(operation);
    // A route left out must be one that only ever refuses, with 405.
    const undocumented = [...served].filter((operation) => !documented.has(operation)).sort();
    expect(undocumented).toEqual([
      'DELETE /api/audit',
      'DELETE /api/audit/{id}',
      'DELETE /api/moderators',
      'DELETE /api/moderators/{id}',
      'POST /api/audit',
      'POST /api/audit/{id}',
      'PUT /api/audit',
      'PUT /api/audit/{id}',
    ]);
    for (const operation of undocumented) {
      const [method, path] = operation.split(' ');
      const response = await t.api.request(method, path.replace('{id}', '1'), { json: {} });
      expect(response.status, operation).toBe(405);
      expect(response.body, operation).toEqual({
        message: `${path.split('/')[2]} cannot be changed with ${method}`,
        code: 'method_not_allowed',
      });
    }
    expect(documented).toContain('GET /api/health');
    expect(documented).toContain('GET /api/images/{sha256}/{version}');
    for (const operation of [
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'POST /api/auth/password',
      'POST /api/auth/set-password',
    ]) {
      expect(documented, operation).toContain(operation);
    }
    for (const name of resourceNames) {
      const spec = resourceSpecs[name];
      const expected = [
        `GET /api/${name}`,
        `GET /api/${name}/{id}`,
        ...(spec.create ? [`POST /api/${name}`, `PUT /api/${name}/{id}`] : []),
        ...(spec.deletable ? [`DELETE /api/${name}/{id}`] : []),
      ];
      for (const operation of expected) expect(documented, operation).toContain(operation);
    }
  });

  it('describes each resource with its fields and its list protocol, never a password hash', () => {
    expect(JSON.stringify(doc)).not.toContain('passwordHash');
    for (const name of resourceNames) {
      const list = doc.paths[`/api/${name}`].get;
      const parameters = list.parameters.map((p: Json) => `${p.in}:${p.name}`).sort();
      expect(parameters, name).toEqual(['query:filter', 'query:range', 'query:sort']);
      expect(Object.keys(list.responses[200].headers), name).toEqual(['Content-Range']);
      let items = list.responses[200].content['application/json'].schema;
      if (items.$ref) items = resolve(doc, items.$ref);
      let record = items.items;
      if (record.$ref) record = resolve(doc, record.$ref);
      expect(Object.keys(record.properties).sort(), name).toEqual(
        Object.keys(resourceSpecs[name].fields).sort(),
      );
      const create = doc.paths[`/api/${name}`].post;
      if (create && !resourceSpecs[name].uploaded) {
        let body = create.requestBody.content['application/json'].schema;
        if (body.$ref) body = resolve(doc, body.$ref);
        expect(Object.keys(body.properties).sort(), name).toEqual(
          Object.keys(resourceSpecs[name].create!.shape).sort(),
        );
      }
    }
  });
});
