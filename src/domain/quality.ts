import type { ContentAction, ModeratedResource } from './transitions';

/**
 * Quality checks: a share of each moderator's decisions is drawn, as they are taken, for a second
 * review by someone else, who decides the item again without seeing the first decision. Whether
 * they agree is recorded in the audit log; a disagreement waits for a senior.
 */

/** The types sampled: content items, whose decisions any moderator can judge again. */
export const sampledTypes = ['answers', 'reviews', 'photos'] as const satisfies readonly ModeratedResource[];
export type SampledType = (typeof sampledTypes)[number];

export const isSampled = (resource: string): resource is SampledType =>
  (sampledTypes as readonly string[]).includes(resource);

/**
 * The decisions a second reviewer judges again: the ones that publish or refuse. Escalating is
 * already asking for a second look.
 */
export const reviewedActions = ['approve', 'reject'] as const satisfies readonly ContentAction[];
export type ReviewedAction = (typeof reviewedActions)[number];

/** A check waits for its second reviewer, then ends agreed or disputed. */
export const checkStatuses = ['open', 'agreed', 'disputed'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** The audit actions of a second review. */
export const secondReviewActions = { agreed: 'quality_agree', disputed: 'quality_dispute' } as const;

/** The setting that holds the share of a type's decisions drawn for a second review. */
export const samplingKey = (resource: SampledType) => `quality.samplePercent.${resource}`;

/** An item as its second reviewer sees it: the record without what the first decision did to it. */
export const hiddenDecisionFields = [
  'status',
  'decidedBy',
  'decidedAt',
  'reasonCode',
  'version',
  'claimedBy',
  'claimExpiresAt',
] as const;

export interface SecondReview {
  checkId: number;
  resource: SampledType;
  record: Record<string, unknown>;
}

export interface Dispute {
  checkId: number;
  resource: SampledType;
  recordId: number;
  firstActorId: number;
  firstAction: ReviewedAction;
  reviewerId: number;
  reviewAction: ReviewedAction;
  reviewedAt: string;
}
