import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nppesRegistry } from '../../server/registries/nppes';
import { sweepDoctors, sweepOnce } from '../../server/services/sweep';
import { npiCheckDigit } from '../../src/domain/npi';
import { testDialects } from './databases';
import { bodies, type Json, testStart, useTestApi } from './fixtures';
import { type Authors, decide, type Member, signInAs, storeAuthors, storeItem } from './moderation';

/**
 * Doctor credentials through the API: the NPI registry's answers (served by MSW in the shape the
 * public NPPES API answers), what each does to the doctor's checks and to the verifier's desk,
 * four-eyes verification, held answers and the daily sweep. Documents: doctorDocuments.test.ts.
 */

const registryUrl = 'https://npi-registry.test/api/';
const withCheckDigit = (first9: string) => `${first9}${npiCheckDigit(first9)}`;

const npis = {
  found: withCheckDigit('123456789'),
  notFound: withCheckDigit('123456780'),
  deactivated: withCheckDigit('123456781'),
  nameMismatch: withCheckDigit('123456782'),
  otherLicense: withCheckDigit('123456783'),
  organisation: withCheckDigit('123456784'),
  slow: withCheckDigit('123456785'),
  failing: withCheckDigit('123456786'),
  garbage: withCheckDigit('123456787'),
  wrongShape: withCheckDigit('123456788'),
};

/** An NPPES API 2.1 result for Dr. Amelia Hart, dermatologist, Texas license TX-M1001. */
const nppesResult = (npi: string, changes: { basic?: object; taxonomy?: object; type?: string } = {}) => ({
  created_epoch: '1302134400000',
  enumeration_type: changes.type ?? 'NPI-1',
  last_updated_epoch: '1706140800000',
  number: npi,
  addresses: [
    {
      country_code: 'US',
      country_name: 'United States',
      address_purpose: 'LOCATION',
      address_type: 'DOM',
      address_1: '1200 W 6TH ST',
      city: 'AUSTIN',
      state: 'TX',
      postal_code: '787031234',
      telephone_number: '512-555-0100',
    },
  ],
  practiceLocations: [],
  basic: {
    first_name: 'AMELIA',
    last_name: 'HART',
    middle_name: 'J',
    credential: 'M.D.',
    sole_proprietor: 'NO',
    sex: 'F',
    enumeration_date: '2011-04-07',
    last_updated: '2024-01-25',
    status: 'A',
    ...changes.basic,
  },
  taxonomies: [
    {
      code: '207N00000X',
      taxonomy_group: '',
      desc: 'Dermatology',
      state: 'TX',
      license: 'TXM1001',
      primary: true,
      ...changes.taxonomy,
    },
  ],
  identifiers: [],
  endpoints: [],
  other_names: [],
});

const found = (result: object) => HttpResponse.json({ result_count: 1, results: [result] });

const registry = setupServer(
  http.get(registryUrl, async ({ request }) => {
    const npi = new URL(request.url).searchParams.get('number') ?? '';
    switch (npi) {
      case npis.found:
        return found(nppesResult(npi));
      case npis.notFound:
        return HttpResponse.json({ result_count: 0, results: [] });
      case npis.deactivated:
        return found(nppesResult(npi, { basic: { status: 'D' } }));
      case npis.nameMismatch:
        return found(nppesResult(npi, { basic: { first_name: 'ROBERT', last_name: 'HARTLEY' } }));
      case npis.otherLicense:
        return found(nppesResult(npi, { taxonomy: { license: 'TXQ9999' } }));
      case npis.organisation:
        return found(nppesResult(npi, { type: 'NPI-2', basic: { first_name: null, last_name: null } }));
      case npis.slow:
        await delay('infinite');
        return HttpResponse.json({ result_count: 0, results: [] });
      case npis.failing:
        return new HttpResponse('upstream maintenance', { status: 503 });
      case npis.garbage:
        return new HttpResponse('<html>Service temporarily unavailable</html>', {
          headers: { 'content-type': 'text/html' },
        });
      case npis.wrongShape:
        return HttpResponse.json({ results: 'none' });
      default:
        return HttpResponse.json({ Errors: [{ description: 'NPI number is invalid', field: 'number' }] });
    }
  }),
);

