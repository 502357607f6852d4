import type { ReadText, TextAnalysis, Token } from '../language/analysis';
import { clauseEnds, negators } from '../language/negation';
import { phrases, type PhraseMatch } from '../language/phrases';
import { isNegated } from '../language/scope';
import type { TextSpan } from './engine';
import { areas, bodyIdioms, lineKinds, owners, ownedAreas, treatments } from './reviewWords';

/**
 * How the review rules read a review's words, through the language analysis the server hands
 * them (`context.read`): the treatment a review names, the provider it names and the sentence
 * saying the reviewer was rewarded. Matching is by lemma and phrase, with negation, quotation and
 * the hypothetical taken into account; every finding keeps its offsets in the original field so
 * the console can highlight it.
 */

export interface ReviewText {
  title: string;
  body: string;
}

export type Field = keyof ReviewText;

/** A field of a review as the rules read it. */
export interface ReadField {
  field: Field;
  text: string;
  analysis: TextAnalysis;
}

/** The body first: it is where reviewers describe what was done; the title is a headline. */
export const readReview = (review: ReviewText, read: ReadText): ReadField[] =>
  (['body', 'title'] as const).map((field) => ({
    field,
    text: review[field],
    analysis: read(review[field]),
  }));

/** The characters of tokens [from, to) of a field, as the evidence span a moderator sees. */
export function spanOf({ field, text, analysis }: ReadField, from: number, to: number): TextSpan {
  const start = analysis.tokens[from].start;
  const end = analysis.tokens[to - 1].end;
  return { field, start, end, text: text.slice(start, end) };
}

/** Words, not punctuation, symbols or emoji; "n't" and "'s" are halves of a word, not words. */
export const isWord = (token: Token) =>
  (token.type === 'word' || token.type === 'number') &&
  !token.normal.startsWith("'") &&
  token.normal !== "n't";

export const wordCount = (analysis: TextAnalysis) => analysis.tokens.filter(isWord).length;

// --- The treatment a review names ---------------------------------------------------------------

const naming = phrases(
  [
    '@treatment',
    '@area',
    '@owner ADJ? @owned',
    '@lineKind line|wrinkle',
    '# unit|ml|cc|syringe|vial|graft',
    // the lines between the brows, as patients number them: "my 11s", "the 11's"
    "@owner 11 s|'s",
  ],
  { treatment: treatments, area: areas, owner: owners, owned: ownedAreas, lineKind: lineKinds },
);

const idioms = phrases(['@idiom'], { idiom: bodyIdioms });

/**
 * Product and procedure names as patients misspell them ("fillr", "restalyne", "kybela"): a word
 * of the same first letter within one added, dropped or swapped letter of a name of six letters or
 * more, two for names of eight or more. Changed letters are not accepted in short names, where
 * they make other words ("filter", "fillet").
 */
const misspellable = treatments.filter((name) => /^[a-z]{5,}$/.test(name));
const vowels = /^[aeiouy]$/;

function isMisspelling(word: string, name: string): boolean {
  if (word[0] !== name[0] || word === name) return false;
  // Five-letter names only with their last vowel written as another ("botax"): changed earlier,
  // they make other words ("laser", "loser").
  if (name.length === 5) {
    if (word.length !== 5 || word[4] !== name[4]) return false;
    const differ = [...word].flatMap((ch, i) => (ch === name[i] ? [] : [i]));
    return differ.length === 1 && differ[0] === 3 && vowels.test(word[3]) && vowels.test(name[3]);
  }
  const long = name.length >= 8;
  const distance = editDistance(word, name, long ? 2 : 1);
  if (distance > (long ? 2 : 1)) return false;
  // Short names: only a letter added, dropped or two letters swapped, never one changed.
  return long || word.length !== name.length || isTransposition(word, name);
}

function isTransposition(a: string, b: string): boolean {
  const differ = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return differ.length === 2 && differ[1] === differ[0] + 1 && a[differ[0]] === b[differ[1]];
}

/** Levenshtein distance, giving up (answering limit + 1) as soon as it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

const outside = (idiomatic: PhraseMatch[]) => (m: PhraseMatch) =>
  !idiomatic.some((idiom) => m.from < idiom.to && idiom.from < m.to);

/** The first words naming the treatment, product or treated area, the body before the title. */
export function findTreatment(fields: readonly ReadField[]): TextSpan | null {
  for (const read of fields) {
    const { analysis } = read;
    const named = naming.find(analysis).filter(outside(idioms.find(analysis)));
    if (named.length > 0) return spanOf(read, named[0].from, named[0].to);
    const misspelt = analysis.tokens.findIndex(
      (t) =>
        t.normal.length >= 5 &&
        (t.pos === 'NOUN' || t.pos === 'PROPN') &&
        misspellable.some((name) => isMisspelling(t.normal, name)),
    );
    if (misspelt >= 0) return spanOf(read, misspelt, misspelt + 1);
  }
  return null;
}

// --- The provider a review names ----------------------------------------------------------------

/** Who treats patients at a practice, as reviewers call them. */
const roles = [
  'dr',
  'dr.',
  'doctor',
  'doc',
  'nurse',
  'nurse injector',
  'nurse practitioner',
  'injector',
  'np',
  'pa',
  'pa-c',
  'rn',
  'physician assistant',
  'esthetician',
  'aesthetician',
  'surgeon',
  'dermatologist',
  'derm',
  'tech',
  'technician',
  'laser tech',
  'practitioner',
  'provider',
];

/** People in a reviewer's life whose names are no provider's: "my sister Anna". */
const relations = [
  'friend',
  'sister',
  'brother',
  'mom',
  'mother',
  'dad',
  'father',
  'husband',
  'wife',
  'partner',
  'boyfriend',
  'girlfriend',
  'daughter',
  'son',
  'kid',
  'aunt',
  'uncle',
  'cousin',
  'grandma',
  'grandmother',
  'niece',
  'nephew',
  'coworker',
  'colleague',
  'neighbor',
  'neighbour',
  'boss',
  'manager',
  'fiance',
  'hairdresser',
  'stylist',
];

