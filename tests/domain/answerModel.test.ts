import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/domain/language/analysis';
import { answerFeatures, readClaim } from '../../src/domain/rules/answerModel';
import { answerRules } from '../../src/domain/rules/answers';
import { type AnswerContext, runRules } from '../../src/domain/rules/engine';
import type { WordModel } from '../../src/domain/rules/wordModel';
import { readLearnedClaim } from '../../src/domain/rules/learnedClaims';

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

  it('is as sure as its weights make it, and points at the sentence whose words weigh most towards the claim', () => {
    const analysis = analyse('Some results fade. Results last for good, maybe longer.');
    const claim = readClaim(analysis, model)!;
    // Four features of the text's fifteen or so are known: -2 + (3 + 1 + 0.2) / sqrt(n).
    const features = answerFeatures(analysis).size;
    expect(claim.likelihood).toBeCloseTo(1 / (1 + Math.exp(2 - 4.2 / Math.sqrt(features))), 6);
    const { from, to } = claim.sentence!;
    expect(analysis.text.slice(analysis.tokens[from].start, analysis.tokens[to - 1].end)).toBe(
      'Results last for good, maybe longer.',
    );
  });

  it('points nowhere when the words that weigh are denied or reported', () => {
    expect(readClaim(analyse('It does not last for good.'), model)!.sentence).toBeNull();
    expect(
      readClaim(analyse('Clinics that claim results last for good are wrong.'), model)!.sentence,
    ).toBeNull();
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
          ruleId === 'ANS_SUPERIORITY' ? { likelihood, sentence: { from: 8, to: 10 } } : null,
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
        claim: () => ({ likelihood: 1, sentence: { from: 0, to: 1 } }),
      },
      {},
    )[0];
    expect(result.outcome).toBe('fail');
    expect(result.message).not.toMatch(/learned/);
    expect(result.evidence?.spans?.[0].text).toMatch(/best/);
  });
});

describe('the committed answer models', () => {
  const failed = (body: string) =>
    runRules(
      answerRules,
      { id: 1, doctorId: 1, questionId: 1, body, createdAt: now },
      {
        now,
        read: analyse,
        doctor: null,
        question: { title: 'Will lip filler bruise?', body: '', procedure: '' },
        claim: readLearnedClaim,
      },
      {},
    ).filter((result) => result.outcome === 'fail');

  it('hear a promise of no bruising made without a word the phrases know, and leave honest advice alone', () => {
    const promise = failed(
      'My patients go straight back to work the same afternoon, and in eleven years not one of them has gone home with a mark. Bruising is simply not part of how we do lips here.',
    );
    expect(promise.map((r) => r.ruleId)).toEqual(['ANS_GUARANTEE']);
    expect(promise[0].message).toMatch(
      /^Reads as a guarantee to the reading learned from labelled answers \(\d+% sure\)$/,
    );
    expect(promise[0].evidence?.spans?.map((s) => s.text)).toEqual([
      'My patients go straight back to work the same afternoon, and in eleven years not one of them has gone home with a mark.',
    ]);
    expect(
      failed(
        'Bruising depends on your blood vessels and on what you take beforehand. Stop fish oil a week ahead and expect a small bruise or two that fades within a week.',
      ),
    ).toEqual([]);
  });

  it('hear a patient told by place and date, and leave a patient nobody could find alone', () => {
    const told = failed(
      'The retired fire chief from Maple Grove who I treated in March came back last week thrilled with his forehead.',
    );
    expect(told.map((r) => r.ruleId)).toEqual(['ANS_PHI']);
    // The sentence that says it, whole: here the answer's only one.
    expect(told[0].evidence?.spans?.map((s) => s.text)).toEqual([
      'The retired fire chief from Maple Grove who I treated in March came back last week thrilled with his forehead.',
    ]);
    expect(
      failed(
        'I treated a retired fire chief once; men often need more units than women because the muscles are stronger.',
      ),
    ).toEqual([]);
  });
});
