import { describe, expect, it } from 'vitest';
import {
  type CheckedResult,
  type KnownDoctor,
  type ReviewItem,
  type ReviewSignals,
  type RuleSettings,
  runRules,
} from '../../src/domain/rules/engine';
import { analyse } from '../../src/domain/language/analysis';
import { reviewRules } from '../../src/domain/rules/reviews';
import { jaccard, shingleHashes } from '../../src/domain/rules/shingles';
import * as seedText from '../../server/seed/reviewText';
import fixtures from '../fixtures/reviews.json';

const noSignals: ReviewSignals = { sameAddress: null, doctorRate: null, nearDuplicates: [], account: null };

const review = (overrides: Partial<ReviewItem> = {}): ReviewItem => ({
  id: 1,
  doctorId: 7,
  procedure: 'Botox',
  rating: 5,
  title: 'Soft and natural',
  body: 'My forehead lines are softer after twenty units of Botox and I can still raise my brows a little.',
  createdAt: '2025-03-01T10:00:00.000Z',
  ...overrides,
});

const doctor: KnownDoctor = {
  id: 7,
  name: 'Dr. Amara Hill',
  verificationStatus: 'verified',
  licenseStatus: 'active',
  licenseExpiresOn: '2027-01-01',
  npi: '1234567893',
  practiceDomain: 'hillaesthetics.example',
  practicePhone: null,
  ruleResults: [],
};

function check(
  ruleId: string,
  item: ReviewItem,
  context: { doctor?: KnownDoctor; signals?: Partial<ReviewSignals> } = {},
  settings: RuleSettings = {},
): CheckedResult {
  const rule = reviewRules.filter((candidate) => candidate.id === ruleId);
  expect(rule).toHaveLength(1);
  const [result] = runRules(
    rule,
    item,
    {
      now: '2025-03-02T00:00:00.000Z',
      read: analyse,
      doctor: context.doctor ?? null,
      signals: { ...noSignals, ...context.signals },
    },
    settings,
  );
  return result;
}

/** Every span points at its own text in the field it names. */
function expectSpansMatch(result: CheckedResult, item: ReviewItem) {
  for (const span of result.evidence?.spans ?? []) {
    const field = span.field === 'title' ? item.title : item.body;
    expect(field.slice(span.start, span.end)).toBe(span.text);
  }
}

describe('the review rule list', () => {
  it('has the nine rules of RULES.md, each described, of type reviews', () => {
    expect(reviewRules.map((rule) => [rule.id, rule.severity])).toEqual([
      ['REV_IDENTITY', 'high'],
      ['REV_DETAIL', 'medium'],
      ['REV_INSIDER', 'block'],
      ['REV_INCENTIVE', 'block'],
      ['REV_SAME_IP', 'high'],
      ['REV_BURST', 'high'],
      ['REV_NEAR_DUP', 'high'],
      ['REV_PROFILE', 'medium'],
      ['REV_MISMATCH', 'info'],
    ]);
    for (const rule of reviewRules) {
      expect(rule.type).toBe('reviews');
      expect(rule.description.length).toBeGreaterThan(20);
      if (rule.threshold) {
        expect(rule.threshold.min).toBeLessThanOrEqual(rule.threshold.default);
        expect(rule.threshold.default).toBeLessThanOrEqual(rule.threshold.max);
      }
    }
  });

  it('reports unknown, never a failure, for every rule whose data is absent', () => {
    const results = runRules(
      reviewRules,
      review(),
      { now: '2025-03-02', read: analyse, doctor: null, signals: noSignals },
      {},
    );
    const unknownIds = results.filter((r) => r.outcome === 'unknown').map((r) => r.ruleId);
    expect(unknownIds).toEqual(['REV_IDENTITY', 'REV_INSIDER', 'REV_SAME_IP', 'REV_BURST', 'REV_PROFILE']);
    expect(results.filter((r) => r.outcome === 'fail')).toEqual([]);
  });
});

