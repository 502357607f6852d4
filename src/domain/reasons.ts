import type { ModeratedResource } from './transitions';

/**
 * Why an item is rejected (or a doctor suspended), per content type. A decision names one code;
 * the author is told the matching message, rendered with the item's own values. The codes are
 * what the audit log and the seed data store, so a code is never renamed once used.
 */

export interface Reason {
  code: string;
  /** What the moderator picks from, in the decision bar. */
  label: string;
  /** What the author receives; `{placeholder}`s come from `noticePlaceholders` of the type. */
  message: string;
}

/** The values each content type's messages may use. */
export const noticePlaceholders = {
  answers: ['authorName', 'title'],
  reviews: ['title', 'doctorName', 'procedure'],
  photos: ['authorName', 'procedure'],
  doctors: ['authorName', 'npi', 'licenseState', 'licenseNumber'],
} as const satisfies Record<ModeratedResource, readonly string[]>;

const answers = [
  {
    code: 'misleading_claim',
    label: 'Misleading medical claim',
    message:
      'Dear {authorName}, your answer to "{title}" was not published: it makes a claim about results or safety that the evidence does not support (for example permanent results from a temporary treatment, or a guarantee). Please revise it and submit it again.',
  },
  {
    code: 'promotional',
    label: 'Promotional content',
    message:
      'Dear {authorName}, your answer to "{title}" was not published: answers may not carry contact details, links, prices or offers. Patients can reach you through your profile.',
  },
  {
    code: 'not_medical_advice',
    label: 'Not a medical answer',
    message:
      'Dear {authorName}, your answer to "{title}" was not published: it does not answer the medical question asked.',
  },
  {
    code: 'unverified_author',
    label: 'Author not verified',
    message:
      'Dear {authorName}, your answer to "{title}" was not published because your credentials are not verified yet. It can be published once verification is complete.',
  },
  {
    code: 'patient_privacy',
    label: 'Identifies a patient',
    message:
      'Dear {authorName}, your answer to "{title}" was not published: it names or identifies a patient. Please remove anything that identifies a person.',
  },
] as const satisfies readonly Reason[];

/**
 * Deliberately no reason for a review being negative, unfair in the doctor's eyes or unwanted by
 * the practice: suppressing reviews for their sentiment is unlawful (FTC 16 CFR 465.7), so the
 * catalogue offers no way to do it. Only authenticity and safety problems are reasons.
 */
const reviews = [
  {
    code: 'incentivized',
    label: 'Incentivized review',
    message:
      'Your review "{title}" of {doctorName} was not published: it appears you received something in exchange for writing it (a discount, gift or refund). Reviews must not be paid for.',
  },
  {
    code: 'conflict_of_interest',
    label: 'Conflict of interest',
    message:
      'Your review "{title}" of {doctorName} was not published: it appears to come from someone connected to the practice. Reviews must come from patients.',
  },
  {
    code: 'duplicate',
    label: 'Duplicate or templated text',
    message:
      'Your review "{title}" of {doctorName} was not published: its text repeats another review. Please describe your own experience in your own words.',
  },
  {
    code: 'not_patient_experience',
    label: 'Not a patient experience',
    message:
      'Your review "{title}" of {doctorName} was not published: we could not confirm that it describes your own {procedure} treatment.',
  },
  {
    code: 'privacy',
    label: 'Private information',
    message:
      'Your review "{title}" of {doctorName} was not published: it contains someone\'s private information. Please remove it and submit the review again.',
  },
  {
    code: 'abusive',
    label: 'Abusive language',
    message:
      'Your review "{title}" of {doctorName} was not published: it contains threats, slurs or harassment. You are welcome to describe your experience, critical or not, without them.',
  },
] as const satisfies readonly Reason[];

const photos = [
  {
    code: 'edited_photo',
    label: 'Edited or retouched',
    message:
      'Dear {authorName}, your {procedure} before-and-after photos were not published: they appear edited or retouched. Please upload the original, unedited images.',
  },
  {
    code: 'not_own_photo',
    label: 'Not own photo (reused)',
    message:
      'Dear {authorName}, your {procedure} before-and-after photos were not published: the same images already appear elsewhere, as another pair or in another gallery.',
  },
  {
    code: 'no_consent',
    label: 'No patient consent',
    message:
      'Dear {authorName}, your {procedure} before-and-after photos were not published: the patient can be identified and no consent is on file. Please upload the signed consent.',
  },
  {
    code: 'misleading_framing',
    label: 'Misleading framing',
    message:
      'Dear {authorName}, your {procedure} before-and-after photos were not published: the two images differ in framing, lighting or crop in a way that exaggerates the result.',
  },
  {
    code: 'not_before_after',
    label: 'Not a before-and-after pair',
    message:
      'Dear {authorName}, your {procedure} photos were not published: they do not show the same patient before and after the treatment (for example, the "after" image was taken first).',
  },
] as const satisfies readonly Reason[];

const doctors = [
  {
    code: 'npi_invalid',
    label: 'NPI invalid',
    message:
      'Dear {authorName}, we could not verify your profile: the NPI {npi} is not valid or the NPI registry does not list it under your name. Please check it and contact us.',
  },
  {
    code: 'license_invalid',
    label: 'License not found',
    message:
      'Dear {authorName}, we could not verify your profile: the {licenseState} medical board does not list license {licenseNumber} as yours.',
  },
  {
    code: 'license_suspended',
    label: 'License suspended or revoked',
    message:
      'Dear {authorName}, your profile is not shown as verified: the {licenseState} medical board reports license {licenseNumber} as not active.',
  },
  {
    code: 'board_unverified',
    label: 'Board certification unverified',
    message:
      'Dear {authorName}, we could not verify your profile: the board certification it states could not be confirmed with the board.',
  },
  {
    code: 'identity_mismatch',
    label: 'Identity mismatch',
    message:
      'Dear {authorName}, we could not verify your profile: the documents you sent do not match the name and details on it.',
  },
  {
    code: 'license_expired',
    label: 'License expired',
    message:
      'Dear {authorName}, your profile is no longer shown as verified: your {licenseState} license {licenseNumber} has expired. Upload the renewed license and we will verify it again.',
  },
  {
    code: 'documents_missing',
    label: 'Documents missing or unreadable',
    message:
      'Dear {authorName}, to verify your profile we need a legible copy of your current {licenseState} medical license and of your board certificate. Please upload them and submit your profile again.',
  },
  {
    code: 'board_order',
    label: 'Board order on file',
    message:
      'Dear {authorName}, your profile is not shown as verified while a public order of the medical board concerning license {licenseNumber} is reviewed.',
  },
] as const satisfies readonly Reason[];

export const reasonCatalogue = { answers, reviews, photos, doctors } as const;

export type ReasonCode<R extends ModeratedResource = ModeratedResource> =
  (typeof reasonCatalogue)[R][number]['code'];

export const reasonsOf = (resource: ModeratedResource): readonly Reason[] => reasonCatalogue[resource];

export const findReason = (resource: ModeratedResource, code: string): Reason | undefined =>
  reasonsOf(resource).find((reason) => reason.code === code);

/** A message with its placeholders filled; a placeholder without a value is left as written. */
export const renderNotice = (message: string, values: Readonly<Record<string, string>>): string =>
  message.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
