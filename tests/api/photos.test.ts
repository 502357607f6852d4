import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { pngChunk } from '../../server/seed/faces';
import { mediaKeys } from '../../server/storage';
import { LocalDirectoryStorage } from '../../server/storage/localDirectory';
import { photoRules } from '../../src/domain/rules/photos';
import { testDialects } from './databases';
import {
  type ApiRecord,
  bodies,
  type Json,
  photoForm,
  rowCounts,
  testPhoto,
  type TestExif,
  testAdmin,
  useTestApi,
} from './fixtures';

/**
 * Photo pairs through the API: the upload keeps the originals and serves versions without
 * metadata to signed-in users only, refuses bad files before storing anything, and each photo
 * rule fires on pairs crafted for it, the near-duplicates found among the stored pairs.
 */

const mediaRoot = mkdtempSync(join(tmpdir(), 'verity-photos-test-'));
afterAll(() => rmSync(mediaRoot, { recursive: true, force: true }));

/** Every file under a directory, as paths relative to it. */
const filesUnder = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));

const camera = (taken: string, extra: Record<string, string> = {}): TestExif => ({
  IFD0: { Make: 'Canon', Model: 'Canon EOS R6', ...extra },
  IFD2: { DateTimeOriginal: taken },
});

/** A pair taken two months apart, as an honest clinic would upload it. */
async function honestPair(seed: string) {
  return {
    before: await testPhoto(`${seed}-before`, { exif: camera('2026:01:10 10:00:00') }),
    after: await testPhoto(`${seed}-after`, { exif: camera('2026:03:12 15:00:00') }),
  };
}

const failing = (record: Json, ruleId: string) =>
  (record.ruleResults as Json[]).find((r) => r.ruleId === ruleId && r.outcome === 'fail');

