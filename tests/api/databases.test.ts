import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { closeTestDatabases, openTestDb, testDialects } from './databases';
import { Api, appendAuditEntry, bodies, insertModerator, rowCounts } from './fixtures';

/** The helper itself: a database handed on to the next test is as a fresh migration leaves it. */
describe.each(testDialects)('test databases on %s', (dialect) => {
  afterAll(closeTestDatabases);

  it('start empty, with ids from 1, even after a test filled the one before', async () => {
    for (let round = 0; round < 2; round++) {
      const { db, dispose } = await openTestDb(dialect);
      try {
        expect(db.dialect).toBe(dialect);
        expect(Object.values(await rowCounts(db)).every((n) => n === 0)).toBe(true);
        const api = new Api(createApp({ db }));
        expect(await insertModerator(db, { name: 'Ada', email: 'ada@verity.example' })).toBe(1);
        const doctor = await api.created('doctors', bodies.doctor());
        const review = await api.created('reviews', bodies.review(doctor.id));
        expect([doctor.id, review.id]).toEqual([1, 1]);
        expect(await appendAuditEntry(db, { actorId: 1, recordId: review.id })).toBe(1);
      } finally {
        await dispose();
      }
    }
  });
});
