import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface StoredImage {
  sha256: string;
  mediaType: string;
  bytes: Buffer;
}

/** Keeps an image's original bytes under their SHA-256; storing the same bytes again changes nothing. */
export async function storeImage(
  db: Kysely<Database>,
  image: StoredImage & { createdAt?: string },
): Promise<void> {
  await db
    .insertInto('images')
    .values({
      sha256: image.sha256,
      mediaType: image.mediaType,
      bytes: image.bytes,
      byteLength: image.bytes.length,
      createdAt: image.createdAt ?? new Date().toISOString(),
    })
    .onConflict((conflict) => conflict.column('sha256').doNothing())
    .execute();
}

export async function loadImage(db: Kysely<Database>, sha256: string): Promise<StoredImage | undefined> {
  return db
    .selectFrom('images')
    .select(['sha256', 'mediaType', 'bytes'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}
