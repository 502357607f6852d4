import fc from 'fast-check';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { laterShot, randomLook, randomShot, renderPortrait } from '../../server/seed/faces';
import { Random } from '../../server/seed/random';
import { readImage } from '../../server/services/images';
import {
  bandNeighbours,
  bandRadius,
  bandValues,
  differenceHash,
  hammingDistance,
  hashBands,
  probeBands,
} from '../../src/domain/perceptualHash';
import { runRules } from '../../src/domain/rules/engine';
import { photoRules } from '../../src/domain/rules/photos';
import type { PhotoImage } from '../../src/domain/model';

/**
 * The 64-bit difference hash on generated photographs, and the calibration of the photo rules'
 * default threshold (10 bits): every everyday transformation of a photo stays within it, every
 * other photograph stays beyond it, and a mirrored copy is caught only by the flipped hash.
 */

const threshold = photoRules.find((rule) => rule.id === 'PH_DUP')!.threshold!.default;

type Hashes = { phash: string; mirroredPhash: string };
const hashesOf = async (bytes: Buffer): Promise<Hashes> => (await readImage(bytes, 'test')).fingerprint;

/** Twelve patients, photographed once each, as the demo data draws them. */
const portraits: Buffer[] = [];
/** The second session of the first six: the same patient, months later. */
const laterSessions: Buffer[] = [];

beforeAll(async () => {
  const random = new Random('photo-hash-calibration');
  for (let i = 0; i < 12; i++) {
    const look = randomLook(random);
    const condition = {
      lines: 0.3,
      lipVolume: 0.4,
      hollows: 0.3,
      spots: 0.2,
      texture: 0.1,
      noseHump: 0.1,
      hooding: 0.2,
      jowls: 0.2,
      chinFat: 0.1,
      cheekVolume: 0.6,
    };
    const shot = randomShot(random);
    portraits.push(await renderPortrait({ width: 480, height: 600, look, condition, shot, exif: null }));
    if (i < 6) {
      laterSessions.push(
        await renderPortrait({
          width: 480,
          height: 600,
          look,
          condition,
          shot: laterShot(random, shot),
          exif: null,
        }),
      );
    }
  }
}, 60_000);

/** What happens to a photo on its way around the internet, none of which makes it another photo. */
const variants: Record<string, (bytes: Buffer) => Promise<Buffer>> = {
  'JPEG re-compression at quality 40': (bytes) => sharp(bytes).jpeg({ quality: 40 }).toBuffer(),
  'resize to half': (bytes) => sharp(bytes).resize(240, 300).jpeg().toBuffer(),
  'resize to 1.5 times, saved as PNG': (bytes) => sharp(bytes).resize(720, 900).png().toBuffer(),
  'brightness +20%': (bytes) => sharp(bytes).modulate({ brightness: 1.2 }).jpeg().toBuffer(),
  'contrast raised': (bytes) => sharp(bytes).linear(1.2, -20).jpeg().toBuffer(),
  'crop of 2% on each side': (bytes) =>
    sharp(bytes).extract({ left: 10, top: 12, width: 460, height: 576 }).jpeg().toBuffer(),
  'WebP at quality 60': (bytes) => sharp(bytes).webp({ quality: 60 }).toBuffer(),
  'slight blur (a beautifying filter)': (bytes) => sharp(bytes).blur(1.2).jpeg().toBuffer(),
};

describe('the difference hash on generated photographs', () => {
  it.each(Object.keys(variants))('matches a photograph after %s', async (name) => {
    for (const portrait of portraits) {
      const [original, variant] = await Promise.all([
        hashesOf(portrait),
        hashesOf(await variants[name](portrait)),
      ]);
      expect(hammingDistance(original.phash, variant.phash), name).toBeLessThanOrEqual(threshold);
    }
  });

  it('keeps every other photograph, the same patient months later included, beyond the threshold', async () => {
    const hashes = await Promise.all([...portraits, ...laterSessions].map(hashesOf));
    for (let i = 0; i < hashes.length; i++) {
      for (let j = i + 1; j < hashes.length; j++) {
        expect(hammingDistance(hashes[i].phash, hashes[j].phash), `${i} and ${j}`).toBeGreaterThan(threshold);
      }
    }
  });

  it('matches a mirrored copy only through the flipped hash', async () => {
    for (const portrait of portraits) {
      const [original, copy] = await Promise.all([
        hashesOf(portrait),
        hashesOf(await sharp(portrait).flop().jpeg().toBuffer()),
      ]);
      expect(hammingDistance(original.phash, copy.phash)).toBeGreaterThan(threshold);
      expect(hammingDistance(original.mirroredPhash, copy.phash)).toBeLessThanOrEqual(threshold);
      expect(hammingDistance(copy.mirroredPhash, original.phash)).toBeLessThanOrEqual(threshold);
    }
  });

  it('is the hash of the grid read the other way round when flipped', () => {
    const grid = Array.from({ length: 72 }, (_, i) => (i * 37) % 251);
    const flipped = grid.map((_, i) => grid[Math.floor(i / 9) * 9 + (8 - (i % 9))]);
    expect(differenceHash(grid, true)).toBe(differenceHash(flipped));
    expect(differenceHash(Array(72).fill(128))).toBe('0000000000000000');
  });
});

