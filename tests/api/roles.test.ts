import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { mediaKeys } from '../../server/storage';
import { DatabaseStorage } from '../../server/storage/database';
import { type Role, roles } from '../../src/domain/model';
import { can, methodPermission, permissionTable } from '../../src/domain/permissions';
import { type ResourceName, resourceNames, resourceSpecs } from '../../src/domain/resources';
import { testDialects } from './databases';
import {
  Api,
  type ApiResponse,
  bodies,
  buildWorld,
  createBody,
  expectStoredAs,
  signedInAs,
  tableDigests,
  type TestApi,
  useTestApi,
  type World,
  worldId,
  writableChange,
} from './fixtures';

/**
 * Every role against every route the app serves: what the permission table grants passes (a 2xx,
 * or the 4xx a valid request can still deserve, never 403), everything else answers 403 and
 * changes nothing; without a session only the public routes answer at all.
 */

type Method = keyof typeof methodPermission;
const restMethods = Object.keys(methodPermission) as Method[];

/**
 * The generic REST grants written out by hand (C create, R read, U update, D delete), so that a
 * slip in the permission table cannot pass by deriving the expectations from that same table.
 */
const grants: Record<Role, Record<ResourceName, string>> = {
  moderator: {
    doctors: 'R',
    questions: 'R',
    answers: 'R',
    reviews: 'R',
    photos: 'R',
    audit: 'R',
    moderators: 'R',
  },
  verifier: {
    doctors: 'RU',
    questions: 'R',
    answers: 'R',
    reviews: 'R',
    photos: 'R',
    audit: 'R',
    moderators: 'R',
  },
  senior: {
    doctors: 'RU',
    questions: 'R',
    answers: 'R',
    reviews: 'R',
    photos: 'R',
    audit: 'R',
    moderators: 'R',
  },
  admin: {
    doctors: 'CRUD',
    questions: 'CRUD',
    answers: 'CRUD',
    reviews: 'CRUD',
    photos: 'CRUD',
    audit: 'R',
    moderators: 'CRU',
  },
};
const letter: Record<Method, string> = { GET: 'R', POST: 'C', PUT: 'U', DELETE: 'D' };

/** Whether the resource offers the method at all: otherwise it answers 405 to everyone. */
const offers = (resource: ResourceName, method: Method) => {
  const spec = resourceSpecs[resource];
  if (method === 'POST' || method === 'PUT') return spec.create !== null;
  if (method === 'DELETE') return spec.deletable;
  return true;
};

/** What an allowed request answers here: every request below is valid. */
const success: Record<Method, number> = { GET: 200, POST: 201, PUT: 200, DELETE: 200 };

interface Call {
  method: Method;
  resource: ResourceName;
  path: string;
  json?: unknown;
}

/** One call of each method on each resource, each valid, against records made for the purpose. */
async function restCalls(t: TestApi, world: World): Promise<Call[]> {
  const calls: Call[] = [];
  for (const resource of resourceNames) {
    const id = worldId(world, resource);
    // A DELETE that passes removes a record nothing refers to, made for it.
    const spare = resourceSpecs[resource].deletable
      ? (await t.api.created(resource, createBody(resource, world))).id
      : id;
    calls.push(
      { method: 'GET', resource, path: `/api/${resource}` },
      { method: 'GET', resource, path: `/api/${resource}/${id}` },
      { method: 'POST', resource, path: `/api/${resource}`, json: createBody(resource, world) ?? {} },
      { method: 'PUT', resource, path: `/api/${resource}/${id}`, json: writableChange(resource) },
      { method: 'DELETE', resource, path: `/api/${resource}/${spare}` },
    );
  }
  return calls;
}

/** The id of the record a call addresses, if any. */
const addressed = (call: Call) => Number(call.path.split('/')[3]) || null;

