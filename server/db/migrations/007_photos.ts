import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../connection';

/**
 * Before-and-after photos (issue: reused, edited and misleading photos):
 * - media: bytes by content-addressed key, for the database storage adapter. The photo originals
 *   of `images` and the documents' bytes of `doctorDocuments` move into it (keys originals/<sha>
 *   and documents/<sha>); a server configured for a directory moves them on from there at start.
 * - photoHashes: the near-duplicate index of photo images, one row per image of a pair with its
 *   64-bit hash cut into 4 bands of 16 bits, each band indexed (multi-index hashing).
 * - the stored pairs' image descriptions gain what uploads now record (derived versions' URLs,
 *   media type, size), and a re-run of the new photo rules is queued, which builds the index.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const any = db as AnyDb;
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const media = db.schema
    .createTable('media')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('bytes', bytes, (c) => c.notNull())
    .addColumn('byteLength', 'integer', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull());
  await (dialect === 'sqlite' ? media.modifyEnd(sql`without rowid`) : media).execute();

  await sql`insert into media (key, bytes, ${sql.ref('byteLength')}, ${sql.ref('createdAt')})
    select 'originals/' || sha256, bytes, ${sql.ref('byteLength')}, ${sql.ref('createdAt')} from images`.execute(
    db,
  );
  // One row per distinct document: the same file uploaded twice is kept once.
  await sql`insert into media (key, bytes, ${sql.ref('byteLength')}, ${sql.ref('createdAt')})
    select 'documents/' || d.sha256, d.bytes, d.${sql.ref('byteLength')}, d.${sql.ref('uploadedAt')}
    from ${sql.ref('doctorDocuments')} d
    where d.id = (select min(e.id) from ${sql.ref('doctorDocuments')} e where e.sha256 = d.sha256)`.execute(
    db,
  );

  const stored = new Map(
    (await any.selectFrom('images').select(['sha256', 'mediaType', 'byteLength']).execute()).map((row) => [
      row.sha256 as string,
      row,
    ]),
  );
  const photos = await any.selectFrom('photos').select(['id', 'before', 'after']).execute();
  for (const photo of photos) {
    const described = (text: string) => {
      const image = JSON.parse(text);
      const original = stored.get(image.sha256);
      return JSON.stringify({
        ...image,
        url: `/api/images/${image.sha256}/display`,
        thumbnailUrl: `/api/images/${image.sha256}/thumbnail`,
        mediaType: original?.mediaType ?? 'image/jpeg',
        byteLength: Number(original?.byteLength ?? 0),
        mirroredPhash: image.mirroredPhash ?? null,
      });
    };
    await any
      .updateTable('photos')
      .set({ before: described(photo.before), after: described(photo.after) })
      .where('id', '=', photo.id)
      .execute();
  }
  await db.schema.dropTable('images').execute();
  await db.schema.alterTable('doctorDocuments').dropColumn('bytes').execute();

  const hashes = db.schema
    .createTable('photoHashes')
    .addColumn('photoId', 'integer', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('doctorId', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('phash', 'text', (c) => c.notNull())
    .addColumn('band0', 'integer', (c) => c.notNull())
    .addColumn('band1', 'integer', (c) => c.notNull())
    .addColumn('band2', 'integer', (c) => c.notNull())
    .addColumn('band3', 'integer', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('photoHashes_pk', ['photoId', 'side']);
  await (dialect === 'sqlite' ? hashes.modifyEnd(sql`without rowid`) : hashes).execute();
  // A lookup reads, per band, the hashes of a few hundred band values and measures each whole:
  // the index holds the hash itself, so no lookup touches the table for a candidate it rejects.
  for (const band of [0, 1, 2, 3]) {
    await db.schema
      .createIndex(`photoHashes_band${band}`)
      .on('photoHashes')
      .columns([`band${band}`, 'phash', 'photoId', 'side'])
      .execute();
  }
  // The few candidates that prove near are then read whole by their hash.
  await db.schema.createIndex('photoHashes_phash').on('photoHashes').column('phash').execute();

  if (photos.length > 0) {
    await any
      .insertInto('ruleRuns')
      .values({
        type: 'photos',
        phase: 'index',
        lastId: 0,
        done: 0,
        total: photos.length,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        leaseUntil: null,
      })
      .onConflict((oc) => oc.column('type').doNothing())
      .execute();
  }
}
