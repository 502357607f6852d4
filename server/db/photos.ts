import type { Kysely, Transaction } from 'kysely';
import type { PhotoSide } from '../../src/domain/model';
import { bandValues } from '../../src/domain/perceptualHash';
import type { Database } from './schema';

/** The near-duplicate index of photo images (migration 007): one row per image of a pair. */

type AnyDb = Kysely<Database> | Transaction<Database>;

export interface IndexedImage {
  photoId: number;
  side: PhotoSide;
  doctorId: number;
  sha256: string;
  phash: string;
  createdAt: string;
}

const rowOf = (image: IndexedImage) => {
  const [band0, band1, band2, band3] = bandValues(image.phash);
  return { ...image, band0, band1, band2, band3 };
};

/** Replaces the index rows of these pairs with their current images (none: the pair left). */
export async function replacePhotoHashes(
  db: AnyDb,
  photoIds: readonly number[],
  images: readonly IndexedImage[],
): Promise<void> {
  if (photoIds.length === 0) return;
  for (let start = 0; start < photoIds.length; start += 2000) {
    await db
      .deleteFrom('photoHashes')
      .where('photoId', 'in', photoIds.slice(start, start + 2000))
      .execute();
  }
  // Ten values a row: 1,000 rows stay far below either database's limit on bound parameters.
  for (let start = 0; start < images.length; start += 1000) {
    await db
      .insertInto('photoHashes')
      .values(images.slice(start, start + 1000).map(rowOf))
      .execute();
  }
}

/**
 * The hashes of the indexed images whose band `b` holds one of `probes[b]`, for any band: the
 * candidates of a lookup (see probeBands). One read per band, each from a band index that holds
 * the hash itself; a hash found through several bands is listed once.
 */
export async function photoHashCandidates(
  db: AnyDb,
  probes: readonly (readonly number[])[],
): Promise<string[]> {
  const bands = ['band0', 'band1', 'band2', 'band3'] as const;
  const found = new Set<string>();
  for (const [band, values] of probes.entries()) {
    if (values.length === 0) continue;
    const rows = await db
      .selectFrom('photoHashes')
      .select('phash')
      .where(bands[band], 'in', [...new Set(values)])
      .execute();
    for (const row of rows) found.add(row.phash);
  }
  return [...found];
}

/** The indexed images with these hashes (index photoHashes_phash). */
export async function imagesWithHashes(db: AnyDb, phashes: readonly string[]): Promise<IndexedImage[]> {
  if (phashes.length === 0) return [];
  const rows = await db
    .selectFrom('photoHashes')
    .select(['photoId', 'side', 'doctorId', 'sha256', 'phash', 'createdAt'])
    .where('phash', 'in', [...phashes])
    .execute();
  return rows as IndexedImage[];
}
