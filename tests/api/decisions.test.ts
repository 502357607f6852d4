import { beforeEach, describe, expect, it } from 'vitest';
import { findReason, renderNotice } from '../../src/domain/reasons';
import type { ModeratedResource } from '../../src/domain/transitions';
import { testDialects } from './databases';
import { expectStoredAs, storedRow, testStart, useTestApi } from './fixtures';
import {
  auditRows,
  type Authors,
  decide,
  decideMany,
  expectStatus,
  type Member,
  minutesAfter,
  outboxRows,
  signInAs,
  storeAuthors,
  storeItem,
} from './moderation';

/**
 * POST /api/{res}/{id}/decision and POST /api/{res}/decisions: every path a decision can take,
 * what it stores (the record, one audit entry, the author's notice), and what a refusal leaves
 * behind (nothing).
 */

describe.each(testDialects)('decisions on %s', (dialect) => {
  const t = useTestApi(dialect);
  let authors: Authors;
  let moderator: Member;
  let verifier: Member;
  let senior: Member;

  beforeEach(async () => {
    authors = await storeAuthors(t.db);
    moderator = await signInAs(t, 'moderator', 'Morgan Reyes');
    verifier = await signInAs(t, 'verifier', 'Lena Kowalczyk');
    senior = await signInAs(t, 'senior', 'Marcus Oyelaran');
  });

  /** Asserts the record and the audit log are as they were: a refused decision leaves no trace. */
  async function expectUntouched(resource: ModeratedResource, id: number, before: unknown) {
    expect(await storedRow(t.db, resource, id)).toEqual(before);
    expect(await auditRows(t.db, resource, id)).toEqual([]);
    expect(await outboxRows(t.db, resource, id)).toEqual([]);
  }

  describe('one record', () => {
    it('approves an item: the stored record, one audit entry with the rule results, no notice', async () => {
      const review = await storeItem(t.db, authors, 'reviews');
      const response = expectStatus(
        await decide(moderator.api, 'reviews', review.id, {
          action: 'approve',
          version: 1,
          note: '  Checked the receipt.  ',
        }),
        200,
      );
      expect(response.body).toMatchObject({
        id: review.id,
        status: 'approved',
        version: 2,
        decidedBy: moderator.id,
        decidedAt: testStart,
        reasonCode: null,
        claimedBy: null,
        claimExpiresAt: null,
        title: review.title,
      });
      await expectStoredAs(t.db, 'reviews', response.body);
      const [entry, ...more] = await auditRows(t.db, 'reviews', review.id);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        at: testStart,
        actorId: moderator.id,
        action: 'approve',
        fromStatus: 'pending',
        toStatus: 'approved',
        reasonCode: null,
        note: 'Checked the receipt.',
      });
      expect(JSON.parse(entry.ruleResults!)).toEqual(review.ruleResults);
      expect(await outboxRows(t.db, 'reviews', review.id)).toEqual([]);

      const history = expectStatus(
        await moderator.api.request('GET', `/api/reviews/${review.id}/history`),
        200,
      );
      expect(history.body).toEqual([{ ...entry, ruleResults: review.ruleResults }]);
    });

    it.each<[ModeratedResource, string]>([
      ['answers', 'promotional'],
      ['reviews', 'incentivized'],
      ['photos', 'not_own_photo'],
    ])('rejects %s with a reason and queues the author a notice', async (resource, reasonCode) => {
      const item = await storeItem(t.db, authors, resource);
      const response = expectStatus(
        await decide(moderator.api, resource, item.id, { action: 'reject', reasonCode, version: 1 }),
        200,
      );
      expect(response.body).toMatchObject({
        status: 'rejected',
        reasonCode,
        version: 2,
        decidedBy: moderator.id,
      });
      const [entry] = await auditRows(t.db, resource, item.id);
      expect(entry).toMatchObject({ action: 'reject', toStatus: 'rejected', reasonCode, note: null });

      const values: Record<ModeratedResource, [string, Record<string, string>]> = {
        answers: [authors.doctorName, { authorName: authors.doctorName, title: authors.questionTitle }],
        reviews: [
          String(item.reviewerEmail),
          { title: String(item.title), doctorName: authors.doctorName, procedure: String(item.procedure) },
        ],
        photos: [authors.doctorName, { authorName: authors.doctorName, procedure: String(item.procedure) }],
        doctors: ['', {}],
      };
      const [recipient, filled] = values[resource];
      const text = renderNotice(findReason(resource, reasonCode)!.message, filled);
      expect(text).not.toMatch(/\{\w+\}/);
      const notices = await outboxRows(t.db, resource, item.id);
      expect(notices).toEqual([
        {
          id: expect.any(Number),
          at: testStart,
          resource,
          recordId: item.id,
          recipient,
          template: reasonCode,
          text,
          status: 'queued',
          auditId: entry.id,
        },
      ]);
      const listed = expectStatus(
        await moderator.api.request('GET', `/api/${resource}/${item.id}/notifications`),
        200,
      );
      expect(listed.body).toEqual(notices);
    });

    it('escalates, and only a senior decides the escalated item', async () => {
      const photo = await storeItem(t.db, authors, 'photos');
      expectStatus(
        await decide(moderator.api, 'photos', photo.id, {
          action: 'escalate',
          version: 1,
          note: 'EXIF looks off',
        }),
        200,
      );
      const stored = await storedRow(t.db, 'photos', photo.id);
      const refused = expectStatus(
        await decide(moderator.api, 'photos', photo.id, { action: 'approve', version: 2 }),
        403,
      );
      expect(refused.body).toEqual({
        message: 'a moderator may not approve a record that is escalated',
        code: 'forbidden',
      });
      expect(await storedRow(t.db, 'photos', photo.id)).toEqual(stored);
      const decided = expectStatus(
        await decide(senior.api, 'photos', photo.id, {
          action: 'reject',
          reasonCode: 'edited_photo',
          version: 2,
        }),
        200,
      );
      expect(decided.body).toMatchObject({ status: 'rejected', version: 3, decidedBy: senior.id });
      expect(
        (await auditRows(t.db, 'photos', photo.id)).map((e) => [e.action, e.fromStatus, e.toStatus]),
      ).toEqual([
        ['escalate', 'pending', 'escalated'],
        ['reject', 'escalated', 'rejected'],
      ]);
    });

    it('answers 403 to a role that does not decide the type, and changes nothing', async () => {
      const review = await storeItem(t.db, authors, 'reviews');
      const doctor = await storeItem(t.db, authors, 'doctors');
      const before = [
        await storedRow(t.db, 'reviews', review.id),
        await storedRow(t.db, 'doctors', doctor.id),
      ];
      const byVerifier = await decide(verifier.api, 'reviews', review.id, { action: 'approve', version: 1 });
      expect([byVerifier.status, byVerifier.body]).toEqual([
        403,
        { message: 'a verifier may not decide reviews', code: 'forbidden' },
      ]);
      const byModerator = await decide(moderator.api, 'doctors', doctor.id, { action: 'verify', version: 1 });
      expect([byModerator.status, byModerator.body.code]).toEqual([403, 'forbidden']);
      await expectUntouched('reviews', review.id, before[0]);
      await expectUntouched('doctors', doctor.id, before[1]);
    });

    it('answers 409 with who decided and when to a stale version or an already-decided item', async () => {
      const other = await signInAs(t, 'moderator', 'Aisha Bello');
      const answer = await storeItem(t.db, authors, 'answers');
      t.clock.set(minutesAfter(testStart, 2));
      expectStatus(await decide(other.api, 'answers', answer.id, { action: 'approve', version: 1 }), 200);
      const stored = await storedRow(t.db, 'answers', answer.id);
      const decidedAt = minutesAfter(testStart, 2);

      const stale = expectStatus(
        await decide(moderator.api, 'answers', answer.id, {
          action: 'reject',
          reasonCode: 'promotional',
          version: 1,
        }),
        409,
      );
      expect(stale.body).toEqual({
        message: `answers ${answer.id} changed since version 1: it is approved by Aisha Bello at ${decidedAt}; reload it`,
        code: 'conflict',
        status: 'approved',
        version: 2,
        decidedBy: { id: other.id, name: 'Aisha Bello' },
        decidedAt,
      });
      // With the current version the item is still decided already.
      const decided = expectStatus(
        await decide(moderator.api, 'answers', answer.id, { action: 'approve', version: 2 }),
        409,
      );
      expect(decided.body).toMatchObject({
        code: 'conflict',
        status: 'approved',
        decidedBy: { id: other.id, name: 'Aisha Bello' },
        decidedAt,
      });
      expect(await storedRow(t.db, 'answers', answer.id)).toEqual(stored);
      expect(await auditRows(t.db, 'answers', answer.id)).toHaveLength(1);
    });

    it('answers 409 while someone else holds the item, unless a senior steps in', async () => {
      const other = await signInAs(t, 'moderator', 'Aisha Bello');
      const review = await storeItem(t.db, authors, 'reviews');
      const claimed = expectStatus(await other.api.request('POST', `/api/reviews/${review.id}/claim`), 200);
      const until = minutesAfter(testStart, 5);
      expect(claimed.body).toMatchObject({ claimedBy: other.id, claimExpiresAt: until, version: 1 });
      const before = await storedRow(t.db, 'reviews', review.id);

      const refused = expectStatus(
        await decide(moderator.api, 'reviews', review.id, { action: 'approve', version: 1 }),
        409,
      );
      expect(refused.body).toEqual({
        message: `reviews ${review.id} is claimed by Aisha Bello until ${until}`,
        code: 'claimed',
        status: 'pending',
        claimedBy: { id: other.id, name: 'Aisha Bello' },
        claimExpiresAt: until,
      });
      await expectUntouched('reviews', review.id, before);

      const overridden = expectStatus(
        await decide(senior.api, 'reviews', review.id, { action: 'approve', version: 1 }),
        200,
      );
      expect(overridden.body).toMatchObject({
        status: 'approved',
        decidedBy: senior.id,
        claimedBy: null,
        claimExpiresAt: null,
      });
    });

    it('lets anyone decide once a claim has lapsed, and the holder at any time', async () => {
      const other = await signInAs(t, 'moderator', 'Aisha Bello');
      const [first, second] = [
        await storeItem(t.db, authors, 'answers'),
        await storeItem(t.db, authors, 'answers'),
      ];
      for (const { id } of [first, second]) {
        expectStatus(await other.api.request('POST', `/api/answers/${id}/claim`), 200);
      }
      expectStatus(await decide(other.api, 'answers', first.id, { action: 'approve', version: 1 }), 200);
      t.clock.set(minutesAfter(testStart, 5));
      expectStatus(await decide(moderator.api, 'answers', second.id, { action: 'approve', version: 1 }), 200);
    });

    it('answers 422 to a rejection without a known reason, an invalid transition or a malformed body', async () => {
      const review = await storeItem(t.db, authors, 'reviews');
      const doctor = await storeItem(t.db, authors, 'doctors');
      const before = [
        await storedRow(t.db, 'reviews', review.id),
        await storedRow(t.db, 'doctors', doctor.id),
      ];
      const cases: [ModeratedResource, number, Record<string, unknown>, string][] = [
        ['reviews', review.id, { action: 'reject', version: 1 }, 'reject needs a reason code'],
        [
          'reviews',
          review.id,
          { action: 'reject', reasonCode: null, version: 1 },
          'reject needs a reason code',
        ],
        [
          'reviews',
          review.id,
          { action: 'reject', reasonCode: 'negative_review', version: 1 },
          'negative_review is not a reason for reviews',
        ],
        [
          'reviews',
          review.id,
          { action: 'reject', reasonCode: 'npi_invalid', version: 1 },
          'npi_invalid is not a reason for reviews',
        ],
        [
          'reviews',
          review.id,
          { action: 'approve', reasonCode: 'duplicate', version: 1 },
          'approve takes no reason code; write a note instead',
        ],
        ['reviews', review.id, { action: 'revert', version: 1 }, 'cannot revert a record that is pending'],
        ['reviews', review.id, { action: 'verify', version: 1 }, 'reviews have no action verify'],
        [
          'doctors',
          doctor.id,
          { action: 'suspend', reasonCode: 'license_suspended', version: 1 },
          'cannot suspend a record that is pending',
        ],
        ['doctors', doctor.id, { action: 'approve', version: 1 }, 'doctors have no action approve'],
        [
          'reviews',
          review.id,
          { action: 'approve' },
          'version: Invalid input: expected number, received undefined',
        ],
        [
          'reviews',
          review.id,
          { action: 'approve', version: 1, status: 'approved' },
          'Unrecognized key: "status"',
        ],
        ['reviews', review.id, { action: 'publish', version: 1 }, 'action: Invalid option'],
      ];
      for (const [resource, id, body, message] of cases) {
        const who = resource === 'doctors' ? senior : moderator;
        const response = await who.api.request('POST', `/api/${resource}/${id}/decision`, { json: body });
        expect([response.status, response.body.code], JSON.stringify(body)).toEqual([422, 'invalid']);
        expect(response.body.message, JSON.stringify(body)).toContain(message);
      }
      await expectUntouched('reviews', review.id, before[0]);
      await expectUntouched('doctors', doctor.id, before[1]);
    });

    it('answers 404 for a record that does not exist and 400 for an id that is not one', async () => {
      const missing = await decide(moderator.api, 'reviews', 999, { action: 'approve', version: 1 });
      expect([missing.status, missing.body]).toEqual([
        404,
        { message: 'reviews 999 does not exist', code: 'not_found' },
      ]);
      const malformed = await moderator.api.request('POST', '/api/reviews/abc/decision', {
        json: { action: 'approve', version: 1 },
      });
      expect([malformed.status, malformed.body.code]).toEqual([400, 'bad_request']);
    });

    it('reverts within the window for the decider, never after; seniors revert at any time', async () => {
      const [mine, late] = [
        await storeItem(t.db, authors, 'reviews'),
        await storeItem(t.db, authors, 'reviews'),
      ];
      expectStatus(
        await decide(moderator.api, 'reviews', mine.id, {
          action: 'reject',
          reasonCode: 'duplicate',
          version: 1,
        }),
        200,
      );
      expectStatus(await decide(moderator.api, 'reviews', late.id, { action: 'approve', version: 1 }), 200);

      t.clock.set(minutesAfter(testStart, 10));
      const undone = expectStatus(
        await decide(moderator.api, 'reviews', mine.id, { action: 'revert', version: 2, note: 'Wrong tab' }),
        200,
      );
      expect(undone.body).toMatchObject({
        status: 'pending',
        version: 3,
        decidedBy: null,
        decidedAt: null,
        reasonCode: null,
      });
      expect(
        (await auditRows(t.db, 'reviews', mine.id)).map((e) => [e.action, e.toStatus, e.reasonCode, e.note]),
      ).toEqual([
        ['reject', 'rejected', 'duplicate', null],
        ['revert', 'pending', null, 'Wrong tab'],
      ]);
      // The notice was queued with the rejection; the revert is a new fact, not a rewrite of the old.
      expect(await outboxRows(t.db, 'reviews', mine.id)).toHaveLength(1);

      t.clock.set(minutesAfter(testStart, 10.5));
      const tooLate = expectStatus(
        await decide(moderator.api, 'reviews', late.id, { action: 'revert', version: 2 }),
        403,
      );
      expect(tooLate.body).toEqual({
        message: 'only the moderator who decided may revert it, within 10 minutes',
        code: 'forbidden',
      });
      const other = await signInAs(t, 'moderator', 'Aisha Bello');
      expectStatus(await decide(other.api, 'reviews', late.id, { action: 'revert', version: 2 }), 403);

      // A month later, and signed in again: seniors still may.
      t.clock.set(minutesAfter(testStart, 60 * 24 * 30));
      await senior.api.signIn(senior.email);
      const reverted = expectStatus(
        await decide(senior.api, 'reviews', late.id, { action: 'revert', version: 2 }),
        200,
      );
      expect(reverted.body).toMatchObject({ status: 'pending', version: 3 });
    });

    it('takes a doctor through submit, two verifications, suspend, reinstate and a rejection', async () => {
      const doctor = await storeItem(t.db, authors, 'doctors', { verificationStatus: 'unverified' });
      const step = async (who: Member, body: { action: string; reasonCode?: string }, version: number) =>
        expectStatus(await decide(who.api, 'doctors', doctor.id, { ...body, version }), 200).body;

      expect(await step(verifier, { action: 'submit' }, 1)).toMatchObject({
        verificationStatus: 'pending',
        version: 2,
      });
      t.clock.set(minutesAfter(testStart, 1));
      expect(await step(verifier, { action: 'verify' }, 2)).toMatchObject({
        verificationStatus: 'awaiting_confirmation',
        verifiedAt: null,
        decidedBy: verifier.id,
        version: 3,
      });
      t.clock.set(minutesAfter(testStart, 2));
      const verified = await step(senior, { action: 'verify' }, 3);
      expect(verified).toMatchObject({
        verificationStatus: 'verified',
        verifiedAt: minutesAfter(testStart, 2),
        verifiedBy: senior.id,
        decidedBy: senior.id,
        version: 4,
      });
      t.clock.set(minutesAfter(testStart, 3));
      const suspended = await step(verifier, { action: 'suspend', reasonCode: 'license_suspended' }, 4);
      expect(suspended).toMatchObject({
        verificationStatus: 'suspended',
        reasonCode: 'license_suspended',
        verifiedAt: minutesAfter(testStart, 2),
      });
      const [notice] = await outboxRows(t.db, 'doctors', doctor.id);
      expect(notice).toMatchObject({ recipient: String(doctor.name), template: 'license_suspended' });
      expect(notice.text).toContain(`license ${String(doctor.licenseNumber)}`);
      t.clock.set(minutesAfter(testStart, 4));
      expect(await step(verifier, { action: 'reinstate' }, 5)).toMatchObject({
        verificationStatus: 'verified',
        verifiedAt: minutesAfter(testStart, 4),
        reasonCode: null,
      });
      const reverted = await step(verifier, { action: 'revert' }, 6);
      expect(reverted).toMatchObject({ verificationStatus: 'pending', verifiedAt: null, verifiedBy: null });
      expect(await step(verifier, { action: 'reject', reasonCode: 'npi_invalid' }, 7)).toMatchObject({
        verificationStatus: 'rejected',
      });
      expect(
        (await auditRows(t.db, 'doctors', doctor.id)).map(
          (e) => `${e.actorId} ${e.fromStatus}>${e.toStatus}`,
        ),
      ).toEqual([
        `${verifier.id} unverified>pending`,
        `${verifier.id} pending>awaiting_confirmation`,
        `${senior.id} awaiting_confirmation>verified`,
        `${verifier.id} verified>suspended`,
        `${verifier.id} suspended>verified`,
        `${verifier.id} verified>pending`,
        `${verifier.id} pending>rejected`,
      ]);
      expect((await outboxRows(t.db, 'doctors', doctor.id)).map((n) => n.template)).toEqual([
        'license_suspended',
        'npi_invalid',
      ]);
    });

    it('keeps refusing status changes through a plain PUT', async () => {
      const review = await storeItem(t.db, authors, 'reviews');
      const response = await t.api.update('reviews', review.id, { status: 'approved' });
      expect([response.status, response.body.message]).toEqual([
        422,
        `status is set by the server: use POST /api/reviews/${review.id}/decision`,
      ]);
    });
  });

  describe('in bulk', () => {
    it('decides each id on its own: ok, conflict, forbidden, invalid and not found side by side', async () => {
      const other = await signInAs(t, 'moderator', 'Aisha Bello');
      const mine = await storeItem(t.db, authors, 'reviews');
      const theirs = await storeItem(t.db, authors, 'reviews');
      const pending = await storeItem(t.db, authors, 'reviews');
      const held = await storeItem(t.db, authors, 'reviews');
      expectStatus(await decide(moderator.api, 'reviews', mine.id, { action: 'approve', version: 1 }), 200);
      expectStatus(await decide(other.api, 'reviews', theirs.id, { action: 'approve', version: 1 }), 200);
      expectStatus(await decide(moderator.api, 'reviews', held.id, { action: 'escalate', version: 1 }), 200);
      expectStatus(await other.api.request('POST', `/api/reviews/${held.id}/claim`), 200);
      const untouched = [theirs, pending, held].map((r) => r.id);
      const before = await Promise.all(untouched.map((id) => storedRow(t.db, 'reviews', id)));
      const auditBefore = await Promise.all(untouched.map((id) => auditRows(t.db, 'reviews', id)));

      t.clock.set(minutesAfter(testStart, 3));
      const response = expectStatus(
        await decideMany(moderator.api, 'reviews', {
          ids: [mine.id, theirs.id, pending.id, held.id, 999],
          action: 'revert',
          note: 'Undo the batch',
        }),
        200,
      );
      const results: { id: number; status: string; message?: string; record?: { status: string } }[] =
        response.body.results;
      expect(results.map((r) => [r.id, r.status])).toEqual([
        [mine.id, 'ok'],
        [theirs.id, 'forbidden'],
        [pending.id, 'invalid'],
        [held.id, 'conflict'],
        [999, 'not_found'],
      ]);
      expect(results[0].record).toMatchObject({ id: mine.id, status: 'pending', version: 3 });
      expect(results[1].message).toBe('only the moderator who decided may revert it, within 10 minutes');
      expect(results[3].message).toContain('is claimed by Aisha Bello');
      expect(results.slice(1).every((r) => r.record === undefined && typeof r.message === 'string')).toBe(
        true,
      );

      expect(await storedRow(t.db, 'reviews', mine.id)).toMatchObject({ status: 'pending', version: 3 });
      expect((await auditRows(t.db, 'reviews', mine.id)).map((e) => [e.action, e.note])).toEqual([
        ['approve', null],
        ['revert', 'Undo the batch'],
      ]);
      expect(await Promise.all(untouched.map((id) => storedRow(t.db, 'reviews', id)))).toEqual(before);
      expect(await Promise.all(untouched.map((id) => auditRows(t.db, 'reviews', id)))).toEqual(auditBefore);
    });

    it('rejects many with one reason, queuing a notice for each rejected item', async () => {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await storeItem(t.db, authors, 'answers'));
      expectStatus(
        await decide(senior.api, 'answers', answers[2].id, { action: 'approve', version: 1 }),
        200,
      );
      const response = expectStatus(
        await decideMany(moderator.api, 'answers', {
          ids: answers.map((a) => a.id),
          action: 'reject',
          reasonCode: 'misleading_claim',
        }),
        200,
      );
      expect(response.body.results.map((r: { status: string }) => r.status)).toEqual([
        'ok',
        'ok',
        'conflict',
      ]);
      expect(response.body.results[2].message).toBe(
        `answers ${answers[2].id} was decided: it is approved by Marcus Oyelaran at ${testStart}; reload it`,
      );
      for (const [i, answer] of answers.entries()) {
        const notices = await outboxRows(t.db, 'answers', answer.id);
        expect(notices.map((n) => n.template)).toEqual(i < 2 ? ['misleading_claim'] : []);
      }
    });

    it('refuses the whole request when the request itself is wrong', async () => {
      const reviews = [await storeItem(t.db, authors, 'reviews'), await storeItem(t.db, authors, 'reviews')];
      const ids = reviews.map((r) => r.id);
      const before = await Promise.all(ids.map((id) => storedRow(t.db, 'reviews', id)));
      const refusals: [Record<string, unknown>, number, string][] = [
        [{ ids, action: 'reject' }, 422, 'reject needs a reason code'],
        [
          { ids, action: 'reject', reasonCode: 'rude_to_doctor' },
          422,
          'rude_to_doctor is not a reason for reviews',
        ],
        [{ ids, action: 'suspend', reasonCode: 'duplicate' }, 422, 'reviews have no action suspend'],
        [{ ids: [], action: 'approve' }, 422, 'ids'],
        [{ ids: [ids[0], ids[0]], action: 'approve' }, 422, 'ids must be distinct'],
        [{ ids: Array.from({ length: 201 }, (_, i) => i + 1), action: 'approve' }, 422, 'ids'],
        [{ ids: [0], action: 'approve' }, 422, 'ids.0'],
      ];
      for (const [body, status, message] of refusals) {
        const response = await decideMany(moderator.api, 'reviews', body);
        expect(response.status, JSON.stringify(body)).toBe(status);
        expect(response.body.message, JSON.stringify(body)).toContain(message);
      }
      const forbidden = await decideMany(verifier.api, 'reviews', { ids, action: 'approve' });
      expect([forbidden.status, forbidden.body.code]).toEqual([403, 'forbidden']);
      expect(await Promise.all(ids.map((id) => storedRow(t.db, 'reviews', id)))).toEqual(before);
      expect(await t.db.kysely.selectFrom('audit').selectAll().execute()).toEqual([]);
    });

    it('takes up to 200 ids in one request', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 200; i++) ids.push((await storeItem(t.db, authors, 'photos')).id);
      const response = expectStatus(
        await decideMany(moderator.api, 'photos', { ids, action: 'approve' }),
        200,
      );
      expect(response.body.results.filter((r: { status: string }) => r.status === 'ok')).toHaveLength(200);
      const approved = await t.db.kysely
        .selectFrom('photos')
        .select('id')
        .where('status', '=', 'approved')
        .execute();
      expect(approved).toHaveLength(200);
    });
  });
});