describe('REV_IDENTITY', () => {
  it('fails when the e-mail is not verified', () => {
    const result = check(
      'REV_IDENTITY',
      review({ reviewerEmailVerified: false, reviewerPhoneVerified: true }),
    );
    expect(result.outcome).toBe('fail');
    expect(result.evidence?.facts).toContainEqual({ label: 'E-mail verified', value: 'no' });
  });

  it('fails when a provider is named and the phone is not verified, pointing at the name', () => {
    const item = review({
      body: 'My injector Anna was lovely, and later nurse Kelly checked my Botox at the follow-up.',
      reviewerEmailVerified: true,
      reviewerPhoneVerified: false,
    });
    const result = check('REV_IDENTITY', item);
    expect(result.outcome).toBe('fail');
    expect(result.evidence?.spans?.[0]).toMatchObject({ field: 'body', text: 'injector Anna' });
    expectSpansMatch(result, item);
  });

  it('finds "Dr. Smith" in the title too', () => {
    const item = review({
      title: 'Botox with Dr. Smith',
      reviewerEmailVerified: true,
      reviewerPhoneVerified: false,
    });
    const result = check('REV_IDENTITY', item);
    expect(result.evidence?.spans?.[0]).toMatchObject({ field: 'title', text: 'Dr. Smith' });
    expectSpansMatch(result, item);
  });

  it('passes a verified account, and one naming nobody even without a phone', () => {
    const named = review({
      body: 'Dr. Hill did my Botox.',
      reviewerEmailVerified: true,
      reviewerPhoneVerified: true,
    });
    expect(check('REV_IDENTITY', named).outcome).toBe('pass');
    const nobody = review({
      body: 'The nurse was kind and my Botox is even.',
      reviewerEmailVerified: true,
      reviewerPhoneVerified: false,
    });
    expect(check('REV_IDENTITY', nobody).outcome).toBe('pass');
  });

  it('is unknown without account data', () => {
    expect(check('REV_IDENTITY', review()).outcome).toBe('unknown');
    const named = review({ body: 'Dr. Hill did my Botox.', reviewerEmailVerified: true });
    expect(check('REV_IDENTITY', named).outcome).toBe('unknown');
  });
});

describe('REV_DETAIL', () => {
  it('fails a review under the minimum number of words, with the count', () => {
    const result = check('REV_DETAIL', review({ body: 'Great Botox, love it!' }));
    expect(result.outcome).toBe('fail');
    expect(result.evidence?.facts).toContainEqual({ label: 'Words', value: 4 });
  });

  it('fails a long review that names no treatment, product or area', () => {
    const item = review({
      title: 'Lovely team',
      body: 'The whole team was welcoming, the doctor took her time with every question and I will be back.',
    });
    expect(check('REV_DETAIL', item).outcome).toBe('fail');
  });

  it('accepts synonyms and treated areas', () => {
    for (const body of [
      'Got my tox done on a lunch break and went straight back to work after.',
      'My nose job healed faster than I feared and I breathe better now too.',
      "My crow's feet softened within a week and nobody noticed anything.",
    ]) {
      expect(check('REV_DETAIL', review({ title: 'Happy', body })).outcome).toBe('pass');
    }
  });

  it('follows the threshold setting', () => {
    const item = review({ body: 'Botox was quick and easy, thank you so much.' });
    expect(check('REV_DETAIL', item).outcome).toBe('pass');
    expect(check('REV_DETAIL', item, {}, { REV_DETAIL: { enabled: true, threshold: 10 } }).outcome).toBe(
      'fail',
    );
  });
});

describe('REV_INSIDER', () => {
  it("fails a reviewer writing from the practice's domain or a subdomain of it", () => {
    for (const email of ['kayla@hillaesthetics.example', 'frontdesk@mail.hillaesthetics.example']) {
      const result = check('REV_INSIDER', review({ reviewerEmail: email }), { doctor });
      expect(result.outcome).toBe('fail');
      expect(result.evidence?.facts).toContainEqual({
        label: 'Practice domain',
        value: 'hillaesthetics.example',
      });
    }
  });

  it('passes other domains, including ones that merely end the same way', () => {
    for (const email of ['ana.diaz1042@gmail.com', 'x@nothillaesthetics.example']) {
      expect(check('REV_INSIDER', review({ reviewerEmail: email }), { doctor }).outcome).toBe('pass');
    }
  });

  it('is unknown without a doctor, a practice domain or an e-mail, or with a public mail domain', () => {
    const email = review({ reviewerEmail: 'kayla@hillaesthetics.example' });
    expect(check('REV_INSIDER', email).outcome).toBe('unknown');
    expect(check('REV_INSIDER', email, { doctor: { ...doctor, practiceDomain: null } }).outcome).toBe(
      'unknown',
    );
    expect(check('REV_INSIDER', review(), { doctor }).outcome).toBe('unknown');
    const gmail = { ...doctor, practiceDomain: 'gmail.com' };
    expect(check('REV_INSIDER', review({ reviewerEmail: 'a@gmail.com' }), { doctor: gmail }).outcome).toBe(
      'unknown',
    );
  });
});

