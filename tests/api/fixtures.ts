import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { type App, type AppDeps, createApp } from '../../server/app';
import type { Db, Dialect } from '../../server/db/connection';
import { csrfHeader } from '../../server/security';
import { appendAudit, type AuditFact } from '../../server/services/audit';
import { hashPassword } from '../../server/services/passwords';
import { BackgroundRuns } from '../../server/services/rerun';
import { demoAccounts, demoPassword, fixtureSize, seedDemo } from '../../server/seed';
import { fixtureDay } from '../../mocks/testApp';
import type { Role, RuleResult } from '../../src/domain/model';
import { isChecked, rulesByType } from '../../src/domain/rules/registry';
import { riskScore } from '../../src/domain/rules/riskScore';
import { browserFetch, CookieJar } from '../../mocks/handlers';
import { type ResourceName, resourceNames, resourceSpecs } from '../../src/domain/resources';
import { closeTestDatabases, openTestDb } from './databases';

/**
 * What the API suites share: a fresh app over a fresh database per test, a small HTTP client
 * that speaks to `app.fetch`, valid bodies for every resource, and readers of the stored rows.
 */

// Response bodies are whatever the server sent; the tests assert their shape field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export type ApiRecord = { id: number; [field: string]: Json };

/** The instant the app's clock starts at in every test. */
export const testStart = '2026-11-01T09:00:00.000Z';

