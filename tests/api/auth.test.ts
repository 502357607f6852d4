import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { migrate, openDb } from '../../server/db/connection';
import { demoAccounts } from '../../server/seed';
import { permissionTable } from '../../src/domain/permissions';
import { testDialects } from './databases';
import {
  Api,
  type ApiResponse,
  bodies,
  buildWorld,
  insertModerator,
  signedInAs,
  storedRow,
  tableDigests,
  testAdmin,
  testPassword,
  testPasswordHash,
  testStart,
  useTestApi,
} from './fixtures';

/**
 * Signing in and what guards it, as a client sees it: the session cookie, lockouts, session
 * expiry, sign-out, password changes, invitations, deactivation, the admin guards, CSRF, the
 * security headers and the two command-line entry points. Time moves only on the test clock.
 */

const minute = 60_000;
const hour = 60 * minute;
/** The test clock `ms` after the start of the test. */
const after = (ms: number) => new Date(Date.parse(testStart) + ms).toISOString();

const wrongCredentials = { message: 'wrong email or password', code: 'invalid_credentials' };
const locked = { message: 'too many failed sign-ins: try again in 15 minutes', code: 'locked' };
const unauthenticated = { message: 'sign in first', code: 'unauthenticated' };

/** The session cookie a response sets, split into its value and attributes (lower-cased names). */
function sessionCookie(response: { headers: Headers }) {
  const lines = response.headers.getSetCookie().filter((line) => line.startsWith('verity_session='));
  expect(lines).toHaveLength(1);
  const [pair, ...rest] = lines[0].split(';').map((part) => part.trim());
  const attributes = new Map(
    rest.map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part.toLowerCase(), ''] : [part.slice(0, at).toLowerCase(), part.slice(at + 1)];
    }),
  );
  return { value: pair.slice('verity_session='.length), attributes };
}

