import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { deleteMedia, mediaAfter } from '../db/media';
import type { Database } from '../db/schema';
import { DatabaseStorage } from './database';
import { LocalDirectoryStorage } from './localDirectory';
import type { MediaStorage } from './storage';

export { type MediaStorage, mediaKeys } from './storage';

/**
 * The storage the environment asks for: MEDIA_STORAGE=database keeps bytes in the database
 * (several instances, no shared disk); otherwise a directory, MEDIA_DIR or DATA_DIR/media.
 */
export function configuredStorage(db: Kysely<Database>, env: NodeJS.ProcessEnv = process.env): MediaStorage {
  if (env.MEDIA_STORAGE === 'database') return new DatabaseStorage(db);
  if (env.MEDIA_STORAGE && env.MEDIA_STORAGE !== 'local')
    throw new Error(`MEDIA_STORAGE must be "local" or "database", not ${env.MEDIA_STORAGE}`);
  return new LocalDirectoryStorage(env.MEDIA_DIR ?? join(env.DATA_DIR ?? './data', 'media'));
}

/**
 * Moves bytes the database holds (an earlier version kept photos and documents there; migration
 * 007 gathered them in `media`) into the configured storage, when that is not the database.
 * Each is written before its row goes, so a stop midway loses nothing; answers how many moved.
 */
export async function moveDatabaseMedia(db: Kysely<Database>, to: MediaStorage): Promise<number> {
  if (to instanceof DatabaseStorage) return 0;
  let moved = 0;
  for (let batch = await mediaAfter(db, '', 100); batch.length > 0; batch = await mediaAfter(db, '', 100)) {
    for (const { key, bytes } of batch) {
      await to.put(key, bytes);
      await deleteMedia(db, key);
      moved++;
    }
  }
  return moved;
}