export class TestClock {
  private current = testStart;
  set(iso: string) {
    this.current = iso;
  }
  readonly now = () => new Date(this.current);
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

export interface ListParams {
  /** An object is sent as JSON; a string is sent as it is (for malformed input). */
  filter?: object | string;
  sort?: [string, string] | string;
  range?: [number, number] | string;
}

export const listQueryString = (params: ListParams): string => {
  const query = new URLSearchParams();
  for (const key of ['filter', 'sort', 'range'] as const) {
    const value = params[key];
    if (value !== undefined) query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
};

/** Requests to the app as the console sends them (with its CSRF header and cookies), answered in process. */
export class Api {
  readonly jar = new CookieJar();

  constructor(readonly app: App) {}

  /** Signs this client in; later requests carry the session cookie. */
  async signIn(email: string, password: string = testPassword): Promise<void> {
    const response = await this.request('POST', '/api/auth/login', { json: { email, password } });
    expect(response.status, response.text).toBe(200);
  }

  async request(
    method: string,
    path: string,
    init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse> {
    const headers = new Headers({ [csrfHeader]: '1', ...init.headers });
    let body = init.body;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const response = await browserFetch(
      this.app,
      this.jar,
      new Request(new URL(path, 'http://verity.test'), { method, headers, body }),
    );
    const text = await response.text();
    const isJson = /json/.test(response.headers.get('content-type') ?? '');
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: isJson ? JSON.parse(text) : null,
    };
  }

  list(resource: string, params: ListParams = {}) {
    return this.request('GET', `/api/${resource}${listQueryString(params)}`);
  }
  getOne(resource: string, id: number | string) {
    return this.request('GET', `/api/${resource}/${id}`);
  }
  /** Photos are uploaded as the site does it, multipart, with images drawn from their seeds. */
  async create(resource: string, json: unknown) {
    if (resource === 'photos')
      return this.request('POST', '/api/photos', { body: await photoForm(json as PhotoBody) });
    return this.request('POST', `/api/${resource}`, { json });
  }
  update(resource: string, id: number | string, json: unknown) {
    return this.request('PUT', `/api/${resource}/${id}`, { json });
  }
  remove(resource: string, id: number | string) {
    return this.request('DELETE', `/api/${resource}/${id}`);
  }

  /** Every record of a resource in id order, asserting the list answered. */
  async all(resource: string, filter: object = {}): Promise<ApiRecord[]> {
    const response = await this.list(resource, { filter, range: [0, 999] });
    expect(response.status, response.text).toBe(200);
    return response.body;
  }

  /** POSTs a body that must be accepted, and returns the created record. */
  async created(resource: string, json: unknown): Promise<ApiRecord> {
    const response = await this.create(resource, json);
    expect(response.status, response.text).toBe(201);
    return response.body;
  }
}

export interface TestApi {
  dialect: Dialect;
  /** The admin every test's `api` is signed in as. */
  adminId: number;
  db: Db;
  app: App;
  api: Api;
  clock: TestClock;
  /** The app's background re-runs of the rules: `await t.reruns.settled()` waits for them. */
  reruns: BackgroundRuns;
}

/** The password of every account the tests create; hashed once, as scrypt is slow on purpose. */
export const testPassword = 'correct horse battery';
export const testPasswordHash = hashPassword(testPassword);
export const testAdmin = { name: 'Test Admin', email: 'admin@verity.test' };

export interface TestApiOptions {
  /**
   * Seed the fixture data set first, and sign in as its demo admin (seedDemo fills an empty
   * database only, so no test admin is inserted).
   */
  seeded?: boolean;
  /** More of the app's dependencies, e.g. where a request comes from. */
  deps?: Omit<AppDeps, 'db' | 'clock'>;
}

/** Gives every test of the enclosing describe a fresh migrated database, an app over it, and a signed-in admin. */
export function useTestApi(dialect: Dialect, options: TestApiOptions = {}): TestApi {
  const context = { dialect, clock: new TestClock() } as TestApi;
  let dispose: (() => Promise<void>) | null = null;
  beforeEach(async () => {
    const test = await openTestDb(dialect);
    dispose = test.dispose;
    context.clock.set(testStart);
    context.db = test.db;
    context.reruns = new BackgroundRuns(test.db.kysely, context.clock.now);
    context.app = createApp({
      ...options.deps,
      db: test.db,
      clock: context.clock.now,
      reruns: context.reruns,
    });
    context.api = new Api(context.app);
    if (options.seeded) {
      await seedDemo(test.db, { size: fixtureSize, asOf: fixtureDay });
      context.adminId = await moderatorId(test.db, demoAccounts.admin);
      await context.api.signIn(demoAccounts.admin, demoPassword);
    } else {
      context.adminId = await insertModerator(test.db, {
        ...testAdmin,
        role: 'admin',
        passwordHash: await testPasswordHash,
      });
      await context.api.signIn(testAdmin.email);
    }
  });
  afterEach(async () => {
    await context.reruns?.settled();
    await dispose?.();
    dispose = null;
  });
  afterAll(closeTestDatabases);
  return context;
}

export async function moderatorId(db: Db, email: string): Promise<number> {
  const { id } = await db.kysely
    .selectFrom('moderators')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return id;
}

/** A moderator of `role` who can sign in with `testPassword`, and a client signed in as them. */
export async function signedInAs(
  t: TestApi,
  role: Role,
  email = `${role}@team.verity.test`,
): Promise<{ id: number; email: string; api: Api }> {
  const id = await insertModerator(t.db, {
    name: `Test ${role}`,
    email,
    role,
    passwordHash: await testPasswordHash,
  });
  const api = new Api(t.app);
  await api.signIn(email);
  return { id, email, api };
}

// ---------------------------------------------------------------------------------------------
// Valid bodies

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * An image as a stored pair describes it, for pairs a test stores directly (not uploaded): its
 * hashes follow from the seed, and no file stands behind it.
 */
export function describedImage(seed: string, overrides: Record<string, unknown> = {}) {
  const hash = sha256(seed);
  return {
    url: `/api/images/${hash}/display`,
    thumbnailUrl: `/api/images/${hash}/thumbnail`,
    width: 1200,
    height: 1600,
    sha256: hash,
    mediaType: 'image/jpeg',
    byteLength: 1000,
    phash: hash.slice(0, 16),
    mirroredPhash: hash.slice(16, 32),
    exif: { Make: 'Canon', Model: 'EOS R6', DateTimeOriginal: '2026-03-14T10:22:00' },
    ...overrides,
  };
}

/** EXIF as sharp writes it: IFD0 (Make, Model, Software), IFD2 (DateTimeOriginal). */
export type TestExif = Record<string, Record<string, string>>;

const cameraExif = (taken: string): TestExif => ({
  IFD0: { Make: 'Canon', Model: 'Canon EOS R6' },
  IFD2: { DateTimeOriginal: taken },
});

/**
 * A small JPEG whose picture follows from `seed`: a 6x8 grid of coloured cells, so that two seeds
 * give two unrelated pictures (their hashes about half the bits apart) and one seed one picture.
 */
export async function testPhoto(
  seed: string,
  {
    exif = cameraExif('2026:03:14 10:22:00'),
    width = 120,
    height = 150,
  }: { exif?: TestExif | null; width?: number; height?: number } = {},
): Promise<Buffer> {
  const digest = createHash('sha512').update(seed).digest();
  const cells = Buffer.alloc(6 * 8 * 3);
  for (let i = 0; i < cells.length; i++) cells[i] = digest[i % digest.length] ^ (i * 37);
  let image = sharp(cells, { raw: { width: 6, height: 8, channels: 3 } })
    .resize(width, height, { kernel: 'nearest', fit: 'fill' })
    .jpeg({ quality: 90 });
  if (exif) image = image.withExif(exif);
  return image.toBuffer();
}

/** A photo pair's fields with its images as seeds (drawn by testPhoto) or as bytes of their own. */
export type PhotoBody = Record<string, unknown> & { before?: unknown; after?: unknown };

/** The multipart body of POST /api/photos; a side that is neither seed nor bytes goes as plain text. */
export async function photoForm(body: PhotoBody): Promise<FormData> {
  const form = new FormData();
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (field === 'before' || field === 'after') {
      const bytes =
        typeof value === 'string' ? await testPhoto(value, { exif: photoExifOf(body, field) }) : value;
      if (bytes instanceof Uint8Array)
        form.set(field, new File([new Uint8Array(bytes)], `${field}.jpg`, { type: 'image/jpeg' }));
      else form.set(field, JSON.stringify(value));
    } else form.set(field, value === null ? '' : String(value));
  }
  return form;
}

/** The dates the pair's camera wrote: the after photo as many months after the before as the body says. */
function photoExifOf(body: PhotoBody, side: 'before' | 'after'): TestExif {
  const months = typeof body.monthsAfterTreatment === 'number' ? body.monthsAfterTreatment : 3;
  const beforeMs = Date.parse('2025-06-02T10:00:00Z');
  const takenMs = side === 'before' ? beforeMs : beforeMs + Math.round(months * 30.44) * 86_400_000;
  return cameraExif(new Date(takenMs).toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':'));
}

