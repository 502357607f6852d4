import { describe, expect, it } from 'vitest';
import { maxPageSize } from '../../src/domain/listQuery';
import { testDialects } from './databases';
import {
  type ApiResponse,
  bodies,
  buildWorld,
  expectStoredAs,
  listQueryString,
  type ListParams,
  rowCounts,
  type TestApi,
  useTestApi,
  type World,
} from './fixtures';

/**
 * Bad input of every kind answers the documented 4xx as `{ message, code }`, never a 5xx, and a
 * refused write leaves every table as it was.
 */

interface BadRequest {
  label: string;
  method: string;
  path: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

const list = (resource: string, params: ListParams): BadRequest => ({
  label: `GET ${resource} ${JSON.stringify(params)}`,
  method: 'GET',
  path: `/api/${resource}${listQueryString(params)}`,
});

const filter = (resource: string, value: object) => list(resource, { filter: value });

async function send(t: TestApi, request: BadRequest): Promise<ApiResponse> {
  const { method, path, json, body, headers } = request;
  return t.api.request(method, path, { json, body, headers });
}

/** Sends each request and expects `status` with `code`, a message, and no table changed. */
async function expectRefused(t: TestApi, requests: BadRequest[], status: number, code: string) {
  const before = await rowCounts(t.db);
  for (const request of requests) {
    const response = await send(t, request);
    expect(response.status, `${request.label}: ${response.text.slice(0, 200)}`).toBe(status);
    expect(response.headers.get('content-type'), request.label).toMatch(/^application\/json/);
    expect(response.body, request.label).toMatchObject({ code, message: expect.any(String) });
    expect(response.body.message.length, request.label).toBeGreaterThan(0);
    expect(Object.keys(response.body).every((k) => ['message', 'code', 'details'].includes(k))).toBe(true);
  }
  expect(await rowCounts(t.db)).toEqual(before);
}

const write = (
  method: string,
  path: string,
  json: unknown,
  label = `${method} ${path} ${JSON.stringify(json)}`,
) => ({
  label: label.slice(0, 160),
  method,
  path,
  json,
});

describe.each(testDialects)('bad input on %s', (dialect) => {
  const t = useTestApi(dialect);
  let world: World;

  const setUp = async () => {
    world = await buildWorld(t);
    return (await t.api.getOne('reviews', world.reviewId)).body;
  };

  it('malformed JSON in filter, sort or range answers 400', async () => {
    await setUp();
    const requests = [
      list('reviews', { filter: '{bad' }),
      list('reviews', { filter: "{'status':'pending'}" }),
      list('reviews', { sort: '[id,ASC]' }),
      list('reviews', { sort: '["id","ASC"' }),
      list('reviews', { range: '[0,9' }),
      list('reviews', { range: '0-9' }),
      { label: 'raw %', method: 'GET', path: '/api/reviews?filter=%7B%22q%22%3A%22%' },
    ];
    await expectRefused(t, requests, 400, 'bad_request');
    const response = await send(t, list('reviews', { range: '[0,9' }));
    expect(response.body.details).toEqual({ param: 'range' });
  });

  it('filter, sort and range of the wrong shape answer 400', async () => {
    await setUp();
    const requests = [
      list('reviews', { filter: '[1,2]' }),
      list('reviews', { filter: '"pending"' }),
      list('reviews', { filter: 'null' }),
      list('reviews', { filter: '42' }),
      list('reviews', { sort: '["id","ASC","x"]' }),
      list('reviews', { sort: '["id"]' }),
      list('reviews', { sort: '"id"' }),
      list('reviews', { sort: '{"field":"id","order":"ASC"}' }),
      list('reviews', { sort: '[1,"ASC"]' }),
      list('reviews', { sort: ['id', 'UP'] }),
      list('reviews', { sort: ['id', ''] }),
      list('reviews', { range: [5, 2] }),
      list('reviews', { range: [-1, 3] }),
      list('reviews', { range: [0, 1.5] }),
      list('reviews', { range: '["0","9"]' }),
      list('reviews', { range: '[0,9,10]' }),
      list('reviews', { range: '[0]' }),
      list('reviews', { range: '{"from":0}' }),
      list('reviews', { range: '[0,1e20]' }),
      list('reviews', { range: [0, maxPageSize] }),
      list('reviews', { range: [10, 10 + maxPageSize] }),
    ];
    await expectRefused(t, requests, 400, 'bad_request');
    const largest = await send(t, list('reviews', { range: [0, maxPageSize - 1] }));
    expect(largest.status).toBe(200);
  });

  it('unknown filter or sort fields and wrongly typed filter values answer 400', async () => {
    await setUp();
    const requests = [
      filter('reviews', { nope: 1 }),
      filter('reviews', { nope_gte: 1 }),
      filter('reviews', { _gte: 1 }),
      filter('reviews', { title_gte: 'a' }),
      filter('reviews', { status_lte: 'pending' }),
      filter('reviews', { reviewerEmailVerified_gte: true }),
      filter('reviews', { ruleResults: '[]' }),
      filter('doctors', { documents: 'license.pdf' }),
      filter('moderators', { passwordHash: 'x' }),
      filter('reviews', { constructor: 1 }),
      list('reviews', { filter: '{"__proto__":{"x":1}}' }),
      list('reviews', { sort: ['reviewerEmail', 'ASC'] }),
      list('reviews', { sort: ['nope', 'ASC'] }),
      list('moderators', { sort: ['passwordHash', 'ASC'] }),
      list('audit', { sort: ['hash', 'ASC'] }),
      filter('reviews', { rating: 'five' }),
      filter('reviews', { rating: 1.5 }),
      filter('reviews', { rating: true }),
      filter('reviews', { rating: '' }),
      filter('reviews', { doctorId: 'abc' }),
      filter('reviews', { doctorId: [1, 'abc'] }),
      filter('reviews', { doctorId: [[1]] }),
      filter('reviews', { id: { a: 1 } }),
      filter('reviews', { status: 'deleted' }),
      filter('reviews', { status: ['pending', 'deleted'] }),
      filter('reviews', { status: ['pending', null] }),
      filter('doctors', { verificationStatus: 'approved' }),
      filter('reviews', { reviewerEmailVerified: 'yes' }),
      filter('reviews', { reviewerEmailVerified: 1 }),
      filter('reviews', { createdAt_gte: 'yesterday' }),
      filter('reviews', { createdAt_lte: '2026-10-01T10:00:00+02:00' }),
      filter('reviews', { treatmentDate: 20260101 }),
      filter('reviews', { title: 42 }),
      filter('reviews', { title: 'x'.repeat(201) }),
      filter('reviews', { q: 5 }),
      filter('reviews', { q: ['a'] }),
      filter('reviews', { q: 'x'.repeat(201) }),
      filter('reviews', { id: Array.from({ length: maxPageSize + 1 }, (_, i) => i + 1) }),
    ];
    await expectRefused(t, requests, 400, 'bad_request');
    const unknown = await send(t, filter('reviews', { nope: 1 }));
    expect(unknown.body).toEqual({
      message: 'reviews cannot be filtered by nope',
      code: 'bad_request',
      details: { param: 'filter' },
    });
  });

  it('ids that are not positive integers answer 400 on every method', async () => {
    const review = await setUp();
    const badIds = [
      'abc',
      '0',
      '-1',
      '1.5',
      '1e3',
      '0x10',
      '01',
      '%20',
      '1%00',
      '9'.repeat(16),
      '1'.repeat(30),
    ];
    const requests = badIds.flatMap((id) => [
      { label: `GET ${id}`, method: 'GET', path: `/api/reviews/${id}` },
      write('PUT', `/api/reviews/${id}`, { rating: 1 }),
      { label: `DELETE ${id}`, method: 'DELETE', path: `/api/reviews/${id}` },
      { label: `GET audit ${id}`, method: 'GET', path: `/api/audit/${id}` },
    ]);
    await expectRefused(t, requests, 400, 'bad_request');
    // A method the resource never offers is refused as such, whatever the id.
    const notOffered = badIds.flatMap((id) => [
      { label: `DELETE audit ${id}`, method: 'DELETE', path: `/api/audit/${id}` },
      write('PUT', `/api/audit/${id}`, { note: 'x' }),
      { label: `DELETE moderators ${id}`, method: 'DELETE', path: `/api/moderators/${id}` },
    ]);
    await expectRefused(t, notOffered, 405, 'method_not_allowed');
    await expectStoredAs(t.db, 'reviews', review);
  });

  it('bodies with wrong types, unknown fields or no object answer 422 and write nothing', async () => {
    const review = await setUp();
    const valid = bodies.review(world.doctorId);
    const reviewPath = `/api/reviews/${world.reviewId}`;
    const requests = [
      ...[[], 'text', 42, null, true, [valid]].flatMap((json) => [
        write('POST', '/api/reviews', json),
        write('PUT', reviewPath, json),
      ]),
      write('POST', '/api/reviews', {}),
      write('POST', '/api/reviews', { ...valid, rating: '5' }),
      write('POST', '/api/reviews', { ...valid, rating: 0 }),
      write('POST', '/api/reviews', { ...valid, rating: 4.5 }),
      write('POST', '/api/reviews', { ...valid, doctorId: String(world.doctorId) }),
      write('POST', '/api/reviews', { ...valid, doctorId: -1 }),
      write('POST', '/api/reviews', { ...valid, reviewerEmailVerified: 'true' }),
      write('POST', '/api/reviews', { ...valid, procedure: 'Botax' }),
      write('POST', '/api/reviews', { ...valid, reviewerEmail: 'not-an-email' }),
      write('POST', '/api/reviews', { ...valid, treatmentDate: '2026-13-45' }),
      write('POST', '/api/reviews', { ...valid, title: '' }),
      write('POST', '/api/reviews', { ...valid, title: 'x'.repeat(201) }),
      write('POST', '/api/reviews', { ...valid, unknownField: 1 }),
      write('POST', '/api/reviews', { ...valid, id: 99 }),
      write('POST', '/api/doctors', bodies.doctor({ licenseState: 'Texas' })),
      write('POST', '/api/doctors', bodies.doctor({ credential: 'RN' })),
      write('POST', '/api/moderators', bodies.moderator({ role: 'root' })),
      write('POST', '/api/questions', { ...bodies.question(), procedure: null }),
      write('PUT', reviewPath, { rating: 'five' }),
      write('PUT', reviewPath, { status: 'approved' }),
      write('PUT', reviewPath, { version: 1.5 }),
      write('PUT', reviewPath, { unknownField: 1 }),
      write('PUT', reviewPath, { hash: 'x' }),
    ];
    await expectRefused(t, requests, 422, 'invalid');
    const notObject = await send(t, write('POST', '/api/reviews', []));
    expect(notObject.body).toEqual({ message: 'the body must be a JSON object', code: 'invalid' });
    const typed = await send(t, write('POST', '/api/reviews', { ...valid, rating: '5' }));
    expect(typed.body.details).toEqual([{ path: 'rating', message: expect.any(String) }]);
    await expectStoredAs(t.db, 'reviews', review);
  });

  it('a body nested too deep or holding a lone surrogate answers 400 and writes nothing', async () => {
    const review = await setUp();
    const photo = (await t.api.getOne('photos', world.photoId)).body;
    const reviewPath = `/api/reviews/${world.reviewId}`;
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const raw = (method: string, path: string, body: string): BadRequest => ({
      label: `${method} ${path} ${body.slice(0, 60)}`,
      method,
      path,
      body,
      headers: { 'content-type': 'application/json' },
    });
    const deep = [
      // Server-owned JSON fields are compared with what is stored: that must not recurse without end.
      raw('PUT', reviewPath, `{"ruleResults": ${nested(100_000)}}`),
      raw('PUT', `/api/photos/${world.photoId}`, `{"before": ${nested(40)}, "ruleResults": []}`),
      raw('POST', '/api/reviews', nested(33)),
      raw('POST', '/api/auth/password', `{"currentPassword": ${nested(50)}}`),
    ];
    await expectRefused(t, deep, 400, 'bad_request');
    const deepOne = await send(t, deep[0]);
    expect(deepOne.body).toEqual({ message: 'the body nests deeper than 32 levels', code: 'bad_request' });
    const surrogates = [
      write('POST', '/api/questions', bodies.question({ title: 'lone \ud800 high' })),
      write('POST', '/api/questions', bodies.question({ body: 'lone \udfff low' })),
      write('POST', '/api/questions', { ...bodies.question(), ['key \udc00']: 1 }),
      write('PUT', reviewPath, { title: '\ud83d' }),
      write('POST', '/api/auth/login', { email: 'a@b.example', password: '\ud800' }),
    ];
    await expectRefused(t, surrogates, 400, 'bad_request');
    const surrogate = await send(t, surrogates[0]);
    expect(surrogate.body).toEqual({
      message: 'the body holds text that is not valid Unicode (a lone surrogate)',
      code: 'bad_request',
    });
    // Paired surrogates (an emoji) and nesting at the limit are fine.
    const emoji = await t.api.create('questions', bodies.question({ title: 'Filler 💉 or not?' }));
    expect([emoji.status, emoji.body.title]).toEqual([201, 'Filler 💉 or not?']);
    const atLimit = await send(t, raw('PUT', `/api/photos/${world.photoId}`, `{"before": ${nested(31)}}`));
    expect([atLimit.status, atLimit.body.code]).toEqual([422, 'invalid']);
    await expectStoredAs(t.db, 'reviews', review);
    await expectStoredAs(t.db, 'photos', photo);
  });

  it('a body that is not JSON answers 415, malformed JSON 400', async () => {
    const review = await setUp();
    const reviewPath = `/api/reviews/${world.reviewId}`;
    const text = JSON.stringify(bodies.review(world.doctorId));
    const typed = (
      type: string | null,
      body: string,
      method = 'POST',
      path = '/api/reviews',
    ): BadRequest => ({
      label: `${method} ${type}: ${body.slice(0, 30)}`,
      method,
      path,
      body,
      headers: type === null ? undefined : { 'content-type': type },
    });
    await expectRefused(
      t,
      [
        typed('text/plain', text),
        typed('text/plain;charset=UTF-8', text),
        typed('application/x-www-form-urlencoded', 'rating=5'),
        typed('multipart/form-data; boundary=x', text),
        typed('application/jsonp', text),
        typed('application/xml', '<review/>'),
        typed('text/plain', text, 'PUT', reviewPath),
        {
          label: 'no content type',
          method: 'POST',
          path: '/api/reviews',
          body: new Blob([text]),
        },
      ],
      415,
      'unsupported_media_type',
    );
    await expectRefused(
      t,
      [
        typed('application/json', '{"rating": '),
        typed('application/json', ''),
        typed('application/json', "{'rating': 5}"),
        typed('application/json', '{"rating": 5,}'),
        typed('application/json; charset=utf-8', 'undefined'),
        typed('application/merge-patch+json', '{'),
        typed('application/json', '{"rating": 5', 'PUT', reviewPath),
      ],
      400,
      'bad_request',
    );
    await expectStoredAs(t.db, 'reviews', review);
  });

  it('a body over 1 MiB answers 413, whether its length is declared or streamed', async () => {
    const review = await setUp();
    const huge = JSON.stringify({ ...bodies.question(), body: 'x'.repeat(1024 * 1024) });
    const streamed = () =>
      new ReadableStream({
        start(controller) {
          for (let i = 0; i < huge.length; i += 64 * 1024) {
            controller.enqueue(new TextEncoder().encode(huge.slice(i, i + 64 * 1024)));
          }
          controller.close();
        },
      });
    const json = { 'content-type': 'application/json' };
    await expectRefused(
      t,
      [
        { label: 'POST declared', method: 'POST', path: '/api/questions', body: huge, headers: json },
        {
          label: 'PUT declared',
          method: 'PUT',
          path: `/api/reviews/${world.reviewId}`,
          body: huge,
          headers: json,
        },
        { label: 'POST text/plain', method: 'POST', path: '/api/questions', body: huge, headers: {} },
      ],
      413,
      'payload_too_large',
    );
    const before = await rowCounts(t.db);
    const response = await t.app.fetch(
      new Request('http://verity.test/api/questions', {
        method: 'POST',
        headers: json,
        body: streamed(),
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
    expect(await rowCounts(t.db)).toEqual(before);
    await expectStoredAs(t.db, 'reviews', review);
  });

  it('unknown routes and methods answer 404 as JSON', async () => {
    await setUp();
    const requests = [
      { label: 'GET /api/nope', method: 'GET', path: '/api/nope' },
      { label: 'GET /api', method: 'GET', path: '/api' },
      { label: 'GET /api/', method: 'GET', path: '/api/' },
      { label: 'GET /api/reviews/1/nope', method: 'GET', path: `/api/reviews/${world.reviewId}/nope` },
      { label: 'GET /api/passwords', method: 'GET', path: '/api/passwords' },
      { label: 'GET /api/images', method: 'GET', path: '/api/images' },
      write('PATCH', `/api/reviews/${world.reviewId}`, { rating: 1 }),
      write('POST', `/api/reviews/${world.reviewId}`, { rating: 1 }),
      write('PUT', '/api/reviews', { rating: 1 }),
      write('DELETE', '/api/reviews', {}),
      write('POST', '/api/health', {}),
      { label: 'GET /nope', method: 'GET', path: '/nope' },
    ];
    await expectRefused(t, requests, 404, 'not_found');
    const images = [
      { label: 'image not a hash', method: 'GET', path: '/api/images/not-a-hash/display' },
      { label: 'image upper-case', method: 'GET', path: `/api/images/${'A'.repeat(64)}/display` },
    ];
    await expectRefused(t, images, 400, 'bad_request');
    await expectRefused(
      t,
      [{ label: 'image unknown', method: 'GET', path: `/api/images/${'0'.repeat(64)}` }],
      404,
      'not_found',
    );
  });

  it('values the database cannot hold never answer 5xx nor write', async () => {
    const review = await setUp();
    const big = 99_999_999_999;
    // PostgreSQL's integers hold 32 bits and its text no NUL: it refuses what SQLite looks up or keeps.
    const cases: [BadRequest, { sqlite: number; postgres: number }][] = [
      [
        { label: 'GET 15-digit id', method: 'GET', path: '/api/reviews/999999999999999' },
        { sqlite: 404, postgres: 400 },
      ],
      [
        { label: 'DELETE 15-digit id', method: 'DELETE', path: '/api/reviews/999999999999999' },
        { sqlite: 404, postgres: 400 },
      ],
      [write('PUT', '/api/reviews/999999999999999', { rating: 1 }), { sqlite: 404, postgres: 400 }],
      [filter('reviews', { id: big }), { sqlite: 200, postgres: 400 }],
      [filter('reviews', { doctorId: [big, big + 1] }), { sqlite: 200, postgres: 400 }],
      [filter('reviews', { rating_gte: big }), { sqlite: 200, postgres: 400 }],
      [filter('reviews', { rating_lte: -big }), { sqlite: 200, postgres: 400 }],
      [filter('reviews', { q: 'zq\u0000xv' }), { sqlite: 200, postgres: 200 }],
      [filter('reviews', { title: 'nul\u0000' }), { sqlite: 200, postgres: 400 }],
      [
        write('POST', '/api/answers', bodies.answer({ questionId: world.questionId, doctorId: big })),
        { sqlite: 422, postgres: 422 },
      ],
      [write('PUT', `/api/reviews/${world.reviewId}`, { doctorId: big }), { sqlite: 422, postgres: 422 }],
      [
        write('PUT', `/api/reviews/${world.reviewId}`, { ...review, version: big }),
        { sqlite: 409, postgres: 422 },
      ],
      [
        write('POST', '/api/questions', bodies.question({ title: 'nul \u0000 inside' })),
        { sqlite: 201, postgres: 422 },
      ],
    ];
    for (const [request, expected] of cases) {
      const before = await rowCounts(t.db);
      const response = await send(t, request);
      expect(response.status, `${request.label}: ${response.text.slice(0, 200)}`).toBe(expected[dialect]);
      if (response.status === 201) {
        expect(response.body.title).toBe('nul \u0000 inside');
        continue;
      }
      if (response.status === 200) expect(response.body, request.label).toEqual([]);
      else
        expect(response.body, request.label).toMatchObject({
          code: expect.any(String),
          message: expect.any(String),
        });
      expect(await rowCounts(t.db), request.label).toEqual(before);
    }
    await expectStoredAs(t.db, 'reviews', review);
  });
});