describe('the permission table', () => {
  it('grants each role exactly the REST methods written out above', () => {
    for (const role of roles) {
      for (const resource of resourceNames) {
        const granted = restMethods
          .filter((method) => can(role, methodPermission[method], resource))
          .map((method) => letter[method])
          .sort()
          .join('');
        expect(granted, `${role} on ${resource}`).toBe([...grants[role][resource]].sort().join(''));
      }
    }
  });

  it('grants nobody a method a resource does not offer', () => {
    for (const role of roles) {
      for (const resource of resourceNames) {
        for (const method of restMethods.filter((m) => !offers(resource, m))) {
          expect(can(role, methodPermission[method], resource), `${role} ${method} ${resource}`).toBe(false);
        }
      }
    }
  });

  it('keeps the decisions apart: content for moderators, doctors for verifiers, both for seniors', () => {
    const content = ['answers', 'reviews', 'photos'] as const;
    for (const resource of content) {
      expect([can('moderator', 'decide', resource), can('verifier', 'decide', resource)]).toEqual([
        true,
        false,
      ]);
      expect(can('moderator', 'decideEscalated', resource)).toBe(false);
      expect(can('senior', 'decideEscalated', resource)).toBe(true);
    }
    expect([can('moderator', 'decide', 'doctors'), can('verifier', 'decide', 'doctors')]).toEqual([
      false,
      true,
    ]);
    for (const role of roles) {
      expect(can(role, 'revertAny', 'reviews'), role).toBe(role === 'senior' || role === 'admin');
      expect(can(role, 'verifyAudit', 'audit'), role).toBe(role === 'admin');
    }
  });
});

