import { describe, expect, it } from 'vitest';
import {
  cautions,
  closers,
  honestByProcedure,
  openers,
  type ViolationKind,
  violationRules,
  violations,
} from '../../server/seed/answerText';
import type { RuleResult } from '../../src/domain/model';
import { npiCheckDigit } from '../../src/domain/npi';
import { analyse } from '../../src/domain/language/analysis';
import { readLearnedClaim } from '../../src/domain/rules/learnedClaims';
import { answerRules } from '../../src/domain/rules/answers';
import {
  type AnswerContext,
  type CheckedResult,
  type KnownDoctor,
  runRules,
  type TextSpan,
} from '../../src/domain/rules/engine';
import cases from '../fixtures/answers.json';

const now = '2026-11-01T00:00:00Z';

function run(
  body: string,
  question = '',
  procedure = '',
  doctor: KnownDoctor | null = null,
): CheckedResult[] {
  const context: Omit<AnswerContext, 'setting'> = {
    doctor,
    question: { title: question, body: '', procedure },
    now,
    read: analyse,
    claim: readLearnedClaim,
  };
  return runRules(answerRules, { id: 1, doctorId: 1, questionId: 1, body, createdAt: now }, context, {});
}

const resultOf = (results: CheckedResult[], ruleId: string) => results.find((r) => r.ruleId === ruleId)!;
const failedIds = (results: CheckedResult[]) =>
  results.filter((r) => r.outcome === 'fail').map((r) => r.ruleId);
const spansOf = (result: CheckedResult) => result.evidence?.spans ?? [];

/** Runs one rule and checks that every span it reports is the text at its offsets. */
function check(ruleId: string, body: string, question = 'Is Botox worth it?'): CheckedResult {
  const result = resultOf(run(body, question), ruleId);
  for (const span of spansOf(result)) {
    expect(span.field).toBe('body');
    expect(body.slice(span.start, span.end)).toBe(span.text);
  }
  return result;
}

const spanTexts = (result: CheckedResult) => spansOf(result).map((s: TextSpan) => s.text);

describe('ANS_PERMANENT_CLAIM', () => {
  it.each([
    // A stretch of time longer than a toxin or filler lasts.
    'Voluma in the cheeks lasts ten years or more in my hands.',
    'Dysport in the forehead? You will still be smooth decades from now.',
    'My Botox regulars have not needed a top-up in five years.',
    // A claim that covers every option just named.
    'A lift needs a week off; Restylane needs a lunch hour. Either way, the change is permanent.',
    // A negation in an earlier clause does not cancel the denial.
    "Xeomin isn't a yearly chore, because it doesn't wear off at all.",
    // "Non-surgical rhinoplasty" is filler, so its result is the filler's.
    'Juvederm is my choice for non-surgical rhinoplasty, and the shape lasts a lifetime.',
  ])('catches "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('fail');
  });

  it.each([
    'Xeomin will not wear off for a few months.',
    'Lip filler usually lasts about a year.',
    'I have been injecting Botox for the last twelve years.',
    'Botox has been used in medicine for decades.',
    // "filler" said of a permanent product is that product.
    'Silicone is the one filler meant to last forever.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('pass');
  });

  it('reads how long a result may be said to last from its setting', () => {
    const body = 'Restylane Lyft in the cheeks lasts three years.';
    const context: Omit<AnswerContext, 'setting'> = {
      doctor: null,
      question: { title: '', body: '', procedure: '' },
      now,
      read: analyse,
      claim: readLearnedClaim,
    };
    const item = { id: 1, doctorId: 1, questionId: 1, body, createdAt: now };
    const at = (threshold: number) =>
      resultOf(
        runRules(answerRules, item, context, { ANS_PERMANENT_CLAIM: { enabled: true, threshold } }),
        'ANS_PERMANENT_CLAIM',
      ).outcome;
    expect(at(24)).toBe('fail');
    expect(at(48)).toBe('pass');
  });

  it('points at the words that claim a toxin is permanent', () => {
    const result = check(
      'ANS_PERMANENT_CLAIM',
      'Thanks for asking. Botox gives permanent results after three visits.',
    );
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    expect(result.message).toBe('Claims Botox results are permanent');
    expect(spanTexts(result)).toEqual(['permanent']);
    expect(result.evidence?.spans?.[0].start).toBe(31);
  });

  it('reads a claim without a product name as being about the treatment asked about', () => {
    const result = check(
      'ANS_PERMANENT_CLAIM',
      'My patients find the results last a lifetime.',
      'How long does lip filler last?',
    );
    expect(result.message).toBe('Claims filler results are permanent');
    expect(spanTexts(result)).toEqual(['last a lifetime']);
  });

  it.each([
    'There is no permanent Botox; the effect fades in three to four months.',
    'It will not be permanent, but regular treatment can stretch the time between visits.',
    'Nothing is truly permanent in aesthetics.',
    'Be wary of clinics that claim permanent results from Botox.',
    'Surgery results are long-lasting, unlike Botox.',
    'Permanent filler like Bellafill exists, but I rarely use it.',
    'Is Botox permanent? No.',
    'Some injectors say tox lasts forever, but that is false.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('pass');
  });

  it('does not read a claim about a lasting treatment as one about the toxin asked about', () => {
    expect(
      check('ANS_PERMANENT_CLAIM', 'A facelift is permanent in the sense that tissue is moved.').outcome,
    ).toBe('pass');
  });
  it.each([
    'If you keep your appointments, after two rounds the frown lines are gone forever.',
    'If you do it right, Xeomin lasts forever.',
  ])('reads the consequence of a real condition as claimed: "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('fail');
  });

  it.each([
    'If Dysport were permanent, a heavy brow would be permanent too.',
    'If you want something permanent, filler is not it.',
    'If it is placed well, filler could last forever, but it does not.',
  ])('reads an unreal or denied condition as no claim: "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('pass');
  });
});