describe('the photo rules on a mirrored copy', () => {
  it('fail PH_MIRROR and not PH_DUP, and PH_DUP for a plain copy', async () => {
    const [original, mirrored, recompressed] = await Promise.all([
      hashesOf(portraits[0]),
      hashesOf(await sharp(portraits[0]).flop().jpeg().toBuffer()),
      hashesOf(await sharp(portraits[0]).jpeg({ quality: 50 }).toBuffer()),
    ]);
    const other = await hashesOf(laterSessions[0]);
    const image = (hashes: Hashes, sha256: string): PhotoImage => ({
      url: '',
      thumbnailUrl: '',
      width: 480,
      height: 600,
      sha256,
      mediaType: 'image/jpeg',
      byteLength: 1,
      exif: null,
      ...hashes,
    });
    const verdicts = (copy: Hashes) => {
      const item = {
        id: 2,
        doctorId: 9,
        procedure: 'Botox',
        caption: 'Botox, 3 months after',
        monthsAfterTreatment: 3,
        consentOnFile: true,
        before: image(copy, 'b'.repeat(64)),
        after: image(other, 'c'.repeat(64)),
        createdAt: '2026-05-01T00:00:00.000Z',
      };
      // What the server's index finds: the first pair's before image, as it is and flipped.
      const matches = [
        {
          photoId: 1,
          doctorId: 8,
          createdAt: '2026-01-01T00:00:00.000Z',
          side: 'before' as const,
          otherSide: 'before' as const,
          distance: hammingDistance(copy.phash, original.phash),
          mirroredDistance: hammingDistance(copy.mirroredPhash, original.phash),
          sameBytes: false,
        },
      ];
      const results = runRules(photoRules, item, { now: item.createdAt, doctor: null, matches }, {});
      return Object.fromEntries(results.map((r) => [r.ruleId, r]));
    };
    const flipped = verdicts(mirrored);
    expect(flipped.PH_MIRROR).toMatchObject({ outcome: 'fail', severity: 'high' });
    expect(flipped.PH_DUP.outcome).toBe('pass');
    expect(flipped.PH_MIRROR.evidence?.related?.[0]).toMatchObject({
      id: 1,
      doctorId: 8,
      image: { mirrored: true },
    });
    const plain = verdicts(recompressed);
    expect(plain.PH_DUP).toMatchObject({ outcome: 'fail', severity: 'block' });
    expect(plain.PH_MIRROR.outcome).toBe('pass');
  });
});

describe('multi-index hashing', () => {
  const hash = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map((n) => n.toString(16).padStart(16, '0'));
  const flipBits = (value: string, bits: number[]) => {
    let n = BigInt(`0x${value}`);
    for (const bit of bits) n ^= 1n << BigInt(bit);
    return n.toString(16).padStart(16, '0');
  };

  it('finds, in at least one band, every hash within the threshold', () => {
    fc.assert(
      fc.property(
        hash,
        fc.integer({ min: 0, max: 14 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 14 }),
        (stored, limit, bits) => {
          const query = flipBits(stored, bits.slice(0, limit));
          const probes = probeBands(query, limit);
          const values = bandValues(stored);
          expect(hammingDistance(stored, query)).toBe(Math.min(bits.length, limit));
          expect(probes.some((band, i) => band.includes(values[i]))).toBe(true);
        },
      ),
    );
  });

  it('reads 137 band values a band at the default threshold', () => {
    expect(hashBands).toBe(4);
    expect(bandRadius(threshold)).toBe(2);
    expect(new Set(bandNeighbours(0xbeef, 2)).size).toBe(1 + 16 + 120);
    expect(bandNeighbours(0xbeef, 0)).toEqual([0xbeef]);
  });
});
