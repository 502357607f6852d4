import type { TextAnalysis, Token } from '../language/analysis';

/**
 * The near-duplicate index of REV_NEAR_DUP (RULES.md): MinHash signatures with LSH banding over
 * lemmatised word shingles.
 *
 * The shingles are single content lemmas: the words that carry meaning (nouns, verbs, adjectives,
 * adverbs, names, numbers, "not"), each in its dictionary form, so "looked" and "looks" are one
 * word and "the", "my", "was" are none. A template posted again with a few words swapped,
 * sentences reordered, tenses and plurals changed or a doctor's name replaced keeps most of its
 * content words, while two honest reviews of one treatment share only the treatment's own words.
 * Runs of two or three words were measured too, on the evaluation set's reworded copies and on
 * generated ones: a paraphrase breaks nearly every run (a copy that reworded "did three rounds of
 * CoolSculpting on my lower belly" as "three CoolSculpting rounds on my lower stomach" kept 5% of
 * its 3-word runs but 43% of its content words), so runs could not tell copies from honest reviews.
 *
 * At scale the server cannot compare a new review with every stored one. It keeps, per review,
 * the LSH band keys of its MinHash signature and its shingles; reviews sharing a key are the only
 * candidates, and for those it computes the exact similarity that the rule judges.
 */

/** Function words and the verbs and adverbs every review uses: they say nothing of which review it is. */
const functionTags = new Set([
  'PRON',
  'DET',
  'ADP',
  'CCONJ',
  'SCONJ',
  'AUX',
  'PART',
  'PUNCT',
  'SYM',
  'SPACE',
]);
const commonWords = new Set([
  'be',
  'have',
  'do',
  'get',
  'just',
  'very',
  'really',
  'so',
  'also',
  'too',
  'still',
  'even',
  'much',
  'more',
  'most',
  'quite',
]);

/**
 * Reviews sharing fewer content words than this are never near-duplicates: "Great lip filler, Dr.
 * Park is so gentle!" coincides with hundreds of honest reviews by nature (REV_DETAIL speaks of
 * short texts), and a pair of long reviews at the threshold shares twenty or more.
 */
export const nearDuplicateMinShared = 8;

/**
 * 25 bands of 2 rows. A pair with Jaccard similarity s agrees on one row with probability s, so it
 * becomes a candidate with probability 1 - (1 - s^2)^25: 0.43 at s = 0.15, 0.64 at 0.2, 0.91 at
 * 0.3, 0.99 at 0.4 (the rule's default threshold) and 0.9996 at 0.5. Content-word sets of honest
 * reviews of one treatment overlap by 0.1 to 0.25, so candidates are plentiful; the lookup reads a
 * bounded number of them and compares those sharing the most bands, which a copy does (six of 25
 * on average at s = 0.5, against one for a chance overlap). Three rows per band would pass only 80%
 * of the pairs at 0.4 with this many bands.
 */
export const lshBands = 25;
export const lshRows = 2;
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

/** A word that says what a text is about, not how its sentence is built. */
export const isContentWord = (token: Token) =>
  (token.type === 'word' || token.type === 'number') &&
  !functionTags.has(token.pos) &&
  !commonWords.has(token.lemma) &&
  !token.normal.startsWith("'");

/** The content lemmas of a text, in order ("n't" is "not": a denial changes what a review says). */
export function contentWords(analysis: TextAnalysis): string[] {
  const found: string[] = [];
  for (const token of analysis.tokens) {
    if (token.lemma === 'not') found.push('not');
    else if (isContentWord(token)) found.push(token.lemma);
  }
  return found;
}

/** A text's shingles, hashed: its distinct content lemmas, in ascending order (which overlap relies on). */
export function shingleHashes(analysis: TextAnalysis): Uint32Array {
  const hashes = Uint32Array.from(new Set(contentWords(analysis).map(fnv1a)));
  return hashes.sort();
}

/**
 * How much two shingle sets as shingleHashes returns them (ascending, distinct) have in common:
 * the shingles they share and their Jaccard similarity |A ∩ B| / |A ∪ B|, by one merge pass. Two
 * empty texts share nothing worth calling a duplicate: 0.
 */
export function overlap(a: ArrayLike<number>, b: ArrayLike<number>): { shared: number; similarity: number } {
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
  return { shared, similarity: union === 0 ? 0 : shared / union };
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
 * key is a non-negative integer below 25 * 2^48 < 2^53, safe as a JavaScript number and a SQL bigint.
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
