import { z } from 'zod';
import {
  boardOrderKinds,
  credentials,
  licenseStatuses,
  moderationStatuses,
  procedures,
  roles,
  verificationStatuses,
} from './model';

/**
 * How each REST resource is shaped: its fields and their kinds (which decide how a filter,
 * a sort and a stored value are read), the fields `q` searches, the fields a client may sort
 * by, and what a client may write. The server's generic routes, its OpenAPI document and the
 * SPA's filters all follow these specs, so adding a field happens here once.
 */

export type FieldKind = 'id' | 'ref' | 'int' | 'text' | 'enum' | 'bool' | 'date' | 'datetime' | 'json';

export interface FieldSpec {
  kind: FieldKind;
  values?: readonly string[];
  /** May hold no value; sorts put such records last. */
  nullable?: true;
}

export interface ResourceSpec {
  name: ResourceName;
  fields: Record<string, FieldSpec>;
  /** Text fields that the `q` filter searches. */
  searchable: readonly string[];
  sortable: readonly string[];
  /**
   * Fields a list row leaves out, since only the show page reads them. A list row carries an
   * `excerpt` of a left-out `body` instead, and `failedRules` of left-out `ruleResults`.
   */
  listOmits: readonly string[];
  /** The fields that hold the moderation state; only decisions change them. */
  statusField: 'status' | 'verificationStatus' | null;
  /** zod schema of a create body; an update body is its partial. Absent: read-only resource. */
  create: z.ZodObject | null;
  /** Created only through an upload route of its own (photos: multipart), never a JSON POST. */
  uploaded?: true;
  /** Field values the server sets on create, before the client's body. */
  defaults: Record<string, unknown>;
  /** Whether DELETE is offered; moderators are deactivated instead, audit entries are permanent. */
  deletable: boolean;
}

export const resourceNames = [
  'doctors',
  'questions',
  'answers',
  'reviews',
  'photos',
  'audit',
  'moderators',
] as const;
export type ResourceName = (typeof resourceNames)[number];

const f = {
  id: { kind: 'id' },
  ref: { kind: 'ref' },
  int: { kind: 'int' },
  text: { kind: 'text' },
  bool: { kind: 'bool' },
  date: { kind: 'date' },
  datetime: { kind: 'datetime' },
  json: { kind: 'json' },
  oneOf: (values: readonly string[]): FieldSpec => ({ kind: 'enum', values }),
} satisfies Record<string, FieldSpec | ((v: readonly string[]) => FieldSpec)>;

const orNull = (field: FieldSpec): FieldSpec => ({ ...field, nullable: true });

const moderationFields = {
  version: f.int,
  riskScore: f.int,
  ruleResults: f.json,
  claimedBy: orNull(f.ref),
  claimExpiresAt: orNull(f.datetime),
  decidedBy: orNull(f.ref),
  decidedAt: orNull(f.datetime),
  reasonCode: orNull(f.text),
  createdAt: f.datetime,
};

const moderationDefaults = {
  version: 1,
  riskScore: 0,
  ruleResults: [],
  claimedBy: null,
  claimExpiresAt: null,
  decidedBy: null,
  decidedAt: null,
  reasonCode: null,
};

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();
const procedure = z.enum(procedures);
const id = z.number().int().positive();

const boardOrder = z.strictObject({
  state: z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code'),
  kind: z.enum(boardOrderKinds),
  orderedOn: isoDate,
  summary: text(1000),
});