/** What a provider does to or for a patient, said of someone named: "Helena took her time". */
const careVerbs = [
  'take',
  'do',
  'treat',
  'inject',
  'shape',
  'place',
  'use',
  'numb',
  'ice',
  'explain',
  'listen',
  'mark',
  'map',
  'perform',
  'operate',
  'work',
  'fix',
  'answer',
  'assess',
  'examine',
  'walk',
  'talk',
  'sculpt',
  'fill',
  'dissolve',
  'smooth',
  'administer',
  'massage',
  'apply',
  'make',
  'give',
  'start',
  'add',
  'adjust',
  'recommend',
  'suggest',
  'tell',
  'warn',
  'check',
  'stitch',
  'remove',
  'freeze',
];

const providerPhrases = phrases(
  [
    // "Dr. Sorensen", "nurse Kelly", "my injector Anna", "PA Jones"
    '@role PROPN PROPN?',
    // "Britt, the nurse injector," "Helena (my injector)"
    'PROPN ,|( the|my|our|an|a ~1 @role',
    // "Helena took her time", "then Britt numbed me"
    'PROPN @careVerb',
    // "booked with Britt", "thank you Helena", "Helena's technique"
    'with|by|see|thank|thanks you|to? PROPN',
    'grateful|shout|shoutout out? to PROPN',
    "PROPN 's hand|technique|touch|work|eye|skill|care",
  ],
  { role: roles, careVerb: careVerbs },
);

const agentPattern = 2;
const personalPronouns = new Set(['she', 'he', 'her', 'his', 'him', 'hers', 'herself', 'himself']);

/** A name inside its sentence, or one the sentence goes on to call she or he. */
function isPersonInSentence(analysis: TextAnalysis, at: number): boolean {
  const sentence = analysis.sentences[analysis.tokens[at].sentence];
  if (at > sentence.from) return true;
  return range(at + 1, sentence.to).some((i) => personalPronouns.has(analysis.tokens[i].normal));
}

/** A capitalised word of a name, as written: not a product, an area, an acronym or a role. */
function isName(token: Token): boolean {
  return (
    token.pos === 'PROPN' &&
    /^\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)?\.?$/u.test(token.text) &&
    !nameLike.has(token.lemma) &&
    !treatmentWords.has(token.normal)
  );
}

const treatmentWords = new Set([...treatments, ...areas].filter((w) => !w.includes(' ')));
const nameLike = new Set([...roles, ...relations, 'i', 'mom', 'dad', 'god', 'verity', 'google', 'yelp']);

/**
 * A provider named in person: "Dr. Smith", "nurse Kelly", "my injector Anna", "Britt, the nurse
 * injector", "Helena took her time". A first name alone counts when its holder treats the
 * reviewer; a name after "my sister" or "my husband" is nobody at the practice.
 */