describe.each(testDialects)('photo uploads on %s', (dialect) => {
  const storage = new LocalDirectoryStorage(join(mediaRoot, dialect));
  const t = useTestApi(dialect, { deps: { storage } });
  let doctorId: number;
  let otherDoctorId: number;

  beforeEach(async () => {
    rmSync(storage.root, { recursive: true, force: true });
    doctorId = (await t.api.created('doctors', bodies.doctor())).id;
    otherDoctorId = (
      await t.api.created(
        'doctors',
        bodies.doctor({ name: 'Dr. Noah Kim', npi: '1987654320', licenseNumber: 'CA-2' }),
      )
    ).id;
  });

  const fields = (overrides: Record<string, unknown> = {}) => ({
    doctorId,
    procedure: 'Lip filler',
    caption: 'Lip filler, one syringe, photographed 2 months after treatment.',
    monthsAfterTreatment: 2,
    consentOnFile: true,
    ...overrides,
  });
  const upload = async (body: Record<string, unknown>) =>
    t.api.request('POST', '/api/photos', { body: await photoForm(body) });
  const uploaded = async (body: Record<string, unknown>): Promise<ApiRecord> => {
    const response = await upload(body);
    expect(response.status, response.text).toBe(201);
    return response.body;
  };

  it('keeps a good pair, checks it, and serves versions without metadata to signed-in users only', async () => {
    const before = await testPhoto('good-before', {
      exif: { ...camera('2026:01:10 10:00:00'), IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 16/1 0/1' } },
    });
    const { after } = await honestPair('good');
    const record = await uploaded({ ...fields(), before, after });

    expect(record).toMatchObject({
      status: 'pending',
      doctorId,
      monthsAfterTreatment: 2,
      consentOnFile: true,
    });
    expect(record.ruleResults.map((r: Json) => r.ruleId)).toEqual(photoRules.map((rule) => rule.id));
    expect(record.ruleResults.filter((r: Json) => r.outcome !== 'pass')).toEqual([]);
    const sha256 = createHash('sha256').update(before).digest('hex');
    expect(record.before).toEqual({
      url: `/api/images/${sha256}/display`,
      thumbnailUrl: `/api/images/${sha256}/thumbnail`,
      width: 120,
      height: 150,
      sha256,
      mediaType: 'image/jpeg',
      byteLength: before.length,
      phash: expect.stringMatching(/^[0-9a-f]{16}$/),
      mirroredPhash: expect.stringMatching(/^[0-9a-f]{16}$/),
      exif: { Make: 'Canon', Model: 'Canon EOS R6', DateTimeOriginal: '2026-01-10T10:00:00', Orientation: 1 },
    });
    // The original is kept byte for byte; GPS stays in it and nowhere else.
    expect(await storage.get(mediaKeys.original(sha256))).toEqual(before);
    expect(JSON.stringify(record)).not.toMatch(/GPS/i);

    for (const url of [record.before.url, record.before.thumbnailUrl, record.after.url]) {
      const image = await t.api.app.fetch(
        new Request(`http://verity.test${url}`, { headers: { cookie: t.api.jar.header()! } }),
      );
      expect(image.status, url).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/webp');
      expect(image.headers.get('x-content-type-options')).toBe('nosniff');
      expect(image.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      const metadata = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
      expect([metadata.format, metadata.width, metadata.exif, metadata.icc, metadata.xmp]).toEqual([
        'webp',
        120,
        undefined,
        undefined,
        undefined,
      ]);
    }

    t.api.jar.clear();
    const signedOut = await t.api.request('GET', record.before.url);
    expect([signedOut.status, signedOut.body]).toEqual([
      401,
      { message: 'sign in first', code: 'unauthenticated' },
    ]);
  });

  it('takes an iPhone HEIC photo, reading its EXIF and deriving its versions', async () => {
    const heic = readFileSync('tests/fixtures/photo.heic');
    const { after } = await honestPair('heic');
    const record = await uploaded({ ...fields(), before: heic, after });
    expect(record.before).toMatchObject({
      mediaType: 'image/heic',
      width: 96,
      height: 128,
      exif: {
        Make: 'Apple',
        Model: 'iPhone 15 Pro',
        Software: '17.4.1',
        DateTimeOriginal: '2026-02-01T11:30:00',
      },
    });
    const display = await t.api.request('GET', record.before.url);
    expect([display.status, display.headers.get('content-type')]).toEqual([200, 'image/webp']);
  });

  it('refuses what is not a photo, too large, a pixel bomb or unreadable, leaving no row and no file', async () => {
    const { before, after } = await honestPair('refused');
    const jpegHeader = before.subarray(0, 400);
    // A PNG whose header declares 20,000 × 20,000 pixels; nothing past the header is ever decoded.
    const bomb = pngDeclaring(20_000, 20_000);
    const refusals: [string, Record<string, unknown>, number, string][] = [
      [
        'a text file named .jpg',
        { before: Buffer.from('I am a text file, honest'), after },
        415,
        'unsupported_media_type',
      ],
      ['a PDF', { before, after: Buffer.from('%PDF-1.4\n%%EOF\n') }, 415, 'unsupported_media_type'],
      [
        '25 MiB and a byte',
        { before: Buffer.concat([jpegHeader, Buffer.alloc(25 * 1024 * 1024 + 1 - 400)]), after },
        413,
        'payload_too_large',
      ],
      ['a pixel bomb', { before, after: bomb }, 413, 'too_many_pixels'],
      [
        'a truncated JPEG',
        { before: before.subarray(0, Math.floor(before.length / 2)), after },
        422,
        'invalid',
      ],
      ['no after photo', { before }, 422, 'invalid'],
      ['an empty file', { before, after: Buffer.alloc(0) }, 422, 'invalid'],
    ];
    const counts = await rowCounts(t.db);
    for (const [label, images, status, code] of refusals) {
      const response = await upload({ ...fields(), ...images });
      expect([response.status, response.body?.code], `${label}: ${response.text}`).toEqual([status, code]);
      expect(response.body.message, label).toMatch(/(before|after) image/);
    }
    const badFields: [Record<string, unknown>, string][] = [
      [{ monthsAfterTreatment: 121 }, 'monthsAfterTreatment'],
      [{ procedure: 'Botax' }, 'procedure'],
      [{ consentOnFile: 'maybe' }, 'consentOnFile'],
      [{ caption: '' }, 'caption'],
    ];
    for (const [change, field] of badFields) {
      const response = await upload({ ...fields(change), before, after });
      expect([response.status, response.body.details?.[0]?.path], field).toEqual([422, field]);
    }
    const unknownDoctor = await upload({ ...fields({ doctorId: 999999 }), before, after });
    expect([unknownDoctor.status, unknownDoctor.body.message]).toEqual([
      422,
      'a referenced record does not exist',
    ]);
    const json = await t.api.request('POST', '/api/photos', { json: fields() });
    expect([json.status, json.body.code]).toEqual([415, 'unsupported_media_type']);

    expect(await rowCounts(t.db)).toEqual(counts);
    expect(await t.db.kysely.selectFrom('photoHashes').selectAll().execute()).toEqual([]);
    expect(filesUnder(mediaRoot).filter((path) => path.startsWith(dialect))).toEqual([]);
  });

  it('catches reused, mirrored, same-shot, edited, misdated, unconsented, undisclosed, reframed and bare pairs', async () => {
    const original = await honestPair('original');
    const first = await uploaded({ ...fields(), ...original });
    expect(failing(first, 'PH_DUP')).toBeUndefined();

    // Another doctor posts the same before photo, re-encoded, a month later.
    t.clock.set('2026-12-01T09:00:00.000Z');
    await t.api.signIn(testAdmin.email);
    const recompressed = await sharp(original.before)
      .jpeg({ quality: 60 })
      .withExif(camera('2026:01:10 10:00:00'))
      .toBuffer();
    const copy = await uploaded({
      ...fields({ doctorId: otherDoctorId }),
      before: recompressed,
      after: (await honestPair('copy')).after,
    });
    const dup = failing(copy, 'PH_DUP');
    expect(dup).toMatchObject({ severity: 'block' });
    expect(dup.evidence.related).toEqual([
      expect.objectContaining({
        resource: 'photos',
        id: first.id,
        doctorId,
        image: expect.objectContaining({ side: 'before', otherSide: 'before', mirrored: false }),
      }),
    ]);
    // The first pair now points at the copy too: posted later, by someone else.
    const firstAgain = (await t.api.getOne('photos', first.id)).body;
    expect(failing(firstAgain, 'PH_DUP')).toMatchObject({
      severity: 'high',
      evidence: { related: [expect.objectContaining({ id: copy.id })] },
    });

    const mirroredCopy = await uploaded({
      ...fields({ doctorId: otherDoctorId }),
      before: await sharp(original.after).flop().withExif(camera('2026:01:02 09:00:00')).jpeg().toBuffer(),
      after: (await honestPair('mirror')).after,
    });
    expect(failing(mirroredCopy, 'PH_DUP')).toBeUndefined();
    expect(failing(mirroredCopy, 'PH_MIRROR').evidence.related[0]).toMatchObject({
      id: first.id,
      image: { side: 'before', otherSide: 'after', mirrored: true },
    });

    const retouched = await sharp(original.after)
      .modulate({ brightness: 1.06 })
      .blur(0.8)
      .withExif(camera('2026:01:02 09:00:00'))
      .jpeg()
      .toBuffer();
    const sameShot = await uploaded({
      ...fields(),
      before: await testPhoto('shot', { exif: camera('2026:01:10 10:00:00') }),
      after: await testPhoto('shot', {
        exif: camera('2026:03:12 10:00:00', { Software: 'Adobe Photoshop 25.0' }),
      }),
    });
    expect(failing(sameShot, 'PH_SAME_SHOT')).toMatchObject({ severity: 'block' });
    expect(failing(sameShot, 'PH_EDITOR').evidence.fields).toEqual([
      { side: 'after', field: 'Software', value: 'Adobe Photoshop 25.0' },
    ]);

    const misdated = await uploaded({
      ...fields({ consentOnFile: false, caption: 'What a difference!', monthsAfterTreatment: '' }),
      before: await testPhoto('misdated-before', { exif: camera('2026:03:12 15:00:00') }),
      after: retouched,
    });
    expect(failing(misdated, 'PH_DATES').message).toBe(
      'The after photo was taken 69 day(s) before the before photo.',
    );
    expect(failing(misdated, 'PH_CONSENT')).toMatchObject({ severity: 'block' });
    expect(failing(misdated, 'PH_DISCLOSE')).toBeDefined();
    expect(misdated.monthsAfterTreatment).toBeNull();

    const reframed = await uploaded({
      ...fields(),
      before: await testPhoto('bare-before', { exif: null }),
      after: await testPhoto('bare-after', { exif: null, width: 150, height: 150 }),
    });
    expect(failing(reframed, 'PH_FRAMING').evidence.fields).toEqual([
      { side: 'before', field: 'dimensions', value: '120 × 150' },
      { side: 'after', field: 'dimensions', value: '150 × 150' },
    ]);
    expect(failing(reframed, 'PH_META')).toMatchObject({ severity: 'info' });

    // The pair that was copied leaves: its copies no longer match anything.
    expect((await t.api.remove('photos', first.id)).status).toBe(200);
    const copyAgain = (await t.api.getOne('photos', copy.id)).body;
    expect(failing(copyAgain, 'PH_DUP')).toBeUndefined();
    // The mirrored copy still mirrors the retouched after photo of the misdated pair, and only that.
    const mirroredAgain = failing((await t.api.getOne('photos', mirroredCopy.id)).body, 'PH_MIRROR');
    expect(mirroredAgain.evidence.related.map((r: Json) => r.id)).toEqual([misdated.id]);
  });

  it('lists the pairs failing a photo rule, and follows the rule being switched off and on again', async () => {
    const original = await honestPair('listed');
    const first = await uploaded({ ...fields(), ...original });
    const copy = await uploaded({
      ...fields({ doctorId: otherDoctorId }),
      before: original.before,
      after: original.after,
    });
    expect(failing(copy, 'PH_DUP').message).toBe(
      `Before image is the same file as an image of pair #${first.id}, posted by another doctor.`,
    );
    const listed = async () => (await t.api.all('photos', { ruleId: 'PH_DUP' })).map((p) => p.id);
    expect(await listed()).toEqual([first.id, copy.id]);
    for (const [enabled, expected] of [
      [false, []],
      [true, [first.id, copy.id]],
    ] as const) {
      const changed = await t.api.request('PUT', '/api/rules/PH_DUP', { json: { enabled } });
      expect(changed.status, changed.text).toBe(200);
      await t.reruns.settled();
      expect(await listed()).toEqual(expected);
    }
  });
});

/** A PNG header and one compressed row: a file of a few hundred bytes claiming a huge image. */
function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(width * 3 + 1))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
