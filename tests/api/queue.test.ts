import { beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from './databases';
import { storedRow, testStart, useTestApi } from './fixtures';
import {
  auditRows,
  type Authors,
  claim,
  decide,
  expectStatus,
  type Member,
  minutesAfter,
  next,
  release,
  signInAs,
  storeAuthors,
  storeItem,
} from './moderation';

/**
 * POST /api/queue/next and the claims behind it: the riskiest, oldest item first, never the same
 * item to two moderators, leases that lapse on their own, and one winner when many decide at once.
 */

describe.each(testDialects)('the queue on %s', (dialect) => {
  const t = useTestApi(dialect);
  let authors: Authors;
  let moderator: Member;

  beforeEach(async () => {
    authors = await storeAuthors(t.db);
    moderator = await signInAs(t, 'moderator', 'Morgan Reyes');
  });

  const day = (n: number) => `2026-10-0${n}T12:00:00.000Z`;

  it('hands out the riskiest pending item first, then the oldest, then by id, claimed for 5 minutes', async () => {
    const review = await storeItem(t.db, authors, 'reviews', { riskScore: 50, createdAt: day(2) });
    const newerAnswer = await storeItem(t.db, authors, 'answers', { riskScore: 90, createdAt: day(3) });
    const olderPhoto = await storeItem(t.db, authors, 'photos', { riskScore: 90, createdAt: day(1) });
    const twinA = await storeItem(t.db, authors, 'reviews', { riskScore: 10, createdAt: day(1) });
    const twinB = await storeItem(t.db, authors, 'reviews', { riskScore: 10, createdAt: day(1) });
    // Never handed out: decided, escalated, held by someone, or a type a moderator does not decide.
    await storeItem(t.db, authors, 'reviews', { riskScore: 100, status: 'approved' });
    await storeItem(t.db, authors, 'answers', { riskScore: 100, status: 'escalated' });
    await storeItem(t.db, authors, 'photos', {
      riskScore: 100,
      claimedBy: t.adminId,
      claimExpiresAt: minutesAfter(testStart, 1),
    });
    await storeItem(t.db, authors, 'doctors', { riskScore: 100 });

    const handedOut: [string, number][] = [];
    for (;;) {
      const response = await next(moderator.api);
      if (response.status === 204) break;
      expectStatus(response, 200);
      expect(response.body.record).toMatchObject({
        claimedBy: moderator.id,
        claimExpiresAt: minutesAfter(testStart, 5),
        status: 'pending',
        version: 1,
      });
      handedOut.push([response.body.resource, response.body.record.id]);
    }
    expect(handedOut).toEqual([
      ['photos', olderPhoto.id],
      ['answers', newerAnswer.id],
      ['reviews', review.id],
      ['reviews', twinA.id],
      ['reviews', twinB.id],
    ]);
    const nothing = await next(moderator.api);
    expect([nothing.status, nothing.text]).toEqual([204, '']);
  });

  it('serves only the types asked for, and only types the caller decides', async () => {
    const review = await storeItem(t.db, authors, 'reviews', { riskScore: 10 });
    await storeItem(t.db, authors, 'answers', { riskScore: 90 });
    const doctor = await storeItem(t.db, authors, 'doctors', { riskScore: 5 });
    const reviews = expectStatus(await next(moderator.api, ['reviews']), 200);
    expect([reviews.body.resource, reviews.body.record.id]).toEqual(['reviews', review.id]);

    const refused = await next(moderator.api, ['reviews', 'doctors']);
    expect([refused.status, refused.body]).toEqual([
      403,
      { message: 'a moderator may not decide doctors', code: 'forbidden' },
    ]);
    const verifier = await signInAs(t, 'verifier', 'Lena Kowalczyk');
    const doctors = expectStatus(await next(verifier.api), 200);
    expect([doctors.body.resource, doctors.body.record.id, doctors.body.record.verificationStatus]).toEqual([
      'doctors',
      doctor.id,
      'pending',
    ]);
    for (const body of [{ types: ['questions'] }, { types: [] }, { kinds: ['reviews'] }]) {
      const response = await moderator.api.request('POST', '/api/queue/next', { json: body });
      expect([response.status, response.body.code], JSON.stringify(body)).toEqual([422, 'invalid']);
    }
  });

  it('gives 20 moderators asking at once the 20 items there are, each a different one', async () => {
    // As many items as callers: a caller kept from an item another did not take would get a 204.
    for (let i = 0; i < 20; i++) {
      await storeItem(t.db, authors, (['answers', 'reviews', 'photos'] as const)[i % 3], {
        riskScore: i % 4,
      });
    }
    const team: Member[] = [];
    for (let i = 0; i < 20; i++) team.push(await signInAs(t, 'moderator', `Queue Moderator ${i}`));
    const responses = await Promise.all(team.map((member) => next(member.api)));
    const items = responses.map((response, i) => {
      expectStatus(response, 200);
      expect(response.body.record.claimedBy).toBe(team[i].id);
      return `${response.body.resource}/${response.body.record.id}`;
    });
    expect(new Set(items).size).toBe(20);
    const claimed = await Promise.all(
      (['answers', 'reviews', 'photos'] as const).map((table) =>
        t.db.kysely
          .selectFrom(table)
          .select(['id', 'claimedBy'])
          .where('claimedBy', 'is not', null)
          .execute(),
      ),
    );
    expect(claimed.flat()).toHaveLength(20);
    expect((await next(moderator.api)).status).toBe(204);
  });

  it('lets exactly one of 10 moderators deciding the same item at once win', async () => {
    const review = await storeItem(t.db, authors, 'reviews');
    const team: Member[] = [];
    for (let i = 0; i < 10; i++) team.push(await signInAs(t, 'moderator', `Racer ${i}`));
    const responses = await Promise.all(
      team.map((member, i) =>
        i % 2 === 0
          ? decide(member.api, 'reviews', review.id, { action: 'approve', version: 1 })
          : decide(member.api, 'reviews', review.id, {
              action: 'reject',
              reasonCode: 'duplicate',
              version: 1,
            }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const winner = responses.find((r) => r.status === 200)!.body;
    for (const response of responses.filter((r) => r.status === 409)) {
      expect(response.body).toMatchObject({
        code: 'conflict',
        status: winner.status,
        decidedBy: { id: winner.decidedBy },
      });
    }
    const entries = await auditRows(t.db, 'reviews', review.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: winner.decidedBy, toStatus: winner.status });
    expect(await storedRow(t.db, 'reviews', review.id)).toMatchObject({ version: 2, status: winner.status });
  });

  it('lets a claim lapse after 5 minutes, and renews it for the holder', async () => {
    const other = await signInAs(t, 'moderator', 'Aisha Bello');
    const review = await storeItem(t.db, authors, 'reviews');
    const first = expectStatus(await next(moderator.api), 200);
    expect(first.body.record.id).toBe(review.id);
    expect((await next(other.api)).status).toBe(204);

    // Renewed at 4 minutes, the claim holds until 9.
    t.clock.set(minutesAfter(testStart, 4));
    const renewed = expectStatus(await claim(moderator.api, 'reviews', review.id), 200);
    expect(renewed.body.claimExpiresAt).toBe(minutesAfter(testStart, 9));
    t.clock.set(minutesAfter(testStart, 8));
    expect((await next(other.api)).status).toBe(204);
    const held = await claim(other.api, 'reviews', review.id);
    expect([held.status, held.body.code, held.body.claimedBy]).toEqual([
      409,
      'claimed',
      { id: moderator.id, name: 'Morgan Reyes' },
    ]);

    t.clock.set(minutesAfter(testStart, 9));
    const taken = expectStatus(await next(other.api), 200);
    expect(taken.body.record).toMatchObject({ id: review.id, claimedBy: other.id });
    const late = await decide(moderator.api, 'reviews', review.id, { action: 'approve', version: 1 });
    expect([late.status, late.body.code]).toEqual([409, 'claimed']);
  });

  it('releases a claim for its holder only, and claims nothing left to decide', async () => {
    const other = await signInAs(t, 'moderator', 'Aisha Bello');
    const review = await storeItem(t.db, authors, 'reviews');
    expectStatus(await claim(moderator.api, 'reviews', review.id), 200);
    const notTheirs = await release(other.api, 'reviews', review.id);
    expect([notTheirs.status, notTheirs.body.code]).toEqual([409, 'claimed']);

    const released = expectStatus(await release(moderator.api, 'reviews', review.id), 200);
    expect(released.body).toMatchObject({ id: review.id, claimedBy: null, claimExpiresAt: null, version: 1 });
    // Releasing again changes nothing and is no error.
    expect((await release(moderator.api, 'reviews', review.id)).body).toEqual(released.body);
    expectStatus(await claim(other.api, 'reviews', review.id), 200);

    const approved = await storeItem(t.db, authors, 'reviews', { status: 'approved', decidedBy: other.id });
    const closed = await claim(moderator.api, 'reviews', approved.id);
    expect([closed.status, closed.body.code, closed.body.status]).toEqual([409, 'conflict', 'approved']);
    expect((await claim(moderator.api, 'reviews', 999)).status).toBe(404);
    expect((await claim(moderator.api, 'doctors', review.id)).status).toBe(403);
  });
});
