import { expect } from 'vitest';
import type { Db } from '../../server/db/connection';
import { type ApiRecord as StoredRecord, insertRecord } from '../../server/db/records';
import { hashPassword } from '../../server/services/passwords';
import type { Role } from '../../src/domain/model';
import { resourceSpecs } from '../../src/domain/resources';
import type { ModeratedResource } from '../../src/domain/transitions';
import {
  Api,
  type ApiRecord,
  type ApiResponse,
  bodies,
  describedImage,
  insertModerator,
  type TestApi,
  testPassword,
} from './fixtures';

/**
 * What the moderation suites share: moderators of each role signed in on their own clients,
 * moderated items stored directly (with the risk, age and status a test needs), and the
 * decision, queue and claim calls.
 */

/** Hashed once per test file: scrypt is slow on purpose. */
const passwordHash = hashPassword(testPassword);

export interface Member {
  id: number;
  name: string;
  email: string;
  api: Api;
}

/** A moderator of `role` named `name`, signed in on a client of their own. */
export async function signInAs(t: TestApi, role: Role, name = `Test ${role}`): Promise<Member> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@team.verity.test`;
  const id = await insertModerator(t.db, { name, email, role, passwordHash: await passwordHash });
  const api = new Api(t.app);
  await api.signIn(email);
  return { id, name, email, api };
}

/** The records moderated items refer to. */
export interface Authors {
  doctorId: number;
  doctorName: string;
  questionId: number;
  questionTitle: string;
}

export async function storeAuthors(db: Db): Promise<Authors> {
  const doctor = await store(db, 'doctors', { ...bodies.doctor(), verificationStatus: 'verified' });
  const question = await store(db, 'questions', bodies.question());
  return {
    doctorId: doctor.id,
    doctorName: doctor.name,
    questionId: question.id,
    questionTitle: question.title,
  };
}

async function store(db: Db, resource: keyof typeof resourceSpecs, values: Record<string, unknown>) {
  const spec = resourceSpecs[resource];
  const record: StoredRecord = await insertRecord(db.kysely, spec, {
    ...spec.defaults,
    createdAt: '2026-10-01T00:00:00.000Z',
    ...values,
  });
  return record as ApiRecord;
}

const bodyOf = (resource: ModeratedResource, authors: Authors, n: number) => {
  switch (resource) {
    case 'answers':
      return bodies.answer(authors, { body: `Answer ${n}: results last three to four months.` });
    case 'reviews':
      return bodies.review(authors.doctorId, {
        title: `Review ${n}`,
        reviewerEmail: `patient${n}@mail.example`,
      });
    case 'photos':
      return bodies.photo(authors.doctorId, {
        caption: `Pair ${n}, twelve months after`,
        before: describedImage(`before-${n}`),
        after: describedImage(`after-${n}`),
      });
    case 'doctors':
      return bodies.doctor({ name: `Dr. Applicant ${n}`, verificationStatus: 'pending' });
  }
};

let stored = 0;

/**
 * A moderated item, pending unless `values` say otherwise, stored as the server would store it;
 * `values` may set any column (status, risk, claims, decisions).
 */
export async function storeItem(
  db: Db,
  authors: Authors,
  resource: ModeratedResource,
  values: Record<string, unknown> = {},
): Promise<ApiRecord> {
  stored += 1;
  return store(db, resource, {
    ...bodyOf(resource, authors, stored),
    ruleResults: [{ ruleId: 'REV_IDENTITY', outcome: 'fail', severity: 'high', message: `check ${stored}` }],
    ...values,
  });
}

export interface DecisionBody {
  action: string;
  version?: number;
  reasonCode?: string | null;
  note?: string | null;
}

export const decide = (api: Api, resource: string, id: number, body: DecisionBody) =>
  api.request('POST', `/api/${resource}/${id}/decision`, { json: body });

export const decideMany = (api: Api, resource: string, body: Record<string, unknown>) =>
  api.request('POST', `/api/${resource}/decisions`, { json: body });

export const next = (api: Api, types?: string[]) =>
  api.request('POST', '/api/queue/next', { json: types ? { types } : {} });

export const claim = (api: Api, resource: string, id: number) =>
  api.request('POST', `/api/${resource}/${id}/claim`);

export const release = (api: Api, resource: string, id: number) =>
  api.request('DELETE', `/api/${resource}/${id}/claim`);

/** Asserts the status of a response, showing its body when it is not the one expected. */
export function expectStatus(response: ApiResponse, status: number): ApiResponse {
  expect(response.status, response.text).toBe(status);
  return response;
}

/** The audit entries of one record, oldest first, as stored. */
export async function auditRows(db: Db, resource: string, recordId: number) {
  return db.kysely
    .selectFrom('audit')
    .selectAll()
    .where('resource', '=', resource)
    .where('recordId', '=', recordId)
    .orderBy('id')
    .execute();
}

export async function outboxRows(db: Db, resource: string, recordId: number) {
  return db.kysely
    .selectFrom('outbox')
    .selectAll()
    .where('resource', '=', resource)
    .where('recordId', '=', recordId)
    .orderBy('id')
    .execute();
}

/** An instant `minutes` after `iso`. */
export const minutesAfter = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();
