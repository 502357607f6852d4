import { describe, expect, it } from 'vitest';
import { fillQueue } from '../../bench/queueWork';
import { insertRows } from '../../server/db/bulk';
import { migrate, openDb } from '../../server/db/connection';
import { insertRecord } from '../../server/db/records';
import type { RuleResult } from '../../src/domain/model';
import { resourceSpecs } from '../../src/domain/resources';
import { continueRun, requestRun, type RunState } from '../../server/services/rerun';
import { judgeWords } from '../../server/services/wordChecks';
import { allRules } from '../../src/domain/rules/registry';
import { testDialects } from './databases';
import {
  type ApiRecord,
  bodies,
  buildWorld,
  signedInAs,
  testAdmin,
  type TestApi,
  useTestApi,
} from './fixtures';

/** The authenticity rules as the API serves them: checks on write, evidence, filters, settings. */

const failed = (record: ApiRecord, ruleId: string) =>
  (record.ruleResults as RuleResult[] & { evidence?: unknown }[]).find(
    (r) => r.ruleId === ruleId && r.outcome === 'fail',
  ) as (RuleResult & { evidence?: { related?: { id: number; similarity?: number }[] } }) | undefined;

const template = [
  'I finally booked lip filler with Dr. Reyes after months of hesitating and I am so glad I did.',
  'The consultation was thorough, she explained the risks, and the swelling was gone within four days.',
  'My lips look fuller but still like mine, and my friends only noticed that I looked rested.',
].join(' ');
const swapped = template
  .replace('months', 'weeks')
  .replace('thorough', 'careful')
  .replace('friends', 'sisters');

async function review(t: TestApi, doctorId: number, overrides: Record<string, unknown>) {
  return t.api.created('reviews', bodies.review(doctorId, overrides));
}

