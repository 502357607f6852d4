import { words } from './text';

/**
 * Word shingles and MinHash/LSH for REV_NEAR_DUP (RULES.md). A template review with a few words
 * swapped keeps most of its 3-word runs, so the Jaccard similarity of the two shingle sets stays
 * high while honest reviews that merely share a phrase ("the staff were friendly") stay low.
 *
 * At scale the server cannot compare a new review with every stored one. It keeps, per review,
 * the LSH band keys of its MinHash signature; reviews sharing any key are the only candidates,
 * and for those it computes the exact Jaccard similarity that the rule judges.
 */

/** Words per shingle: pairs are too common in everyday prose, runs of four break on every swapped word. */
export const shingleSize = 3;

/**
 * Reviews shorter than this are never near-duplicate candidates: "Great results, lovely staff"
 * coincides with hundreds of honest reviews by nature, and REV_DETAIL already reports short texts.
 */
export const nearDuplicateMinWords = 12;

/**
 * 20 bands of 3 rows. A pair with Jaccard similarity s agrees on one row with probability s, so it
 * becomes a candidate with probability 1 - (1 - s^3)^20: about 0.15 at s = 0.2, 0.42 at 0.3,
 * 0.73 at 0.4, 0.93 at 0.5 (the rule's default threshold), 0.99 at 0.6 and 0.9998 at 0.7. The
 * S-curve turns near (1/20)^(1/3) ≈ 0.37, below the threshold, so pairs the rule would flag are
 * rarely missed, while the extra candidates below it only cost an exact Jaccard each. More rows per
 * band would sharpen the curve but push it above the threshold; more bands would cost storage.
 */
export const lshBands = 20;
export const lshRows = 3;
export const minhashSize = lshBands * lshRows;

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
function fnv1a(text: string): number {
  let hash = fnvOffset;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, fnvPrime);
  }
  return hash >>> 0;
}

/** Murmur3's finaliser: a bijection on 32-bit integers that spreads every input bit over the output. */
function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The MinHash functions are h_i(x) = mix32(x ^ seed_i). The seeds come from a fixed counter run
 * through the mixer, never from Math.random, so signatures stored by one process match those that
 * another computes later.
 */
const minhashSeeds = Uint32Array.from({ length: minhashSize }, (_, i) => mix32(0x9e3779b9 + i * 0x632be5ab));

/** The distinct 3-word shingles of a text, hashed, in ascending order (which jaccard relies on). */
export function shingleHashes(text: string): Uint32Array {
  const tokens = words(text);
  // A text shorter than one shingle is its own single shingle, so that two equal short texts match.
  const count = Math.max(tokens.length - shingleSize + 1, Math.min(tokens.length, 1));
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) hashes[i] = fnv1a(tokens.slice(i, i + shingleSize).join(' '));
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i];
  return hashes.slice(0, distinct);
}

/**
 * Jaccard similarity |A ∩ B| / |A ∪ B| of two shingle sets as shingleHashes returns them (ascending,
 * distinct), by one merge pass. Two empty texts share nothing worth calling a duplicate: 0.
 */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * For each of the minhashSize hash functions, the least hash over the shingles. Two signatures agree
 * at one position with probability equal to the sets' Jaccard similarity. An empty set gets all
 * 0xffffffff, which LSH never pairs with a real text in practice.
 */
export function minhashSignature(shingles: ArrayLike<number>): Uint32Array {
  const signature = new Uint32Array(minhashSize).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s];
    for (let i = 0; i < minhashSize; i++) {
      const h = mix32(shingle ^ minhashSeeds[i]);
      if (h < signature[i]) signature[i] = h;
    }
  }
  return signature;
}

const bandKeySpan = 2 ** 48;

/**
 * One key per band: band * 2^48 plus a 48-bit hash of the band's rows. Keys of different bands can
 * never be equal, and two different bands of one index collide with probability about 2^-48; every
 * key is a non-negative integer below 20 * 2^48 < 2^53, safe as a JavaScript number and a SQL bigint.
 */
export function lshBandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < lshBands; band++) {
    let low = fnvOffset ^ band;
    let high = 0x5bd1e995 ^ band;
    for (let row = band * lshRows; row < (band + 1) * lshRows; row++) {
      low = mix32(low ^ signature[row]);
      high = mix32(high ^ Math.imul(signature[row], 0x27d4eb2d));
    }
    keys.push(band * bandKeySpan + (high & 0xffff) * 2 ** 32 + low);
  }
  return keys;
}
