import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, HttpError } from 'react-admin';
import { browserFetch } from '../../mocks/handlers';
import { httpClient } from '../../src/providers/httpClient';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ResourceName, resourceNames, resourceSpecs } from '../../src/domain/resources';
import { testDialects } from './databases';
import {
  type ApiRecord,
  bodies,
  buildWorld,
  createBody,
  expectStoredAs,
  rowCounts,
  storedRow,
  useTestApi,
  worldId,
  writableChange,
  expectFreshlyChecked,
  withoutChecks,
} from './fixtures';

/**
 * The wire protocol as the SPA's own client speaks it: the stock ra-data-simple-rest provider
 * with the SPA's httpClient (react-admin's fetchJson plus the CSRF header), whose fetch is routed
 * into the app in process with the signed-in admin's session cookie, as a browser sends it.
 */

const apiUrl = 'http://verity.test/api';
// Photos are uploaded multipart through their own route (tests/api/photos.test.ts), not created as JSON.
const creatable = resourceNames.filter(
  (name) => resourceSpecs[name].create !== null && !resourceSpecs[name].uploaded,
);
const deletable = resourceNames.filter((name) => resourceSpecs[name].deletable);

/** The HttpError a failed call rejects with. */
async function failure(call: Promise<unknown>): Promise<HttpError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe.each(testDialects)('ra-data-simple-rest against the API on %s', (dialect) => {
  const t = useTestApi(dialect);
  let client: DataProvider;
  let sent: Request[];

  beforeEach(() => {
    sent = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      return browserFetch(t.app, t.api.jar, request);
    });
    client = simpleRestProvider(apiUrl, httpClient);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('getList reads a page of every resource with its total', async () => {
    await buildWorld(t);
    for (const resource of resourceNames) {
      const all = await t.api.all(resource);
      expect(all.length, resource).toBeGreaterThan(0);
      const result = await client.getList(resource, {
        pagination: { page: 1, perPage: 10 },
        sort: { field: 'id', order: 'DESC' },
        filter: {},
      });
      expect(result.total, resource).toBe(all.length);
      expect(result.data, resource).toEqual([...all].reverse());
    }
    const last = new URL(sent.at(-1)!.url);
    expect(last.pathname).toBe('/api/moderators');
    expect(Object.fromEntries(last.searchParams)).toEqual({
      filter: '{}',
      range: '[0,9]',
      sort: '["id","DESC"]',
    });
    expect(sent.at(-1)!.headers.get('range')).toBe('moderators=0-9');
  });

  it('getList pages, sorts and filters as the list screens ask', async () => {
    const world = await buildWorld(t);
    const ratings = [1, 5, 3, 5, 2, 4, 5];
    for (const rating of ratings) {
      await t.api.created(
        'reviews',
        bodies.review(world.otherDoctorId, { rating, title: `Rated ${rating}` }),
      );
    }
    const page = (n: number) =>
      client.getList('reviews', {
        pagination: { page: n, perPage: 3 },
        sort: { field: 'rating', order: 'DESC' },
        filter: { doctorId: world.otherDoctorId, rating_gte: 2 },
      });
    const [one, two, three] = [await page(1), await page(2), await page(3)];
    expect([one.total, two.total, three.total]).toEqual([6, 6, 6]);
    expect(one.data.map((r) => r.rating)).toEqual([5, 5, 5]);
    expect(two.data.map((r) => r.rating)).toEqual([4, 3, 2]);
    expect(three.data).toEqual([]);
    const searched = await client.getList('reviews', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'createdAt', order: 'ASC' },
      filter: { q: 'RATED 5', status: ['pending', 'approved'] },
    });
    expect(searched.total).toBe(3);
    expect(searched.data.every((r) => r.title === 'Rated 5')).toBe(true);
  });

  it('getOne and getMany read records of every resource', async () => {
    const world = await buildWorld(t);
    for (const resource of resourceNames) {
      const id = worldId(world, resource);
      const [stored] = await t.api.all(resource, { id });
      expect((await client.getOne(resource, { id })).data, resource).toEqual(stored);
      const many = await client.getMany(resource, { ids: [id, 424242] });
      expect(many.data, resource).toEqual([stored]);
    }
    const manyUrl = new URL(sent.at(-1)!.url);
    expect(manyUrl.searchParams.get('filter')).toBe(`{"id":[${world.moderatorId},424242]}`);
  });

  it('getManyReference reads the records that refer to one record', async () => {
    const world = await buildWorld(t);
    const references: [ResourceName, string, number][] = [
      ['answers', 'doctorId', world.doctorId],
      ['answers', 'questionId', world.questionId],
      ['reviews', 'doctorId', world.doctorId],
      ['photos', 'doctorId', world.doctorId],
      ['audit', 'recordId', world.reviewId],
      ['audit', 'actorId', world.moderatorId],
    ];
    for (const [resource, target, id] of references) {
      const expected = await t.api.all(resource, { [target]: id });
      expect(expected.length, `${resource}.${target}`).toBe(1);
      const result = await client.getManyReference(resource, {
        target,
        id,
        pagination: { page: 1, perPage: 5 },
        sort: { field: 'id', order: 'ASC' },
        filter: resource === 'audit' ? { resource: 'reviews' } : {},
      });
      expect(result.total, `${resource}.${target}`).toBe(1);
      expect(result.data).toEqual(expected);
    }
    const none = await client.getManyReference('reviews', {
      target: 'doctorId',
      id: world.otherDoctorId,
      pagination: { page: 1, perPage: 5 },
      sort: { field: 'createdAt', order: 'DESC' },
      filter: {},
    });
    expect(none).toEqual({ data: [], total: 0 });
  });

  it('create stores a record of every resource that takes one', async () => {
    const world = await buildWorld(t);
    for (const resource of creatable) {
      const data = createBody(resource, world)!;
      const result = await client.create(resource, { data });
      expect(result.data, resource).toMatchObject(data);
      expect(result.data.id).toEqual(expect.any(Number));
      await expectStoredAs(t.db, resource, result.data);
    }
    const post = sent.at(-1)!;
    expect(post.method).toBe('POST');
    expect(post.headers.get('content-type')).toBe('application/json');
    expect(post.headers.get('x-verity-request')).toBe('1');
  });

  it('update saves what an edit form sends back, and a stale edit is refused', async () => {
    const world = await buildWorld(t);
    for (const resource of creatable) {
      const id = worldId(world, resource);
      const previousData = (await client.getOne(resource, { id })).data;
      const data = { ...previousData, ...writableChange(resource) };
      const result = await client.update(resource, { id, data, previousData });
      const bumped = 'version' in previousData ? { version: previousData.version + 1 } : {};
      expect(withoutChecks(result.data), resource).toEqual(withoutChecks({ ...data, ...bumped }));
      await expectFreshlyChecked(t, resource, result.data);
      await expectStoredAs(t.db, resource, result.data);
    }
    const previousData = (await client.getOne('reviews', { id: world.reviewId })).data;
    const stale = { ...previousData, version: previousData.version - 1, rating: 1 };
    const error = await failure(client.update('reviews', { id: world.reviewId, data: stale, previousData }));
    expect(error.status).toBe(409);
    expect(error.body).toMatchObject({ code: 'conflict', details: { version: previousData.version } });
    expect(error.message).toBe(error.body.message);
    await expectStoredAs(t.db, 'reviews', previousData);
  });

  it('delete removes a record of every resource that offers it', async () => {
    const world = await buildWorld(t);
    for (const resource of deletable) {
      const record = await t.api.created(resource, createBody(resource, world));
      const result = await client.delete(resource, { id: record.id, previousData: record });
      expect(result.data, resource).toEqual(record);
      expect(await storedRow(t.db, resource, record.id)).toBeNull();
    }
    const extra: ApiRecord[] = [];
    for (let i = 0; i < 2; i++)
      extra.push(await t.api.created('reviews', bodies.review(world.otherDoctorId)));
    const many = await client.deleteMany('reviews', { ids: extra.map((r) => r.id) });
    expect(many.data).toEqual(extra.map((r) => r.id));
    expect(await t.api.all('reviews', { doctorId: world.otherDoctorId })).toEqual([]);
  });

  it('rejects with the server’s status and message where the API refuses', async () => {
    const world = await buildWorld(t);
    const before = await rowCounts(t.db);
    const missing = await failure(client.getOne('reviews', { id: 424242 }));
    expect([missing.status, missing.message]).toEqual([404, 'reviews 424242 does not exist']);
    const audit = await failure(client.create('audit', { data: { action: 'approve' } }));
    expect([audit.status, audit.body.code]).toEqual([405, 'method_not_allowed']);
    const moderator = await failure(
      client.delete('moderators', { id: world.moderatorId, previousData: { id: world.moderatorId } }),
    );
    expect(moderator.status).toBe(405);
    const referenced = await failure(
      client.delete('doctors', { id: world.doctorId, previousData: { id: world.doctorId } }),
    );
    expect([referenced.status, referenced.body.code]).toEqual([409, 'conflict']);
    const invalid = await failure(
      client.create('reviews', { data: { ...bodies.review(world.doctorId), rating: 9 } }),
    );
    expect([invalid.status, invalid.body.details[0].path]).toEqual([422, 'rating']);
    const badSort = await failure(
      client.getList('reviews', {
        pagination: { page: 1, perPage: 5 },
        sort: { field: 'reviewerEmail', order: 'ASC' },
        filter: {},
      }),
    );
    expect(badSort.status).toBe(400);
    expect(await rowCounts(t.db)).toEqual(before);
  });
});
