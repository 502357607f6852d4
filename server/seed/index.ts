import type { Insertable } from 'kysely';
import { checkedTypes } from '../../src/domain/rules/registry';
import { continueRun, requestRun } from '../services/rerun';
import type { CompareInThreads, ReadWords } from '../services/checkWorkers';
import { type ProgressBar, showRun } from '../progress';
import { recordedAuditHead } from '../db/audit';
import { bulkLoad, countRows, hasRows, insertRows, type TableName } from '../db/bulk';
import type { Db } from '../db/connection';
import { storeRecordings } from '../db/credentials';
import { createRegistry } from '../registries';
import { askRegistry } from '../services/credentials';
import { type Role, roles } from '../../src/domain/model';
import type { ModeratorsTable } from '../db/schema';
import type { MediaStorage } from '../storage';
import { DatabaseStorage } from '../storage/database';
import { hashPassword } from '../services/passwords';
import type { AnswerKey } from './answerKey';
import { generateAnswers } from './answers';
import { dayMs, historyMs, isoTime, parseDay, todayUtc } from './calendar';
import { seedDocuments, storeDocuments } from './documents';
import { generateDoctors } from './doctors';
import { AuditTrail, seededHandlingTimes, seedNotices, type Staff } from './moderation';
import { distinctPairs, seedPhotos } from './photos';
import { generateQuestions } from './questions';
import { Random } from './random';
import { seedReviews } from './reviews';

/**
 * The deterministic demo data: the same size and as-of day always give the same rows, byte for
 * byte. Every date is an offset from the as-of day, so a demo seeded today looks current.
 */

export interface SeedSize {
  doctors: number;
  questions: number;
  answers: number;
  reviews: number;
  photos: number;
}

export const demoSize: SeedSize = { doctors: 40, questions: 80, answers: 300, reviews: 1000, photos: 120 };

/** Small enough for a test to seed an in-memory database in well under a second. */
export const fixtureSize: SeedSize = { doctors: 8, questions: 12, answers: 30, reviews: 60, photos: 6 };

/** Photo rows stop growing here; past `distinctPairs` they reuse the drawn images anyway. */
const maxPhotos = 10_000;

/** Everything in proportion to the demo, for `reviews` reviews. */
export function sizeForReviews(reviews: number): SeedSize {
  if (!Number.isInteger(reviews) || reviews < 0)
    throw new RangeError(`reviews must be a whole number >= 0, not ${reviews}`);
  const scale = reviews / demoSize.reviews;
  return {
    doctors: Math.max(2, Math.round(demoSize.doctors * scale)),
    questions: Math.max(1, Math.round(demoSize.questions * scale)),
    answers: Math.round(demoSize.answers * scale),
    reviews,
    photos: Math.min(maxPhotos, Math.round(demoSize.photos * scale)),
  };
}

const seededTables: TableName[] = [
  'moderators',
  'doctors',
  'doctorDocuments',
  'registryRecordings',
  'registryLookups',
  'questions',
  'answers',
  'reviews',
  'photos',
  'audit',
  'outbox',
  'media',
];

/** True when no table holds a row: a database that was just migrated. */
export async function isEmpty(db: Db): Promise<boolean> {
  for (const table of seededTables) if (await hasRows(db.kysely, table)) return false;
  return true;
}

/**
 * The demo team: they exist only in seeded data, marked `demo` so that a production start refuses
 * them. The first of each role can sign in with `demoPassword` (README lists them).
 */
const team: readonly (readonly [name: string, role: string, active: boolean])[] = [
  ['Dana Whitfield', 'admin', true],
  ['Marcus Oyelaran', 'senior', true],
  ['Lena Kowalczyk', 'verifier', true],
  ['Tomás Rivera', 'moderator', true],
  ['Aisha Bello', 'moderator', true],
  ['Grace Nakamura', 'moderator', true],
  ['Owen Fitzgerald', 'moderator', false],
];

/** The password of the demo accounts; documented in the README, refused in production. */
export const demoPassword = 'verity-demo';

