/**
 * The records Verity moderates, as the REST API shows them. The server, the SPA and the
 * tests all read these shapes, so a field is named once, here.
 */

export const moderationStatuses = ['pending', 'approved', 'rejected', 'escalated'] as const;
export type ModerationStatus = (typeof moderationStatuses)[number];

/**
 * A doctor's standing with the site. `awaiting_confirmation`: one verifier found the credentials
 * good and a second one must confirm (four-eyes), so no single person can verify a doctor.
 */
export const verificationStatuses = [
  'unverified',
  'pending',
  'awaiting_confirmation',
  'verified',
  'rejected',
  'suspended',
] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

export const credentials = ['MD', 'DO'] as const;
export type Credential = (typeof credentials)[number];

export const licenseStatuses = [
  'active',
  'probation',
  'restricted',
  'expired',
  'lapsed',
  'inactive',
  'suspended',
  'revoked',
  'surrendered',
  'cancelled',
] as const;
export type LicenseStatus = (typeof licenseStatuses)[number];

export const roles = ['moderator', 'verifier', 'senior', 'admin'] as const;
export type Role = (typeof roles)[number];

export const ruleOutcomes = ['pass', 'fail', 'unknown'] as const;
export const ruleSeverities = ['block', 'high', 'medium', 'info'] as const;
export type RuleSeverity = (typeof ruleSeverities)[number];

/** What one authenticity rule saw on one item (RULES.md). */
export interface RuleResult {
  ruleId: string;
  outcome: (typeof ruleOutcomes)[number];
  severity: RuleSeverity;
  message: string;
  evidence?: unknown;
}

/** The columns every moderated record carries besides its own content. */
export interface Moderated {
  id: number;
  version: number;
  riskScore: number;
  ruleResults: RuleResult[];
  claimedBy: number | null;
  claimExpiresAt: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  reasonCode: string | null;
  createdAt: string;
}

export interface Doctor extends Moderated {
  name: string;
  credential: Credential;
  specialty: string;
  practiceName: string;
  practiceDomain: string | null;
  practicePhone: string | null;
  city: string;
  npi: string;
  licenseState: string;
  licenseNumber: string;
  licenseStatus: LicenseStatus;
  licenseExpiresOn: string;
  board: string | null;
  boardCertified: boolean;
  verificationStatus: VerificationStatus;
  verifiedAt: string | null;
  verifiedBy: number | null;
  documents: DoctorDocument[];
  boardOrders: BoardOrder[];
}

export const documentKinds = ['license', 'board_certificate', 'government_id', 'insurance', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The file types a credential document may be: what a verifier's browser shows inline. */
export const documentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type DocumentMediaType = (typeof documentMediaTypes)[number];

/** A credential document a doctor or verifier uploaded; its bytes are served by id. */
export interface DoctorDocument {
  id: number;
  kind: DocumentKind;
  fileName: string;
  mediaType: DocumentMediaType;
  byteLength: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: number | null;
}

export const boardOrderKinds = ['reprimand', 'probation', 'restriction', 'suspension', 'revocation'] as const;

/** A public order of a state medical board against the doctor, as a verifier found it. */
export interface BoardOrder {
  state: string;
  kind: (typeof boardOrderKinds)[number];
  orderedOn: string;
  summary: string;
}

export interface Question {
  id: number;
  title: string;
  body: string;
  procedure: string;
  askerName: string;
  createdAt: string;
}

export interface Answer extends Moderated {
  questionId: number;
  doctorId: number;
  body: string;
  status: ModerationStatus;
}

export interface Review extends Moderated {
  doctorId: number;
  procedure: string;
  rating: number;
  title: string;
  body: string;
  reviewerId: string;
  reviewerEmail: string;
  reviewerEmailVerified: boolean;
  reviewerPhoneVerified: boolean;
  reviewerIp: string;
  treatmentDate: string | null;
  status: ModerationStatus;
}

export const photoSides = ['before', 'after'] as const;
export type PhotoSide = (typeof photoSides)[number];

/** The kinds of image a photo upload may be, judged by their bytes. */
export const photoMediaTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;
export type PhotoMediaType = (typeof photoMediaTypes)[number];

/**
 * One image of a before-and-after pair, described by what was read from its original bytes. The
 * original is kept but never served (it may carry GPS); `url` and `thumbnailUrl` are versions
 * derived from it without any metadata.
 */
export interface PhotoImage {
  url: string;
  thumbnailUrl: string;
  /** As displayed, after the EXIF orientation. */
  width: number;
  height: number;
  sha256: string;
  mediaType: PhotoMediaType;
  byteLength: number;
  /** 64-bit difference hash, 16 hex digits. */
  phash: string;
  /** The hash the image would have flipped left to right; null for images stored before it was kept. */
  mirroredPhash: string | null;
  exif: Record<string, string | number> | null;
}

export interface Photo extends Moderated {
  doctorId: number;
  procedure: string;
  caption: string;
  monthsAfterTreatment: number | null;
  consentOnFile: boolean;
  before: PhotoImage;
  after: PhotoImage;
  status: ModerationStatus;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  action: string;
  resource: string;
  recordId: number;
  fromStatus: string | null;
  toStatus: string | null;
  reasonCode: string | null;
  note: string | null;
  ruleResults: RuleResult[] | null;
  prevHash: string;
  hash: string;
}

export interface Moderator {
  id: number;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

/** The treatments patients ask about and review; also the procedure filter's choices. */
export const procedures = [
  'Botox',
  'Dysport',
  'Xeomin',
  'Lip filler',
  'Cheek filler',
  'Under-eye filler',
  'Kybella',
  'CoolSculpting',
  'Laser resurfacing',
  'IPL photofacial',
  'Microneedling',
  'Chemical peel',
  'Rhinoplasty',
  'Blepharoplasty',
  'Facelift',
  'Breast augmentation',
  'Liposuction',
  'Tummy tuck',
] as const;
