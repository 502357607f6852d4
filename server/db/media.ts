import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/** The `media` table (migration 007): bytes by key, for the database storage adapter. */

type AnyDb = Kysely<Database> | Transaction<Database>;

/** Answers true when the key was new; the same key again changes nothing. */
export async function insertMedia(db: AnyDb, key: string, bytes: Buffer, at: string): Promise<boolean> {
  const inserted = await db
    .insertInto('media')
    .values({ key, bytes, byteLength: bytes.length, createdAt: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function loadMedia(db: AnyDb, key: string): Promise<Buffer | null> {
  const row = await db.selectFrom('media').select('bytes').where('key', '=', key).executeTakeFirst();
  return row ? Buffer.from(row.bytes) : null;
}

export async function deleteMedia(db: AnyDb, key: string): Promise<void> {
  await db.deleteFrom('media').where('key', '=', key).execute();
}

/** A batch of the table's rows after `afterKey`, in key order: moving them elsewhere. */
export async function mediaAfter(db: AnyDb, afterKey: string, limit: number) {
  return db
    .selectFrom('media')
    .select(['key', 'bytes'])
    .where('key', '>', afterKey)
    .orderBy('key')
    .limit(limit)
    .execute();
}