describe('REV_INCENTIVE', () => {
  it('fails a reward for the review and points at the sentence', () => {
    const item = review({
      body: 'My lip filler is even. They gave me 20% off for leaving this review. The office is calm.',
    });
    const result = check('REV_INCENTIVE', item);
    expect(result.outcome).toBe('fail');
    expect(result.evidence?.spans?.map((span) => span.text)).toEqual([
      'They gave me 20% off for leaving this review.',
    ]);
    expect(result.evidence?.facts).toContainEqual({ label: 'Conditioned on a positive review', value: 'no' });
    expectSpansMatch(result, item);
  });

  it('says so when the reward depended on a positive review', () => {
    const item = review({ body: 'They asked us to leave 5 stars for a free syringe. My filler looks fine.' });
    const result = check('REV_INCENTIVE', item);
    expect(result.outcome).toBe('fail');
    expect(result.message).toMatch(/positive review/);
    expect(result.evidence?.facts).toContainEqual({
      label: 'Conditioned on a positive review',
      value: 'yes',
    });
  });

  it('passes discounts that have nothing to do with the review, and denials', () => {
    for (const body of [
      'I used a new-patient discount for my first Botox and it went well.',
      'They were running a holiday special, so I finally tried lip filler.',
      'Nobody paid me or gave me a discount for this review; the Botox is simply good.',
    ]) {
      expect(check('REV_INCENTIVE', review({ body })).outcome).toBe('pass');
    }
  });
});

describe('REV_SAME_IP', () => {
  const sameAddress = { ip: '73.12.44.9', reviewIds: [11, 12] };

  it('fails at the threshold, counting this review, with the other reviews and the address', () => {
    const result = check('REV_SAME_IP', review(), { signals: { sameAddress } });
    expect(result.outcome).toBe('fail');
    expect(result.evidence?.related).toEqual([
      { resource: 'reviews', id: 11 },
      { resource: 'reviews', id: 12 },
    ]);
    expect(result.evidence?.facts).toContainEqual({ label: 'IP address', value: '73.12.44.9' });
  });

  it('passes below the threshold and is unknown without an address', () => {
    expect(
      check('REV_SAME_IP', review(), { signals: { sameAddress: { ip: '1.2.3.4', reviewIds: [11] } } })
        .outcome,
    ).toBe('pass');
    const raised = { REV_SAME_IP: { enabled: true, threshold: 4 } };
    expect(check('REV_SAME_IP', review(), { signals: { sameAddress } }, raised).outcome).toBe('pass');
    expect(check('REV_SAME_IP', review()).outcome).toBe('unknown');
  });
});

describe('REV_BURST', () => {
  const rate = (inWindow: number, usualPerWindow: number) => ({
    doctorRate: { inWindow, windowHours: 48, usualPerWindow, baselineDays: 90 },
  });

  it('fails far above the usual rate, with the numbers', () => {
    const result = check('REV_BURST', review(), { signals: rate(12, 1.5) });
    expect(result.outcome).toBe('fail');
    expect(result.evidence?.facts).toContainEqual({ label: 'Reviews within 48 h', value: 12 });
  });

  it('needs a minimum count, and compares against at least one review per window', () => {
    expect(check('REV_BURST', review(), { signals: rate(5, 0.2) }).outcome).toBe('pass');
    expect(check('REV_BURST', review(), { signals: rate(6, 0) }).outcome).toBe('fail');
    expect(check('REV_BURST', review(), { signals: rate(9, 2) }).outcome).toBe('pass');
  });

  it('is unknown without the rate', () => {
    expect(check('REV_BURST', review()).outcome).toBe('unknown');
  });
});

describe('REV_NEAR_DUP', () => {
  const nearDuplicates = [
    { id: 31, doctorId: 7, similarity: 0.82 },
    { id: 32, doctorId: 9, similarity: 0.55 },
    { id: 33, doctorId: 7, similarity: 0.31 },
  ];

  it('fails with the reviews above the threshold, their similarity, and the best one in the message', () => {
    const result = check('REV_NEAR_DUP', review(), { signals: { nearDuplicates } });
    expect(result.outcome).toBe('fail');
    expect(result.message).toMatch(/2 other review/);
    expect(result.message).toMatch(/0\.82/);
    expect(result.evidence?.related).toEqual([
      { resource: 'reviews', id: 31, similarity: 0.82 },
      { resource: 'reviews', id: 32, similarity: 0.55, note: 'another doctor' },
    ]);
  });

  it('passes below the threshold and for short reviews, which coincide by nature', () => {
    const strict = { REV_NEAR_DUP: { enabled: true, threshold: 0.9 } };
    expect(check('REV_NEAR_DUP', review(), { signals: { nearDuplicates } }, strict).outcome).toBe('pass');
    const short = review({ body: 'Great Botox, natural result, thank you Dr. Hill!' });
    expect(check('REV_NEAR_DUP', short, { signals: { nearDuplicates } }).outcome).toBe('pass');
  });
});

