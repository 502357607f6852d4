import { describe, expect, it } from 'vitest';
import {
  type AnswerCase,
  answerCase,
  readCases,
  type ReviewCase,
  reviewCase,
} from '../../server/services/evaluation';
import {
  answerExamples,
  answerTrainingDefaults,
  answerTrainingFiles,
  loadWordVectors,
  polarityExamples,
  trainAnswerModels,
  trainingFiles,
  trainWordModel,
  type WordVectors,
} from '../../server/services/modelTraining';
import { analyse } from '../../src/domain/language/analysis';
import { readReview } from '../../src/domain/rules/reviewLanguage';
import { polarityModel } from '../../src/domain/rules/learnedLean';
import { readLean } from '../../src/domain/rules/reviewPolarity';
import { learnedReadings } from '../../src/domain/rules/answers';
import { answerModels } from '../../src/domain/rules/learnedClaims';
import { readClaim } from '../../src/domain/rules/answerModel';

const labelled = (rating: number, body: string, mismatch = false): ReviewCase => ({
  id: `t-${rating}-${body.length}`,
  doctor: 'Dr. Ines Marlow',
  rating,
  procedure: 'Lip filler',
  title: '',
  body,
  expect: mismatch ? ['REV_MISMATCH'] : [],
});

/** Words in a made-up space where lumpy and bumpy lie together, and soft and smooth. */
const space: Record<string, number[]> = {
  lumpy: [3, 0.2, 0],
  bumpy: [2.8, 0, 0.3],
  dissolve: [2, 1, 0],
  soft: [-3, 0.2, 0],
  smooth: [-2.8, 0, 0.3],
  rebook: [-2, 1, 0],
  lip: [0, 0, 1],
};
const vectors: WordVectors = {
  dimensions: 3,
  words: Object.keys(space),
  vectorOf: (word) => (Object.hasOwn(space, word) ? space[word] : undefined),
};

describe('learning the review polarity model', () => {
  it("labels a case's text by its stars and whether they contradict it, and leaves three stars out", () => {
    const examples = polarityExamples(
      [
        labelled(5, 'Soft, even lips.'),
        labelled(5, 'Lumpy and uneven lips.', true),
        labelled(1, 'Lumpy and uneven lips.'),
        labelled(1, 'Soft, even lips.', true),
        labelled(3, 'Soft lips, slow front desk.'),
      ],
      analyse,
    );
    expect(examples.map((e) => e.positive)).toEqual([false, true, true, false]);
  });

  it('weighs the words of complaints towards complaint and of praise towards praise, the same every time', () => {
    const cases = [
      labelled(5, 'My lips look soft and even, and I have rebooked.'),
      labelled(4, 'Even, soft result; rebooked for spring.'),
      labelled(1, 'A lumpy lip, and I paid to have it dissolved.'),
      labelled(5, 'Lumpy on one side and dissolved a month later.', true),
      labelled(1, 'Soft and even, rebooked already.', true),
      labelled(2, 'Dissolved after six weeks, still lumpy.'),
    ];
    const model = trainWordModel(polarityExamples(cases, analyse), vectors);
    expect(model.weights.dissolve).toBeGreaterThan(0);
    expect(model.weights.lumpy).toBeGreaterThan(0);
    expect(model.weights.soft).toBeLessThan(0);
    expect(model.weights.rebooked).toBeLessThan(0);
    expect(trainWordModel(polarityExamples(cases, analyse), vectors)).toEqual(model);
    const read = (body: string) => readLean(readReview({ title: '', body }, analyse), model).complaint;
    expect(read('Lumpy, then dissolved.')).toBeGreaterThan(0.5);
    expect(read('Soft and even; rebooked.')).toBeLessThan(0.5);
  });

  it('weighs words no case used by where their vectors lie', () => {
    const cases = [
      labelled(5, 'Soft lips, I rebooked.'),
      labelled(4, 'Soft and natural lips; rebooked.'),
      labelled(1, 'Lumpy lips, dissolved.'),
      labelled(2, 'Still lumpy, so I had them dissolved.'),
    ];
    const model = trainWordModel(polarityExamples(cases, analyse), vectors);
    expect(model.weights.bumpy).toBeGreaterThan(0);
    expect(model.weights.smooth).toBeLessThan(0);
    const read = (body: string) => readLean(readReview({ title: '', body }, analyse), model).complaint;
    expect(read('The lips were bumpy.')).toBeGreaterThan(0.5);
    expect(read('The lips were smooth.')).toBeLessThan(0.5);
  });

  it('is the model committed in src/domain: `npm run rules:train` run on the committed cases gives it back', () => {
    const cases = readCases(reviewCase, trainingFiles);
    expect(trainingFiles.some((file) => file.includes('.test.'))).toBe(false);
    expect(trainWordModel(polarityExamples(cases, analyse), loadWordVectors())).toEqual(polarityModel);
  }, 120_000);
});

describe('learning the answer models', () => {
  const answer = (body: string, claim = false): AnswerCase => ({
    id: `a-${body.length}`,
    question: 'Do I need to worry about bruising?',
    body,
    expect: claim ? ['ANS_GUARANTEE'] : [],
  });

  it("labels an answer by its rule and leaves out the lemmas the rule's phrases decide on", () => {
    const examples = answerExamples(
      [answer('I promise the swelling will be gone by Friday.', true), answer('Some bruising is normal.')],
      analyse,
      'ANS_GUARANTEE',
      ['promise'],
    );
    expect(examples.map((e) => e.positive)).toEqual([true, false]);
    expect(examples[0].features).toEqual(expect.arrayContaining(['swelling', 'be go', 'by <name>']));
    expect(examples[0].features.some((f) => f.includes('promise'))).toBe(false);
  });

  it("weighs a claim's words towards the claim and its denial away from it, the same every time", () => {
    const cases = [
      answer('Nobody walks out of my room with a bruise, ever.', true),
      answer('You will walk out without a single mark, ever.', true),
      answer('Patients leave with zero marks, ever.', true),
      answer('Expect a bruise or two; they fade in a week.'),
      answer('Most patients leave with a small mark that fades.'),
      answer('Some walk out with a bruise, and that is normal.'),
    ];
    const options = { ...answerTrainingDefaults, rounds: 300 };
    const model = trainWordModel(answerExamples(cases, analyse, 'ANS_GUARANTEE'), null, options);
    expect(trainWordModel(answerExamples(cases, analyse, 'ANS_GUARANTEE'), null, options)).toEqual(model);
    const read = (body: string) => readClaim(analyse(body), model)!.likelihood;
    expect(read('Not one of my patients has a mark, ever.')).toBeGreaterThan(0.5);
    expect(read('A small bruise is normal and fades.')).toBeLessThan(0.5);
  });

  it('are the models committed in src/domain: `npm run rules:train` run on the committed cases gives them back', () => {
    const cases = readCases(answerCase, answerTrainingFiles);
    expect(answerTrainingFiles.some((file) => file.includes('.test.'))).toBe(false);
    expect(Object.keys(answerModels).sort()).toEqual([...learnedReadings.keys()].sort());
    expect(trainAnswerModels(cases, analyse)).toEqual(answerModels);
  }, 600_000);
});