export function findProvider(fields: readonly ReadField[]): TextSpan | null {
  for (const read of fields) {
    const { tokens } = read.analysis;
    for (const match of providerPhrases.find(read.analysis)) {
      const names = range(match.from, match.to).filter((i) => isName(tokens[i]));
      if (names.length === 0) continue;
      const first = names[0];
      // A capitalised word opening a sentence is often no name ("Recovery took two weeks"): as the
      // one who treats, it must be spoken of as a person ("Helena took her time").
      if (match.pattern === agentPattern && !isPersonInSentence(read.analysis, first)) continue;
      const before = tokens[first - 1];
      const related = before && relations.includes(before.lemma);
      if (related || tokens[first].quoted || worksOffTheFloor(tokens, names.at(-1)! + 1)) continue;
      const rolesBefore = range(match.from, first).some((i) => roles.includes(tokens[i].normal));
      const from = rolesBefore ? match.from : first;
      const to = rolesBefore || names.length > 1 ? names[names.length - 1] + 1 : first + 1;
      return spanOf(read, from, Math.max(to, from + 1));
    }
  }
  return null;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** Staff who treat nobody: "Maria at the front desk", "Kayla, the coordinator". */
const worksOffTheFloor = (tokens: Token[], after: number) => {
  const next = tokens.slice(after, after + 4).map((t) => t.normal);
  return next.some((word) =>
    ['desk', 'reception', 'receptionist', 'coordinator', 'billing', 'manager', 'scheduler'].includes(word),
  );
};

// --- Incentives -----------------------------------------------------------------------------------

/**
 * Something of value to the reviewer: care for free or for less, money, cards and credits, a fee
 * forgone, a chance in a draw, a product in kind. Whether it was given for the review is decided
 * by how it is tied to the review in the sentence (see findIncentives).
 */
const rewardPhrases = phrases([
  'free|freebie|complimentary|comp|comped|comping|gratis ADJ? NOUN?',
  // perks named as such: "an add-on next visit", "early access and lower pricing", "bumped to the
  // premium facial", "they'd take care of me next time", "hooked me up", "a full-size bottle"
  'add-on|addon',
  'add - on',
  'early access',
  'lower|reduced|special|vip pricing|price|prices|rate|rates',
  'bump|bumped|upgrade|upgraded to ~2 premium|deluxe|vip|bigger|larger',
  'take_care_of|look_after me|us|you ~2 next time|visit',
  'hook|hooked|hooking me|us|you up',
  'full - ? size|full_size bottle|jar|tube|product',
  'for the price of',
  'on the house',
  // "'s" as "is" too: "the next one's on them"
  "be|'s on them|us",
  'be on the house|practice',
  'throw|threw in',
  'skincare|gift|goodie|swag kit|bag|basket|box',
  'hamper|hampers|bouquet',
  'cover|covered ~3 parking|fee|cost|bill|tab',
  'pick|picked up ~2 tab|bill|cost',
  'fee|charge|cost|bill|balance|tab ~3 forgive|forgiven|waive|waived|drop|dropped|remove|removed|cover|covered|wipe|wiped|cancel|cancelled|disappear|vanish',
  // "they wiped off my balance", "my balance went from owing to zero"
  'wipe|wiped|clear|cleared|zero|zeroed ~1 off|out? my|the balance|bill|tab',
  'balance|bill|tab ~4 zero',
  // money put where the reviewer spends it: "$50 on my account"
  '$? # ~3 on|onto|to my|the|your account|balance|tab',
  'little|small something',
  'present|presents',
  'starbucks|amazon|visa|target|sephora|ulta|spa|coffee card|voucher',
  'at no cost|charge',
  // care added on: "extends your package by a session"
  'extend|extends|extended ~4 by a|an|one|another session|treatment|month|visit',
  'fee|charge|cost|bill ~3 go|goes|went away',
  // care upgraded for the same price
  'upgrade|upgraded',
  'discount|discounted|descuento',
  '# %|percent',
  '$ # ~2 off|back|credit|card|venmo|voucher|certificate|toward|towards',
  '# dollar|buck off',
  'half price|off',
  // "knocked the price in half", "halved my bill"
  'price|cost|bill|fee|charge ~5 in half',
  'halve',
  'at cost',
  // "charged me only what the product cost her"
  'charge|charged|billed me only|just what',
  // "knocked the cost of my aftercare cream off the bill"
  'knock|take|shave ~7 off',
  'off the|my bill|invoice|total|tab',
  'knock|knocked|bring|brought ~3 down',
  'waive|forgo|refund|reimburse',
  'money|deposit|fee ~2 back',
  // "the agreement that gets me my 500 back"
  'my|the|our $? # back',
  // "offered to give back half what I paid"
  'give|pay ~2 back',
  'return|returned|refund|refunded ~3 deposit|fee|money|payment',
  // care added on: "two bonus sessions", "an extra syringe"
  'bonus|extra|additional session|sessions|treatment|treatments|syringe|syringes|unit|units|area|areas',
  'credit|voucher|coupon|giftcard|venmo|zelle|paypal|cash',
  'gift card|certificate|basket|bag',
  'loyalty|bonus|reward|rewards point|program|tier|status|level|card',
  'point',
  'prize|raffle|drawing|draw|giveaway|sweepstake|sweepstakes|contest|lottery|wheel|win|entry',
  // a draw by its hat: "everyone who posts goes in the hat"
  'in|into the|a hat',
  // a fee forgone: "cost nothing", "they didn't charge me for the follow-up"
  'cost|charge nothing',
  // "they'd do the revision without the surgeon's fee"
  'without|minus ~3 =fee|=fees|=charge|=cost|=bill|=payment|=copay',
  'no extra|additional? charge|cost',
  'not|never charge|bill',
  'perk|swag|goodie',
  'goody bag',
  // "a bag of SkinMedica samples"
  'sample|samples',
  // a reward named after the review, which ties the two by itself: "their review rewards", "the 'review thank-you'"
  'review|testimonial reward|rewards|credit|credits|bonus|incentive|perk|perks|point|points|gift|thanks',
  'review|testimonial thank - you',
  'compensate|compensation',
  'pay|paid me|us',
  'thank - you',
  "' thank you '",
  'thank you gift',
  'regalo|regalaron|regalaban|regalan|pago|pagaron',
  'give|send|mail|hand|email|offer|promise ~1 me|us|you|everyone a|an|the|some ~3 NOUN',
  // given to take away: "sent me home with a bottle of champagne"
  'send|sent me|us home|off|away with',
  // given to the reviewer, said the other way round: "I was promised a bottle of serum"
  'be|get promise|promised|give|given|offer|offered|send|sent|hand|handed a|an|the|some|my ~3 NOUN',
  // care sooner: "bumped up the waitlist", "priority booking"
  'bump|bumped|move|moved ~2 up',
  'priority|vip',
  'skip|jump the line|queue|waitlist',
  // someone else paying the reviewer's way: "they pay for your parking"
  'they|clinic|office|practice pay|paid|pays|cover|covered|covers for',
]);

/**
 * The review itself, however a reviewer calls it: "this review", "writing this up", "sharing my
 * experience", "five stars", "bumped it to 5", "posting here".
 */
const reviewActPhrases = phrases([
  // as patients misspell it: "so heres my revew"
  'review|reviewer|testimonial|rating|resena|revew|reveiw|reviw',
  'five|5|# -? star',
  'write|post|publish|leave|share|submit|drop|give|dejar|dejaba ~3 this|it|one|something|here|up|online|about|word|experience|photo|journey|story|review|rating|testimonial|resena|star',
  // "do one for us", "put this up": not "she did it" or "put in one and a half"
  'do|did|does ~2 this|one|review|rating|testimonial|write_up',
  'put|pop ~1 this|it|one|something|review|rating|testimonial up|online|out|here',
  // Spanish: "escribir esta opinión"
  'esta|mi opinion|resena',
  'write -? up',
  'writeup',
  // the reviewer's own post, and posting told as what is being done: "Posting for the draw!"
  'this|my post|posting',
  'feedback|comment|shoutout|endorsement',
  'shout - ? out',
  'kind|nice|good|positive|glowing ~1 word',
  // "if you say a few words on here", "a couple of lines about us"
  'few|couple ~1 word|line',
  // the review shown or sent as proof: "once I showed them this", "sent them the link to my review"
  'show ~2 this|it|review|post',
  'link to|of ~1 this|it|my|the review|post',
  'rate|rated|rating them|us|her|him|the|this|my',
  'write|wrote|written|post|posted about',
  'this|it go|went|goes|gone live|up',
  'this|it be|is|was|get|gets|got posted|up|live',
  // "once they saw this posted"
  'see|saw|seen this|it posted|up|live',
  // the review presented as itself: "so here it is", "so here I am", "consider this part one"
  'here it|i|we be|is|am|are|go|goes',
  "here 's|is my|the|this|your",
  'here you go|are',
  'consider this',
  'update|change|raise|bump|edit ~2 star',
  'this be|is me',
  '=posting|=writing',
  // "as a thank-you after I posted"
  'i|we =posted|=reviewed',
  'bump|change|raise|update|switch|move ~3 to 5|five',
]);

/**
 * An exchange named with the review as its other side, which makes whatever was given a reward:
 * "in exchange for this write-up I got a bottle of their serum", "as a thank you for doing this".
 */
const exchangeFor = phrases(['in exchange|return for', 'as a? thank - ? you|thanks for']);

/** The exchanges of a sentence whose other side, said at once, is the review. */
function exchangesForReview(analysis: TextAnalysis, sentence: { from: number; to: number }): PhraseMatch[] {
  const exchanges = exchangeFor.find(analysis, [sentence]);
  if (exchanges.length === 0) return [];
  const acts = reviewActPhrases.find(analysis, [sentence]);
  return exchanges.filter((m) => acts.some((act) => act.from >= m.to && act.from <= m.to + 3));
}

/** Reviews that are someone else's: "their Google reviews", "other reviews", "reading reviews". */
const othersReviews = new Set([
  'their',
  'other',
  'these',
  'those',
  'some',
  'many',
  'all',
  'read',
  'reading',
  'saw',
]);

/** Wording that makes the reward depend on a positive review rather than on any review. */
const positiveOnly = phrases([
  'five|5 -? star',
  'positive|good|great|glowing|nice|perfect|top|stellar review|rating|score',
  'something|anything nice|good|positive|great',
  'bump|change|raise|update|switch|move ~3 to 5|five',
]);

/** Words that make what follows the reason or condition of the reward: "for leaving this review". */
const tiesBefore = new Set([
  'for',
  '4',
  'if',
  'once',
  'when',
  'whenever',
  'until',
  'after',
  'per',
  'each',
  'every',
  'because',
  'bc',
  'cuz',
  'cause',
  'since',
  'who',
  'si',
  'por',
]);

/** What the review brings the reviewer when it is the subject: "Leaving this review gets me entered". */
const reviewBrings = new Set([
  'get',
  'earn',
  'enter',
  'put',
  'win',
  'qualify',
  'score',
  'land',
  'unlock',
  'claim',
  'receive',
  'into',
  'toward',
  'towards',
  // what it takes off or pays: "leaving feedback here knocks $10 off"
  'knock',
  'take',
  'shave',
  'save',
  'cut',
  'waive',
  'cover',
  'bump',
  // "Review = free add-on", "a review here equals an add-on"
  '=',
  'equal',
]);

/**
 * The last word of a condition said in several: "as long as I post", "so long as", "on the
 * condition that I share my experience", "provided that".
 */
function endsCondition(tokens: Token[], i: number): boolean {
  const t = tokens[i].normal;
  const before = tokens[i - 1]?.normal;
  if (t === 'as') return before === 'long' || before === 'soon';
  // "got a free lash lift out of posting this"
  if (t === 'of') return before === 'out';
  // "on the condition (that) I share", "on the understanding I'd post"
  if (['condition', 'understanding'].includes(tokens[i].lemma))
    return before === 'the' && tokens[i - 2]?.normal === 'on';
  if (t === 'that')
    return (
      // "now that I've shared my results here"
      before === 'now' ||
      ['condition', 'understanding'].includes(tokens[i - 1]?.lemma) ||
      before === 'provided' ||
      before === 'providing'
    );
  return t === 'provided' || t === 'providing';
}

/** Words that make what follows "on" the condition of the reward: "conditional on a review". */
const conditions = new Set([
  'conditional',
  'contingent',
  'dependent',
  'depend',
  'depending',
  'condition',
  'based',
]);

/** A reward earlier in the clause that ends at `at`: "gave me 20% off | to post here". */
function rewardInClauseBefore(
  tokens: Token[],
  rewards: PhraseMatch[],
  at: number,
  sentenceStart: number,
): boolean {
  const from = clauseFrom(tokens, at, sentenceStart);
  return rewards.some((r) => r.from >= from && r.to <= at && at - r.to <= 6);
}

/** Where the clause holding token `at` begins: after the nearest clause end before it. */
function clauseFrom(tokens: Token[], at: number, sentenceStart: number): number {
  let from = at;
  while (from > sentenceStart && !clauseEnds.has(tokens[from - 1].normal)) from--;
  return from;
}

/** An exchange named as such: "in return", "in exchange", "as a thank-you". */
const exchange = phrases([
  'in return|exchange',
  'a_cambio',
  'in appreciation|gratitude|thanks',
  'as a? thanks|thank',
  // the reward as the answer to the review: "I said I'd post one and in that case the fee was waived"
  'in that|which case',
  'part of the|our deal|bargain|arrangement|agreement',
  'the deal be|was|is',
]);

/** Spanish negators, which the English analysis does not mark: "Nadie me pagó por esta reseña". */
const spanishNegators = new Set(['nadie', 'nunca', 'ningun', 'ninguna', 'tampoco']);

/** An explicit denial of any deal: "no strings attached", "nothing in return". */
const denials = phrases([
  'no strings',
  // "I received no compensation, discount or consideration for this review"
  'no|zero compensation|payment|incentive|consideration|perk|perks|reward|rewards|freebie|freebies',
  'nothing|not ~6 in return|exchange',
  'not sponsored|paid|compensated',
]);

/**
 * An offer the reviewer turned down, or says they took nothing from: an offer is no reward until
 * it is accepted. Said whole ("no thanks", "turned it down", "didn't want anything")...
 */
const refusals = phrases([
  'no thanks|thank',
  // "I asked them to leave me out of it", "opted out"
  'leave|count me out',
  'opt out',
  // the offer thrown away or left behind: "I binned it", "left the card on the counter"
  'bin|toss|trash|chuck ~1 it|them|that|mine|card|voucher|coupon',
  'leave it|them|that|mine|card|voucher|coupon ~2 behind|there|on',
  // "told them I'd rather pay full price"
  'rather pay',
  'turn it|that|them|this down',
  // "Ignored it.", "only if I could write it without the discount"
  'ignore|ignored|ignoring it|that|them|the_text|the_email|the_offer',
  'without the|a|any discount|reward|perk|gift|incentive|credit',
  'say absolutely|definitely|certainly|hell not|no',
]);

/** ...or by the offer's verb left out: "I didn't, I wanted to wait", "We never did." */
const leftOutRefusals = phrases([
  'i|we do|did not|never',
  'i|we never do|did',
  // the offer said as a joke and taken back: "they paid me millions (they didn't. Nobody did.)"
  'they do|did not|never',
  'nobody|no_one|noone do|did',
]);

/**
 * ...or by a verb whose object must be the offer: "I declined it", "I didn't take the gift card",
 * not "I declined the numbing" or "I didn't get the results I wanted".
 */
const refusingVerbs = phrases([
  'decline|refuse|reject',
  'turn down',
  'pass',
  // wink reads "no." before the next sentence as the abbreviation of number ("No. 5")
  'say|tell ~2 no|nope|=no.',
  'not want|take|accept|get|receive|scan|use|redeem|claim|enter|join',
]);

/** What an offer is called when it is refused by name: "I turned down the offer", "didn't get a thing". */
const offerWords = new Set(['offer', 'deal', 'bribe', 'incentive', 'proposal', 'freebie', 'thing']);

/** Pronouns that name who does a verb: the reviewer refusing, or the practice ("they refused to..."). */
const subjects = new Set(['i', 'we', 'they', 'she', 'he', 'you']);

/**
 * The reviewer speaks: the nearest subject of its clause before `at` is I or we, or the clause has
 * none ("Declined.", "...; no thank you"); a noun right before the verb is a subject of its own
 * ("the pain passed"). A verb after "and" shares the subject before it ("I was offered... and
 * turned it down").
 */
function byReviewer(tokens: Token[], at: number, sentenceStart: number): boolean {
  let before = at - 1;
  while (before > sentenceStart && ['ADV', 'AUX', 'PART'].includes(tokens[before].pos)) before--;
  if (before >= sentenceStart && ['NOUN', 'PROPN'].includes(tokens[before].pos)) return false;
  for (let i = before; i >= sentenceStart; i--) {
    const t = tokens[i];
    if (subjects.has(t.normal)) return ['i', 'we'].includes(t.normal);
    const shared = ['and', 'or'].includes(t.normal) && tokens[i + 1].pos === 'VERB';
    if ((clauseEnds.has(t.normal) || t.type === 'punctuation') && !shared) return true;
  }
  return true;
}

/** The object of a refusing verb is the offer: none, a pronoun, the offer by name or the reward. */
function refusesOffer(tokens: Token[], verb: PhraseMatch, rewards: PhraseMatch[], sentenceEnd: number) {
  let at = verb.to;
  if (tokens[at - 1].normal === 'no.') return true;
  if (['to', 'on', 'up'].includes(tokens[at]?.normal)) at++;
  const next = tokens[at];
  if (at >= sentenceEnd || next.type === 'punctuation' || clauseEnds.has(next.normal)) return true;
  if (next.pos === 'PRON' || next.normal === 'one') return true;
  return range(at, Math.min(sentenceEnd, at + 3)).some(
    (i) => offerWords.has(tokens[i].lemma) || rewards.some((r) => r.from === i),
  );
}

/** A refusal denied or only weighed: "I couldn't refuse", "who am I to say no", "hard to turn down". */
const isUnsaid = (tokens: Token[], verb: PhraseMatch) =>
  tokens[verb.from].negated || tokens[verb.from - 1]?.normal === 'to';

/** The reviewer turned down an offer in this sentence. */
function isRefused(analysis: TextAnalysis, sentence: { from: number; to: number }, rewards: PhraseMatch[]) {
  const { tokens } = analysis;
  const within = [sentence];
  const mine = (m: PhraseMatch) => byReviewer(tokens, m.from, sentence.from);
  // an answer standing alone: "Nope."
  const words = range(sentence.from, sentence.to).filter((i) => tokens[i].type === 'word');
  if (words.length === 1 && ['no', 'nope', 'nah', 'no.'].includes(tokens[words[0]].normal)) return true;
  return (
    // "I'm not going to turn that down" takes the offer.
    refusals
      .find(analysis, within)
      .some((m) => mine(m) && !isNegated(analysis, { from: m.from, to: m.from + 1 })) ||
    leftOutRefusals
      .find(analysis, within)
      .some((m) => m.to >= sentence.to || ['punctuation', 'tabCRLF'].includes(tokens[m.to].type)) ||
    refusingVerbs
      .find(analysis, within)
      .some((m) => mine(m) && !isUnsaid(tokens, m) && refusesOffer(tokens, m, rewards, sentence.to))
  );
}

export interface Incentive {
  span: TextSpan;
  /** The reward depended on a positive review (FTC 16 CFR 465.4 names this the worse case). */
  conditionedOnPositive: boolean;
}

const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) =>
  a.from < b.to && b.from < a.to;

