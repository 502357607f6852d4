import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/services/audit';
import {
  type ResourceName,
  resourceNames,
  resourceSpecs,
  serverOwnedFields,
} from '../../src/domain/resources';
import { isChecked, rulesByType } from '../../src/domain/rules/registry';
import { testDialects } from './databases';
import {
  type ApiRecord,
  type ApiResponse,
  bodies,
  buildWorld,
  createBody,
  expectFreshlyChecked,
  expectStoredAs,
  insertModerator,
  passwordHash,
  rowCounts,
  storedRow,
  testAdmin,
  useTestApi,
  type World,
  withoutChecks,
  worldId,
  writableChange,
} from './fixtures';

/** Writing through ra-data-simple-rest's protocol: create, update, delete, and what is refused. */

const creatable = resourceNames.filter((name) => resourceSpecs[name].create !== null);
const versioned = resourceNames.filter((name) => 'version' in resourceSpecs[name].fields);
const deletable = resourceNames.filter((name) => resourceSpecs[name].deletable);

/** A value for a server-owned field that differs from the current one and is valid for its kind. */
function changedValue(resource: ResourceName, field: string, current: ApiRecord, world: World): unknown {
  const { kind, values } = resourceSpecs[resource].fields[field];
  const value = current[field];
  switch (kind) {
    case 'id':
      return value + 1000;
    case 'int':
      return value + 7;
    case 'ref':
      return value === world.moderatorId ? null : world.moderatorId;
    case 'datetime':
      return '2030-01-01T00:00:00.000Z';
    case 'json':
      return [{ ruleId: 'R9', outcome: 'fail', severity: 'high', message: 'changed' }];
    case 'enum':
      return values!.find((v) => v !== value);
    default:
      return value === 'spam' ? 'off_topic' : 'spam';
  }
}

