import type { TextSpan } from './engine';
import { fold, matchesOf, type Sentence, sentences } from './text';

/**
 * How the review rules read a review's words: the treatment it names, the provider it names, the
 * sentence saying the reviewer was rewarded, and which way its sentiment leans. Every finding keeps
 * its offsets in the original field so the console can highlight it.
 */

export interface ReviewText {
  title: string;
  body: string;
}

type Field = keyof ReviewText;

/** The body first: it is where reviewers describe what was done; the title is a headline. */
const fieldsOf = (review: ReviewText): [Field, string][] => [
  ['body', review.body],
  ['title', review.title],
];

// REV_INCENTIVE and REV_MISMATCH split the same review, body and title, one after the other.
const recentSplits = new Map<string, Sentence[]>();

function sentencesOf(text: string): Sentence[] {
  let split = recentSplits.get(text);
  if (!split) {
    if (recentSplits.size >= 2) recentSplits.delete(recentSplits.keys().next().value!);
    split = sentences(text);
    recentSplits.set(text, split);
  }
  return split;
}

/** A lexicon entry as a pattern: a space also matches a hyphen or nothing, an apostrophe a curly one. */
const lexiconPattern = (terms: readonly string[]): RegExp =>
  new RegExp(
    `\\b(?:${[...terms]
      .sort((a, b) => b.length - a.length)
      .map((term) =>
        term
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/ /g, '[\\s-]*')
          .replace(/'/g, "['’]"),
      )
      .join('|')})(?:e?s)?\\b`,
    'gi',
  );

/**
 * What counts as naming the treatment. Product and procedure names with their everyday synonyms
 * ("tox", "nose job", "lipo"), the tools that only one kind of treatment uses ("units",
 * "syringe", "cannula"), and the area or concern treated: "my crow's feet softened" or "my lips
 * look fuller" tells the next patient what was done as well as "Botox" would. Bare "treatment",
 * "procedure", "surgery" or "appointment" do not count: a reader cannot tell what was done, which is
 * the point of the rule.
 */
const treatmentTerms = [
  // toxins
  'botox',
  'baby botox',
  'tox',
  'toxin',
  'dysport',
  'xeomin',
  'jeuveau',
  'daxxify',
  'neurotoxin',
  'botulinum',
  'lip flip',
  'units',
  // fillers
  'filler',
  'dermal filler',
  'juvederm',
  'restylane',
  'radiesse',
  'sculptra',
  'voluma',
  'volbella',
  'rha',
  'hyaluronic',
  'syringe',
  'cannula',
  'dissolver',
  'dissolved',
  'dissolving',
  'hyaluronidase',
  'injectable',
  'injection',
  'injected',
  'injector',
  // fat, skin and energy devices
  'kybella',
  'coolsculpting',
  'cool sculpting',
  'cryolipolysis',
  'emsculpt',
  'laser',
  'fraxel',
  'co2',
  'resurfacing',
  'ipl',
  'photofacial',
  'bbl',
  'peel',
  'microneedling',
  'micro needling',
  'prp',
  'hydrafacial',
  'facial',
  'thread lift',
  // surgery
  'facelift',
  'face lift',
  'mini lift',
  'neck lift',
  'brow lift',
  'rhinoplasty',
  'nose job',
  'septoplasty',
  'blepharoplasty',
  'eyelid surgery',
  'eye lift',
  'tummy tuck',
  'abdominoplasty',
  'mommy makeover',
  'lipo',
  'liposuction',
  'implant',
  'breast augmentation',
  'augmentation',
  'breast lift',
  'breast reduction',
  'boob job',
  // areas and concerns
  'forehead',
  'frown lines',
  'elevens',
  '11s',
  "crow's feet",
  'brow',
  'lip',
  'cheek',
  'under eye',
  'tear trough',
  'eyelid',
  'lid',
  'jawline',
  'jowl',
  'chin',
  'double chin',
  'nose',
  'nostril',
  'neck',
  'belly',
  'stomach',
  'tummy',
  'abdomen',
  'flank',
  'love handle',
  'thigh',
  'waist',
  'breast',
  'acne scar',
  'sun spot',
  'age spot',
  'dark spot',
  'melasma',
  'pore',
  'fine line',
  'lines',
  'wrinkle',
  'rosacea',
  'pigmentation',
  'redness',
  'texture',
  'spots',
  'skin',
  'complexion',
  'eye',
  'frown',
  'scar',
  'abs',
  'muffin top',
  'compression garment',
];