/** Verbs that report a promise: what "I'd" does after them is undertaken, not wished. */
const promising = new Set(['tell', 'say', 'promise', 'agree', 'offer', 'swear', 'mention']);

/** An act in the conditional of the reviewer's own wish: "I'd leave ten reviews if it got me...". */
function isHypothetical(tokens: Token[], at: number, sentenceStart: number): boolean {
  // The whole clause: "I'd post a hundred reviews if..." wishes as much as "I'd post reviews".
  const from = clauseFrom(tokens, at, sentenceStart);
  for (let i = at - 1; i >= from; i--) {
    // "my top-up would be free if I left five stars": the act is the offer's condition
    if (['if', 'once', 'when'].includes(tokens[i].normal) || endsCondition(tokens, i)) return false;
    if (tokens[i].lemma === 'would' || tokens[i].normal === "'d") {
      // "because I'd left her 5 stars" is "I had left": a past act, not a wish
      const verb = tokens[i + 1];
      if (tokens[i].normal === "'d" && verb && verb.pos === 'VERB' && verb.normal !== verb.lemma)
        return false;
      // "they offered an upgrade if I'd write about it": the condition of an offer, not a wish
      if (['if', 'once', 'when'].includes(tokens[i - 2]?.normal) || (i >= 2 && endsCondition(tokens, i - 2)))
        return false;
      // "I told them I'd write something": a promise reported, not a wish
      // ...however the promisee is named: "promised the front desk I'd post this"
      const speech = range(from, i).some((k) => promising.has(tokens[k].lemma));
      return !speech;
    }
    if (tokens[i].type === 'punctuation') break;
  }
  return false;
}

