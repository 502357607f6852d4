import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrate, openDb } from '../../server/db/connection';
import { readNppesBody } from '../../server/registries/nppes';
import type { RegistryAnswer } from '../../server/registries/registry';
import { demoSize, seedDemo } from '../../server/seed';
import { AnswerKey } from '../../server/seed/answerKey';
import { registryLookups } from '../../server/services/credentials';
import { mediaTypeOf } from '../../server/services/uploads';
import { mediaKeys } from '../../server/storage';
import { DatabaseStorage } from '../../server/storage/database';
import {
  type ClaimedCredentials,
  compareWithRegistry,
  type RegistryRecord,
} from '../../src/domain/credentials';
import type { DoctorDocument, RuleResult } from '../../src/domain/model';
import type { CheckedResult } from '../../src/domain/rules/engine';
import { isValidNpi } from '../../src/domain/npi';
import { rulesByType } from '../../src/domain/rules/registry';
import { riskScore } from '../../src/domain/rules/riskScore';

/**
 * The demo data as the rules judge it: every item carries results, every planted problem is
 * caught by the rule it was planted for, and the honest items stay clean.
 */

let db: Db;
const key = new AnswerKey();
const asOf = '2026-11-01';

beforeAll(async () => {
  db = openDb(':memory:');
  await migrate(db);
  await seedDemo(db, { size: demoSize, asOf, answerKey: key });
}, 120_000);
afterAll(() => db.close());

async function checked(type: 'doctors' | 'answers' | 'reviews' | 'photos') {
  const rows = await db.kysely
    .selectFrom(type)
    .select(['id', 'ruleResults', 'riskScore'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    riskScore: row.riskScore,
    results: JSON.parse(row.ruleResults) as RuleResult[],
  }));
}

const failing = (results: RuleResult[]) => results.filter((r) => r.outcome === 'fail').map((r) => r.ruleId);

describe.each(['doctors', 'answers', 'reviews', 'photos'] as const)('the demo %s', (type) => {
  it('all carry a result of every rule and the risk those results give', async () => {
    const items = await checked(type);
    expect(items).toHaveLength(demoSize[type]);
    const ruleIds = rulesByType[type].map((rule) => rule.id);
    for (const item of items) {
      expect(item.results.map((r) => r.ruleId)).toEqual(ruleIds);
      expect(item.riskScore).toBe(riskScore(item.results));
    }
  });
});

describe('the demo answers', () => {
  it('fail the rule each planted problem was planted for', async () => {
    const missed: string[] = [];
    for (const item of await checked('answers')) {
      for (const ruleId of key.answers.get(item.id) ?? []) {
        if (!failing(item.results).includes(ruleId)) missed.push(`answer ${item.id} ${ruleId}`);
      }
    }
    expect(key.answers.size).toBeGreaterThan(20);
    expect(missed).toEqual([]);
  });

  it('fail no rule where nothing was planted', async () => {
    const noise: string[] = [];
    for (const item of await checked('answers')) {
      const expected = key.answers.get(item.id) ?? [];
      // A verified author whose license or NPI is at fault is the doctors' planted problem.
      const unexpected = failing(item.results).filter(
        (id) => !expected.includes(id) && id !== 'ANS_AUTHOR_UNVERIFIED',
      );
      if (unexpected.length > 0) noise.push(`answer ${item.id} ${unexpected.join(' ')}`);
    }
    expect(noise).toEqual([]);
  });
});

describe('the demo reviews', () => {
  it('fail the rule each planted pattern was planted for', async () => {
    const missed: string[] = [];
    for (const item of await checked('reviews')) {
      for (const ruleId of key.reviews.get(item.id) ?? []) {
        if (!failing(item.results).includes(ruleId)) missed.push(`review ${item.id} ${ruleId}`);
      }
    }
    expect(new Set([...key.reviews.values()].flat())).toEqual(new Set(rulesByType.reviews.map((r) => r.id)));
    expect(missed).toEqual([]);
  });

  // Rules about the text and the practice: a planted review fails none of them it was not planted for.
  const aboutText = [
    'REV_DETAIL',
    'REV_INCENTIVE',
    'REV_NEAR_DUP',
    'REV_MISMATCH',
    'REV_INSIDER',
    'REV_SAME_IP',
  ];

  it('fail none of the rules about the text or the practice where nothing was planted', async () => {
    const noise: string[] = [];
    for (const item of await checked('reviews')) {
      const expected = key.reviews.get(item.id) ?? [];
      const unexpected = failing(item.results).filter(
        (id) => aboutText.includes(id) && !expected.includes(id),
      );
      if (unexpected.length > 0) noise.push(`review ${item.id} ${unexpected.join(' ')}`);
    }
    expect(noise).toEqual([]);
  });

  it('come, the honest ones, from verified patients with a history: they fail neither REV_IDENTITY nor REV_PROFILE', async () => {
    // Only REV_BURST may fire on an honest review: one written during a planted burst of its doctor.
    const noise: string[] = [];
    const honest = (await checked('reviews')).filter((item) => !key.reviews.has(item.id));
    for (const item of honest) {
      const unexpected = failing(item.results).filter((id) => id !== 'REV_BURST');
      if (unexpected.length > 0) noise.push(`review ${item.id} ${unexpected.join(' ')}`);
    }
    expect(honest.length).toBeGreaterThan(demoSize.reviews / 2);
    expect(noise).toEqual([]);
  });

  it('put the planted reviews ahead of the honest ones in the queue order', async () => {
    const items = await checked('reviews');
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const planted = items.filter(
      (item) => key.reviews.has(item.id) && !key.reviews.get(item.id)!.includes('REV_MISMATCH'),
    );
    const honest = items.filter((item) => !key.reviews.has(item.id));
    expect(mean(planted.map((i) => i.riskScore))).toBeGreaterThan(mean(honest.map((i) => i.riskScore)) + 20);
  });
});

