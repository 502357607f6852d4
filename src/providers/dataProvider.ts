import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, RaRecord } from 'react-admin';
import type { FieldComparison, RegistryRecord, RegistrySource } from '../domain/credentials';
import type { AuditEntry, Doctor, DocumentKind } from '../domain/model';
import type { CheckedType } from '../domain/rules/registry';
import type { Dispute, ReviewedAction, SecondReview } from '../domain/quality';
import type { TransparencyReport } from '../domain/stats';
import type { DecisionAction, ModeratedResource } from '../domain/transitions';
import { httpClient, postJson } from './httpClient';

export interface DecisionRequest {
  action: DecisionAction;
  reasonCode?: string | null;
  note?: string | null;
  /** The version the moderator saw: the server answers 409 when the record moved since. */
  version: number;
}

/** The same decision on many records: each is decided on its own, at whatever version it is. */
export interface BulkDecisionRequest {
  ids: RaRecord['id'][];
  action: DecisionAction;
  reasonCode?: string | null;
  note?: string | null;
}

export interface BulkDecisionResult {
  id: RaRecord['id'];
  status: 'ok' | 'conflict' | 'forbidden' | 'invalid' | 'not_found';
  message?: string;
  record?: RaRecord;
}

/** An item of the queue, claimed for the caller for a few minutes. */
export interface QueueItem {
  resource: ModeratedResource;
  record: RaRecord;
}

/** A message queued for the author of a record (a rejection's reason). */
export interface AuthorNotice {
  id: number;
  at: string;
  recipient: string;
  template: string;
  text: string;
}

/** The latest re-run of a content type's checks, as `GET /api/rules/runs` reports it. */
export interface RuleRun {
  type: CheckedType;
  /** Reviews first rebuild the near-duplicate index, then check every item. */
  phase: 'index' | 'check' | 'done';
  /** Items the current phase has finished, of `total`. */
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
}

/**
 * What the NPI registry says of a doctor beside what the profile claims, as
 * `GET /api/doctors/{id}/registry` answers it. A failed attempt never replaces the answer kept:
 * `failedAt` and `problem` then say what went wrong, beside `fetchedAt` of the answer shown.
 */
export interface RegistryComparison {
  source: RegistrySource;
  outcome: 'found' | 'not_found' | 'unreachable' | 'not_looked_up';
  fetchedAt: string | null;
  failedAt: string | null;
  problem: string | null;
  record: RegistryRecord | null;
  comparison: FieldComparison[];
}

/** A console-wide setting an admin switches, such as four-eyes verification of doctors. */
export interface Setting {
  key: string;
  /** A switch, or a number of hours (the dashboard's targets) or a percent (quality checks' sampling). */
  value: boolean | number;
  /** What a number counts; null for a switch. */
  unit: 'hours' | 'percent' | null;
  description: string;
  updatedAt: string | null;
  updatedBy: number | null;
  /** What a role needs the update permission on to change it: the console's settings, or quality checks. */
  guard: 'settings' | 'quality';
}

export interface ModerationMethods {
  decide(resource: ModeratedResource, id: RaRecord['id'], request: DecisionRequest): Promise<RaRecord>;
  /** One result per id, in the order asked; a refused record never fails the others. */
  decideMany(resource: ModeratedResource, request: BulkDecisionRequest): Promise<BulkDecisionResult[]>;
  /** Claims the next item among `types`; null when nothing is left. */
  nextInQueue(types?: readonly ModeratedResource[]): Promise<QueueItem | null>;
  claim(resource: ModeratedResource, id: RaRecord['id']): Promise<RaRecord>;
  release(resource: ModeratedResource, id: RaRecord['id']): Promise<RaRecord>;
  history(resource: ModeratedResource, id: RaRecord['id']): Promise<AuditEntry[]>;
  notifications(resource: ModeratedResource, id: RaRecord['id']): Promise<AuthorNotice[]>;
  /** Runs the record's rules again; resolves with the record, its results and risk score renewed. */
  rerunChecks(resource: CheckedType, id: RaRecord['id']): Promise<RaRecord>;
  /** The latest re-run of each content type's checks, finished or not. */
  ruleRuns(): Promise<RuleRun[]>;
  /** The registry's latest answer on the doctor's NPI, compared with the profile. */
  registryComparison(doctorId: RaRecord['id']): Promise<RegistryComparison>;
  /** Asks the registry again now; the doctor's checks are run again with its answer. */
  askRegistryAgain(doctorId: RaRecord['id']): Promise<RegistryComparison>;
  /** Stores a credential document; resolves with the doctor, the document added to it. */
  uploadDocument(doctorId: RaRecord['id'], kind: DocumentKind, file: File): Promise<Doctor>;
  settings(): Promise<Setting[]>;
  saveSetting(key: string, value: Setting['value']): Promise<Setting>;
  /** One of the dashboard's statistics, GET /api/stats/{name}. */
  stats<T>(name: StatsName): Promise<T>;
  transparencyReport(from: string, to: string): Promise<TransparencyReport>;
  /** The next decision drawn for a second review by the caller, its first decision hidden; null when none. */
  nextSecondReview(): Promise<SecondReview | null>;
  giveVerdict(checkId: number, action: ReviewedAction, reasonCode: string | null): Promise<Verdict>;
  disputes(): Promise<Dispute[]>;
}