describe('ANS_GUARANTEE', () => {
  it('reports every promise in the answer', () => {
    const result = check(
      'ANS_GUARANTEE',
      'It is completely painless and risk-free. I guarantee you will love it.',
    );
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toEqual(['painless', 'risk-free', 'I guarantee', 'you will love']);
    expect(result.message).toBe('Promises the treatment is painless');
  });

  it.each([
    'No procedure is risk-free.',
    "I can't guarantee a result without examining you.",
    'Anyone who promises no side effects is not being straight with you.',
    'There is no such thing as a completely safe treatment.',
    'Most patients find it nearly painless.',
    'There are no guarantees in surgery.',
    // Certainty of a harm is a warning; a lasting harm denied says the effect wears off.
    'You will have a little swelling for a day or two, no doubt.',
    'Toxin does not cause lasting damage to the nerve; it wears off.',
    // A harm denied as the aim of advice.
    'The two treatments must be spaced out so you do not end up with droopy lids.',
    // A promise limited to honesty, and "certain" meaning "some".
    'The one guarantee I can offer is that I will be straight with you about risks.',
    'My only guarantee is an honest consult and a written plan.',
    'Microneedling works best for certain scars.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });

  it.each([
    // Certainty as a noun or a figure.
    'Smooth skin after this is a given with Xeomin.',
    'Absolutely, 100%. It melts every fat pad it touches.',
    'You will be 100% symmetrical afterwards.',
    'Your crow’s feet will be completely gone, every time.',
    // A harm said to amount to nothing.
    'With my cannula technique the chance of bruising is zero.',
    // A harm named before, denied through a pronoun.
    'Droopy lids come from careless dosing. In my practice it simply cannot happen.',
    // A report's framing stops at "but".
    'I know what the forums say, but with me nothing can go wrong.',
    // A certain future of the result, an absolute state, certainty tagged on at the end.
    'This device will certainly melt the fat on your flanks.',
    'The incision line will be undetectable once it heals.',
    'Your jawline will look flawless in photos.',
    'These injections will absolutely shrink the pad under your chin.',
    'You will drop two dress sizes by summer, no doubt.',
    // "most" ranking, not hedging, beside a denied harm.
    'I am the most gentle injector in Tampa and my clients never swell.',
  ])('catches the promise in "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });

  it.each([
    // The promise word misspelt.
    'Results are gauranteed after two sessions.',
    // Every patient as the measure, or none who failed by a double negation.
    'This laser worked for every rosacea client I have seen.',
    "In fifteen years I have never met a client who wasn't thrilled.",
    // The very result the reader pictured, a certainty of the reader's own, a figure in words.
    'You will walk out with precisely the jawline you pictured.',
    'You are certain to see a slimmer jaw.',
    'The take rate is one hundred percent.',
    // Absolute safety, and freedom from a harm.
    'These threads are totally harmless.',
    'Your peel leaves you free of any scarring.',
    // A stance before a noun describes it and frames nothing.
    'With a cautious injector there are no lumps.',
    // A complication the writer's own practice is said to rule out.
    'In my hands, a hematoma simply does not occur.',
  ])('catches the promise in "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });

  it.each([
    'Nothing is guarenteed in medicine.',
    'It does not work for every patient, so we test a small area first.',
    'Bring photos so I can see exactly what you want.',
    'I promise to see you again at two weeks.',
    'Nobody can promise one hundred percent.',
    'The threads dissolve, but they are not completely harmless.',
    // A negative promise denied in turn, and a harm one is not free of.
    'A clean record still does not mean zero risk.',
    'No filler is free of risk, and this one can leave lumps.',
    // A chance to do something is an opportunity, not a likelihood of harm.
    'Toxin gives the muscle no chance to crease the skin.',
    // A stance as a predicate still warns; a promise word held up and refused.
    'Be wary of anyone who says there are no complications.',
    'Risk-free is not a term I would use for surgery.',
    // What is slow to appear is not ruled out.
    'With my technique, the final contour does not appear for a few months.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });

  it.each([
    // Quoted in single quotes, as an advertisement's words.
    "'Painless' is how the ads put it, but most people feel a pinch.",
    // The harm is what someone else fails to understand, not what is denied.
    'Nobody at the chain clinics takes swelling seriously enough.',
    // Saying a product is no exception to a rule.
    'Nothing injectable is permanent, and Radiesse is no exception.',
    // A denied happening with no harm named before it.
    'We start with a low dose. It does not happen overnight, so be patient.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });
  it.each([
    'Outcomes are assured once we finish the second round of microneedling.',
    'Each single client leaves my chair thrilled with their new lips.',
    'Done properly, Kybella works every single time, though you will swell for a few days.',
  ])('finds a promise in "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });

  it.each([
    'Nausea after a GLP-1 dose is common. My patient in his 40s feels it every single time.',
    'Outcomes are never assured with lasers, which is why we test a small patch first.',
  ])('finds no promise in "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });
});

describe('ANS_SUPERIORITY', () => {
  it.each([
    // A rank without its noun, in a place, about the writer's own.
    'Our clinic is simply the top-rated in Boise.',
    'Theirs are fine, but ours are the finest in Reno.',
    // Against all the others.
    'We place more cheek filler than every other office in Utah put together.',
    'No injector in this county has done more lip flips than I have.',
    'Nobody in Tulsa handles filler nodules the way we do.',
    'You will not see better jawlines anywhere in Denver.',
    // Someone else's praise, taken up.
    'My regulars keep saying I am the number one injector in Fresno, and they are right.',
    // Praise the writer's own patients give, passed on.
    "My patients tell me I'm the most careful injector they have ever seen, so relax.",
    // Perfect tense, and the writer's own providers as the subject.
    'We have been the busiest for lip filler since 2012.',
    'Our nurses are the finest at lip flips, full stop.',
    // A title of standing over a field.
    'I am widely known as the queen of tear troughs.',
    'Our practice is the acknowledged leader in thread lifts across the state.',
    // Outdoing every other provider; few if any matching the writer.
    'Our clinic outclasses any other med spa on complication rates.',
    'Few, if any, injectors can rival our Sculptra numbers.',
    'Hardly anybody can equal our track record with brow lifts.',
    'No one else around here has our experience with vascular occlusions.',
    // A better provider said not to exist anywhere; a lip artist ranked.
    "You won't find a more meticulous surgeon anywhere on the coast than the ones on our team.",
    'Our injector Mina is the most gifted lip artist in the county.',
  ])('catches "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    'Ask around for the best in your area and check their credentials.',
    'Some clinics claim to be the top-rated in Boise; reviews can be bought.',
    'The best approach in Reno or anywhere is a conservative first dose.',
    // Praise that is not of the writer, a company's standing, and others who can match the writer.
    'My patients tell me the best injector is the one who explains things.',
    'Galderma is the leader in toxins outside the US, but brand matters less than dosing.',
    'Other injectors can match our results when they use the same cannula technique.',
    'You may find a more experienced surgeon for revisions, and I am glad to refer you.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });

  it.each([
    // A superlative of quality without its noun, a facility ranked, a provider after its field.
    'Our practice is the gentlest in all of Ohio.',
    'We run the foremost laser institute in New England.',
    'Our team outshines every other breast surgeon in Ohio.',
  ])('catches "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    // A superlative that can be checked, and one of the reader's area.
    'Our clinic is the oldest in town.',
    'The safest in your area is whoever is board certified.',
    'Every other facial surgeon in Ohio can do this well.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });

  it.each([
    // Better than the others, said of oneself or of one's work, with the comparison spelled out.
    "Honestly, I'm a better surgeon than the chains down the road.",
    'Nobody in this county fixes migrated filler better than we do.',
    'My nonsurgical rhinoplasty outperforms every other one sold in Phoenix.',
    'Our laser outcomes are in a different league from the spas nearby.',
    "There isn't an injector in this state with my record on tear troughs.",
    'For the finest rhinoplasty surgery in the state, you are in the right office.',
  ])('catches "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    // Comparisons that rank no provider: a product against products, the reader knowing better.
    'Tretinoin outperforms every other over-the-counter retinoid for fine lines.',
    'You know your own face better than I do, so bring photos.',
    "There isn't a surgeon who can promise zero scarring.",
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });

  it('highlights the whole ranking, place included', () => {
    const result = check('ANS_SUPERIORITY', 'Honestly, I am the best injector in Dallas.');
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(spanTexts(result)).toEqual(['I am the best injector in Dallas']);
  });

  it.each([
    ['#1 surgeon', 'Trust the #1 surgeon for rhinoplasty.'],
    ['top rated clinic in Dallas', 'We are proud to be the top rated clinic in Dallas.'],
    ['nobody does lips better than me', 'Truthfully, nobody does lips better than me.'],
    ['best results in town', 'We get the best results in town with Voluma.'],
  ])('finds "%s"', (text, body) => {
    expect(spanTexts(check('ANS_SUPERIORITY', body))).toEqual([text]);
  });

  it.each([
    'The best approach is to wait two weeks.',
    'The best way to know is an exam.',
    'Best results come from a conservative start.',
    'The best surgeon for you is one who listens.',
    'Choose the most experienced injector you can find.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });
  it.each([
    'Honestly, no one outdoes our rhinoplasty results, and I trained at two of the big programs.',
    'Other practices send me their botches most weeks, so I have seen far worse than yours.',
    "I'm the surgeon other surgeons turn to when a revision goes wrong.",
    'Ask anybody in Midtown who does the softest brows and you will get my name.',
  ])('finds peers deferring and rivals outdone in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    'Other dermatologists refer patients to me for lasers, which is how most of my practice began.',
    'Nobody outdoes a surgical lift for lasting results, so consider it if you want years.',
  ])('leaves referrals and techniques alone in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });

  it.each([
    // Any comparative against all the others, a noun left out or the others named by a pronoun.
    'Our bruise rate is lower than that of any other clinic in Austin.',
    'With my cannula method, lips hold their shape longer than anywhere else in Tucson.',
    'I get smoother results than the chains on Route 9 do.',
    "There's no better clinic in the valley for tear troughs than ours.",
    "You simply won't find work this natural anywhere else.",
    'Nobody else achieves the results we get with Sculptra.',
    // A field led, a share of the others outdone, a superlative of any quality.
    'Our group has led the state in facial balancing since 2015.',
    'We sit near the top of the profession for natural lips.',
    'Our platinum status puts us ahead of 98% of injectors in the country.',
    'I have the gentlest hands in the business.',
    // Praise reported and taken up; peers coming to the writer from further off.
    'Patients call me the magician of cheeks, and the photos back it up; my work is unmatched.',
    "I'm the injector other nurses in the county come to for their own Botox.",
  ])('finds superiority without a rank in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    'Xeomin lasts no longer than any other toxin in my experience.',
    'Sunscreen does more for your skin than any other product I could sell you.',
    'For some of my patients results last longer than the label says.',
    'No one else can make this decision for you.',
    'Allergan has led the market in toxins for decades.',
  ])('leaves comparisons of products and other leads alone in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });
});

describe('ANS_OFFLABEL', () => {
  it.each([
    'Lip flips are part of Botox’s approved label.',
    // Products of the label table beyond injectables.
    'Spironolactone is FDA-approved for cystic acne, so we start most women on it.',
    'Propecia is approved for hair loss in women after menopause.',
    'Oral minoxidil is FDA-cleared for hair loss now.',
    'Hyaluronic filler is approved for breast augmentation these days.',
    // Approval in other words.
    'Jawline Botox is the licensed treatment for bruxism.',
    // A licence named with its country, a use by its clinical name.
    'Botox is licensed in Ireland for jaw slimming now.',
    'Platelet-rich plasma has been FDA approved for androgenetic alopecia for years.',
    'Jeuveau is indicated for platysmal bands as well.',
    // A product of a family labelled for fewer uses than the family.
    'Juvederm Ultra is approved for tear troughs now.',
  ])('catches "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('fail');
  });

  it.each([
    // The negation falls on the subject or the agency.
    'No toxin is FDA-approved for the calves; it is done off-label.',
    "Xeomin isn't FDA-approved for a gummy smile.",
    // Each claim speaks of the uses after its own product.
    'Voluma is approved for the cheeks and the chin, and Restylane Lyft is approved for cheeks as well.',
    // Clauses between semicolons make their own claims.
    'Kybella is approved for fat under the chin; jowl use is off-label.',
    'Wegovy is approved for weight loss; Ozempic is approved for type 2 diabetes.',
    // A claim ends where the next claim's product is named.
    'Ozempic is approved for type 2 diabetes and Wegovy is the version approved for chronic weight management.',
    // A name that holds another use's word: the hands, not skin quality.
    'Radiesse is FDA approved for hand rejuvenation, and so is Restylane Lyft.',
    'Skinvive is approved to smooth the skin of the cheeks; it is labelled for skin smoothness.',
    'Fractional CO2 lasers are FDA cleared for acne scars and skin resurfacing.',
    // A use denied where it is named.
    'Latisse is approved for lashes, and eyebrows are an off-label use.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('pass');
  });

  it.each([
    // What an approval is said to take in, and approval in everyday words about the use before.
    "Xeomin's clearance extends to the masseters now.",
    'Sweaty palms respond well to toxin. It is a use the FDA has signed off on for Botox.',
    // A product outside the injectables, labelled for something else.
    'Lysteda is FDA approved for melasma.',
  ])('catches "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('fail');
  });

  it.each([
    "Voluma's approval covers the chin as well as the cheeks.",
    "Crow's feet soften in a week. It's a use the FDA signed off on for Botox.",
    'Lysteda is FDA approved for heavy periods.',
    // A family word said of a product stands for the product, not for hyaluronic acid.
    'PMMA is a permanent filler cleared for acne scars.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('pass');
  });

  it('names the product and the use it was never approved for', () => {
    const body = 'Yes. Botox is FDA approved for slimming the jawline.';
    const result = check('ANS_OFFLABEL', body);
    expect(result.message).toBe('Says Botox is approved for jaw slimming, which is off-label');
    expect(spanTexts(result)).toEqual(['FDA approved for slimming']);
  });

  it('checks each use in a list of them', () => {
    const result = check('ANS_OFFLABEL', 'Kybella is FDA approved for the chin and the jowls.');
    expect(result.message).toBe('Says Kybella is approved for jowls, which is off-label');
  });

  it.each([
    'Using Botox for a lip flip is off-label.',
    'Botox is not FDA approved for the masseter.',
    'No filler is approved for the nose.',
    "Botox Cosmetic is approved for crow's feet, but the lip flip is off-label.",
    'Restylane Kysse is approved for the lips.',
    'Xeomin is approved for forehead lines and frown lines.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('pass');
  });
  it.each([
    'Mounjaro is approved for type 2 diabetes, so using it just for weight loss would be off-label.',
    "Xeomin's approvals take in frown lines and crow's feet, not the masseters, so masseter slimming is off-label.",
    'For the hands Sculptra is off-label use, the approval is for the face.',
  ])('reads a use called off-label as no approval claim: "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('pass');
  });

  it('still reads a use the approval is extended to in a consequence', () => {
    expect(
      check('ANS_OFFLABEL', 'Kybella is approved for fat under the chin, so the jowls are covered too.')
        .outcome,
    ).toBe('fail');
  });
});

describe('ANS_PROMO', () => {
  it.each([
    // A local number introduced as the practice's.
    'Happy to help. Our front desk line is 555-2468.',
    // A deal in figures, at the writer's practice.
    'We do 3-for-2 on lip syringes at my clinic.',
    // An offer with a deadline or a limited number needs no "we".
    'The first 5 bookings this week get a free touch-up.',
    'Esta semana tenemos 2 jeringas con descuento, solo hasta el viernes.',
    // A free treatment offered where the writer speaks of their own practice.
    'At mine, anyone who refers a friend gets a free vial of skin booster.',
  ])('catches "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('fail');
  });

  it.each([
    // Others come to the writer; the reader is not invited.
    'People fly in from Alaska to see me, which says more about Alaska than me.',
    // Other providers' offers, described.
    'Many med spas run 2-for-1 nights, and cheap toxin is often diluted.',
    // A number that is not a phone number.
    'Your dose went from 20 units in 2019-2020 to 24 now.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('pass');
  });

  it.each([
    // A price with a deadline is an offer; a price alone, or others' naming of the writer, is not.
    ['This spring we are doing lip filler at $450 a syringe.', 'fail'],
    ['I charge $12 a unit, which is about average.', 'pass'],
    ['My peers call me the top brow surgeon in Austin.', 'pass'],
    ['Please call me if you notice any swelling.', 'fail'],
  ])('reads "%s" as %s', (body, outcome) => {
    expect(check('ANS_PROMO', body).outcome).toBe(outcome);
  });

  it.each([
    ['(555) 201-4477', 'Call (555) 201-4477 today.'],
    ['555.201.4477', 'My cell is 555.201.4477 if you need it.'],
    ['+1 555 201 4477', 'Reach the front desk on +1 555 201 4477.'],
    [
      'five five five, two zero one, four four seven seven',
      'Dial five five five, two zero one, four four seven seven.',
    ],
    ['glowclinic dot com', 'Photos are on glowclinic dot com if you want them.'],
    ['glowclinic[.]com', 'Photos are on glowclinic[.]com if you want them.'],
    ['www.glow-clinic.net', 'Photos are on www.glow-clinic.net if you want them.'],
    ['info at glowclinic dot com', 'Write to info at glowclinic dot com for details.'],
    ['use code GLOW20', 'Please use code GLOW20 when you book.'],
    ['20% off', 'There is 20% off this month.'],
    ['DM me', 'Happy to help, DM me.'],
  ])('points at %s', (text, body) => {
    const result = check('ANS_PROMO', body);
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toEqual([text]);
  });

  it.each([
    'Botox usually costs $10-20 per unit.',
    'A syringe of filler runs $600 to $900 in most cities.',
    'Ask your own injector to call you if anything changes.',
    'Most people need 20 to 30 units between the brows.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('pass');
  });
  it.each([
    'We take CareCredit financing, and our Radiesse price is $900 a syringe.',
    'She reacted to lidocaine before, so we used an anaesthetic-free product with ice instead.',
    'Tear-trough swelling like yours is most of what I see in my eyelid clinic.',
    'My patient @maya.heals.slowly posted her whole recovery, with her permission.',
  ])('finds no promotion in "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('pass');
  });

  it('still finds financing on offer terms', () => {
    expect(check('ANS_PROMO', 'We offer 0% financing on Sculptra, our price is $850 per vial.').outcome).toBe(
      'fail',
    );
  });
});

describe('ANS_PHI', () => {
  it.each([
    ['Sarah Jones', 'My patient Sarah Jones had the same worry.'],
    ['Mrs. Alvarez', 'Mrs. Alvarez came in last week.'],
    ['Karen', 'A 34-year-old teacher from Plano I treated, Karen, had the same issue.'],
  ])('points at %s', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.message).toBe(`Names a patient: ${text}`);
    expect(spanTexts(result)).toContain(text);
  });

  it.each([
    // A case the writer had, or one of theirs.
    ['Lucia', 'I had a case like this in the spring - Lucia, the one who teaches piano on Oak Lane.'],
    ['Priya', 'One of mine, Priya, sings with the county choir and hardly bruised at all.'],
  ])('names %s as a patient by the care around the name', (text, body) => {
    expect(check('ANS_PHI', body).message).toBe(`Names a patient: ${text}`);
  });

  it.each([
    // Someone's own treatment, with no "my patient": had hers done, her filler with me.
    ['J.P.', 'J.P., who runs the hardware store, had hers done last spring and loved it.'],
    ['Nadia Ruiz', 'Here is a photo of Nadia Ruiz a month after her jawline filler with me.'],
    ['Omar Haddad', 'Omar Haddad, a client of six years, never bruises at all.'],
    // A role tied to a named place or event, seen in the writer's care.
    [
      'the treasurer of the Oakmont Garden Club',
      'Last Tuesday I saw the treasurer of the Oakmont Garden Club in our clinic with a heavy brow.',
    ],
    [
      'The florist on Birch Road',
      'The florist on Birch Road blistered after a peel in our treatment room in 2023.',
    ],
  ])('identifies %s by their treatment or a unique role', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toContain(text);
  });

  it.each([
    // A record number or a date of birth singles someone out with no name.
    ['chart #55120', 'Reviewing chart #55120 this morning, the dose had crept up at every visit.'],
    ['born 3/22/1968', 'One woman, born 3/22/1968, reacted the same way to her second vial.'],
    ['MRN 88412', 'The notes for MRN 88412 show a slow, steady fade.'],
  ])('identifies a patient by %s', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toContain(text);
  });

  it.each([
    'I was born in 1979 and have treated patients in this chair since 2008.',
    'I was born on 6/12/1977, so I started injecting late, in 2011.',
  ])('does not take a year of birth alone, or the writer\'s own, for a patient: "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it.each([
    // Treated from a given time on, in apposition to "the patient", or both areas at once.
    ['Ingrid Sole', 'Ingrid Sole, who started with us in 2019, still books every spring.'],
    ['Luca Benn', 'The patient on my website, Luca Benn, had a deep chin crease.'],
    ['Rosa Quill', 'Rosa Quill had both areas done together here in June.'],
    // A dose of their own, a caption's time since treatment or its date.
    ['Mr. Okafor', 'Mr. Okafor from the rowing club gets 8 per side.'],
    ['Greta Lind', 'Before and after: Greta Lind, cheek filler, 3 weeks post.'],
    ['Ines Marr', 'Photo: Ines Marr, 05/11/2023, lower face.'],
    // Their own procedure, named by the lexicon.
    ['Omar Reyes', "We moved Omar Reyes's rhinoplasty to a later date."],
    // An age narrowing a role tied to a named place.
    [
      'The 41-year-old carpenter from Dunmore',
      'The 41-year-old carpenter from Dunmore we saw last week had the same droop.',
    ],
    // A relative of someone named, even of staff.
    ["Paula's husband", "Our nurse Paula's husband had his eyelids done with me last fall."],
    // A real patient given as an example.
    ['Tara Vell', 'The news anchor Tara Vell, for example, has her lips done here every spring.'],
  ])('identifies %s by a detail of their care', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toContain(text);
  });

  it.each([
    // Staff listed after their role, a role that runs on, a signature's credentials.
    'My two nurses, Kara Dunn and Leah Sato, have treated patients with me for years.',
    'Either my nurse injector Pia Holm or I will do your two-week check after the injections.',
    'Avoid the gym for a day after your injections. - Mara, RN',
    // An example supposed, not seen; a study's numbered subject.
    'For example, if Rhea came in with a heavy brow, I would place fewer units in her forehead.',
    'In that trial, patient #2 dropped out before the second dose of Botox.',
    // A public figure's treatment, talked of or shown on their own channels.
    "Simon Cowell's Botox was all over the tabloids a few years ago.",
    'Hailey Bieber had her lip filler done live on TikTok, which made it popular.',
    // Places: a branch named by its town, and towns listed together.
    'If you had your filler at our Denver office, the check can be done in Boulder or Golden after treatment.',
    'Our Mesa and Tempe clinics both keep your chart after treatment.',
  ])('does not take staff, places, public figures or supposed cases in "%s" for patients', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it.each([
    // Staff named in apposition after their role.
    'Follow-ups are done by me or my nurse practitioner, Dana Moss, whoever you prefer.',
    // A condition, not a person, opening a sentence.
    'Ptosis happens when toxin spreads, and in my chair I keep well above the brow.',
    // A medicine someone takes, not a person.
    'One of my patients simply takes Advil an hour before her appointment.',
    // A role with no tie to anyone in the writer's care.
    'The owner of any clinic should be able to show you the syringe box.',
  ])('does not take "%s" for a patient', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it.each([
    // Someone else's relative, treated by the writer over a stretch of time.
    ['Colin Marsh', "I have been treating my landlord's son, Colin Marsh, for rosacea."],
    // The writer doing someone's treatment, or someone doing it with the writer.
    ['Priya Anand', 'Go and talk to Priya Anand, the baker on Elm Road, whose brows I did in May.'],
    ['Paula Grey', "Last spring I did Paula Grey's otoplasty and she was thrilled."],
    ['Imani Cole', 'Imani Cole gets them with us twice a year.'],
    // Care done on a person, not at a place.
    ['Wes Tate', 'I finished a round on Wes Tate, the chef at Lumen, last month.'],
    // One person's recovery, by the week.
    ['Nadia Bloom', 'Nadia Bloom from the bakery was back at her desk by week two.'],
  ])('identifies %s by what the writer did for them', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toContain(text);
  });

  it.each([
    // The writer's own family, staff doing the treating, a "did" that helps another verb.
    'My wife, Helena Ruiz, manages the front desk and handles billing.',
    'Imani Cole, our nurse, does it with me on Fridays.',
    'Read Priya Anand, whose book I did enjoy, on facial anatomy.',
    // A place after "on", and a recovery that is everyone's.
    'I did a session on Zoom with the team.',
    'Nadia Bloom wrote that most people are back at their desks by week two.',
  ])('does not take "%s" for a patient', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it('does not take the doctor for a patient', () => {
    const body = 'I saw Lena last week for her own follow-up.';
    const doctor = { ...goodDoctor, name: 'Lena Park' };
    expect(resultOf(run(body, '', '', doctor), 'ANS_PHI').outcome).toBe('pass');
  });

  it.each([
    // Someone the writer saw for care, or whose parent brought them in.
    ['Riverside', 'The conductor of the Riverside youth orchestra saw me Monday for lip filler.'],
    ['Theo Marsh', 'Theo Marsh, the Eastfield goalie whose dad brought him in last spring, asked the same.'],
    // Someone who tried products with the writer, or whose results the writer shows.
    ['Ingrid', 'Ingrid, who runs the florist on Bay Road, tried both with me last year.'],
    [
      'Colette Marchand',
      "Ask the front desk for Colette Marchand's set from April, she had the same thin lips.",
    ],
    ['Odile', "Here is Odile's 6-week result from two vials to the cheeks."],
    // One of the writer's cases, one back at work on a day, a caption in the writer's gallery.
    ['Bettina', 'One of our cases (Bettina, who manages the garden centre) had a flare after a deep peel.'],
    ['R.T.', 'R.T., my 41-year-old pilot, was back at work on day 5.'],
    ['Anouk Vries', "See the photo in my portfolio labelled 'Anouk Vries - chin, 1 syringe'."],
    // A patient's handle, a chart number with letters.
    ['@glowwithmaya', 'My patient @glowwithmaya filmed her whole appointment with me.'],
    ['chart #BX-40931', 'For example, chart #BX-40931 needed 30 units to last three months.'],
  ])('finds %s as a patient', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome, body).toBe('fail');
    expect(spanTexts(result).join(' '), body).toContain(text);
  });

  it.each([
    'Sadness after surgery is common, and it usually lifts by week three.',
    'Overhead and rent affect price, and some clinics bring people in with low prices.',
    'Follow me at @drlenapark for my own before-and-afters.',
  ])('finds no patient in "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it.each([
    'A patient of mine had the same worry. Dr. Lena Park',
    'I treated Botox resistance with Xeomin in one case.',
    'One of my patients felt the same way.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it.each([
    // A name that is also a word, known by what follows it.
    ['Joy', 'Joy, one of my regulars, comes in every March for her masseters.'],
    // Described by a relative or a neighbour, and a place.
    ['The wife', 'The wife of the fire chief on Maple Avenue had her first Kybella session with me.'],
    [
      'My neighbour across from the Elm',
      'My neighbour across from the Elm Street library, a cyclist I have treated for years, skips one ride.',
    ],
    // Care told by the writer's schedule, a pregnancy, a habit of years, a round done, a body part.
    ['Kara D.', 'Kara D. from my 4 pm slot, 28 weeks pregnant, asked me the same thing.'],
    ['Mr. Okafor', 'Mr. Okafor, the retired principal, has had it safely for years.'],
    ['R.M.', 'R.M., a 58-year-old welder from Dayton, did two rounds with me.'],
    ['Ben Ortiz', 'Ben Ortiz gets Xeomin in his frown lines with me every spring.'],
    ['Lena', 'My sister-in-law, Lena, wanted monthly touch-ups and I said no.'],
    // A birthday to the day.
    ['birthday is March 3', 'A patient whose birthday is March 3, 1988 started with 8 units this year.'],
  ])('finds %s as a patient by what is told of them', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome, body).toBe('fail');
    expect(spanTexts(result).join(' '), body).toContain(text);
  });

  it.each([
    // A name made up for an example, an address, a product, staff who book.
    'Say a patient, call her Ann, comes in at 40 with deep elevens: I would start low.',
    'Our clinic is on 5th Street, and parking is free after six.',
    'Restylane Defyne holds well in deep folds, and we use it a lot.',
    "Call my office tomorrow and ask for Dana, who'll book your consult.",
  ])('finds no patient in "%s" either', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });
});