describe('the demo photo pairs', () => {
  it('fail every rule planted in them, each photo rule planted somewhere', async () => {
    const missed: string[] = [];
    for (const item of await checked('photos')) {
      for (const ruleId of key.photos.get(item.id) ?? []) {
        if (!failing(item.results).includes(ruleId)) missed.push(`photo ${item.id} ${ruleId}`);
      }
    }
    expect(missed).toEqual([]);
    expect(new Set([...key.photos.values()].flat())).toEqual(new Set(rulesByType.photos.map((r) => r.id)));
  });

  it('fail nothing that was not planted, and the honest pairs no rule at all', async () => {
    const noise: string[] = [];
    const items = await checked('photos');
    for (const item of items) {
      const expected = key.photos.get(item.id) ?? [];
      // A pair planted without EXIF leaves the rules that read it unknown; an honest one none.
      const judged = expected.length > 0 ? ['fail'] : ['fail', 'unknown'];
      for (const r of item.results.filter((r) => judged.includes(r.outcome) && !expected.includes(r.ruleId)))
        noise.push(`photo ${item.id} ${r.ruleId} ${r.outcome}: ${r.message}`);
    }
    expect(noise).toEqual([]);
    expect(items.filter((item) => !key.photos.has(item.id)).length).toBeGreaterThan(demoSize.photos / 2);
  });

  it('name, for every reused pair, the pair it matches, its doctor and the distance', async () => {
    const rows = await db.kysely.selectFrom('photos').select(['id', 'doctorId', 'ruleResults']).execute();
    const doctorOf = new Map(rows.map((row) => [row.id, row.doctorId]));
    let matches = 0;
    for (const row of rows) {
      for (const result of JSON.parse(row.ruleResults) as CheckedResult[]) {
        if (!['PH_DUP', 'PH_MIRROR'].includes(result.ruleId) || result.outcome !== 'fail') continue;
        for (const related of result.evidence!.related!) {
          matches++;
          expect(related.doctorId, `photo ${row.id}`).toBe(doctorOf.get(related.id));
          expect(related.image!.distance).toBeLessThanOrEqual(10);
          expect(related.image!.mirrored).toBe(result.ruleId === 'PH_MIRROR');
        }
      }
    }
    expect(matches).toBeGreaterThanOrEqual(10);
  });
});

async function doctorRows() {
  const rows = await db.kysely.selectFrom('doctors').selectAll().orderBy('id').execute();
  return rows.map((row) => ({
    ...row,
    documents: JSON.parse(row.documents) as DoctorDocument[],
    results: JSON.parse(row.ruleResults) as RuleResult[],
  }));
}

async function recordingOf(npi: string) {
  const row = await db.kysely
    .selectFrom('registryRecordings')
    .selectAll()
    .where('source', '=', 'nppes')
    .where('subject', '=', npi)
    .executeTakeFirstOrThrow();
  return { status: row.status, body: JSON.parse(row.body) };
}