const treatmentPattern = lexiconPattern(treatmentTerms);

function firstMatch(review: ReviewText, pattern: RegExp): TextSpan | null {
  for (const [field, text] of fieldsOf(review)) {
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    if (match) return { field, start: match.index, end: match.index + match[0].length, text: match[0] };
  }
  return null;
}

/** The first words that name the treatment, the body before the title. */
export const findTreatment = (review: ReviewText): TextSpan | null => firstMatch(review, treatmentPattern);

/**
 * A provider named in person: "Dr. Smith", "Doctor Patel", "nurse Kelly", "my injector Anna". The
 * name must be capitalised, so "the nurse was kind" names nobody.
 */
const providerPattern =
  /\b(?:[Dd]r\.?|[Dd]octor|[Nn]urse(?: [Ii]njector)?|NP|PA(?:-C)?|RN|[Ii]njector|[Ee]?sthetician|[Aa]esthetician|[Ss]urgeon)\s+(?!(?:Dr|Doctor|Nurse|Practitioner|Injector)\b)[A-Z][a-z]+(?:['’-][A-Za-z]+)?/;

export const findProvider = (review: ReviewText): TextSpan | null => firstMatch(review, providerPattern);

// --- Incentives ---------------------------------------------------------------------------------

/** Something of value: free or discounted care, cards, credits, refunds, a chance in a draw. */
const reward =
  "(?<!\\w)(?:free|complimentary|comped|comp'd|discount(?:ed)?|\\d+ ?%(?: off)?|\\$ ?\\d+|half off|half price|" +
  '\\w+ (?:percent|dollars) off|gift ?cards?|vouchers?|coupons?|refund(?:ed|s)?|money back|' +
  '(?:account |store |a )credit|credited|prizes?|raffle|prize draw|drawing|giveaway|sweepstakes|' +
  '(?:loyalty |reward |bonus )?points|waived?|perks?|rewards?|rewarded|paid me|pays? (?:me|us|patients))(?!\\w)';

/** The review itself, however it is called. */
const reviewAct =
  '(?:(?:(?:five|5)[ -]star )?(?:reviews?|reviewers?|reviewing|ratings?|testimonials?)|(?:five|5)[ -]stars?)';

/** Wording that makes the reward depend on a positive review rather than on any review. */
const positiveOnly =
  /\b(?:(?:five|5)[ -]stars?|(?:positive|good|great|glowing) reviews?|top ratings?|perfect scores?)\b/;

/** Up to n words in between, none of them ending a clause: a comma breaks the tie. */
const gap = (n: number) => `(?: [\\w'$%-]+){0,${n}}?`;

const postVerb = '(?:leave|leaves|leaving|left|post|posts|posting|posted|write|writes|writing|wrote)';
const giveVerb = '(?:give|gives|giving|gave|update|updated)';

/**
 * The ways a reward is tied to the review: "X for leaving this review", "X in exchange for a
 * review", "X if I posted a review", "five-star reviews get X", "leave 5 stars for X", "since I
 * promised to leave a review". A reward merely mentioned next to a review ("I'm writing this review
 * because their holiday special was a great deal") is not tied to it. "Giving" five stars "for the
 * free touch-up" is praise for the touch-up, so giving only ties with "and get".
 */
const tiedReward = [
  new RegExp(
    `${reward}.*?\\b(?:for|in exchange for|in return for|as (?:a )?thanks? (?:you )?for|if|when|once|as long as|provided)\\b${gap(5)} ${reviewAct}\\b`,
  ),
  new RegExp(`\\b(?:in exchange|in return) for${gap(4)} ${reviewAct}\\b.*${reward}`),
  new RegExp(
    `\\b${reviewAct} (?:will |would |also |automatically )?(?:gets?|got|earns?|earned|enters?|entered|qualif\\w+|wins?|scores?)\\b.*${reward}`,
  ),
  new RegExp(
    `\\b${postVerb}${gap(3)} ${reviewAct},? (?:(?:and |to )?(?:get|gets|receive|earn|win|be entered)|for|into|in exchange for|in return for)\\b${gap(3)} ${reward}`,
  ),
  new RegExp(
    `\\b${giveVerb}${gap(3)} ${reviewAct},? (?:and |to )?(?:get|gets|receive|earn|win)\\b${gap(3)} ${reward}`,
  ),
  new RegExp(`\\bif (?:i|we|you|they) (?:${postVerb}|${giveVerb})${gap(3)} ${reviewAct}\\b.*${reward}`),
  new RegExp(
    `${reward}.*\\b(?:because|since) (?:i|we) (?:agreed|promised|offered|said (?:i|we) would) to (?:leave|write|post|give)\\b`,
  ),
  new RegExp(
    `\\b(?:${reviewAct}|${postVerb} (?:this|it))${gap(2)} because (?:they|she|he|the \\w+) (?:promised|offered|gave)${gap(2)} ${reward}`,
  ),
  new RegExp(`\\bfor (?:every|each)${gap(1)} ${reviewAct}\\b.*${reward}`),
];

/** Every tied reward names a reward: a sentence without one need not be tried on each pattern. */
const anyReward = new RegExp(reward);

/** "Nobody paid me", "the discount was for the package, not for this review": a denial, not an incentive. */
const deniedReward = new RegExp(
  `\\b(?:not|never|no|nothing|nobody|no one|didn't|wasn't|weren't|without|zero)${gap(3)} ${reward}|\\bnot (?:sponsored|paid|compensated|incentivi[sz]ed|in exchange)\\b|\\bnot for${gap(2)} ${reviewAct}\\b`,
);

export interface Incentive {
  span: TextSpan;
  /** The reward depended on a positive review (FTC 16 CFR 465.4 names this the worse case). */
  conditionedOnPositive: boolean;
}

/** Each sentence that says the reviewer got something for the review, title and body. */
export function findIncentives(review: ReviewText): Incentive[] {
  const found: Incentive[] = [];
  for (const [field, text] of fieldsOf(review)) {
    for (const sentence of sentencesOf(text)) {
      const folded = fold(sentence.text);
      if (!anyReward.test(folded)) continue;
      if (!tiedReward.some((pattern) => pattern.test(folded)) || deniedReward.test(folded)) continue;
      found.push({
        span: { field, start: sentence.start, end: sentence.end, text: sentence.text },
        conditionedOnPositive: positiveOnly.test(folded),
      });
    }
  }
  return found;
}

// --- Sentiment ----------------------------------------------------------------------------------

const positiveWords = new Set([
  'love',
  'loved',
  'amazing',
  'wonderful',
  'fantastic',
  'excellent',
  'great',
  'perfect',
  'perfectly',
  'beautiful',
  'beautifully',
  'gorgeous',
  'stunning',
  'flawless',
  'natural',
  'happy',
  'thrilled',
  'delighted',
  'pleased',
  'glad',
  'best',
  'gentle',
  'kind',
  'caring',
  'lovely',
  'friendly',
  'attentive',
  'professional',
  'skilled',
  'talented',
  'knowledgeable',
  'impressed',
  'incredible',
  'outstanding',
  'awesome',
  'superb',
  'phenomenal',
  'fabulous',
  'grateful',
  'thankful',
  'recommend',
  'recommended',
  'thank',
  'thanks',
  'exceeded',
  'worth',
  'comfortable',
  'refreshed',
  'nice',
]);

const negativeWords = new Set([
  'awful',
  'terrible',
  'horrible',
  'horrendous',
  'worst',
  'nightmare',
  'disaster',
  'disastrous',
  'botched',
  'butchered',
  'ruined',
  'lopsided',
  'uneven',
  'asymmetrical',
  'crooked',
  'deformed',
  'rude',
  'rushed',
  'dismissive',
  'ignored',
  'overcharged',
  'scam',
  'ripoff',
  'disappointed',
  'disappointing',
  'disappointment',
  'regret',
  'unprofessional',
  'incompetent',
  'careless',
  'negligent',
  'sloppy',
  'dirty',
  'unsafe',
  'lied',
  'misleading',
  'avoid',
  'waste',
  'furious',
  'angry',
  'upset',
  'unhappy',
  'hate',
  'hated',
  'disgusting',
  'poor',
  'poorly',
  'worse',
  'bad',
  'painful',
  'infection',
  'infected',
  'traumatic',
  'devastated',
  'terrified',
  'refused',
  'lumpy',
  'lumps',
  'pushy',
  'overpriced',
  'complaint',
  'droopy',
  'drooping',
  'heavy',
]);

/**
 * Praise words that, about someone else's opinion, say nothing of the reviewer's own: "many people
 * recommend it", "my sister recommended Dr. Lee". A referral is how patients find doctors, in
 * glowing and furious reviews alike.
 */
const referrals = new Set(['recommend', 'recommended', 'recommends']);
const thirdParties = new Set([
  'people',
  'everyone',
  'everybody',
  'friend',
  'friends',
  'sister',
  'brother',
  'mother',
  'mom',
  'cousin',
  'coworker',
  'colleague',
  'neighbor',
  'husband',
  'wife',
  'partner',
  'daughter',
  'son',
  'aunt',
  'dermatologist',
  'doctor',
]);

/** Comparatives that a negation turns into praise: "couldn't be happier", "could not be more pleased". */
const praisingComparatives = new Set(['happier', 'better']);

const negators = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'hardly',
  'barely',
  "isn't",
  "wasn't",
  "weren't",
  "aren't",
  "don't",
  "doesn't",
  "didn't",
  "can't",
  'cannot',
  "couldn't",
  "won't",
  "wouldn't",
  'without',
]);