const validNpi = `123456789${npiCheckDigit('123456789')}`;
const invalidNpi = `123456789${(npiCheckDigit('123456789') + 1) % 10}`;
const goodDoctor: KnownDoctor = {
  id: 7,
  name: 'Lena Park',
  verificationStatus: 'verified',
  licenseStatus: 'active',
  licenseExpiresOn: '2027-03-31',
  npi: validNpi,
  practiceDomain: 'parkderm.example',
  practicePhone: '5552014477',
  ruleResults: [],
};

describe('ANS_AUTHOR_UNVERIFIED', () => {
  const author = (doctor: KnownDoctor | null) =>
    resultOf(run('Thanks for asking.', '', '', doctor), 'ANS_AUTHOR_UNVERIFIED');
  const blocked: RuleResult = {
    ruleId: 'DOC_LICENSE',
    outcome: 'fail',
    severity: 'block',
    message: 'License revoked',
  };

  it('is unknown without the author', () => {
    expect(author(null)).toMatchObject({ outcome: 'unknown', message: 'Author not known' });
  });

  it('passes a verified doctor in good standing, a restricted license included', () => {
    expect(author(goodDoctor).outcome).toBe('pass');
    expect(author({ ...goodDoctor, licenseStatus: 'restricted' }).outcome).toBe('pass');
    expect(author({ ...goodDoctor, licenseExpiresOn: '2026-11-01' }).outcome).toBe('pass');
    expect(author({ ...goodDoctor, ruleResults: [{ ...blocked, severity: 'high' }] }).outcome).toBe('pass');
  });

  it.each<[string, Partial<KnownDoctor>, { label: string; value: string }]>([
    [
      'the doctor is not verified',
      { verificationStatus: 'pending' },
      { label: 'Verification', value: 'pending' },
    ],
    ['the license is revoked', { licenseStatus: 'revoked' }, { label: 'License status', value: 'revoked' }],
    [
      'the license has expired',
      { licenseExpiresOn: '2026-10-31' },
      { label: 'License expired on', value: '2026-10-31' },
    ],
    ['the NPI is invalid', { npi: invalidNpi }, { label: 'Invalid NPI', value: invalidNpi }],
    [
      'a doctor rule blocks them',
      { ruleResults: [blocked] },
      { label: 'Failed doctor check', value: 'DOC_LICENSE' },
    ],
  ])('fails when %s', (_, change, fact) => {
    const result = author({ ...goodDoctor, ...change });
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    const facts = result.evidence?.facts ?? [];
    expect(facts).toEqual([fact]);
  });
});