/**
 * Each sentence, title and body, that says the reviewer got something for the review. A reward
 * and the review must be tied: the review as the reason or condition of the reward ("for leaving
 * this review", "if I posted a review", "once my review went up"), the review as what brings it
 * ("posting here puts my name in the drawing"), an exchange named ("in return my filler was at
 * cost"), or reviewers as the recipients ("the free serum they give reviewers"). A reward merely
 * mentioned near a review ("I am writing this review because their holiday special was a great
 * deal"), a denied one ("nobody paid me"), someone else's review ("their Google reviews got me in
 * for the free consult") and a wish ("I'd leave ten reviews if it got me free Botox") do not count.
 */
export function findIncentives(fields: readonly ReadField[]): Incentive[] {
  const found: Incentive[] = [];
  for (const read of fields) {
    const { analysis } = read;
    const { tokens } = analysis;
    // Every reward named, and those really had: "I didn't take the gift card" names one it refuses.
    const named = analysis.sentences.map((sentence) => [
      ...rewardPhrases.find(analysis, [sentence]),
      ...exchangesForReview(analysis, sentence),
    ]);
    const real = named.map((found, k) =>
      found.filter((m) => isRealReward(tokens, m, analysis.sentences[k].from)),
    );
    // Only sentences with a reward, and their neighbours, are read further.
    const bySentence = analysis.sentences.map((sentence, k) =>
      real[k].length > 0 || real[k - 1]?.length > 0 || real[k + 1]?.length > 0
        ? readSentence(analysis, sentence, real[k], named[k])
        : nothing,
    );
    analysis.sentences.forEach((sentence, index) => {
      const { rewards, acts } = bySentence[index];
      // "They offered me a free facial for a review. I declined."
      if (rewards.length === 0 || bySentence[index + 1]?.refused) return;
      const namedAfter = rewards.find((m) => reviewNouns.has(tokens[m.from].lemma));
      if (namedAfter) {
        found.push({ span: spanOf(read, namedAfter.from, namedAfter.to), conditionedOnPositive: false });
        return;
      }
      const tied = acts.filter((act) => isTied(analysis, act, rewards, sentence));
      // The reward and the review in sentences side by side, bridged by words of a deal: "They
      // offered me a free peel. All I had to do was post about it."
      if (tied.length === 0) {
        const bridged = [index - 1, index + 1].filter(
          (k) =>
            k >= 0 &&
            k < bySentence.length &&
            bySentence[k].acts.length > 0 &&
            !bySentence[k].denied &&
            (bySentence[k].bridge || bySentence[index].bridge),
        );
        if (bridged.length === 0) return;
        const acts = bySentence[bridged[0]].acts;
        const spans = [...rewards, ...acts];
        const from = Math.min(...spans.map((m) => m.from));
        const to = Math.max(...spans.map((m) => m.to));
        const positive = positiveOnly.find(analysis, [
          analysis.sentences[Math.min(index, bridged[0])],
          analysis.sentences[Math.max(index, bridged[0])],
        ]);
        found.push({ span: spanOf(read, from, to), conditionedOnPositive: positive.length > 0 });
        return;
      }
      const within = [sentence];
      // The span runs from the reward to the review, the positive condition included ("something nice").
      const positive = positiveOnly.find(analysis, within);
      const parts = [...tied, ...rewards, ...positive];
      const from = Math.min(...parts.map((m) => m.from));
      const to = Math.max(...parts.map((m) => m.to));
      found.push({ span: spanOf(read, from, to), conditionedOnPositive: positive.length > 0 });
    });
  }
  return found;
}

