import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Db } from '../db/connection';
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
 * 007 gathered them in `media`) into the configured storage, when that is a directory and the
 * database is this machine's own SQLite file. Each is written before its row goes, so a stop
 * midway loses nothing. A PostgreSQL database may serve other instances, which still read those
 * bytes: they stay, and the answer says how many were left (a directory is then the wrong choice).
 */
export async function moveDatabaseMedia(db: Db, to: MediaStorage): Promise<{ moved: number; left: number }> {
  if (to instanceof DatabaseStorage) return { moved: 0, left: 0 };
  if (db.dialect === 'postgres') return { moved: 0, left: (await mediaAfter(db.kysely, '', 1)).length };
  let moved = 0;
  for (
    let batch = await mediaAfter(db.kysely, '', 100);
    batch.length > 0;
    batch = await mediaAfter(db.kysely, '', 100)
  ) {
    for (const { key, bytes } of batch) {
      await to.put(key, bytes);
      await deleteMedia(db.kysely, key);
      moved++;
    }
  }
  return { moved, left: 0 };
}