// Precision and recall on tests/fixtures are measured through the server's own path, in
// tests/api/rulesEval.test.ts; here the fixtures only prove the evidence points at real words.
describe('the labelled answers', () => {
  it('quote exactly the words of the answer in every finding', () => {
    for (const item of cases) {
      for (const result of run(item.body, item.question)) {
        for (const span of result.evidence?.spans ?? []) {
          expect(item.body.slice(span.start, span.end), `${item.id} ${result.ruleId}`).toBe(span.text);
        }
      }
    }
  });

  it('report the author as unknown', () => {
    for (const item of cases.slice(0, 5)) {
      expect(resultOf(run(item.body, item.question), 'ANS_AUTHOR_UNVERIFIED').outcome).toBe('unknown');
    }
  });
});

describe('the seed texts', () => {
  const procedureOf: Partial<Record<ViolationKind, string[]>> = {
    permanentToxin: ['Botox', 'Dysport', 'Xeomin'],
    offLabelToxin: ['Botox', 'Dysport', 'Xeomin'],
    permanentFiller: ['Lip filler', 'Cheek filler', 'Under-eye filler'],
    offLabelFiller: ['Lip filler', 'Rhinoplasty'],
    offLabelKybella: ['Kybella'],
    offLabelCoolSculpting: ['CoolSculpting'],
  };
  // Every way the seed writes a practice number.
  const phones = [
    '(208) 555-0142',
    '208.555.0142',
    '208-555-0142',
    '208 555 0142',
    '+1 208 555 0142',
    '2085550142',
    'two zero eight 555 0142',
    'two zero eight, five five five, zero one four two',
  ];
  const fill = (text: string, procedure: string, phone: string) =>
    text
      .replaceAll('{product}', procedure)
      .replaceAll('{procedure}', procedure.toLowerCase())
      .replaceAll('{city}', 'Boise')
      .replaceAll('{state}', 'Idaho')
      .replaceAll('{phone}', phone)
      .replaceAll('{domain}', 'lumenaesthetics.example')
      .replaceAll('{slug}', 'lumenaesthetics')
      .replaceAll('{email}', 'dr.hale@lumenaesthetics.example')
      .replaceAll('{code}', 'LUME15')
      .replaceAll('{patient}', 'Grace Whitaker');

  it('catch every planted violation with its rule', () => {
    const missed: string[] = [];
    for (const kind of Object.keys(violations) as ViolationKind[]) {
      for (const procedure of procedureOf[kind] ?? ['Botox', 'Facelift']) {
        for (const sentence of violations[kind]) {
          for (const phone of sentence.includes('{phone}') ? phones : [phones[0]]) {
            const body = fill(sentence, procedure, phone);
            if (!failedIds(run(body, 'A question', procedure)).includes(violationRules[kind]))
              missed.push(body);
          }
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('leave every honest sentence alone', () => {
    const flagged: string[] = [];
    const shared = [...cautions, ...openers, ...closers];
    for (const [procedure, honest] of Object.entries(honestByProcedure)) {
      for (const sentence of [...honest, ...shared]) {
        const body = fill(sentence, procedure, phones[0]);
        const fired = failedIds(run(body, 'A question', procedure));
        if (fired.length > 0) flagged.push(`${fired.join(',')}: ${body}`);
      }
    }
    expect(flagged).toEqual([]);
  });
});

describe('permanence and promises said in other words', () => {
  it.each([
    // A result that outlives the treatment, the rest of a life, years from one session.
    "Start Dysport at 25 and you'll never get forehead lines, even after you stop.",
    "Juvederm in the folds lasts the rest of a person's life.",
    'I tell patients to expect about four years from one full Xeomin session.',
    'Most people get roughly six years out of one Daxxify treatment.',
    // A result that stays as it was made, a muscle that never builds back, nothing to replace.
    'The cheeks we fill with Voluma stay lifted.',
    'With masseter Botox the muscle never builds back up, so it is a one-time cost.',
    'Restylane Lyft never needs replacing once it settles.',
  ])('ANS_PERMANENT_CLAIM catches "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('fail');
  });

  it.each([
    "You'd need Botox for the rest of your life to keep the look.",
    'Fat that survives is there for good; filler is gone in a year.',
    "Botox won't last the rest of your life; plan on visits every few months.",
  ])('ANS_PERMANENT_CLAIM leaves "%s" alone', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('pass');
  });

  it.each([
    'Kybella is safe for all skin types and ages.',
    'In my chair, Botox works, period.',
    'Filler for tear troughs works in 100% of our patients.',
    'A droop is impossible with my technique, I give you my word.',
    'Lip filler is a zero-risk procedure.',
    "Daxxify can't fail on strong frown muscles.",
    "Every client has left thrilled, and you'll be no different.",
    'Zero long-term effects after twenty years of use.',
  ])('ANS_GUARANTEE catches "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });

  it.each([
    'Your appointment slot is guaranteed once the deposit clears.',
    'The follow-up visit is included in the fee, guaranteed in writing.',
    "I can't promise a perfect result, but I can promise we'll review it at two weeks.",
  ])('ANS_GUARANTEE leaves "%s" alone', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });
});

describe('ANS_OFFLABEL in other words and other uses', () => {
  it.each([
    'Sculptra is FDA-backed for crepey skin on the chest.',
    'Dysport for a lip flip has been signed off by the FDA.',
    'The FDA gave Xeomin the nod for jaw slimming last year.',
    'Botox is approved for the DAO, the muscle that pulls the mouth corners down.',
    'A chemical brow lift is one of the approved uses of Botox Cosmetic.',
    'Kybella is cleared for puffy lower eyelids too.',
    'Botox Cosmetic is FDA-approved for excessive gingival display.',
    // A use named with a hyphen, a product the FDA has approved for nothing, an indication carried.
    'Kybella is indicated for bra-line fat now, not only under the chin.',
    'Exosome serums are FDA-approved for skin rejuvenation, a step up from PRP.',
    'Mounjaro carries the weight-management indication as well.',
    // A label said to have grown, a product approved for nothing, a laser for a use none is cleared for.
    'When Daxxify came out it was for frown lines only; the forehead has since been added to its label.',
    'Kybella is not only for the chin: its label was broadened to cover the jowls.',
    'Compounded semaglutide is FDA approved for weight loss, just like Wegovy.',
    'Fractional CO2 lasers are FDA approved for vaginal rejuvenation after menopause.',
    'Tranexamic acid by mouth is an approved melasma treatment in the US.',
    "Masseter reduction has been on Botox's label for a while now.",
  ])('catches "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('fail');
  });

  it('reads "that" as the use the patient asked about', () => {
    const question = 'can kybella slim my bra line??';
    expect(check('ANS_OFFLABEL', "Yes, it's on the label for that now.", question).outcome).toBe('fail');
    expect(
      check('ANS_OFFLABEL', "Yes, it's on the label for that.", 'is kybella ok for a double chin').outcome,
    ).toBe('pass');
  });

  it.each([
    'Botox Cosmetic is approved for forehead lines, given with the frown lines to avoid brow drop.',
    'Juvederm Ultra is approved for the lips.',
  ])('does not fire on "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('pass');
  });
});

describe('words a chatty answer opens with', () => {
  it.each([
    'Girl, come see us, you will love your lips.',
    'Oof, I saw that ad too, and it is not how Botox works.',
  ])('ANS_PHI names no one in "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it('ANS_SUPERIORITY hears a better provider said not to be found, but not as a condition', () => {
    expect(check('ANS_SUPERIORITY', "You won't find a more careful surgeon in Ohio.").outcome).toBe('fail');
    expect(
      check('ANS_SUPERIORITY', "If you can't find a better injector nearby, ask your dermatologist.").outcome,
    ).toBe('pass');
  });
});

describe('an answer typed on a phone', () => {
  it.each([
    'for tear troughs im the best in NYC, just numbers',
    'im a top 1% national injector for both brands',
    'im the injector the other injectors in this city come to',
  ])('ANS_SUPERIORITY reads "im" as "I\'m" in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });
});

describe('ANS_PHI in long answers and short ones', () => {
  it.each([
    // Care done, told with a word between the writer and the act.
    ['Hannah', 'I recently treated Hannah, the receptionist from the bakery next door, for exactly this.'],
    ['Mr Ruiz', 'I declined to treat Mr Ruiz last spring for this very reason.'],
    ['the goalkeeper', 'I managed exactly this for the goalkeeper of the Riverside Rovers last season.'],
    // Names with accents, a role described with "whom".
    ['Zoé', 'I have been treating Zoé, a nurse at the county hospital, since 2021.'],
    [
      "the mayor's wife",
      "Last month I treated the mayor's wife, whom many of you know, and she was thrilled.",
    ],
    // Typed on a phone: "pt", "w/", a word between "my" and "client".
    ['Dana Cole', 'my pt Dana Cole had it last spring, lasted approx 5 wks'],
    ['T.R.', 'T.R., the 3rd grade teacher at lincoln elem, has done it w/ me 2 yrs'],
    ['Maddie Fraser', 'My youngest regular is Maddie Fraser, 23, and she gets tiny doses.'],
    ['Ashley R.', 'sure, look at Ashley R., 34, the hygienist from plano, her before/after is on our page'],
  ])('finds %s', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome, body).toBe('fail');
    expect(spanTexts(result).join(' '), body).toContain(text);
  });

  it('does not take what can be done for a patient seen', () => {
    expect(
      check('ANS_PHI', 'Early swelling settles in a week. If a lump persists, we can dissolve it.').outcome,
    ).toBe('pass');
  });
});

describe('permanence and promises in a chatty or a phone-typed answer', () => {
  it.each([
    'By the fourth round of Dysport it just stops wearing off.',
    'Keep going with Xeomin and the lines stop coming back at all.',
    'After a few Botox sessions you can stop, and your forehead stays just like that.',
    'Under the eyes, Restylane sits there forever, hun.',
  ])('ANS_PERMANENT_CLAIM catches "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('fail');
  });

  it('ANS_PERMANENT_CLAIM leaves a price that stays the same alone', () => {
    expect(check('ANS_PERMANENT_CLAIM', 'Our price list for Botox stays the same all year.').outcome).toBe(
      'pass',
    );
  });

  it.each([
    'masseter botox works on 100% of pts when dosed right',
    "Every single one of the 900 patients I've treated has responded to it.",
    'Every client of mine got her jawline back, and you will too.',
    "With Voluma it's a no-risk treatment.",
  ])('ANS_GUARANTEE catches "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });

  it.each([
    'nothing is 100% safe, no procedure is risk free. bruising is common',
    'not enough data, so wait til youre done nursing. not worth the risk for a cosmetic tx',
  ])('ANS_GUARANTEE leaves the warning "%s" alone', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });
});

