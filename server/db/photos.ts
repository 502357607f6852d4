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
 * The indexed images whose band `b` holds one of `probes[b]`, for any band: the candidates of a
 * lookup (see probeBands), each read from a band index that also holds its hash.
 */
export async function photoHashCandidates(db: AnyDb, probes: readonly (readonly number[])[]) {
  const bands = ['band0', 'band1', 'band2', 'band3'] as const;
  return db
    .selectFrom('photoHashes')
    .select(['photoId', 'side', 'phash'])
    .where((eb) =>
      eb.or(
        probes.flatMap((values, band) =>
          values.length > 0 ? [eb(bands[band], 'in', [...new Set(values)])] : [],
        ),
      ),
    )
    .execute();
}

/** The index rows of these pairs (who posted them and when, and the images' SHA-256). */
export async function indexedImagesOf(db: AnyDb, photoIds: readonly number[]): Promise<IndexedImage[]> {
  if (photoIds.length === 0) return [];
  const rows = await db
    .selectFrom('photoHashes')
    .select(['photoId', 'side', 'doctorId', 'sha256', 'phash', 'createdAt'])
    .where('photoId', 'in', [...photoIds])
    .execute();
  return rows as IndexedImage[];
}

/** Pairs with an image of exactly these bytes (index photoHashes_sha256). */
export async function photosWithImage(db: AnyDb, sha256s: readonly string[]): Promise<number[]> {
  if (sha256s.length === 0) return [];
  const rows = await db
    .selectFrom('photoHashes')
    .select('photoId')
    .distinct()
    .where('sha256', 'in', [...sha256s])
    .execute();
  return rows.map((row) => row.photoId);
}
