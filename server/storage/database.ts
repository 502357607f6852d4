import type { Kysely } from 'kysely';
import { deleteMedia, insertMedia, loadMedia } from '../db/media';
import type { Database } from '../db/schema';
import type { MediaStorage } from './storage';

/**
 * Bytes in the database's `media` table: every instance behind a load balancer sees the same
 * files with no shared disk, at the cost of the database's size and backups. Tests use it over
 * their in-memory SQLite.
 */
export class DatabaseStorage implements MediaStorage {
  readonly kind = 'database';

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  put(key: string, bytes: Uint8Array): Promise<boolean> {
    return insertMedia(this.db, key, Buffer.from(bytes), this.clock().toISOString());
  }

  get(key: string): Promise<Buffer | null> {
    return loadMedia(this.db, key);
  }

  delete(key: string): Promise<void> {
    return deleteMedia(this.db, key);
  }
}