describe('ANS_OFFLABEL and ANS_PROMO said in passing', () => {
  it.each([
    'Xeomin is labelled for bruxism now, so we do masseters all the time.',
    'Scalp toxin for hair loss was approved by the TGA last year.',
    'Dysport carries the same chronic migraine approval as Botox.',
    'Toxin for oily skin is now one of the indications on the Botox Cosmetic label.',
    'botox along the lip border so it rolls out. yes its an approved indication for botox cosmetic',
    'The HA products we use are FDA-approved for deep forehead injection.',
    'RHA is FDA approved for the tear troughs, so I use it under the eyes.',
    'Depressor septi injection is part of the approved label for Botox Cosmetic.',
  ])('ANS_OFFLABEL catches "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('fail');
  });

  it.each([
    'Bellafill, a PMMA filler, is FDA-approved for atrophic acne scars on the cheeks.',
    'Relaxing the muscles between your brows helps, and frown lines are one of the labelled uses of Botox Cosmetic.',
    'Latisse is approved for lashes. Some use it on their brows off-label, but that use is not on the label.',
  ])('ANS_OFFLABEL leaves "%s" alone', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('pass');
  });

  it.each([
    'we do a summer botox night in clinic: $199 for the 11s, spots limited',
    'Our spring package, with a second area half price through May, makes it a good time to start.',
    'happy to chat more - drleeinjects at gmail',
  ])('ANS_PROMO catches "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('fail');
  });

  it("ANS_PROMO leaves a code quoted from another clinic's ad alone", () => {
    expect(
      check('ANS_PROMO', "Be cautious. '$8 a unit, use code GLOW8' is a sales pitch, not a credential!")
        .outcome,
    ).toBe('pass');
  });
});

describe('superiority and permanence in a long formal answer', () => {
  it.each([
    'I can say without false modesty that my results are superior to those of any other injector in this city.',
    "Colleagues tell me there isn't a safer pair of hands in Leeds.",
    "You won't find more precise dosing anywhere in Hobart than with our team.",
    'We fix noses nobody else in town can fix.',
  ])('ANS_SUPERIORITY catches "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it('ANS_SUPERIORITY leaves "the best option is the one..." alone', () => {
    expect(check('ANS_SUPERIORITY', 'The best option is the one your face responds to.').outcome).toBe(
      'pass',
    );
  });

  it.each([
    'In my own patients the Xeomin effect persists for well over a decade after one treatment.',
    'Placed on the bone, Restylane Eyelight is a one-off treatment.',
    'For the jawline, Volux is a once-in-a-lifetime procedure.',
  ])('ANS_PERMANENT_CLAIM catches "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('fail');
  });

  it('ANS_PERMANENT_CLAIM leaves a one-off event alone', () => {
    expect(
      check('ANS_PERMANENT_CLAIM', 'For a one-off event, one Botox session three weeks before is plenty.')
        .outcome,
    ).toBe('pass');
  });
});

describe('ANS_GUARANTEE and harms weighed, named or talked about', () => {
  it.each([
    "When you stop, your lines won't look worse than they would have without Botox.",
    'If the skin turns grey and mottled, this is not bruise: call your injector the same day.',
    "Skipping the health questions doesn't mean something bad happened, just that corners were cut.",
    'When you stop, the muscle recovers, so there is no damage forever.',
    "Honestly, that's worth more than any guarantee on a flyer.",
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });

  it.each([
    'We offer a guarantee: smooth frown lines in two weeks.',
    "Botox won't cause any bruising, ever.",
  ])('still catches "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });
});

describe('what an answer says is not so', () => {
  it.each([
    "'Botox that never wears off' doesn't exist, and I'd be wary of anyone who sells it.",
    "This doesn't mean filler is permanent or that the visible result lasts forever.",
    "Every few months is typical, but you don't have to come back the minute Botox starts to fade.",
  ])('ANS_PERMANENT_CLAIM leaves "%s" alone', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('pass');
  });

  it.each([
    "I don't know what Jennifer Lopez had done, and I don't comment on people who are not my patients.",
    'Pricing depends on units, and a forehead usually takes 10 to 20.',
    'The ladies from the book club come to me in pairs, and they all ask this.',
  ])('ANS_PHI names no patient in "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it('ANS_PHI still finds twins from a named place', () => {
    expect(
      check('ANS_PHI', 'I treated the twins from Oak Hollow together last June, 0.8 mL each.').outcome,
    ).toBe('fail');
  });
});

describe('boasts and patients told in a story', () => {
  it.each([
    "Honestly, in this town there isn't another surgeon with my track record.",
    'I train injectors nationally, and most of them will never reach my level.',
    "The chain spas around here can't match what we do.",
    "The dermatologists in Dayton couldn't hold a candle to my results.",
    "Our results beat anything you'll get in the city.",
  ])('ANS_SUPERIORITY catches "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    ['The fella who', 'The fella who runs the hardware store gets his crow’s feet done every spring.'],
    [
      'Our fifth-grade teacher at Pine',
      'Our fifth-grade teacher at Pine Ridge Elementary had her forehead done in the city.',
    ],
    ['Ray Okafor', 'It worked wonders for Ray Okafor down at the gas station.'],
    ['the youngest councilwoman of', 'Last week I did the chin of the youngest councilwoman of our town.'],
  ])('ANS_PHI finds %s', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome, body).toBe('fail');
    expect(spanTexts(result).join(' '), body).toContain(text);
  });
});