describe.each(testDialects)('roles on %s', (dialect) => {
  const t = useTestApi(dialect);
  let world: World;

  beforeEach(async () => {
    world = await buildWorld(t);
  });

  /** Sends a call and checks it against the table; a refused call must leave every table as it was. */
  async function expectCall(api: Api, role: Role, call: Call): Promise<ApiResponse> {
    const label = `${role} ${call.method} ${call.path}`;
    const before = await tableDigests(t.db);
    // Photos are uploaded, multipart.
    const response =
      call.method === 'POST' && call.resource === 'photos'
        ? await api.create('photos', call.json)
        : await api.request(call.method, call.path, { json: call.json });
    if (!offers(call.resource, call.method)) {
      expect(response.status, `${label}: ${response.text}`).toBe(405);
      expect(response.body.code, label).toBe('method_not_allowed');
    } else if (can(role, methodPermission[call.method], call.resource)) {
      expect(response.status, `${label}: ${response.text}`).toBe(success[call.method]);
      return response;
    } else {
      expect(response.status, `${label}: ${response.text}`).toBe(403);
      expect(response.body, label).toEqual({
        message: `a ${role} may not ${methodPermission[call.method]} ${call.resource}`,
        code: 'forbidden',
      });
    }
    expect(await tableDigests(t.db), label).toEqual(before);
    return response;
  }

  it.each(roles)('a %s passes exactly what the table grants on every resource', async (role) => {
    const calls = await restCalls(t, world);
    const { api } = await signedInAs(t, role);
    let passed = 0;
    let refused = 0;
    for (const call of calls) {
      const response = await expectCall(api, role, call);
      if (response.status >= 300) {
        refused += 1;
        continue;
      }
      passed += 1;
      // What passed did what it says.
      const id = addressed(call);
      if (call.method === 'GET' && id === null) {
        expect(response.headers.get('content-range')).toMatch(new RegExp(`^${call.resource} 0-\\d+/\\d+$`));
      } else if (call.method === 'GET') {
        expect(response.body.id).toBe(id);
      } else if (call.method === 'POST') {
        const { inviteToken: _token, inviteExpiresAt: _expires, ...record } = response.body;
        await expectStoredAs(t.db, call.resource, record);
      } else if (call.method === 'PUT') {
        expect(response.body).toMatchObject(call.json as object);
        await expectStoredAs(t.db, call.resource, response.body);
      } else {
        expect((await api.getOne(call.resource, id!)).status).toBe(404);
      }
    }
    // Two reads per resource (the list and one record), one call of every other method.
    const expectedPassed = resourceNames.reduce(
      (n, resource) => n + [...grants[role][resource]].reduce((m, g) => m + (g === 'R' ? 2 : 1), 0),
      0,
    );
    expect([passed, refused]).toEqual([expectedPassed, calls.length - expectedPassed]);
  });

  it.each(roles)('a %s reads its own profile, images, health and the API description', async (role) => {
    const { id, email, api } = await signedInAs(t, role);
    const me = await api.request('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id, name: `Test ${role}`, email, role, permissions: permissionTable[role] });

    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a33' } })
      .jpeg()
      .toBuffer();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await new DatabaseStorage(t.db.kysely).put(mediaKeys.original(sha256), bytes);
    const image = await api.request('GET', `/api/images/${sha256}/thumbnail`);
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/webp']);
    const missing = await api.request('GET', `/api/images/${'0'.repeat(64)}/display`);
    expect([missing.status, missing.body.code]).toEqual([404, 'not_found']);

    expect((await api.request('GET', '/api/health')).body).toEqual({ status: 'ok', database: dialect });
    const openapi = await api.request('GET', '/api/openapi.json');
    expect([openapi.status, openapi.body.openapi]).toEqual([200, '3.1.0']);

    // Changing one's own password needs no permission, only the current password.
    const before = await tableDigests(t.db);
    const wrong = await api.request('POST', '/api/auth/password', {
      json: { currentPassword: 'not my password', newPassword: 'a new long password' },
    });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'invalid']);
    expect(await tableDigests(t.db)).toEqual(before);

    const logout = await api.request('POST', '/api/auth/logout');
    expect(logout.status).toBe(204);
    expect((await api.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('pins what each role may do, literally', async () => {
    const [moderator, verifier, senior] = [
      (await signedInAs(t, 'moderator')).api,
      (await signedInAs(t, 'verifier')).api,
      (await signedInAs(t, 'senior')).api,
    ];
    const question = bodies.question({ title: 'Can I exercise after Botox?' });
    const doctorPath = `/api/doctors/${world.doctorId}`;
    const newModerator = (email: string) => bodies.moderator({ email });
    const forbidden = (response: ApiResponse) => [response.status, response.body.code];

    expect(forbidden(await moderator.create('questions', question))).toEqual([403, 'forbidden']);
    expect(forbidden(await moderator.update('doctors', world.doctorId, { city: 'Reno' }))).toEqual([
      403,
      'forbidden',
    ]);
    expect(forbidden(await moderator.remove('reviews', world.reviewId))).toEqual([403, 'forbidden']);
    expect((await moderator.list('reviews')).status).toBe(200);
    expect((await moderator.list('audit')).status).toBe(200);

    const verified = await verifier.request('PUT', doctorPath, { json: { city: 'Reno' } });
    expect([verified.status, verified.body.city]).toEqual([200, 'Reno']);
    expect(forbidden(await verifier.update('reviews', world.reviewId, { rating: 1 }))).toEqual([
      403,
      'forbidden',
    ]);
    expect(forbidden(await verifier.create('doctors', bodies.doctor({ npi: '1999999999' })))).toEqual([
      403,
      'forbidden',
    ]);

    expect((await senior.update('doctors', world.doctorId, { city: 'Tulsa' })).status).toBe(200);
    expect(forbidden(await senior.update('questions', world.questionId, { title: 'Edited' }))).toEqual([
      403,
      'forbidden',
    ]);
    expect(forbidden(await senior.remove('answers', world.answerId))).toEqual([403, 'forbidden']);

    // Only an admin invites moderators.
    for (const [i, api] of [moderator, verifier, senior].entries()) {
      expect(forbidden(await api.create('moderators', newModerator(`m${i}@verity.example`)))).toEqual([
        403,
        'forbidden',
      ]);
      expect(forbidden(await api.update('moderators', world.moderatorId, { role: 'admin' }))).toEqual([
        403,
        'forbidden',
      ]);
    }
    expect((await t.api.create('moderators', newModerator('m9@verity.example'))).status).toBe(201);

    // Not even an admin deletes a moderator or writes the audit log: those methods do not exist.
    for (const api of [t.api, moderator]) {
      expect((await api.remove('moderators', world.moderatorId)).status).toBe(405);
      expect((await api.create('audit', {})).status).toBe(405);
    }
    expect(await t.api.all('moderators', { email: ['m0@verity.example', 'm1@verity.example'] })).toEqual([]);
  });

  it('without a session, every route but the public ones answers 401', async () => {
    const signedOut = new Api(t.app);
    const calls = await restCalls(t, world);
    const other: Call[] = [
      { method: 'GET', resource: 'moderators', path: '/api/auth/me' },
      { method: 'POST', resource: 'moderators', path: '/api/auth/logout' },
      {
        method: 'POST',
        resource: 'moderators',
        path: '/api/auth/password',
        json: { currentPassword: 'x', newPassword: 'a new long password' },
      },
      { method: 'GET', resource: 'photos', path: `/api/images/${'0'.repeat(64)}/display` },
      // Not even a wrong address is told apart from a right one.
      { method: 'GET', resource: 'photos', path: '/api/nope' },
    ];
    // And every route the app serves, whatever has been added since this was written.
    const publicRoutes = [
      'GET /api/health',
      'GET /api/openapi.json',
      'POST /api/auth/login',
      'POST /api/auth/set-password',
    ];
    const served = [
      ...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
    ];
    expect(served).toEqual(expect.arrayContaining(publicRoutes));
    const everyRoute: Call[] = served
      .filter((route) => !publicRoutes.includes(route))
      .map((route) => {
        const [method, path] = route.split(' ');
        return {
          method: method as Method,
          resource: 'moderators',
          path: path.replace(':sha256', '0'.repeat(64)).replace(/:\w+/g, String(world.reviewId)),
          json: method === 'GET' ? undefined : {},
        };
      });
    expect(everyRoute.length).toBeGreaterThan(40);
    const before = await tableDigests(t.db);
    for (const call of [...calls, ...other, ...everyRoute]) {
      for (const cookie of [undefined, 'verity_session=forged', 'verity_session=']) {
        const response = await signedOut.request(call.method, call.path, {
          json: call.json,
          headers: cookie ? { cookie } : {},
        });
        const label = `${call.method} ${call.path} ${cookie}`;
        expect(response.status, label).toBe(401);
        expect(response.body, label).toEqual({ message: 'sign in first', code: 'unauthenticated' });
      }
    }
    expect(await tableDigests(t.db)).toEqual(before);

    // The public routes answer on their own terms.
    expect((await signedOut.request('GET', '/api/health')).status).toBe(200);
    expect((await signedOut.request('GET', '/api/openapi.json')).status).toBe(200);
    const setPassword = await signedOut.request('POST', '/api/auth/set-password', {
      json: { token: 'no such invitation', password: 'a long enough password' },
    });
    expect([setPassword.status, setPassword.body.code]).toEqual([422, 'invalid']);
    const login = await signedOut.request('POST', '/api/auth/login', {
      json: { email: 'nobody@verity.example', password: 'wrong password' },
    });
    expect(login.status).toBe(401);
    expect(login.body).toEqual({ message: 'wrong email or password', code: 'invalid_credentials' });
    expect(
      await tableDigests(
        t.db,
        Object.keys(before).filter((n) => n !== 'signInFailures'),
      ),
    ).toEqual(Object.fromEntries(Object.entries(before).filter(([n]) => n !== 'signInFailures')));
  });
});
