import type { ReadText } from '../../src/domain/language/analysis';
import { readReview } from '../../src/domain/rules/reviewLanguage';
import {
  featureScale,
  logistic,
  type PolarityModel,
  polarityFeatures,
} from '../../src/domain/rules/reviewPolarity';
import { evaluationSets, type ReviewCase } from './evaluation';

/**
 * Learning the review polarity model (src/domain/rules/reviewPolarity.ts) from labelled reviews:
 * L2-regularised logistic regression fitted by full-batch gradient descent, so the same cases
 * always give the same weights and the committed model can be checked against its cases.
 */

/** The labelled reviews it learns from: the tuning half and the probes, never the held-back half. */
export const trainingFiles = [
  ...evaluationSets.dev.reviews,
  'tests/fixtures/eval/reviews.probe2.json',
  'tests/fixtures/eval/reviews.probe3.json',
  'tests/fixtures/eval/reviews.probe4.json',
  'tests/fixtures/eval/reviews.probe5.json',
];

export interface PolarityExample {
  features: string[];
  complaint: boolean;
}

/**
 * A case's label says whether its stars contradict its text, so its text is a complaint when high
 * stars are contradicted or low stars are not. Three stars say nothing of the text: left out.
 */
export function polarityExamples(cases: readonly ReviewCase[], read: ReadText): PolarityExample[] {
  return cases
    .filter((c) => c.rating !== 3)
    .map((c) => ({
      features: [...polarityFeatures(readReview(c, read)).keys()],
      complaint: c.rating >= 4 === c.expect.includes('REV_MISMATCH'),
    }));
}

export interface TrainingOptions {
  rounds: number;
  step: number;
  /** Pulls every weight towards zero, so a word seen in one or two cases cannot decide a verdict. */
  l2: number;
}

/** Chosen by leaving each probe out in turn and scoring REV_MISMATCH on it. */
export const trainingDefaults: TrainingOptions = { rounds: 1000, step: 4, l2: 0.0003 };

/** Weights this small change no verdict; leaving them out keeps the model small enough to ship. */
const keptWeight = 0.01;

export function trainPolarity(
  examples: readonly PolarityExample[],
  { rounds, step, l2 }: TrainingOptions = trainingDefaults,
): PolarityModel {
  const vocabulary = new Map<string, number>();
  const rows = examples.map(({ features, complaint }) => ({
    columns: features.map((feature) => {
      if (!vocabulary.has(feature)) vocabulary.set(feature, vocabulary.size);
      return vocabulary.get(feature)!;
    }),
    target: complaint ? 1 : 0,
  }));
  const weights = new Float64Array(vocabulary.size);
  const gradient = new Float64Array(vocabulary.size);
  let bias = 0;
  const n = Math.max(1, rows.length);
  for (let round = 0; round < rounds; round++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (const { columns, target } of rows) {
      const scale = featureScale(columns.length);
      let sum = 0;
      for (const column of columns) sum += weights[column];
      const error = logistic(bias + sum * scale) - target;
      biasGradient += error;
      for (const column of columns) gradient[column] += error * scale;
    }
    for (let k = 0; k < weights.length; k++) weights[k] -= step * (gradient[k] / n + l2 * weights[k]);
    bias -= (step * biasGradient) / n;
  }
  const round3 = (value: number) => Math.round(value * 1000) / 1000;
  const kept = [...vocabulary]
    .filter(([, column]) => Math.abs(weights[column]) >= keptWeight)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([feature, column]) => [feature, round3(weights[column])] as const);
  return { bias: round3(bias), weights: Object.fromEntries(kept) };
}