/** NPIs asked about per call while filling the registry cache. */
const registryBatch = 2000;

/** Fills an empty, migrated database and answers the row count of each table. */
export async function seedDemo(
  db: Db,
  options: {
    size?: SeedSize;
    asOf?: string;
    log?: (line: string) => void;
    /** Filled with what was planted where, for tests. */
    answerKey?: AnswerKey;
    /** Where the photos and documents go; absent: the database itself. */
    storage?: MediaStorage;
    /** Where the checks read words (worker threads for a large seed); absent: this thread. */
    readWords?: ReadWords;
    /** Where the checks compare reviews with the others (worker threads for a large seed); absent: this thread. */
    compare?: CompareInThreads;
    /** Where the reviews written and the checks show their progress. */
    progress?: ProgressBar;
  } = {},
): Promise<Record<string, number>> {
  const size = options.size ?? demoSize;
  checkSize(size);
  const asOfMs = parseDay(options.asOf ?? todayUtc());
  const log = options.log ?? (() => {});
  if (!(await isEmpty(db)))
    throw new Error('seedDemo fills an empty database only: the seeded ids start at 1');
  const storage = options.storage ?? new DatabaseStorage(db.kysely, () => new Date(asOfMs));
  const { counts, npis } = await bulkLoad(db, seededTables, () =>
    seed(db, storage, size, asOfMs, log, options.progress, options.answerKey),
  );
  // The rules judge the demo data as of its own day, so the same as-of gives the same results.
  const asOf = new Date(asOfMs);
  // The doctor checks read the registry's answers from the cache, never from the network: it is
  // filled first, through the NPPES adapter replaying the recordings (never a configured registry,
  // which knows nothing of the demo's NPIs).
  const registryStartedMs = performance.now();
  // In batches: the cache is read with one IN list per call, which SQLite bounds at 32,766 values.
  const asked = { asked: 0, failed: 0 };
  await db.kysely.transaction().execute(async (trx) => {
    const registry = createRegistry(trx);
    for (let start = 0; start < npis.length; start += registryBatch) {
      const batch = await askRegistry(trx, registry, npis.slice(start, start + registryBatch), asOf);
      asked.asked += batch.asked;
      asked.failed += batch.failed;
    }
  });
  counts.registryLookups = await countRows(db.kysely, 'registryLookups');
  log(
    `asked the NPI registry about ${asked.asked} NPIs, ${asked.failed} failed (${((performance.now() - registryStartedMs) / 1000).toFixed(1)} s)`,
  );
  for (const type of checkedTypes) {
    const startedMs = performance.now();
    await requestRun(db.kysely, type, asOf);
    await continueRun(db.kysely, type, {
      clock: () => asOf,
      readWords: options.readWords,
      compare: options.compare,
      onProgress: options.progress && showRun(options.progress),
    });
    options.progress?.end();
    log(`checked ${type} (${((performance.now() - startedMs) / 1000).toFixed(1)} s)`);
  }
  return counts;
}