describe.each(testDialects)('writing resources on %s', (dialect) => {
  const t = useTestApi(dialect);

  describe('create', () => {
    it.each(creatable)('POST /api/%s answers 201 with the record it stored', async (resource) => {
      const world = await buildWorld(t);
      t.clock.set('2026-11-02T08:30:00.000Z');
      // The next morning: yesterday's session has ended, so the admin signs in again.
      await t.api.signIn(testAdmin.email);
      const before = await rowCounts(t.db);
      const body = createBody(resource, world)!;
      const response = await t.api.create(resource, body);
      expect(response.status, response.text).toBe(201);
      const { inviteToken, inviteExpiresAt, ...record } = response.body;
      const spec = resourceSpecs[resource];
      expect(Object.keys(record).sort()).toEqual(Object.keys(spec.fields).sort());
      const defaults = isChecked(resource) ? withoutChecks(spec.defaults) : spec.defaults;
      // A pair's images are sent as files; the record describes them as read from their bytes.
      const { before: beforeImage, after: afterImage, ...fields } = body;
      expect(record).toMatchObject({
        ...defaults,
        ...(resource === 'photos' ? fields : body),
        createdAt: '2026-11-02T08:30:00.000Z',
      });
      if (resource === 'photos') {
        for (const image of [record.before, record.after])
          expect(image).toMatchObject({
            mediaType: 'image/jpeg',
            width: 120,
            height: 150,
            exif: { Make: 'Canon' },
          });
        expect([beforeImage, afterImage]).toEqual(['b2', 'a2']);
      }
      await expectFreshlyChecked(t, resource, record);
      expect(record.id).toBe(before[resource] + 1);
      // A new moderator comes with the one-time link to set their password, valid for a week.
      if (resource === 'moderators') {
        expect(inviteToken).toMatch(/^[\w-]{43}$/);
        expect(inviteExpiresAt).toBe('2026-11-09T08:30:00.000Z');
      } else expect([inviteToken, inviteExpiresAt]).toEqual([undefined, undefined]);
      await expectStoredAs(t.db, resource, record);
      expect((await t.api.getOne(resource, record.id)).body).toEqual(record);
      // An uploaded pair keeps each image's original, display version and thumbnail.
      const files = resource === 'photos' ? { media: before.media + 6 } : {};
      expect(await rowCounts(t.db)).toEqual({ ...before, [resource]: before[resource] + 1, ...files });
    });

    it('fills in the optional fields a client leaves out', async () => {
      const world = await buildWorld(t);
      const { practiceDomain, practicePhone, board, boardOrders, ...doctor } = bodies.doctor({
        npi: '1999999999',
      });
      expect([practiceDomain, practicePhone, board, boardOrders]).not.toContain(undefined);
      const created = await t.api.created('doctors', doctor);
      expect(created).toMatchObject({
        practiceDomain: null,
        practicePhone: null,
        board: null,
        documents: [],
        boardOrders: [],
        verificationStatus: 'unverified',
        verifiedAt: null,
        version: 1,
      });
      // A new doctor arrives checked, like every other checked record.
      expect(created.ruleResults.map((r: { ruleId: string }) => r.ruleId)).toEqual(
        rulesByType.doctors.map((r) => r.id),
      );
      const { treatmentDate: _date, ...review } = bodies.review(world.doctorId);
      expect(await t.api.created('reviews', review)).toMatchObject({
        treatmentDate: null,
        status: 'pending',
      });
      const { monthsAfterTreatment: _months, ...photo } = bodies.photo(world.doctorId);
      expect(await t.api.created('photos', photo)).toMatchObject({
        monthsAfterTreatment: null,
        status: 'pending',
      });
      const moderator = await t.api.created('moderators', bodies.moderator({ email: 'new@verity.example' }));
      expect(moderator.active).toBe(true);
      await expectStoredAs(t.db, 'moderators', moderator);
    });

    it('refuses a reference to a record that does not exist with 422, writing nothing', async () => {
      const world = await buildWorld(t);
      const before = await rowCounts(t.db);
      const attempts: [ResourceName, unknown][] = [
        ['answers', bodies.answer({ questionId: world.questionId, doctorId: 999999 })],
        ['answers', bodies.answer({ questionId: 999999, doctorId: world.doctorId })],
        ['reviews', bodies.review(999999)],
        ['photos', bodies.photo(999999)],
      ];
      for (const [resource, body] of attempts) {
        const response = await t.api.create(resource, body);
        expect(response.status, resource).toBe(422);
        expect(response.body).toEqual({ message: 'a referenced record does not exist', code: 'invalid' });
      }
      expect(await rowCounts(t.db)).toEqual(before);
    });

    it('refuses a second moderator with the same email with 409', async () => {
      await t.api.created('moderators', bodies.moderator());
      const before = await rowCounts(t.db);
      const response = await t.api.create('moderators', bodies.moderator({ name: 'Someone Else' }));
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'conflict' });
      expect(typeof response.body.message).toBe('string');
      expect(await rowCounts(t.db)).toEqual(before);
    });

    it('refuses server-owned fields in a create body with 422, writing nothing', async () => {
      const world = await buildWorld(t);
      const before = await rowCounts(t.db);
      const attempts: [ResourceName, Record<string, unknown>][] = [
        ['reviews', { ...bodies.review(world.doctorId), status: 'approved' }],
        ['doctors', { ...bodies.doctor({ npi: '1777777777' }), verificationStatus: 'verified' }],
        [
          'answers',
          { ...bodies.answer({ questionId: world.questionId, doctorId: world.doctorId }), riskScore: 0 },
        ],
        ['questions', { ...bodies.question(), id: 77 }],
        ['moderators', { ...bodies.moderator({ email: 'x@verity.example' }), passwordHash }],
      ];
      for (const [resource, body] of attempts) {
        const response = await t.api.create(resource, body);
        expect(response.status, resource).toBe(422);
        expect(response.body.code).toBe('invalid');
        expect(response.body.details.length).toBeGreaterThan(0);
      }
      expect(await rowCounts(t.db)).toEqual(before);
    });
  });

  describe('update', () => {
    it.each(creatable)('PUT /api/%s/:id saves a changed whole record', async (resource) => {
      const world = await buildWorld(t);
      const id = worldId(world, resource);
      const current = (await t.api.getOne(resource, id)).body;
      const change = writableChange(resource);
      const response = await t.api.update(resource, id, { ...current, ...change });
      expect(response.status, response.text).toBe(200);
      const expected = {
        ...current,
        ...change,
        ...(versioned.includes(resource) ? { version: current.version + 1 } : {}),
      };
      expect(withoutChecks(response.body)).toEqual(withoutChecks(expected));
      await expectFreshlyChecked(t, resource, response.body);
      await expectStoredAs(t.db, resource, response.body);
    });

    it.each(versioned)(
      'PUT /api/%s/:id with a stale version answers 409 and keeps the record',
      async (resource) => {
        const world = await buildWorld(t);
        const id = worldId(world, resource);
        const original = (await t.api.getOne(resource, id)).body;
        const first = await t.api.update(resource, id, { ...original, ...writableChange(resource) });
        expect(first.status).toBe(200);
        expect(first.body.version).toBe(original.version + 1);
        const stale = await t.api.update(resource, id, original);
        expect(stale.status).toBe(409);
        expect(stale.body).toEqual({
          message: `${resource} ${id} changed since version ${original.version}; reload it`,
          code: 'conflict',
          details: { version: original.version + 1 },
        });
        await expectStoredAs(t.db, resource, first.body);
      },
    );

    it('PUT without a version changes only the fields sent', async () => {
      const world = await buildWorld(t);
      const current = (await t.api.getOne('reviews', world.reviewId)).body;
      const response = await t.api.update('reviews', world.reviewId, { rating: 3 });
      expect(response.status).toBe(200);
      expect(withoutChecks(response.body)).toEqual(
        withoutChecks({ ...current, rating: 3, version: current.version + 1 }),
      );
      await expectFreshlyChecked(t, 'reviews', response.body);
      await expectStoredAs(t.db, 'reviews', response.body);
    });

    it.each(creatable)(
      'PUT /api/%s/:id refuses to change a server-owned field with 422',
      async (resource) => {
        const world = await buildWorld(t);
        const id = worldId(world, resource);
        const spec = resourceSpecs[resource];
        const current = (await t.api.getOne(resource, id)).body;
        const outcomes = ['ruleResults', 'riskScore'];
        const owned = Object.keys(spec.fields).filter(
          (f) => serverOwnedFields.has(f) && f !== 'version' && !outcomes.includes(f),
        );
        expect(owned).toEqual(expect.arrayContaining(['id', 'createdAt']));
        for (const field of owned) {
          const value = changedValue(resource, field, current, world);
          expect(value, field).not.toEqual(current[field]);
          const response = await t.api.update(resource, id, { ...current, [field]: value });
          expect(response.status, `${field}: ${response.text}`).toBe(422);
          expect(response.body.code).toBe('invalid');
          expect(response.body.details).toEqual([{ path: field, message: 'read-only field' }]);
          if (field === spec.statusField)
            expect(response.body.message).toContain(`/api/${resource}/${id}/decision`);
        }
        await expectStoredAs(t.db, resource, current);
      },
    );

    it('ignores rule results and risk sent back by an edit form, and checks the item again', async () => {
      const world = await buildWorld(t);
      const current = (await t.api.getOne('reviews', world.reviewId)).body;
      const forged = [{ ruleId: 'REV_DETAIL', outcome: 'pass', severity: 'medium', message: 'fine' }];
      const response = await t.api.update('reviews', world.reviewId, {
        ...current,
        ruleResults: forged,
        riskScore: 0,
        body: 'Great.',
      });
      expect(response.status, response.text).toBe(200);
      expect(response.body.ruleResults).not.toEqual(forged);
      expect(response.body.ruleResults).toContainEqual(
        expect.objectContaining({ ruleId: 'REV_DETAIL', outcome: 'fail' }),
      );
      await expectFreshlyChecked(t, 'reviews', response.body);
      await expectStoredAs(t.db, 'reviews', response.body);
    });

    it('accepts server-owned values sent back unchanged, whatever their key order', async () => {
      const world = await buildWorld(t);
      const current = (await t.api.getOne('photos', world.photoId)).body;
      const reordered = Object.fromEntries(Object.entries(current.before).reverse());
      const response = await t.api.update('photos', world.photoId, {
        ...current,
        before: reordered,
        caption: 'Recaptioned',
      });
      expect(response.status, response.text).toBe(200);
      expect(response.body).toMatchObject({ before: current.before, caption: 'Recaptioned' });
      const changed = await t.api.update('photos', world.photoId, {
        before: { ...current.before, width: 1 },
      });
      expect([changed.status, changed.body.message]).toEqual([422, 'before is set by the server']);
    });

    it('refuses unknown fields and invalid values with 422, changing nothing', async () => {
      const world = await buildWorld(t);
      const review = (await t.api.getOne('reviews', world.reviewId)).body;
      const question = (await t.api.getOne('questions', world.questionId)).body;
      const attempts: [ResourceName, number, Record<string, unknown>, string][] = [
        ['reviews', world.reviewId, { bogus: 1 }, 'bogus'],
        ['reviews', world.reviewId, { rating: 9 }, 'rating'],
        ['reviews', world.reviewId, { rating: '5' }, 'rating'],
        ['reviews', world.reviewId, { reviewerIp: 'not an ip' }, 'reviewerIp'],
        ['reviews', world.reviewId, { version: '1' }, ''],
        ['questions', world.questionId, { version: 1 }, 'version'],
        ['questions', world.questionId, { title: '   ' }, 'title'],
        ['doctors', world.doctorId, { npi: '123' }, 'npi'],
        ['doctors', world.doctorId, { documents: [{ id: 1, fileName: 'license.pdf' }] }, 'documents'],
        [
          'doctors',
          world.doctorId,
          { boardOrders: [{ state: 'TX', kind: 'warning' }] },
          'boardOrders.0.kind',
        ],
      ];
      for (const [resource, id, body, path] of attempts) {
        const response = await t.api.update(resource, id, body);
        expect(response.status, JSON.stringify(body)).toBe(422);
        expect(response.body.code).toBe('invalid');
        if (path) expect(response.body.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      const missingDoctor = await t.api.update('reviews', world.reviewId, { doctorId: 999999 });
      expect(missingDoctor.status).toBe(422);
      await expectStoredAs(t.db, 'reviews', review);
      await expectStoredAs(t.db, 'questions', question);
    });

    it('answers 404 for PUT to a record that does not exist', async () => {
      const world = await buildWorld(t);
      for (const resource of creatable) {
        const response = await t.api.update(resource, 424242, writableChange(resource));
        expect(response.status, resource).toBe(404);
        expect(response.body).toEqual({ message: `${resource} 424242 does not exist`, code: 'not_found' });
      }
      expect(world.doctorId).toBeGreaterThan(0);
    });
  });

  describe('delete', () => {
    it.each(deletable)('DELETE /api/%s/:id answers the deleted record and removes it', async (resource) => {
      const world = await buildWorld(t);
      const record = await t.api.created(resource, createBody(resource, world));
      const before = await rowCounts(t.db);
      const response = await t.api.remove(resource, record.id);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(record);
      expect(await storedRow(t.db, resource, record.id)).toBeNull();
      expect((await t.api.getOne(resource, record.id)).status).toBe(404);
      expect(await rowCounts(t.db)).toEqual({ ...before, [resource]: before[resource] - 1 });
    });

    it('refuses to delete a record that others refer to with 409', async () => {
      const world = await buildWorld(t);
      const before = await rowCounts(t.db);
      for (const [resource, id] of [
        ['doctors', world.doctorId],
        ['questions', world.questionId],
      ] as const) {
        const response = await t.api.remove(resource, id);
        expect(response.status, resource).toBe(409);
        expect(response.body).toEqual({
          message: `${resource} that other records refer to cannot be deleted`,
          code: 'conflict',
        });
        expect(await storedRow(t.db, resource, id)).not.toBeNull();
      }
      expect(await rowCounts(t.db)).toEqual(before);
    });

    it('answers 404 for a record that does not exist', async () => {
      for (const resource of deletable) {
        const response = await t.api.remove(resource, 424242);
        expect(response.status, resource).toBe(404);
        expect(response.body).toEqual({ message: `${resource} 424242 does not exist`, code: 'not_found' });
      }
    });

    it('refuses DELETE of moderators and audit entries with 405', async () => {
      const world = await buildWorld(t);
      const before = await rowCounts(t.db);
      for (const [resource, id] of [
        ['moderators', world.moderatorId],
        ['audit', world.auditId],
      ] as const) {
        const response = await t.api.remove(resource, id);
        expect(response.status, resource).toBe(405);
        expect(response.body).toEqual({
          message: `${resource} cannot be changed with DELETE`,
          code: 'method_not_allowed',
        });
      }
      expect(await rowCounts(t.db)).toEqual(before);
    });
  });

  describe('the audit log', () => {
    it('refuses POST, PUT and DELETE with 405 and stays a valid chain', async () => {
      const world = await buildWorld(t);
      const entry = (await t.api.getOne('audit', world.auditId)).body;
      const before = await rowCounts(t.db);
      const { id: _id, ...fact } = entry;
      const attempts: [string, ApiResponse][] = [
        ['POST', await t.api.create('audit', fact)],
        ['POST', await t.api.create('audit', {})],
        ['PUT', await t.api.update('audit', world.auditId, { ...entry, note: 'rewritten' })],
        ['PUT', await t.api.update('audit', world.auditId, entry)],
        ['DELETE', await t.api.remove('audit', world.auditId)],
      ];
      for (const [method, response] of attempts) {
        expect(response.status).toBe(405);
        expect(response.body).toEqual({
          message: `audit cannot be changed with ${method}`,
          code: 'method_not_allowed',
        });
      }
      expect(await rowCounts(t.db)).toEqual(before);
      await expectStoredAs(t.db, 'audit', entry);
      expect(await verifyAuditChain(t.db.kysely)).toEqual({ ok: true, entries: 1 });
    });
  });

  describe('moderators', () => {
    it('never show a password hash: not in lists, getOne, create or update', async () => {
      const id = await insertModerator(t.db, {
        name: 'Ada Admin',
        email: 'ada@verity.example',
        passwordHash,
      });
      const responses = [
        await t.api.list('moderators'),
        await t.api.list('moderators', { filter: { id: [id] } }),
        await t.api.getOne('moderators', id),
        await t.api.update('moderators', id, { name: 'Ada Admin-Lovelace' }),
        await t.api.create('moderators', bodies.moderator()),
      ];
      const fields = Object.keys(resourceSpecs.moderators.fields);
      for (const [i, response] of responses.entries()) {
        expect(response.status).toBeLessThan(300);
        // The create answers the invitation too (once); nothing else ever does.
        const keys = i === 4 ? [...fields, 'inviteToken', 'inviteExpiresAt'] : fields;
        for (const record of [response.body].flat()) {
          expect(Object.keys(record)).not.toContain('passwordHash');
          expect(Object.keys(record).sort()).toEqual(keys.sort());
        }
        expect(response.text).not.toContain(passwordHash.slice(-20));
      }
      expect(responses[2].body).toMatchObject({ id, name: 'Ada Admin', email: 'ada@verity.example' });
      expect((await storedRow(t.db, 'moderators', id))?.passwordHash).toBe(passwordHash);
    });

    it('cannot be filtered, sorted, searched or updated by password hash', async () => {
      const id = await insertModerator(t.db, {
        name: 'Ada Admin',
        email: 'ada@verity.example',
        passwordHash,
      });
      const filtered = await t.api.list('moderators', { filter: { passwordHash } });
      expect(filtered.status).toBe(400);
      expect(filtered.body).toMatchObject({ code: 'bad_request', details: { param: 'filter' } });
      const sorted = await t.api.list('moderators', { sort: ['passwordHash', 'ASC'] });
      expect(sorted.status).toBe(400);
      expect(sorted.body).toMatchObject({ code: 'bad_request', details: { param: 'sort' } });
      const searched = await t.api.list('moderators', { filter: { q: passwordHash.slice(-20) } });
      expect(searched.body).toEqual([]);
      const updated = await t.api.update('moderators', id, { passwordHash: 'scrypt$attacker' });
      expect(updated.status).toBe(422);
      expect((await storedRow(t.db, 'moderators', id))?.passwordHash).toBe(passwordHash);
    });
  });
});
