import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/domain/language/analysis';
import { readLearnedClaim } from '../../src/domain/rules/learnedClaims';
import { answerRules } from '../../src/domain/rules/answers';
import { type CheckedResult, runRules } from '../../src/domain/rules/engine';
import devHalf from '../fixtures/eval/answers.dev.json';

/**
 * One case of each trick the evaluation set's writers used, in the dev half's own words: the
 * answer rules must catch every kind of claim (paraphrase, implication, a claim inside an honest
 * answer) and leave alone every kind of look-alike (denials, quotations, other senses of a word).
 */

const cases = new Map(devHalf.map((c) => [c.id, c]));

function verdict(ruleId: string, id: string): CheckedResult {
  const c = cases.get(id)!;
  const results = runRules(
    answerRules,
    { id: 1, doctorId: 1, questionId: 1, body: c.body, createdAt: '2026-11-01T12:00:00.000Z' },
    {
      now: '2026-11-01T12:00:00.000Z',
      read: analyse,
      claim: readLearnedClaim,
      doctor: null,
      question: { title: c.question, body: '', procedure: '' },
    },
    {},
  );
  return results.find((r) => r.ruleId === ruleId)!;
}

describe('the answer rules catch each trick of the dev half', () => {
  it.each([
    ['ANS_GUARANTEE', 'combo', 'pm-057'],
    ['ANS_GUARANTEE', 'embedded', 'pm-063'],
    ['ANS_GUARANTEE', 'hedge_trap', 'pm-036'],
    ['ANS_GUARANTEE', 'pain', 'pm-027'],
    ['ANS_GUARANTEE', 'refund', 'pm-046'],
    ['ANS_GUARANTEE', 'result', 'pm-003'],
    ['ANS_GUARANTEE', 'risk', 'pm-013'],
    ['ANS_GUARANTEE', 'side_effects', 'pm-055'],
    ['ANS_OFFLABEL', 'combo', 'op-d068'],
    ['ANS_OFFLABEL', 'direct', 'op-d007'],
    ['ANS_OFFLABEL', 'family', 'op-d003'],
    ['ANS_OFFLABEL', 'implied', 'op-d037'],
    ['ANS_OFFLABEL', 'myth', 'op-d026'],
    ['ANS_OFFLABEL', 'synonym', 'op-d002'],
    ['ANS_PERMANENT_CLAIM', 'brand', 'pm-023'],
    ['ANS_PERMANENT_CLAIM', 'combo', 'pm-031'],
    ['ANS_PERMANENT_CLAIM', 'denial_trap', 'pm-019'],
    ['ANS_PERMANENT_CLAIM', 'embedded', 'pm-015'],
    ['ANS_PERMANENT_CLAIM', 'implication', 'pm-006'],
    ['ANS_PERMANENT_CLAIM', 'synonym', 'pm-032'],
    ['ANS_PHI', 'descriptor', 'op-d008'],
    ['ANS_PHI', 'initials', 'op-d028'],
    ['ANS_PHI', 'name', 'op-d001'],
    ['ANS_PHI', 'public', 'op-d012'],
    ['ANS_PROMO', 'booking', 'sp-032'],
    ['ANS_PROMO', 'cross-label', 'sp-038'],
    ['ANS_PROMO', 'email', 'sp-046'],
    ['ANS_PROMO', 'phone-digits', 'sp-003'],
    ['ANS_PROMO', 'phone-words', 'sp-010'],
    ['ANS_PROMO', 'promo-price', 'sp-019'],
    ['ANS_PROMO', 'social-dm', 'sp-018'],
    ['ANS_PROMO', 'url-domain', 'sp-016'],
    ['ANS_SUPERIORITY', 'accepting-or-other-provider', 'sp-009'],
    ['ANS_SUPERIORITY', 'best-indirect', 'sp-001'],
    ['ANS_SUPERIORITY', 'cross-label', 'sp-027'],
    ['ANS_SUPERIORITY', 'go-to-most-experienced', 'sp-063'],
    ['ANS_SUPERIORITY', 'leading-top-#1', 'sp-004'],
    ['ANS_SUPERIORITY', 'nobody-more', 'sp-015'],
    ['ANS_SUPERIORITY', 'others-cant-compare', 'sp-021'],
    ['ANS_SUPERIORITY', 'unmatched', 'sp-014'],
  ])('%s: %s (%s)', (ruleId, _trick, id) => {
    const body = cases.get(id)!.body;
    const result = verdict(ruleId, id);
    expect(result.outcome).toBe('fail');
    const spans = result.evidence?.spans ?? [];
    expect(spans.length).toBeGreaterThan(0);
    for (const span of spans) {
      expect(span.text.trim()).not.toBe('');
      expect(body.slice(span.start, span.end)).toBe(span.text);
    }
  });
});

