import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Db, migrate } from '../../server/db/connection';
import { closeTestDatabases, openUnmigratedTestDb, testDialects } from './databases';
import { moveDatabaseMedia } from '../../server/storage';
import { LocalDirectoryStorage } from '../../server/storage/localDirectory';
import { testPhoto } from './fixtures';

/**
 * Migration 007 on a database an earlier version filled: photo originals and documents' bytes
 * move into `media`, stored pairs gain what uploads now record, the photo rules' re-run is
 * queued, and a server keeping files in a directory then moves the bytes there (from SQLite; a
 * PostgreSQL database may serve other instances, and keeps them).
 */

let db: Db;
const dirs: string[] = [];
afterEach(async () => {
  if (db?.dialect === 'sqlite') await db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(closeTestDatabases);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = () => db.kysely as any;

describe.each(testDialects)('migration 007 on data an earlier version kept, on %s', (dialect) => {
  it('moves the bytes into media, describes the stored pairs anew, and queues their checks', async () => {
    db = await openUnmigratedTestDb(dialect);
    await migrate(db, '006_credentials');
    const photo = await testPhoto('kept-before');
    const sha = createHash('sha256').update(photo).digest('hex');
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    const pdfSha = createHash('sha256').update(pdf).digest('hex');
    const at = '2026-01-01T00:00:00.000Z';
    await untyped()
      .insertInto('images')
      .values({ sha256: sha, mediaType: 'image/jpeg', bytes: photo, byteLength: photo.length, createdAt: at })
      .execute();
    await untyped()
      .insertInto('moderators')
      .values({ name: 'A', email: 'a@x', role: 'admin', createdAt: at })
      .execute();
    await sql`insert into doctors (name, credential, specialty, "practiceName", city, npi, "licenseState", "licenseNumber", "licenseStatus", "licenseExpiresOn", "boardCertified", "createdAt") values ('Dr. A', 'MD', 'Dermatology', 'P', 'Austin', '1234567893', 'TX', 'L1', 'active', '2030-01-01', 0, ${at})`.execute(
      db.kysely,
    );
    await untyped()
      .insertInto('doctorDocuments')
      .values({
        doctorId: 1,
        kind: 'license',
        fileName: 'l.pdf',
        mediaType: 'application/pdf',
        sha256: pdfSha,
        byteLength: pdf.length,
        bytes: pdf,
        uploadedAt: at,
        uploadedBy: null,
      })
      .execute();
    const kept = {
      url: `/api/images/${sha}`,
      width: 120,
      height: 150,
      sha256: sha,
      phash: '0f0f0f0f0f0f0f0f',
      exif: null,
    };
    await untyped()
      .insertInto('photos')
      .values({
        doctorId: 1,
        procedure: 'Botox',
        caption: 'c',
        monthsAfterTreatment: 1,
        consentOnFile: 1,
        before: JSON.stringify(kept),
        after: JSON.stringify(kept),
        createdAt: at,
      })
      .execute();

    await migrate(db);

    const media = await untyped().selectFrom('media').select(['key', 'byteLength']).orderBy('key').execute();
    expect(media).toEqual([
      { key: `documents/${pdfSha}`, byteLength: pdf.length },
      { key: `originals/${sha}`, byteLength: photo.length },
    ]);
    const [row] = await untyped().selectFrom('photos').select(['before']).execute();
    expect(JSON.parse(row.before)).toEqual({
      ...kept,
      url: `/api/images/${sha}/display`,
      thumbnailUrl: `/api/images/${sha}/thumbnail`,
      mediaType: 'image/jpeg',
      byteLength: photo.length,
      mirroredPhash: null,
    });
    expect(
      Object.keys(await untyped().selectFrom('doctorDocuments').selectAll().executeTakeFirst()),
    ).not.toContain('bytes');
    expect(
      await untyped().selectFrom('ruleRuns').select(['type', 'phase', 'total', 'finishedAt']).execute(),
    ).toEqual([{ type: 'photos', phase: 'index', total: 1, finishedAt: null }]);

    const dir = mkdtempSync(join(tmpdir(), 'verity-migration-'));
    dirs.push(dir);
    const storage = new LocalDirectoryStorage(dir);
    if (dialect === 'postgres') {
      expect(await moveDatabaseMedia(db, storage)).toEqual({ moved: 0, left: 1 });
      return;
    }
    expect(await moveDatabaseMedia(db, storage)).toEqual({ moved: 2, left: 0 });
    expect(readFileSync(join(dir, 'originals', sha.slice(0, 2), sha))).toEqual(photo);
    expect(await storage.get(`documents/${pdfSha}`)).toEqual(pdf);
    expect(await untyped().selectFrom('media').selectAll().execute()).toEqual([]);
  });
});
