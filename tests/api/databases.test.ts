import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { closeTestDatabases, openTestDb, testDialects } from './databases';
import {
  Api,
  appendAuditEntry,
  bodies,
  insertModerator,
  tableDigests,
  tableKeys,
  testPasswordHash,
} from './fixtures';

/** The helper itself: a database handed on to the next test is as a fresh migration leaves it. */
describe.each(testDialects)('test databases on %s', (dialect) => {
  afterAll(closeTestDatabases);

  it('start empty, with ids from 1, even after a test filled the one before', async () => {
    for (let round = 0; round < 2; round++) {
      const { db, dispose } = await openTestDb(dialect);
      try {
        expect(db.dialect).toBe(dialect);
        const digests = await tableDigests(db);
        expect(Object.keys(digests).sort()).toEqual(Object.keys(tableKeys).sort());
        expect(Object.values(digests).map((d) => d.rows)).toEqual(Object.values(digests).map(() => 0));
        const api = new Api(createApp({ db }));
        const adminId = await insertModerator(db, {
          name: 'Ada',
          email: 'ada@verity.example',
          role: 'admin',
          passwordHash: await testPasswordHash,
        });
        expect(adminId).toBe(1);
        await api.signIn('ada@verity.example');
        const doctor = await api.created('doctors', bodies.doctor());
        const review = await api.created('reviews', bodies.review(doctor.id));
        expect([doctor.id, review.id]).toEqual([1, 1]);
        expect(await appendAuditEntry(db, { actorId: 1, recordId: review.id })).toBe(1);
        // The next round shows these are emptied too, the sign-in tables included.
        await api.created('moderators', bodies.moderator());
        await api.request('POST', '/api/auth/login', { json: { email: 'x@verity.example', password: 'x' } });
        const filled = Object.entries(await tableDigests(db)).filter(([, d]) => d.rows > 0);
        expect(filled.map(([table]) => table).sort()).toEqual(
          ['audit', 'doctors', 'invites', 'moderators', 'reviews', 'sessions', 'signInFailures'].sort(),
        );
      } finally {
        await dispose();
      }
    }
  });
});
