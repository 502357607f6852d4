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
import { spanOf } from '../../src/domain/rules/reviewLanguage';
import { readLearnedLean } from '../../src/domain/rules/learnedLean';
import type { ReadLean } from '../../src/domain/rules/reviewPolarity';
import { reviewRules } from '../../src/domain/rules/reviews';
import { overlap, shingleHashes } from '../../src/domain/rules/shingles';
import * as seedText from '../../server/seed/reviewText';
import fixtures from '../fixtures/reviews.json';

const noSignals: ReviewSignals = {
  sameAddress: null,
  doctorRate: null,
  nearDuplicates: [],
  contentWords: 0,
  account: null,
};
/** The signals of a review as the server gathers them: its content words counted by the index. */
const signalsOf = (item: ReviewItem, signals: Partial<ReviewSignals> = {}): ReviewSignals => ({
  ...noSignals,
  contentWords: shingleHashes(analyse(item.body)).length,
  ...signals,
});

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
  context: { doctor?: KnownDoctor; signals?: Partial<ReviewSignals>; lean?: ReadLean } = {},
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
      lean: context.lean ?? readLearnedLean,
      doctor: context.doctor ?? null,
      signals: signalsOf(item, context.signals),
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
      { now: '2025-03-02', read: analyse, lean: readLearnedLean, doctor: null, signals: signalsOf(review()) },
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
  it('fails a reward for the review and points from the reward to the review', () => {
    const item = review({
      body: 'My lip filler is even. They gave me 20% off for leaving this review. The office is calm.',
    });
    const result = check('REV_INCENTIVE', item);
    expect(result.outcome).toBe('fail');
    expect(result.evidence?.spans?.map((span) => span.text)).toEqual(['20% off for leaving this review']);
    expect(result.evidence?.facts).toContainEqual({ label: 'Conditioned on a positive review', value: 'no' });
    expectSpansMatch(result, item);
  });

  it('takes a reward named after the review for one tied to it, and a star taken off for no price', () => {
    for (const [body, span] of [
      ['Honestly here for the review credits, and my chin filler looks balanced.', 'review credits'],
      ["The clinic's review bonus paid for my next peel. The peel itself was gentle.", 'review bonus'],
    ]) {
      const result = check('REV_INCENTIVE', review({ body }));
      expect(result.outcome).toBe('fail');
      expect(result.evidence?.spans?.map((s) => s.text)).toEqual([span]);
    }
    for (const body of [
      'I am taking off a star for the parking, but my jawline filler is smooth.',
      'The review process on this site took a while; my Botox took a week to settle.',
      "I didn't get any review credits and wouldn't want them. My lips look natural.",
    ])
      expect(check('REV_INCENTIVE', review({ body })).outcome).toBe('pass');
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

  it('ties a reward to the review however the review is called, shown or asked for', () => {
    for (const [body, span] of [
      [
        "The nurse texted: leave us a review and we'll waive your follow-up fee. I did.",
        "leave us a review and we'll waive",
      ],
      [
        'The desk gave me a $20 voucher once I showed them this on my phone.',
        'gave me a $20 voucher once I showed them this',
      ],
      [
        'They cut the cost of my second peel in half in exchange for this write-up.',
        'cost of my second peel in half in exchange for this write-up',
      ],
      [
        'Anyone who posts on here this month goes in the hat for a free facial.',
        'posts on here this month goes in the hat for a free facial',
      ],
      [
        'They offered to give back a third of what I paid if I said a few words on here.',
        'give back a third of what I paid if I said a few words',
      ],
      [
        'I was told to show this review at the desk next visit to get the free dermaplaning.',
        'show this review at the desk next visit to get the free',
      ],
    ]) {
      const result = check('REV_INCENTIVE', review({ body }));
      expect(result.outcome, body).toBe('fail');
      expect(result.evidence?.spans?.map((s) => s.text)).toEqual([span]);
    }
  });

  it('reads the review as the condition of an offer, not a wish, and a deal named before it', () => {
    for (const body of [
      'The nurse said my next top-up would be free if I left five stars, so here they are.',
      "They took $100 off the bill on the understanding that I'd write this.",
      'Our arrangement: I post a review here and my third peel is half price.',
    ])
      expect(check('REV_INCENTIVE', review({ body })).outcome, body).toBe('fail');
    expect(
      check('REV_INCENTIVE', review({ body: "I'd write ten reviews if it got me free Botox." })).outcome,
    ).toBe('pass');
  });

  it('passes an offer the reviewer turned down, and a review that is a follow-up visit', () => {
    for (const body of [
      'The nurse offered me a free syringe if I posted five stars. I said no. My chin filler sits a little low.',
      'They said any review gets you into a draw for a free peel; I asked them to leave me out of it.',
      'She evened out the left side for free at my two-week review, so I am giving four stars.',
      'They hand out cards offering a free facial for a five-star review. I binned mine.',
      'Reception offered me $40 off if I reviewed them. Nope. My lips are a touch uneven.',
      "They offered 10% off for a review; I told them I'd rather pay full and say what I like.",
    ])
      expect(check('REV_INCENTIVE', review({ body })).outcome, body).toBe('pass');
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

  it('takes the minimum count from its setting', () => {
    const fewer = { REV_BURST: { enabled: true, threshold: null, tuned: { fewestInBurst: 4 } } };
    expect(check('REV_BURST', review(), { signals: rate(5, 0.2) }, fewer).outcome).toBe('fail');
    const more = { REV_BURST: { enabled: true, threshold: null, tuned: { fewestInBurst: 10 } } };
    expect(check('REV_BURST', review(), { signals: rate(9, 0.2) }, more).outcome).toBe('pass');
  });

  it('is unknown without the rate', () => {
    expect(check('REV_BURST', review()).outcome).toBe('unknown');
  });
});

describe('REV_NEAR_DUP', () => {
  const nearDuplicates = [
    { id: 31, doctorId: 7, similarity: 0.82, shared: 30 },
    { id: 32, doctorId: 9, similarity: 0.55, shared: 21 },
    { id: 33, doctorId: 7, similarity: 0.31, shared: 14 },
    // As alike as a copy, but sharing too few words to be one: two short honest reviews.
    { id: 34, doctorId: 7, similarity: 0.6, shared: 6 },
  ];
  const long = review({
    body:
      'I went to Dr. Hill for Botox in my forehead and the lines between my brows. She explained how ' +
      'many units she planned and why, the injections barely stung, and by day five the lines had ' +
      'softened while I still look like myself.',
  });

  it('fails with the reviews above the threshold, their similarity, and the best one in the message', () => {
    const result = check('REV_NEAR_DUP', long, { signals: { nearDuplicates } });
    expect(result.outcome).toBe('fail');
    expect(result.message).toMatch(/2 other review/);
    expect(result.message).toMatch(/0\.82/);
    expect(result.evidence?.related).toEqual([
      { resource: 'reviews', id: 31, similarity: 0.82 },
      { resource: 'reviews', id: 32, similarity: 0.55, note: 'another doctor' },
    ]);
    expect(result.evidence?.facts).toContainEqual({ label: 'Content words shared with it', value: 30 });
  });

  it('passes below the threshold and for short reviews, which coincide by nature', () => {
    const strict = { REV_NEAR_DUP: { enabled: true, threshold: 0.9 } };
    expect(check('REV_NEAR_DUP', long, { signals: { nearDuplicates } }, strict).outcome).toBe('pass');
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

  it('takes the count of reviews that makes all five stars suspicious from its setting', () => {
    const three = { REV_PROFILE: { enabled: true, threshold: null, tuned: { alwaysFiveStarsFrom: 3 } } };
    expect(check('REV_PROFILE', review(), { signals: account(3, 1, 3) }, three).outcome).toBe('fail');
    const six = { REV_PROFILE: { enabled: true, threshold: null, tuned: { alwaysFiveStarsFrom: 6 } } };
    expect(check('REV_PROFILE', review(), { signals: account(5, 1, 5) }, six).outcome).toBe('pass');
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

  it("takes another's recommendation for a referral wherever the writer appears in the sentence", () => {
    for (const body of [
      'I wanted to like this place, given how many people recommend it. My filler migrated into my upper lip within a month.',
      'I was so excited, since my best friend recommended Dr. Shah. Now my lips are uneven.',
    ]) {
      const result = check('REV_MISMATCH', review({ rating: 5, title: '', body }));
      expect(result.outcome).toBe('fail');
      expect(result.evidence?.spans?.map((span) => span.text)).not.toContain('recommend');
    }
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
    const middling = check('REV_MISMATCH', { ...negative, rating: 3 });
    expect(middling).toMatchObject({ outcome: 'pass', message: 'Three stars agree with any text.' });
  });

  const outcome = (rating: number, body: string) =>
    check('REV_MISMATCH', review({ rating, title: '', body }));

  /** A learned reading that says what the test needs, pointing at the first word of the body. */
  const leaning =
    (complaint: number): ReadLean =>
    (fields) => {
      const body = fields.find((f) => f.field === 'body')!;
      const first = [spanOf(body, 0, 1)];
      return {
        complaint,
        complaintWords: complaint > 0.5 ? first : [],
        praiseWords: complaint < 0.5 ? first : [],
      };
    };
  const judged = (rating: number, body: string, complaint: number) =>
    check('REV_MISMATCH', review({ rating, title: '', body }), { lean: leaning(complaint) });

  it('hears the learned reading where the lexicon finds no sentiment: an outcome told without a word of praise', () => {
    const body =
      "Laser hair removal on my bikini line. Haven't shaved in five months and the tech checked my skin after every pass.";
    const item = review({ rating: 1, title: '', body });
    const result = check('REV_MISMATCH', item, { lean: leaning(0.1) });
    expect(result.outcome).toBe('fail');
    expect(result.message).toBe('1 star, but its words read as praise.');
    expect(result.evidence?.facts).toContainEqual({ label: 'Praise', value: 0 });
    expect(result.evidence?.facts).toContainEqual({
      label: 'Learned probability against the stars',
      value: 0.9,
    });
    expect(result.evidence?.spans?.map((span) => span.text)).toEqual(['Laser']);
    expectSpansMatch(result, item);
    expect(judged(5, body, 0.1).outcome).toBe('pass');
    // Alone, the learned reading must lean 0.65 against the stars.
    expect(judged(1, body, 0.34).outcome).toBe('fail');
    expect(judged(1, body, 0.36).outcome).toBe('pass');
  });

  it('lets a faint lexicon reading that agrees with the stars keep the learned reading from deciding', () => {
    // One complaint said mildly (1 unit, under the 2 a text needs to lean): two stars agree with it,
    // five do not, whatever the learned reading says of the rest.
    const body = 'Chin filler in June. The second syringe stung more than the first.';
    expect(judged(2, body, 0.05).outcome).toBe('pass');
    expect(judged(5, body, 0.95).outcome).toBe('fail');
    // Sentiment on both sides, half of it against the stars, is no agreement.
    const even = 'Had my brows done in spring. Parking was a hassle. The waiting room was nice.';
    expect(judged(2, even, 0.05).outcome).toBe('fail');
    expect(judged(5, even, 0.95).outcome).toBe('fail');
  });

  it('does not let the learned reading overrule a lexicon that leans with the stars', () => {
    // The lexicon reads "look just as they did", an outcome that did not come, and one star agrees.
    const body =
      'Five sessions in and my pores look just as they did. I skipped makeup for a week, as the nurse ' +
      'advised. I teach first grade and wanted little downtime, which is why I chose microneedling.';
    expect(judged(1, body, 0.05).outcome).toBe('pass');
  });

  it('averages the two readings where the lexicon reads a lean, so a mixed text stays mixed under low stars', () => {
    const body =
      "The nurses were wonderful and Dr. Lowe was kind. I just don't like how my lips look after the filler.";
    expect(judged(2, body, 0.15).outcome).toBe('pass');
    // however sure the learned reading: it hears the staff praised, the lexicon the complaint too
    expect(judged(2, body, 0).outcome).toBe('pass');
    expect(check('REV_MISMATCH', review({ rating: 2, title: '', body })).outcome).toBe('pass');
  });

  it('lets a sure learned reading of a complaint decide a high-rated text the lexicon reads as mixed', () => {
    const body =
      'The nurses were lovely. Four months on, my top lip still has a hard lump I can roll between my fingers.';
    const sure = judged(5, body, 0.92);
    expect(sure.outcome).toBe('fail');
    expect(sure.evidence?.facts).toContainEqual({ label: 'Share against the stars', value: 0.5 });
    expect(judged(5, body, 0.75).outcome).toBe('pass');
    const stricter = { REV_MISMATCH: { enabled: true, threshold: 0.8, tuned: { sureLean: 0.95 } } };
    expect(
      check('REV_MISMATCH', review({ rating: 5, title: '', body }), { lean: leaning(0.92) }, stricter)
        .outcome,
    ).toBe('pass');
  });

  it('lets irony the lexicon hears decide a high-rated text whose learned reading leans to complaint at all', () => {
    const body =
      'My arms are the same size after three sessions, and when I asked for a refund I was told to reread the consent form. Lovely.';
    // Not sure enough to decide a mixed text by itself, but leaning to complaint: the irony decides.
    const ironic = judged(4, body, 0.7);
    expect(ironic.outcome).toBe('fail');
    expect(ironic.message).toBe('4 stars, but its words read as a complaint, its praise ironic.');
    expect(ironic.evidence?.spans?.map((s) => s.text)).toContain('Lovely');
    // A learned reading that leans to praise: the same cue is no irony.
    expect(judged(4, body, 0.45).outcome).toBe('pass');
  });

  it('hears a complaint about billing, waiting or manner beside praise of the result: a mixed text', () => {
    for (const body of [
      'The peel cleared my melasma nicely. Then they charged my card twice and I am still waiting for a refund.',
      'Lip filler looks lovely. We waited 2 hours in the lobby, both visits, with no apology.',
      'My jawline is sharper after the Kybella. The surgeon was on his phone the whole consult.',
    ])
      expect(outcome(1, body).outcome, body).toBe('pass');
  });

  it('weighs a wait of hours as a plain complaint, and one of minutes at half', () => {
    const hours = 'We waited 3 hours in the lobby. At checkout we waited another 1 hour 40 min.';
    const minutes = 'We waited 30 minutes in the lobby. At checkout we waited another 20 minutes.';
    // A learned reading that leans nowhere: the lexicon alone decides.
    expect(judged(5, hours, 0.5).outcome).toBe('fail');
    expect(judged(5, minutes, 0.5).outcome).toBe('pass');
  });

  it('reads "if the aim was" and "if you enjoy" beside a complaint as sarcasm', () => {
    for (const body of [
      'Brilliant work, if the aim was a lopsided smile that lasted four months.',
      'Wonderful laser, if you enjoy looking sunburnt for six weeks.',
    ])
      expect(outcome(2, body).outcome, body).toBe('pass');
  });

  it('holds the learned reading, where the lexicon reads no lean, to its own limit', () => {
    const item = review({
      rating: 1,
      title: '',
      body: "Laser hair removal on my bikini line. Haven't shaved in five months and the tech checked my skin after every pass.",
    });
    const settings = (threshold: number, learnedLean: number) => ({
      REV_MISMATCH: { enabled: true, threshold, tuned: { learnedLean } },
    });
    // The learned reading: 0.8 against one star.
    const lean = { lean: leaning(0.2) };
    expect(check('REV_MISMATCH', item, lean, settings(1, 0.8)).outcome).toBe('fail');
    expect(check('REV_MISMATCH', item, lean, settings(0.5, 0.85)).outcome).toBe('pass');
  });

  it('reads a negator that falls inside a phrase as denying it: "won\'t be going back"', () => {
    const result = outcome(
      1,
      "Everyone was friendly and the room was nice, but my skin broke out for two weeks and I won't be going back.",
    );
    expect(result.outcome).toBe('pass');
    expect(outcome(5, "The nurse was rude and I won't be going back.").outcome).toBe('fail');
  });

  it('takes a complaint that was feared or expected for no complaint, unless the fear is denied', () => {
    expect(
      outcome(
        5,
        "I was scared I would end up bruised and swollen before my sister's wedding. I did not. My lips look natural.",
      ).outcome,
    ).toBe('pass');
    expect(
      outcome(5, 'Honestly I expected to look frozen and heavy. My forehead is soft and I can frown.')
        .outcome,
    ).toBe('pass');
    expect(outcome(5, 'I never expected to end up lopsided and lumpy, and nobody warned me.').outcome).toBe(
      'fail',
    );
  });

  it('reads "no complications", "zero issues" as good news about the result', () => {
    const result = outcome(
      1,
      'No complications and zero issues, my cheeks look lifted and Dr. Hill explained every step.',
    );
    expect(result.outcome).toBe('fail');
  });

  it('reads a concern that persists ("still", "looks the same") as the treatment failing', () => {
    expect(
      outcome(
        5,
        'Six weeks after my Botox I still have deep lines between my brows and my chin looks identical.',
      ).outcome,
    ).toBe('fail');
    // ...but not what the reviewer still does with it
    expect(outcome(5, 'I can still style my hair the way I like and my forehead is smooth.').outcome).toBe(
      'pass',
    );
  });

  it('reads sarcasm from what stands beside it: a complaint, not praise after a concession', () => {
    const sincere = outcome(
      4,
      'The first week was rough and the swelling was worse than I expected, but my jawline is sharp and the scar is fading. Would do it again.',
    );
    expect(sincere.outcome).toBe('pass');
    for (const body of [
      'Really enjoying the lopsided look my filler left me with.',
      'Thanks so much for the Botox that was gone in a month, great value.',
      'Loved paying $900 to have one cheek sit higher than the other.',
      'Lovely job, if you wanted lips like a duck.',
    ]) {
      const result = outcome(5, body);
      expect(result.outcome, body).toBe('fail');
      expect(result.message, body).toMatch(/sarcastic/);
    }
  });

  it('reads praise wishing a complaint again as the complaint: "would be lumpy again"', () => {
    expect(outcome(5, 'Ten out of ten, would be lumpy again.').outcome).toBe('fail');
  });

  it('reads outcomes by their facts: what the treatment left, and how the reviewer was dismissed', () => {
    expect(
      outcome(
        5,
        'The laser left me with raw patches on both cheeks and my surgeon says it is all in my head.',
      ).outcome,
    ).toBe('fail');
    expect(
      outcome(1, 'Nobody at the office can tell I had anything done, and my jawline looks lifted.').outcome,
    ).toBe('fail');
  });

  it('reads a remedy still sought as a problem, and one that was the reason for the visit as none', () => {
    expect(
      outcome(
        5,
        'My lips healed with a hard ridge along the top, and I am seeing another injector to fix it.',
      ).outcome,
    ).toBe('fail');
    expect(
      outcome(
        4,
        'Filler in my chin to fix the asymmetry I have always hated. It looks balanced and still like my face.',
      ).outcome,
    ).toBe('pass');
  });

  it('lessens a complaint a phrase holds ("far less obvious") and drops one only imagined ("if ... I\'d")', () => {
    expect(
      outcome(
        1,
        'After two rounds of subcision my acne scars are far less obvious and my skin looks smoother.',
      ).outcome,
    ).toBe('fail');
    expect(
      outcome(
        1,
        "If anything had gone wrong I'd have been furious. Nothing did, my forehead is smooth and I look rested.",
      ).outcome,
    ).toBe('fail');
  });

  it('weighs complaints about recovering (drains, garments, downtime) as half, and reads a relapse as a complaint', () => {
    expect(outcome(4, 'Scar sits low enough for a swimsuit, though the drains were awful.').outcome).toBe(
      'pass',
    );
    expect(
      outcome(
        5,
        'The threads lifted my cheeks for a month, then everything fell right back and I can feel a knot.',
      ).outcome,
    ).toBe('fail');
  });

  it('reads losses and what others take the result for as outcomes', () => {
    expect(
      outcome(5, 'Half of the grafts fell out by month three and I came out with a patchy hairline.').outcome,
    ).toBe('fail');
    expect(
      outcome(
        1,
        'My coworkers keep asking if I lost weight, my jeans fit looser and I was back at the office in days.',
      ).outcome,
    ).toBe('fail');
  });

  it('knows the everyday words of judgement as well as the facts', () => {
    expect(
      outcome(5, 'Underwhelming and overrated. The result looks fake and the room was filthy.').outcome,
    ).toBe('fail');
    expect(
      outcome(1, 'My injector is a magician, I am ecstatic and finally confident in photos.').outcome,
    ).toBe('fail');
  });

  it('reads a return to routine and a relative following the reviewer in as praise', () => {
    expect(
      outcome(1, 'I went straight back to work after my Botox and my sister is booking her own appointment.')
        .outcome,
    ).toBe('fail');
    expect(outcome(2, 'By June I was back in my old jeans and the scars are tiny.').outcome).toBe('fail');
  });

  it('weighs healing that passed ("swollen for three days") as half a complaint', () => {
    expect(
      outcome(
        5,
        'Swollen and sore for three days, bruised for a week. Now it has settled and my nose looks great.',
      ).outcome,
    ).toBe('pass');
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
      { now: '2025-03-02', read: analyse, lean: readLearnedLean, doctor: null, signals: signalsOf(item) },
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
  const shingles = cases.map((c) => shingleHashes(analyse(c.body)));
  const judged = ['REV_DETAIL', 'REV_INCENTIVE', 'REV_NEAR_DUP', 'REV_MISMATCH'];

  const failedIds = cases.map((c, i) => {
    // Brute force stands in for the server's LSH index: every other case, exact Jaccard.
    const nearDuplicates = cases
      .map((_, j) => ({
        id: j + 1,
        doctorId: doctorIds.indexOf(cases[j].doctor) + 1,
        ...overlap(shingles[i], shingles[j]),
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
      lean: readLearnedLean,
      doctor: null,
      signals: signalsOf(item, { nearDuplicates }),
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

/**
 * The tricks of the blind evaluation set (tests/fixtures/eval/README.md), one test each, in the
 * words of its dev half: what the rule concludes and the words it shows the moderator.
 */
describe('the evaluation tricks', () => {
  const spansOf = (result: CheckedResult) => result.evidence?.spans?.map((span) => span.text) ?? [];
  const verdict = (ruleId: string, item: ReviewItem) => {
    const result = check(ruleId, item);
    expectSpansMatch(result, item);
    return { outcome: result.outcome, spans: spansOf(result), message: result.message };
  };
  const unverifiedPhone = { reviewerEmailVerified: true, reviewerPhoneVerified: false };

  describe('REV_INCENTIVE', () => {
    it('a chance to win, for posting', () => {
      const body =
        'The girls at the desk said posting here puts my name in the drawing for a year of free tox, so fingers crossed.';
      expect(verdict('REV_INCENTIVE', review({ body }))).toMatchObject({
        outcome: 'fail',
        spans: ['posting here puts my name in the drawing for a year of free tox'],
      });
    });

    it('something in kind, once the review went up', () => {
      const body =
        'They mailed me a full-size vial of their vitamin C serum as a thank-you once my review went up, so that was nice.';
      expect(verdict('REV_INCENTIVE', review({ body }))).toMatchObject({
        outcome: 'fail',
        spans: ['mailed me a full-size vial of their vitamin C serum as a thank-you once my review'],
      });
    });

    it('a fee forgone for something nice, which is conditioned on a positive review', () => {
      const body =
        "At checkout they said they'd knock the $150 consult fee off if I wrote something nice about the visit.";
      const result = verdict('REV_INCENTIVE', review({ body }));
      expect(result).toMatchObject({
        outcome: 'fail',
        spans: ['knock the $150 consult fee off if I wrote something nice'],
      });
      expect(result.message).toMatch(/positive review/);
    });

    it('a discount unrelated to the review, a denial, a wish and somebody else’s review all pass', () => {
      for (const body of [
        'Tried them because of the new-client special, $9 a unit for your first Botox visit.',
        'They have a stamp card where every sixth Hydrafacial is free, and today was my free one!',
        'I was NOT offered anything to write this, I want that clear because I know some clinics do that.',
        'They refunded my last two sessions weeks before I wrote anything here, and never asked me for anything in return.',
        "I'd leave ten reviews if it got me free Botox lol but sadly that's not a thing here.",
        'Their Google reviews are what got me in for the free consult, and I booked lip filler.',
      ]) {
        expect(verdict('REV_INCENTIVE', review({ body })), body).toMatchObject({ outcome: 'pass' });
      }
    });
  });

  describe('REV_INCENTIVE, indirectly phrased', () => {
    const outcome = (body: string) => check('REV_INCENTIVE', review({ body })).outcome;

    it('knows rewards and reviews by what they are, however named', () => {
      for (const body of [
        'The no-show fee just goes away if I leave them a review, they said.',
        'They said they would upgrade my peel to the deluxe one if I rated them well.',
        'Each review moves you up a loyalty tier, so I am writing one.',
        'Leaving feedback here knocks ten dollars off my membership this month.',
        'I was promised a jar of their night cream in return for a few kind words online.',
      ])
        expect(outcome(body), body).toBe('fail');
    });

    it('ties a reward to the review as its purpose, its condition, its past reason or what it brought about', () => {
      for (const body of [
        'They took 15% off my bill to post this, but I will be honest anyway.',
        'My discount on the second area was conditional on updating my stars.',
        "The nurse waived my follow-up charge because I'd posted about my visit here.",
        'They credit you $30 for every write-up, so here it is.',
      ])
        expect(outcome(body), body).toBe('fail');
    });

    it('reads a promise to review, reported, as undertaken and not a wish', () => {
      for (const body of [
        'They brought my bill down by eighty dollars when I said I would write something nice here.',
        'In appreciation of my glowing words here, they comped my next facial.',
        'My microneedling was discounted because I agreed to review it.',
      ])
        expect(outcome(body), body).toBe('fail');
      expect(outcome("I'd write ten reviews if it got me a free facial, but it doesn't here.")).toBe('pass');
    });

    it('ties a reward and a review told in sentences side by side by the words of a deal', () => {
      expect(outcome('They gave me a free LED session. All they asked was that I post about it here.')).toBe(
        'fail',
      );
      expect(
        outcome('The clinic offered me a free peel last spring. I am writing this because I loved it.'),
      ).toBe('pass');
    });

    it('passes rewards others got and ones only wished for', () => {
      for (const body of [
        'A coworker told me people get free facials for reviews at her spa. Not here, and my Botox is great.',
        'I wish clinics handed out gift cards for reviews, I would be rich. Anyway, lovely Dysport.',
      ])
        expect(outcome(body), body).toBe('pass');
    });
  });

  describe('REV_MISMATCH', () => {
    it('five stars on a complaint told without a word of sentiment', () => {
      const body =
        '40 units, forehead and 11s. Two weeks later my right eyebrow sits higher than the left. It is now week six and it has not settled.';
      expect(verdict('REV_MISMATCH', review({ rating: 5, title: 'forehead + 11s', body }))).toMatchObject({
        outcome: 'fail',
        spans: ['higher than the left', 'not settled'],
      });
    });

    it('one star on praise told without a word of sentiment', () => {
      const body =
        "Third round of Botox. Forehead is smooth, crow's feet are gone, and I don't look frozen. Already booked my next one for February.";
      expect(verdict('REV_MISMATCH', review({ rating: 1, title: '3rd round', body }))).toMatchObject({
        outcome: 'fail',
        spans: ['smooth', "crow's feet are gone", "n't look frozen", 'Already booked'],
      });
    });

    it('sarcastic praise on five stars reads as the complaint it is', () => {
      const body =
        "Oh great, 60 units and now I look tired in every photo. Can't get my eyelids past half-mast. Five stars, truly.";
      const result = verdict('REV_MISMATCH', review({ rating: 5, title: 'Botox', body }));
      expect(result).toMatchObject({ outcome: 'fail', spans: ['great', 'look tired'] });
      expect(result.message).toMatch(/sarcastic/);
    });

    it('an honest negative review, a mixed one, and praise of a fix for another provider’s doing all agree', () => {
      for (const [rating, body] of [
        [
          1,
          'The consult, the surgery, every step felt rushed. My nose is crooked and he told me a revision is not needed.',
        ],
        [
          1,
          "The receptionist was lovely, I'll give them that. But my lip filler migrated above my lip line within three weeks.",
        ],
        [
          5,
          'I was terrified of needles. Zero pain, no bruising, no headache afterwards, nothing bad to say.',
        ],
        [
          5,
          'I had horrible lips from a previous injector, lumpy and overfilled, and Dr. Hill dissolved them and rebuilt them.',
        ],
        [
          1,
          'Oh sure, "you will see results in a week." Three weeks later my forehead still moves. Thanks for nothing.',
        ],
        [
          5,
          'My original surgeon left my septum bent and one nostril pinched. Dr. Amari rebuilt both, and I wish I had gone to her first.',
        ],
      ] as const) {
        expect(verdict('REV_MISMATCH', review({ rating, title: '', body })), body).toMatchObject({
          outcome: 'pass',
        });
      }
    });
  });

  describe('REV_INCENTIVE, as a deal told in passing', () => {
    const incentive = (body: string) => verdict('REV_INCENTIVE', review({ title: '', body }));

    it('the tuning half reworded: a reward taken, published for, or had at cost', () => {
      for (const body of [
        "After you publish a review they mail you a $25 gift card, and I'm not going to turn that down. Great facial.",
        'Me dieron un peeling gratis a cambio de escribir esta opinión. Los labios quedaron naturales.',
        'In exchange for a video testimonial and this review, she charged me only what the filler cost her.',
      ])
        expect(incentive(body), body).toMatchObject({ outcome: 'fail' });
      for (const body of [
        'She explained each step before she did it and sent me a text after every session. Scars are half as deep.',
        'They billed two syringes but put in one and a half; it took three months to get that refunded.',
        'They credited back two sessions after the burn, weeks before I posted anything, and asked for nothing in return.',
      ])
        expect(incentive(body), body).toMatchObject({ outcome: 'pass' });
    });

    it('care added on, or money returned, for the review', () => {
      for (const body of [
        'They returned my consultation deposit as thanks for leaving a review. My Sculptra looks soft.',
        'The clinic threw two extra units into my Xeomin when I told them I would post a review.',
        'Review = complimentary brow tint next time. Anyway the Botox is doing its job.',
        'My lip flip is comped once this is posted, so thanks to the team.',
        // the practice refusing is no offer turned down
        'They refused to refund my deposit unless I posted a five-star review, so here it is.',
      ])
        expect(incentive(body), body).toMatchObject({ outcome: 'fail' });
    });

    it('a promise or a request to review, and the reward that followed it', () => {
      expect(
        incentive(
          'The manager asked me to post a review and my next peel is 30% off. The peel itself was easy.',
        ),
      ).toMatchObject({ outcome: 'fail', spans: ['post a review and my next peel is 30%'] });
    });

    it('an offer turned down, and a result the doctor gave, are no reward', () => {
      for (const body of [
        'They offered a $40 credit if I posted a review, and I turned it down. My laser sessions went well.',
        "I'm writing because Dr. Ames gave me a jawline I love after my chin filler.",
      ])
        expect(incentive(body), body).toMatchObject({ outcome: 'pass' });
    });
  });

  describe('REV_INCENTIVE, an offer taken up or turned down', () => {
    const incentive = (body: string) => verdict('REV_INCENTIVE', review({ title: '', body })).outcome;

    it('an offer the reviewer refuses in the next sentence is no reward, unless what was refused is another thing', () => {
      for (const body of [
        'The front desk promised a month of free LED masks if I wrote them up. I turned that down flat.',
        'They offered a $30 credit for leaving feedback. I passed.',
        'The spa hands out skincare kits for testimonials. I told them no and booked my next peel.',
        'The manager said reviewers get a bonus area of laser for free, and I did not take it.',
        'Reviewers get a free lash tint here; no thank you.',
        "They offer a spa voucher for reviews. I didn't take the voucher.",
      ])
        expect(incentive(body), body).toBe('pass');
      for (const body of [
        'The office gave me a free peel for my review. I declined the numbing cream though, and it stung.',
        'They gave me a free peel for my review. The pain passed quickly.',
        "They gave me a spa voucher for my review. I didn't get the results I wanted though.",
      ])
        expect(incentive(body), body).toBe('fail');
    });

    it('a fee forgone said with "no" is the reward', () => {
      expect(incentive('Got my touch-up at no charge since I agreed to write this.')).toBe('fail');
      expect(
        incentive("There was no charge for parking, and I'm posting this review to praise the nurses."),
      ).toBe('pass');
    });

    it('"if I\'d post" is the condition of an offer, "I would post if" a wish', () => {
      expect(
        incentive("The manager offered to extend my membership for free if I'd post about my results."),
      ).toBe('fail');
      expect(
        incentive('I would gladly post about my results if it got me a free membership, but no such luck.'),
      ).toBe('pass');
    });

    it('the practice telling the reviewer its terms is an offer, a neighbour telling of her clinic is not', () => {
      expect(incentive('The nurse told us that patients who leave a review get a bonus syringe.')).toBe(
        'fail',
      );
      expect(
        incentive('My neighbour told me patients who leave a review get a bonus syringe at her clinic.'),
      ).toBe('pass');
    });

    it('a condition of two verbs, the review done again by "it", and a gift sent home with the reviewer', () => {
      for (const body of [
        'They waive the booking fee if you sign in and write a review.',
        'The nurse showed me the feedback form and promised a free brow tint once I completed it.',
        'They sent us home with a tote of serums as a thank-you for the review.',
      ])
        expect(incentive(body), body).toBe('fail');
      for (const body of [
        'I got a free facial for my birthday and wrote a review.',
        'The feedback form was on my chair. They gave me a free lip balm once I finished my peel.',
        'They sent me home with ice packs and aftercare notes, and I am leaving this review because the nurse was kind.',
      ])
        expect(incentive(body), body).toBe('pass');
    });
  });

  describe('REV_INCENTIVE, an exchange named with the review as its other side', () => {
    const incentive = (body: string) => verdict('REV_INCENTIVE', review({ title: '', body })).outcome;

    it('whatever was given, in exchange or as thanks for the review', () => {
      for (const body of [
        'In return for this review the clinic sent me two tubes of their peptide cream.',
        'They mailed me a silk pillowcase as a thank you for writing this up.',
        'My compression garments were covered by the office in exchange for this testimonial.',
      ])
        expect(incentive(body), body).toBe('fail');
      for (const body of [
        'I got nothing in return for this review; I just want people to find a careful injector.',
        'This review is my thank you for the kindest nurse I have met.',
        'I am writing this in return for all the patience they showed me during recovery.',
      ])
        expect(incentive(body), body).toBe('pass');
    });

    it('a condition said "as soon as" or "on the understanding", and a review popped up', () => {
      for (const body of [
        'The coordinator said my next peel is half price as soon as this review goes up.',
        'My consult fee was waived on the understanding I would post a few lines here.',
        'My second session is on the house for popping this up.',
        'The surgeon will redo the tip at no extra cost once this review is live.',
      ])
        expect(incentive(body), body).toBe('fail');
      expect(
        incentive('As soon as this review goes up I am booking my next peel, which I pay for in full.'),
      ).toBe('pass');
    });
  });

  describe('REV_MISMATCH, told by what happened', () => {
    const rated = (rating: number, body: string) =>
      verdict('REV_MISMATCH', review({ rating, title: '', body }));

    it('one outcome said plainly is enough to contradict the stars', () => {
      expect(
        rated(
          5,
          'Four rounds of Emsculpt on my flanks, $2,800. No difference in the mirror or on the scale.',
        ),
      ).toMatchObject({ outcome: 'fail', spans: ['No difference'] });
      expect(
        rated(4, 'Fraxel on my cheeks for old acne marks. It left raised scars along my jaw.'),
      ).toMatchObject({
        outcome: 'fail',
        spans: ['raised scars'],
      });
    });

    it('praise told by sizes lost, clothes worn and others asking', () => {
      expect(
        rated(1, "Lipo on my belly in March. I dropped two sizes and wore a crop top to my cousin's party."),
      ).toMatchObject({ outcome: 'fail', spans: ['dropped two sizes', 'wore a crop top'] });
      expect(
        rated(2, 'Three sessions of PRP for thinning at my temples, and my barber asked what I had done.'),
      ).toMatchObject({ outcome: 'fail' });
    });

    it('irony the lexicon hears, over a complaint only the learned reading hears', () => {
      const result = rated(
        4,
        'My arms are the same size after three sessions, and when I asked for a refund I was told to reread the consent form. Lovely.',
      );
      // The learned reading is sure of this complaint, so it decides without the irony; the irony
      // reading's own limit is held to in the REV_MISMATCH tests above.
      expect(result).toMatchObject({
        outcome: 'fail',
        message: '4 stars, but its words read as a complaint.',
      });
      // The same cue over a text the learned reading takes for praise is no irony.
      expect(
        rated(5, 'I suppose I should have come years ago: my brows sit level and nobody at work can tell.'),
      ).toMatchObject({ outcome: 'pass' });
    });

    it('a lone word of praise after a complaint is sarcastic', () => {
      const result = rated(
        5,
        'Dysport for a brow lift. My left brow droops and my lid sits on my lashes. Fantastic.',
      );
      expect(result).toMatchObject({ outcome: 'fail' });
      expect(result.message).toMatch(/sarcastic/);
    });

    it("another patient's complaint, a problem nearly gone and the condition lived with agree with five stars", () => {
      for (const [rating, body] of [
        [
          5,
          'My coworker swore microneedling hurt like crazy, but mine felt like a light scratch and my pores look smaller.',
        ],
        [4, 'Laser hair removal on my upper lip. Results are good, still a couple of stray hairs.'],
        [5, 'I have terrible melasma on my forehead. Two sessions of a Cosmelan peel and it faded a lot.'],
        [5, 'Nobody asked me to write this. My tear trough filler looks natural and I look rested.'],
      ] as const) {
        expect(rated(rating, body), body).toMatchObject({ outcome: 'pass' });
      }
    });
  });

  describe('REV_INCENTIVE, a promise or a wish read over its whole clause', () => {
    const incentive = (body: string) => verdict('REV_INCENTIVE', review({ title: '', body })).outcome;

    it('a promise to whoever it was made is undertaken, a wish however long is not', () => {
      expect(
        incentive("Swore to the girl at reception I'd write this up, and they shaved $30 off my bill."),
      ).toBe('fail');
      expect(incentive("I'd post a hundred reviews if they took $30 off, but they never do.")).toBe('pass');
    });
  });

  describe('REV_INCENTIVE, conditions said in several words and rewards said as fees forgone', () => {
    const incentive = (body: string) => verdict('REV_INCENTIVE', review({ title: '', body })).outcome;

    it('"as long as", "on the condition that" and "provided" tie a reward to the review', () => {
      for (const body of [
        'The practice will pick up half the cost of my scar revision as long as I post a rating here.',
        'My aftercare kit charge was waived on the condition that I write up my visit on this site.',
        'Her assistant said my next peel is free provided I leave them a review.',
      ])
        expect(incentive(body), body).toBe('fail');
      // a condition that is not the review
      expect(
        incentive(
          'They waive the consult fee as long as you book within the month. I am posting this review unpaid.',
        ),
      ).toBe('pass');
    });

    it('care done without its fee is a reward, a fee charged without a refund is not', () => {
      expect(incentive("If I put up a glowing review they'll redo my chin without the injector's fee.")).toBe(
        'fail',
      );
      expect(
        incentive('They would not touch it up without a charge, so I left a review to warn people.'),
      ).toBe('pass');
    });

    it('gerunds in a row share their "for", and "you get" reaches a reward told to whoever reviews', () => {
      expect(
        incentive(
          'I got forty pounds of credit for sharing my before photo on their page and writing a review.',
        ),
      ).toBe('fail');
      expect(
        incentive(
          'The receptionist said to post a review and bring the screenshot in and you get a bonus treatment.',
        ),
      ).toBe('fail');
      expect(
        incentive('I wrote a review after my third session and then I got a cold sore, unrelated.'),
      ).toBe('pass');
    });

    it('a reward that comes with a request to review ties to the review written', () => {
      expect(
        incentive(
          'My goodie bag came with a printed card asking me to review the clinic, which is what this is.',
        ),
      ).toBe('fail');
      expect(
        incentive('They handed me a free sample of serum. Later an email asked me to review my visit.'),
      ).toBe('pass');
    });

    it('an offer turned down with its verb left out is no reward', () => {
      expect(
        incentive(
          "They offered me a spa voucher if I'd post a review there and then. I didn't, I waited a month.",
        ),
      ).toBe('pass');
      expect(
        incentive("They offered me a spa voucher if I'd post a review there and then. I did, happily."),
      ).toBe('fail');
    });
  });

  describe('REV_DETAIL', () => {
    it('names a treatment misspelt in its last vowel, the 11s, and devices known by brand', () => {
      for (const body of [
        'Had botax for the first time last week, soft and natural so far.',
        'Two units in my 11s and nothing else, looks soft and natural.',
        'Three rounds of Sofwave and I finally feel like myself again.',
      ])
        expect(verdict('REV_DETAIL', review({ title: '', body })), body).toMatchObject({ outcome: 'pass' });
      // a short name with an earlier letter changed is another word
      const loser = 'What a loser the receptionist was, honestly the worst visit of my entire life.';
      expect(verdict('REV_DETAIL', review({ title: '', body: loser }))).toMatchObject({ outcome: 'fail' });
    });

    it('knows gynecomastia, fat grafting, threads, under-eyes, the dorsum and filler dissolved', () => {
      for (const body of [
        'Gyno correction in May, and for the first time I wore a fitted shirt to the barbecue.',
        'The grafted fat over my gluteal area mostly held, with one dent on the left.',
        'Two of the threads poked through near my ear by week three, so I went back.',
        'My under-eyes stopped looking like bruises and my boss noticed before I said anything.',
        'The dorsum is straight now and I breathe better on the right than I have in years.',
        'Went in for a little plump, came out with a knot, and had it dissolved across town.',
      ])
        expect(verdict('REV_DETAIL', review({ title: '', body })), body).toMatchObject({ outcome: 'pass' });
    });

    it('a misspelt product or a treated area names the treatment', () => {
      expect(
        verdict(
          'REV_DETAIL',
          review({ title: '', body: 'Had restalyne for the first time, subtle lift, super happy with it.' }),
        ),
      ).toMatchObject({ outcome: 'pass', message: expect.stringContaining('"restalyne"') });
      expect(
        verdict(
          'REV_DETAIL',
          review({ title: '', body: "Six sessions on my underarms and I haven't shaved since June." }),
        ),
      ).toMatchObject({ outcome: 'pass', message: expect.stringContaining('"underarms"') });
    });

    it('long praise that names nothing, or names a body part only in a saying, fails', () => {
      for (const body of [
        'Dr. Bell and his staff are wonderful. Very caring, very thorough, always on time. I would recommend this practice to anyone.',
        'Her team held my hand through the whole thing and it cost an arm and a leg, but I finally feel like me.',
      ]) {
        expect(verdict('REV_DETAIL', review({ title: 'Recommend', body })), body).toMatchObject({
          outcome: 'fail',
        });
      }
    });
  });

  describe('REV_IDENTITY', () => {
    it('a provider named by first name, as the one who treats or beside the role', () => {
      const helena = review({
        ...unverifiedPhone,
        body: 'Helena took her time shaping my lips and kept handing me the mirror.',
      });
      expect(verdict('REV_IDENTITY', helena)).toMatchObject({ outcome: 'fail', spans: ['Helena'] });
      const britt = review({
        ...unverifiedPhone,
        body: "I was booked with Britt, the nurse injector, for crow's feet.",
      });
      expect(verdict('REV_IDENTITY', britt)).toMatchObject({ outcome: 'fail', spans: ['Britt'] });
    });

    it('a relative’s name, a place and a capitalised word opening a sentence name no provider', () => {
      for (const body of [
        'My sister Jessica recommended this office and my Botox looks natural.',
        'Drove in from Phoenix for my rhinoplasty consult and the imaging was really helpful.',
        'Recovery took about two weeks before I felt comfortable going out.',
      ]) {
        expect(verdict('REV_IDENTITY', review({ ...unverifiedPhone, body })), body).toMatchObject({
          outcome: 'pass',
        });
      }
    });
  });

  describe('REV_INCENTIVE, rewards put on an account and ties said as timing', () => {
    const incentive = (body: string) => verdict('REV_INCENTIVE', review({ title: '', body })).outcome;

    it('money on an account, a balance cleared, a package extended, a store card, care at no cost', () => {
      for (const body of [
        'The front desk is putting $40 on my account for this write-up.',
        'They cleared my balance from the last visit when I agreed to post this.',
        'My tab went to zero right after I forwarded them the link to this review.',
        'The spa extends your series by one session for anyone who reviews them.',
        'Got an Amazon card from the office for doing this, ha.',
        'They add a peel at no cost for patients who share their results online.',
        "I said I'd put a review up and she said in that case the numbing fee was waived.",
        'The office is mailing me a $60 voucher now that I have shared my photos here.',
        'They held off charging me for the serum until I had posted a review, then never charged me for it.',
        "When I mentioned I'd write a review, they took the consult fee off my next visit.",
      ])
        expect(incentive(body), body).toBe('fail');
    });

    it('an offer not taken up, and money on an account for another reason, are no reward', () => {
      for (const body of [
        "There is a 'review us for a free facial' card at the desk; I didn't take one.",
        "They handed me a QR code for $30 off if I reviewed them. I didn't scan it, and this is unpaid.",
        'Put $200 on my account as a deposit for the second Sculptra round; the first went well.',
        'My balance went to zero after my insurance paid for the scar revision.',
      ])
        expect(incentive(body), body).toBe('pass');
    });
  });

  describe('REV_MISMATCH, no change said as a measure and complaints about what was billed', () => {
    const mismatch = (rating: number, body: string) =>
      verdict('REV_MISMATCH', review({ rating, title: '', body })).outcome;

    it('a result exactly as before under five stars contradicts them', () => {
      for (const body of [
        'Eight laser sessions on my underarms and the hair grows back just as dark.',
        'Three weeks after the Botox my frown lines are exactly as deep as before.',
      ])
        expect(mismatch(5, body), body).toBe('fail');
    });

    it('a low rating for the bill, or for sarcasm, agrees with the text; a high one for what was cleared', () => {
      for (const body of [
        'Good result, cheeks lifted. But I was charged for four syringes when only three were opened, and nobody would show me the boxes.',
        'It works, the sweating stopped. I got a $900 bill without warning and nobody willing to help me.',
        "Love that I was told I'd barely feel the threads. I feel them every time I turn my head.",
        'Everyone here raves about her. My outer brows shot up and I had to go back for a correction.',
      ])
        expect(mismatch(2, body), body).toBe('pass');
      expect(
        mismatch(4, 'IPL cleared most of the sun spots on my hands; it stings, and numbing costs extra.'),
      ).toBe('pass');
    });
  });

  describe('REV_DETAIL, weight-loss medicines and tattoo lasers by name', () => {
    it('a review naming semaglutide, tirzepatide or PicoSure names its treatment', () => {
      for (const body of [
        'Semaglutide for five months, down 26 lbs, and the dose was stepped up carefully.',
        'Tirzepatide for three months and ten pounds down, slower than I hoped but steady.',
        'Eight sessions of PicoSure on my forearm and the old tattoo is a faint shadow now.',
      ])
        expect(verdict('REV_DETAIL', review({ title: '', procedure: '', body })).outcome, body).toBe('pass');
    });
  });

  describe("REV_INCENTIVE, other clinics' rewards, denials in a list and offers ignored", () => {
    const incentive = (body: string) => verdict('REV_INCENTIVE', review({ title: '', body })).outcome;

    it('a reward someone else gave, denied, or left unused is none', () => {
      for (const body of [
        'My old med spa entered you in a prize draw for posting; this office just hands you aftercare.',
        "My sister's dermatologist gives a free peel for any review. Not here, and good.",
        'A different practice refunded my consult fee in exchange for reviewing them. This one: no bribes.',
        'A clinic down the street gives a free lip flip if you post a review, which is why I left.',
        'For the record, I received no compensation, discount or consideration for this review.',
        'They texted me $30 off for a screenshot of my review. Ignored it.',
        "They said they'd knock 10% off if I reviewed them; I'd only write one without the discount.",
        "A follow-up email said reviews earn a raffle ticket. I'm not entering.",
        "Oh sure, they paid me millions to write this. They didn't. Nobody did.",
      ])
        expect(incentive(body), body).toBe('pass');
    });

    it("the practice's own office named after its doctor is still the one rewarding", () => {
      expect(incentive("Dr. Yilmaz's office is sending me a $75 gift card now that I've posted this.")).toBe(
        'fail',
      );
    });
  });

  describe('REV_INCENTIVE, perks named loosely and reviews misspelt', () => {
    const incentive = (body: string) => verdict('REV_INCENTIVE', review({ title: '', body })).outcome;

    it('a perk however it is called, tied to the review however it is spelt', () => {
      for (const body of [
        'Update: they emailed me a code for 10% off once they saw this posted.',
        'The sign at the desk says a review here equals a brow tint add-on next visit.',
        'Got a free lash lift out of posting this, no complaints.',
        "They're comping my follow-up because I'm posting this.",
        "They said they'd take care of me next time if I wrote something nice. So here it is.",
        'they said leave a revew and u get a full size bottle of serum so heres my revew',
        'The receptionist said reviewers get bumped to the premium facial for the price of the basic one.',
        'Only posting cuz they hooked me up with a free syringe lol.',
        'Reviewers get early access and lower pricing on new treatments, and I am on the list now.',
      ])
        expect(incentive(body), body).toBe('fail');
    });

    it('the same words with no review behind them are no reward', () => {
      for (const body of [
        'My membership gets me early access and lower pricing on new treatments.',
        'They took care of me next time too; the touch-up is included for everyone.',
      ])
        expect(incentive(body), body).toBe('pass');
    });
  });
});

describe('REV_INCENTIVE, credit given where it is due', () => {
  it('reads "credit where it\'s due" as praise, not an account credit', () => {
    const body =
      "Credit where it's due, the nurse at my post-op check was lovely. But my jawline is uneven and nobody will fix it.";
    expect(check('REV_INCENTIVE', review({ rating: 2, body })).outcome).toBe('pass');
  });
});

describe('REV_INCENTIVE: samples for the review', () => {
  it('reads samples given for the review as a reward, and samples given for a peel as none', () => {
    const given = check(
      'REV_INCENTIVE',
      review({
        body: 'VI Peel for melasma, faded a lot. Got a bag of SkinMedica samples for leaving this review.',
      }),
    );
    expect(given.outcome).toBe('fail');
    expect(given.evidence?.spans?.map((s) => s.text)).toEqual(['samples for leaving this review']);
    const kind = 'VI Peel for melasma, faded a lot. The nurse gave me sunscreen samples to try after it.';
    expect(check('REV_INCENTIVE', review({ body: kind })).outcome).toBe('pass');
  });
});

describe('REV_INCENTIVE: a hamper after the review, and a cost taken off once it was promised', () => {
  it.each([
    'Lovely lower lid result. A hamper turned up two days after I posted my review, with a thank-you card.',
    'Good filler. They took the price of my numbing cream and the aftercare kit off the bill once I agreed to write this review.',
  ])('catches "%s"', (body) => {
    expect(check('REV_INCENTIVE', review({ body })).outcome).toBe('fail');
  });

  it('leaves a hamper that is no reward for the review alone', () => {
    const body = 'My rhinoplasty healed well. My sister sent a hamper to the ward the day after surgery.';
    expect(check('REV_INCENTIVE', review({ body })).outcome).toBe('pass');
  });
});

describe('REV_MISMATCH: progress denied in an idiom', () => {
  it('hears "didn\'t make a dent" and "can\'t see any difference" as complaints', () => {
    const none =
      "Three sessions of fractional laser and it didn't make a dent in my acne scars. I can't see any difference at all.";
    const title = 'Fractional laser';
    const fiveStars = check('REV_MISMATCH', review({ rating: 5, title, body: none }));
    expect(fiveStars.outcome).toBe('fail');
    expect(fiveStars.evidence?.spans?.map((s) => s.text)).toEqual([
      "n't make a dent",
      "n't see any difference",
    ]);
    // The front desk praised beside the result denied: two stars agree.
    const granted = `Booking was easy and the nurse was kind. ${none}`;
    expect(check('REV_MISMATCH', review({ rating: 2, title, body: granted })).outcome).toBe('pass');
  });
});

describe('REV_MISMATCH: plain words of outrage and delight, and outcomes told as they are', () => {
  it.each([
    [5, 'Absolute disgrace. The filler went into a vessel and the hospital had to sort it out.'],
    [
      5,
      'Eight thousand on the tummy tuck and my belly button is off centre. The incision opened at week three.',
    ],
    [5, 'Two years of laser resurfacing and I am back to square one with the same scars.'],
    [1, 'The lip lift scar is invisible now and I show my top teeth when I talk. Over the moon.'],
  ])('reads %i stars over "%s" as a contradiction', (rating, body) => {
    expect(check('REV_MISMATCH', review({ rating, title: 'My treatment', body })).outcome).toBe('fail');
  });
});

describe('REV_INCENTIVE: a thank-you after the reviewer posted', () => {
  it('ties a thank-you gift to "after I posted", and leaves a post about something else alone', () => {
    const thanked =
      'Lovely peel, skin is glowing. They sent me a bottle of their serum as a thank-you after I posted.';
    expect(check('REV_INCENTIVE', review({ body: thanked })).outcome).toBe('fail');
    const other =
      'I posted my before photos on Instagram after the peel. Got a sunscreen sample at the desk like everyone.';
    expect(check('REV_INCENTIVE', review({ body: other })).outcome).toBe('pass');
  });
});