export interface Verdict {
  checkId: number;
  status: 'agreed' | 'disputed';
  firstAction: ReviewedAction;
  reviewAction: ReviewedAction;
}

export type StatsName = 'queues' | 'queue-depth' | 'decisions' | 'handling' | 'rules' | 'moderators';

/** Where the transparency report of a range of days is downloaded as CSV. */
export const transparencyCsvUrl = (from: string, to: string) =>
  `/api/reports/transparency?from=${from}&to=${to}&format=csv`;

export type VerityDataProvider = DataProvider & ModerationMethods;

const getJson = async <T>(path: string): Promise<T> => (await httpClient(`/api${path}`)).json as T;

/**
 * The API follows ra-data-simple-rest exactly (DESIGN.md §4), so the stock client serves the
 * records; decisions, claims and histories go through the moderation endpoints beside it.
 */
const restProvider = simpleRestProvider('/api', httpClient);

/** A photo pair's form as POST /api/photos takes it: multipart, the two images as files. */
function photoUpload(data: Record<string, unknown>): FormData {
  const body = new FormData();
  for (const [field, value] of Object.entries(data)) {
    if (value === undefined || value === null) continue;
    // react-admin's file inputs hold { rawFile, title }; a File may also come as it is.
    const file = value instanceof File ? value : (value as { rawFile?: unknown }).rawFile;
    if (file instanceof File) body.append(field, file, file.name);
    else body.append(field, String(value));
  }
  return body;
}

export const dataProvider: VerityDataProvider = {
  ...restProvider,

  create: async (resource, params) => {
    if (resource !== 'photos') return restProvider.create(resource, params);
    const { json } = await httpClient('/api/photos', { method: 'POST', body: photoUpload(params.data) });
    return { data: json };
  },

  decide: (resource, id, request) => postJson<RaRecord>(`/${resource}/${id}/decision`, request),

  decideMany: async (resource, request) =>
    (await postJson<{ results: BulkDecisionResult[] }>(`/${resource}/decisions`, request)).results,

  nextInQueue: async (types) => (await postJson<QueueItem | undefined>('/queue/next', { types })) ?? null,

  claim: (resource, id) => postJson<RaRecord>(`/${resource}/${id}/claim`),

  release: async (resource, id) =>
    (await httpClient(`/api/${resource}/${id}/claim`, { method: 'DELETE' })).json as RaRecord,

  history: (resource, id) => getJson<AuditEntry[]>(`/${resource}/${id}/history`),

  notifications: (resource, id) => getJson<AuthorNotice[]>(`/${resource}/${id}/notifications`),

  rerunChecks: (resource, id) => postJson<RaRecord>(`/${resource}/${id}/checks`),

  ruleRuns: () => getJson<RuleRun[]>('/rules/runs'),

  registryComparison: (doctorId) => getJson<RegistryComparison>(`/doctors/${doctorId}/registry`),

  askRegistryAgain: (doctorId) => postJson<RegistryComparison>(`/doctors/${doctorId}/registry`),

  uploadDocument: async (doctorId, kind, file) => {
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', file, file.name);
    return (await httpClient(`/api/doctors/${doctorId}/documents`, { method: 'POST', body })).json as Doctor;
  },

  settings: () => getJson<Setting[]>('/settings'),

  stats: (name) => getJson(`/stats/${name}`),

  nextSecondReview: () => getJson<SecondReview | null>('/quality/next'),

  giveVerdict: (checkId, action, reasonCode) =>
    postJson<Verdict>(`/quality/${checkId}/verdict`, { action, reasonCode }),

  disputes: () => getJson<Dispute[]>('/quality/disputes'),

  transparencyReport: (from, to) =>
    getJson<TransparencyReport>(`/reports/transparency?from=${from}&to=${to}`),

  saveSetting: async (key, value) =>
    (
      await httpClient(`/api/settings/${encodeURIComponent(key)}`, {
        method: 'PUT',
        body: JSON.stringify({ value }),
      })
    ).json as Setting,
};

/** Where a credential document's bytes are served, inline, to signed-in moderators. */
export const documentUrl = (doctorId: RaRecord['id'], documentId: number) =>
  `/api/doctors/${doctorId}/documents/${documentId}`;
