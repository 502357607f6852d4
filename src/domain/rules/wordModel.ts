import { lookUp } from '../lookup';

/**
 * A logistic regression over a text's words, as the learned readings ship it (`npm run rules:train`):
 * REV_MISMATCH's reading of which way a review leans (reviewPolarity.ts) and the answer rules'
 * reading of whether an answer makes their claim (answerModel.ts). Each feature counts once however
 * often it appears.
 */
export interface WordModel {
  /** Log-odds of the positive class with no feature present. */
  bias: number;
  /** Log-odds each feature adds: above zero towards the positive class. */
  weights: Record<string, number>;
  /** A text with fewer features weighs each as if it had this many (see featureScale). */
  fewestFeatures: number;
}

/**
 * A text's features count 1/sqrt(n) each, n the number of them: a long text, which has more words
 * of every kind, is not a surer one. Nor is a short one: a text shorter than the model's cases
 * (a one-line answer, where they ran to a paragraph) counts as `fewest` features, so that the
 * few words it shares with them do not weigh as if each were a sentence.
 */
export const featureScale = (features: number, fewest: number) =>
  features > 0 ? 1 / Math.sqrt(Math.max(features, fewest)) : 0;

/** Log-odds as a probability. */
export const logistic = (logOdds: number) => 1 / (1 + Math.exp(-logOdds));

/** A text's probability under the model, and the weight of each feature it knows, at its place. */
export function weigh<Place>(
  features: ReadonlyMap<string, Place>,
  model: WordModel,
): { probability: number; weighed: { weight: number; place: Place }[] } {
  const scale = featureScale(features.size, model.fewestFeatures);
  let logOdds = model.bias;
  const weighed: { weight: number; place: Place }[] = [];
  for (const [feature, place] of features) {
    const weight = lookUp(model.weights, feature);
    if (weight === undefined) continue;
    logOdds += weight * scale;
    weighed.push({ weight, place });
  }
  return { probability: logistic(logOdds), weighed };
}