export const bodies = {
  doctor: (overrides: Record<string, unknown> = {}) => ({
    name: 'Dr. Amelia Hart',
    credential: 'MD',
    specialty: 'Dermatology',
    practiceName: 'Hart Dermatology',
    practiceDomain: 'hartderm.example',
    practicePhone: '+1 512 555 0100',
    city: 'Austin',
    npi: '1234567893',
    licenseState: 'TX',
    licenseNumber: 'TX-M1001',
    licenseStatus: 'active',
    licenseExpiresOn: '2027-06-30',
    board: 'American Board of Dermatology',
    boardCertified: true,
    boardOrders: [],
    ...overrides,
  }),
  question: (overrides: Record<string, unknown> = {}) => ({
    title: 'Is Botox permanent?',
    body: 'I had my first treatment last month. How long until it wears off?',
    procedure: 'Botox',
    askerName: 'Jamie',
    ...overrides,
  }),
  answer: (refs: { questionId: number; doctorId: number }, overrides: Record<string, unknown> = {}) => ({
    ...refs,
    body: 'No. Botox relaxes the muscle for three to four months, then the effect wears off.',
    ...overrides,
  }),
  review: (doctorId: number, overrides: Record<string, unknown> = {}) => ({
    doctorId,
    procedure: 'Lip filler',
    rating: 5,
    title: 'Natural result',
    body: 'Subtle, even, and no bruising after two days.',
    reviewerId: 'patient-001',
    reviewerEmail: 'patient001@mail.example',
    reviewerEmailVerified: true,
    reviewerPhoneVerified: false,
    reviewerIp: '203.0.113.7',
    treatmentDate: '2026-09-12',
    ...overrides,
  }),
  photo: (doctorId: number, overrides: Record<string, unknown> = {}) => ({
    doctorId,
    procedure: 'Rhinoplasty',
    caption: 'Twelve months after a closed rhinoplasty',
    monthsAfterTreatment: 12,
    consentOnFile: true,
    before: 'before-1',
    after: 'after-1',
    ...overrides,
  }),
  moderator: (overrides: Record<string, unknown> = {}) => ({
    name: 'Morgan Reyes',
    email: 'morgan@verity.example',
    role: 'moderator',
    ...overrides,
  }),
};