/** Words that make two sentences one deal: "All I had to do was...", "The catch:", "as promised". */
const bridges = phrases([
  'all i|we|you have|had|needed to do',
  'all they|she|he ask|asked|want|wanted|need|needed',
  'the|my|our catch|deal|condition|requirement|ask|arrangement',
  'in exchange|return',
  'as promised|agreed|requested|asked',
  'for it|this|that',
]);

/** What one sentence holds of a reward for a review: real rewards, the reviewer's own acts. */
interface SentenceReading {
  rewards: PhraseMatch[];
  acts: PhraseMatch[];
  denied: boolean;
  /** The reviewer turned an offer down, which undoes an offer told in the sentence before too. */
  refused: boolean;
  bridge: boolean;
}

const nothing: SentenceReading = { rewards: [], acts: [], denied: false, refused: false, bridge: false };

function readSentence(
  analysis: TextAnalysis,
  sentence: { from: number; to: number },
  real: PhraseMatch[],
  named: PhraseMatch[],
): SentenceReading {
  const { tokens } = analysis;
  const within = [sentence];
  const refused = isRefused(analysis, sentence, named);
  const denied = refused || denials.find(analysis, within).length > 0;
  const bridge = bridges.find(analysis, within).length > 0;
  let rewards = real;
  const acts = reviewActPhrases
    .find(analysis, within)
    .filter((m) => !rewards.some((r) => overlaps(r, m)) && isOwnReview(tokens, m, sentence.from));
  const othersWays =
    rewards.length > 0 &&
    (otherClinics.find(analysis, within).some((m) => m.from < rewards[0].from) ||
      isWitnessed(tokens, sentence.from, rewards[0].from) ||
      // "I wish they gave...": a reward wished for, not had
      range(sentence.from, rewards[0].from).some((i) => tokens[i].lemma === 'wish'));
  if (denied || othersWays) rewards = [];
  return { rewards, acts, denied, refused, bridge };
}

/** Others' ways, told as such: "some clinics give you free stuff for reviews; this one doesn't". */
const otherClinics = phrases(
  [
    'some|other|many|most ~2 clinic|place|office|practice|spa|injector|doctor|provider',
    // a clinic the reviewer left, or someone else's: "my last place", "my old med spa", "a different
    // practice", "a med spa down the street", "my friend's clinic", "my aunt's dermatologist"
    'last|old|previous|former|different|another ~2 clinic|place|office|practice|spa|medspa|injector|doctor|provider|dermatologist|derm|surgeon',
    "@relation 's ~1 clinic|place|office|practice|spa|medspa|injector|doctor|provider|dermatologist|derm|surgeon",
    'a ~2 clinic|place|office|practice|spa|medspa down|up|across the street|road|way',
    // clinics in general: "I wish clinics gave gift cards for reviews"
    '=clinics|=places|=offices|=practices|=spas|=injectors|=doctors|=providers',
  ],
  { relation: relations },
);

/** Verbs of having seen or heard of something, and who it was others got rewarded. */
const witnessing = new Set(['see', 'saw', 'seen', 'hear', 'heard', 'read', 'notice', 'tell', 'told']);
const otherPeople = new Set([
  'people',
  'others',
  'patients',
  'customers',
  'clinics',
  'offices',
  'places',
  'practices',
  'someone',
  'friend',
  'sister',
  'coworker',
  'cousin',
]);

/**
 * Rewards the reviewer saw or heard others get, not one of their own: "Saw on another site that
 * people got free filler for reviews", "I've seen clinics bribe people with gift cards".
 */
