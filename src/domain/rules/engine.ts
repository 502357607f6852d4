import type { RegistryLookup } from '../credentials';
import type { ReadText } from '../language/analysis';
import type { Answer, Doctor, Photo, PhotoSide, Review, RuleResult, RuleSeverity } from '../model';
import type { ReadLean } from './reviewPolarity';
import type { ReadClaim } from './answerModel';

/**
 * The rules engine's contract (RULES.md): a rule is a pure function of one item and the context
 * the server gathered for it. The server never decides what a rule means; it only fetches the
 * facts a rule asks for (the author, the other reviews from one address, the near-duplicates).
 */

export const ruleTypes = ['doctors', 'answers', 'reviews', 'photos'] as const;
export type RuleType = (typeof ruleTypes)[number];

/** A part of a text field that made a rule fire, as offsets into that field (UTF-16, end exclusive). */
export interface TextSpan {
  field: string;
  start: number;
  end: number;
  text: string;
}

/** Another record that bears on the result: a near-duplicate review, a review from the same address. */
export interface RelatedItem {
  resource: RuleType;
  id: number;
  /** Jaccard similarity of the two reviews' content words, 0-1, for near-duplicates. */
  similarity?: number;
  note?: string;
  /** The other record's doctor, when it matters (a photo reused by another doctor). */
  doctorId?: number;
  /** For a matching photo: which image of this pair matched which of the other, and how closely. */
  image?: { side: PhotoSide; otherSide: PhotoSide; distance: number; mirrored: boolean; sameBytes: boolean };
}

/** A number or value a rule compared, shown as "label: value". */
export interface EvidenceFact {
  label: string;
  value: string | number;
}

/** An EXIF field (or the image's size, as `dimensions`) of one image of a pair that a rule read. */
export interface ImageFieldEvidence {
  side: PhotoSide;
  field: string;
  value: string | number | null;
}

/** What triggered a result, precise enough for the console to highlight it. */
export interface Evidence {
  spans?: TextSpan[];
  related?: RelatedItem[];
  facts?: EvidenceFact[];
  fields?: ImageFieldEvidence[];
}

export interface CheckedResult extends RuleResult {
  evidence?: Evidence;
}

/** An admin's choices for one rule, kept in the settings table. */
export interface RuleSetting {
  enabled: boolean;
  /** The rule's tunable number (see RuleDefinition.threshold); null when it has none. */
  threshold: number | null;
  /** The rule's further numbers an admin changed (see RuleDefinition.tunables), by name. */
  tuned?: Readonly<Record<string, number>>;
}

/** A rule's setting with every number in force, the defaults filled in. */
export interface ResolvedSetting extends RuleSetting {
  tuned: Readonly<Record<string, number>>;
}

export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export interface ThresholdSpec {
  default: number;
  min: number;
  max: number;
  /** What the number means, for the Rules page ("Jaccard similarity at or above"). */
  label: string;
}

/** Context every rule receives. `now` is an ISO timestamp: rules never read the clock. */
export interface BaseContext {
  now: string;
  /** This rule's setting, resolved against the defaults. */
  setting: ResolvedSetting;
}

/** The doctor an answer or review is about, or null when the data is absent (evaluation cases). */
export type KnownDoctor = Pick<
  Doctor,
  | 'id'
  | 'name'
  | 'verificationStatus'
  | 'licenseStatus'
  | 'licenseExpiresOn'
  | 'npi'
  | 'practiceDomain'
  | 'practicePhone'
  | 'ruleResults'
>;

/** Context of the rules that read what people wrote: `read` analyses a text (src/domain/language). */
export interface TextContext extends BaseContext {
  read: ReadText;
}

export interface AnswerContext extends TextContext {
  doctor: KnownDoctor | null;
  question: { title: string; body: string; procedure: string } | null;
  /** The learned reading of whether an answer makes a rule's claim (answerModel.ts). */
  claim: ReadClaim;
}

/**
 * Facts about a review that only the database knows, gathered with indexed queries. A field is
 * null when the data to judge it is absent (an evaluation case has no IP, no account, no dates).
 */
export interface ReviewSignals {
  /** Other reviews of the same doctor from the review's IP address. */
  sameAddress: { ip: string; reviewIds: number[] } | null;
  /** The doctor's reviews around this one, against the doctor's usual rate. */
  doctorRate: {
    /** Reviews of this doctor within `windowHours` before or after this one, this one included. */
    inWindow: number;
    windowHours: number;
    /** Average reviews per window of that length over the `baselineDays` before it. */
    usualPerWindow: number;
    baselineDays: number;
  } | null;
  /**
   * Reviews whose shingle Jaccard similarity with this one was computed, best first, with the
   * number of shingles (content words) the two share.
   */
  nearDuplicates: { id: number; doctorId: number; similarity: number; shared: number }[];
  /** How many distinct content words (shingles) the review's text has, as the index counted them. */
  contentWords: number;
  /** The reviewer's account across all its reviews. */
  account: {
    reviewCount: number;
    /** Most reviews the account posted on one calendar day (UTC), the day of this one. */
    sameDayCount: number;
    fiveStarCount: number;
  } | null;
}

