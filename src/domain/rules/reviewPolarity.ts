import type { TextSpan } from './engine';
import { type ReadField, spanOf } from './reviewLanguage';
import { isContentWord } from './shingles';
import { weigh, type WordModel } from './wordModel';

/**
 * A second reading of which way a review's text leans, for REV_MISMATCH: a logistic regression
 * over the words' lemmas, learned from labelled reviews (`npm run rules:train`). The lexicon in
 * reviewSentiment.ts knows the turns of phrase it was written for; patients describe a result gone
 * wrong in words nobody listed ("my smile droops on one side", "booked a correction elsewhere"),
 * and a model that has seen hundreds of complaints weighs those words by how they were used. Each
 * feature is a lemma, prefixed "not " inside a negation's scope, so "no swelling" and "swelling"
 * count apart.
 */

/** A text's features, each with the token it was first read at, so that evidence can point at it. */
export function polarityFeatures(fields: readonly ReadField[]): Map<string, { read: ReadField; at: number }> {
  const features = new Map<string, { read: ReadField; at: number }>();
  for (const read of fields)
    read.analysis.tokens.forEach((token, at) => {
      // Numbers are doses, prices and weeks, and names are whoever the cases happened to name:
      // neither says which way a text leans.
      if (token.type !== 'word' || token.pos === 'PROPN' || !isContentWord(token)) return;
      const feature = token.negated ? `not ${token.lemma}` : token.lemma;
      if (!features.has(feature)) features.set(feature, { read, at });
    });
  return features;
}

export interface Lean {
  /** Probability, 0-1, that the text is a complaint rather than praise. */
  complaint: number;
  /** The words that weigh most towards complaint, and towards praise, strongest first. */
  complaintWords: TextSpan[];
  praiseWords: TextSpan[];
}

/** The words shown as evidence: a few, and only those that weigh clearly. */
const shownWords = 4;
const shownWeight = 1;

/** How the rules are given the learned reading: the server passes `readLearnedLean` (learnedLean.ts). */
export type ReadLean = (fields: readonly ReadField[]) => Lean;

export function readLean(fields: readonly ReadField[], model: WordModel): Lean {
  const { probability, weighed } = weigh(polarityFeatures(fields), model);
  const strongest = (sign: 1 | -1) =>
    weighed
      .filter(({ weight }) => weight * sign >= shownWeight)
      .sort((a, b) => (b.weight - a.weight) * sign)
      .slice(0, shownWords)
      .map(({ place: { read, at } }) => spanOf(read, at, at + 1));
  return {
    complaint: probability,
    complaintWords: strongest(1),
    praiseWords: strongest(-1),
  };
}