// ---------------------------------------------------------------------------------------------
// Direct database access, for what the API cannot write and for checking what it stored

/** The tables without their static types, so a test can address any of them by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (db: Db) => db.kysely as unknown as Kysely<any>;

export async function storedRow(db: Db, table: string, id: number): Promise<Record<string, unknown> | null> {
  const row = await untyped(db).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

/** Asserts the stored row holds `record` as the schema keeps it: booleans 0/1, JSON as text. */
export async function expectStoredAs(db: Db, resource: ResourceName, record: ApiRecord): Promise<void> {
  const row = await storedRow(db, resource, record.id);
  expect(row, `${resource} ${record.id} is stored`).not.toBeNull();
  for (const [field, { kind }] of Object.entries(resourceSpecs[resource].fields)) {
    const [stored, expected] = [row![field], record[field]];
    if (expected === null) expect(stored, field).toBeNull();
    else if (kind === 'bool') expect(stored, field).toBe(expected ? 1 : 0);
    else if (kind === 'json') expect(JSON.parse(stored as string), field).toEqual(expected);
    else if (kind === 'id' || kind === 'ref' || kind === 'int') expect(Number(stored), field).toBe(expected);
    else expect(stored, field).toBe(expected);
  }
}

export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...resourceNames, 'media']) {
    const { n } = await untyped(db)
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return counts;
}

/** Every table the migrations make, with the columns that order its rows. */
export const tableKeys: Record<string, readonly string[]> = {
  ...Object.fromEntries(resourceNames.map((name) => [name, ['id']])),
  media: ['key'],
  photoHashes: ['photoId', 'side'],
  sessions: ['tokenHash'],
  signInFailures: ['subject', 'at'],
  invites: ['tokenHash'],
  outbox: ['id'],
};

/**
 * The row count and a SHA-256 of the rows of each table, read in key order: two equal results mean
 * no row was added, removed or changed.
 */
export async function tableDigests(
  db: Db,
  tables: readonly string[] = Object.keys(tableKeys),
): Promise<Record<string, { rows: number; sha256: string }>> {
  const digests: Record<string, { rows: number; sha256: string }> = {};
  for (const table of tables) {
    let query = untyped(db).selectFrom(table).selectAll();
    for (const key of tableKeys[table]) query = query.orderBy(key);
    const rows = await query.execute();
    const hash = createHash('sha256');
    for (const row of rows) {
      const columns = Object.keys(row).sort();
      const values = columns.map((c) => (row[c] instanceof Uint8Array ? sha256Bytes(row[c]) : row[c]));
      hash.update(`${JSON.stringify([columns, values])}\n`);
    }
    digests[table] = { rows: rows.length, sha256: hash.digest('hex') };
  }
  return digests;
}

const sha256Bytes = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Sets columns only the server writes (status, risk, decisions), as a decision would. */
/**
 * Writes stored columns of a record directly, as data made elsewhere would be. Results written
 * this way replace the record's findings too, as a check would, so lists read what the record says.
 */
