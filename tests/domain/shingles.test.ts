import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/domain/language/analysis';
import { reviewRules } from '../../src/domain/rules/reviews';
import {
  contentWords,
  lshBandKeys,
  lshBands,
  lshRows,
  minhashSignature,
  minhashSize,
  overlap,
  shingleHashes,
} from '../../src/domain/rules/shingles';

const shingles = (text: string) => shingleHashes(analyse(text));
const similarity = (a: string, b: string) => overlap(shingles(a), shingles(b)).similarity;
const threshold = reviewRules.find((rule) => rule.id === 'REV_NEAR_DUP')!.threshold!.default;

// A review of the evaluation set's dev half, and the copy posted for another doctor with words
// swapped for synonyms ("intended"/"planned", "shots"/"injections", "come back"/"return").
const original =
  'I visited Dr. Marchetti for Botox in my forehead and the 11s between my eyebrows. She took time to ' +
  'explain how many units she intended to use and why. The shots took maybe ten minutes and hardly ' +
  'stung. By day five the lines had softened a lot and I still look like me, not frozen. The reception ' +
  'desk was fast and the office was spotless. I will definitely come back when it wears off.';
const reworded =
  'I went to Dr. Rosen for Botox in my forehead and the 11 lines between my brows. She took time to ' +
  'explain how many units she planned to use and why. The injections took maybe ten minutes and barely ' +
  'stung. By day five the lines had softened a lot and I still look like myself, not frozen. The front ' +
  'desk was quick and the office was spotless. I will definitely return when it wears off.';
// The same copy with its sentences in another order.
const reordered = reworded
  .split(/(?<=\.) /)
  .reverse()
  .join(' ');
// An honest review of the same treatment by someone else, from the same dev half.
const honest =
  'Dr. Hill has done my Botox for three years. Forehead and frown lines, always even, never heavy. He ' +
  'adjusts the dose every time based on how the last one wore off. Fantastic injector, I would not go ' +
  'anywhere else.';

describe('contentWords', () => {
  it('keeps the words that carry meaning, in their dictionary form, and "not"', () => {
    expect(contentWords(analyse("The swelling wasn't bad and my lips looked fuller."))).toEqual([
      'swelling',
      'not',
      'bad',
      'lip',
      'look',
      'fuller',
    ]);
  });
});

describe('shingleHashes and overlap', () => {
  it('gives 1 for the same words whatever their punctuation or inflection, and stays high in capitals', () => {
    expect(
      similarity('My lips looked swollen, my cheeks too.', 'my lip looks swollen and my cheek too'),
    ).toBe(1);
    // Capitals hide some parts of speech and lemmas from the analysis, not the words.
    expect(similarity(original, original.toUpperCase())).toBeGreaterThan(threshold + 0.2);
  });

  it('returns ascending, distinct unsigned 32-bit hashes', () => {
    const hashes = shingles('Botox, Botox and more Botox for my frown lines and my forehead lines.');
    expect(hashes.length).toBe(4);
    expect([...hashes]).toEqual([...hashes].sort((x, y) => x - y));
    expect(hashes.every((hash) => hash >= 0 && hash <= 0xffffffff)).toBe(true);
  });

  it('counts the shared shingles, and two empty texts share nothing', () => {
    expect(overlap(shingles('filler in my lips'), shingles('lips after filler and Botox'))).toEqual({
      shared: 2,
      similarity: 2 / 3,
    });
    expect(overlap(shingles(''), shingles(''))).toEqual({ shared: 0, similarity: 0 });
  });

  it('keeps a copy with synonyms swapped and sentences reordered above the threshold, an honest review below', () => {
    expect(similarity(original, reworded)).toBeGreaterThanOrEqual(threshold + 0.1);
    expect(similarity(original, reordered)).toBe(similarity(original, reworded));
    expect(similarity(original, honest)).toBeLessThan(threshold - 0.15);
  });
});

describe('minhashSignature', () => {
  it('estimates the Jaccard similarity within 0.15', () => {
    for (const [a, b] of [
      [original, reworded],
      [original, honest],
      [reworded, honest],
    ]) {
      const left = minhashSignature(shingles(a));
      const right = minhashSignature(shingles(b));
      const estimate = left.filter((value, i) => value === right[i]).length / minhashSize;
      expect(Math.abs(estimate - similarity(a, b))).toBeLessThanOrEqual(0.15);
    }
  });

  it('has one value per hash function', () => {
    expect(minhashSignature(shingles(original))).toHaveLength(lshBands * lshRows);
  });
});

describe('lshBandKeys', () => {
  const keysOf = (text: string) => lshBandKeys(minhashSignature(shingles(text)));

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
    expect([...shingles(text)].slice(0, 3)).toEqual([108935265, 171406884, 609016359]);
    expect(keysOf(text).slice(0, 3)).toEqual([241534430093872, 325540116786105, 720838577920911]);
    expect(keysOf(text.toLowerCase())).toEqual(keysOf(text));
  });

  it('makes a reworded copy a candidate of the original, sharing several bands', () => {
    const originalKeys = new Set(keysOf(original));
    expect(keysOf(reworded).filter((key) => originalKeys.has(key)).length).toBeGreaterThanOrEqual(3);
  });
});
