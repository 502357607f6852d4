import type { TextAnalysis } from './analysis';
import { phrases, type PhraseMatch } from './phrases';

/**
 * Whose words a phrase is, and whether they are affirmed: the difference between "it lasts
 * forever" and "it doesn't last forever", "ads that claim it lasts forever", "“does it last
 * forever?” you asked", "some people think it lasts forever, which is a myth".
 */

type Span = Pick<PhraseMatch, 'from' | 'to'>;

export function isNegated({ tokens }: TextAnalysis, { from, to }: Span): boolean {
  for (let i = from; i < to; i++) if (tokens[i].negated) return true;
  return false;
}

export function isQuoted({ tokens }: TextAnalysis, { from, to }: Span): boolean {
  for (let i = from; i < to; i++) if (tokens[i].quoted) return true;
  return false;
}

/**
 * Whether a phrase is asked rather than said. A question that asks "why" something is done "when"
 * something else is so takes the second for granted, and says it: "why fly to Istanbul when the
 * greatest injector in Birmingham is on your doorstep?"
 */
export function isAsked({ tokens, sentences }: TextAnalysis, { from }: Span): boolean {
  const sentence = sentences[tokens[from].sentence];
  if (!sentence.question) return false;
  let why = false;
  for (let i = sentence.from; i < from; i++) {
    if (tokens[i].normal === 'why') why = true;
    else if (why && tokens[i].normal === 'when') return false;
  }
  return true;
}

/**
 * Framing before a phrase, in its sentence, that makes it someone else's claim or a warning
 * about one: "clinics that promise", "you may have heard", "beware of", "if anyone tells you".
 */
const stancePattern = 3;
const reporting = phrases(
  [
    '@claimant who|that|which ~3 @claim',
    '@claimant ~2 @claim that?',
    '@warning',
    '@stance',
    'red flag',
    'if @claimant|you ~3 @claim|hear|read',
    'you|i may|might|could? have? hear|read',
    'you|i may|might|could? have? be tell|told',
    'whether|wonder',
    'ask|asked|question if|whether|about',
    'no such thing',
    'too good to be true',
  ],
  {
    claimant: [
      'anyone',
      'anybody',
      'someone',
      'somebody',
      'whoever',
      'clinic',
      'provider',
      'injector',
      'doctor',
      'place',
      'office',
      'spa',
      'med spa',
      'ad',
      'advert',
      'website',
      'instagram',
      'those',
      'people',
      'patient',
      'friend',
      'sister',
      'mom',
      'mother',
      'they',
      'others',
      'some',
      'many',
      'everyone',
      'internet',
      'competitor',
      'salon',
      'studio',
      'marketing',
    ],
    claim: [
      'claim',
      'promise',
      'advertise',
      'say',
      'tell',
      'sell',
      'offer',
      'market',
      'brag',
      'boast',
      'think',
      'believe',
      'assume',
      'swear',
      'insist',
      'call',
      'guarantee',
      'post',
      // "Anyone promising permanent results": wink reads the participle as an adjective.
      'promising',
    ],
    // The reader's guard a writer asks for ("be wary of", "I'm skeptical when").
    stance: ['wary', 'careful', 'cautious', 'skeptical', 'sceptical', 'suspicious'],
    warning: [
      'beware',
      'suspect',
      'distrust',
      'myth',
      'misconception',
      'slogan',
      'gimmick',
      'hype',
      'scam',
      'misleading',
      'rumor',
      'rumour',
      'urban legend',
    ],
  },
);

/** Framing after a phrase, in its sentence, that denies it: "...is a myth", "...isn't true". */
const denying = phrases([
  'be|sound ~2 myth|false|untrue|impossible|unrealistic|misleading|nonsense|wrong|lie|exaggeration|fantasy|stretch|overstatement|misinformed|mistaken|misguided|lying',
  // The word held up and refused: "painless is not a word I'd use", "permanent isn't the term".
  'be not ~2 word|term|description',
  'be ~2 red_flag|warning_sign|scam',
  'be not true|real|possible|realistic|accurate|how',
  // "Guaranteeing a correction wouldn't be honest."
  "not|n't be true|possible|realistic|honest|responsible|ethical|fair",
  'no such thing',
  'be too good to be true',
]);

const contrasts = new Set(['but', 'however', 'yet']);

export function isReported(analysis: TextAnalysis, span: Span): boolean {
  const { tokens } = analysis;
  const sentence = analysis.sentences[tokens[span.from].sentence];
  // "Several clinics offer it, but we're the only one that does it properly": what comes after a
  // "but" is the writer's own, whoever was reported before it.
  let opens = span.from;
  while (opens > sentence.from && !contrasts.has(tokens[opens - 1].normal)) opens--;
  const before = { ...sentence, from: opens, to: span.from };
  // A stance before a noun describes it ("a careful injector"); it warns only as a predicate.
  const frames = (m: PhraseMatch) =>
    m.pattern !== stancePattern || !/^(?:NOUN|PROPN)$/.test(tokens[m.to]?.pos ?? '');
  if (before.to > before.from && reporting.find(analysis, [before]).some(frames)) return true;
  const after = { ...sentence, from: span.to };
  return after.to > after.from && denying.find(analysis, [after]).length > 0;
}

/** The writer states it as their own: not denied, not quoted, not asked, not reported or refuted. */
export function isAsserted(analysis: TextAnalysis, span: Span): boolean {
  return (
    !isNegated(analysis, span) &&
    !isQuoted(analysis, span) &&
    !isAsked(analysis, span) &&
    !isReported(analysis, span)
  );
}