async function seed(
  db: Db,
  storage: MediaStorage,
  size: SeedSize,
  asOfMs: number,
  log: (line: string) => void,
  progress: ProgressBar | undefined,
  key?: AnswerKey,
): Promise<{ counts: Record<string, number>; npis: string[] }> {
  const random = new Random('verity-demo');
  const audit = new AuditTrail();
  const startedMs = performance.now();
  const step = (what: string) => log(`${what} (${((performance.now() - startedMs) / 1000).toFixed(1)} s)`);

  const demoHash = await hashPassword(demoPassword);
  const moderators: Insertable<ModeratorsTable>[] = team.map(([name, role, active], i) => ({
    name,
    email: `${emailName(name)}@verity.example`,
    role,
    active: active ? 1 : 0,
    passwordHash: team.findIndex(([, r]) => r === role) === i ? demoHash : null,
    demo: 1,
    createdAt: isoTime(asOfMs - historyMs - (40 - i * 3) * dayMs),
  }));
  await insertRows(db.kysely, 'moderators', moderators);
  const idsOf = (...roles: string[]) =>
    team.flatMap(([, role, active], i) => (active && roles.includes(role) ? [i + 1] : []));
  const staff: Staff = {
    content: idsOf('moderator', 'senior'),
    seniors: idsOf('senior', 'admin'),
    verifiers: idsOf('verifier', 'senior'),
  };
  step(`moderators ${moderators.length}`);

  const doctors = generateDoctors(random.fork('doctors'), size.doctors, asOfMs, staff);
  for (const doctor of doctors) {
    audit.record('doctors', doctor.id, doctor.decisions);
    if (doctor.plantedRules.length > 0) key?.doctors.set(doctor.id, doctor.plantedRules);
  }
  const documents = await seedDocuments(random.fork('documents'), doctors, asOfMs);
  await insertRows(
    db.kysely,
    'doctors',
    doctors.map((doctor) => doctor.row),
  );
  await storeDocuments(db.kysely, storage, documents);
  await storeRecordings(
    db.kysely,
    doctors.map((doctor) => ({ source: 'nppes', subject: doctor.row.npi, ...doctor.registry })),
  );
  const documentBytes = documents.reduce((sum, document) => sum + document.bytes.length, 0);
  step(
    `doctors ${doctors.length}, ${documents.length} documents (${(documentBytes / 1024 / 1024).toFixed(1)} MiB), ${doctors.length} registry recordings`,
  );

  const questions = generateQuestions(random.fork('questions'), size.questions, asOfMs);
  await insertRows(
    db.kysely,
    'questions',
    questions.map((question) => question.row),
  );
  step(`questions ${questions.length}`);

  const answers = generateAnswers(
    random.fork('answers'),
    size.answers,
    questions,
    doctors,
    asOfMs,
    staff,
    audit,
    key,
  );
  await insertRows(db.kysely, 'answers', answers);
  step(`answers ${answers.length}`);

  const reviews = await seedReviews(
    db.kysely,
    random.fork('reviews'),
    size.reviews,
    doctors,
    asOfMs,
    staff,
    audit,
    progress,
    key,
  );
  step(`reviews ${reviews}`);

  const photos = await seedPhotos(
    db.kysely,
    storage,
    random.fork('photos'),
    size.photos,
    doctors,
    asOfMs,
    staff,
    audit,
    key,
  );
  step(`photos ${photos} (${Math.min(photos, distinctPairs)} pairs drawn)`);

  const entries = audit.rows();
  const firstId = ((await recordedAuditHead(db.kysely))?.entryId ?? 0) + 1;
  for (let start = 0; start < entries.length; start += 50_000) {
    await insertRows(db.kysely, 'audit', entries.slice(start, start + 50_000));
  }
  const handling = seededHandlingTimes(random.fork('handling'), entries, firstId);
  for (let start = 0; start < handling.length; start += 50_000) {
    await insertRows(db.kysely, 'handlingTimes', handling.slice(start, start + 50_000));
  }
  step(`audit ${entries.length}, ${handling.length} handling times`);
  step(`outbox ${await seedNotices(db.kysely)}`);

  const counts: Record<string, number> = {};
  for (const table of seededTables) counts[table] = await countRows(db.kysely, table);
  return { counts, npis: doctors.map((doctor) => doctor.row.npi) };
}

function checkSize(size: SeedSize): void {
  for (const [name, value] of Object.entries(size)) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`size.${name} must be a whole number >= 0, not ${value}`);
  }
  if (size.doctors < 2 && size.answers + size.reviews + size.photos > 0) {
    throw new RangeError('answers, reviews and photos need at least 2 doctors');
  }
  if (size.questions === 0 && size.answers > 0) throw new RangeError('answers need at least 1 question');
}

const emailName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '.');

/** The demo account that signs in for each role: the first of that role in the team. */
export const demoAccounts = Object.fromEntries(
  roles.map((role) => [role, `${emailName(team.find(([, r]) => r === role)![0])}@verity.example`]),
) as Record<Role, string>;
