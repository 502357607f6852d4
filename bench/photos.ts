import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createApp } from '../server/app';
import { insertRows } from '../server/db/bulk';
import { migrate, openDb } from '../server/db/connection';
import { insertRecord } from '../server/db/records';
import { photoMatches } from '../server/services/checks';
import { type IngestStage, readImage, prepareImage } from '../server/services/images';
import { hashPassword } from '../server/services/passwords';
import { laterShot, randomLook, randomShot, renderPortrait } from '../server/seed/faces';
import { Random } from '../server/seed/random';
import { LocalDirectoryStorage } from '../server/storage/localDirectory';
import type { Photo } from '../src/domain/model';
import { bandValues, hammingDistance } from '../src/domain/perceptualHash';
import { resourceSpecs } from '../src/domain/resources';
import { photoRules } from '../src/domain/rules/photos';

/**
 * `npm run bench:photos`: what a photo upload costs, step by step and through POST /api/photos,
 * for phone-sized and small photos; what a near-duplicate lookup costs among 1,000,000 stored
 * image hashes (the multi-index read, beside a linear scan for comparison); and the calibration
 * of the match threshold on generated photographs. On a temporary SQLite database and media
 * directory, deleted afterwards. Prints a table and writes bench/results/photos-<time>.json.
 * Asserts nothing about time. PAIRS (default 20), STORED (default 1,000,000) and LOOKUPS
 * (default 300) change the sizes.
 */

const pairs = Number(process.env.PAIRS ?? 20);
const stored = Number(process.env.STORED ?? 1_000_000);
const lookups = Number(process.env.LOOKUPS ?? 300);
const threshold = photoRules.find((rule) => rule.id === 'PH_DUP')!.threshold!.default;

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const stats = (samples: number[]) => ({
  median: Number(percentile(samples, 50).toFixed(2)),
  p99: Number(percentile(samples, 99).toFixed(2)),
  max: Number(Math.max(...samples).toFixed(2)),
  runs: samples.length,
});
const row = (label: string, s: ReturnType<typeof stats>, unit = 'ms') =>
  `${label.padEnd(58)} ${String(s.median).padStart(9)} ${String(s.p99).padStart(9)} ${String(s.max).padStart(9)}  ${unit}, ${s.runs} runs`;

const work = mkdtempSync(join(tmpdir(), 'verity-bench-photos-'));
const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  sizes: { pairs, stored, lookups },
};
const lines: string[] = [];