describe.each(testDialects)('signing in on %s', (dialect) => {
  // Tests name the client's network address in a header, to tell addresses apart.
  const t = useTestApi(dialect, {
    deps: { clientAddress: (c) => c.req.header('x-test-address') ?? '192.0.2.1' },
  });

  /** A sign-in attempt by a new client (or `api`), from `address`. */
  async function login(email: string, password: string, options: { api?: Api; address?: string } = {}) {
    const api = options.api ?? new Api(t.app);
    const response = await api.request('POST', '/api/auth/login', {
      json: { email, password },
      headers: options.address ? { 'x-test-address': options.address } : {},
    });
    return { api, response };
  }

  const me = (api: Api) => api.request('GET', '/api/auth/me');

  async function signedIn(email: string, password = testPassword): Promise<Api> {
    const { api, response } = await login(email, password);
    expect(response.status, response.text).toBe(200);
    return api;
  }

  describe('login', () => {
    it('answers the profile and sets an HttpOnly, SameSite=Strict session cookie for the whole site', async () => {
      const { api, response } = await login(testAdmin.email, testPassword);
      expect(response.status).toBe(200);
      const profile = {
        id: t.adminId,
        ...testAdmin,
        role: 'admin',
        permissions: permissionTable.admin,
      };
      expect(response.body).toEqual(profile);
      const cookie = sessionCookie(response);
      expect(cookie.value).toMatch(/^[\w-]{43}$/);
      expect(cookie.attributes.has('httponly')).toBe(true);
      expect(cookie.attributes.get('samesite')).toBe('Strict');
      expect(cookie.attributes.get('path')).toBe('/');
      expect(cookie.attributes.has('secure')).toBe(false);
      // The cookie lasts as long as the session can: twelve hours.
      expect(new Date(cookie.attributes.get('expires')!).toISOString()).toBe(after(12 * hour));
      expect((await me(api)).body).toEqual(profile);
      // Only the token's hash is stored, so a copy of the database signs nobody in.
      const stored = await t.db.kysely.selectFrom('sessions').select('tokenHash').execute();
      expect(stored.map((s) => s.tokenHash)).toContain(
        createHash('sha256').update(cookie.value).digest('hex'),
      );
      expect(JSON.stringify(stored)).not.toContain(cookie.value);
      // The address is read without regard to case or surrounding spaces.
      expect((await login('  ADMIN@Verity.Test ', testPassword)).response.status).toBe(200);
    });

    it('marks the cookie Secure over HTTPS, or always when configured so', async () => {
      const request = (url: string) =>
        new Request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-verity-request': '1' },
          body: JSON.stringify({ email: testAdmin.email, password: testPassword }),
        });
      const https = await t.app.fetch(request('https://verity.test/api/auth/login'));
      expect(https.status).toBe(200);
      expect(sessionCookie(https).attributes.has('secure')).toBe(true);
      const proxied = createApp({ db: t.db, clock: t.clock.now, secureCookies: true });
      const behindProxy = await proxied.fetch(request('http://verity.test/api/auth/login'));
      expect(behindProxy.status).toBe(200);
      expect(sessionCookie(behindProxy).attributes.has('secure')).toBe(true);
    });

    it('answers a wrong password and an unknown account alike, with no cookie', async () => {
      const attempts: [string, string][] = [
        [testAdmin.email, 'wrong password'],
        [testAdmin.email, testPassword.toUpperCase()],
        [testAdmin.email, ''],
        ['nobody@verity.test', testPassword],
        ['', ''],
      ];
      for (const [email, password] of attempts) {
        const { api, response } = await login(email, password);
        expect(response.status, email).toBe(401);
        expect(response.body).toEqual(wrongCredentials);
        expect(response.headers.getSetCookie()).toEqual([]);
        expect(await me(api)).toMatchObject({ status: 401, body: unauthenticated });
      }
    });

    it('refuses an inactive account and one without a password like a wrong password', async () => {
      await insertModerator(t.db, {
        name: 'Former',
        email: 'former@verity.test',
        active: false,
        passwordHash: await testPasswordHash,
      });
      await insertModerator(t.db, { name: 'Invited', email: 'invited@verity.test' });
      for (const email of ['former@verity.test', 'invited@verity.test']) {
        const { response } = await login(email, testPassword);
        expect([response.status, response.body]).toEqual([401, wrongCredentials]);
      }
    });

    it('refuses a malformed body with 422, a non-JSON one with 415 and an oversized one with 413', async () => {
      const api = new Api(t.app);
      for (const json of [{}, { email: testAdmin.email }, { email: 1, password: 2 }, [], 'text', null]) {
        const response = await api.request('POST', '/api/auth/login', { json });
        expect([response.status, response.body.code], JSON.stringify(json)).toEqual([422, 'invalid']);
      }
      const extra = await api.request('POST', '/api/auth/login', {
        json: { email: testAdmin.email, password: testPassword, role: 'admin' },
      });
      expect([extra.status, extra.headers.getSetCookie()]).toEqual([422, []]);
      const form = await api.request('POST', '/api/auth/login', {
        body: `email=${testAdmin.email}&password=${testPassword}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
      expect(form.body).toEqual({
        message: 'the body must be application/json',
        code: 'unsupported_media_type',
      });
      const huge = await api.request('POST', '/api/auth/login', {
        json: { email: testAdmin.email, password: 'x'.repeat(1024 * 1024) },
      });
      expect([huge.status, huge.body.code]).toEqual([413, 'payload_too_large']);
      expect(await me(api)).toMatchObject({ status: 401 });
    });
  });

  describe('lockout', () => {
    it('locks an account after 5 failures in 15 minutes, even for the right password', async () => {
      for (let i = 0; i < 5; i++) {
        const { response } = await login(testAdmin.email, `wrong ${i}`);
        expect([response.status, response.body]).toEqual([401, wrongCredentials]);
      }
      t.clock.set(after(10 * minute));
      for (const password of [testPassword, 'wrong again']) {
        const { response } = await login(testAdmin.email, password);
        expect([response.status, response.body]).toEqual([429, locked]);
        expect(response.headers.getSetCookie()).toEqual([]);
      }
      // The same answer for an account that does not exist, so a lock tells nothing.
      for (let i = 0; i < 5; i++) {
        const { response } = await login('ghost@verity.test', `guess ${i}`);
        expect(response.status).toBe(401);
      }
      const ghost = await login('ghost@verity.test', 'guess 6');
      expect([ghost.response.status, ghost.response.body]).toEqual([429, locked]);
      // Another account from the same address is not locked.
      await signedInAs(t, 'moderator');
      // The lock lasts until the failures are 15 minutes old; attempts while locked do not extend it.
      t.clock.set(after(15 * minute - 1));
      expect((await login(testAdmin.email, testPassword)).response.status).toBe(429);
      t.clock.set(after(15 * minute + 1));
      expect((await login(testAdmin.email, testPassword)).response.status).toBe(200);
      // The unknown account failed at minute 10: its lock runs on from then.
      expect((await login('ghost@verity.test', 'guess 7')).response.body).toEqual(locked);
    });

    it('counts only failures since the last successful sign-in towards an account lock', async () => {
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 4; i++) expect((await login(testAdmin.email, 'wrong')).response.status).toBe(401);
        expect((await login(testAdmin.email, testPassword)).response.status).toBe(200);
      }
    });

    it('locks an address after 20 failures, whatever the accounts, and only that address', async () => {
      const address = '203.0.113.9';
      for (let i = 0; i < 20; i++) {
        const { response } = await login(`user${i % 5}@verity.test`, 'wrong', { address });
        expect(response.status, `attempt ${i + 1}`).toBe(401);
      }
      // user0..4 have 4 failures each: only the address is over its limit.
      for (const email of [testAdmin.email, 'user0@verity.test']) {
        const { response } = await login(email, testPassword, { address });
        expect([response.status, response.body]).toEqual([429, locked]);
      }
      expect((await login(testAdmin.email, testPassword, { address: '203.0.113.10' })).response.status).toBe(
        200,
      );
      t.clock.set(after(15 * minute + 1));
      expect((await login(testAdmin.email, testPassword, { address })).response.status).toBe(200);
    });
  });

  describe('sessions', () => {
    it('end after 2 hours without a request, and stay ended', async () => {
      const active = await signedIn(testAdmin.email);
      const idle = await signedIn(testAdmin.email);
      // Each request restarts the idle clock.
      for (const at of [119 * minute, 238 * minute]) {
        t.clock.set(after(at));
        expect((await me(active)).status).toBe(200);
      }
      expect(await me(idle)).toMatchObject({ status: 401, body: unauthenticated });
      t.clock.set(after(238 * minute + 2 * hour));
      expect(await me(active)).toMatchObject({ status: 401, body: unauthenticated });
      // Ended, not merely stale: going back in time does not revive it.
      t.clock.set(after(hour));
      expect((await me(active)).status).toBe(401);
      expect((await me(idle)).status).toBe(401);
    });

    it('end exactly at the 2-hour idle limit', async () => {
      const api = await signedIn(testAdmin.email);
      const other = await signedIn(testAdmin.email);
      t.clock.set(after(2 * hour - 1));
      expect((await me(api)).status).toBe(200);
      t.clock.set(after(2 * hour));
      expect((await me(other)).status).toBe(401);
    });

    it('end 12 hours after sign-in, however active', async () => {
      const api = await signedIn(testAdmin.email);
      for (let at = 110 * minute; at < 12 * hour; at += 110 * minute) {
        t.clock.set(after(at));
        expect((await me(api)).status, after(at)).toBe(200);
      }
      t.clock.set(after(12 * hour - 1));
      expect((await me(api)).status).toBe(200);
      t.clock.set(after(12 * hour));
      expect(await me(api)).toMatchObject({ status: 401, body: unauthenticated });
      // Signing in again starts a new day.
      const again = await signedIn(testAdmin.email);
      expect((await me(again)).status).toBe(200);
    });

    it('a role change applies to the next request of a signed-in moderator', async () => {
      const world = await buildWorld(t);
      const senior = await signedInAs(t, 'senior');
      expect((await senior.api.update('doctors', world.doctorId, { city: 'Reno' })).status).toBe(200);
      expect((await t.api.update('moderators', senior.id, { role: 'moderator' })).status).toBe(200);
      const refused = await senior.api.update('doctors', world.doctorId, { city: 'Elko' });
      expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
      expect((await me(senior.api)).body).toMatchObject({
        role: 'moderator',
        permissions: permissionTable.moderator,
      });
    });
  });

  describe('logout', () => {
    it('ends the session and clears the cookie; the old cookie is refused', async () => {
      const api = await signedIn(testAdmin.email);
      const oldCookie = api.jar.header()!;
      const response = await api.request('POST', '/api/auth/logout');
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      const cleared = sessionCookie(response);
      expect(cleared.value).toBe('');
      expect(cleared.attributes.get('max-age')).toBe('0');
      expect(cleared.attributes.get('path')).toBe('/');
      expect(await me(api)).toMatchObject({ status: 401, body: unauthenticated });
      const replayed = await new Api(t.app).request('GET', '/api/auth/me', {
        headers: { cookie: oldCookie },
      });
      expect([replayed.status, replayed.body]).toEqual([401, unauthenticated]);
      expect((await api.request('POST', '/api/auth/logout')).status).toBe(401);
      // Only that session: the admin's other one goes on.
      expect((await me(t.api)).status).toBe(200);
    });
  });

  describe('password change', () => {
    it('checks the current password and the new one, then ends the other sessions only', async () => {
      const { email, api } = await signedInAs(t, 'moderator');
      const other = await signedIn(email);
      const change = (json: unknown) => api.request('POST', '/api/auth/password', { json });
      const before = await tableDigests(t.db);

      const wrong = await change({ currentPassword: 'not it', newPassword: 'a brand new passphrase' });
      expect([wrong.status, wrong.body]).toEqual([
        422,
        {
          message: 'the current password is wrong',
          code: 'invalid',
          details: [{ path: 'currentPassword', message: 'wrong password' }],
        },
      ]);
      const short = await change({ currentPassword: testPassword, newPassword: 'eleven char' });
      expect([short.status, short.body]).toEqual([
        422,
        {
          message: 'the password needs at least 12 characters',
          code: 'invalid',
          details: [{ path: 'newPassword', message: 'too short' }],
        },
      ]);
      for (const json of [{ currentPassword: testPassword }, { newPassword: 'a brand new passphrase' }, []]) {
        expect((await change(json)).status, JSON.stringify(json)).toBe(422);
      }
      expect(await tableDigests(t.db)).toEqual(before);

      const done = await change({ currentPassword: testPassword, newPassword: 'twelve chars' });
      expect([done.status, done.text]).toEqual([204, '']);
      expect((await me(api)).status).toBe(200);
      expect(await me(other)).toMatchObject({ status: 401, body: unauthenticated });
      expect((await login(email, testPassword)).response.body).toEqual(wrongCredentials);
      expect((await login(email, 'twelve chars')).response.status).toBe(200);
      // The admin's own sessions are someone else's: untouched.
      expect((await me(t.api)).status).toBe(200);
    });
  });

  describe('invitations', () => {
    it('invite, set the password once, then sign in', async () => {
      const created = await t.api.create('moderators', {
        name: 'Casey Lin',
        email: ' Casey.Lin@Verity.Example ',
        role: 'verifier',
      });
      expect(created.status).toBe(201);
      const { inviteToken, inviteExpiresAt, ...record } = created.body;
      expect(record).toMatchObject({ email: 'casey.lin@verity.example', role: 'verifier', active: true });
      expect(inviteToken).toMatch(/^[\w-]{43}$/);
      expect(inviteExpiresAt).toBe(after(7 * 24 * hour));
      // The token is answered once: never read back, and stored only as its hash.
      const readBack = [await t.api.getOne('moderators', record.id), await t.api.list('moderators')];
      for (const response of readBack) expect(response.text).not.toContain(inviteToken);
      const invites = await t.db.kysely.selectFrom('invites').selectAll().execute();
      expect(invites).toHaveLength(1);
      expect(JSON.stringify(invites)).not.toContain(inviteToken);

      // No password yet: no way in.
      expect((await login(record.email, '')).response.body).toEqual(wrongCredentials);
      const visitor = new Api(t.app);
      const setPassword = (json: unknown) => visitor.request('POST', '/api/auth/set-password', { json });
      const short = await setPassword({ token: inviteToken, password: 'too short' });
      expect([short.status, short.body.details]).toEqual([422, [{ path: 'password', message: 'too short' }]]);
      const wrongToken = await setPassword({ token: `${inviteToken}x`, password: 'casey sets this one' });
      expect(wrongToken.body).toEqual({
        message: 'this invitation link is unknown, used or expired',
        code: 'invalid',
      });
      // A refused attempt does not use the invitation up.
      const done = await setPassword({ token: inviteToken, password: 'casey sets this one' });
      expect([done.status, done.text]).toEqual([204, '']);
      expect(visitor.jar.header()).toBeNull();
      const again = await setPassword({ token: inviteToken, password: 'someone else took it' });
      expect([again.status, again.body]).toEqual([422, wrongToken.body]);

      const { api, response } = await login('CASEY.LIN@verity.example', 'casey sets this one');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: record.id, role: 'verifier' });
      expect((await me(api)).body.email).toBe('casey.lin@verity.example');
      expect((await login(record.email, 'someone else took it')).response.status).toBe(401);
    });

    it('expires an invitation after 7 days', async () => {
      const invite = async (email: string) =>
        (await t.api.created('moderators', bodies.moderator({ email }))).inviteToken as string;
      const [late, inTime] = [await invite('late@verity.example'), await invite('in.time@verity.example')];
      const visitor = new Api(t.app);
      t.clock.set(after(7 * 24 * hour - 1000));
      const ok = await visitor.request('POST', '/api/auth/set-password', {
        json: { token: inTime, password: 'just in time, this' },
      });
      expect(ok.status).toBe(204);
      t.clock.set(after(7 * 24 * hour));
      const expired = await visitor.request('POST', '/api/auth/set-password', {
        json: { token: late, password: 'a week too late now' },
      });
      expect([expired.status, expired.body.code]).toEqual([422, 'invalid']);
      expect((await login('late@verity.example', 'a week too late now')).response.status).toBe(401);
      expect((await login('in.time@verity.example', 'just in time, this')).response.status).toBe(200);
    });

    it('keeps e-mail addresses in lower case when an admin changes one, so the moderator can still sign in', async () => {
      const { id } = await signedInAs(t, 'moderator');
      const changed = await t.api.update('moderators', id, { email: ' Sam.Rivera@Verity.Example' });
      expect([changed.status, changed.body.email]).toEqual([200, 'sam.rivera@verity.example']);
      expect((await login('Sam.Rivera@Verity.Example', testPassword)).response.status).toBe(200);
      // Two addresses that differ only in case are the same address.
      const other = await signedInAs(t, 'verifier');
      const clash = await t.api.update('moderators', other.id, { email: 'SAM.RIVERA@verity.example' });
      expect([clash.status, clash.body.code]).toEqual([409, 'conflict']);
    });
  });

  describe('moderator changes', () => {
    it('deactivation ends the moderator’s sessions at once, and keeps them out', async () => {
      const { id, email, api } = await signedInAs(t, 'moderator');
      const second = await signedIn(email);
      const response = await t.api.update('moderators', id, { active: false });
      expect([response.status, response.body.active]).toEqual([200, false]);
      for (const client of [api, second]) {
        expect(await me(client)).toMatchObject({ status: 401, body: unauthenticated });
      }
      expect(
        await t.db.kysely.selectFrom('sessions').selectAll().where('moderatorId', '=', id).execute(),
      ).toEqual([]);
      expect((await login(email, testPassword)).response.body).toEqual(wrongCredentials);
      // Reactivated, they sign in afresh; the old sessions stay ended.
      expect((await t.api.update('moderators', id, { active: true })).status).toBe(200);
      expect((await me(api)).status).toBe(401);
      expect((await login(email, testPassword)).response.status).toBe(200);
    });

    it('an admin cannot demote or deactivate themselves', async () => {
      const before = await storedRow(t.db, 'moderators', t.adminId);
      for (const change of [{ role: 'senior' }, { active: false }, { role: 'moderator', active: false }]) {
        const response = await t.api.update('moderators', t.adminId, change);
        expect([response.status, response.body], JSON.stringify(change)).toEqual([
          422,
          { message: 'you cannot remove your own admin role or deactivate yourself', code: 'invalid' },
        ]);
      }
      expect(await storedRow(t.db, 'moderators', t.adminId)).toEqual(before);
      expect((await t.api.update('moderators', t.adminId, { name: 'Renamed Admin' })).status).toBe(200);
      // Another admin can.
      const other = await signedInAs(t, 'admin');
      expect((await other.api.update('moderators', t.adminId, { role: 'senior' })).status).toBe(200);
      expect((await me(t.api)).body.role).toBe('senior');
    });

    it('two admins demoting each other at once leave one admin: the console always keeps one', async () => {
      const other = await signedInAs(t, 'admin');
      for (const [change, label] of [
        [{ role: 'moderator' }, 'demote'],
        [{ active: false }, 'deactivate'],
      ] as const) {
        const [first, second] = await Promise.all([
          t.api.update('moderators', other.id, change),
          other.api.update('moderators', t.adminId, change),
        ]);
        // One wins. The other is refused by the last-admin check or, if it arrives after the
        // change, as someone who is no longer an admin (or no longer signed in).
        expect(
          [first.status, second.status].filter((s) => s === 200),
          label,
        ).toHaveLength(1);
        const refused = first.status === 200 ? second : first;
        expect([
          { message: 'the console needs at least one active admin', code: 'invalid' },
          { message: 'a moderator may not update moderators', code: 'forbidden' },
          unauthenticated,
        ]).toContainEqual(refused.body);
        const admins = await t.db.kysely
          .selectFrom('moderators')
          .select('id')
          .where('role', '=', 'admin')
          .where('active', '=', 1)
          .execute();
        expect(admins, label).toHaveLength(1);
        // Put the loser back for the next round, signed in again.
        const [winner, loser] = first.status === 200 ? [t.api, other.api] : [other.api, t.api];
        const loserId = loser === t.api ? t.adminId : other.id;
        expect((await winner.update('moderators', loserId, { role: 'admin', active: true })).status).toBe(
          200,
        );
        if (label === 'deactivate') continue;
        expect((await me(loser)).body.role).toBe('admin');
      }
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request without the header or from another origin, changing nothing', async () => {
      const cookie = t.api.jar.header()!;
      const send = (method: string, path: string, headers: Record<string, string>, json?: unknown) =>
        t.app.fetch(
          new Request(`http://verity.test${path}`, {
            method,
            headers: { cookie, 'content-type': 'application/json', ...headers },
            body: json === undefined ? undefined : JSON.stringify(json),
          }),
        );
      const question = bodies.question();
      const before = await tableDigests(t.db);
      const refusedHeaders: Record<string, string>[] = [
        {},
        { 'x-verity-request': '0' },
        { 'x-verity-request': 'true' },
        { 'x-verity-request': '1', origin: 'https://evil.example' },
        { 'x-verity-request': '1', origin: 'null' },
        { 'x-verity-request': '1', origin: 'https://verity.test' },
        { 'x-verity-request': '1', origin: 'http://verity.test:8080' },
      ];
      const targets: [string, string, unknown][] = [
        ['POST', '/api/questions', question],
        ['PUT', '/api/moderators/1', { role: 'moderator' }],
        ['DELETE', '/api/questions/1', undefined],
        ['POST', '/api/auth/logout', undefined],
        ['POST', '/api/auth/password', { currentPassword: testPassword, newPassword: 'taken over now' }],
        ['POST', '/api/auth/login', { email: testAdmin.email, password: testPassword }],
      ];
      for (const [method, path, json] of targets) {
        for (const headers of refusedHeaders) {
          const response = await send(method, path, headers, json);
          const label = `${method} ${path} ${JSON.stringify(headers)}`;
          expect(response.status, label).toBe(403);
          expect(await response.json(), label).toEqual({
            message: 'state-changing requests must come from the console (X-Verity-Request header)',
            code: 'csrf',
          });
          expect(response.headers.getSetCookie(), label).toEqual([]);
        }
      }
      expect(await tableDigests(t.db)).toEqual(before);
      // Reads need no header; the console's own origin, or none, passes.
      expect((await send('GET', '/api/questions', {})).status).toBe(200);
      const sameOrigin = await send(
        'POST',
        '/api/questions',
        { 'x-verity-request': '1', origin: 'http://verity.test' },
        question,
      );
      expect(sameOrigin.status).toBe(201);
      expect((await send('POST', '/api/questions', { 'x-verity-request': '1' }, question)).status).toBe(201);
    });

    it('lets the configured CORS origin through, and no other', async () => {
      const app = createApp({ db: t.db, clock: t.clock.now, corsOrigin: 'https://console.example' });
      const post = (origin: string) =>
        app.fetch(
          new Request('http://verity.test/api/questions', {
            method: 'POST',
            headers: {
              cookie: t.api.jar.header()!,
              'content-type': 'application/json',
              'x-verity-request': '1',
              origin,
            },
            body: JSON.stringify(bodies.question()),
          }),
        );
      const allowed = await post('https://console.example');
      expect(allowed.status).toBe(201);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example');
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      const other = await post('https://evil.example');
      expect([other.status, (await other.json()).code]).toEqual([403, 'csrf']);
    });
  });

  describe('security headers', () => {
    it('are on every response, whatever its status', async () => {
      const world = await buildWorld(t);
      const moderator = await signedInAs(t, 'moderator');
      const leaving = await signedIn(testAdmin.email);
      const signedOut = new Api(t.app);
      for (let i = 0; i < 5; i++) await login('locked@verity.test', 'wrong');
      const json = { 'content-type': 'application/json' };
      const requests: [number, () => Promise<ApiResponse>][] = [
        [200, () => t.api.list('reviews')],
        [200, () => signedOut.request('GET', '/api/health')],
        [200, () => signedOut.request('GET', '/api/openapi.json')],
        [201, () => t.api.create('questions', bodies.question())],
        [204, () => leaving.request('POST', '/api/auth/logout')],
        [400, () => t.api.list('reviews', { filter: '{' })],
        [401, () => signedOut.request('GET', '/api/reviews')],
        [401, () => signedOut.request('POST', '/api/auth/login', { json: { email: 'a', password: 'b' } })],
        [403, () => moderator.api.create('questions', bodies.question())],
        [403, () => t.api.request('POST', '/api/questions', { headers: { 'x-verity-request': '' } })],
        [404, () => t.api.getOne('reviews', 424242)],
        [404, () => signedOut.request('GET', '/index.html')],
        [405, () => t.api.remove('audit', 1)],
        [409, () => t.api.remove('doctors', world.doctorId)],
        [
          413,
          () => t.api.request('POST', '/api/questions', { body: 'x'.repeat(1024 * 1024 + 1), headers: json }),
        ],
        [
          415,
          () =>
            t.api.request('POST', '/api/questions', { body: 'x', headers: { 'content-type': 'text/plain' } }),
        ],
        [422, () => t.api.create('questions', {})],
        [429, () => login('locked@verity.test', 'wrong').then(({ response }) => response)],
      ];
      for (const [status, send] of requests) {
        const response = await send();
        const label = `${status}: ${response.text.slice(0, 100)}`;
        expect(response.status, label).toBe(status);
        const csp = response.headers.get('content-security-policy') ?? '';
        const directives = new Map(
          csp.split(';').map((d) => {
            const [name, ...values] = d.trim().split(/\s+/);
            return [name, values] as const;
          }),
        );
        expect(directives.get('default-src'), label).toEqual(["'self'"]);
        // No inline script, however the SPA's styles are written.
        expect(directives.get('script-src'), label).toEqual(["'self'"]);
        expect(directives.get('frame-ancestors'), label).toEqual(["'none'"]);
        expect(directives.get('object-src'), label).toEqual(["'none'"]);
        expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
        expect(response.headers.get('referrer-policy'), label).toBe('same-origin');
        expect(response.headers.get('x-frame-options'), label).toBe('DENY');
      }
    });
  });
});

