import type { Answer, Review } from '../../src/domain/model';
import { analyse } from '../../src/domain/language/analysis';
import { readLearnedLean } from '../../src/domain/rules/learnedLean';
import { readLearnedClaim } from '../../src/domain/rules/learnedClaims';
import type { CheckedResult, KnownDoctor, ReviewSignals, RuleSettings } from '../../src/domain/rules/engine';
import { runRules } from '../../src/domain/rules/engine';
import { rulesByType } from '../../src/domain/rules/registry';
import {
  lshBandKeys,
  minhashSignature,
  nearDuplicateMinShared,
  shingleHashes,
} from '../../src/domain/rules/shingles';

/**
 * The part of a check that reads an item's own words: the language analysis and every rule that
 * judges only the item, its author and the question it answers. It needs no database and costs
 * most of a check's time, so a re-run of many items hands it to worker threads (checkWorkers.ts);
 * the same function runs in process for everything else.
 */

/** A review's text as the near-duplicate index sees it. */
export interface Fingerprint {
  shingles: Uint32Array;
  bandKeys: number[];
}

export function fingerprint(review: Pick<Review, 'body'>): Fingerprint {
  const shingles = shingleHashes(analyse(review.body));
  // A text with fewer content words than a pair must share is no one's near-duplicate.
  const indexed = shingles.length >= nearDuplicateMinShared;
  return { shingles, bandKeys: indexed ? lshBandKeys(minhashSignature(shingles)) : [] };
}

/**
 * The review rules whose verdict other reviews can change: the index and the counts of the
 * doctor's, the address's and the account's reviews. What a review's own words say does not change
 * when another is written.
 */
export const comparedReviewRules = rulesByType.reviews.filter((rule) =>
  ['REV_SAME_IP', 'REV_BURST', 'REV_NEAR_DUP', 'REV_PROFILE'].includes(rule.id),
);
export const ownWordsReviewRules = rulesByType.reviews.filter((rule) => !comparedReviewRules.includes(rule));

/** What the own-words rules are given for the facts they never read. */
const ungathered: ReviewSignals = {
  sameAddress: null,
  doctorRate: null,
  nearDuplicates: [],
  contentWords: 0,
  account: null,
};

export type WordsJob =
  | {
      type: 'answers';
      now: string;
      settings: RuleSettings;
      items: {
        answer: Answer;
        doctor: KnownDoctor | null;
        question: { title: string; body: string; procedure: string } | null;
      }[];
    }
  | {
      type: 'reviews';
      now: string;
      settings: RuleSettings;
      items: { review: Review; doctor: KnownDoctor | null }[];
    };

export interface WordsVerdict {
  /** Every answer rule; for a review, its own-words rules only. */
  results: CheckedResult[];
  /** A review's entry in the near-duplicate index. */
  print?: Fingerprint;
}

export function judgeWords(job: WordsJob): WordsVerdict[] {
  const { now, settings } = job;
  if (job.type === 'answers') {
    return job.items.map(({ answer, doctor, question }) => ({
      results: runRules(
        rulesByType.answers,
        answer,
        { now, read: analyse, claim: readLearnedClaim, doctor, question },
        settings,
      ),
    }));
  }
  return job.items.map(({ review, doctor }) => ({
    results: runRules(
      ownWordsReviewRules,
      review,
      { now, read: analyse, lean: readLearnedLean, doctor, signals: ungathered },
      settings,
    ),
    print: fingerprint(review),
  }));
}