/** Words that make what follows a wish rather than an experience: "I wanted to love this place". */
const counterfactuals = new Set(['wanted', 'hoped', 'expected', 'wish', 'wished', 'promised', 'supposed']);

/** Fixed phrases whose words mislead one at a time; 0 marks words that are no sentiment at all. */
const phrases: { words: string[]; sentiment: 1 | 0 | -1 }[] = [
  { words: ['best', 'friend'], sentiment: 0 },
  { words: ['learned', 'my', 'lesson'], sentiment: -1 },
  { words: ['never', 'again'], sentiment: -1 },
  { words: ['save', 'your', 'money'], sentiment: -1 },
  { words: ['stay', 'away'], sentiment: -1 },
  { words: ['run', 'away'], sentiment: -1 },
  { words: ['no', 'complaints'], sentiment: 1 },
  { words: ["don't", 'like'], sentiment: -1 },
  { words: ["didn't", 'like'], sentiment: -1 },
  { words: ['do', 'not', 'like'], sentiment: -1 },
  { words: ['did', 'not', 'like'], sentiment: -1 },
  { words: ['would', 'go', 'back'], sentiment: 1 },
  { words: ['10', '10'], sentiment: 1 },
];

/** The phrases by their first word, each list in the order of `phrases`. */
const phrasesByFirstWord = new Map<string, typeof phrases>();
for (const phrase of phrases) {
  phrasesByFirstWord.set(phrase.words[0], [...(phrasesByFirstWord.get(phrase.words[0]) ?? []), phrase]);
}