function isWitnessed(tokens: Token[], sentenceStart: number, rewardFrom: number): boolean {
  const before = range(sentenceStart, rewardFrom);
  return (
    before.some((i) => isWitnessing(tokens, i, sentenceStart)) &&
    before.some((i) => otherPeople.has(tokens[i].normal))
  );
}

/**
 * A verb of seeing or hearing, but not the practice telling the reviewer its terms: in "they told
 * me patients who review get a voucher" the patients are the reviewer's kind, and the offer theirs.
 */
function isWitnessing(tokens: Token[], at: number, sentenceStart: number): boolean {
  const t = tokens[at];
  if (!witnessing.has(t.normal) && !witnessing.has(t.lemma)) return false;
  if (t.lemma !== 'tell' || !['me', 'us'].includes(tokens[at + 1]?.normal)) return true;
  const teller = tokens[at - 1];
  return at > sentenceStart && (otherPeople.has(teller.normal) || relations.includes(teller.lemma));
}

/**
 * A fee forgone is said with a negation, which is the reward, not its denial: "they didn't charge
 * me", "at no charge once my review was up", "without the surgeon's fee".
 */
const isForgone = (tokens: Token[], reward: PhraseMatch) => {
  const first = tokens[reward.from];
  // "wouldn't do it without a charge" charges
  if (['without', 'minus'].includes(first.normal)) return !first.negated;
  // "not charged", "at no cost", "cost nothing", "my balance went to zero": the negation is the
  // reward's own.
  return range(reward.from, reward.to).some((i) => negators.has(tokens[i].normal));
};

/** Verbs of handing something over, and what a treatment gives that is no gift. */
const handing = new Set(['give', 'send', 'mail', 'hand', 'email', 'offer', 'promise']);
const outcomeWords = new Set([
  ...treatmentWords,
  'result',
  'outcome',
  'look',
  'confidence',
  'smile',
  'shape',
  'profile',
  'body',
]);

/** The review, as the first word of a reward named after it. */
const reviewNouns = new Set(['review', 'testimonial']);

/** Verbs that take something off, said of a price or, by a reviewer, of a rating. */
const reducing = new Set(['knock', 'take', 'shave', 'bring']);

function isRealReward(tokens: Token[], reward: PhraseMatch, sentenceStart: number): boolean {
  const first = tokens[reward.from];
  if (isForgone(tokens, reward)) return true;
  // "knocking off one star", "took a star off": the reviewer's own rating, not a price
  if (
    reducing.has(first.lemma) &&
    range(reward.from, Math.min(tokens.length, reward.to + 3)).some((i) => tokens[i].lemma === 'star')
  )
    return false;
  const next = tokens[reward.from + 1];
  const before = tokens[reward.from - 1];
  // "pain-free", "free of bruising", "feel free": freedom from something, not a gift.
  if (first.lemma === 'free' && (before?.text === '-' || next?.normal === 'of' || before?.lemma === 'feel'))
    return false;
  if (range(reward.from, reward.to).some((i) => tokens[i].negated)) return false;
  // "I'll give credit where it's due": praise, not an account credit.
  if (first.lemma === 'credit' && next?.normal === 'where') return false;
  // "gave me a tummy tuck result I didn't think possible": the care itself, not a gift
  const given = range(reward.from, reward.to).some((i) => handing.has(tokens[i].lemma));
  if (given && range(reward.from, reward.to).some((i) => outcomeWords.has(tokens[i].lemma))) return false;
  for (let i = sentenceStart; i < reward.from; i++) if (spanishNegators.has(tokens[i].normal)) return false;
  return true;
}

/** What may stand between "at" and the review that is a visit: "at my two-week review". */
const appointmentTags = new Set(['DET', 'PRON', 'ADJ', 'NUM', 'NOUN']);
const namesAppointment = (t: Token) => appointmentTags.has(t.pos) || t.text === '-';

function isOwnReview(tokens: Token[], act: PhraseMatch, sentenceStart: number): boolean {
  const head = tokens[act.from];
  if (isHypothetical(tokens, act.from, sentenceStart)) return false;
  // "fixed it for free at my two-week review": a follow-up appointment, not a review of the practice
  if (head.lemma === 'review') {
    let before = act.from - 1;
    while (before > sentenceStart && namesAppointment(tokens[before])) before--;
    if (before < act.from - 1 && ['at', 'during'].includes(tokens[before].normal)) return false;
  }
  for (let i = act.from - 1; i >= Math.max(sentenceStart, act.from - 2); i--) {
    if (othersReviews.has(tokens[i].normal)) return false;
  }
  // "review" as a verb is the reviewer's act with the practice as object ("review us", "for
  // reviewing"), not when a chart or a plan is reviewed.
  if (head.lemma === 'review' && head.pos === 'VERB' && act.to - act.from === 1) {
    const object = tokens[act.to];
    // "review it", "review them": the visit or the practice, as the reviewer's act
    const practice = ['us', 'them', 'her', 'him', 'it', 'here', 'on', 'the', 'this', 'dr', 'dr.'];
    // "my chart", "a plan", "their photos": a thing reviewed, not the practice
    const thing = object && ['DET', 'NOUN', 'PRON', 'NUM', 'ADJ'].includes(object.pos);
    return !thing || practice.includes(object.normal) || object.pos === 'PROPN';
  }
  return true;
}

/** Verbs of asking for the review. */
const requesting = new Set(['ask', 'request', 'invite', 'encourage', 'urge', 'beg']);

/** Verbs that, with "it" or "one", refer back to the review named before: "if I filled it out". */
const completing = new Set(['fill', 'finish', 'complete', 'submit', 'write', 'post', 'leave', 'send']);

/** The reviewer doing the review again by a pro-form: "I did", "I filled it out", "we left one". */
function isDoneAgain(tokens: Token[], at: number): boolean {
  if (!['i', 'we', 'you'].includes(tokens[at]?.normal)) return false;
  const verb = ["'d", 'had', 'would'].includes(tokens[at + 1]?.normal) ? at + 2 : at + 1;
  if (tokens[verb]?.lemma === 'do') return true;
  return completing.has(tokens[verb]?.lemma) && ['it', 'one', 'that'].includes(tokens[verb + 1]?.normal);
}