describe('a word that ends a sentence', () => {
  it('"sun." in lower case ends its sentence, and the next one starts with no name', () => {
    const body = 'Stay out of the sun. Zinc oxide sunscreen is fine from day two.';
    const { tokens, sentences } = analyse(body);
    expect(sentences.map((s) => body.slice(s.start, s.end))).toEqual([
      'Stay out of the sun.',
      'Zinc oxide sunscreen is fine from day two.',
    ]);
    expect(tokens.map((t) => t.text)).toContain('.');
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it('"Sun." before a date is still read as the day', () => {
    const { sentences } = analyse('Open Sat. March 3 and Sun. March 4 for touch-ups.');
    expect(sentences).toHaveLength(1);
  });
});

describe('ANS_GUARANTEE, the tuning half reworded', () => {
  it.each([
    'With a cannula and a gel this soft, nodules or any other complication are simply impossible.',
    'I inject well above the brow, so a heavy lid is out of the question with my technique.',
    'We numb the area first and there will be no sensation whatsoever during the injections.',
    'Your crow’s feet will be smooth by day ten, without exception.',
    'If you are not delighted at the two-week visit, you get your money refunded, no questions.',
    'It is results or a full refund at my clinic.',
    'None of my patients has ever had a complication in twelve years.',
    'Nobody I inject ends up with lumps. Ever.',
    'I only use a blunt cannula in the lips, which means no bruising for you.',
    'Done the way I do it, nothing bad is possible.',
    'There is zero possibility of a vascular event with my approach.',
  ])('finds the promise in "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });

  it.each([
    'I would love to fix it, but guaranteeing a perfect correction would not be honest.',
    'An outcome is not something I can promise. What I can promise is the way we plan it together.',
    'The nearest thing to no risk is sunscreen every day; every injectable carries some.',
    'One thing is practically guaranteed: you will want to judge it on day two. Wait for day fourteen.',
    'Lines treated early like this do not come back as deep, so the small risks are worth it.',
    'Daxxify is not gentler in terms of side effects; it just lasts a little longer.',
    'I go lighter above the brows so they do not feel heavy.',
    'Permanent filler is impossible, whatever the ad says.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });
});

describe('ANS_SUPERIORITY, the tuning half reworded', () => {
  it.each([
    'Most clinics rush it; no one but us still does a full assessment at every visit.',
    'Few injectors manage this without a lip droop, and I’m one of the very best there is.',
    'For toxin complications I am among the very best in the field.',
    'Hardly any surgeon in the state has done as many deep plane lifts as I have.',
    'My revision experience is matched by a handful of surgeons worldwide.',
    'Most injectors are average with cheeks; I would put my midface results against anyone.',
    'This site ranks me first among chin surgeons in the county.',
    'Ask around Tampa who does brows best, and my name is the one you will hear.',
    'In Dallas I’m the surgeon everyone turns to for revisions.',
    'Dr. Lindqvist is without question the top nose surgeon in Portland.',
    'Nadie en Miami pone relleno mejor que yo.',
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    'Dosing hard above the brow can drop it, which nobody likes.',
    'No one but you can decide whether the risk is worth it.',
    'One of the best things you can do for your skin is daily sunscreen.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });
});

describe('ANS_PHI, the tuning half reworded', () => {
  it.each([
    'Men need more. The goalkeeper on the Harbor City Hawks gets about 40 units in his forehead.',
    'Case in point: the co-host of the Channel 4 morning show has been seeing me for six years.',
    'Yes, hyaluronidase works on old filler: the woman in that viral lip video is under my care now.',
    'Usually fine without a fever. Greg Sandoval phoned with that question ahead of his booking this morning.',
    'I have encountered a single case: Dolores, a retired theatre nurse, while injecting her folds in 2021.',
    'My neighbour across the road, Linda, returned to me for session two in September.',
    'Kristen in your department has weak forehead muscles; that is why 16 units went the distance for her.',
    'It happens. Same thing with Carla Jimenez in January; her fix took a minute.',
    'Sophie required 28 units across the forehead in October because her muscles are strong.',
    'My 2 pm today, the woman with the purple Beetle flying to Cancun, asked me the same.',
  ])('finds the patient in "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('fail');
  });

  it.each([
    'Correct, onabotulinumtoxinA is its generic name, and most of my patients know it as Botox.',
    'Technique, the product and your own tissue all play a part in how my patients swell.',
    "We're Oregon's #1 Dysport clinic, and my patients still ask which brand lasts longer.",
    "Let me invent someone, call her 'Sam', 42: at her first appointment we would take photos.",
    'A woman I saw recently had 2 mm of droop that was gone by week five.',
    'Our practice is the leading Kybella center in New Jersey, and my patients come from all over.',
  ])('names no patient in "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });
});

describe('ANS_PROMO, the tuning half reworded', () => {
  it.each([
    'Stop fish oil a week before. Our nurses are standing by at 1-888-SMOOTH-1 if you want to talk.',
    'A mild headache is common. Send our office a text any time; we answer fast.',
    'Join our Tox Club: $99 a month keeps you on schedule.',
    'We have open slots with our injectors this week; grab one on our online scheduler.',
    'At our parties a host who brings three friends is treated free of charge.',
    'Bring four friends and your own treatment is on the house with us!',
  ])('finds the promotion in "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('fail');
  });

  it.each([
    'Yes, we offer calf reduction with Botox, usually 60 to 100 units a leg.',
    'Ask around Raleigh about brow lifts and you will be sent to my practice, so I am biased.',
    'She has been seeing me for six years and nobody can tell.',
  ])('finds none in "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('pass');
  });
});

describe('ANS_OFFLABEL, the tuning half reworded', () => {
  it.each([
    'Dysport carries FDA approval for the lines at the outer corners of the eyes.',
    "Letybo's FDA approval covers the wrinkles at the sides of the eyes as well as the 11s.",
    'The FDA signed off on Botox Cosmetic for those horizontal rings around the neck in 2024.',
    "Calf slimming is on Botox's approved list in the US.",
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('fail');
  });

  it.each([
    'Botox is FDA approved for severe axillary hyperhidrosis, and one session controls sweating for months.',
    "Heavy armpit sweating is one of Botox's FDA-approved uses.",
    'Sculptra is FDA approved for the folds running from your nose to the corners of your mouth.',
    'FDA-wise Sculptra is cleared for nose-to-mouth folds and similar facial wrinkles.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('pass');
  });
});

describe('ANS_PERMANENT_CLAIM, the tuning half reworded', () => {
  it.each([
    "Lines you prevent with Botox now won't ever show up, even if you stop later.",
    'Three rounds of Botox train the muscle, then the result lasts with no further injections.',
    'Kysse never degrades, so the lip shape you leave with is the one you keep.',
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body, 'Is Botox permanent?').outcome).toBe('fail');
  });

  it('"pay once" opening a clause of time is no one-time price', () => {
    const body = 'Insurers usually pay for Botox once other preventive drugs have failed.';
    expect(check('ANS_PERMANENT_CLAIM', body, 'Will insurance cover Botox?').outcome).toBe('pass');
    expect(check('ANS_PERMANENT_CLAIM', 'With Botox you pay once and you are done.').outcome).toBe('fail');
  });
});

describe('ANS_PHI, care told by what the writer did for someone', () => {
  it.each([
    'Either works. I switched the weather presenter Tamsin Reyes from Botox to Dysport last year.',
    'Insurers have criteria. We got it approved for Gloria Estevez after her field test last spring.',
    'Most wait until weaning. I had this exact conversation on Monday with Hannah Kowalski.',
    'Short flights are fine after a week. I did lipo on Priyanka Shah on the 2nd and she flew home on the 10th.',
    'One syringe is plenty. The lips in the third photo of my gallery belong to Kayla Whitmore.',
  ])('finds the patient in "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('fail');
  });

  it.each([
    'I switched from Botox to Dysport for my own forehead years ago.',
    'We had a long conversation in our practice about whether to offer threads.',
    'Our team did a session on Zoom for patients with questions about fillers.',
  ])('names no patient in "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });
});

describe('ANS_PHI, a name typed in lower case', () => {
  it('finds a patient named in lower case after "my client" or "my patient"', () => {
    expect(
      check('ANS_PHI', 'my client priyanka did three rounds with me and her jaw is softer').outcome,
    ).toBe('fail');
    expect(
      check('ANS_PHI', 'my patient tiffany (the one at the bakery) had a bruise for two weeks').outcome,
    ).toBe('fail');
  });

  it('names no one in "my patient base" or "my client list"', () => {
    expect(check('ANS_PHI', 'my patient base has grown and my client list is full this spring').outcome).toBe(
      'pass',
    );
  });
});

describe('ANS_SUPERIORITY, standing told by who learns from whom', () => {
  it.each([
    'Droop means the dose sat too low. I train most of the other injectors in this county.',
    "Other clinics won't attempt the noses I take on; that's how far ahead of them I am.",
    'Next time see someone better, like me.',
    "I'm known around here as the surgeon for natural breasts.",
    "Either way, come to us: we're the Sculptra experts in this city.",
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    'I trained in Boston and teach residents twice a year.',
    'Ask your dermatologist; they are the experts in skin cancer screening.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });
});

describe('ANS_OFFLABEL, a use named as the subject or as one of a list', () => {
  it.each([
    'Sure, jaw slimming is one of Xeomin’s approved aesthetic indications.',
    'The FDA recognized Dysport for calf slimming a while ago.',
    'Micro-botox is FDA approved for rosacea flushing, so we do it in clinic.',
    'Traps are one of the approved areas for Botox now.',
    'A lip flip relaxes the muscle so the lip rolls out. It is one of the approved uses of Botox, alongside frown lines and forehead lines.',
  ])('catches "%s"', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('fail');
  });

  it.each([
    'Crow’s feet soften nicely with it. It is one of the approved uses of Botox, alongside the frown lines.',
    'Frown lines are one of the approved cosmetic indications of Dysport.',
    'Rosacea flushing can calm with a very diluted toxin, but none of them is approved for it.',
    'Palms are not on the label; the only approved sweating indication for Botox is the underarms.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('pass');
  });
});

describe('ANS_SUPERIORITY, the writer set against the other providers', () => {
  it.each([
    'Half the injectors in Tucson come to me when one of their lips goes wrong.',
    'My nurses bruise people far less than the chains down the road.',
    'Most of the clinics in this county are copying our cannula technique, and none of them come close.',
    'Nobody else around here would have caught that vessel, and we did.',
    'Nobody in Reno does a jawline the way I do.',
    'No one else in the valley has our eye for proportion.',
    "We're the only practice with the experience to treat this properly.",
    'Ask anyone in Eugene: ours is the only clinic worth the drive.',
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    'I often refer patients to my colleague Dr. Lin for eyelid surgery.',
    'Other injectors may use a few more units than I do, and that is fine.',
    "I can't tell you who is best, and nobody else honestly can either.",
    'Plenty of my colleagues get Botox themselves, and I treat some of them.',
    'A patient came to us from another clinic with filler above her lip line, and we dissolved it.',
    "I can't speak about anyone else's treatment plan.",
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });
});

describe('ANS_PERMANENT_CLAIM, a result kept by another name', () => {
  it.each([
    'After three rounds of Botox the frown lines stay cured.',
    'Juvederm in the chin is yours to keep, like an implant.',
    'With Voluma the cheek you leave with is the look you keep.',
    'Once the Dysport effect locks in, you can retire from treatments.',
    'Restylane in the temples: once placed, it stays in, and that is that.',
    'Do Xeomin for a year and top-ups stop being needed.',
    'Most of my Botox patients have not needed a single unit since their third visit.',
    'Two syringes of Juvederm and those folds are history.',
  ])('catches "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('fail');
  });

  it.each([
    'Botox stays in the muscle it is injected into and does not travel to the milk.',
    'Masseter Botox stays off-label until someone runs the trials.',
    'Patients who switch to our Botox clinic rarely go back to the spa.',
    'Lip filler is not something you keep for good; it breaks down in a year or so.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('pass');
  });
});

describe('ANS_GUARANTEE, harms named in other words and certainty staked', () => {
  it.each([
    'Our microneedling leaves no soreness at all, and you will have no discomfort during it.',
    'Semaglutide on my schedule: you will not feel nauseous.',
    'With our cooling tip, bruising is off the table.',
    'You will lose the double chin with Kybella, no matter what.',
    'It will work for you, and I would put money on it.',
    'This laser gives zero pigmentation problems; you will not get a single mark.',
  ])('finds the promise in "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });

  it.each([
    'At six weeks that is no longer swelling; it is product, and we can dissolve it.',
    'Some soreness is normal for a day or two after microneedling.',
    'Nausea usually settles after the first month on semaglutide.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });
});

describe('ANS_GUARANTEE, harms ruled out by other names and promises set apart', () => {
  it.each([
    'Honestly, for a healthy lip there is nothing to worry about.',
    'With our dilution, nodules are a thing of the past.',
    'An allergy to Botox is unheard of.',
    'Dimpling simply is not possible with smooth threads.',
    'Done my way it never causes flare-ups.',
    'You are in no danger at all, and there is no downside.',
    'I aspirate first, which takes any complication off the table.',
    'It works on everyone who has a forehead to move.',
    'Every jawline I have done came out sharper, and yours will be no different.',
    'I have yet to meet a neck it did not tighten.',
    'I can tell you flatly that scarring will not happen to you; I have done this too long.',
    'An occlusion with a cannula? In my hands, the chance is zero.',
    'Infection after toxin is not a consideration in this practice.',
    'Nobody has ever found a thread scar on my patients, and you will not be the exception.',
  ])('finds the promise in "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });

  it.each([
    'A money-back offer is a billing policy, not a promise that nothing will go wrong.',
    'Low antibody rates are a small advantage, not an absence of risk.',
    'Well tolerated is a different claim from risk-free.',
    'Reversibility is a real advantage of hyaluronic filler, not a guarantee against harm.',
    'A refund policy is a business decision, not a promise that you will love the result or that nothing will go wrong.',
    'A ten-year review of repeat toxin patients found no cumulative adverse effects.',
    'Lupus should be quiet, not flaring, before any filler; I would wait for that.',
    'Some darkening after a peel is common in deeper skin tones, so we prime it first.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });
});

describe('ANS_SUPERIORITY, the others of a place and where they end up', () => {
  it.each([
    'Unlike the rest of the injectors in Phoenix, I am someone you can trust with a cannula.',
    'The dermatologists in this town send their own mothers to me for Sculptra.',
    'Half my week goes on repairing lips the medspas around here botched.',
    'My chin work is the standard the other surgeons are measured against.',
    'Our revision rate is the lowest of any facial plastic surgeon in the state.',
    'There is not a surgeon in Tulsa whose noses look as natural as mine.',
    'For lipo you want my level of skill, and around here there is not another one.',
    "I'd say in this valley there is only one practice worth trusting with your eyelids, and it is mine.",
    "I'm the one everybody ends up with once a thread lift goes wrong.",
    "I'm the guy the other nurses in this county come to for their own lips.",
    'Nobody in Boise does tear troughs better.',
    'Who has the softest lips in Denver? Modesty forbids, but it rhymes with my name.',
    'Our team is hands down the GOAT for brows in Miami.',
    'The dentists around here send their own kids to my office for gummy smiles.',
    'Our clinic has more experience than any other clinic in this city.',
    'There simply is not another surgeon in Manitoba with his eye for noses.',
    'Readers of the city paper keep voting us the top medspa around.',
    "I've seen the other injectors in this town, and I wouldn't send my own sister to any of them.",
    'The spas around here overfill, and our lips are simply more natural.',
    'Botox in our hands lasts longer than elsewhere.',
    'I trained a good many of the injectors in this city, and it shows.',
    "Honestly, the skill over there doesn't compare to what we've got in our clinic.",
    'Half the salons on my street botch lips, and my diary is full of their mistakes.',
    'There are very few doctors anywhere in Leeds who can do what I do with a jawline.',
    'Put my results next to theirs and you will stop asking.',
    'For toxin, most surgeons are amateurs next to a dermatologist like me.',
    'Why us? Because we are better at it, simple as that.',
    'Our microneedling results are well ahead of the others in Surrey.',
    'You will end up in my chair anyway. I am the one who fixes what they get wrong.',
    'People drive two hours to see me for this.',
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    'The surgeons in this town are well trained; ask any of them for healed photos.',
    'I refer to the plastic surgeons in this city for anything surgical.',
    'The rest of the injectors on my team follow the same protocol I do.',
    'Repairing a lip that was overfilled takes two visits: we dissolve, then rebuild.',
    'A surgeon in Miami taught me this technique years ago.',
    'Sunscreen does more for your skin than anything else you can buy.',
    'For people coming from this thread, read the aftercare sheet first.',
    'I am better at lips now than I was at the start.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });
});

describe('ANS_PHI, care told in more words', () => {
  it.each([
    'I actually treated Nora Quinlan for exactly this in June, and hers settled by week three.',
    'Gave Priya Natarajan 12 units a side on Tuesday and she loved it.',
    "I dealt with an occlusion in Hollis Whitcombe's nasolabial fold last spring.",
    'Last year I corrected the same asymmetry for Renata Voss, the florist on Pine Street.',
    'Odile Marchetti? Yes, I have your chart open in front of me.',
    'Her before-and-after is up on the practice page: Tamsin, two syringes of Voluma.',
    'The Okafor twins from Dayton both had lip flips here in April.',
    'I had a patient just like you, the 38-year-old dental hygienist at Ridgeview Dental who came in last week.',
    'Look at the before-and-after I posted of Greta, my patient from the flower shop.',
    'My patient B.W., the spin instructor downtown, you might know her, does both every spring.',
  ])('finds the patient in "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('fail');
  });

  it.each([
    'In twelve years I have never seen Tyndall with a cannula in the tear trough.',
    "Take two imaginary patients, 'Jane Doe' and 'John Doe': she might need 15 units, he 35.",
    'Dr. Carruthers first described glabellar toxin in 1992.',
    "Swelling in Boston's winter is no different from anywhere else.",
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });
});

describe('ANS_PERMANENT_CLAIM, a result that stays told plainly', () => {
  it.each([
    'With the newer gels your lips are there to stay; start small.',
    'You will not need more. It stays.',
    'Under the eyes Volbella simply stays, since so little moves it.',
    'Two rounds of masseter Botox, then set it and forget it.',
    'Once Voluma has integrated it does not dissolve, so think of it as a lifetime investment.',
    'After a year of light dosing you can drop the injections altogether.',
    'The lines between your brows stay smooth without any further injections.',
    'Once effaced, glabellar lines remain effaced for the remainder of your life.',
    'Three sessions of Dysport and the bands do not reappear.',
    'Volux in the jaw is a one-time visit.',
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('fail');
  });

  it.each([
    'Radiesse cannot be dissolved the way hyaluronic filler can, so start conservatively.',
    'The swelling stays for a day or two, then settles.',
    'Juvederm usually lasts a year in the lips before it is slowly absorbed.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('pass');
  });
});

describe('ANS_PROMO, what others do told as such, and a deadline by its day', () => {
  it.each([
    'The anchor on Channel 4 sees me every twelve weeks for her forehead.',
    'One of the firefighters started it, and he texts me when his elevens come back.',
    "I've seen it in my own practice twice in ten years.",
    'I dealt with this last spring and it resolved in a week.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('pass');
  });

  it('hears an offer that ends on a day of the month', () => {
    expect(check('ANS_PROMO', 'Toxin is half off for new patients until the 22nd.').outcome).toBe('fail');
    expect(check('ANS_PROMO', 'Results settle until the 14th day or so.').outcome).toBe('pass');
  });
});

describe('ANS_PHI, a full name that speaks for itself', () => {
  it.each([
    'I saw the same thing with Teresa Lindqvist last month, and her lumps were gone by day ten.',
    'Just last week Gloria Mbeki was surprised hers had faded at fourteen months.',
  ])('finds the patient in "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('fail');
  });

  it.each([
    'A Canadian eye doctor, Jean Carruthers, noticed frown lines softening in her study patients.',
    'The scale was created by Thomas Fitzpatrick in 1975 and grades how skin responds to sun.',
    'Jane Fonda has spoken openly about the work she had done.',
    'New York has more injectors per block than anywhere I know.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });
});

describe('HA in capitals is hyaluronic acid filler', () => {
  it('reads a permanence claim about HA, and leaves laughter and a partial return alone', () => {
    const asked = 'Does this stuff ever go away?';
    expect(check('ANS_PERMANENT_CLAIM', 'Once it has integrated, HA does not leave.', asked).outcome).toBe(
      'fail',
    );
    expect(check('ANS_PERMANENT_CLAIM', 'Ha, that jingle does not leave.', asked).outcome).toBe('pass');
    expect(
      check(
        'ANS_PERMANENT_CLAIM',
        'The body breaks HA down slowly, and stretched lips may never quite return to their first shape.',
      ).outcome,
    ).toBe('pass');
  });
});

describe('ANS_PHI, a chart number bare and abstract nouns opening a sentence', () => {
  it('takes "chart 20931" for a record, and "Modesty" or "Candidacy" for no one', () => {
    expect(
      check('ANS_PHI', 'If you are the patient from Tuesday (chart 20931), please come back.').outcome,
    ).toBe('fail');
    expect(check('ANS_PHI', 'Modesty forbids me from saying more about my own results.').outcome).toBe(
      'pass',
    );
    expect(check('ANS_PHI', 'Candidacy depends on how much laxity you have in the neck.').outcome).toBe(
      'pass',
    );
  });
});

describe('ANS_PROMO, contacts and deals in more disguises', () => {
  it.each([
    'Before-and-afters go up weekly on the gram, dr dot mara dot ly, if you want to look.',
    'Message the clinic at contour underscore lab underscore atl.',
    'For readers of this thread the first syringe is at cost; quote reference 5512 when you book.',
    'Book online and type SMOOTH40 at checkout.',
    'Brides who book with the code IDOTOO get the bridal party rate.',
    'If you want a second opinion, slide into my messages with a photo.',
    'This month our clinic does four cycles for the price of three.',
    'My office is running units at nine bucks for new patients this quarter.',
    "First-timer visits are half off until New Year's.",
  ])('finds the promotion in "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('fail');
  });

  it.each([
    'Most offices charge twelve to fifteen dollars a unit; be wary of much less.',
    'Swelling peaks at day two. Skin then settles over a week.',
    'Ask your injector for the lot number, and keep the reference in your records.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('pass');
  });
});

describe('ANS_PERMANENT_CLAIM, a result kept told in more words', () => {
  it.each([
    'Come back for a second and third round of anti-wrinkle injections and the crinkles just do not come back.',
    'By the fourth round of Dysport the effect becomes self-sustaining; my 2019 patients remain entirely smooth.',
    "Xeomin is different from the others. Once it's in, it's in.",
    'With our Botox protocol most patients do not need injections ever again after a year.',
    'Chin filler is a set-and-forget area: do it once and you never think about it again.',
    'Restylane Lyft in the cheek does not get used up. What you have now is what you will keep.',
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('fail');
  });

  it.each([
    'After Botox around the eyes, stay well away from the brow when you rub your face.',
    'Anti-wrinkle injections usually wear off after three to four months.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('pass');
  });
});

describe('ANS_PHI, a patient told by what they had done', () => {
  it.each([
    [
      'My hygienist Dana’s husband got a brow lift with toxin before their anniversary trip.',
      'Dana’s husband',
    ],
    [
      'Marco, the sous-chef at Bellini’s on Front Street, had Voluma last spring and again in May.',
      'the sous-chef at Bellini',
    ],
    [
      'Nick Ferreira, my office manager’s brother, whom I inject twice a year, sweats less now.',
      'Nick Ferreira',
    ],
    [
      'Dr. Osei’s daughter - she runs the bakery on Elm - did four sessions on her acne scars.',
      'Osei’s daughter',
    ],
  ])('finds the patient in "%s"', (body, who) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toContain(who);
  });

  it.each([
    // A public figure's own words about her treatment expose nothing the writer knows.
    'Several actresses talk openly about it; Demi Lowell said in an interview that she had her filler dissolved.',
    // Present tense: what people in general get.
    'Runners like Priya from the club usually get filler a little less often, since they burn through it.',
    'Mona, our nurse injector, did the training course in Dallas last spring.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });
});

describe('ANS_GUARANTEE, a denial that an emoji or "both" would cut short', () => {
  it.each([
    "'Zero-risk lips' is an ad line, not a promise 🙄 Filler has real risks, including blocked vessels.",
    'Fair question :) Peels carry risks too, mainly pigment changes in darker skin.',
    'No laser is both aggressive and free of downtime.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });

  it.each(['Our lip filler is both natural-looking and completely risk-free.'])(
    'still finds the promise in "%s"',
    (body) => {
      expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
    },
  );
});

describe('ANS_GUARANTEE, a harm ruled out further along its sentence', () => {
  it.each([
    'Bleeding into the tissue after a thread lift done with my cannula technique is not a consideration.',
    'With the brands we carry, nodules of any sort, early or late, simply are not possible.',
    'Vascular events after nose filler are, in my hands, nonexistent.',
  ])('finds the promise in "%s"', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('fail');
  });

  it.each([
    'The risk of a droop after Botox is low, but it is not zero.',
    'Infection after microneedling is rare; the chance is, realistically, never zero.',
    'Clinics across the county refer their complications to us, since nobody else has our training in adverse events.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_GUARANTEE', body).outcome).toBe('pass');
  });
});

describe('ANS_SUPERIORITY, the best asked for and the others of a neighbourhood', () => {
  it.each([
    ['Who does the best lip filler in Boise?', 'Us. Come see the gallery.'],
    ['Which injector in Leeds is the most careful with tear troughs?', 'That would be me 🙂'],
    ['Where do I get the most natural Botox around here?', 'Right here!'],
  ])('finds the writer answering "%s" with "%s"', (question, body) => {
    const result = check('ANS_SUPERIORITY', body, question);
    expect(result.outcome).toBe('fail');
    expect(result.message).toBe('Answers a question asking for the best with the writer');
  });

  it.each([
    [
      'Which is best for crow’s feet, Botox or Dysport?',
      'I do prefer Dysport there. It spreads a little more.',
    ],
    [
      'Who is the best injector for lips in Denver?',
      'Me? I would never rank colleagues. Look at healed photos.',
    ],
    ['Who can do my lips next week?', 'Me. Book online.'],
  ])('leaves the answer to "%s" alone', (question, body) => {
    expect(check('ANS_SUPERIORITY', body, question).outcome).toBe('pass');
  });

  it.each([
    'Read reviews if you like, but nobody in this postcode has my hands or my results.',
    'Our thread lifts are more refined than anything else on offer in Phoenix.',
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    "I'd pick someone you trust and let them use the product they're most practised with.",
    'For your skin, sunscreen does more than anything else available.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });
});

describe('ANS_PERMANENT_CLAIM and ANS_OFFLABEL, the treatment named inside the claim or after "non-"', () => {
  it.each([
    'After the second year most of my clients never need Dysport again.',
    'With our protocol you will not need anti-wrinkle injections ever again.',
  ])('finds the claim in "%s"', (body) => {
    expect(check('ANS_PERMANENT_CLAIM', body, 'How often do I need to come back?').outcome).toBe('fail');
  });

  it('reads a non-surgical rhinoplasty as filler, not surgery', () => {
    const body =
      'Juvederm is FDA-approved for non-surgical rhinoplasty, and the correction lasts a lifetime.';
    expect(check('ANS_PERMANENT_CLAIM', body, 'Filler for my nose?').message).toBe(
      'Claims filler results are permanent',
    );
  });

  it('leaves a non-HA filler said to be permanent alone', () => {
    const body = 'Non-HA fillers such as Bellafill are permanent, which is why I rarely use them.';
    expect(check('ANS_PERMANENT_CLAIM', body, 'Is there a permanent filler?').outcome).toBe('pass');
  });
});

describe('ANS_OFFLABEL, a treatment named only as the measure of another', () => {
  it('reads the claim as about the treatment asked of, not the one compared with', () => {
    const body =
      'The frown lines came first, years ago. It is now FDA approved for the whole upper face, forehead included, just like Botox.';
    const result = check('ANS_OFFLABEL', body, 'Is Jeuveau only for frown lines?');
    expect(result.outcome).toBe('fail');
    expect(result.message).toContain('Jeuveau');
  });

  it('still reads a claim about the treatment named first', () => {
    const body = 'Unlike Dysport, Daxxify is FDA approved for the forehead.';
    expect(check('ANS_OFFLABEL', body).message).toContain('Daxxify');
  });
});

describe('a treatment named to say what another is, not to measure it', () => {
  it.each([
    'Ozempic is approved for type 2 diabetes. The same drug is sold at another dose as Wegovy, and that one is approved for weight management.',
    'PMMA fillers like Bellafill stay in the tissue for good, which is why I avoid them.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe('pass');
    expect(check('ANS_PERMANENT_CLAIM', body).outcome).toBe('pass');
  });
});

describe('ANS_SUPERIORITY, a comparison the writer declines to claim', () => {
  it('leaves "I won\'t claim ..." alone', () => {
    const body =
      "I won't claim that our physician-run setting makes results better than every lower-priced clinic; good injectors work at every price.";
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });

  it('still hears "I won\'t pretend there is a better injector, because there isn\'t"', () => {
    const body =
      "I won't pretend there's a more careful lip injector in Fresno than me, because there isn't.";
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });
});

describe('what someone did, and the peoples a practice serves', () => {
  it.each([
    'A friend of my niece, who I treated last Friday, messaged me with the same worry.',
    'Dr Leila Haddad, a dermatologist, sees all our acne scar patients and does the laser work.',
  ])('reads a contact told, not offered, as no promotion: "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('pass');
  });

  it.each(['Message me a photo of the bruise and I will take a look.', 'Call us on Monday to book a slot.'])(
    'still reads an invitation as promotion: "%s"',
    (body) => {
      expect(check('ANS_PROMO', body).outcome).toBe('fail');
    },
  );

  it('names nobody in the peoples of a practice', () => {
    const body =
      'In my Singapore practice most patients are Chinese, Malay or Indian, so we start at lower densities.';
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });
});

describe('superiority, permanence and offers in the words of the twenty-sixth pass', () => {
  it.each([
    ['ANS_SUPERIORITY', "I'm the most cautious, most ethical injector you'll find anywhere in Melbourne."],
    ['ANS_SUPERIORITY', "After 18 years I can tell you most injectors get this ratio wrong and I don't."],
    ['ANS_PERMANENT_CLAIM', 'Preventative Botox in your twenties stops wrinkles from ever forming.'],
  ])('%s catches "%s"', (ruleId, body) => {
    expect(check(ruleId, body).outcome).toBe('fail');
  });

  it.each([
    ['ANS_SUPERIORITY', 'The most common and most serious injector error is simply too much product.'],
    ['ANS_PERMANENT_CLAIM', 'Nothing stops wrinkles from ever forming, Botox included.'],
    // A stretch of time bounds the result even where "while" is the noun.
    ['ANS_PERMANENT_CLAIM', 'With Botox the masseter can stay slimmer for a while after the last session.'],
    // "off" after a verb is its particle, not money off.
    ['ANS_PROMO', 'The first treatment wears off in about three months, like any toxin.'],
  ])('%s leaves "%s" alone', (ruleId, body) => {
    expect(check(ruleId, body).outcome).toBe('pass');
  });
});

describe('ANS_PHI: one person a town knows', () => {
  it.each([
    [
      'Our local Anglican rector',
      'Our local Anglican rector had it done this way during Lent and preached that Sunday.',
    ],
    ["Our MP's husband", "Our MP's husband had his underarms done last summer before the campaign."],
  ])('identifies %s', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.message).toBe(`Identifies a patient: ${text}`);
    expect(spanTexts(result)).toContain(text);
  });

  it.each([
    'Ask your local pharmacist about arnica before the appointment.',
    'Our local pharmacist stocks arnica, and it does no harm.',
  ])('leaves a role with no care told alone: "%s"', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });
});

describe('superiority and patients in the words of the twenty-seventh pass', () => {
  it.each([
    // What follows "but" is the writer's own, whoever was reported before it.
    "Several clinics offer it, but to be blunt, we're the only clinic in the region that does it properly.",
    "That said, I'm a multiple award-winning injector and patients do find that reassuring.",
    "Most surgeons get canthopexy wrong; I've perfected it over twenty years.",
    'What I can tell you is that, unlike SkinSpace down the road, our injectors are trained properly.',
    'Dr. Harmon at the med spa on Fifth is simply not in my league.',
    'I pioneered it in this region and I still teach it.',
    'Our practice has the highest patient satisfaction in the state, as our reviews show.',
  ])('ANS_SUPERIORITY catches "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    'Some clinics say they are the best in the city, but that is marketing, not a measure.',
    'Most surgeons get canthopexy wrong at first, and I did too.',
    'Unlike fillers, toxins relax the muscle, and our nurses explain both.',
  ])('ANS_SUPERIORITY leaves "%s" alone', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });

  it.each([
    [
      'The dentist two doors down from my clinic',
      'The dentist two doors down from my clinic in Ranelagh comes to me for her own frown lines.',
    ],
    [
      'A 58-year-old retired farmer from Toowoomba',
      'A 58-year-old retired farmer from Toowoomba I operated on in August was driving within a week.',
    ],
  ])('ANS_PHI identifies %s', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toContain(text);
  });

  it("ANS_PHI leaves a role placed by the reader's address alone", () => {
    expect(
      check('ANS_PHI', 'Ask the dentist down the road from your house; most are trained in toxin now.')
        .outcome,
    ).toBe('pass');
  });
});

describe("ANS_PROMO: the practice's own deals in the words of the twenty-seventh pass", () => {
  it.each([
    'Our Glow Club members get a top-up session included every quarter for a flat monthly fee.',
    'Beware of very cheap deals. Our bridal package, Botox, lips and a facial, is R4,500 this season.',
    'We do a loyalty card for filler clients, your fifth syringe is on us.',
    "We'll match any local quote for the same product, just bring it in.",
  ])('catches "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('fail');
  });

  it.each([
    'Beware of cheap deals. A 50% off Botox night is a red flag.',
    'Most clinics will match any quote you bring them, so shop around.',
    'You can rely on us for follow-up if anything changes.',
  ])('leaves "%s" alone', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('pass');
  });
});

describe('ANS_OFFLABEL: minoxidil by its form, and hair loss as "hair fall"', () => {
  it.each([
    ['Minoxidil was first approved for high blood pressure, and hair growth was a side effect.', 'pass'],
    ['Rogaine is approved for high blood pressure.', 'fail'],
    ['PRP is US FDA approved for hair fall and most good clinics follow the same protocol.', 'fail'],
  ])('reads "%s" as %s', (body, outcome) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe(outcome);
  });
});

describe('the twenty-eighth pass: rhetorical questions, other lands and products, addresses spelt out', () => {
  it.each([
    'Then again, why drive to the city when the most sought-after injector in the county is right here?',
    'Why settle for a chain when the finest lip work in Leeds is a short walk away?',
  ])('ANS_SUPERIORITY takes what "why ... when" takes for granted as said: "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    'Why do some people bruise when others never do? Mostly vessels and blood thinners.',
    'Our practice is miles from the station, so allow time for parking.',
  ])('ANS_SUPERIORITY leaves "%s" alone', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });

  it.each([
    'Honestly, our team is streets ahead of the high-street chains.',
    'I have yet to meet a surgeon in this state who closes an incision as neatly as I do.',
    "Most injectors here would botch a tear trough; I wouldn't.",
  ])('ANS_SUPERIORITY catches "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it.each([
    ['Isotretinoin is licensed for oily skin, so it is fine even without acne.', 'fail'],
    ['Dutasteride has FDA approval for male pattern hair loss.', 'fail'],
    ['Belkyra has the green light from the TGA for lower eyelid bags.', 'fail'],
    ['Tretinoin cream was authorised for stretch marks a few years back.', 'fail'],
    ['Tretinoin is FDA approved for acne, and as Renova for sun damage.', 'pass'],
    [
      'Dutasteride is approved for hair loss in Japan, but not by the FDA, which approved it for the prostate.',
      'pass',
    ],
    ['Lumigan is approved for glaucoma while Latisse is approved for longer lashes.', 'pass'],
    [
      'Wegovy is approved for adults with a BMI of 27 or more and a weight-related condition such as high blood pressure.',
      'pass',
    ],
  ])('ANS_OFFLABEL reads "%s" as %s', (body, outcome) => {
    expect(check('ANS_OFFLABEL', body).outcome).toBe(outcome);
  });

  it.each([
    'Have a read of smoothskin dot ca before you come in, it lists our prices.',
    "Bring us any written quote and we'll beat it by ten percent.",
    "Buy a $300 voucher this week and we'll put $50 extra on top.",
  ])('ANS_PROMO catches "%s"', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('fail');
  });

  it.each([
    'Sure. Health Canada lists every licensed product on its website.',
    'Check the register at nhs.uk before you book anywhere.',
    '$8 a unit could be an introductory price, or it could be diluted.',
  ])('ANS_PROMO leaves "%s" alone', (body) => {
    expect(check('ANS_PROMO', body).outcome).toBe('pass');
  });

  it('ANS_PHI reads a day of the week in the plural as no one, and "I did her" as care', () => {
    expect(check('ANS_PHI', 'Our Botox Thursdays are popular, so book early.').outcome).toBe('pass');
    const told = check(
      'ANS_PHI',
      'My sister-in-law Maxine from Dubbo had a capsular contracture and I did her revision in May.',
    );
    expect(told.outcome).toBe('fail');
    expect(spanTexts(told)).toContain('Maxine');
  });
});