describe('REV_PROFILE', () => {
  const account = (reviewCount: number, sameDayCount: number, fiveStarCount: number) => ({
    account: { reviewCount, sameDayCount, fiveStarCount },
  });

  it('fails a single-review account, a busy day and an always-five-star account, saying which', () => {
    expect(check('REV_PROFILE', review(), { signals: account(1, 1, 1) }).message).toMatch(
      /only this review/i,
    );
    expect(check('REV_PROFILE', review(), { signals: account(6, 4, 3) }).message).toMatch(
      /4 reviews that day/,
    );
    const fiveStars = check('REV_PROFILE', review(), { signals: account(5, 1, 5) });
    expect(fiveStars.outcome).toBe('fail');
    expect(fiveStars.severity).toBe('medium');
    expect(fiveStars.message).toMatch(/all 5 of its reviews are five stars/i);
  });

  it('passes an ordinary account and is unknown without one', () => {
    expect(check('REV_PROFILE', review(), { signals: account(4, 1, 3) }).outcome).toBe('pass');
    expect(check('REV_PROFILE', review(), { signals: account(3, 1, 3) }).outcome).toBe('pass');
    expect(check('REV_PROFILE', review()).outcome).toBe('unknown');
  });
});

describe('REV_MISMATCH', () => {
  it('fires on five stars with furious text and one star with glowing text, pointing at the words', () => {
    const furious = review({
      rating: 5,
      title: 'Never again',
      body: 'Horrible. My lip filler is lopsided and the staff were rude.',
    });
    const result = check('REV_MISMATCH', furious);
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('info');
    expectSpansMatch(result, furious);
    expect(result.evidence?.spans?.map((span) => span.text)).toContain('Never again');

    const glowing = review({ rating: 1, body: "Couldn't be happier with my Botox, Dr. Hill is wonderful." });
    expect(check('REV_MISMATCH', glowing).outcome).toBe('fail');
  });

  it('takes neither a referral nor a best friend for praise', () => {
    const disappointed = review({
      rating: 1,
      title: 'Not what I was promised',
      body:
        'I really wanted to love this office, given how many people recommend it. My best friend ' +
        'recommended Dr. Hill after her Botox. I got a heavy, droopy brow that took two months to fade.',
    });
    expect(check('REV_MISMATCH', disappointed).outcome).toBe('pass');
    const glowing = review({
      rating: 1,
      body: 'I recommend Dr. Hill to everyone, my Botox is perfect and natural.',
    });
    expect(check('REV_MISMATCH', glowing).outcome).toBe('fail');
  });

  it('reads negation: "not happy" is a complaint, "not bad" no praise', () => {
    const complaint = review({
      rating: 5,
      title: 'My Botox',
      body: 'I am not happy with my Botox and I would not recommend them.',
    });
    const result = check('REV_MISMATCH', complaint);
    expect(result.outcome).toBe('fail');
    expect(result.evidence?.spans?.map((span) => span.text)).toEqual(['not happy', 'not recommend']);
    const faint = review({
      rating: 5,
      title: 'Even',
      body: 'Not bad, not painful at all, and my Botox is even.',
    });
    expect(check('REV_MISMATCH', faint).outcome).toBe('pass');
  });

  it('never fires on mixed reviews, nor on a negative review rated low', () => {
    const mixed = review({
      rating: 1,
      body: 'The staff were lovely and the office is beautiful, but my filler migrated within a month.',
    });
    expect(check('REV_MISMATCH', mixed).outcome).toBe('pass');
    const negative = review({ rating: 1, body: 'Awful result, my Botox is uneven and the nurse was rude.' });
    expect(check('REV_MISMATCH', negative).outcome).toBe('pass');
  });
});

describe('negative reviews', () => {
  it('fail no rule for being negative (FTC 16 CFR 465.7)', () => {
    const item = review({
      rating: 1,
      title: 'Would not go back',
      body: 'My Botox left my left brow higher than the right and the touch-up cost extra. The follow-up felt rushed and I would not recommend this office.',
    });
    const failures = runRules(
      reviewRules,
      item,
      { now: '2025-03-02', read: analyse, doctor: null, signals: noSignals },
      {},
    ).filter((r) => r.outcome === 'fail');
    expect(failures).toEqual([]);
  });
});

interface Fixture {
  id: string;
  doctor: string;
  rating: number;
  procedure: string;
  title: string;
  body: string;
  expect: string[];
}

