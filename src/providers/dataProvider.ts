import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, RaRecord } from 'react-admin';
import type { AuditEntry } from '../domain/model';
import type { CheckedType } from '../domain/rules/registry';
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
}

export type VerityDataProvider = DataProvider & ModerationMethods;

const getJson = async <T>(path: string): Promise<T> => (await httpClient(`/api${path}`)).json as T;

/**
 * The API follows ra-data-simple-rest exactly (DESIGN.md §4), so the stock client serves the
 * records; decisions, claims and histories go through the moderation endpoints beside it.
 */
export const dataProvider: VerityDataProvider = {
  ...simpleRestProvider('/api', httpClient),

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
};
