import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/domain/language/analysis';
import { answerFeatures, readClaim } from '../../src/domain/rules/answerModel';
import { answerRules } from '../../src/domain/rules/answers';
import { type AnswerContext, runRules } from '../../src/domain/rules/engine';
import type { WordModel } from '../../src/domain/rules/wordModel';

const now = '2026-11-01T12:00:00.000Z';

describe("an answer's features for the learned reading", () => {
  it('counts a word inside a negation or a quotation apart from the word itself', () => {
    const features = [
      ...answerFeatures(
        analyse('You asked, "is it permanent?" It is not permanent; the result is permanent only in ads.'),
      ).keys(),
    ];
    expect(features).toEqual(expect.arrayContaining(['q:permanent', 'not permanent', 'permanent']));
  });

  it('reads pairs of neighbouring words within a sentence, and a proper name as any name', () => {
    const features = [...answerFeatures(analyse('Ask Dr. Okafor. Results last for good.')).keys()];
    expect(features).toEqual(expect.arrayContaining(['<name>', 'for good', 'last for']));
    expect(features).not.toContain('okafor');
    // The pair would cross the full stop between the sentences.
    expect(features.some((f) => f.endsWith(' result'))).toBe(false);
  });
});

describe('the learned reading of a claim', () => {
  const model: WordModel = {
    bias: -2,
    weights: { 'for good': 3, last: 1, 'not last': -2, maybe: 0.2 },
    fewestFeatures: 1,
  };

  it('is as sure as its weights make it, and points at the features that weigh most towards the claim', () => {
    const analysis = analyse('Results last for good, maybe longer.');
    const claim = readClaim(analysis, model)!;
    // Four features of the text's twelve are known: -2 + (3 + 1 + 0.2) / sqrt(12).
    const features = answerFeatures(analysis).size;
    expect(claim.likelihood).toBeCloseTo(1 / (1 + Math.exp(2 - 4.2 / Math.sqrt(features))), 6);
    const shown = claim.strongest.map(({ from, to }) =>
      analysis.text.slice(analysis.tokens[from].start, analysis.tokens[to - 1].end),
    );
    // "maybe" weighs too little to be shown.
    expect(shown).toEqual(['for good', 'last']);
  });

  it('is absent for a rule the models have none for', () => {
    expect(readClaim(analyse('Results last for good.'), undefined)).toBeNull();
  });
});

describe('an answer rule with a learned reading', () => {
  const body = 'Once we correct the bridge, that nose stays corrected. It is a one-time visit.';
  const checked = (likelihood: number, tuned: Record<string, number> = {}) =>
    runRules(
      answerRules.filter((rule) => rule.id === 'ANS_SUPERIORITY'),
      { id: 1, doctorId: 1, questionId: 1, body, createdAt: now },
      {
        now,
        read: analyse,
        doctor: null,
        question: { title: 'Is a liquid rhinoplasty permanent?', body: '', procedure: '' },
        claim: (_analysis, ruleId) =>
          ruleId === 'ANS_SUPERIORITY' ? { likelihood, strongest: [{ from: 8, to: 10 }] } : null,
      } satisfies Omit<AnswerContext, 'setting'>,
      { ANS_SUPERIORITY: { enabled: true, threshold: null, tuned } },
    )[0];

  it('fails an answer its phrases pass when the reading is sure enough, and shows the words it weighed', () => {
    const result = checked(0.97);
    expect(result.outcome).toBe('fail');
    expect(result.message).toBe(
      'Reads as a claim to be the best to the reading learned from labelled answers (97% sure)',
    );
    expect(result.evidence?.spans).toEqual([{ field: 'body', start: 38, end: 53, text: 'stays corrected' }]);
  });

  it('passes it when the reading is less sure than the setting asks', () => {
    expect(checked(0.7).outcome).toBe('pass');
    expect(checked(0.97, { learnedLikelihood: 0.99 }).outcome).toBe('pass');
    expect(checked(0.7, { learnedLikelihood: 0.6 }).outcome).toBe('fail');
  });

  it("keeps the phrases' own finding and message when they find the claim", () => {
    const result = runRules(
      answerRules.filter((rule) => rule.id === 'ANS_SUPERIORITY'),
      { id: 1, doctorId: 1, questionId: 1, body: 'I am the best injector in Dallas.', createdAt: now },
      {
        now,
        read: analyse,
        doctor: null,
        question: { title: '', body: '', procedure: '' },
        claim: () => ({ likelihood: 1, strongest: [] }),
      },
      {},
    )[0];
    expect(result.outcome).toBe('fail');
    expect(result.message).not.toMatch(/learned/);
    expect(result.evidence?.spans?.[0].text).toMatch(/best/);
  });
});