beforeAll(() => registry.listen({ onUnhandledRequest: 'error' }));
afterAll(() => registry.close());

// Long enough for a loaded machine to answer from the mock at once; the slow case waits it out.
const timeoutMs = 2000;

const resultOf = (doctor: Json, ruleId: string) => doctor.ruleResults.find((r: Json) => r.ruleId === ruleId);
const verdicts = (view: Json) =>
  Object.fromEntries(view.comparison.map((row: Json) => [row.field, row.verdict]));

describe.each(testDialects)('doctor credentials on %s', (dialect) => {
  const t = useTestApi(dialect, { deps: { registry: nppesRegistry({ baseUrl: registryUrl, timeoutMs }) } });
  let verifier: Member;
  let secondVerifier: Member;
  let moderator: Member;
  let authors: Authors;

  beforeEach(async () => {
    verifier = await signInAs(t, 'verifier', 'Lena Kowalczyk');
    secondVerifier = await signInAs(t, 'verifier', 'Priya Raman');
    moderator = await signInAs(t, 'moderator', 'Tomas Rivera');
    authors = await storeAuthors(t.db);
  });

  /** Onboards a doctor through the site's path (an admin's POST) and answers the created record. */
  const onboard = async (npi: string, changes: Record<string, unknown> = {}) => {
    const response = await t.api.create('doctors', bodies.doctor({ npi, ...changes }));
    expect(response.status, response.text).toBe(201);
    return response.body;
  };
  const registryOf = async (id: number) => {
    const response = await t.api.request('GET', `/api/doctors/${id}/registry`);
    expect(response.status, response.text).toBe(200);
    return response.body;
  };

  describe('the NPI registry', () => {
    it('creates a doctor checked by every doctor rule, the registry record matching field by field', async () => {
      const doctor = await onboard(npis.found);
      expect(doctor.ruleResults.map((r: Json) => `${r.ruleId} ${r.outcome}`)).toEqual([
        'DOC_NPI_FORMAT pass',
        'DOC_NPI_REGISTRY pass',
        'DOC_LICENSE_STATUS pass',
        'DOC_LICENSE_EXPIRY pass',
        'DOC_BOARD pass',
        'DOC_DISCIPLINE pass',
        'DOC_REVERIFY pass',
      ]);
      expect(doctor.riskScore).toBe(0);
      const view = await registryOf(doctor.id);
      expect(view).toMatchObject({ source: 'nppes', outcome: 'found', fetchedAt: testStart, failedAt: null });
      expect(view.record).toMatchObject({ number: npis.found, firstName: 'AMELIA', lastName: 'HART' });
      expect(view.comparison).toContainEqual({
        field: 'name',
        claimed: 'Dr. Amelia Hart',
        registry: 'AMELIA HART',
        verdict: 'match',
      });
      expect(verdicts(view)).toEqual({
        enumerationType: 'match',
        status: 'match',
        name: 'match',
        credential: 'match',
        licenseState: 'match',
        licenseNumber: 'match',
        specialty: 'match',
      });
    });

    it('fails an NPI the registry does not publish, or publishes as deactivated or an organisation', async () => {
      const cases = [
        [npis.notFound, `The NPI registry has no record for NPI ${npis.notFound}`],
        [npis.deactivated, `NPI ${npis.deactivated} is deactivated in the registry`],
        [npis.organisation, `NPI ${npis.organisation} belongs to an organisation, not an individual doctor`],
      ];
      for (const [npi, message] of cases) {
        const doctor = await onboard(npi, { name: `Dr. Case ${npi.slice(-2)}` });
        expect(resultOf(doctor, 'DOC_NPI_REGISTRY'), npi).toMatchObject({
          outcome: 'fail',
          severity: 'block',
          message,
        });
        expect(doctor.riskScore, npi).toBeGreaterThanOrEqual(80);
      }
    });

    it('marks a name and a license number that differ from the profile', async () => {
      const renamed = await onboard(npis.nameMismatch);
      expect(resultOf(renamed, 'DOC_NPI_REGISTRY')).toMatchObject({
        outcome: 'fail',
        severity: 'high',
        message: "The NPI registry's name differs from the profile",
      });
      expect(resultOf(renamed, 'DOC_NPI_REGISTRY').evidence.facts).toContainEqual({
        label: 'Name',
        value: 'profile Dr. Amelia Hart, registry ROBERT HARTLEY',
      });
      expect(verdicts(await registryOf(renamed.id))).toMatchObject({
        name: 'mismatch',
        licenseNumber: 'match',
      });

      const relicensed = await onboard(npis.otherLicense, { name: 'Dr. Amelia Hart' });
      expect(resultOf(relicensed, 'DOC_NPI_REGISTRY')).toMatchObject({ outcome: 'fail', severity: 'high' });
      const view = await registryOf(relicensed.id);
      expect(view.comparison).toContainEqual({
        field: 'licenseNumber',
        claimed: 'TX-M1001',
        registry: 'TXQ9999',
        verdict: 'mismatch',
      });
    });

    it('leaves the check unknown when the registry is slow, down or answers garbage, and says why', async () => {
      const cases = [
        [npis.slow, `the registry did not answer within ${timeoutMs / 1000} s`],
        [npis.failing, 'the registry answered HTTP 503'],
        [npis.garbage, 'the registry answered with something that is not JSON'],
        [npis.wrongShape, 'the registry answered something that is not an NPPES response'],
      ];
      for (const [npi, problem] of cases) {
        const doctor = await onboard(npi, { name: `Dr. Case ${npi.slice(-2)}` });
        const result = resultOf(doctor, 'DOC_NPI_REGISTRY');
        expect(result.outcome, npi).toBe('unknown');
        expect(result.message, npi).toContain(problem);
        // Nothing concluded: the registry's trouble adds no risk.
        expect(doctor.riskScore, npi).toBe(0);
        expect(await registryOf(doctor.id), npi).toMatchObject({
          outcome: 'unreachable',
          fetchedAt: null,
          failedAt: testStart,
          record: null,
          comparison: [],
        });
        expect((await registryOf(doctor.id)).problem, npi).toContain(problem);
      }
    });

    it('keeps the last answer beside a later failure, and judges by the answer', async () => {
      const doctor = await onboard(npis.found);
      registry.use(http.get(registryUrl, () => new HttpResponse(null, { status: 500 }), { once: true }));
      t.clock.set('2026-11-01T10:00:00.000Z');
      const asked = await t.api.request('POST', `/api/doctors/${doctor.id}/registry`);
      expect(asked.status, asked.text).toBe(200);
      expect(asked.body).toMatchObject({
        outcome: 'found',
        fetchedAt: testStart,
        failedAt: '2026-11-01T10:00:00.000Z',
        problem: expect.stringContaining('the registry answered HTTP 500'),
      });
      const checked = (await t.api.getOne('doctors', doctor.id)).body;
      expect(resultOf(checked, 'DOC_NPI_REGISTRY')).toMatchObject({ outcome: 'pass' });
      expect(resultOf(checked, 'DOC_NPI_REGISTRY').evidence).toBeUndefined();

      // The registry is back: the next answer replaces the old one and clears the failure.
      t.clock.set('2026-11-01T11:00:00.000Z');
      const again = await t.api.request('POST', `/api/doctors/${doctor.id}/registry`);
      expect(again.body).toMatchObject({
        fetchedAt: '2026-11-01T11:00:00.000Z',
        failedAt: null,
        problem: null,
      });
    });

    it('asks the registry again when the NPI is edited, and only the roles that decide doctors may ask', async () => {
      const doctor = await onboard(npis.found);
      const edited = await t.api.update('doctors', doctor.id, {
        npi: npis.notFound,
        version: doctor.version,
      });
      expect(edited.status, edited.text).toBe(200);
      expect(resultOf(edited.body, 'DOC_NPI_REGISTRY')).toMatchObject({ outcome: 'fail', severity: 'block' });
      const refused = await moderator.api.request('POST', `/api/doctors/${doctor.id}/registry`);
      expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
      expect((await verifier.api.request('POST', `/api/doctors/${doctor.id}/registry`)).status).toBe(200);
      expect((await t.api.request('GET', '/api/doctors/999/registry')).status).toBe(404);
    });

    it('does not ask about a malformed NPI: no record can exist for it', async () => {
      const doctor = await onboard('1234567890');
      expect(resultOf(doctor, 'DOC_NPI_FORMAT')).toMatchObject({
        outcome: 'fail',
        severity: 'block',
        message: 'NPI 1234567890 ends in 0 where the check digit is 3',
      });
      expect(resultOf(doctor, 'DOC_NPI_REGISTRY')).toMatchObject({ outcome: 'fail', severity: 'block' });
      const view = await registryOf(doctor.id);
      expect(view).toMatchObject({ outcome: 'not_looked_up', record: null });
      expect(view.problem).toContain('the registry is not asked');
    });
  });

  describe('four-eyes verification', () => {
    const verify = (who: Member, id: number, version: number) =>
      decide(who.api, 'doctors', id, { action: 'verify', version });

    it('waits for a second verifier, refuses the first one as the second, then verifies', async () => {
      const doctor = await onboard(npis.found);
      await decide(verifier.api, 'doctors', doctor.id, { action: 'submit', version: 1 });
      const first = await verify(verifier, doctor.id, 2);
      expect(first.status, first.text).toBe(200);
      expect(first.body).toMatchObject({
        verificationStatus: 'awaiting_confirmation',
        decidedBy: verifier.id,
        verifiedAt: null,
      });
      const again = await verify(verifier, doctor.id, 3);
      expect([again.status, again.body.code]).toEqual([403, 'four_eyes']);
      expect(again.body.message).toBe('a second verifier must confirm: you verified this doctor first');
      const confirmed = await verify(secondVerifier, doctor.id, 3);
      expect(confirmed.status, confirmed.text).toBe(200);
      expect(confirmed.body).toMatchObject({ verificationStatus: 'verified', verifiedBy: secondVerifier.id });
    });

    it('hands a doctor awaiting confirmation to every verifier but the first', async () => {
      const doctor = await storeItem(t.db, authors, 'doctors', {
        verificationStatus: 'awaiting_confirmation',
        decidedBy: verifier.id,
        decidedAt: testStart,
        riskScore: 99,
      });
      const mine = await verifier.api.request('POST', '/api/queue/next', { json: { types: ['doctors'] } });
      expect(mine.body?.record?.id ?? null).not.toBe(doctor.id);
      const theirs = await secondVerifier.api.request('POST', '/api/queue/next', {
        json: { types: ['doctors'] },
      });
      expect(theirs.body.record).toMatchObject({
        id: doctor.id,
        verificationStatus: 'awaiting_confirmation',
      });
    });

    it('verifies at once when an admin switches four-eyes off, and audits the switch', async () => {
      const settings = await t.api.request('GET', '/api/settings');
      expect(settings.body).toContainEqual(
        expect.objectContaining({ key: 'doctors.fourEyes', value: true, updatedAt: null }),
      );
      const refused = await verifier.api.request('PUT', '/api/settings/doctors.fourEyes', {
        json: { value: false },
      });
      expect(refused.status).toBe(403);
      const invalidValue = await t.api.request('PUT', '/api/settings/doctors.fourEyes', {
        json: { value: 'no' },
      });
      expect(invalidValue.status).toBe(422);
      const unknownKey = await t.api.request('PUT', '/api/settings/doctors.nope', { json: { value: false } });
      expect(unknownKey.status).toBe(404);
      const off = await t.api.request('PUT', '/api/settings/doctors.fourEyes', { json: { value: false } });
      expect(off.status, off.text).toBe(200);
      expect(off.body).toMatchObject({ key: 'doctors.fourEyes', value: false, updatedBy: t.adminId });
      const audit = await t.api.all('audit', { resource: 'settings' });
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'configure',
          note: 'doctors.fourEyes',
          fromStatus: 'true',
          toStatus: 'false',
        }),
      ]);

      const doctor = await storeItem(t.db, authors, 'doctors', { verificationStatus: 'pending' });
      const verified = await verify(verifier, doctor.id, doctor.version);
      expect(verified.body).toMatchObject({ verificationStatus: 'verified', verifiedBy: verifier.id });
    });

    it('lets a verifier ask the doctor for more, with a reason the doctor is told', async () => {
      const doctor = await storeItem(t.db, authors, 'doctors', { verificationStatus: 'pending' });
      const asked = await decide(verifier.api, 'doctors', doctor.id, {
        action: 'request_info',
        reasonCode: 'documents_missing',
        version: doctor.version,
      });
      expect(asked.status, asked.text).toBe(200);
      expect(asked.body.verificationStatus).toBe('unverified');
      const notices = await verifier.api.request('GET', `/api/doctors/${doctor.id}/notifications`);
      expect(notices.body[0].text).toContain('legible copy of your current TX medical license');
      const noReason = await decide(verifier.api, 'doctors', doctor.id, {
        action: 'request_info',
        version: 2,
      });
      expect(noReason.status).toBe(422);
    });
  });

  describe("a doctor's standing and their answers", () => {
    it('holds answers by an unverified doctor, and frees them once the doctor is verified', async () => {
      const doctor = await onboard(npis.found);
      const answer = await t.api.created('answers', {
        questionId: authors.questionId,
        doctorId: doctor.id,
        body: 'Botox softens lines for three to four months; it is not permanent.',
      });
      expect(resultOf(answer, 'ANS_AUTHOR_UNVERIFIED')).toMatchObject({ outcome: 'fail', severity: 'block' });
      const held = await decide(moderator.api, 'answers', answer.id, {
        action: 'approve',
        version: answer.version,
      });
      expect([held.status, held.body.code]).toEqual([409, 'held']);
      expect(held.body.message).toContain('verification unverified');
      expect((await t.api.getOne('answers', answer.id)).body.status).toBe('pending');
      // Held, it waits on its author, not in the moderators' queue.
      const queue = () => moderator.api.request('POST', '/api/queue/next', { json: { types: ['answers'] } });
      expect((await queue()).status).toBe(204);

      await decide(verifier.api, 'doctors', doctor.id, { action: 'submit', version: doctor.version });
      await decide(verifier.api, 'doctors', doctor.id, { action: 'verify', version: doctor.version + 1 });
      const stillHeld = (await t.api.getOne('answers', answer.id)).body;
      expect(resultOf(stillHeld, 'ANS_AUTHOR_UNVERIFIED').outcome).toBe('fail');
      await decide(secondVerifier.api, 'doctors', doctor.id, {
        action: 'verify',
        version: doctor.version + 2,
      });

      const freed = (await t.api.getOne('answers', answer.id)).body;
      expect(resultOf(freed, 'ANS_AUTHOR_UNVERIFIED')).toMatchObject({ outcome: 'pass' });
      expect((await queue()).body.record).toMatchObject({ id: answer.id });
      const approved = await decide(moderator.api, 'answers', answer.id, {
        action: 'approve',
        version: freed.version,
      });
      expect(approved.status, approved.text).toBe(200);
      expect(approved.body.status).toBe('approved');
    });
  });

  describe('the daily sweep', () => {
    const sweepRegistry = nppesRegistry({ baseUrl: registryUrl, timeoutMs });

    it('suspends a verified doctor once the clock passes their license expiry, and holds their answers', async () => {
      const doctor = await onboard(npis.found, { licenseExpiresOn: '2026-11-10' });
      await decide(verifier.api, 'doctors', doctor.id, { action: 'submit', version: 1 });
      await decide(verifier.api, 'doctors', doctor.id, { action: 'verify', version: 2 });
      await decide(secondVerifier.api, 'doctors', doctor.id, { action: 'verify', version: 3 });
      const answer = await t.api.created('answers', {
        questionId: authors.questionId,
        doctorId: doctor.id,
        body: 'Filler under the eyes usually lasts nine to twelve months.',
      });
      expect(resultOf(answer, 'ANS_AUTHOR_UNVERIFIED').outcome).toBe('pass');

      const before = await sweepDoctors(t.db, sweepRegistry, new Date('2026-11-05T06:00:00.000Z'));
      expect(before).toMatchObject({ suspended: [], requeued: [] });
      const expiring = (await t.api.getOne('doctors', doctor.id)).body;
      expect(resultOf(expiring, 'DOC_LICENSE_EXPIRY')).toMatchObject({
        outcome: 'fail',
        severity: 'high',
        message: 'License expires in 5 days',
      });

      const after = await sweepDoctors(t.db, sweepRegistry, new Date('2026-11-11T06:00:00.000Z'));
      expect(after.suspended).toEqual([{ id: doctor.id, ruleId: 'DOC_LICENSE_EXPIRY' }]);
      const suspended = (await t.api.getOne('doctors', doctor.id)).body;
      expect(suspended).toMatchObject({ verificationStatus: 'suspended', reasonCode: 'license_expired' });
      const [entry] = (await t.api.request('GET', `/api/doctors/${doctor.id}/history`)).body.slice(-1);
      expect(entry).toMatchObject({
        action: 'suspend',
        actorId: null,
        fromStatus: 'verified',
        toStatus: 'suspended',
        reasonCode: 'license_expired',
        note: 'Daily sweep, DOC_LICENSE_EXPIRY: License expired on 2026-11-10',
      });
      const held = (await t.api.getOne('answers', answer.id)).body;
      expect(resultOf(held, 'ANS_AUTHOR_UNVERIFIED')).toMatchObject({ outcome: 'fail' });
      const refused = await decide(moderator.api, 'answers', answer.id, {
        action: 'approve',
        version: held.version,
      });
      expect([refused.status, refused.body.code]).toEqual([409, 'held']);
      const audit = await t.api.request('GET', '/api/audit/verify');
      expect(audit.body).toMatchObject({ ok: true });
    });

    it('puts a verification older than a year back in the queue', async () => {
      const doctor = await storeItem(t.db, authors, 'doctors', {
        npi: npis.found,
        verificationStatus: 'verified',
        verifiedAt: '2025-10-15T12:00:00.000Z',
        verifiedBy: verifier.id,
      });
      const fresh = await storeItem(t.db, authors, 'doctors', {
        npi: npis.found,
        name: 'Dr. Amelia Hart',
        verificationStatus: 'verified',
        verifiedAt: '2026-06-01T12:00:00.000Z',
      });
      const report = await sweepDoctors(t.db, sweepRegistry, new Date(testStart));
      // storeAuthors' doctor was verified long ago too.
      expect(report.requeued).toContain(doctor.id);
      expect(report.requeued).not.toContain(fresh.id);
      expect(report).toMatchObject({ suspended: [], unreachable: 0 });
      expect((await t.api.getOne('doctors', doctor.id)).body).toMatchObject({
        verificationStatus: 'pending',
        verifiedAt: null,
      });
      expect((await t.api.getOne('doctors', fresh.id)).body.verificationStatus).toBe('verified');
      const [entry] = (await t.api.request('GET', `/api/doctors/${doctor.id}/history`)).body.slice(-1);
      expect(entry).toMatchObject({
        action: 'reverify',
        actorId: null,
        fromStatus: 'verified',
        toStatus: 'pending',
      });
    });

    it('leaves doctors as they are when the registry is down, and runs once a day however many instances ask', async () => {
      const doctor = await storeItem(t.db, authors, 'doctors', {
        npi: npis.slow,
        verificationStatus: 'verified',
        verifiedAt: '2026-09-01T12:00:00.000Z',
      });
      const first = await sweepOnce(t.db, sweepRegistry, new Date(testStart));
      expect(first).toMatchObject({ unreachable: 1, suspended: [] });
      expect(first!.requeued).not.toContain(doctor.id);
      expect((await t.api.getOne('doctors', doctor.id)).body.verificationStatus).toBe('verified');
      expect(await sweepOnce(t.db, sweepRegistry, new Date('2026-11-01T23:00:00.000Z'))).toBeNull();
      expect(await sweepOnce(t.db, sweepRegistry, new Date('2026-11-02T06:00:00.000Z'))).not.toBeNull();
    });
  });
});