const doctors: ResourceSpec = {
  name: 'doctors',
  fields: {
    id: f.id,
    name: f.text,
    credential: f.oneOf(credentials),
    specialty: f.text,
    practiceName: f.text,
    practiceDomain: orNull(f.text),
    practicePhone: orNull(f.text),
    city: f.text,
    npi: f.text,
    licenseState: f.text,
    licenseNumber: f.text,
    licenseStatus: f.oneOf(licenseStatuses),
    licenseExpiresOn: f.date,
    board: orNull(f.text),
    boardCertified: f.bool,
    verifiedAt: orNull(f.datetime),
    verifiedBy: orNull(f.ref),
    documents: f.json,
    boardOrders: f.json,
    ...moderationFields,
    verificationStatus: f.oneOf(verificationStatuses),
  },
  searchable: ['name', 'specialty', 'practiceName', 'city', 'npi', 'licenseNumber', 'board'],
  listOmits: ['ruleResults', 'documents', 'boardOrders'],
  sortable: [
    'id',
    'name',
    'specialty',
    'licenseState',
    'licenseStatus',
    'licenseExpiresOn',
    'verificationStatus',
    'riskScore',
    'createdAt',
  ],
  statusField: 'verificationStatus',
  create: z.strictObject({
    name: text(120),
    credential: z.enum(credentials),
    specialty: text(80),
    practiceName: text(120),
    practiceDomain: z.string().trim().max(120).nullable().default(null),
    practicePhone: z.string().trim().max(40).nullable().default(null),
    city: text(80),
    npi: z.string().regex(/^\d{10}$/, 'NPI is 10 digits'),
    licenseState: z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code'),
    licenseNumber: text(40),
    licenseStatus: z.enum(licenseStatuses),
    licenseExpiresOn: isoDate,
    board: z.string().trim().max(120).nullable().default(null),
    boardCertified: z.boolean(),
    boardOrders: z.array(boardOrder).max(50).default([]),
  }),
  defaults: {
    ...moderationDefaults,
    documents: [],
    verificationStatus: 'unverified',
    verifiedAt: null,
    verifiedBy: null,
  },
  deletable: true,
};

const questions: ResourceSpec = {
  name: 'questions',
  fields: {
    id: f.id,
    title: f.text,
    body: f.text,
    procedure: f.oneOf(procedures),
    askerName: f.text,
    createdAt: f.datetime,
  },
  searchable: ['title', 'body', 'askerName'],
  listOmits: ['body'],
  sortable: ['id', 'title', 'procedure', 'createdAt'],
  statusField: null,
  create: z.strictObject({
    title: text(200),
    body: text(5000),
    procedure,
    askerName: text(80),
  }),
  defaults: {},
  deletable: true,
};

const answers: ResourceSpec = {
  name: 'answers',
  fields: {
    id: f.id,
    questionId: f.ref,
    doctorId: f.ref,
    body: f.text,
    ...moderationFields,
    status: f.oneOf(moderationStatuses),
  },
  searchable: ['body'],
  listOmits: ['body', 'ruleResults'],
  sortable: ['id', 'questionId', 'doctorId', 'status', 'riskScore', 'createdAt', 'decidedAt'],
  statusField: 'status',
  create: z.strictObject({ questionId: id, doctorId: id, body: text(10000) }),
  defaults: { ...moderationDefaults, status: 'pending' },
  deletable: true,
};

const reviews: ResourceSpec = {
  name: 'reviews',
  fields: {
    id: f.id,
    doctorId: f.ref,
    procedure: f.oneOf(procedures),
    rating: f.int,
    title: f.text,
    body: f.text,
    reviewerId: f.text,
    reviewerEmail: f.text,
    reviewerEmailVerified: f.bool,
    reviewerPhoneVerified: f.bool,
    reviewerIp: f.text,
    treatmentDate: orNull(f.date),
    ...moderationFields,
    status: f.oneOf(moderationStatuses),
  },
  searchable: ['title', 'body'],
  listOmits: ['body', 'ruleResults'],
  sortable: [
    'id',
    'doctorId',
    'procedure',
    'rating',
    'status',
    'riskScore',
    'createdAt',
    'decidedAt',
    'treatmentDate',
  ],
  statusField: 'status',
  create: z.strictObject({
    doctorId: id,
    procedure,
    rating: z.number().int().min(1).max(5),
    title: text(200),
    body: text(10000),
    reviewerId: text(80),
    reviewerEmail: z.email().max(200),
    reviewerEmailVerified: z.boolean(),
    reviewerPhoneVerified: z.boolean(),
    reviewerIp: z.union([z.ipv4(), z.ipv6()]),
    treatmentDate: isoDate.nullable().default(null),
  }),
  defaults: { ...moderationDefaults, status: 'pending' },
  deletable: true,
};