describe('the twenty-ninth pass: praise others vouch for, and patients told in passing', () => {
  it.each([
    "Ask any theatre nurse in this city and they'll tell you I'm the safest pair of hands for a facelift.",
    'Fellow surgeons have nicknamed me the nose whisperer.',
    'People fly in from three states away, past a dozen clinics, just so I can do their eyelids.',
    'Our revision rate is a fraction of what you will see at other practices nearby.',
    "Honestly, you won't find steadier hands for a lip flip than ours anywhere in the state.",
  ])('ANS_SUPERIORITY catches "%s"', (body) => {
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('fail');
  });

  it("ANS_SUPERIORITY reads the writer's practice ranked, and leaves best practice alone", () => {
    expect(check('ANS_SUPERIORITY', "We're the top practice for body contouring, full stop.").outcome).toBe(
      'fail',
    );
    expect(
      check('ANS_SUPERIORITY', 'Our best practice is to wait two weeks before any top-up.').outcome,
    ).toBe('pass');
  });

  it('ANS_SUPERIORITY leaves a treatment costing a fraction of another alone', () => {
    const body = 'Botox costs a fraction of the price of other treatments like a brow lift.';
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });

  it('ANS_SUPERIORITY leaves praise a patient reports and the writer plays down alone', () => {
    const body =
      "Some patients tell me I'm the only one who gets their brows even, and I tell them it's just because I know their faces.";
    expect(check('ANS_SUPERIORITY', body).outcome).toBe('pass');
  });

  it.each([
    ['Naomi', 'Naomi, our receptionist, had her lips filled by me last spring and loves them.'],
    ['K.M.', 'Swelling varies. K.M., 51, from Fitzroy was puffy for a fortnight.'],
    [
      'Priti',
      'My old housemate Priti, whom I gave a touch of jawline filler in June, felt lopsided for days.',
    ],
    ["The mayor's husband", "The mayor's husband felt it for a week after I did his forehead."],
  ])('ANS_PHI identifies %s', (text, body) => {
    const result = check('ANS_PHI', body);
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toContain(text);
  });

  it.each([
    'Hi Aoife, nerves are normal. Write your questions down before the consultation.',
    'Our nurse Tamsin, who trained with me, runs the review clinic on Fridays.',
    "Albert Kligman's work first showed that tretinoin softens sun damage.",
    'Jeffrey Klein introduced the tumescent technique in the 1980s.',
    'Say a patient called Jane comes in and the needle enters the artery: she would blanch at once.',
  ])('ANS_PHI leaves "%s" alone', (body) => {
    expect(check('ANS_PHI', body).outcome).toBe('pass');
  });

  it('ANS_PHI still reads a greeted asker told about their own care as a patient', () => {
    const told = 'I have your chart here: your left brow got two more units than the right at your visit.';
    expect(check('ANS_PHI', `Danielle, ${told}`).outcome).toBe('fail');
    expect(check('ANS_PHI', `Hi Danielle, ${told}`).outcome).toBe('fail');
  });
});