describe.each(testDialects)('authenticity rules through the API on %s', (dialect) => {
  const t = useTestApi(dialect);

  it('checks a review when it is created, and stores the results, the risk and the finding', async () => {
    const world = await buildWorld(t);
    const created = await review(t, world.doctorId, {
      body: 'Dr. Reyes did my lip filler and it looks natural. The office gave me a $50 gift card for leaving this review.',
    });
    const incentive = failed(created, 'REV_INCENTIVE');
    expect(incentive?.severity).toBe('block');
    expect(created.riskScore).toBeGreaterThanOrEqual(80);
    const evidence = incentive as unknown as {
      evidence: { spans: { start: number; end: number; text: string }[] };
    };
    for (const span of evidence.evidence.spans) {
      expect((created.body as string).slice(span.start, span.end)).toBe(span.text);
    }
    const listed = await t.api.all('reviews', { ruleId: 'REV_INCENTIVE' });
    expect(listed.map((r) => r.id)).toEqual([created.id]);
    expect(await t.api.all('reviews', { ruleId: 'REV_INCENTIVE', riskScore_lte: 79 })).toEqual([]);
  });

  it('checks texts whose words name members of an object (constructor, toString) like any other', async () => {
    const world = await buildWorld(t);
    const odd = 'My brother, a constructor, said the valueOf a good toString is hasOwnProperty.';
    const created = await t.api.request('POST', '/api/reviews', {
      json: bodies.review(world.doctorId, { rating: 5, body: `My Botox looks natural. ${odd}` }),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.ruleResults).toHaveLength(allRules.filter((r) => r.type === 'reviews').length);
    const answer = await t.api.request('POST', '/api/answers', {
      json: bodies.answer(
        { questionId: world.questionId, doctorId: world.doctorId },
        { body: `Filler lasts a constructor of months. ${odd}` },
      ),
    });
    expect(answer.status, answer.text).toBe(201);
  });

  it('flags both reviews of a near-duplicate pair, with each other as evidence', async () => {
    const world = await buildWorld(t);
    const first = await review(t, world.doctorId, { body: template, reviewerIp: '198.51.100.1' });
    expect(failed(first, 'REV_NEAR_DUP')).toBeUndefined();
    const second = await review(t, world.otherDoctorId, { body: swapped, reviewerIp: '198.51.100.2' });
    const match = failed(second, 'REV_NEAR_DUP')?.evidence?.related?.[0];
    expect(match?.id).toBe(first.id);
    expect(match?.similarity).toBeGreaterThan(0.5);
    expect(match?.similarity).toBeLessThan(1);
    const olderNow = (await t.api.getOne('reviews', first.id)).body;
    expect(failed(olderNow, 'REV_NEAR_DUP')?.evidence?.related?.map((r) => r.id)).toEqual([second.id]);
    expect(olderNow.version).toBe(first.version);
    // Checked again for what the other review changed, the older one keeps every rule's result.
    expect((olderNow.ruleResults as RuleResult[]).map((r) => r.ruleId)).toEqual(
      allRules.filter((rule) => rule.type === 'reviews').map((rule) => rule.id),
    );

    // Deleting one of them clears the other.
    expect((await t.api.remove('reviews', second.id)).status).toBe(200);
    expect(failed((await t.api.getOne('reviews', first.id)).body, 'REV_NEAR_DUP')).toBeUndefined();
    expect(await t.api.all('reviews', { ruleId: 'REV_NEAR_DUP' })).toEqual([]);
  });

  it("replaces a review's entry in the index when an edit rewords it, and keeps it when the words stay", async () => {
    const world = await buildWorld(t);
    const first = await review(t, world.doctorId, { body: template, reviewerIp: '198.51.100.1' });
    const second = await review(t, world.otherDoctorId, { body: swapped, reviewerIp: '198.51.100.2' });
    const entry = async () =>
      (
        await t.db.kysely
          .selectFrom('reviewBands')
          .select('bandKey')
          .where('reviewId', '=', second.id as number)
          .orderBy('bandKey')
          .execute()
      ).map((row) => Number(row.bandKey));
    const paired = await entry();
    expect(paired.length).toBeGreaterThan(0);

    const retitled = await t.api.update('reviews', second.id, { title: 'Lips, two weeks on' });
    expect(retitled.status, retitled.text).toBe(200);
    expect(await entry()).toEqual(paired);
    expect(failed(retitled.body, 'REV_NEAR_DUP')?.evidence?.related?.map((r) => r.id)).toEqual([first.id]);

    const reworded = await t.api.update('reviews', second.id, {
      body: 'My forehead lines softened within a week of Botox, and the nurse walked me through aftercare twice.',
    });
    expect(reworded.status, reworded.text).toBe(200);
    expect(await entry()).not.toEqual(paired);
    expect(failed(reworded.body, 'REV_NEAR_DUP')).toBeUndefined();
  });

  it('flags every review of one doctor from one address once there are three', async () => {
    const world = await buildWorld(t);
    const ip = '192.0.2.44';
    const texts = [
      'Botox for my frown lines, careful dosing and a natural result after two weeks.',
      'My first Dysport visit; the nurse walked me through aftercare and it settled well.',
      'Cheek filler with Dr. Reyes, a little swelling for three days and then lovely.',
    ];
    const made = [];
    for (const [i, body] of texts.entries())
      made.push(await review(t, world.otherDoctorId, { body, reviewerIp: ip, reviewerId: `u-${i}` }));
    expect(failed(made[1], 'REV_SAME_IP')).toBeUndefined();
    expect(
      failed(made[2], 'REV_SAME_IP')
        ?.evidence?.related?.map((r) => r.id)
        .sort(),
    ).toEqual([made[0].id, made[1].id]);
    const first = (await t.api.getOne('reviews', made[0].id)).body;
    expect(
      failed(first, 'REV_SAME_IP')
        ?.evidence?.related?.map((r) => r.id)
        .sort(),
    ).toEqual([made[1].id, made[2].id]);
  });

  it('re-runs one item on request, for those who may decide it', async () => {
    const world = await buildWorld(t);
    const rerun = await t.api.request('POST', `/api/reviews/${world.reviewId}/checks`);
    expect(rerun.status, rerun.text).toBe(200);
    expect(rerun.body.id).toBe(world.reviewId);
    expect((rerun.body.ruleResults as RuleResult[]).length).toBe(
      allRules.filter((r) => r.type === 'reviews').length,
    );
    const verifier = await signedInAs(t, 'verifier');
    expect((await verifier.api.request('POST', `/api/reviews/${world.reviewId}/checks`)).status).toBe(403);
    expect((await t.api.request('POST', '/api/reviews/999999/checks')).status).toBe(404);
    expect((await t.api.request('POST', '/api/reviews/abc/checks')).status).toBe(400);
  });

  it('refuses a filter by a rule the type does not have', async () => {
    const response = await t.api.list('reviews', { filter: { ruleId: 'ANS_PROMO' } });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('ANS_PROMO');
    expect((await t.api.list('doctors', { filter: { ruleId: 'REV_BURST' } })).status).toBe(400);
  });

  it('lists every rule with its setting and how often it fired in the last 30 days', async () => {
    const world = await buildWorld(t);
    const firedBefore = async () =>
      (await t.api.request('GET', '/api/rules/REV_DETAIL')).body.firedLast30Days as number;
    const before = await firedBefore();
    await review(t, world.doctorId, { body: 'Great.' });
    expect(await firedBefore()).toBe(before + 1);
    // An item created more than 30 days ago no longer counts.
    t.clock.set('2027-01-15T00:00:00.000Z');
    await t.api.signIn(testAdmin.email);
    expect(await firedBefore()).toBe(0);
    const response = await t.api.request('GET', '/api/rules');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-range')).toBe(`rules 0-${allRules.length - 1}/${allRules.length}`);
    expect(response.body.map((r: { id: string }) => r.id)).toEqual(allRules.map((r) => r.id));
    const detail = response.body.find((r: { id: string }) => r.id === 'REV_DETAIL');
    expect(detail).toMatchObject({ type: 'reviews', severity: 'medium', enabled: true, updatedAt: null });
    const answers = await t.api.request(
      'GET',
      `/api/rules?filter=${encodeURIComponent('{"type":"answers"}')}`,
    );
    expect(answers.body.every((r: { type: string }) => r.type === 'answers')).toBe(true);
    expect((await t.api.request('GET', '/api/rules/NOPE')).status).toBe(404);
  });

  it('lets an admin change a threshold: audited, and the type is checked again under it', async () => {
    const world = await buildWorld(t);
    const first = await review(t, world.doctorId, { body: template, reviewerIp: '198.51.100.1' });
    await review(t, world.otherDoctorId, { body: swapped, reviewerIp: '198.51.100.2' });
    const similarity = failed((await t.api.getOne('reviews', first.id)).body, 'REV_NEAR_DUP')!.evidence!
      .related![0].similarity!;

    const changed = await t.api.request('PUT', '/api/rules/REV_NEAR_DUP', { json: { value: 0.95 } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({
      id: 'REV_NEAR_DUP',
      value: 0.95,
      enabled: true,
      updatedBy: t.adminId,
    });
    await t.reruns.settled();
    expect(similarity).toBeLessThan(0.95);
    expect(failed((await t.api.getOne('reviews', first.id)).body, 'REV_NEAR_DUP')).toBeUndefined();
    const runs = (await t.api.request('GET', '/api/rules/runs')).body;
    expect(runs).toContainEqual(expect.objectContaining({ type: 'reviews', phase: 'done' }));

    const audit = await t.api.all('audit', { resource: 'rules' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'configure',
      actorId: t.adminId,
      note: 'REV_NEAR_DUP',
      toStatus: 'on at 0.95',
    });

    const off = await t.api.request('PUT', '/api/rules/REV_DETAIL', { json: { enabled: false } });
    expect(off.body.enabled).toBe(false);
    await t.reruns.settled();
    const stored = (await t.api.getOne('reviews', first.id)).body;
    expect((stored.ruleResults as RuleResult[]).some((r) => r.ruleId === 'REV_DETAIL')).toBe(false);
  });

  it("lets an admin tune a rule's further numbers by name, each within its bounds, audited", async () => {
    const world = await buildWorld(t);
    const faint = await review(t, world.doctorId, {
      rating: 5,
      title: 'Wore off',
      body: 'It wore off in six weeks.',
    });
    expect(failed(faint, 'REV_MISMATCH')).toBeDefined();
    const listed = (await t.api.request('GET', '/api/rules/REV_MISMATCH')).body;
    expect(listed.tuned).toEqual({
      clearSentiment: 2,
      mixedShare: 0.7,
      learnedLean: 0.65,
      sureLean: 0.8,
      ironyLean: 0.5,
    });
    expect(listed.tunables.clearSentiment).toMatchObject({ default: 2, min: 0.5, max: 10 });

    const changed = await t.api.request('PUT', '/api/rules/REV_MISMATCH', {
      json: { tuned: { clearSentiment: 4 } },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({
      value: 0.8,
      tuned: { clearSentiment: 4, mixedShare: 0.7, learnedLean: 0.65, sureLean: 0.8, ironyLean: 0.5 },
      updatedBy: t.adminId,
    });
    await t.reruns.settled();
    // One outcome said plainly is 2 units: no longer enough for the text to lean.
    expect(failed((await t.api.getOne('reviews', faint.id)).body, 'REV_MISMATCH')).toBeUndefined();
    const [entry] = await t.api.all('audit', { resource: 'rules' });
    expect(entry).toMatchObject({
      fromStatus:
        'on at 0.8, clearSentiment 2, mixedShare 0.7, learnedLean 0.65, sureLean 0.8, ironyLean 0.5',
      toStatus: 'on at 0.8, clearSentiment 4, mixedShare 0.7, learnedLean 0.65, sureLean 0.8, ironyLean 0.5',
    });

    const unknownName = await t.api.request('PUT', '/api/rules/REV_MISMATCH', {
      json: { tuned: { strength: 3 } },
    });
    expect(unknownName.status).toBe(422);
    expect(unknownName.body.message).toBe(
      'REV_MISMATCH has no number named strength (it has clearSentiment, mixedShare, learnedLean, sureLean, ironyLean)',
    );
    const outOfRange = await t.api.request('PUT', '/api/rules/REV_MISMATCH', {
      json: { tuned: { clearSentiment: 40 } },
    });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.message).toBe("REV_MISMATCH's clearSentiment must be between 0.5 and 10");
    const none = await t.api.request('PUT', '/api/rules/ANS_PROMO', { json: { tuned: { anything: 1 } } });
    expect(none.status).toBe(422);
    expect(await t.api.all('audit', { resource: 'rules' })).toHaveLength(1);

    const restored = await t.api.request('PUT', '/api/rules/REV_MISMATCH', {
      json: { tuned: { clearSentiment: null } },
    });
    expect(restored.body.tuned).toEqual({
      clearSentiment: 2,
      mixedShare: 0.7,
      learnedLean: 0.65,
      sureLean: 0.8,
      ironyLean: 0.5,
    });
    await t.reruns.settled();
    expect(failed((await t.api.getOne('reviews', faint.id)).body, 'REV_MISMATCH')).toBeDefined();
  });

  it('refuses rule changes from non-admins and values out of range', async () => {
    const moderator = await signedInAs(t, 'moderator');
    expect((await moderator.api.request('GET', '/api/rules')).status).toBe(200);
    const refused = await moderator.api.request('PUT', '/api/rules/REV_NEAR_DUP', { json: { value: 0.6 } });
    expect(refused.status).toBe(403);
    const tooHigh = await t.api.request('PUT', '/api/rules/REV_NEAR_DUP', { json: { value: 7 } });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.message).toMatch(/between/);
    const noThreshold = await t.api.request('PUT', '/api/rules/ANS_PROMO', { json: { value: 3 } });
    expect(noThreshold.status).toBe(422);
    const wrongType = await t.api.request('PUT', '/api/rules/REV_NEAR_DUP', { json: { enabled: 'yes' } });
    expect(wrongType.status).toBe(422);
    expect((await t.api.request('PUT', '/api/rules/NOPE', { json: { enabled: false } })).status).toBe(404);
    expect(await t.api.all('audit', { resource: 'rules' })).toEqual([]);
  });

  it('keeps what the rules showed in the audit entry of a decision', async () => {
    const world = await buildWorld(t);
    const flagged = await review(t, world.doctorId, { body: 'Great.' });
    const decided = await t.api.request('POST', `/api/reviews/${flagged.id}/decision`, {
      json: { action: 'reject', reasonCode: 'not_patient_experience', version: flagged.version },
    });
    expect(decided.status, decided.text).toBe(200);
    const history = (await t.api.request('GET', `/api/reviews/${flagged.id}/history`)).body;
    expect(history.at(-1).ruleResults).toEqual(flagged.ruleResults);
  });
});

describe.each(testDialects)('re-running the rules on %s', (dialect) => {
  const t = useTestApi(dialect);

  async function threeReviews() {
    const world = await buildWorld(t);
    const ids = [world.reviewId];
    for (let i = 0; i < 2; i++) ids.push((await review(t, world.doctorId, { body: 'Great.' })).id);
    return ids;
  }
  const hasDetailResult = async (id: number) =>
    ((await t.api.getOne('reviews', id)).body.ruleResults as RuleResult[]).some(
      (r) => r.ruleId === 'REV_DETAIL',
    );

  it('resumes an interrupted run after its cursor, and leaves a run another holder leases alone', async () => {
    const ids = await threeReviews();
    // A setting changed straight in the table: only a run brings the items in line with it.
    await t.db.kysely
      .insertInto('ruleSettings')
      .values({
        ruleId: 'REV_DETAIL',
        enabled: 0,
        threshold: 8,
        updatedAt: t.clock.now().toISOString(),
        updatedBy: null,
      })
      .execute();
    await requestRun(t.db.kysely, 'reviews', t.clock.now());
    // As if a process had read the first item's words, committed its cursor and died holding the lease.
    const lease = new Date(t.clock.now().getTime() + 60_000).toISOString();
    await t.db.kysely
      .updateTable('ruleRuns')
      .set({ phase: 'index', lastId: ids[0], done: 1, leaseUntil: lease })
      .where('type', '=', 'reviews')
      .execute();
    expect(await continueRun(t.db.kysely, 'reviews', { clock: t.clock.now })).toBe(false);

    t.clock.set(new Date(t.clock.now().getTime() + 120_000).toISOString());
    const progress: RunState[] = [];
    expect(
      await continueRun(t.db.kysely, 'reviews', { clock: t.clock.now, onProgress: (s) => progress.push(s) }),
    ).toBe(true);
    expect(progress.at(-1)).toMatchObject({ type: 'reviews', phase: 'done', done: 3, total: 3 });
    await t.api.signIn(testAdmin.email);
    expect(await hasDetailResult(ids[0])).toBe(true);
    expect(await hasDetailResult(ids[1])).toBe(false);
    expect(await hasDetailResult(ids[2])).toBe(false);
  });

  it('judges again what an edit changed while the run was reading its words', async () => {
    const world = await buildWorld(t);
    const gift =
      'The clinic sent me a $50 gift card for posting this review of my lip filler with Dr. Reyes.';
    await requestRun(t.db.kysely, 'reviews', t.clock.now());
    let edited = false;
    const ran = await continueRun(t.db.kysely, 'reviews', {
      clock: t.clock.now,
      // The edit lands while the batch's words are being read from the text it had before.
      readWords: async (job) => {
        if (!edited) {
          const response = await t.api.update('reviews', world.reviewId, { body: gift });
          expect(response.status, response.text).toBe(200);
          edited = true;
        }
        return judgeWords(job);
      },
    });
    expect(ran).toBe(true);
    const stored = (await t.api.getOne('reviews', world.reviewId)).body;
    expect(stored.body).toBe(gift);
    const incentive = failed(stored, 'REV_INCENTIVE') as unknown as {
      evidence: { spans: { text: string }[] };
    };
    expect(incentive.evidence.spans.map((span) => gift.includes(span.text))).not.toContain(false);
  });
});

// An upgrade path, so on the one dialect a test can take to an older version (the PostgreSQL
// databases of these tests come migrated to the latest one); the rebuild itself is the re-run above.
describe('a database indexed before lemmatised shingles', () => {
  it('has its band index emptied by migration 008 and rebuilt by the re-run it requests', async () => {
    const db = openDb(':memory:');
    await migrate(db, '006_credentials');
    const doctor = await insertRecord(db.kysely, resourceSpecs.doctors, {
      ...resourceSpecs.doctors.defaults,
      ...bodies.doctor(),
      boardCertified: true,
      verificationStatus: 'verified',
      createdAt: '2026-10-01T00:00:00.000Z',
    });
    const row = (id: number, body: string) => ({
      id,
      doctorId: doctor.id as number,
      procedure: 'Lip filler',
      rating: 5,
      title: 'Lips',
      body,
      reviewerId: `u-${id}`,
      reviewerEmail: `patient${id}@mail.example`,
      reviewerEmailVerified: 1,
      reviewerPhoneVerified: 1,
      reviewerIp: `198.51.100.${id}`,
      treatmentDate: null,
      createdAt: '2026-10-20T10:00:00.000Z',
    });
    await insertRows(db.kysely, 'reviews', [row(1, template), row(2, swapped)]);
    // A band key of the old 3-word shingles, which nothing computes any more.
    await insertRows(db.kysely, 'reviewBands', [{ bandKey: 5_000_000, reviewId: 1 }]);

    await migrate(db);
    expect(await db.kysely.selectFrom('reviewBands').selectAll().execute()).toEqual([]);
    const [run] = await db.kysely.selectFrom('ruleRuns').selectAll().where('type', '=', 'reviews').execute();
    expect(run).toMatchObject({ phase: 'index', lastId: 0, total: 2, finishedAt: null });

    expect(
      await continueRun(db.kysely, 'reviews', { clock: () => new Date('2026-11-01T00:00:00.000Z') }),
    ).toBe(true);
    expect(
      await db.kysely.selectFrom('reviewShingles').select('reviewId').orderBy('reviewId').execute(),
    ).toEqual([{ reviewId: 1 }, { reviewId: 2 }]);
    const results = await db.kysely
      .selectFrom('reviews')
      .select(['id', 'ruleResults'])
      .orderBy('id')
      .execute();
    const partners = results.map((r) =>
      (JSON.parse(r.ruleResults) as (RuleResult & { evidence?: { related?: { id: number }[] } })[])
        .find((result) => result.ruleId === 'REV_NEAR_DUP' && result.outcome === 'fail')
        ?.evidence?.related?.map((related) => related.id),
    );
    expect(partners).toEqual([[2], [1]]);
    await db.close();
  });
});

// Batches of hundreds, so the run reads one batch ahead while it writes the one before it.
describe('a re-run requested again while a batch is read ahead', () => {
  it('starts over under the new settings and drops the batch it read ahead', async () => {
    const db = openDb(':memory:');
    await migrate(db);
    await fillQueue(db, { items: 2_000, moderators: 1 });
    const reviews = await db.kysely.selectFrom('reviews').select('id').execute();
    const clock = () => new Date('2026-11-01T00:00:00.000Z');
    await requestRun(db.kysely, 'reviews', clock());
    let jobs = 0;
    const progress: RunState[] = [];
    const ran = await continueRun(db.kysely, 'reviews', {
      clock,
      onProgress: (state) => progress.push(state),
      readWords: async (job) => {
        // The second batch's words are being read while the first one is written: an admin turns
        // REV_DETAIL off meanwhile, which asks for a new run.
        if (++jobs === 2) {
          await db.kysely
            .insertInto('ruleSettings')
            .values({
              ruleId: 'REV_DETAIL',
              enabled: 0,
              threshold: 8,
              updatedAt: clock().toISOString(),
              updatedBy: null,
            })
            .execute();
          await requestRun(db.kysely, 'reviews', new Date('2026-11-01T00:00:01.000Z'));
        }
        return judgeWords(job);
      },
    });
    expect(ran).toBe(true);
    // The first batch was written before the new request; the batch read ahead found the run
    // restarted, and the run went back to the first review.
    expect(progress.slice(0, 2)).toMatchObject([
      { phase: 'index', done: 500 },
      { phase: 'index', done: 0 },
    ]);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', total: reviews.length });
    const rows = await db.kysely.selectFrom('reviews').select(['id', 'ruleResults']).execute();
    const ruleIds = rows.map((row) => (JSON.parse(row.ruleResults) as RuleResult[]).map((r) => r.ruleId));
    expect(ruleIds.filter((ids) => ids.includes('REV_DETAIL'))).toEqual([]);
    expect(ruleIds.filter((ids) => !ids.includes('REV_INCENTIVE') || !ids.includes('REV_NEAR_DUP'))).toEqual(
      [],
    );
    await db.close();
  });
});
