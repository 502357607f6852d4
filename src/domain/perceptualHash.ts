/**
 * The 64-bit difference hash (dHash) of a photograph and the arithmetic of comparing many of them.
 * A hash is 16 lowercase hex digits. The server turns image bytes into the 9x8 grey grid (that
 * needs a decoder); everything after the grid is pure and lives here, shared by the rules, the
 * server's near-duplicate index and the tests.
 */

export const gridWidth = 9;
export const gridHeight = 8;

/**
 * One bit per pair of horizontal neighbours of the 9x8 grid (1 when the right one is brighter),
 * rows top to bottom. Re-encoding, resizing and light edits move few bits; another picture moves
 * about half of them. `mirrored` reads each row right to left, which is the hash a copy flipped
 * left to right would have.
 */
export function differenceHash(grid: ArrayLike<number>, mirrored = false): string {
  const at = (row: number, column: number) =>
    grid[row * gridWidth + (mirrored ? gridWidth - 1 - column : column)];
  let hex = '';
  for (let row = 0; row < gridHeight; row++) {
    let byte = 0;
    for (let column = 0; column < gridWidth - 1; column++)
      byte = (byte << 1) | (at(row, column + 1) > at(row, column) ? 1 : 0);
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

export const isPerceptualHash = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{16}$/.test(value);

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** How many of the 64 bits differ between two hashes. */
export function hammingDistance(a: string, b: string): number {
  return (
    popcount32((parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) >>> 0) +
    popcount32((parseInt(a.slice(8, 16), 16) ^ parseInt(b.slice(8, 16), 16)) >>> 0)
  );
}

/**
 * The candidates within `radius` bits of any of `queries`. A lookup measures tens of thousands
 * of candidates, so each is read as two 32-bit numbers once, not once per query.
 */
export function nearHashes(
  queries: readonly string[],
  candidates: readonly string[],
  radius: number,
): string[] {
  const halves = queries.map((hash) => [parseInt(hash.slice(0, 8), 16), parseInt(hash.slice(8, 16), 16)]);
  return candidates.filter((candidate) => {
    const high = parseInt(candidate.slice(0, 8), 16);
    const low = parseInt(candidate.slice(8, 16), 16);
    return halves.some(([h, l]) => popcount32((high ^ h) >>> 0) + popcount32((low ^ l) >>> 0) <= radius);
  });
}

/**
 * Multi-index hashing: the 64 bits are cut into 4 bands of 16. Two hashes at most t bits apart
 * differ, in at least one band, by at most floor(t / 4) bits (were every band further apart, the
 * whole would be more than t apart). So the index keeps each stored hash under its 4 band values,
 * and a lookup reads, per band, only the values within floor(t / 4) bits of its own: at t = 10,
 * 137 values a band, a fraction 137 / 65,536 of the stored hashes each, instead of all of them.
 * Every candidate read this way is then measured whole; none within t is ever missed.
 */
export const hashBands = 4;
const bandBits = 16;

/** The 4 band values of a hash, each a 16-bit integer. */
export function bandValues(hash: string): number[] {
  return Array.from({ length: hashBands }, (_, band) => parseInt(hash.slice(band * 4, band * 4 + 4), 16));
}

/** How far within its band a match at `threshold` bits may lie in the band that is closest. */
export const bandRadius = (threshold: number) => Math.floor(threshold / hashBands);

/** Every 16-bit value within `radius` bits of `value`, `value` first. */
export function bandNeighbours(value: number, radius: number): number[] {
  const found = [value];
  const flip = (from: number, firstBit: number, left: number) => {
    for (let bit = firstBit; bit < bandBits; bit++) {
      const next = from ^ (1 << bit);
      found.push(next);
      if (left > 1) flip(next, bit + 1, left - 1);
    }
  };
  if (radius > 0) flip(value, 0, radius);
  return found;
}

/** The band values a lookup reads for each band: those of every hash within `threshold` of `hash`. */
export function probeBands(hash: string, threshold: number): number[][] {
  const radius = bandRadius(threshold);
  return bandValues(hash).map((value) => bandNeighbours(value, radius));
}