describe('the answer rules leave each look-alike of the dev half alone', () => {
  it.each([
    ['ANS_GUARANTEE', 'cant_promise', 'pm-005'],
    ['ANS_GUARANTEE', 'combo', 'pm-081'],
    ['ANS_GUARANTEE', 'competitor_quote', 'pm-099'],
    ['ANS_GUARANTEE', 'denial', 'pm-018'],
    ['ANS_GUARANTEE', 'most_usually', 'pm-016'],
    ['ANS_GUARANTEE', 'other_sense', 'pm-042'],
    ['ANS_GUARANTEE', 'risk_explain', 'pm-007'],
    ['ANS_OFFLABEL', 'honest', 'op-d032'],
    ['ANS_OFFLABEL', 'keyword', 'op-d051'],
    ['ANS_OFFLABEL', 'quote', 'op-d005'],
    ['ANS_OFFLABEL', 'real', 'op-d009'],
    ['ANS_PERMANENT_CLAIM', 'combo', 'pm-011'],
    ['ANS_PERMANENT_CLAIM', 'denial', 'pm-001'],
    ['ANS_PERMANENT_CLAIM', 'hedge', 'pm-002'],
    ['ANS_PERMANENT_CLAIM', 'long_temporary', 'pm-075'],
    ['ANS_PERMANENT_CLAIM', 'myth', 'pm-040'],
    ['ANS_PERMANENT_CLAIM', 'other_sense', 'pm-009'],
    ['ANS_PERMANENT_CLAIM', 'quote', 'pm-004'],
    ['ANS_PERMANENT_CLAIM', 'truly_permanent', 'pm-029'],
    ['ANS_PHI', 'anecdote', 'op-d019'],
    ['ANS_PHI', 'asker', 'op-d045'],
    ['ANS_PHI', 'celebrity', 'op-d093'],
    ['ANS_PHI', 'doctor', 'op-d014'],
    ['ANS_PHI', 'generic', 'op-d022'],
    ['ANS_PHI', 'plural', 'op-d021'],
    ['ANS_PROMO', 'authority-source', 'sp-013'],
    ['ANS_PROMO', 'call-your-doctor', 'sp-042'],
    ['ANS_PROMO', 'cross-label', 'sp-055'],
    ['ANS_PROMO', 'non-phone-numbers', 'sp-008'],
    ['ANS_PROMO', 'plain-price', 'sp-017'],
    ['ANS_PROMO', 'warning-about-promos', 'sp-011'],
    ['ANS_SUPERIORITY', 'best-approach', 'sp-007'],
    ['ANS_SUPERIORITY', 'best-phrase', 'sp-005'],
    ['ANS_SUPERIORITY', 'declining-title', 'sp-040'],
    ['ANS_SUPERIORITY', 'keyword-other-sense', 'sp-006'],
    ['ANS_SUPERIORITY', 'neutral-referral', 'sp-039'],
    ['ANS_SUPERIORITY', 'objective-facts', 'sp-080'],
    ['ANS_SUPERIORITY', 'treatment-comparison', 'sp-002'],
  ])('%s: %s (%s)', (ruleId, _trick, id) => {
    expect(verdict(ruleId, id).outcome).toBe('pass');
  });
});
