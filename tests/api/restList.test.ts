import { describe, expect, it } from 'vitest';
import { resourceNames } from '../../src/domain/resources';
import { testDialects } from './databases';
import {
  type ApiRecord,
  bodies,
  buildWorld,
  setStored,
  testAdmin,
  type TestApi,
  testStart,
  useTestApi,
  worldId,
} from './fixtures';

/**
 * Reading through ra-data-simple-rest's protocol: pages and their Content-Range, each filter's
 * meaning on hand-made records, getMany, getManyReference and getOne.
 */

const ids = (records: ApiRecord[]) => records.map((record) => record.id as number);

async function questionsTitled(t: TestApi, titles: string[]): Promise<number[]> {
  const created: number[] = [];
  for (const title of titles) created.push((await t.api.created('questions', bodies.question({ title }))).id);
  return created;
}

describe.each(testDialects)('reading resources on %s', (dialect) => {
  const t = useTestApi(dialect);

  describe('pages', () => {
    it('answers each range with its records and the exact Content-Range header', async () => {
      const created = await questionsTitled(t, ['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);
      const cases: [[number, number] | undefined, string, number[]][] = [
        [[0, 1], 'questions 0-1/5', created.slice(0, 2)],
        [[2, 4], 'questions 2-4/5', created.slice(2, 5)],
        [[3, 9], 'questions 3-4/5', created.slice(3)],
        [[4, 4], 'questions 4-4/5', created.slice(4)],
        [[5, 9], 'questions */5', []],
        [undefined, 'questions 0-4/5', created],
      ];
      for (const [range, header, expected] of cases) {
        const response = await t.api.list('questions', { range, sort: ['id', 'ASC'] });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-range'), JSON.stringify(range)).toBe(header);
        expect(response.headers.get('content-type')).toMatch(/^application\/json/);
        expect(ids(response.body), JSON.stringify(range)).toEqual(expected);
      }
    });

    it('answers an empty table with [] and */0 on every resource', async () => {
      for (const resource of resourceNames.filter((name) => name !== 'moderators')) {
        const response = await t.api.list(resource, { range: [0, 24] });
        expect(response.status).toBe(200);
        expect(response.body).toEqual([]);
        expect(response.headers.get('content-range')).toBe(`${resource} */0`);
      }
      // Someone has to be signed in to ask: the moderators table holds exactly that admin.
      const moderators = await t.api.list('moderators', { range: [0, 24] });
      expect(moderators.status).toBe(200);
      expect(moderators.body).toEqual([
        { id: t.adminId, ...testAdmin, role: 'admin', active: true, createdAt: testStart },
      ]);
      expect(moderators.headers.get('content-range')).toBe('moderators 0-0/1');
      const none = await t.api.list('moderators', { filter: { role: 'moderator' }, range: [0, 24] });
      expect([none.body, none.headers.get('content-range')]).toEqual([[], 'moderators */0']);
    });

    it('counts the filtered records, not the table, in the total', async () => {
      const world = await buildWorld(t);
      for (let i = 0; i < 4; i++) await t.api.created('reviews', bodies.review(world.otherDoctorId));
      const response = await t.api.list('reviews', {
        filter: { doctorId: world.otherDoctorId },
        range: [1, 2],
      });
      expect(response.headers.get('content-range')).toBe('reviews 1-2/4');
      expect(response.body.map((r: ApiRecord) => r.doctorId)).toEqual([
        world.otherDoctorId,
        world.otherDoctorId,
      ]);
    });

    it('pages through many records with equal sort keys without overlap or gaps', async () => {
      const world = await buildWorld(t);
      // Forty reviews created at the same instant: only the tie-break on id orders them.
      for (let i = 0; i < 40; i++)
        await t.api.created('reviews', bodies.review(world.doctorId, { rating: 1 + (i % 5) }));
      for (const sort of [
        ['createdAt', 'DESC'],
        ['createdAt', 'ASC'],
        ['rating', 'DESC'],
      ] as [string, string][]) {
        const seen: number[] = [];
        for (let first = 0; first < 41; first += 7) {
          const response = await t.api.list('reviews', { sort, range: [first, first + 6] });
          expect(response.status).toBe(200);
          const last = Math.min(first + 6, 40);
          expect(response.headers.get('content-range')).toBe(`reviews ${first}-${last}/41`);
          seen.push(...ids(response.body));
        }
        expect(new Set(seen).size, sort.join(' ')).toBe(41);
        const one = await t.api.list('reviews', { sort, range: [0, 40] });
        expect(seen, sort.join(' ')).toEqual(ids(one.body));
      }
    });

    it('accepts the sort order in either case', async () => {
      const created = await questionsTitled(t, ['Alpha', 'Beta', 'Gamma']);
      const desc = await t.api.list('questions', { sort: ['title', 'desc'] });
      expect(ids(desc.body)).toEqual([...created].reverse());
      const asc = await t.api.list('questions', { sort: ['title', 'Asc'] });
      expect(ids(asc.body)).toEqual(created);
    });
  });

  describe('q, the full-text filter', () => {
    it('searches every searchable field, ignoring case, and only those fields', async () => {
      const [inTitle, inBody, inName, nowhere] = [
        await t.api.created('questions', bodies.question({ title: 'BOTOX around the eyes?' })),
        await t.api.created('questions', bodies.question({ title: 'Crow feet', body: 'Would botox help?' })),
        await t.api.created('questions', bodies.question({ title: 'Frown lines', askerName: 'Botoxfan' })),
        // The procedure is Botox, but procedure is not a searchable field.
        await t.api.created(
          'questions',
          bodies.question({ title: 'Forehead', body: 'Which toxin?', askerName: 'Kai' }),
        ),
      ];
      for (const q of ['botox', 'BoToX', '  botox  ']) {
        const response = await t.api.list('questions', { filter: { q } });
        expect(ids(response.body), q).toEqual([inTitle.id, inBody.id, inName.id]);
        expect(response.headers.get('content-range')).toBe('questions 0-2/3');
      }
      const all = await t.api.list('questions', { filter: { q: '   ' } });
      expect(ids(all.body)).toEqual([inTitle.id, inBody.id, inName.id, nowhere.id]);
    });

    it('matches accented letters in either case', async () => {
      const world = await buildWorld(t);
      const elise = await t.api.created(
        'doctors',
        bodies.doctor({ name: 'Dr. Élise Dubois', npi: '1222333444', city: 'Montréal' }),
      );
      for (const q of ['Élise', 'élise', 'ÉLISE', 'MONTRÉAL']) {
        const response = await t.api.list('doctors', { filter: { q } });
        expect(ids(response.body), q).toEqual([elise.id]);
      }
      expect(world.doctorId).not.toBe(elise.id);
    });

    it('searches words and the starts of words, whatever punctuation stands between them', async () => {
      const [percent, thousand, underscore, plain, backslash] = await questionsTitled(t, [
        'Is 100% natural possible?',
        'Are 1000 units too many?',
        'lip_flip or filler?',
        'lipXflip or filler?',
        'Saved under C:\\photos',
      ]);
      const all = [percent, thousand, underscore, plain, backslash];
      const cases: [string, number[]][] = [
        ['100%', [percent, thousand]],
        ['1000', [thousand]],
        ['lip_flip', [underscore]],
        ['lip flip', [underscore]],
        ['c:\\photos', [backslash]],
        ['lipxflip', [plain]],
        ['natur', [percent]],
        ['filler lip', [underscore, plain]],
        // Punctuation alone holds no word to search for: the list is not filtered.
        ['%', all],
        ['\\', all],
      ];
      for (const [q, expected] of cases) {
        const response = await t.api.list('questions', { filter: { q } });
        expect(response.status).toBe(200);
        expect(ids(response.body), q).toEqual(expected);
      }
    });

    it('does not search fields outside the searchable list', async () => {
      const world = await buildWorld(t);
      const review = await t.api.getOne('reviews', world.reviewId);
      for (const q of [review.body.reviewerEmail, review.body.reviewerIp, review.body.reviewerId]) {
        const response = await t.api.list('reviews', { filter: { q } });
        expect(response.body, q).toEqual([]);
        expect(response.headers.get('content-range')).toBe('reviews */0');
      }
      const byTitle = await t.api.list('reviews', { filter: { q: review.body.title } });
      expect(ids(byTitle.body)).toEqual([world.reviewId]);
    });
  });

  describe('field filters', () => {
    it('bounds timestamps by a date-only _lte through the end of that day', async () => {
      const world = await buildWorld(t);
      const at = async (iso: string) => {
        t.clock.set(iso);
        return (await t.api.created('reviews', bodies.review(world.otherDoctorId))).id;
      };
      const dayStart = await at('2026-10-01T00:00:00.000Z');
      const dayEnd = await at('2026-10-01T23:59:59.999Z');
      const nextDay = await at('2026-10-02T00:00:00.000Z');
      const dayBefore = await at('2026-09-30T23:59:59.999Z');
      const list = async (filter: object) =>
        ids(
          (await t.api.all('reviews', { doctorId: world.otherDoctorId, ...filter })).sort(
            (a, b) => a.id - b.id,
          ),
        );
      expect(await list({ createdAt_lte: '2026-10-01' })).toEqual([dayStart, dayEnd, dayBefore]);
      expect(await list({ createdAt_gte: '2026-10-01' })).toEqual([dayStart, dayEnd, nextDay]);
      expect(await list({ createdAt_gte: '2026-10-01', createdAt_lte: '2026-10-01' })).toEqual([
        dayStart,
        dayEnd,
      ]);
      expect(await list({ createdAt_lte: '2026-10-01T12:00:00.000Z' })).toEqual([dayStart, dayBefore]);
      expect(await list({ createdAt_gte: '2026-10-01T23:59:59.999Z' })).toEqual([dayEnd, nextDay]);
    });

    it('bounds dates and numbers inclusively', async () => {
      const world = await buildWorld(t);
      const review = async (rating: number, treatmentDate: string | null) =>
        (await t.api.created('reviews', bodies.review(world.otherDoctorId, { rating, treatmentDate }))).id;
      const [one, two, three, four, five] = [
        await review(1, '2026-01-31'),
        await review(2, '2026-02-01'),
        await review(3, '2026-02-28'),
        await review(4, null),
        await review(5, '2026-03-01'),
      ];
      const list = async (filter: object) =>
        ids(await t.api.all('reviews', { doctorId: world.otherDoctorId, ...filter }));
      expect(await list({ rating_gte: 2, rating_lte: 4 })).toEqual([two, three, four]);
      expect(await list({ rating_gte: '4' })).toEqual([four, five]);
      expect(await list({ treatmentDate_gte: '2026-02-01', treatmentDate_lte: '2026-02-28' })).toEqual([
        two,
        three,
      ]);
      expect(await list({ treatmentDate_lte: '2026-02-01' })).toEqual([one, two]);
      expect(await list({ id_gte: three })).toEqual([three, four, five]);
    });

    it('filters by reference, one id or several, as numbers or strings', async () => {
      const world = await buildWorld(t);
      const third = await t.api.created(
        'doctors',
        bodies.doctor({ name: 'Dr. Third', npi: '1333333333', licenseNumber: 'X3' }),
      );
      const byDoctor: Record<number, number[]> = { [world.doctorId]: [world.reviewId] };
      for (const doctorId of [world.otherDoctorId, third.id, world.otherDoctorId]) {
        const { id } = await t.api.created('reviews', bodies.review(doctorId));
        (byDoctor[doctorId] ??= []).push(id);
      }
      expect(ids(await t.api.all('reviews', { doctorId: world.otherDoctorId }))).toEqual(
        byDoctor[world.otherDoctorId],
      );
      expect(ids(await t.api.all('reviews', { doctorId: String(third.id) }))).toEqual(byDoctor[third.id]);
      expect(ids(await t.api.all('reviews', { doctorId: [world.doctorId, third.id] }))).toEqual(
        [...byDoctor[world.doctorId], ...byDoctor[third.id]].sort((a, b) => a - b),
      );
      expect(await t.api.all('reviews', { doctorId: [] })).toEqual([]);
      expect(await t.api.all('reviews', { doctorId: 999999 })).toEqual([]);
    });

    it('filters booleans given as true/false or "true"/"false"', async () => {
      const world = await buildWorld(t);
      const unverified = await t.api.created(
        'reviews',
        bodies.review(world.doctorId, { reviewerEmailVerified: false, reviewerPhoneVerified: true }),
      );
      expect(ids(await t.api.all('reviews', { reviewerEmailVerified: false }))).toEqual([unverified.id]);
      expect(ids(await t.api.all('reviews', { reviewerEmailVerified: 'false' }))).toEqual([unverified.id]);
      expect(ids(await t.api.all('reviews', { reviewerEmailVerified: true }))).toEqual([world.reviewId]);
      expect(ids(await t.api.all('reviews', { reviewerPhoneVerified: 'true' }))).toEqual([unverified.id]);
      expect(ids(await t.api.all('moderators', { active: true }))).toEqual([t.adminId, world.moderatorId]);
      expect(ids(await t.api.all('moderators', { active: 'true', role: 'moderator' }))).toEqual([
        world.moderatorId,
      ]);
      expect(await t.api.all('moderators', { active: false })).toEqual([]);
    });

    it('filters by null', async () => {
      const world = await buildWorld(t);
      const undated = await t.api.created('reviews', bodies.review(world.doctorId, { treatmentDate: null }));
      const boardless = await t.api.created(
        'doctors',
        bodies.doctor({ name: 'Dr. No Board', npi: '1444444444', board: null, boardCertified: false }),
      );
      expect(ids(await t.api.all('reviews', { treatmentDate: null }))).toEqual([undated.id]);
      expect(ids(await t.api.all('doctors', { board: null }))).toEqual([boardless.id]);
      await setStored(t.db, 'reviews', world.reviewId, { decidedAt: '2026-11-01T10:00:00.000Z' });
      expect(ids(await t.api.all('reviews', { decidedAt: null }))).toEqual([undated.id]);
    });

    it('filters an enum by one value or a list (IN), and combines conditions with AND', async () => {
      const world = await buildWorld(t);
      const created: number[] = [world.reviewId];
      for (let i = 0; i < 4; i++)
        created.push((await t.api.created('reviews', bodies.review(world.doctorId))).id);
      const statuses = ['pending', 'approved', 'rejected', 'escalated', 'approved'];
      for (const [i, id] of created.entries()) await setStored(t.db, 'reviews', id, { status: statuses[i] });
      const [, approved, rejected, escalated, approvedToo] = created;
      expect(ids(await t.api.all('reviews', { status: 'approved' }))).toEqual([approved, approvedToo]);
      expect(ids(await t.api.all('reviews', { status: ['rejected', 'escalated'] }))).toEqual([
        rejected,
        escalated,
      ]);
      await setStored(t.db, 'reviews', approvedToo, { rating: 1 });
      expect(ids(await t.api.all('reviews', { status: 'approved', rating_lte: 2 }))).toEqual([approvedToo]);
      expect(
        ids(await t.api.all('reviews', { status: ['approved'], doctorId: world.otherDoctorId })),
      ).toEqual([]);
      expect(ids(await t.api.all('reviews', { status: 'approved', q: 'natural' }))).toEqual([
        approved,
        approvedToo,
      ]);
    });

    it('filters audit entries by resource, record and actor', async () => {
      const world = await buildWorld(t);
      const entries = await t.api.all('audit', { resource: 'reviews', recordId: world.reviewId });
      expect(ids(entries)).toEqual([world.auditId]);
      expect(entries[0]).toMatchObject({
        actorId: world.moderatorId,
        note: 'first approval',
        toStatus: 'approved',
      });
      expect(await t.api.all('audit', { resource: 'photos' })).toEqual([]);
      expect(ids(await t.api.all('audit', { actorId: world.moderatorId }))).toEqual([world.auditId]);
      expect(ids(await t.api.all('audit', { q: 'FIRST approval' }))).toEqual([world.auditId]);
    });
  });

  describe('getMany and getManyReference', () => {
    it('getMany answers exactly the records asked for, skipping unknown ids', async () => {
      const created = await questionsTitled(t, ['A', 'B', 'C', 'D']);
      const response = await t.api.list('questions', { filter: { id: [created[3], created[0], 999999] } });
      expect(response.status).toBe(200);
      expect(ids(response.body)).toEqual([created[0], created[3]]);
      expect(response.body[1].title).toBe('D');
      expect(response.headers.get('content-range')).toBe('questions 0-1/2');
    });

    it('getManyReference pages and sorts the records that refer to one record', async () => {
      const world = await buildWorld(t);
      const answers: number[] = [world.answerId];
      for (const day of ['03', '01', '02']) {
        t.clock.set(`2026-10-${day}T10:00:00.000Z`);
        const body = bodies.answer({ questionId: world.questionId, doctorId: world.otherDoctorId });
        answers.push((await t.api.created('answers', body)).id);
      }
      const [, third, first, second] = answers;
      const page = (range: [number, number]) =>
        t.api.list('answers', {
          filter: { doctorId: world.otherDoctorId },
          sort: ['createdAt', 'DESC'],
          range,
        });
      const one = await page([0, 1]);
      expect(ids(one.body)).toEqual([third, second]);
      expect(one.headers.get('content-range')).toBe('answers 0-1/3');
      const two = await page([2, 3]);
      expect(ids(two.body)).toEqual([first]);
      expect(two.headers.get('content-range')).toBe('answers 2-2/3');
      const ofQuestion = await t.api.list('answers', {
        filter: { questionId: world.questionId },
        range: [0, 9],
      });
      expect(ofQuestion.headers.get('content-range')).toBe('answers 0-3/4');
    });
  });

  describe('getOne', () => {
    it('answers one record of every resource, the same as the list does', async () => {
      const world = await buildWorld(t);
      for (const resource of resourceNames) {
        const id = worldId(world, resource);
        const one = await t.api.getOne(resource, id);
        expect(one.status, resource).toBe(200);
        expect(one.body.id).toBe(id);
        const [listed] = await t.api.all(resource, { id });
        expect(one.body, resource).toEqual(listed);
      }
    });

    it('answers 404 { message, code } for a record that does not exist', async () => {
      await buildWorld(t);
      for (const resource of resourceNames) {
        const response = await t.api.getOne(resource, 424242);
        expect(response.status, resource).toBe(404);
        expect(response.body).toEqual({ message: `${resource} 424242 does not exist`, code: 'not_found' });
      }
    });
  });
});
