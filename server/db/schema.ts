import type { Generated } from 'kysely';

/**
 * The tables as stored. Booleans are 0/1, JSON and timestamps are text (see the initial
 * migration); `server/db/records.ts` turns rows into the API's records and back.
 */

interface ModerationColumns {
  id: Generated<number>;
  version: Generated<number>;
  riskScore: Generated<number>;
  ruleResults: Generated<string>;
  claimedBy: number | null;
  claimExpiresAt: string | null;
  /** When the current claim began; a renewal keeps it (migration 011). */
  claimedAt: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  reasonCode: string | null;
  createdAt: string;
}

export interface ModeratorsTable {
  id: Generated<number>;
  name: string;
  email: string;
  role: string;
  active: Generated<number>;
  passwordHash: string | null;
  createdAt: string;
  demo: Generated<number>;
}

export interface SessionsTable {
  tokenHash: string;
  moderatorId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface SignInFailuresTable {
  /** `email:<address>` or `ip:<address>`: failures count against both. */
  subject: string;
  at: string;
}

export interface InvitesTable {
  tokenHash: string;
  moderatorId: number;
  createdBy: number | null;
  expiresAt: string;
  usedAt: string | null;
}

export interface DoctorsTable extends ModerationColumns {
  name: string;
  credential: string;
  specialty: string;
  practiceName: string;
  practiceDomain: string | null;
  practicePhone: string | null;
  city: string;
  npi: string;
  licenseState: string;
  licenseNumber: string;
  licenseStatus: string;
  licenseExpiresOn: string;
  board: string | null;
  boardCertified: number;
  verificationStatus: Generated<string>;
  verifiedAt: string | null;
  verifiedBy: number | null;
  documents: Generated<string>;
  boardOrders: Generated<string>;
}

export interface QuestionsTable {
  id: Generated<number>;
  title: string;
  body: string;
  procedure: string;
  askerName: string;
  createdAt: string;
}

export interface AnswersTable extends ModerationColumns {
  questionId: number;
  doctorId: number;
  body: string;
  status: Generated<string>;
}

export interface ReviewsTable extends ModerationColumns {
  doctorId: number;
  procedure: string;
  rating: number;
  title: string;
  body: string;
  reviewerId: string;
  reviewerEmail: string;
  reviewerEmailVerified: number;
  reviewerPhoneVerified: number;
  reviewerIp: string;
  treatmentDate: string | null;
  status: Generated<string>;
}

export interface PhotosTable extends ModerationColumns {
  doctorId: number;
  procedure: string;
  caption: string;
  monthsAfterTreatment: number | null;
  consentOnFile: number;
  before: string;
  after: string;
  status: Generated<string>;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actorId: number | null;
  action: string;
  resource: string;
  recordId: number;
  fromStatus: string | null;
  toStatus: string | null;
  reasonCode: string | null;
  note: string | null;
  ruleResults: string | null;
  prevHash: string;
  hash: string;
}

/** A message to the author of a rejected item, queued by the decision (migration 004). */
export interface OutboxTable {
  id: Generated<number>;
  at: string;
  resource: string;
  recordId: number;
  recipient: string;
  template: string;
  text: string;
  status: Generated<string>;
  auditId: number;
}

/** Bytes by content-addressed key, for the database storage adapter (migration 007). */
export interface MediaTable {
  key: string;
  bytes: Buffer;
  byteLength: number;
  createdAt: string;
}

/** The near-duplicate index of photo images: one row per image of a pair (migration 007). */
export interface PhotoHashesTable {
  photoId: number;
  side: string;
  doctorId: number;
  sha256: string;
  phash: string;
  band0: number;
  band1: number;
  band2: number;
  band3: number;
  /** The pair's creation time: the earlier of two matching pairs is likely the original. */
  createdAt: string;
}

/** An admin's choices for one rule (migration 005); rules without a row run with their defaults. */
export interface RuleSettingsTable {
  id: Generated<number>;
  ruleId: string;
  enabled: number;
  threshold: number | null;
  /** The rule's tuned numbers besides the threshold, a JSON object by name. */
  tuned: Generated<string>;
  updatedAt: string;
  updatedBy: number | null;
}

export interface RuleFindingsTable {
  resource: string;
  recordId: number;
  ruleId: string;
  severity: string;
  /** The failed rule's message, for list rows; null for findings stored before it was kept. */
  message: string | null;
  createdAt: string;
}

/** How many records a resource holds per moderation status ('' where it has none), kept by triggers. */
export interface RecordCountsTable {
  resource: string;
  status: string;
  count: number;
}

/** The audit chain's newest entry, kept by a trigger on every insert (migration 010). */
export interface AuditHeadTable {
  chain: string;
  entryId: number;
  hash: string;
}

/** How long a decision's moderator held the item, from claim to decision (migration 011). */
export interface HandlingTimesTable {
  auditId: number;
  resource: string;
  actorId: number;
  decidedAt: string;
  ms: number;
}

/** A decision drawn for a second review, and the review once given (migration 011). */
export interface QualityChecksTable {
  id: Generated<number>;
  resource: string;
  recordId: number;
  decisionAuditId: number;
  firstActorId: number;
  firstAction: string;
  sampledAt: string;
  status: Generated<string>;
  reviewerId: number | null;
  reviewAction: string | null;
  reviewedAt: string | null;
}

export interface ReviewBandsTable {
  bandKey: number;
  reviewId: number;
}

/** Each indexed review's shingles (migration 008), so a lookup compares candidates without reading their words. */
export interface ReviewShinglesTable {
  reviewId: number;
  /** The ascending 32-bit shingle hashes, little-endian. */
  shingles: Buffer;
}

export interface RuleRunsTable {
  type: string;
  phase: string;
  lastId: number;
  done: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  leaseUntil: string | null;
}

/** An uploaded credential document; its bytes are in the media storage under its SHA-256. */
export interface DoctorDocumentsTable {
  id: Generated<number>;
  doctorId: number;
  kind: string;
  fileName: string;
  mediaType: string;
  sha256: string;
  byteLength: number;
  uploadedAt: string;
  uploadedBy: number | null;
}

/** A registry's latest answer about one subject, and its latest failed attempt. */
export interface RegistryLookupsTable {
  source: string;
  subject: string;
  outcome: string;
  /** The registry's record as JSON, when it found one. */
  record: string | null;
  fetchedAt: string | null;
  failedAt: string | null;
  problem: string | null;
}

/** What the demo registry answers for one subject: a recorded HTTP status and body. */
export interface RegistryRecordingsTable {
  source: string;
  subject: string;
  status: number;
  body: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updatedAt: string;
  updatedBy: number | null;
}

/** One run of a scheduled job on one day; the primary key lets one instance take it. */
export interface JobRunsTable {
  job: string;
  day: string;
  startedAt: string;
  finishedAt: string | null;
  summary: string | null;
}

export interface Database {
  moderators: ModeratorsTable;
  doctors: DoctorsTable;
  questions: QuestionsTable;
  answers: AnswersTable;
  reviews: ReviewsTable;
  photos: PhotosTable;
  audit: AuditTable;
  auditHead: AuditHeadTable;
  media: MediaTable;
  photoHashes: PhotoHashesTable;
  sessions: SessionsTable;
  signInFailures: SignInFailuresTable;
  invites: InvitesTable;
  outbox: OutboxTable;
  ruleSettings: RuleSettingsTable;
  ruleFindings: RuleFindingsTable;
  recordCounts: RecordCountsTable;
  handlingTimes: HandlingTimesTable;
  qualityChecks: QualityChecksTable;
  reviewBands: ReviewBandsTable;
  reviewShingles: ReviewShinglesTable;
  ruleRuns: RuleRunsTable;
  doctorDocuments: DoctorDocumentsTable;
  registryLookups: RegistryLookupsTable;
  registryRecordings: RegistryRecordingsTable;
  settings: SettingsTable;
  jobRuns: JobRunsTable;
}
