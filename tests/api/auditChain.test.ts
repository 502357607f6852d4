import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDb } from '../../server/db/connection';
import { auditHash, genesisHash, verifyAuditChain } from '../../server/services/audit';
import { closeTestDatabases, openUnmigratedTestDb, testDialects } from './databases';
import { appendAuditEntry, testStart, useTestApi } from './fixtures';
import {
  type Authors,
  decide,
  expectStatus,
  type Member,
  minutesAfter,
  signInAs,
  storeAuthors,
  storeItem,
} from './moderation';

/**
 * The audit log is a hash chain: decisions extend it, and any change to a stored entry, or an
 * entry taken out, is found by GET /api/audit/verify, by verifyAuditChain and by
 * `npm run audit:verify`, which all name the first entry that no longer holds.
 */

describe.each(testDialects)('the audit chain on %s', (dialect) => {
  const t = useTestApi(dialect);
  let authors: Authors;
  let moderator: Member;
  /** The ids of the four entries the decisions below append, oldest first. */
  let entryIds: number[];

  beforeEach(async () => {
    authors = await storeAuthors(t.db);
    moderator = await signInAs(t, 'moderator');
    const [review, answer] = [
      await storeItem(t.db, authors, 'reviews'),
      await storeItem(t.db, authors, 'answers'),
    ];
    expectStatus(await decide(moderator.api, 'reviews', review.id, { action: 'approve', version: 1 }), 200);
    t.clock.set(minutesAfter(testStart, 1));
    expectStatus(
      await decide(moderator.api, 'answers', answer.id, {
        action: 'reject',
        reasonCode: 'promotional',
        version: 1,
        note: 'Phone number in the last line',
      }),
      200,
    );
    expectStatus(await decide(moderator.api, 'reviews', review.id, { action: 'revert', version: 2 }), 200);
    expectStatus(await decide(moderator.api, 'reviews', review.id, { action: 'escalate', version: 3 }), 200);
    entryIds = (await t.db.kysely.selectFrom('audit').select('id').orderBy('id').execute()).map((e) => e.id);
  });

  const verify = async () => expectStatus(await t.api.request('GET', '/api/audit/verify'), 200).body;

  it('grows with every decision, each entry linked to the one before by its hash', async () => {
    const entries = await t.db.kysely.selectFrom('audit').selectAll().orderBy('id').execute();
    expect(entries.map((e) => e.action)).toEqual(['approve', 'reject', 'revert', 'escalate']);
    let prevHash = genesisHash;
    for (const { id: _id, prevHash: storedPrev, hash, ...fact } of entries) {
      expect(storedPrev).toBe(prevHash);
      expect(hash).toBe(auditHash(prevHash, fact));
      prevHash = hash;
    }
    expect(await verify()).toEqual({ ok: true, entries: 4 });
    expect(await verifyAuditChain(t.db.kysely)).toEqual({ ok: true, entries: 4 });
  });

  it('names the entry whose content was changed in the database', async () => {
    await t.db.kysely
      .updateTable('audit')
      .set({ note: 'No phone number at all' })
      .where('id', '=', entryIds[1])
      .execute();
    const broken = {
      ok: false,
      entries: 1,
      brokenAt: entryIds[1],
      reason: 'content does not match its hash',
    };
    expect(await verify()).toEqual(broken);
    expect(await verifyAuditChain(t.db.kysely)).toEqual(broken);
  });

  it('names the entry after one that was rewritten with a fresh hash', async () => {
    const entry = await t.db.kysely
      .selectFrom('audit')
      .selectAll()
      .where('id', '=', entryIds[1])
      .executeTakeFirstOrThrow();
    const { id: _id, prevHash, hash: _hash, ...fact } = entry;
    const forged = { ...fact, actorId: t.adminId };
    await t.db.kysely
      .updateTable('audit')
      .set({ actorId: t.adminId, hash: auditHash(prevHash, forged) })
      .where('id', '=', entryIds[1])
      .execute();
    expect(await verify()).toEqual({
      ok: false,
      entries: 2,
      brokenAt: entryIds[2],
      reason: 'prevHash does not match the entry before it',
    });
  });

  it('names the entry after one that was deleted', async () => {
    await t.db.kysely.deleteFrom('audit').where('id', '=', entryIds[2]).execute();
    const broken = {
      ok: false,
      entries: 2,
      brokenAt: entryIds[3],
      reason: 'prevHash does not match the entry before it',
    };
    expect(await verify()).toEqual(broken);
    expect(await verifyAuditChain(t.db.kysely)).toEqual(broken);
  });

  it('names the newest entry when entries were deleted from the end of the chain', async () => {
    await t.db.kysely.deleteFrom('audit').where('id', 'in', entryIds.slice(2)).execute();
    const truncated = {
      ok: false,
      entries: 2,
      brokenAt: entryIds[3],
      reason: 'the chain ends before its recorded newest entry: entries were deleted from its end',
    };
    expect(await verify()).toEqual(truncated);
    expect(await verifyAuditChain(t.db.kysely)).toEqual(truncated);
  });

  it('stays broken when a decision follows a truncation: the new entry links to the deleted one', async () => {
    await t.db.kysely.deleteFrom('audit').where('id', '=', entryIds[3]).execute();
    const review = await storeItem(t.db, authors, 'reviews');
    expectStatus(await decide(moderator.api, 'reviews', review.id, { action: 'approve', version: 1 }), 200);
    const newest = await t.db.kysely
      .selectFrom('audit')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(await verify()).toEqual({
      ok: false,
      entries: 3,
      brokenAt: newest.id,
      reason: 'prevHash does not match the entry before it',
    });
  });

  it('is broken when the record of its newest entry is deleted', async () => {
    await t.db.kysely.deleteFrom('auditHead').execute();
    expect(await verify()).toEqual({
      ok: false,
      entries: 4,
      brokenAt: entryIds[3],
      reason: 'the record of the chain’s newest entry is missing',
    });
  });

  it('is verified by admins only', async () => {
    for (const role of ['moderator', 'verifier', 'senior'] as const) {
      const { api } = role === 'moderator' ? moderator : await signInAs(t, role);
      const response = await api.request('GET', '/api/audit/verify');
      expect([response.status, response.body]).toEqual([
        403,
        { message: `a ${role} may not verifyAudit audit`, code: 'forbidden' },
      ]);
    }
  });
});

