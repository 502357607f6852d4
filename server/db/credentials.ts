import type { Kysely, Transaction } from 'kysely';
import type { RegistryLookup, RegistryRecord, RegistrySource } from '../../src/domain/credentials';
import type { Database } from './schema';

/**
 * The SQL of doctor credentials (migration 006): registry answers and their cache, uploaded
 * documents, console settings and the daily jobs' runs.
 */

type AnyDb = Kysely<Database> | Transaction<Database>;

export async function recordedAnswer(db: AnyDb, source: RegistrySource, subject: string) {
  return db
    .selectFrom('registryRecordings')
    .select(['status', 'body'])
    .where('source', '=', source)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

export async function storeRecordings(
  db: AnyDb,
  rows: readonly { source: RegistrySource; subject: string; status: number; body: string }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    await db
      .insertInto('registryRecordings')
      .values(rows.slice(start, start + 1000))
      .onConflict((oc) => oc.columns(['source', 'subject']).doNothing())
      .execute();
  }
}

const asLookup = (row: {
  source: string;
  subject: string;
  outcome: string;
  record: string | null;
  fetchedAt: string | null;
  failedAt: string | null;
  problem: string | null;
}): RegistryLookup => ({
  source: row.source as RegistrySource,
  subject: row.subject,
  outcome: row.outcome as RegistryLookup['outcome'],
  record: row.record ? (JSON.parse(row.record) as RegistryRecord) : null,
  fetchedAt: row.fetchedAt,
  failedAt: row.failedAt,
  problem: row.problem,
});

/** The cached lookups of these subjects, by subject. */
export async function storedLookups(
  db: AnyDb,
  source: RegistrySource,
  subjects: readonly string[],
): Promise<Map<string, RegistryLookup>> {
  const distinct = [...new Set(subjects)];
  const lookups = new Map<string, RegistryLookup>();
  // In slices: SQLite binds at most 32,766 values to a statement, and a sweep may ask for more.
  for (let start = 0; start < distinct.length; start += 2000) {
    const rows = await db
      .selectFrom('registryLookups')
      .selectAll()
      .where('source', '=', source)
      .where('subject', 'in', distinct.slice(start, start + 2000))
      .execute();
    for (const row of rows) lookups.set(row.subject, asLookup(row));
  }
  return lookups;
}

/** A registry's answer replaces what was kept of that subject, and clears an older failure. */
export async function storeAnswer(
  db: AnyDb,
  source: RegistrySource,
  subject: string,
  answer: { outcome: 'found' | 'not_found'; record: RegistryRecord | null },
  at: string,
): Promise<void> {
  const values = {
    outcome: answer.outcome,
    record: answer.record ? JSON.stringify(answer.record) : null,
    fetchedAt: at,
    failedAt: null,
    problem: null,
  };
  await db
    .insertInto('registryLookups')
    .values({ source, subject, ...values })
    .onConflict((oc) => oc.columns(['source', 'subject']).doUpdateSet(values))
    .execute();
}

/** A failed attempt is noted beside the last answer, which stays as it was. */
export async function storeFailure(
  db: AnyDb,
  source: RegistrySource,
  subject: string,
  problem: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('registryLookups')
    .values({ source, subject, outcome: 'unreachable', record: null, fetchedAt: null, failedAt: at, problem })
    .onConflict((oc) => oc.columns(['source', 'subject']).doUpdateSet({ failedAt: at, problem }))
    .execute();
}

export interface DocumentRow {
  doctorId: number;
  kind: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  byteLength: number;
  uploadedAt: string;
  uploadedBy: number | null;
}

export async function insertDocument(db: AnyDb, row: DocumentRow): Promise<number> {
  const { id } = await db.insertInto('doctorDocuments').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function loadDocument(db: AnyDb, doctorId: number, id: number) {
  return db
    .selectFrom('doctorDocuments')
    .select(['id', 'fileName', 'mediaType', 'sha256'])
    .where('doctorId', '=', doctorId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function storedSetting(db: AnyDb, key: string) {
  return db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function storedSettingRows(db: AnyDb) {
  return db.selectFrom('settings').selectAll().execute();
}

export async function saveSettingRow(
  db: AnyDb,
  row: { key: string; value: string; updatedAt: string; updatedBy: number | null },
): Promise<void> {
  await db
    .insertInto('settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: row.value, updatedAt: row.updatedAt, updatedBy: row.updatedBy }),
    )
    .execute();
}

/**
 * Takes a job's run for a day; false when another instance (or an earlier start) took it. The
 * primary key decides, so two instances starting at the same moment cannot both win.
 */
export async function takeJobRun(db: AnyDb, job: string, day: string, at: string): Promise<boolean> {
  const taken = await db
    .insertInto('jobRuns')
    .values({ job, day, startedAt: at, finishedAt: null, summary: null })
    .onConflict((oc) => oc.columns(['job', 'day']).doNothing())
    .returning('job')
    .executeTakeFirst();
  return taken !== undefined;
}

export async function finishJobRun(db: AnyDb, job: string, day: string, at: string, summary: string) {
  await db
    .updateTable('jobRuns')
    .set({ finishedAt: at, summary })
    .where('job', '=', job)
    .where('day', '=', day)
    .execute();
}

/** The ids of a doctor's answers, whose author check follows the doctor's standing. */
export async function answerIdsOf(db: AnyDb, doctorId: number): Promise<number[]> {
  const rows = await db.selectFrom('answers').select('id').where('doctorId', '=', doctorId).execute();
  return rows.map((row) => row.id);
}

/** Doctors in these statuses, by id, a batch after `afterId`: what the sweep goes through. */
export async function doctorsInStatus(
  db: AnyDb,
  statuses: readonly string[],
  afterId: number,
  limit: number,
): Promise<{ id: number; npi: string }[]> {
  return db
    .selectFrom('doctors')
    .select(['id', 'npi'])
    .where('verificationStatus', 'in', [...statuses])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
