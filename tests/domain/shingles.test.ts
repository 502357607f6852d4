import { describe, expect, it } from 'vitest';
import {
  jaccard,
  lshBandKeys,
  lshBands,
  lshRows,
  minhashSignature,
  minhashSize,
  shingleHashes,
} from '../../src/domain/rules/shingles';

const original =
  'I had Botox for my forehead lines and crow’s feet with Dr. Hill last spring. The clinic was spotless, ' +
  'the front desk was welcoming, and she explained every step before starting. Results showed after ' +
  'five days and looked completely natural. I would happily recommend this practice to anyone.';

// The same template with three words swapped, as a review farm would post it.
const swapped = original
  .replace('spotless', 'immaculate')
  .replace('five', 'four')
  .replace('anyone', 'friends');

const unrelated =
  'My rhinoplasty consultation lasted an hour. The surgeon drew the planned profile on a tablet, talked ' +
  'through swelling and numbness, and gave me a printed list of questions for my next visit.';

const sharedPhrase =
  'The clinic was spotless but the filler in my lips migrated within a month. I went back twice and ' +
  'they dissolved it without charge, which I appreciated, yet I would not repeat the treatment.';

function minhashEstimate(a: string, b: string): number {
  const left = minhashSignature(shingleHashes(a));
  const right = minhashSignature(shingleHashes(b));
  return left.filter((value, i) => value === right[i]).length / minhashSize;
}

describe('shingleHashes and jaccard', () => {
  it('gives 1 for identical texts, whatever their case and punctuation', () => {
    expect(jaccard(shingleHashes(original), shingleHashes(original.toUpperCase().replace(/[.,]/g, '')))).toBe(
      1,
    );
  });

  it('gives 0 for texts with no 3-word run in common', () => {
    expect(jaccard(shingleHashes(original), shingleHashes(unrelated))).toBe(0);
  });

  it('returns ascending, distinct unsigned 32-bit hashes', () => {
    const hashes = shingleHashes('one two three one two three one two three');
    expect(hashes.length).toBe(3);
    expect([...hashes]).toEqual([...hashes].sort((x, y) => x - y));
    expect(hashes.every((hash) => hash >= 0 && hash <= 0xffffffff)).toBe(true);
  });

  it('treats a text shorter than a shingle as one shingle, and empty texts as sharing nothing', () => {
    expect(jaccard(shingleHashes('Great results!'), shingleHashes('great results'))).toBe(1);
    expect(jaccard(shingleHashes(''), shingleHashes(''))).toBe(0);
  });

  it('scores a template with three words swapped well above one sharing a phrase', () => {
    const template = jaccard(shingleHashes(original), shingleHashes(swapped));
    const phrase = jaccard(shingleHashes(original), shingleHashes(sharedPhrase));
    expect(template).toBeGreaterThan(0.6);
    expect(phrase).toBeLessThan(0.1);
  });
});

describe('minhashSignature', () => {
  it('estimates the Jaccard similarity within 0.15', () => {
    const halfway = original.split(' ').slice(0, 25).join(' ') + ' ' + unrelated;
    for (const [a, b] of [
      [original, swapped],
      [original, sharedPhrase],
      [original, halfway],
      [swapped, halfway],
      [original, unrelated],
    ]) {
      const exact = jaccard(shingleHashes(a), shingleHashes(b));
      expect(Math.abs(minhashEstimate(a, b) - exact)).toBeLessThanOrEqual(0.15);
    }
  });

  it('has one value per hash function', () => {
    expect(minhashSignature(shingleHashes(original))).toHaveLength(lshBands * lshRows);
  });
});

describe('lshBandKeys', () => {
  const keysOf = (text: string) => lshBandKeys(minhashSignature(shingleHashes(text)));

  it('gives one safe, non-negative key per band, tagged with the band', () => {
    const keys = keysOf(original);
    expect(keys).toHaveLength(lshBands);
    keys.forEach((key, band) => {
      expect(Number.isSafeInteger(key) && key >= 0).toBe(true);
      expect(Math.floor(key / 2 ** 48)).toBe(band);
    });
  });

  it('is deterministic: the same words always yield the same hashes and keys', () => {
    // Pinned values: a change to the hashing would orphan every key the server has stored.
    const text = 'Lovely clinic, natural Botox results and a careful injector who listened.';
    expect([...shingleHashes(text)].slice(0, 3)).toEqual([437977163, 559977889, 1257645594]);
    expect(keysOf(text).slice(0, 3)).toEqual([155475806820422, 497752856135820, 722423451973759]);
    expect(keysOf(text.toUpperCase())).toEqual(keysOf(text));
  });

  it('makes a template with three words swapped a candidate of the original', () => {
    const originalKeys = new Set(keysOf(original));
    expect(keysOf(swapped).some((key) => originalKeys.has(key))).toBe(true);
  });

  it('does not pair unrelated reviews', () => {
    const originalKeys = new Set(keysOf(original));
    expect(keysOf(unrelated).some((key) => originalKeys.has(key))).toBe(false);
  });

  it('signs and bands a 100-word review in well under 0.2 ms', () => {
    const review = Array.from({ length: 10 }, () => original.split(' ').slice(0, 10).join(' '))
      .map((chunk, i) => `${chunk} ${i}`)
      .join(' ');
    const runs = 2000;
    for (let i = 0; i < 200; i++) lshBandKeys(minhashSignature(shingleHashes(review)));
    const started = performance.now();
    for (let i = 0; i < runs; i++) lshBandKeys(minhashSignature(shingleHashes(review)));
    expect((performance.now() - started) / runs).toBeLessThan(0.2);
  });
});
