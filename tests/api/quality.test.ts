import { beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from './databases';
import { type Api, type ApiRecord, useTestApi } from './fixtures';
import {
  auditRows,
  type Authors,
  decide,
  expectStatus,
  type Member,
  signInAs,
  storeAuthors,
  storeItem,
} from './moderation';

/**
 * Quality checks: a senior sets the share of decisions drawn for a second review; another
 * moderator decides a drawn item again without seeing the first decision; agreement and dispute
 * are audited, disputes wait for a senior, and the first moderator sees no sign of any of it.
 */

describe.each(testDialects)('quality checks on %s', (dialect) => {
  const t = useTestApi(dialect);
  let authors: Authors;
  let morgan: Member;
  let dana: Member;
  let senior: Member;

  beforeEach(async () => {
    authors = await storeAuthors(t.db);
    morgan = await signInAs(t, 'moderator', 'Morgan Reyes');
    dana = await signInAs(t, 'moderator', 'Dana Whitfield');
    senior = await signInAs(t, 'senior', 'Marcus Oyelaran');
  });

  const sample = (member: { api: Api }, percent: unknown, type = 'reviews') =>
    member.api.update('settings', `quality.samplePercent.${type}`, { value: percent });

  const next = (member: Member) => member.api.request('GET', '/api/quality/next');
  const verdict = (member: Member, checkId: number | string, body: object) =>
    member.api.request('POST', `/api/quality/${checkId}/verdict`, { json: body });

  async function decided(action: string, reasonCode?: string) {
    const review = await storeItem(t.db, authors, 'reviews');
    return expectStatus(
      await decide(morgan.api, 'reviews', review.id, { action, version: 1, reasonCode }),
      200,
    ).body as ApiRecord;
  }

  it('lets a senior or an admin set the sampling, and nobody else', async () => {
    expectStatus(await sample(senior, 25), 200);
    expectStatus(await sample(morgan, 100), 403);
    expectStatus(await sample(senior, 101), 422);
    expectStatus(await sample(senior, 'half'), 422);
    // The console's own settings stay an admin's.
    expectStatus(await senior.api.update('settings', 'doctors.fourEyes', { value: false }), 403);
    expectStatus(await sample(t, 30), 200);
    const settings = expectStatus(await morgan.api.request('GET', '/api/settings'), 200).body;
    expect(settings.find((s: ApiRecord) => s.key === 'quality.samplePercent.reviews')).toMatchObject({
      value: 30,
      guard: 'quality',
    });
  });

  it('draws nothing while sampling is off', async () => {
    await decided('approve');
    expect(expectStatus(await next(dana), 200).body).toBeNull();
  });

  it('serves a drawn decision to someone else with the first decision hidden, and audits the agreement', async () => {
    expectStatus(await sample(senior, 100), 200);
    const first = await decided('approve');
    // The first moderator cannot tell: nothing is served to them, their item and its history are as ever.
    expect(expectStatus(await next(morgan), 200).body).toBeNull();
    expect((await auditRows(t.db, 'reviews', first.id)).map((e) => e.action)).toEqual(['approve']);

    const served = expectStatus(await next(dana), 200).body;
    expect(served).toMatchObject({ resource: 'reviews', record: { id: first.id, title: first.title } });
    for (const hidden of ['status', 'decidedBy', 'decidedAt', 'reasonCode', 'version'])
      expect(served.record, hidden).not.toHaveProperty(hidden);

    const answer = expectStatus(await verdict(dana, served.checkId, { action: 'approve' }), 200).body;
    expect(answer).toEqual({
      checkId: served.checkId,
      status: 'agreed',
      firstAction: 'approve',
      reviewAction: 'approve',
    });
    const [, entry] = await auditRows(t.db, 'reviews', first.id);
    expect(entry).toMatchObject({
      actorId: dana.id,
      action: 'quality_agree',
      fromStatus: 'approved',
      toStatus: 'approved',
    });
    expect((await t.api.getOne('reviews', first.id)).body).toMatchObject({ status: 'approved', version: 2 });
    expect(expectStatus(await next(dana), 200).body).toBeNull();
    expectStatus(await verdict(senior, served.checkId, { action: 'approve' }), 409);
  });

  it('sends a disagreement to the seniors, and counts agreement in the moderators’ view', async () => {
    expectStatus(await sample(senior, 100), 200);
    const approved = await decided('approve');
    const rejected = await decided('reject', 'duplicate');
    const a = expectStatus(await next(dana), 200).body;
    expect(a.record.id).toBe(approved.id);
    expectStatus(await verdict(dana, a.checkId, { action: 'approve' }), 200);
    const b = expectStatus(await next(dana), 200).body;
    expect(b.record.id).toBe(rejected.id);
    const disputed = expectStatus(await verdict(dana, b.checkId, { action: 'approve' }), 200).body;
    expect(disputed).toMatchObject({ status: 'disputed', firstAction: 'reject' });
    expect((await auditRows(t.db, 'reviews', rejected.id)).map((e) => e.action)).toEqual([
      'reject',
      'quality_dispute',
    ]);

    expect(expectStatus(await senior.api.request('GET', '/api/quality/disputes'), 200).body).toEqual([
      {
        checkId: b.checkId,
        resource: 'reviews',
        recordId: rejected.id,
        firstActorId: morgan.id,
        firstAction: 'reject',
        reviewerId: dana.id,
        reviewAction: 'approve',
        reviewedAt: expect.any(String),
      },
    ]);
    expectStatus(await morgan.api.request('GET', '/api/quality/disputes'), 403);

    const team = expectStatus(await senior.api.request('GET', '/api/stats/moderators'), 200).body;
    expect(team.moderators.find((m: ApiRecord) => m.moderatorId === morgan.id).checked).toEqual({
      agreed: 1,
      reviewed: 2,
    });
    // Second reviews are not decisions: the report and the day's counts leave them out.
    const report = expectStatus(
      await t.api.request('GET', '/api/reports/transparency?from=2026-11-01&to=2026-11-01'),
      200,
    ).body;
    expect(report.rows.find((r: ApiRecord) => r.resource === 'reviews')).toMatchObject({
      approved: 1,
      rejected: 1,
      rejectedByReason: { duplicate: 1 },
    });
  });

  it('refuses a verdict from the first moderator, without a reason, or on no check', async () => {
    expectStatus(await sample(senior, 100), 200);
    await decided('approve');
    const { checkId } = expectStatus(await next(dana), 200).body;
    expectStatus(await verdict(morgan, checkId, { action: 'approve' }), 403);
    expectStatus(await verdict(dana, checkId, { action: 'reject' }), 422);
    expectStatus(await verdict(dana, checkId, { action: 'reject', reasonCode: 'misleading_claim' }), 422);
    expectStatus(await verdict(dana, checkId, { action: 'escalate' }), 422);
    expectStatus(await verdict(dana, 999_999, { action: 'approve' }), 404);
    expectStatus(await verdict(dana, 'x', { action: 'approve' }), 400);
    // None of the refusals closed it.
    expect(expectStatus(await next(dana), 200).body.checkId).toBe(checkId);
  });

  it('drops a drawn decision that was since reverted', async () => {
    expectStatus(await sample(senior, 100), 200);
    const first = await decided('approve');
    expectStatus(await decide(morgan.api, 'reviews', first.id, { action: 'revert', version: 2 }), 200);
    expect(expectStatus(await next(dana), 200).body).toBeNull();
  });
});