function isTied(
  analysis: TextAnalysis,
  act: PhraseMatch,
  rewards: PhraseMatch[],
  sentence: { from: number; to: number },
): boolean {
  const { tokens } = analysis;
  // Words in the scope of a negation are denied, unless the negation is the fee forgone.
  const forgone = rewards.filter((r) => isForgone(tokens, r));
  const clear = (i: number) => !tokens[i].negated || forgone.some((r) => r.from < i);
  // The review as the reason or condition: "for leaving this review", "if I did", "once my review went up".
  // Within the act's clause: "when I told them I'd write something here".
  // "if you come back and post a review": one condition of two verbs sharing their subject; past
  // the "and" only a condition with its subject ties ("for my birthday and wrote a review" does not).
  // Gerunds in a row share their tie however long the first one's object: "for tagging the clinic
  // in a story and leaving a review".
  let shared = false;
  let parallel = false;
  const gerund = (t: Token | undefined) => t !== undefined && t.pos === 'VERB' && t.normal.endsWith('ing');
  for (let i = act.from - 1; i >= Math.max(sentence.from, act.from - (parallel ? 10 : 6)); i--) {
    const subjectNext = subjects.has(tokens[i + 1].normal);
    const inParallel = parallel && gerund(tokens[i + 1]);
    const tie = tiesBefore.has(tokens[i].normal) || endsCondition(tokens, i);
    if (tie && clear(i) && (!shared || subjectNext || inParallel)) return true;
    if (['and', 'or'].includes(tokens[i].normal) && tokens[i + 1].pos === 'VERB') {
      shared = true;
      parallel = gerund(tokens[i + 1]);
    } else if (clauseEnds.has(tokens[i].normal)) break;
    // "conditional on updating my review", "depending on my rating"
    if (['on', 'upon'].includes(tokens[i].normal) && conditions.has(tokens[i - 1]?.lemma ?? '') && clear(i))
      return true;
  }
  // The review as what the reward brought about: "they credit you $30 a review, so here it is";
  // but stars given for care that cost nothing are the care's rating: "fixed it free, so four stars".
  const rating = range(act.from, act.to).some((i) => tokens[i].lemma === 'star');
  for (let i = act.from - 1; !rating && i >= Math.max(sentence.from, act.from - 3); i--) {
    if (['so', 'hence', 'thus'].includes(tokens[i].normal) && rewards.some((r) => r.to <= i) && clear(i))
      return true;
  }
  // The review as the purpose the reward was given for: "they gave me 20% off to post here", or
  // the request that came with it: "a $50 voucher in the card, with a note asking us to share our
  // experience".
  if (tokens[act.from - 1]?.normal === 'to') {
    if (rewardInClauseBefore(tokens, rewards, act.from - 1, sentence.from)) return true;
    const from = clauseFrom(tokens, act.from, sentence.from);
    const asking = range(Math.max(from, act.from - 4), act.from).find((k) => requesting.has(tokens[k].lemma));
    const withIt = (r: PhraseMatch) => range(r.to, asking ?? r.to).some((k) => tokens[k].normal === 'with');
    if (asking !== undefined && rewards.some((r) => r.from >= from && r.to <= asking && withIt(r)))
      return true;
  }
  // The review as what brings the reward: "posting here puts my name in", "Review us, get 10% off",
  // and further on when said to whoever reviews: "leave a review and show the desk and you get".
  for (let i = act.to; i < Math.min(sentence.to, act.to + 9); i++) {
    // "...show this review at my next visit to get the free peel": its purpose, however far
    const toReviewer = i < act.to + 5 || ['you', 'u', 'we', 'i', 'to'].includes(tokens[i - 1].normal);
    if (reviewBrings.has(tokens[i].lemma) && toReviewer && clear(i)) return true;
    if (i >= act.to + 5) continue;
    // "leave 5 stars for a free syringe"; but "I gave five stars for the free touch-up" praises it.
    const given = range(Math.max(sentence.from, act.from - 3), act.to).some(
      (k) => tokens[k].lemma === 'give',
    );
    if (['for', '4'].includes(tokens[i].normal) && !given) {
      if (rewards.some((r) => r.from > i && r.from <= i + 4)) return true;
    }
  }
  // Reviewers as the recipients: "the free serum they give reviewers", "five-star reviewers get".
  if (tokens[act.to - 1].lemma === 'reviewer') return true;
  // The reward given for what was written: "writing this bc they promised me a free B12 shot".
  for (let i = act.to; i < sentence.to - 1; i++) {
    if (['because', 'bc', 'cuz', 'since'].includes(tokens[i].normal)) {
      const giving = range(i + 1, Math.min(sentence.to, i + 5)).some((k) =>
        ['promise', 'offer', 'give', 'pay', 'credit', 'comp', 'hook'].includes(tokens[k].lemma),
      );
      if (giving || rewards.some((r) => r.from > i && r.from <= i + 4)) return true;
    }
    // "...free units for each", "...points per review"
    if (['each', 'every', 'per'].includes(tokens[i].normal) && rewards.some((r) => r.to <= i)) return true;
    // "...they offered a free session if I did", "...a refund if I filled it out"
    if (['if', 'once', 'when', 'after'].includes(tokens[i].normal) && isDoneAgain(tokens, i + 1)) return true;
  }
  // A deal told as two things done: "promised the desk I'd post this and they knocked $50 off",
  // "she told me to write something nice and my next visit is half off", or offered as one:
  // "leave a review and we'll refund your consult".
  const clause = clauseFrom(tokens, act.from, sentence.from);
  const offered = clause === act.from && tokens[act.from].pos === 'VERB';
  // or named a deal before it: "My deal with the clinic: I write a review and my session is free".
  const dealt =
    offered ||
    range(clause, act.from).some((k) => promising.has(tokens[k].lemma) || tokens[k].lemma === 'ask') ||
    bridges.find(analysis, [sentence]).some((m) => m.to <= act.from);
  for (let i = act.to; dealt && i < Math.min(sentence.to, act.to + 4); i++) {
    if (tokens[i].normal === 'and' && rewards.some((r) => r.from > i && r.from <= i + 6) && clear(i))
      return true;
  }
  // An exchange named as such: "in return my cheek filler was at cost", "as a thank-you".
  return exchange.find(analysis, [sentence]).some((m) => clear(m.from));
}