describe.each(testDialects)('the audit head on an upgraded %s database', (dialect) => {
  afterAll(closeTestDatabases);

  it('is recorded from the entries written before it was kept', async () => {
    const db = await openUnmigratedTestDb(dialect);
    try {
      await migrate(db, '009_list_speed');
      const entries = [];
      let prevHash = genesisHash;
      for (const note of ['first', 'second']) {
        const fact = {
          at: testStart,
          actorId: null,
          action: 'configure',
          resource: 'settings',
          recordId: 1,
          fromStatus: null,
          toStatus: null,
          reasonCode: null,
          note,
          ruleResults: null,
        };
        const hash = auditHash(prevHash, fact);
        entries.push({ ...fact, prevHash, hash });
        prevHash = hash;
      }
      await db.kysely.insertInto('audit').values(entries).execute();
      await migrate(db);
      expect(await verifyAuditChain(db.kysely)).toEqual({ ok: true, entries: 2 });
      await db.kysely.deleteFrom('audit').where('note', '=', 'second').execute();
      expect(await verifyAuditChain(db.kysely)).toMatchObject({ ok: false, entries: 1 });
    } finally {
      if (dialect === 'sqlite') await db.close();
    }
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact chain, 1 on a broken one and 2 without a database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verity-audit-'));
    const run = (dir: string) =>
      spawnSync(join('node_modules', '.bin', 'tsx'), ['server/auditVerify.ts'], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 30_000,
      });
    try {
      const db = openDb(join(dataDir, 'verity.db'));
      await migrate(db);
      const ids = [];
      for (const note of ['first', 'second', 'third']) ids.push(await appendAuditEntry(db, { note }));

      const intact = run(dataDir);
      expect([intact.status, intact.stdout], intact.stderr).toEqual([
        0,
        `audit chain intact: 3 entries verified (${join(dataDir, 'verity.db')})\n`,
      ]);

      await db.kysely.updateTable('audit').set({ note: 'rewritten' }).where('id', '=', ids[1]).execute();
      await db.close();
      const broken = run(dataDir);
      expect(broken.status, broken.stderr).toBe(1);
      expect(broken.stdout).toContain(
        `audit chain BROKEN at entry ${ids[1]}: content does not match its hash`,
      );

      const missing = run(join(dataDir, 'nowhere'));
      expect([missing.status, missing.stderr]).toEqual([
        2,
        `no database at ${join(dataDir, 'nowhere', 'verity.db')} (set DATA_DIR or DATABASE_URL)\n`,
      ]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