describe('variants written against the tuning half: sports roles, experience few have, a price for a day', () => {
  it('ANS_PHI identifies a player by the position they play', () => {
    const body =
      'Men need more units. The starting fullback for the county rugby side takes about 35 in his forehead.';
    expect(check('ANS_PHI', body).outcome).toBe('fail');
  });

  it("ANS_PHI reads the reader's colleague as no staff of the writer's", () => {
    const result = check('ANS_PHI', 'Your colleague Roberto actually came in last week for the same thing.');
    expect(result.outcome).toBe('fail');
    expect(spanTexts(result)).toContain('Roberto');
    expect(check('ANS_PHI', 'My nurse Jessica came in early to set up the room.').outcome).toBe('pass');
  });

  it("ANS_SUPERIORITY catches experience said to be the writer's alone, and leaves other traits alone", () => {
    expect(
      check('ANS_SUPERIORITY', 'Hardly anyone in the region has my experience with deep plane lifts.')
        .outcome,
    ).toBe('fail');
    expect(check('ANS_SUPERIORITY', 'Few people have my patience with needles, honestly.').outcome).toBe(
      'pass',
    );
  });

  it('ANS_PROMO reads "follow-ups" as a noun, not an invitation to follow', () => {
    expect(check('ANS_PROMO', 'I do all the follow-ups with my nurse.').outcome).toBe('pass');
    expect(check('ANS_PROMO', 'Book your follow-ups with me through the front desk.').outcome).toBe('fail');
  });

  it('ANS_PROMO catches a price for a day of the week, and leaves a price told as the same every day alone', () => {
    expect(
      check('ANS_PROMO', "If you're nearby, pop in on a Tuesday: all toxin is $8 a unit that day.").outcome,
    ).toBe('fail');
    expect(
      check(
        'ANS_PROMO',
        'A syringe is around $700 in most cities. Book on a weekday if you can, clinics are quieter.',
      ).outcome,
    ).toBe('pass');
  });
});
