import { beforeEach, describe, expect, it } from 'vitest';
import { daysEnding } from '../../src/domain/stats';
import { testDialects } from './databases';
import { type Api, type ApiRecord, useTestApi } from './fixtures';
import {
  type Authors,
  claim,
  decide,
  expectStatus,
  type Member,
  signInAs,
  storeAuthors,
  storeItem,
} from './moderation';

/**
 * GET /api/stats/* and GET /api/reports/transparency against figures worked out by hand on a
 * small history of reviews, whose decisions are taken through the API at set instants. The clock
 * stands at Sunday 2026-11-01 09:00 UTC, so the week began on Monday 2026-10-26.
 */

const now = '2026-11-01T09:00:00.000Z';
const days = daysEnding('2026-11-01', 30);

describe.each(testDialects)('statistics on %s', (dialect) => {
  const t = useTestApi(dialect);
  let authors: Authors;
  let morgan: Member;
  let senior: Member;

  beforeEach(async () => {
    authors = await storeAuthors(t.db);
    morgan = await signInAs(t, 'moderator', 'Morgan Reyes');
    senior = await signInAs(t, 'senior', 'Marcus Oyelaran');
  });

  const get = async (api: Api, path: string) => expectStatus(await api.request('GET', path), 200).body;

  /** At `claimedAt` the moderator claims the item, and decides it at `decidedAt`. */
  async function decideAt(
    member: Member,
    item: ApiRecord,
    action: string,
    claimedAt: string | null,
    decidedAt: string,
    reasonCode?: string,
  ) {
    if (claimedAt) {
      t.clock.set(claimedAt);
      expectStatus(await claim(member.api, 'reviews', item.id), 200);
    }
    t.clock.set(decidedAt);
    const version = (await t.api.getOne('reviews', item.id)).body.version;
    expectStatus(await decide(member.api, 'reviews', item.id, { action, version, reasonCode }), 200);
  }

  const review = (createdAt: string, values: Record<string, unknown> = {}) =>
    storeItem(t.db, authors, 'reviews', { createdAt, ...values });

  /**
   * R1 waits from 10-20 until approved on Sunday 10-25 (claimed for 2 minutes, the claim renewed
   * once); R2 arrives 10-31 23:00 and is rejected 30 s after midnight; R3 and R4 still wait; R5
   * has waited since September; R6 arrives 10-31 and is escalated at the last millisecond of the day.
   */
  async function storeHistory() {
    const r1 = await review('2026-10-20T12:00:00.000Z');
    const r2 = await review('2026-10-31T23:00:00.000Z');
    const r3 = await review('2026-10-29T08:00:00.000Z');
    const r4 = await review('2026-11-01T08:00:00.000Z');
    const r5 = await review('2026-09-01T00:00:00.000Z');
    const r6 = await review('2026-10-31T10:00:00.000Z');
    t.clock.set('2026-10-25T09:58:00.000Z');
    expectStatus(await claim(morgan.api, 'reviews', r1.id), 200);
    await decideAt(morgan, r1, 'approve', '2026-10-25T09:59:00.000Z', '2026-10-25T10:00:00.000Z');
    await decideAt(morgan, r6, 'escalate', '2026-10-31T23:56:00.000Z', '2026-10-31T23:59:59.999Z');
    await decideAt(morgan, r2, 'reject', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:30.000Z', 'duplicate');
    t.clock.set(now);
    return { r1, r2, r3, r4, r5, r6 };
  }

  it('counts each queue: waiting, the oldest against its target, decided today and this week', async () => {
    await storeHistory();
    const body = await get(t.api, '/api/stats/queues');
    expect(body).toMatchObject({ asOf: now, today: '2026-11-01', weekStart: '2026-10-26' });
    const reviews = body.queues.find((q: ApiRecord) => q.resource === 'reviews');
    expect(reviews).toEqual({
      resource: 'reviews',
      pending: 3,
      escalated: 1,
      oldestPendingAt: '2026-09-01T00:00:00.000Z',
      targetHours: 48,
      // R5 and R3 arrived before 10-30 09:00; R4 did not.
      overTarget: 2,
      overTargetBefore: '2026-10-30T09:00:00.000Z',
      // The rejection 30 s after midnight is today's; the escalation a millisecond before it is not.
      decidedToday: 1,
      // Sunday 10-25's approval belongs to last week.
      decidedThisWeek: 2,
    });
    expect(body.queues.map((q: ApiRecord) => q.resource)).toEqual([
      'answers',
      'reviews',
      'photos',
      'doctors',
    ]);
    expect(body.queues.find((q: ApiRecord) => q.resource === 'answers')).toMatchObject({
      pending: 0,
      oldestPendingAt: null,
      targetHours: 24,
      overTarget: 0,
      decidedToday: 0,
    });
  });

  it('counts the pending figure the list filtered the same way shows', async () => {
    await storeHistory();
    const { queues } = await get(t.api, '/api/stats/queues');
    const reviews = queues.find((q: ApiRecord) => q.resource === 'reviews');
    const list = await t.api.list('reviews', {
      filter: { status: 'pending', createdAt_lte: reviews.overTargetBefore },
      range: [0, 9],
    });
    expect(list.headers.get('content-range')).toBe(`reviews 0-1/${reviews.overTarget}`);
  });

  it('takes a changed target from the settings, and an admin may change it', async () => {
    await storeHistory();
    expectStatus(await t.api.update('settings', 'dashboard.targetHours.reviews', { value: 100 }), 200);
    expectStatus(await morgan.api.update('settings', 'dashboard.targetHours.reviews', { value: 10 }), 403);
    expectStatus(await t.api.update('settings', 'dashboard.targetHours.reviews', { value: 0 }), 422);
    const { queues } = await get(t.api, '/api/stats/queues');
    expect(queues.find((q: ApiRecord) => q.resource === 'reviews')).toMatchObject({
      targetHours: 100,
      overTargetBefore: '2026-10-28T05:00:00.000Z',
      overTarget: 1,
    });
  });

  it('gives the depth of each queue at the end of each of the last 30 days', async () => {
    await storeHistory();
    const body = await get(t.api, '/api/stats/queue-depth');
    expect(body.days).toEqual(days);
    expect(days[0]).toBe('2026-10-03');
    const depthOn = (day: string) => {
      if (day < '2026-10-20') return 1; // R5
      if (day < '2026-10-25') return 2; // R5, R1
      if (day < '2026-10-29') return 1; // R5
      if (day < '2026-10-31') return 2; // R5, R3
      return 3; // 10-31: R5, R3, R2 (R6 left a millisecond before midnight); 11-01: R5, R3, R4
    };
    expect(body.series).toEqual([
      { resource: 'answers', counts: days.map(() => 0) },
      { resource: 'reviews', counts: days.map(depthOn) },
      { resource: 'photos', counts: days.map(() => 0) },
      { resource: 'doctors', counts: days.map(() => 0) },
    ]);
  });

  it('follows a doctor from where the audit log shows they arrived', async () => {
    const verifier = await signInAs(t, 'verifier', 'Lena Kowalczyk');
    // Arrived already submitted (no audit entry says so), rejected on 10-30.
    const submitted = await storeItem(t.db, authors, 'doctors', { createdAt: '2026-10-28T10:00:00.000Z' });
    // Arrived unverified on 10-27 and submitted on 10-29: in the queue from then on.
    const unverified = await storeItem(t.db, authors, 'doctors', {
      createdAt: '2026-10-27T10:00:00.000Z',
      verificationStatus: 'unverified',
    });
    const decideDoctor = async (id: number, action: string, at: string, reasonCode?: string) => {
      t.clock.set(at);
      const { version } = (await t.api.getOne('doctors', id)).body;
      expectStatus(await decide(verifier.api, 'doctors', id, { action, version, reasonCode }), 200);
    };
    await decideDoctor(unverified.id, 'submit', '2026-10-29T12:00:00.000Z');
    await decideDoctor(submitted.id, 'reject', '2026-10-30T12:00:00.000Z', 'npi_invalid');
    t.clock.set(now);
    const { series } = await get(t.api, '/api/stats/queue-depth');
    const depth = { '2026-10-28': 1, '2026-10-29': 2 } as Record<string, number>;
    expect(series.find((s: ApiRecord) => s.resource === 'doctors').counts).toEqual(
      days.map((d) => depth[d] ?? (d >= '2026-10-30' ? 1 : 0)),
    );
  });

  it('counts decisions per day and action', async () => {
    await storeHistory();
    const body = await get(t.api, '/api/stats/decisions');
    expect(body.days).toEqual(days);
    const series = (action: string) =>
      body.series.find((s: ApiRecord) => s.resource === 'reviews' && s.action === action).counts;
    const only = (day: string) => days.map((d) => (d === day ? 1 : 0));
    expect(series('approve')).toEqual(only('2026-10-25'));
    expect(series('escalate')).toEqual(only('2026-10-31'));
    expect(series('reject')).toEqual(only('2026-11-01'));
    expect(
      body.series.filter((s: ApiRecord) => s.resource === 'doctors').map((s: ApiRecord) => s.action),
    ).toEqual(['verify', 'reject', 'request_info', 'suspend', 'reinstate']);
  });

  it('measures handling from claim to decision, a renewal continuing the claim', async () => {
    await storeHistory();
    // An item decided straight from a list, without a claim, has no handling time.
    const unclaimed = await review('2026-10-30T00:00:00.000Z');
    await decideAt(morgan, unclaimed, 'approve', null, '2026-11-01T08:00:00.000Z');
    t.clock.set(now);
    const body = await get(t.api, '/api/stats/handling');
    expect(body).toMatchObject({ from: '2026-10-03', to: '2026-11-01' });
    // 30 000, 120 000 (09:58 to 10:00, renewed at 09:59) and 239 999 ms: nearest ranks 2 and 3.
    expect(body.types.find((h: ApiRecord) => h.resource === 'reviews')).toEqual({
      resource: 'reviews',
      decisions: 3,
      medianMs: 120_000,
      p90Ms: 239_999,
    });
    expect(body.types.find((h: ApiRecord) => h.resource === 'photos')).toEqual({
      resource: 'photos',
      decisions: 0,
      medianMs: null,
      p90Ms: null,
    });
  });

  it('ranks the rules the waiting items fail, as the filtered list counts them', async () => {
    const { r1, r3, r4 } = await storeHistory();
    await t.db.kysely
      .insertInto('ruleFindings')
      .values(
        [
          [r1, 'REV_SAME_IP'],
          [r3, 'REV_SAME_IP'],
          [r4, 'REV_SAME_IP'],
          [r4, 'REV_INCENTIVE'],
        ].map(([item, ruleId]) => ({
          resource: 'reviews',
          recordId: (item as ApiRecord).id,
          ruleId: ruleId as string,
          severity: 'high',
          message: 'seen',
          createdAt: now,
        })),
      )
      .execute();
    expect(await get(t.api, '/api/stats/rules')).toEqual([
      { resource: 'reviews', ruleId: 'REV_SAME_IP', pending: 2 },
      { resource: 'reviews', ruleId: 'REV_INCENTIVE', pending: 1 },
    ]);
    const list = await t.api.list('reviews', { filter: { status: 'pending', ruleId: 'REV_SAME_IP' } });
    expect(list.headers.get('content-range')).toMatch(/\/2$/);
  });

  it('answers zeros and nulls over an empty database', async () => {
    const queues = await get(t.api, '/api/stats/queues');
    expect(queues.queues.every((q: ApiRecord) => q.pending === 0 && q.oldestPendingAt === null)).toBe(true);
    const depth = await get(t.api, '/api/stats/queue-depth');
    expect(depth.series.flatMap((s: ApiRecord) => s.counts).every((n: number) => n === 0)).toBe(true);
    expect(await get(t.api, '/api/stats/rules')).toEqual([]);
    expect((await get(t.api, '/api/stats/moderators')).moderators).toEqual([]);
  });

  describe('the moderators’ view', () => {
    async function revertedHistory() {
      await storeHistory();
      const dana = await signInAs(t, 'moderator', 'Dana Whitfield');
      const r7 = await review('2026-10-31T00:00:00.000Z');
      await decideAt(dana, r7, 'approve', null, '2026-11-01T01:00:00.000Z');
      // A senior undoes Dana's approval: it counts against Dana, not against the senior.
      await decideAt(senior, r7, 'revert', null, '2026-11-01T02:00:00.000Z');
      t.clock.set(now);
      return dana;
    }

    it('shows a senior every moderator: decisions per day, handling, decisions reverted', async () => {
      const dana = await revertedHistory();
      const body = await get(senior.api, '/api/stats/moderators');
      expect(body.days).toEqual(days);
      const only = (...on: string[]) => days.map((d) => on.filter((o) => o === d).length);
      expect(body.moderators).toEqual([
        {
          moderatorId: morgan.id,
          name: 'Morgan Reyes',
          decisions: 3,
          perDay: only('2026-10-25', '2026-10-31', '2026-11-01'),
          handling: { decisions: 3, medianMs: 120_000, p90Ms: 239_999 },
          reverted: 0,
          checked: { agreed: 0, reviewed: 0 },
        },
        {
          moderatorId: dana.id,
          name: 'Dana Whitfield',
          decisions: 1,
          perDay: only('2026-11-01'),
          handling: { decisions: 0, medianMs: null, p90Ms: null },
          reverted: 1,
          checked: { agreed: 0, reviewed: 0 },
        },
      ]);
    });

    it('shows a moderator their own line only, even before their first decision', async () => {
      const dana = await revertedHistory();
      const own = await get(dana.api, '/api/stats/moderators');
      expect(own.moderators.map((m: ApiRecord) => [m.name, m.decisions, m.reverted])).toEqual([
        ['Dana Whitfield', 1, 1],
      ]);
      const newcomer = await signInAs(t, 'verifier', 'Lena Kowalczyk');
      const empty = await get(newcomer.api, '/api/stats/moderators');
      expect(empty.moderators).toEqual([
        {
          moderatorId: newcomer.id,
          name: 'Lena Kowalczyk',
          decisions: 0,
          perDay: days.map(() => 0),
          handling: { decisions: 0, medianMs: null, p90Ms: null },
          reverted: 0,
          checked: { agreed: 0, reviewed: 0 },
        },
      ]);
    });
  });

  it('answers 401 to a caller who is not signed in', async () => {
    await t.api.request('POST', '/api/auth/logout');
    for (const path of ['/api/stats/queues', '/api/reports/transparency?from=2026-11-01&to=2026-11-01'])
      expect((await t.api.request('GET', path)).status, path).toBe(401);
  });

  describe('the transparency report', () => {
    const report = (query: string, api: Api = t.api) =>
      api.request('GET', `/api/reports/transparency?${query}`);

    it('counts received, approved, rejected by reason, escalated, reverted and the time to decision', async () => {
      await storeHistory();
      const body = expectStatus(await report('from=2026-10-25&to=2026-11-01'), 200).body;
      expect(body.from).toBe('2026-10-25');
      expect(body.rows.find((r: ApiRecord) => r.resource === 'reviews')).toEqual({
        resource: 'reviews',
        // R3, R2, R4, R6 arrived in the range; R1 and R5 before it.
        received: 4,
        approved: 1,
        rejected: 1,
        rejectedByReason: { duplicate: 1 },
        escalated: 1,
        reverted: 0,
        // 1.0 h (R2), 14.0 h (R6), 118.0 h (R1): the middle one.
        medianHoursToDecision: 14,
      });
      const week = expectStatus(await report('from=2026-10-26&to=2026-11-01&format=json'), 200).body;
      expect(week.rows.find((r: ApiRecord) => r.resource === 'reviews')).toMatchObject({
        approved: 0,
        rejected: 1,
        escalated: 1,
      });
    });

    it('reconciles with a direct count of the audit log, an approval made now included', async () => {
      await storeHistory();
      const late = await review('2026-11-01T08:30:00.000Z');
      await decideAt(morgan, late, 'approve', null, now);
      await decideAt(senior, late, 'revert', null, '2026-11-01T09:01:00.000Z');
      const body = expectStatus(await report('from=2026-11-01&to=2026-11-01'), 200).body;
      const reviews = body.rows.find((r: ApiRecord) => r.resource === 'reviews');
      expect(reviews).toMatchObject({ approved: 1, rejected: 1, reverted: 1, received: 2 });
      const { n } = await t.db.kysely
        .selectFrom('audit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('at', '>=', '2026-11-01')
        .where('at', '<', '2026-11-02')
        .where('resource', 'in', ['answers', 'reviews', 'photos', 'doctors'])
        .executeTakeFirstOrThrow();
      const counted = body.rows.reduce(
        (sum: number, r: ApiRecord) => sum + r.approved + r.rejected + r.escalated + r.reverted,
        0,
      );
      expect(counted).toBe(Number(n));
    });

    it('exports CSV with a header row, one line per type and measure', async () => {
      await storeHistory();
      const response = expectStatus(await report('from=2026-10-25&to=2026-11-01&format=csv'), 200);
      expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = response.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('from,to,type,measure,reason,value');
      expect(lines.filter((line) => line.includes(',reviews,'))).toEqual([
        '2026-10-25,2026-11-01,reviews,received,,4',
        '2026-10-25,2026-11-01,reviews,approved,,1',
        '2026-10-25,2026-11-01,reviews,rejected,,1',
        '2026-10-25,2026-11-01,reviews,rejected,duplicate,1',
        '2026-10-25,2026-11-01,reviews,escalated,,1',
        '2026-10-25,2026-11-01,reviews,reverted,,0',
        '2026-10-25,2026-11-01,reviews,median_hours_to_decision,,14',
      ]);
      expect(lines.filter((line) => line.includes(',photos,'))).toContain(
        '2026-10-25,2026-11-01,photos,median_hours_to_decision,,',
      );
    });

    it('answers an empty range with zeros', async () => {
      await storeHistory();
      const body = expectStatus(await report('from=2026-06-01&to=2026-06-30'), 200).body;
      for (const row of body.rows)
        expect(row).toMatchObject({ received: 0, approved: 0, rejected: 0, medianHoursToDecision: null });
    });

    it.each([
      ['to=2026-11-01', /from is required/],
      ['from=2026-11-01', /to is required/],
      ['from=2026-02-30&to=2026-03-01', /from must be a calendar day/],
      ['from=yesterday&to=2026-11-01', /from must be a calendar day/],
      ['from=2026-11-01&to=2026-11-1', /to must be a calendar day/],
      ['from=2026-11-02&to=2026-11-01', /ends \(2026-11-01\) before it starts/],
      ['from=2000-01-01&to=2026-11-01', /at most 3660 days/],
      ['from=2026-11-01&to=2026-11-01&format=xml', /format must be json or csv/],
    ])('refuses %s with 400', async (query, message) => {
      const response = expectStatus(await report(query), 400);
      expect(response.body).toMatchObject({ code: 'bad_request', message: expect.stringMatching(message) });
    });
  });
});