interface WordAt {
  word: string;
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;

/** The words of a sentence, folded, with their offsets in the field: words() plus where each one is. */
function wordsAt(text: string, offset: number): WordAt[] {
  return matchesOf(wordPattern, text).map((match) => ({
    word: fold(match[0]),
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));
}

/** Words where a text turns: "lovely staff, but my lips are uneven" is mixed, not glowing. */
const contrasts = new Set(['but', 'however', 'though', 'although', 'unfortunately', 'sadly', 'except']);

type Polarity = 1 | -1;

export interface Sentiment {
  positive: TextSpan[];
  negative: TextSpan[];
  /**
   * Contrast words after which the sentiment before them does not come back: "the staff were
   * lovely, but the filler migrated" turns away from praise. A text with such a turn is mixed.
   */
  turns: { from: Polarity; span: TextSpan }[];
}

interface Hit {
  index: number;
  polarity: Polarity;
  span: TextSpan;
}

const spanOf = (field: Field, text: string, tokens: WordAt[], from: number, to: number): TextSpan => ({
  field,
  start: tokens[from].start,
  end: tokens[to].end,
  text: text.slice(tokens[from].start, tokens[to].end),
});

/** Indices of the up to three words before word i in its clause. */
function clauseBefore(text: string, tokens: WordAt[], i: number): number[] {
  const before: number[] = [];
  for (let j = i - 1; j >= 0 && before.length < 3; j--) {
    if (/[,;:]/.test(text.slice(tokens[j].end, tokens[j + 1].start))) break;
    if (contrasts.has(tokens[j].word)) break;
    before.push(j);
  }
  return before;
}

/** "people recommend it", "she recommended him to me", "recommended by my sister". */
function isReferral(tokens: WordAt[], i: number, before: number[]): boolean {
  const after = tokens.slice(i + 1, i + 4).map((t) => t.word);
  return (
    before.some((j) => thirdParties.has(tokens[j].word)) ||
    after[0] === 'by' ||
    (after.includes('me') && !before.some((j) => tokens[j].word === 'i'))
  );
}

/** The fixed phrase that starts at word i, if any. */
const phraseAt = (tokens: WordAt[], i: number) =>
  phrasesByFirstWord
    .get(tokens[i].word)
    ?.find(({ words }) => words.every((word, k) => tokens[i + k]?.word === word));

/** The sentiment words and phrases of one sentence, in order. */
function sentenceHits(field: Field, text: string, tokens: WordAt[]): Hit[] {
  const hits: Hit[] = [];
  const hit = (index: number, last: number, polarity: Polarity) =>
    hits.push({ index, polarity, span: spanOf(field, text, tokens, index, last) });
  for (let i = 0; i < tokens.length; i++) {
    const phrase = phraseAt(tokens, i);
    if (phrase) {
      if (phrase.sentiment !== 0) hit(i, i + phrase.words.length - 1, phrase.sentiment);
      i += phrase.words.length - 1;
      continue;
    }
    const { word } = tokens[i];
    // Only a sentiment word looks back at its clause; most words are none.
    if (!praisingComparatives.has(word) && !positiveWords.has(word) && !negativeWords.has(word)) continue;
    const before = clauseBefore(text, tokens, i);
    // The farthest negator, so that the span reads "not happy" rather than "happy".
    const negator = before.findLast((j) => negators.has(tokens[j].word));
    if (praisingComparatives.has(word)) {
      if (negator !== undefined) hit(negator, i, 1);
    } else if (positiveWords.has(word)) {
      if (before.some((j) => counterfactuals.has(tokens[j].word))) continue;
      if (referrals.has(word) && isReferral(tokens, i, before)) continue;
      // "I can't recommend her enough" is the strongest praise there is.
      const emphatic = tokens.slice(i + 1, i + 4).some((t) => t.word === 'enough');
      if (negator === undefined || emphatic) hit(i, i, 1);
      else hit(negator, i, -1);
    } else if (negator === undefined) {
      hit(i, i, -1);
    }
  }
  return hits;
}

/**
 * The positive and negative words of a review, with negation: a negator up to three words before
 * a word ("not happy", "wouldn't recommend") turns praise into complaint and complaint into nothing
 * ("not bad" is faint praise at most). The window stops at a comma or a contrast word, where a
 * new clause starts. A contrast word that opens a sentence ("However, ...") looks back at the
 * sentence before.
 */
export function readSentiment(review: ReviewText): Sentiment {
  const found: Sentiment = { positive: [], negative: [], turns: [] };
  for (const [field, text] of fieldsOf(review)) {
    let previous: Hit[] = [];
    for (const sentence of sentencesOf(text)) {
      const tokens = wordsAt(sentence.text, sentence.start);
      const hits = sentenceHits(field, text, tokens);
      for (let i = 0; i < tokens.length; i++) {
        if (!contrasts.has(tokens[i].word)) continue;
        const before = i === 0 ? previous : hits.filter((h) => h.index < i);
        const after = hits.filter((h) => h.index > i);
        for (const from of [1, -1] as const) {
          const turned = before.some((h) => h.polarity === from) && !after.some((h) => h.polarity === from);
          if (turned) found.turns.push({ from, span: spanOf(field, text, tokens, i, i) });
        }
      }
      for (const { polarity, span: where } of hits)
        (polarity > 0 ? found.positive : found.negative).push(where);
      previous = hits;
    }
  }
  return found;
}