export type ReviewItem = Pick<
  Review,
  'id' | 'doctorId' | 'procedure' | 'rating' | 'title' | 'body' | 'createdAt'
> &
  Partial<
    Pick<
      Review,
      'reviewerId' | 'reviewerEmail' | 'reviewerEmailVerified' | 'reviewerPhoneVerified' | 'reviewerIp'
    >
  >;

export interface ReviewContext extends TextContext {
  doctor: KnownDoctor | null;
  signals: ReviewSignals;
  /** The learned reading of which way a review's words lean (reviewPolarity.ts). */
  lean: ReadLean;
}

export type AnswerItem = Pick<Answer, 'id' | 'doctorId' | 'questionId' | 'body' | 'createdAt'>;

export type DoctorItem = Pick<
  Doctor,
  | 'id'
  | 'name'
  | 'credential'
  | 'specialty'
  | 'npi'
  | 'licenseState'
  | 'licenseNumber'
  | 'licenseStatus'
  | 'licenseExpiresOn'
  | 'board'
  | 'boardCertified'
  | 'boardOrders'
  | 'verificationStatus'
  | 'verifiedAt'
>;

export interface DoctorContext extends BaseContext {
  /** The NPI registry's latest word on the doctor's NPI; null when it was never asked. */
  registry: RegistryLookup | null;
}

export type PhotoItem = Pick<
  Photo,
  | 'id'
  | 'doctorId'
  | 'procedure'
  | 'caption'
  | 'monthsAfterTreatment'
  | 'consentOnFile'
  | 'before'
  | 'after'
  | 'createdAt'
>;

/**
 * An image of another pair that resembles one of this pair's images, as the server's
 * near-duplicate index found it. `distance` compares the two images as they are; `mirroredDistance`
 * compares this image flipped left to right with the other one.
 */
export interface PhotoMatch {
  photoId: number;
  doctorId: number;
  /** When the other pair was posted: the earlier of two is likely the original. */
  createdAt: string;
  side: PhotoSide;
  otherSide: PhotoSide;
  distance: number;
  /** null when this image's mirrored hash is not known. */
  mirroredDistance: number | null;
  sameBytes: boolean;
}

export interface PhotoContext extends BaseContext {
  doctor: KnownDoctor | null;
  /** Images of other pairs within the search radius of either image; null when not gathered. */
  matches: PhotoMatch[] | null;
}

export interface RuleDefinition<Item, Context extends BaseContext> {
  id: string;
  type: RuleType;
  /** The worst severity the rule reports; some rules report a milder one for milder findings. */
  severity: RuleSeverity;
  /** One line for the Rules page: what makes it fail. */
  description: string;
  threshold?: ThresholdSpec;
  /**
   * Numbers the rule judges by besides its threshold, by name, that an admin may tune as well
   * ("sentiment it takes for a text to lean at all"); the rule reads them from `setting.tuned`.
   */
  tunables?: Readonly<Record<string, ThresholdSpec>>;
  check(item: Item, context: Context): CheckedResult;
}

export type AnswerRule = RuleDefinition<AnswerItem, AnswerContext>;
export type ReviewRule = RuleDefinition<ReviewItem, ReviewContext>;
export type DoctorRule = RuleDefinition<DoctorItem, DoctorContext>;
export type PhotoRule = RuleDefinition<PhotoItem, PhotoContext>;

/** The result builders every rule uses, so messages and outcomes are shaped one way. */
export const pass = (rule: { id: string; severity: RuleSeverity }, message: string): CheckedResult => ({
  ruleId: rule.id,
  outcome: 'pass',
  severity: rule.severity,
  message,
});

export const unknown = (rule: { id: string; severity: RuleSeverity }, message: string): CheckedResult => ({
  ruleId: rule.id,
  outcome: 'unknown',
  severity: rule.severity,
  message,
});

export const fail = (
  rule: { id: string; severity: RuleSeverity },
  message: string,
  evidence?: Evidence,
  severity: RuleSeverity = rule.severity,
): CheckedResult => ({
  ruleId: rule.id,
  outcome: 'fail',
  severity,
  message,
  ...(evidence ? { evidence } : {}),
});

/** Runs every enabled rule of a list in order; a disabled rule reports nothing. */
export function runRules<Item, Context extends BaseContext>(
  rules: readonly RuleDefinition<Item, Context>[],
  item: Item,
  context: Omit<Context, 'setting'>,
  settings: RuleSettings,
): CheckedResult[] {
  const results: CheckedResult[] = [];
  for (const rule of rules) {
    const setting = resolveSetting(rule, settings);
    if (!setting.enabled) continue;
    results.push(rule.check(item, { ...context, setting } as Context));
  }
  return results;
}

export function resolveSetting(
  rule: { id: string; threshold?: ThresholdSpec | null; tunables?: Readonly<Record<string, ThresholdSpec>> },
  settings: RuleSettings,
): ResolvedSetting {
  const stored = settings[rule.id];
  return {
    enabled: stored?.enabled ?? true,
    threshold: rule.threshold ? (stored?.threshold ?? rule.threshold.default) : null,
    tuned: Object.fromEntries(
      Object.entries(rule.tunables ?? {}).map(([name, spec]) => [
        name,
        stored?.tuned?.[name] ?? spec.default,
      ]),
    ),
  };
}