try {
  // --- Photographs: drawn faces, each patient twice, some enlarged to what a phone saves ---------
  console.log(`drawing ${pairs} pairs…`);
  const random = new Random('bench-photos');
  const exif = (taken: string) => ({
    IFD0: { Make: 'Apple', Model: 'iPhone 15 Pro', Software: '17.4.1' },
    IFD2: { DateTimeOriginal: taken },
  });
  const drawn: { before: Buffer; after: Buffer }[] = [];
  for (let i = 0; i < pairs; i++) {
    const look = randomLook(random);
    const condition = {
      lines: 0.5,
      lipVolume: 0.4,
      hollows: 0.3,
      spots: 0.2,
      texture: 0.2,
      noseHump: 0.1,
      hooding: 0.2,
      jowls: 0.2,
      chinFat: 0.1,
      cheekVolume: 0.6,
    };
    const shot = randomShot(random);
    drawn.push({
      before: await renderPortrait({
        width: 480,
        height: 600,
        look,
        condition,
        shot,
        exif: exif('2026:01:10 10:00:00'),
      }),
      after: await renderPortrait({
        width: 480,
        height: 600,
        look,
        condition: { ...condition, lines: 0.1 },
        shot: laterShot(random, shot),
        exif: exif('2026:03:12 15:00:00'),
      }),
    });
  }
  /** 3024 × 4032, a phone's 12-megapixel JPEG at quality 90, EXIF kept. */
  const phoneSized = (bytes: Buffer, taken: string) =>
    sharp(bytes).resize(3024, 4032).jpeg({ quality: 90 }).withExif(exif(taken)).toBuffer();
  const phone = await Promise.all(
    drawn.map(async (pair) => ({
      before: await phoneSized(pair.before, '2026:01:10 10:00:00'),
      after: await phoneSized(pair.after, '2026:03:12 15:00:00'),
    })),
  );
  const phoneBytes = phone[0].before.length;

  // --- Ingest, step by step ---------------------------------------------------------------------
  const stages: IngestStage[] = ['validation', 'exif', 'hashing', 'derivatives'];
  const ingest: Record<string, Record<string, ReturnType<typeof stats>>> = {};
  for (const [size, set] of [
    ['12 MP JPEG', phone],
    ['480 × 600 JPEG', drawn],
  ] as const) {
    const perStage = Object.fromEntries(stages.map((stage) => [stage, [] as number[]]));
    const total: number[] = [];
    for (const pair of set) {
      const started = performance.now();
      const perPair = Object.fromEntries(stages.map((stage) => [stage, 0]));
      for (const side of [pair.before, pair.after]) {
        await prepareImage(side, 'bench', (stage, ms) => (perPair[stage] += ms));
      }
      total.push(performance.now() - started);
      for (const stage of stages) perStage[stage].push(perPair[stage]);
    }
    ingest[size] = {
      ...Object.fromEntries(stages.map((stage) => [stage, stats(perStage[stage])])),
      total: stats(total),
    };
  }

  // --- Ingest through the API: the upload, the storage, the index, the rules, one transaction ---
  const apiDb = openDb(join(work, 'api.db'));
  await migrate(apiDb);
  const admin = { email: 'bench@verity.example', password: 'a bench password' };
  await apiDb.kysely
    .insertInto('moderators')
    .values({
      name: 'Bench',
      email: admin.email,
      role: 'admin',
      passwordHash: await hashPassword(admin.password),
      createdAt: new Date().toISOString(),
    })
    .execute();
  const doctor = await insertRecord(apiDb.kysely, resourceSpecs.doctors, {
    ...resourceSpecs.doctors.defaults,
    name: 'Dr. Bench',
    credential: 'MD',
    specialty: 'Dermatology',
    practiceName: 'Bench',
    practiceDomain: null,
    practicePhone: null,
    city: 'Austin',
    npi: '1234567893',
    licenseState: 'TX',
    licenseNumber: 'B1',
    licenseStatus: 'active',
    licenseExpiresOn: '2030-01-01',
    board: null,
    boardCertified: false,
    createdAt: new Date().toISOString(),
  });
  const app = createApp({ db: apiDb, storage: new LocalDirectoryStorage(join(work, 'media')) });
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-verity-request': '1' },
    body: JSON.stringify(admin),
  });
  const cookie = login.headers.getSetCookie()[0].split(';')[0];
  const post: number[] = [];
  for (const pair of phone) {
    const form = new FormData();
    form.set('doctorId', String(doctor.id));
    form.set('procedure', 'Botox');
    form.set('caption', 'Botox to the forehead, photographed 2 months after treatment.');
    form.set('monthsAfterTreatment', '2');
    form.set('consentOnFile', 'true');
    form.set('before', new File([new Uint8Array(pair.before)], 'before.jpg'));
    form.set('after', new File([new Uint8Array(pair.after)], 'after.jpg'));
    const started = performance.now();
    const response = await app.request('/api/photos', {
      method: 'POST',
      headers: { cookie, 'x-verity-request': '1' },
      body: form,
    });
    post.push(performance.now() - started);
    if (response.status !== 201)
      throw new Error(`POST /api/photos answered ${response.status}: ${await response.text()}`);
  }
  ingest['POST /api/photos, 12 MP pair'] = { total: stats(post) };
  await apiDb.close();
  results.ingest = ingest;

  // --- Near-duplicate lookup among a million stored hashes --------------------------------------
  console.log(`storing ${stored.toLocaleString('en-US')} image hashes…`);
  const db = openDb(join(work, 'index.db'));
  await migrate(db);
  let state = 0x9e3779b9;
  const next32 = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const randomHash = () => next32().toString(16).padStart(8, '0') + next32().toString(16).padStart(8, '0');
  const hashes: string[] = [];
  const fillStarted = performance.now();
  for (let start = 0; start < stored; start += 100_000) {
    const rows = [];
    for (let i = start; i < Math.min(stored, start + 100_000); i++) {
      const phash = randomHash();
      hashes.push(phash);
      const [band0, band1, band2, band3] = bandValues(phash);
      rows.push({
        photoId: Math.floor(i / 2) + 1,
        side: i % 2 === 0 ? 'before' : 'after',
        doctorId: 1 + (i % 500),
        sha256: phash.padEnd(64, '0'),
        phash,
        band0,
        band1,
        band2,
        band3,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
    }
    await insertRows(db.kysely, 'photoHashes', rows);
  }
  const fillSeconds = (performance.now() - fillStarted) / 1000;
  // A query pair: one image near a stored one (a re-encoded copy: 3 bits flipped), one unrelated.
  const flip = (hash: string, bits: number) => {
    let value = BigInt(`0x${hash}`);
    for (let b = 0; b < bits; b++) value ^= 1n << BigInt(next32() % 64);
    return value.toString(16).padStart(16, '0');
  };
  const query = (i: number): Photo => {
    const image = (phash: string) => ({
      url: '',
      thumbnailUrl: '',
      width: 1,
      height: 1,
      sha256: 'f'.repeat(64),
      mediaType: 'image/jpeg' as const,
      byteLength: 1,
      phash,
      mirroredPhash: randomHash(),
      exif: null,
    });
    return {
      id: stored + i,
      doctorId: 1,
      before: image(flip(hashes[next32() % hashes.length], 3)),
      after: image(randomHash()),
    } as unknown as Photo;
  };
  const lookup: number[] = [];
  let found = 0;
  for (let i = 0; i <= lookups; i++) {
    const photo = query(i);
    const started = performance.now();
    const matches = await photoMatches(db.kysely, photo, threshold);
    const ms = performance.now() - started;
    if (i > 0) lookup.push(ms);
    if (matches.some((m) => m.side === 'before' && m.distance <= 3)) found++;
  }
  // For comparison: the same question answered by reading every stored hash.
  const scan: number[] = [];
  for (let i = 0; i < 5; i++) {
    const target = flip(hashes[next32() % hashes.length], 3);
    const started = performance.now();
    const all = await db.kysely.selectFrom('photoHashes').select('phash').execute();
    let near = 0;
    for (const { phash } of all) if (hammingDistance(phash, target) <= threshold) near++;
    scan.push(performance.now() - started);
    if (near === 0) throw new Error('the linear scan missed the planted near-duplicate');
  }
  await db.close();
  results.lookup = {
    stored,
    fillSeconds: Number(fillSeconds.toFixed(1)),
    threshold,
    perPair: stats(lookup),
    planted: { found, of: lookups + 1 },
    linearScan: stats(scan),
  };

  // --- Calibration: the distances the threshold separates ---------------------------------------
  const calibration: Record<string, { max: number; median: number }> = {};
  const variants: Record<string, (bytes: Buffer) => Promise<Buffer>> = {
    'JPEG quality 40': (bytes) => sharp(bytes).jpeg({ quality: 40 }).toBuffer(),
    'resized to half': (bytes) => sharp(bytes).resize(240, 300).jpeg().toBuffer(),
    'brightness +20%': (bytes) => sharp(bytes).modulate({ brightness: 1.2 }).jpeg().toBuffer(),
    'crop 2% a side': (bytes) =>
      sharp(bytes).extract({ left: 10, top: 12, width: 460, height: 576 }).jpeg().toBuffer(),
    'crop 4% a side': (bytes) =>
      sharp(bytes).extract({ left: 19, top: 24, width: 442, height: 552 }).jpeg().toBuffer(),
    'WebP quality 60': (bytes) => sharp(bytes).webp({ quality: 60 }).toBuffer(),
  };
  const hashOf = async (bytes: Buffer) => (await readImage(bytes, 'bench')).fingerprint;
  const originals = await Promise.all(drawn.map((pair) => hashOf(pair.before)));
  for (const [name, variant] of Object.entries(variants)) {
    const distances = await Promise.all(
      drawn.map(async (pair, i) =>
        hammingDistance(originals[i].phash, (await hashOf(await variant(pair.before))).phash),
      ),
    );
    calibration[name] = { max: Math.max(...distances), median: percentile(distances, 50) };
  }
  const flipped = await Promise.all(
    drawn.map(async (pair) => hashOf(await sharp(pair.before).flop().jpeg().toBuffer())),
  );
  calibration['mirrored, through the flipped hash'] = {
    max: Math.max(...flipped.map((f, i) => hammingDistance(originals[i].mirroredPhash, f.phash))),
    median: percentile(
      flipped.map((f, i) => hammingDistance(originals[i].mirroredPhash, f.phash)),
      50,
    ),
  };
  const afters = await Promise.all(drawn.map((pair) => hashOf(pair.after)));
  // Every two photographs of different patients; and each patient's two sessions, months apart.
  const unrelated: number[] = [];
  const everyone = [...originals, ...afters];
  for (let i = 0; i < everyone.length; i++)
    for (let j = i + 1; j < everyone.length; j++)
      if (i % pairs !== j % pairs) unrelated.push(hammingDistance(everyone[i].phash, everyone[j].phash));
  const sessions = originals.map((before, i) => hammingDistance(before.phash, afters[i].phash));
  const mirroredDirect = flipped.map((f, i) => hammingDistance(originals[i].phash, f.phash));
  results.calibration = {
    threshold,
    variants: calibration,
    unrelated: {
      min: Math.min(...unrelated),
      median: percentile(unrelated, 50),
      withinThreshold: unrelated.filter((d) => d <= threshold).length,
      pairs: unrelated.length,
    },
    samePatientMonthsApart: { min: Math.min(...sessions), median: percentile(sessions, 50) },
    mirroredUnflipped: { min: Math.min(...mirroredDirect), median: percentile(mirroredDirect, 50) },
  };

  // --- The table --------------------------------------------------------------------------------
  lines.push(`${''.padEnd(58)} ${'median'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}`);
  for (const [size, table] of Object.entries(ingest)) {
    for (const [stage, s] of Object.entries(table)) lines.push(row(`ingest per pair, ${size}: ${stage}`, s));
  }
  const l = results.lookup as {
    perPair: ReturnType<typeof stats>;
    linearScan: ReturnType<typeof stats>;
    planted: { found: number; of: number };
  };
  lines.push(
    row(`near-duplicate lookup of a pair among ${stored.toLocaleString('en-US')} hashes`, l.perPair),
  );
  lines.push(row('the same by a linear scan of every hash, for comparison', l.linearScan));
  lines.push(
    `planted near-duplicates found: ${l.planted.found} of ${l.planted.of}; index filled in ${fillSeconds.toFixed(1)} s`,
  );
  lines.push(`phone-sized JPEG: ${(phoneBytes / 1024 / 1024).toFixed(1)} MiB`);
  lines.push(
    '',
    `calibration of the ${threshold}-bit threshold on ${pairs} generated photographs (Hamming distance of 64 bits):`,
  );
  for (const [name, c] of Object.entries(calibration))
    lines.push(`  ${name.padEnd(40)} max ${c.max}, median ${c.median}`);
  const u = results.calibration as {
    unrelated: { min: number; median: number; withinThreshold: number; pairs: number };
    samePatientMonthsApart: { min: number; median: number };
    mirroredUnflipped: { min: number; median: number };
  };
  lines.push(
    `  ${'photographs of different patients'.padEnd(40)} min ${u.unrelated.min}, median ${u.unrelated.median}, ${u.unrelated.withinThreshold} of ${u.unrelated.pairs} pairs within the threshold`,
    `  ${'one patient, sessions months apart'.padEnd(40)} min ${u.samePatientMonthsApart.min}, median ${u.samePatientMonthsApart.median}`,
  );
  lines.push(
    `  ${'mirrored, unflipped'.padEnd(40)} min ${u.mirroredUnflipped.min}, median ${u.mirroredUnflipped.median}`,
  );
  console.log(`\n${lines.join('\n')}`);

  mkdirSync('bench/results', { recursive: true });
  const file = join('bench/results', `photos-${(results.at as string).replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