// Precision and recall on tests/fixtures are measured through the server's index and queries, in
// tests/api/rulesEval.test.ts; here every case's evidence must point at its real words.
describe('the review fixtures', () => {
  const cases = fixtures as Fixture[];
  const doctorIds = [...new Set(cases.map((c) => c.doctor))];
  const shingles = cases.map((c) => shingleHashes(c.body));
  const judged = ['REV_DETAIL', 'REV_INCENTIVE', 'REV_NEAR_DUP', 'REV_MISMATCH'];

  const failedIds = cases.map((c, i) => {
    // Brute force stands in for the server's LSH index: every other case, exact Jaccard.
    const nearDuplicates = cases
      .map((_, j) => ({
        id: j + 1,
        doctorId: doctorIds.indexOf(cases[j].doctor) + 1,
        similarity: jaccard(shingles[i], shingles[j]),
      }))
      .filter((other) => other.id !== i + 1 && other.similarity >= 0.2)
      .sort((a, b) => b.similarity - a.similarity);
    const item: ReviewItem = {
      id: i + 1,
      doctorId: doctorIds.indexOf(c.doctor) + 1,
      procedure: c.procedure,
      rating: c.rating,
      title: c.title,
      body: c.body,
      createdAt: '2025-03-01T10:00:00.000Z',
    };
    const context = {
      now: '2025-03-02T00:00:00.000Z',
      read: analyse,
      doctor: null,
      signals: { ...noSignals, nearDuplicates },
    };
    const results = runRules(reviewRules, item, context, {});
    for (const result of results) expectSpansMatch(result, item);
    return results.filter((r) => r.outcome === 'fail').map((r) => r.ruleId);
  });

  it('fails nothing but the rules that can be judged without account, address or rate data', () => {
    const others = cases.flatMap((c, i) =>
      failedIds[i].filter((id) => !judged.includes(id)).map((id) => `${c.id} ${id}`),
    );
    expect(others).toEqual([]);
  });
});

/** The seed's patterns: `[a|b|c]` takes each alternative in turn, `{name}` a plausible value. */
function expand(pattern: string): string[] {
  const filled = pattern.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'doctor'
      ? 'Dr. Hill'
      : name === 'procedure'
        ? 'Botox'
        : name === 'aProcedure'
          ? 'a chemical peel'
          : 'Sam',
  );
  const choice = /\[([^\]]*)\]/.exec(filled);
  if (!choice) return [filled.replace(/ {2,}/g, ' ').replace(/ ([.,!?])/g, '$1')];
  return choice[1]
    .split('|')
    .flatMap((option) =>
      expand(filled.slice(0, choice.index) + option + filled.slice(choice.index + choice[0].length)),
    );
}

const moods = ['good', 'mixed', 'bad'] as const;

describe("the seed's review texts", () => {
  const fails = (ruleId: string, body: string, rating = 5, title = 'A review') =>
    check(ruleId, review({ rating, title, body })).outcome === 'fail';

  it('every planted incentive fires REV_INCENTIVE', () => {
    const missed = seedText.incentives.flatMap(expand).filter((text) => !fails('REV_INCENTIVE', text));
    expect(missed).toEqual([]);
  });

  it('no unrelated discount and no honest sentence fires REV_INCENTIVE', () => {
    const honest = [
      ...seedText.unrelatedDiscounts.map(([, text]) => text),
      ...Object.values(seedText.reviewSentences).flatMap((byMood) => moods.flatMap((mood) => byMood[mood])),
      ...moods.flatMap((mood) => [
        ...seedText.openings[mood],
        ...seedText.practiceNotes[mood],
        ...seedText.endings[mood],
        ...seedText.titles[mood],
      ]),
      ...seedText.quibbles,
      seedText.templateSlots.map((variants) => variants[0]).join(' '),
    ];
    const flagged = honest.flatMap(expand).filter((text) => fails('REV_INCENTIVE', text));
    expect(flagged).toEqual([]);
  });

  it('every planted mismatch fires REV_MISMATCH', () => {
    const missed = seedText.mismatches
      .flatMap(([rating, title, body]) => expand(body).map((text) => ({ rating, title, text })))
      .filter(({ rating, title, text }) => !fails('REV_MISMATCH', text, rating, title));
    expect(missed).toEqual([]);
  });

  it('every planted short review fires REV_DETAIL', () => {
    const missed = seedText.shortReviews
      .flatMap(expand)
      .filter((text) => !fails('REV_DETAIL', text, 5, 'Great'));
    expect(missed).toEqual([]);
  });
});
