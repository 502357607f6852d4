import type { TextSpan } from './engine';
import { type ReadField, spanOf } from './reviewLanguage';
import { isContentWord } from './shingles';
import { lookUp } from '../lookup';

/**
 * A second reading of which way a review's text leans, for REV_MISMATCH: a logistic regression
 * over the words' lemmas, learned from labelled reviews (`npm run rules:train`). The lexicon in
 * reviewSentiment.ts knows the turns of phrase it was written for; patients describe a result gone
 * wrong in words nobody listed ("my smile droops on one side", "booked a correction elsewhere"),
 * and a model that has seen hundreds of complaints weighs those words by how they were used. Each
 * feature is a lemma, prefixed "not " inside a negation's scope, so "no swelling" and "swelling"
 * count apart.
 */
export interface PolarityModel {
  /** Log-odds of a complaint with no word present. */
  bias: number;
  /** Log-odds each feature adds: above zero leans to complaint, below to praise. */
  weights: Record<string, number>;
}

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

/**
 * A text's features count 1/sqrt(n) each, n the number of them: a long review, which has more
 * words of every kind, is not a surer one.
 */
export const featureScale = (features: number) => (features > 0 ? 1 / Math.sqrt(features) : 0);

/** Log-odds as a probability. */
export const logistic = (logOdds: number) => 1 / (1 + Math.exp(-logOdds));

/** How the rules are given the learned reading: the server passes `readLearnedLean` (learnedLean.ts). */
export type ReadLean = (fields: readonly ReadField[]) => Lean;

/** Each feature counts once, however often it appears. */
export function readLean(fields: readonly ReadField[], model: PolarityModel): Lean {
  const features = polarityFeatures(fields);
  const scale = featureScale(features.size);
  let logOdds = model.bias;
  const weighed: { weight: number; read: ReadField; at: number }[] = [];
  for (const [feature, place] of features) {
    const weight = lookUp(model.weights, feature);
    if (weight === undefined) continue;
    logOdds += weight * scale;
    if (Math.abs(weight) >= shownWeight) weighed.push({ weight, ...place });
  }
  const strongest = (sign: 1 | -1) =>
    weighed
      .filter(({ weight }) => weight * sign > 0)
      .sort((a, b) => (b.weight - a.weight) * sign)
      .slice(0, shownWords)
      .map(({ read, at }) => spanOf(read, at, at + 1));
  return {
    complaint: logistic(logOdds),
    complaintWords: strongest(1),
    praiseWords: strongest(-1),
  };
}