describe('the command line', () => {
  // Both spawn the real entry points on an SQLite file in a temporary directory.
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const run = (args: string[], env: Record<string, string>) => {
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    return spawnSync(tsx, args, { env: { ...inherited, ...env }, encoding: 'utf8', timeout: 60_000 });
  };

  it('create-admin makes the first admin of an empty database, who can sign in', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verity-admin-'));
    try {
      const password = 'the first admin password';
      const env = { DATA_DIR: dataDir, VERITY_ADMIN_PASSWORD: password };
      const created = run(
        ['server/createAdmin.ts', '--email', ' Root@Example.org', '--name', 'Root Admin'],
        env,
      );
      expect(created.status, created.stderr).toBe(0);
      expect(created.stdout.trim()).toBe('admin root@example.org created');
      expect(created.stdout).not.toContain(password);
      const twice = run(['server/createAdmin.ts', '--email', 'root@example.org'], env);
      expect(twice.status).toBe(2);
      expect(twice.stderr).toContain('a moderator with the e-mail root@example.org already exists');

      const db = openDb(join(dataDir, 'verity.db'));
      try {
        await migrate(db);
        const api = new Api(createApp({ db }));
        const { status, body } = await api.request('POST', '/api/auth/login', {
          json: { email: 'root@example.org', password },
        });
        expect(status).toBe(200);
        expect(body).toMatchObject({ name: 'Root Admin', role: 'admin', permissions: permissionTable.admin });
        expect((await api.all('moderators')).map((m) => m.email)).toEqual(['root@example.org']);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the server refuses to start in production on a database with demo accounts', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'verity-demo-'));
    try {
      const seeded = run(['server/seed/cli.ts', '--reviews', '10', '--as-of', '2026-11-01'], {
        DATA_DIR: dataDir,
      });
      expect(seeded.status, seeded.stderr).toBe(0);
      const started = run(['server/main.ts'], { DATA_DIR: dataDir, NODE_ENV: 'production', PORT: '0' });
      expect(started.error).toBeUndefined();
      expect(started.status, started.stdout).toBe(1);
      expect(started.stderr).toContain('refusing to start in production with demo accounts');
      for (const email of Object.values(demoAccounts)) expect(started.stderr).toContain(email);
      expect(started.stdout).not.toContain('Verity on http');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