const photos: ResourceSpec = {
  name: 'photos',
  fields: {
    id: f.id,
    doctorId: f.ref,
    procedure: f.oneOf(procedures),
    caption: f.text,
    monthsAfterTreatment: orNull(f.int),
    consentOnFile: f.bool,
    before: f.json,
    after: f.json,
    ...moderationFields,
    status: f.oneOf(moderationStatuses),
  },
  searchable: ['caption'],
  listOmits: ['ruleResults'],
  sortable: [
    'id',
    'doctorId',
    'procedure',
    'monthsAfterTreatment',
    'status',
    'riskScore',
    'createdAt',
    'decidedAt',
  ],
  statusField: 'status',
  // What an edit may change; the images come only with the upload (POST /api/photos, multipart).
  create: z.strictObject({
    doctorId: id,
    procedure,
    caption: text(1000),
    monthsAfterTreatment: z.number().int().min(0).max(120).nullable().default(null),
    consentOnFile: z.boolean(),
  }),
  uploaded: true,
  defaults: { ...moderationDefaults, status: 'pending' },
  deletable: true,
};

const audit: ResourceSpec = {
  name: 'audit',
  fields: {
    id: f.id,
    at: f.datetime,
    actorId: orNull(f.ref),
    action: f.text,
    // Rule and console settings are audited too (recordId is then the setting's id, note its name).
    resource: f.oneOf([...resourceNames, 'rules', 'settings']),
    recordId: f.int,
    fromStatus: orNull(f.text),
    toStatus: orNull(f.text),
    reasonCode: orNull(f.text),
    note: orNull(f.text),
    ruleResults: orNull(f.json),
    prevHash: f.text,
    hash: f.text,
  },
  searchable: ['note', 'reasonCode'],
  listOmits: ['ruleResults'],
  sortable: ['id', 'at', 'actorId', 'action', 'resource', 'recordId'],
  statusField: null,
  create: null,
  defaults: {},
  deletable: false,
};

const moderators: ResourceSpec = {
  name: 'moderators',
  fields: {
    id: f.id,
    name: f.text,
    email: f.text,
    role: f.oneOf(roles),
    active: f.bool,
    createdAt: f.datetime,
  },
  searchable: ['name', 'email'],
  listOmits: [],
  sortable: ['id', 'name', 'email', 'role', 'createdAt'],
  statusField: null,
  create: z.strictObject({
    name: text(120),
    email: z.email().max(200),
    role: z.enum(roles),
    active: z.boolean().default(true),
  }),
  defaults: {},
  deletable: false,
};

export const resourceSpecs: Record<ResourceName, ResourceSpec> = {
  doctors,
  questions,
  answers,
  reviews,
  photos,
  audit,
  moderators,
};

export const isResourceName = (name: string): name is ResourceName =>
  (resourceNames as readonly string[]).includes(name);

/** Fields that only the server writes: decisions, rule checks, claims and bookkeeping. */
export const serverOwnedFields = new Set([
  'id',
  'version',
  'riskScore',
  'ruleResults',
  'claimedBy',
  'claimExpiresAt',
  'decidedBy',
  'decidedAt',
  'reasonCode',
  'createdAt',
  'status',
  'verificationStatus',
  'verifiedAt',
  'verifiedBy',
  // Uploaded through POST /api/doctors/{id}/documents, which checks the bytes.
  'documents',
  // A pair's images, described from their bytes by the upload (POST /api/photos).
  'before',
  'after',
]);