describe('the demo doctors', () => {
  it('fail the rules planted in them, every doctor rule planted somewhere', async () => {
    const missed: string[] = [];
    for (const doctor of await doctorRows()) {
      for (const ruleId of key.doctors.get(doctor.id) ?? []) {
        if (!failing(doctor.results).includes(ruleId)) missed.push(`doctor ${doctor.id} ${ruleId}`);
      }
    }
    expect(missed).toEqual([]);
    expect(new Set([...key.doctors.values()].flat())).toEqual(
      new Set(rulesByType.doctors.map((rule) => rule.id)),
    );
  });

  it('fail nothing that was not planted: the honest ones no rule at all', async () => {
    const noise: string[] = [];
    for (const doctor of await doctorRows()) {
      const expected = key.doctors.get(doctor.id) ?? [];
      const unexpected = doctor.results.filter((r) => r.outcome !== 'pass' && !expected.includes(r.ruleId));
      for (const r of unexpected) noise.push(`doctor ${doctor.id} ${r.ruleId} ${r.outcome} ${r.severity}`);
    }
    expect(noise).toEqual([]);
    const honest = (await doctorRows()).filter((doctor) => !key.doctors.has(doctor.id));
    expect(honest.length).toBeGreaterThan(demoSize.doctors / 3);
    for (const doctor of honest) {
      expect(
        doctor.results.filter((r) => r.outcome === 'fail' && ['block', 'high'].includes(r.severity)),
      ).toEqual([]);
    }
  });

  it('all carry the registry’s answer, found or not found, fetched on the seed’s day', async () => {
    const doctors = await doctorRows();
    const lookups = await registryLookups(
      db.kysely,
      doctors.map((d) => d.npi),
    );
    const outcomes = new Set<string>();
    for (const doctor of doctors) {
      const lookup = lookups.get(doctor.npi);
      if (!isValidNpi(doctor.npi)) {
        // No registry record can exist for a malformed NPI, so it is never asked about.
        expect(lookup, doctor.npi).toBeUndefined();
        continue;
      }
      expect(lookup, `doctor ${doctor.id}`).toMatchObject({
        fetchedAt: `${asOf}T00:00:00.000Z`,
        failedAt: null,
      });
      expect(['found', 'not_found']).toContain(lookup!.outcome);
      outcomes.add(lookup!.outcome);
    }
    expect(outcomes).toEqual(new Set(['found', 'not_found']));
  });

  it('are recorded by the registry as NPPES writes them, and the honest ones agree field by field', async () => {
    const disagreements = new Set<string>();
    for (const doctor of await doctorRows()) {
      const { status, body } = await recordingOf(doctor.npi);
      expect(status).toBe(200);
      const answer = readNppesBody(body, doctor.npi);
      const registryPlanted = (key.doctors.get(doctor.id) ?? []).includes('DOC_NPI_REGISTRY');
      if (!registryPlanted) {
        expect(answer.outcome, `doctor ${doctor.id}`).toBe('found');
        const [result] = body.results;
        expect(body.result_count).toBe(1);
        expect(result).toMatchObject({ number: doctor.npi, enumeration_type: 'NPI-1' });
        expect(result.basic.first_name).toBe(result.basic.first_name.toUpperCase());
        expect(result.basic.last_name).toBe(result.basic.last_name.toUpperCase());
        expect(result.taxonomies.find((t: { primary: boolean }) => t.primary)).toMatchObject({
          state: doctor.licenseState,
        });
        const rows = compareWithRegistry(doctor as unknown as ClaimedCredentials, recordOf(answer));
        for (const row of rows) {
          // A registry entry without a credential says nothing about it; everything else matches.
          const allowed = row.field === 'credential' ? ['match', 'missing'] : ['match'];
          expect(allowed, `doctor ${doctor.id} ${row.field}: ${row.claimed} / ${row.registry}`).toContain(
            row.verdict,
          );
        }
        continue;
      }
      if (!isValidNpi(doctor.npi) || answer.outcome === 'not_found') {
        disagreements.add('not found');
        continue;
      }
      expect(answer.outcome).toBe('found');
      const rows = compareWithRegistry(doctor as unknown as ClaimedCredentials, recordOf(answer));
      const mismatched = rows.filter((row) => row.verdict === 'mismatch').map((row) => row.field);
      expect(mismatched.length, `doctor ${doctor.id}`).toBeGreaterThan(0);
      disagreements.add(mismatched.join(' '));
    }
    // Every way a registry plant differs from its profile is in the demo.
    expect(disagreements).toEqual(
      new Set([
        'not found',
        'name licenseNumber',
        'licenseNumber',
        expect.stringContaining('enumerationType'),
      ]),
    );
  });

  it('the honest recordings spell names and credentials in more than one way', async () => {
    const credentials = new Set<string | null>();
    let middleNames = 0;
    let initialsOnProfile = 0;
    for (const doctor of await doctorRows()) {
      if (key.doctors.has(doctor.id)) continue;
      const { body } = await recordingOf(doctor.npi);
      const { basic } = body.results[0];
      credentials.add(basic.credential ?? null);
      if (basic.middle_name) middleNames++;
      if (/ [A-Z]\. /.test(doctor.name)) initialsOnProfile++;
    }
    expect(credentials.size).toBeGreaterThanOrEqual(3);
    expect(credentials).toContain(null);
    expect(middleNames).toBeGreaterThan(0);
    expect(initialsOnProfile).toBeGreaterThan(0);
  });

  it('list the documents they uploaded, whose bytes are the files a browser shows', async () => {
    const stored = await db.kysely.selectFrom('doctorDocuments').selectAll().orderBy('id').execute();
    const listed = (await doctorRows()).flatMap((doctor) =>
      doctor.documents.map((d) => ({ ...d, doctorId: doctor.id })),
    );
    expect(listed.map((d) => d.id).sort((a, b) => a - b)).toEqual(stored.map((d) => d.id));
    const kinds = new Set<string>();
    const storage = new DatabaseStorage(db.kysely);
    for (const row of stored) {
      const bytes = (await storage.get(mediaKeys.document(row.sha256)))!;
      expect(listed.find((d) => d.id === row.id)).toEqual({ ...row, uploadedBy: null });
      expect(bytes.length).toBe(row.byteLength);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
      expect(mediaTypeOf(bytes)).toBe(row.mediaType);
      kinds.add(row.kind);
      if (row.mediaType === 'application/pdf') expectWellFormedPdf(bytes, `document ${row.id}`);
      else expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 1000, height: 740 });
    }
    expect(kinds).toEqual(new Set(['license', 'board_certificate', 'insurance', 'other']));
    for (const doctor of await doctorRows()) {
      const kindsOf = doctor.documents.map((d) => d.kind);
      // Every doctor who sent the profile in sent the license with it; the others sent nothing.
      expect(kindsOf.includes('license'), `doctor ${doctor.id}`).toBe(
        doctor.verificationStatus !== 'unverified',
      );
      for (const document of doctor.documents) {
        expect(document.uploadedAt > doctor.createdAt).toBe(true);
        expect(document.uploadedAt < `${asOf}T00:00:00.000Z`).toBe(true);
      }
    }
  });

  it('were verified by two verifiers, the second never the first, and the history leads to their status', async () => {
    const entries = await db.kysely
      .selectFrom('audit')
      .select(['recordId', 'actorId', 'action', 'fromStatus', 'toStatus', 'at'])
      .where('resource', '=', 'doctors')
      .orderBy('id')
      .execute();
    const awaiting: number[] = [];
    for (const doctor of await doctorRows()) {
      const history = entries.filter((e) => e.recordId === doctor.id);
      let status = history[0]?.fromStatus ?? doctor.verificationStatus;
      history.forEach((entry, i) => {
        expect(entry.fromStatus, `doctor ${doctor.id} entry ${i}`).toBe(status);
        status = entry.toStatus!;
        if (entry.action === 'verify' && entry.toStatus === 'verified') {
          const first = history[i - 1];
          expect(first).toMatchObject({ action: 'verify', toStatus: 'awaiting_confirmation' });
          expect(first.actorId).not.toBe(entry.actorId);
        }
      });
      expect(status, `doctor ${doctor.id}`).toBe(doctor.verificationStatus);
      const confirmations = history.filter((e) => e.toStatus === 'verified');
      expect(doctor.verifiedAt).toBe(confirmations.at(-1)?.at ?? null);
      if (doctor.verificationStatus === 'awaiting_confirmation') {
        awaiting.push(doctor.id);
        expect(history.at(-1)).toMatchObject({ action: 'verify', fromStatus: 'pending' });
        expect(doctor.decidedBy).toBe(history.at(-1)!.actorId);
      }
    }
    expect(awaiting.length).toBeGreaterThanOrEqual(1);
  });
});

function recordOf(answer: RegistryAnswer): RegistryRecord {
  if (answer.outcome !== 'found') throw new Error(`the registry answered ${answer.outcome}`);
  return answer.record;
}

/** The cross-reference table points at each object, and the trailer at the table. */
function expectWellFormedPdf(bytes: Buffer, label: string) {
  const text = bytes.toString('latin1');
  expect(text.startsWith('%PDF-1.'), label).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF'), label).toBe(true);
  const xrefAt = Number(/startxref\n(\d+)\n%%EOF/.exec(text)![1]);
  expect(text.slice(xrefAt, xrefAt + 4), label).toBe('xref');
  const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt))!;
  const entries = text
    .slice(xrefAt)
    .split('\n')
    .slice(3, 2 + Number(count));
  entries.forEach((entry, i) => {
    expect(entry, label).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${i + 1} 0 obj`.length), label).toBe(`${i + 1} 0 obj`);
  });
  const stream = /<< \/Length (\d+) >>\nstream\n/.exec(text)!;
  const start = stream.index + stream[0].length;
  expect(text.slice(start + Number(stream[1]), start + Number(stream[1]) + 10), label).toBe('\nendstream');
}