export async function setStored(db: Db, table: string, id: number, values: Record<string, unknown>) {
  await untyped(db).updateTable(table).set(values).where('id', '=', id).execute();
  if (typeof values.ruleResults !== 'string') return;
  await untyped(db)
    .deleteFrom('ruleFindings')
    .where('resource', '=', table)
    .where('recordId', '=', id)
    .execute();
  const failed = (JSON.parse(values.ruleResults) as RuleResult[]).filter((r) => r.outcome === 'fail');
  const { createdAt } = await untyped(db)
    .selectFrom(table)
    .select('createdAt')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  for (const r of failed) {
    await untyped(db)
      .insertInto('ruleFindings')
      .values({
        resource: table,
        recordId: id,
        ruleId: r.ruleId,
        severity: r.severity ?? 'info',
        message: r.message ?? null,
        createdAt,
      })
      .execute();
  }
}

/** A moderator as the sign-up command stores one, with a password hash the API must never show. */
export async function insertModerator(
  db: Db,
  values: {
    name: string;
    email: string;
    role?: string;
    active?: boolean;
    passwordHash?: string | null;
    createdAt?: string;
  },
): Promise<number> {
  const { id } = await db.kysely
    .insertInto('moderators')
    .values({
      name: values.name,
      email: values.email,
      role: values.role ?? 'moderator',
      active: values.active === false ? 0 : 1,
      passwordHash: values.passwordHash ?? null,
      createdAt: values.createdAt ?? testStart,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export const passwordHash = `scrypt$16384$8$1$${'ab'.repeat(16)}$${'cd'.repeat(32)}`;

/** Appends one entry to the audit chain as a decision does, in its own transaction. */
export async function appendAuditEntry(db: Db, fact: Partial<AuditFact> = {}): Promise<number> {
  return db.kysely.transaction().execute((trx) =>
    appendAudit(trx, db.dialect, {
      at: testStart,
      actorId: null,
      action: 'approve',
      resource: 'reviews',
      recordId: 1,
      fromStatus: 'pending',
      toStatus: 'approved',
      reasonCode: null,
      note: null,
      ruleResults: null,
      ...fact,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Small worlds

export interface World {
  moderatorId: number;
  doctorId: number;
  otherDoctorId: number;
  questionId: number;
  answerId: number;
  reviewId: number;
  photoId: number;
  auditId: number;
}

/** One record of every resource, with the references between them. */
export async function buildWorld({ api, db }: TestApi): Promise<World> {
  const moderator = await api.created('moderators', bodies.moderator());
  const doctor = await api.created('doctors', bodies.doctor());
  const other = await api.created(
    'doctors',
    bodies.doctor({ name: 'Dr. Noah Kim', npi: '1987654320', licenseNumber: 'CA-A2002', licenseState: 'CA' }),
  );
  const question = await api.created('questions', bodies.question());
  const answer = await api.created(
    'answers',
    bodies.answer({ questionId: question.id, doctorId: doctor.id }),
  );
  const review = await api.created('reviews', bodies.review(doctor.id));
  const photo = await api.created('photos', bodies.photo(doctor.id));
  const auditId = await appendAuditEntry(db, {
    actorId: moderator.id,
    resource: 'reviews',
    recordId: review.id,
    note: 'first approval',
  });
  return {
    moderatorId: moderator.id,
    doctorId: doctor.id,
    otherDoctorId: other.id,
    questionId: question.id,
    answerId: answer.id,
    reviewId: review.id,
    photoId: photo.id,
    auditId,
  };
}

/** The id of one record of `resource` in a world. */
export const worldId = (world: World, resource: ResourceName): number =>
  ({
    doctors: world.doctorId,
    questions: world.questionId,
    answers: world.answerId,
    reviews: world.reviewId,
    photos: world.photoId,
    audit: world.auditId,
    moderators: world.moderatorId,
  })[resource];

/** A valid create body for `resource` whose references point into `world`. */
export function createBody(resource: ResourceName, world: World): Record<string, unknown> | null {
  switch (resource) {
    case 'doctors':
      return bodies.doctor({ name: 'Dr. Lena Ortiz', npi: '1555555553', licenseNumber: 'NY-300' });
    case 'questions':
      return bodies.question({ title: 'How long does lip filler last?', procedure: 'Lip filler' });
    case 'answers':
      return bodies.answer({ questionId: world.questionId, doctorId: world.otherDoctorId });
    case 'reviews':
      return bodies.review(world.otherDoctorId, { rating: 2, title: 'Uneven result' });
    case 'photos':
      return bodies.photo(world.otherDoctorId, { before: 'b2', after: 'a2' });
    case 'moderators':
      return bodies.moderator({ name: 'Sam Patel', email: 'sam@verity.example', role: 'verifier' });
    case 'audit':
      return null;
  }
}

/** A change a client may make to a record of `resource` (a writable field, a valid value). */
export function writableChange(resource: ResourceName): Record<string, unknown> {
  switch (resource) {
    case 'doctors':
      return { city: 'San Antonio', boardCertified: false };
    case 'questions':
      return { title: 'Is Botox permanent, or does it wear off?' };
    case 'answers':
      return { body: 'It wears off after three to four months.' };
    case 'reviews':
      return { rating: 4, title: 'Natural result, slight swelling' };
    case 'photos':
      return { caption: 'Eleven months after a closed rhinoplasty', monthsAfterTreatment: 11 };
    case 'moderators':
      return { role: 'senior', active: false };
    case 'audit':
      return { note: 'rewritten' };
  }
}

// ---------------------------------------------------------------------------------------------
// Varied data sets: nine records per resource whose every filterable field takes several values
// (nulls included where the field allows them), for checking filters and sorts against an oracle.

export const variedSize = 9;

// Out of id order, with two pairs of equal instants (ties for sorting) and both ends of a day.
const instants = [
  '2026-10-03T07:15:00.000Z',
  '2026-10-01T08:00:00.000Z',
  '2026-10-09T18:45:00.000Z',
  '2026-10-02T00:00:00.000Z',
  '2026-10-09T18:45:00.000Z',
  '2026-10-01T23:59:59.999Z',
  '2026-10-05T10:00:00.000Z',
  '2026-10-02T12:30:00.000Z',
  '2026-10-03T07:15:00.000Z',
];
const decisionInstants = [
  null,
  '2026-10-20T10:00:00.000Z',
  '2026-10-21T00:00:00.000Z',
  null,
  '2026-10-20T23:59:59.999Z',
  '2026-10-22T08:30:00.000Z',
  null,
  '2026-10-20T10:00:00.000Z',
  '2026-10-25T16:00:00.000Z',
];
const surnames = ['Hart', 'Kim', 'Shah', 'Meyer', 'Liu', 'Haddad', 'Hart', 'Rossi', 'Carter'];
const givenNames = ['Amelia', 'Noah', 'Priya', 'Lucas', 'Grace', 'Omar', 'Amelia', 'Elena', 'Ben'];
const procedureCycle = ['Botox', 'Lip filler', 'Rhinoplasty', 'Microneedling'];
const decidedStatuses = ['approved', 'rejected', 'escalated'];

/** The moderation columns of record `i`: a third pending, the rest decided by one of two moderators. */
function moderationState(i: number, [first, second]: number[]) {
  const decided = i % 3 !== 0;
  return {
    status: decided ? decidedStatuses[i % 3] : 'pending',
    version: 1 + (i % 3),
    riskScore: [40, 0, 95, 15, 15, 70, 100, 5, 60][i],
    ruleResults: JSON.stringify([{ ruleId: `R${i}`, outcome: 'pass', severity: 'info', message: 'ok' }]),
    claimedBy: i % 4 === 1 ? second : null,
    claimExpiresAt: i % 4 === 1 ? `2026-11-01T09:1${i}:00.000Z` : null,
    decidedBy: decided ? (i % 2 === 1 ? first : second) : null,
    decidedAt: decisionInstants[i],
    reasonCode: i % 3 === 2 ? 'spam' : i === 4 ? 'off_topic' : null,
  };
}

/** Fills the fresh database of `t` with nine varied records of `resource` (and what they refer to). */
export async function buildVariedDataset(t: TestApi, resource: ResourceName): Promise<void> {
  const { api, db, clock } = t;
  const moderators: number[] = [];
  const doctors: number[] = [];
  const questions: number[] = [];
  if (resource !== 'moderators') {
    for (const [name, email] of [
      ['Morgan Reyes', 'morgan@verity.example'],
      ['Sam Patel', 'sam@verity.example'],
    ]) {
      moderators.push((await api.created('moderators', bodies.moderator({ name, email }))).id);
    }
  }
  if (['answers', 'reviews', 'photos'].includes(resource)) {
    for (let d = 0; d < 3; d++) {
      const doctor = bodies.doctor({ name: `Dr. Support ${d}`, npi: `155555555${d}` });
      doctors.push((await api.created('doctors', doctor)).id);
    }
  }
  if (resource === 'answers') {
    for (let q = 0; q < 2; q++) {
      questions.push((await api.created('questions', bodies.question({ title: `Question ${q}` }))).id);
    }
  }

  for (let i = 0; i < variedSize; i++) {
    clock.set(instants[i]);
    const state = moderationState(i, moderators);
    switch (resource) {
      case 'doctors': {
        const { id } = await api.created(
          'doctors',
          bodies.doctor({
            name: `Dr. ${givenNames[i]} ${surnames[i]}`,
            credential: i % 3 === 0 ? 'DO' : 'MD',
            specialty: ['Dermatology', 'Plastic Surgery', 'Facial Plastic Surgery'][i % 3],
            practiceName: `${surnames[i]} Clinic`,
            practiceDomain: i % 4 === 0 ? null : `clinic${i}.example`,
            practicePhone: i % 3 === 1 ? null : `+1 555 010${i}`,
            city: ['Austin', 'Boston', 'Chicago', 'Denver'][i % 4],
            npi: String(1000000000 + i * 111111),
            licenseState: ['TX', 'CA', 'NY'][i % 3],
            licenseNumber: `LIC-${100 + i}`,
            licenseStatus: ['active', 'expired', 'probation', 'active'][i % 4],
            licenseExpiresOn: [
              '2027-06-30',
              '2025-12-31',
              '2026-11-01',
              '2027-06-30',
              '2026-01-15',
              '2028-03-01',
              '2026-11-02',
              '2025-05-05',
              '2027-01-01',
            ][i],
            board:
              i % 4 === 2
                ? null
                : ['American Board of Dermatology', 'American Board of Plastic Surgery'][i % 2],
            boardCertified: i % 2 === 0,
            boardOrders:
              i % 3 === 1
                ? [
                    {
                      state: 'TX',
                      kind: 'reprimand',
                      orderedOn: '2025-03-0' + (i + 1),
                      summary: `Order ${i}`,
                    },
                  ]
                : [],
          }),
        );
        // Doctors have a verification status instead of a moderation status.
        const { status: _status, ...rest } = state;
        const verificationStatus = ['unverified', 'pending', 'verified', 'rejected', 'suspended'][i % 5];
        await setStored(db, 'doctors', id, {
          ...rest,
          verificationStatus,
          verifiedAt: verificationStatus === 'verified' ? `2026-10-1${i}T12:00:00.000Z` : null,
          verifiedBy: verificationStatus === 'verified' ? moderators[i % 2] : null,
        });
        break;
      }
      case 'questions':
        await api.created(
          'questions',
          bodies.question({
            title: `${['Does', 'How', 'Is', 'What', 'When', 'Why', 'Can', 'Should', 'Will'][i]} question ${i}`,
            body: `Body of question ${i} about ${procedureCycle[i % 4]}`,
            procedure: procedureCycle[i % 4],
            askerName: ['Jamie', 'Alex', 'Robin'][i % 3],
          }),
        );
        break;
      case 'answers': {
        const { id } = await api.created(
          'answers',
          bodies.answer(
            { questionId: questions[i % 2], doctorId: doctors[i % 3] },
            { body: `Answer ${i}: results vary with ${procedureCycle[i % 4]}` },
          ),
        );
        await setStored(db, 'answers', id, state);
        break;
      }
      case 'reviews': {
        const { id } = await api.created(
          'reviews',
          bodies.review(doctors[i % 3], {
            procedure: procedureCycle[(i + 1) % 4],
            rating: [5, 1, 3, 4, 2, 5, 3, 1, 4][i],
            title: `Review ${i}`,
            body: `Body of review ${i}`,
            reviewerId: `patient-${i % 4}`,
            reviewerEmail: `p${i % 5}@mail.example`,
            reviewerEmailVerified: i % 2 === 0,
            reviewerPhoneVerified: i % 3 === 0,
            reviewerIp: `203.0.113.${i % 3}`,
            treatmentDate: i % 4 === 3 ? null : `2026-0${1 + (i % 5)}-1${i}`,
          }),
        );
        await setStored(db, 'reviews', id, state);
        break;
      }
      case 'photos': {
        const { id } = await api.created(
          'photos',
          bodies.photo(doctors[i % 3], {
            procedure: procedureCycle[(i + 2) % 4],
            caption: `Photo pair ${i}`,
            monthsAfterTreatment: i % 4 === 2 ? null : [3, 6, 0, 12, 6, 24, 0, 1, 9][i],
            consentOnFile: i % 3 !== 1,
            before: `before-${i}`,
            after: `after-${i}`,
          }),
        );
        await setStored(db, 'photos', id, state);
        break;
      }
      case 'audit':
        await appendAuditEntry(db, {
          at: instants[i],
          actorId: i % 3 === 0 ? null : moderators[i % 2],
          action: ['approve', 'reject', 'escalate', 'revert'][i % 4],
          resource: ['reviews', 'answers', 'photos', 'doctors'][i % 4],
          recordId: [3, 1, 4, 1, 5, 9, 2, 6, 5][i],
          fromStatus: i % 4 === 0 ? null : 'pending',
          toStatus: ['approved', 'rejected', 'escalated', 'pending'][i % 4],
          reasonCode: i % 3 === 1 ? 'spam' : null,
          note: i % 2 === 1 ? `Note ${i}` : null,
          ruleResults: i % 2 === 0 ? JSON.stringify([{ ruleId: 'R1', outcome: 'fail' }]) : null,
        });
        break;
      case 'moderators': {
        const moderator = bodies.moderator({
          name: `${givenNames[i]} ${surnames[i]}`,
          email: `${givenNames[i].toLowerCase()}${i}@verity.example`,
          role: ['admin', 'moderator', 'verifier', 'senior'][i % 4],
          active: i % 3 !== 2,
        });
        if (i > 0) {
          await api.created('moderators', moderator);
          break;
        }
        // The signed-in admin is the first of the nine (an active admin, as record 0 is).
        const response = await api.update('moderators', t.adminId, moderator);
        expect(response.status, response.text).toBe(200);
        await setStored(db, 'moderators', t.adminId, { createdAt: instants[0] });
        break;
      }
    }
  }
}

/**
 * Checked items carry the rules' results of their latest write, which depend on the moment and on
 * the other items; what matters here is that they are the ones a fresh check gives.
 */
export async function expectFreshlyChecked(t: TestApi, resource: ResourceName, record: ApiRecord) {
  if (!isChecked(resource)) return;
  expect((record.ruleResults as { ruleId: string }[]).map((r) => r.ruleId)).toEqual(
    rulesByType[resource].map((rule) => rule.id),
  );
  expect(record.riskScore).toBe(riskScore(record.ruleResults as RuleResult[]));
  const again = await t.api.request('POST', `/api/${resource}/${record.id}/checks`);
  expect(again.status, again.text).toBe(200);
  expect(again.body).toEqual(record);
}

export const withoutChecks = ({
  ruleResults: _results,
  riskScore: _risk,
  ...rest
}: Record<string, unknown>) => rest;
