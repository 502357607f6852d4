import type { RuleSeverity } from '../model';
import type { TextAnalysis, Token } from '../language/analysis';
import { licenseStanding } from '../licenses';
import { isValidNpi } from '../npi';
import { type PhraseMatch, type PhraseSet, phrases } from '../language/phrases';
import { negators } from '../language/negation';
import { isAsked, isAsserted, isNegated, isQuoted, isReported } from '../language/scope';
import {
  type AnswerContext,
  type AnswerItem,
  type AnswerRule,
  type EvidenceFact,
  fail,
  type ThresholdSpec,
  pass,
  unknown,
} from './engine';
import { givenNames } from './givenNames';
import { areas } from './reviewWords';
import { labelledUses, useNames, uses } from './labels';
import { subjectOf, type Treatment, type TreatmentMention, treatmentsIn, wordBefore } from './lexicon';
import { lookUp } from '../lookup';

/**
 * The answer rules of RULES.md. Each text rule reads the answer through the language analysis
 * (lemmas, sentences, negation, quotation) and matches phrases, so "it never wears off", "you'll
 * have those lips for life" and "results stay put for good" are one claim, while "it won't last
 * forever", "“is it permanent?” you asked" and "clinics that promise permanent results" are not.
 */

/** An answer as the text rules read it. */
interface Reading {
  analysis: TextAnalysis;
  mentions: TreatmentMention[];
  /** The treatment the question is about, for sentences that name none. */
  asked: Treatment | null;
}

/** Offending tokens [from, to) and what a moderator should read about them. */
interface Finding {
  from: number;
  to: number;
  message: string;
}

// The rules of a run read the same item one after another: read it once.
const readings = new WeakMap<AnswerItem, { question: AnswerContext['question']; reading: Reading }>();

function read(item: AnswerItem, context: AnswerContext): Reading {
  const known = readings.get(item);
  if (known && known.question === context.question) return known.reading;
  const analysis = context.read(item.body);
  const question = context.question;
  const asked = question
    ? (treatmentsIn(context.read(`${question.procedure}. ${question.title}. ${question.body}`))[0] ?? null)
    : null;
  const reading = { analysis, mentions: treatmentsIn(analysis), asked };
  readings.set(item, { question, reading });
  return reading;
}

/** The rules with a learned reading, and the lemmas each leaves to its phrases (answerModel.ts). */
export const learnedReadings = new Map<string, readonly string[]>();

function textRule(spec: {
  id: string;
  severity: RuleSeverity;
  description: string;
  passMessage: string;
  threshold?: ThresholdSpec;
  /**
   * The rule's learned reading (answerModel.ts), asked when its phrases find nothing: what the
   * message calls the claim, and how sure the reading must be.
   */
  learned?: { claim: string; likelihood: ThresholdSpec; leaves?: readonly string[] };
  find(reading: Reading, context: AnswerContext, item: AnswerItem): Finding[];
}): AnswerRule {
  if (spec.learned) learnedReadings.set(spec.id, spec.learned.leaves ?? []);
  const rule: AnswerRule = {
    id: spec.id,
    type: 'answers',
    severity: spec.severity,
    description: spec.description,
    ...(spec.threshold ? { threshold: spec.threshold } : {}),
    ...(spec.learned ? { tunables: { learnedLikelihood: spec.learned.likelihood } } : {}),
    check(item: AnswerItem, context: AnswerContext) {
      const reading = read(item, context);
      const spans = (findings: { from: number; to: number }[]) => {
        const { tokens } = reading.analysis;
        return merged(findings).map(({ from, to }) => ({
          field: 'body',
          start: tokens[from].start,
          end: tokens[to - 1].end,
          text: item.body.slice(tokens[from].start, tokens[to - 1].end),
        }));
      };
      const found = spec.find(reading, context, item);
      // The message is the first finding's as the rule ranks them (a name before a description).
      if (found.length > 0) return fail(rule, found[0].message, { spans: spans(found) });
      const learned = spec.learned && context.claim(reading.analysis, spec.id, learnedReadings.get(spec.id)!);
      if (
        spec.learned &&
        learned &&
        learned.likelihood >= context.setting.tuned.learnedLikelihood &&
        learned.sentence
      )
        return fail(
          rule,
          `Reads as ${spec.learned.claim} to the reading learned from labelled answers ` +
            `(${Math.round(learned.likelihood * 100)}% sure)`,
          { spans: spans([learned.sentence]) },
        );
      return pass(rule, spec.passMessage);
    },
  };
  return rule;
}

/** How sure a rule's learned reading must be, a setting on the Rules page. */
const learnedLimit = (value: number): ThresholdSpec => ({
  default: value,
  min: 0.5,
  max: 1,
  label: 'Learned reading of the claim, where the phrases find none, at or above',
});

/** Overlapping findings as one, so that "I am the best" joins "the best injector in Dallas". */
function merged(findings: { from: number; to: number }[]): { from: number; to: number }[] {
  const kept: { from: number; to: number }[] = [];
  for (const f of [...findings].sort((a, b) => a.from - b.from)) {
    const last = kept[kept.length - 1];
    if (last && f.from < last.to) last.to = Math.max(last.to, f.to);
    else kept.push({ ...f });
  }
  return kept;
}

/** The tokens of a match's clause before it (back to a comma, semicolon or conjunction) and after it. */
function clauseAround(analysis: TextAnalysis, match: { from: number; to: number }) {
  const { tokens, sentences } = analysis;
  const sentence = sentences[tokens[match.from].sentence];
  // "for a while" is a stretch of time, not a clause.
  const breaks = (t: Token) =>
    /^[,;:()—–•·▪●]$/.test(t.text) || t.type === 'tabCRLF' || (clauseWords.has(t.normal) && t.pos !== 'NOUN');
  let from = match.from;
  while (from > sentence.from && !breaks(tokens[from - 1])) from--;
  let to = match.to;
  while (to < sentence.to && !breaks(tokens[to])) to++;
  return { before: { from, to: match.from }, after: { from: match.to, to } };
}
const clauseWords = new Set(['but', 'although', 'though', 'whereas', 'while', 'because', 'so', 'unless']);

const within = (analysis: TextAnalysis, set: PhraseSet, span: { from: number; to: number }) =>
  span.to > span.from && set.find(analysis, [span]).length > 0;

const selfReference = new Set(
  "i we me us my our im we're i've we've i'd myself ourselves mine ours soy somos yo nosotros mi mis nuestro nuestra".split(
    ' ',
  ),
);
const mentionsSelf = (analysis: TextAnalysis, sentence: number) => {
  const { from, to } = analysis.sentences[sentence];
  return analysis.tokens.slice(from, to).some((t) => selfReference.has(t.normal));
};

// --- The author -----------------------------------------------------------------------------

const authorUnverified: AnswerRule = {
  id: 'ANS_AUTHOR_UNVERIFIED',
  type: 'answers',
  severity: 'block',
  description:
    'The author is not a verified doctor with a current license, a valid NPI and no failing doctor check',
  check(_item, context) {
    const doctor = context.doctor;
    if (!doctor) return unknown(authorUnverified, 'Author not known');
    const today = context.now.slice(0, 10);
    const problems: EvidenceFact[] = [];
    if (doctor.verificationStatus !== 'verified') {
      problems.push({ label: 'Verification', value: doctor.verificationStatus });
    }
    if (licenseStanding(doctor.licenseStatus) === 'not_licensed') {
      problems.push({ label: 'License status', value: doctor.licenseStatus });
    }
    if (doctor.licenseExpiresOn < today) {
      problems.push({ label: 'License expired on', value: doctor.licenseExpiresOn });
    }
    if (!isValidNpi(doctor.npi)) problems.push({ label: 'Invalid NPI', value: doctor.npi });
    for (const result of doctor.ruleResults) {
      if (result.outcome === 'fail' && result.severity === 'block') {
        problems.push({ label: 'Failed doctor check', value: result.ruleId });
      }
    }
    if (problems.length === 0) return pass(authorUnverified, 'Author is a verified doctor in good standing');
    const what = problems.map((p) => `${p.label.toLowerCase()} ${p.value}`).join(', ');
    return fail(authorUnverified, `Author is not a doctor in good standing (${what})`, { facts: problems });
  },
};

// --- Permanence -----------------------------------------------------------------------------

/** Saying a result lasts: a claim when the writer asserts it. */
const lasting = phrases([
  'permanent|permanently|lifelong|everlasting|indefinitely|irreversible|irreversibly|permanente',
  'para siempre',
  'de por vida',
  'forever',
  'for good|life|keeps',
  'for? the rest|remainder of ~3 life|lives',
  // A result that holds after the treatment stops: "you will never develop lines, even after you stop".
  'even after|once|when|if you ~1 stop|quit|discontinue',
  'lifetime result|effect|correction|fix|change|solution|investment',
  'from now|then|here on|out',
  'one - ? time fix|thing|deal|treatment|procedure|investment|solution|expense|cost|payment|job|visit',
  'one - off treatment|procedure|fix',
  'once - ? in - ? a - ? lifetime',
  'one and done',
  'once and for all',
  'stay put',
  // A result that stops going away: "it just stops wearing off", "they stop coming back at all".
  'stop|stops|stopped wearing|fading|coming|creeping ~1 off|away|back',
  'stay|stays|remain|remains just|exactly like_that|the_same',
  'stay|remain gone|smooth|relaxed|balanced|fixed|corrected|away|in_place|that_way|filled|flat|full|slim|slimmer|lifted|plump|cured|switched_off',
  // "whose foreheads remain entirely smooth"; not "stay well away from the brow"
  'stay|remain ADV gone|smooth|relaxed|balanced|fixed|corrected|filled|flat|slim|slimmer|lifted|cured',
  // "by the fourth treatment the effect becomes self-sustaining", "once it's in, it's in"
  'become|becomes|became fixed|self - sustaining|self-sustaining',
  // wink reads a closing "in." as the abbreviation of inch
  'once it be in ,? it be in|in.',
  'set - and - forget',
  "not|n't need ~4 ever_again",
  'never ~3 think ~3 again',
  // "once it's in, it stays in", "in the jaw it just stays", "the effect locks in"
  'stay|stays in ,|.|;|-|and',
  'just|simply stay|stays|sits',
  // "what's there at eighteen months is there to stay", "you don't. It stays."
  'here|there to stay',
  'it|this|that stay|stays .|!|;',
  'set it and forget it',
  'drop|stop|quit the ~1 injection|injections|treatment|treatments altogether|entirely|for_good',
  'lock|locks|locked in',
  // "the shape you get is the shape you keep", "the projection is yours to keep"
  'what|shape|result|look you will? keep',
  'yours to keep',
  'be history',
  'retire from',
  'stop being necessary|needed',
  'hold|last|work on its|their own',
  'graduate from|out',
  'pay once',
  'you will ever need',
  'never ~3 need ~3 again|another|more|anymore',
  // "the result lasts with no further injections"
  'with|without no|any? more|further injection|injections|treatment|treatments|session|sessions',
  'no longer need ~2 it|injection|treatment|more|them',
  'for years and years',
  'last|lasts|stay|be ~1 a lifetime',
  // Lines kept from ever forming: "stops wrinkles from ever forming".
  'from ever form|develop|appear|show|return|come',
]);

/** Saying a result goes away: denying it is the claim ("it never wears off", "isn't absorbed"). */
const fading = phrases([
  'wear off|away|out',
  'fade',
  'break down',
  'degrade|degrades',
  'go away|anywhere',
  'come back',
  'keep paying|coming_back',
  'return',
  'absorb|metabolize|metabolise|dissipate',
  'need|require|have|get ~3 touch-up|touch_up|touchup|top-up|top_up|maintenance|redo|retreatment|another|again|more|second|replace|replacing|replacement',
  'repeat|redo|maintain',
  // "I have patients who haven't needed a single unit since"
  'need|needed ~4 since',
  'reform|reappear|recur|regrow|rebuild|show_up',
  // As written: "can't be dissolved" is the enzyme's work, not the body's.
  '=dissolve|=dissolves|wane|deflate',
  'leave .|;|!',
  'bulk|grow|build|fill back ~1 up|out',
  'use|used up',
]);

/**
 * Nouns "permanent" may qualify and still speak of the result: "a permanent fix", "permanent
 * projection". Before any other noun it describes something else ("permanent makeup", "a permanent
 * haircut", "permanent nerve damage").
 */
const resultNouns = new Set(
  (
    'result results effect effects fix fixes solution correction change changes smoothing smoothness ' +
    'lift projection volume reduction improvement outcome outcomes look cure answer treatment procedure one ' +
    'contour shape definition enhancement'
  ).split(' '),
);
const attributive = (t: Token | undefined) => t !== undefined && (t.pos === 'NOUN' || t.pos === 'PROPN');

/** What cancels a denied fading: "doesn't vanish overnight", "won't wear off for months". */
const partly = phrases([
  'overnight|suddenly|immediately|abruptly|quickly|instantly',
  'right away',
  'at once',
  'the minute|moment|second',
  'completely|fully|entirely|totally|all_the_way|quite',
  'for|until|before|within|in ~2 # ? day|week|month|year|while',
  'for a few|several|many|some ~1 day|week|month|year',
  'so fast|quickly|soon',
  'as fast|quickly|soon',
  'worse|stronger|deeper|faster|harder|heavier|than',
]);
/** Ongoing need in the clause before "forever": "you'd need it for the rest of your life" says the opposite. */
const ongoing = phrases([
  'need|continue|repeat|maintain|pay|come_back|have_to|stay_on|commit|depend',
  'keep|do|get getting|doing|going|coming|paying|injecting|up|it',
  'same dose',
]);

/**
 * A stretch of time a sentence gives, in months: "for six years" 72, "decades from now" 240,
 * "for a few weeks" 1. Null when the words give none.
 */
function monthsIn(analysis: TextAnalysis, span: { from: number; to: number }): number | null {
  const { tokens } = analysis;
  let longest: number | null = null;
  for (let i = span.from; i < span.to; i++) {
    const unit =
      lookUp(unitMonths, analysis.lemmaOf(tokens[i].normal)) ?? lookUp(unitMonths, tokens[i].normal);
    if (unit === undefined) continue;
    const before = tokens[i - 1]?.normal ?? '';
    const count = /^\d+$/.test(before)
      ? Number(before)
      : (lookUp(numberWords, before) ??
        (/^(?:a|an|one|the)$/.test(before) ? 1 : tokens[i].normal.endsWith('s') ? 2 : 1));
    const months = count * unit;
    if (longest === null || months > longest) longest = months;
  }
  return longest;
}
const unitMonths: Record<string, number> = {
  day: 1 / 30,
  week: 1 / 4,
  month: 1,
  year: 12,
  decade: 120,
  lifetime: 600,
};
const numberWords: Record<string, number> = Object.fromEntries(
  'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty'
    .split(' ')
    .map((w, i) => [w, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 20, 30][i]]),
);
Object.assign(numberWords, { few: 3, several: 4, many: 5, couple: 2 });

/** Saying a result is still there after a stretch of time: "lasts six years", "decades from now". */
const persisting = phrases([
  'last|lasts|stay|stays|remain|hold|persist|keep ~4 # ? year|years|decade|decades',
  'still ~5 year|years|decade|decades from now|later',
  'decade|decades|years from now',
  // "Expect about three years from a full treatment", "five years out of a single session".
  'expect|get|gets|got ~2 # year|years|decade|decades from|out_of',
]);

/** Saying what something means or shows: denied, it says the claim after it does not follow. */
const meaning = phrases(['mean|means|meant|imply|implies|prove|proves']);
const denied = (analysis: TextAnalysis, set: PhraseSet, span: { from: number; to: number }) =>
  set.find(analysis, [span]).some((m) => isNegated(analysis, m));

/**
 * "I won't claim that makes our results better than every cheaper clinic": the writer declines the
 * claim that follows. ("I won't pretend there's a better injector, because there isn't" makes it.)
 */
const claiming = phrases(['claim|suggest']);
const declined = (analysis: TextAnalysis, m: { from: number }) =>
  denied(analysis, claiming, {
    from: analysis.sentences[analysis.tokens[m.from].sentence].from,
    to: m.from,
  });

/** Words that make a claim cover every option just named. */
const eitherWay = phrases([
  'either way|option|one',
  'both ~2 way|ways|option|options|case|cases',
  'whichever|any ~2 you_choose|you_pick',
]);

const temporary = (t: Treatment | null): t is Treatment =>
  t?.kind === 'toxin' || t?.kind === 'hyaluronicFiller';

const permanentClaim = textRule({
  id: 'ANS_PERMANENT_CLAIM',
  severity: 'block',
  description:
    'Claims a temporary treatment (a botulinum toxin or a hyaluronic-acid filler) gives permanent results',
  passMessage: 'No permanence claim',
  threshold: {
    default: 24,
    min: 6,
    max: 120,
    label: 'Months a toxin or filler result may be said to last before it is a permanence claim',
  },
  find({ analysis, mentions, asked }, context) {
    const { tokens } = analysis;
    const claims: PhraseMatch[] = [];
    const longest = context.setting.threshold ?? 24;
    // "won't wear off for months" is a limit; "hasn't needed a top-up in six years" is not.
    const limited = (span: { from: number; to: number }) =>
      within(analysis, partly, span) && !((monthsIn(analysis, span) ?? 0) > longest);
    for (const m of persisting.find(analysis)) {
      if (!isAsserted(analysis, m) || (monthsIn(analysis, m) ?? 0) <= longest) continue;
      // "for the last eight years": "last" as an adjective says when, not how long a result holds.
      if (tokens[m.from].pos === 'ADJ' || tokens[m.from - 1]?.normal === 'the') continue;
      if (conditional(analysis, clauseAround(analysis, m).before)) continue;
      claims.push(m);
    }
    for (const m of lasting.find(analysis)) {
      // "With no further injections" is made of its negation.
      if (!isAsserted(analysis, m) && !(inherentlyNegative(analysis, m) && ownWords(analysis, m))) continue;
      // "This doesn't mean filler is permanent or that the result lasts forever."
      if (denied(analysis, meaning, { from: analysis.sentences[tokens[m.from].sentence].from, to: m.from }))
        continue;
      const next = tokens[m.to];
      // "permanent makeup" describes another thing; "sits there forever, babe" does not.
      if (tokens[m.to - 1].pos !== 'ADV' && attributive(next) && !resultNouns.has(next.normal)) continue;
      if (/^semi-?$/.test(wordBefore(tokens, m.from))) continue;
      // "Insurers pay once other drugs have failed": "once" opening a clause says when.
      if (tokens[m.to - 1].normal === 'once' && /^(?:DET|ADJ|NOUN|PRON|PROPN)$/.test(next?.pos ?? ''))
        continue;
      const { before, after } = clauseAround(analysis, m);
      if (limited(after)) continue;
      if (conditional(analysis, before)) continue;
      const always = tokens.slice(m.from, m.to).some((t) => t.normal === 'forever' || t.lemma === 'life');
      if (always && within(analysis, ongoing, before)) continue;
      claims.push(m);
    }
    for (const m of fading.find(analysis)) {
      if (!isNegated(analysis, m) || isQuoted(analysis, m) || isAsked(analysis, m)) continue;
      if (isReported(analysis, m)) continue;
      const { before, after } = clauseAround(analysis, m);
      const denied = extendBack(analysis, m);
      // "No toxin exists whose effect doesn't wear off": the second negation undoes the first.
      // The count stops at a clause break: "isn't something to time, because it doesn't wear off".
      if (negationsIn(analysis, { from: before.from, to: denied.from }) % 2 === 1) continue;
      if (conditional(analysis, before)) continue;
      if (limited(after) || limited({ from: denied.from, to: m.to })) continue;
      claims.push(denied);
    }
    return claims.flatMap((m) => {
      const sentence = tokens[m.from].sentence;
      let subject = subjectOf(mentions, sentence, m.from, m.to, asked);
      // "Fat that takes is there for good; filler is gone in a year": after a semicolon, another claim.
      const later = mentions.find((t) => t === subject && t.from >= m.to);
      if (later && tokens.slice(m.to, later.from).some((t) => t.text === ';')) subject = null;
      // "Either way the result is permanent": every treatment just named, not only the first.
      const { before } = clauseAround(analysis, m);
      if (
        !temporary(subject) &&
        within(analysis, eitherWay, { ...before, from: analysis.sentences[sentence].from })
      )
        subject =
          mentions.find((t) => t.sentence >= sentence - 1 && t.sentence <= sentence && temporary(t)) ??
          subject;
      return temporary(subject)
        ? [{ from: m.from, to: m.to, message: `Claims ${subject.name} results are permanent` }]
        : [];
    });
  },
});

/**
 * "If Botox were permanent, a mistake would be permanent too": a condition and its consequence,
 * not a claim. A real condition's consequence is claimed all the same ("If you start now, after a
 * few sessions the lines are gone forever"): an opening "if" makes a sentence hypothetical only
 * when it says so in the unreal mood, or when what is found is in the condition itself (before the
 * comma that ends it, or anywhere when no comma does).
 */
function conditional(analysis: TextAnalysis, before: { from: number; to: number }): boolean {
  const { tokens, sentences } = analysis;
  const sentence = sentences[tokens[before.to]?.sentence ?? tokens[before.from].sentence];
  const words = tokens.slice(sentence.from, sentence.to);
  const comma = words.findIndex((t) => t.text === ',');
  const inCondition = comma < 0 || before.to <= sentence.from + comma;
  const unreal = words.some((t) => /^(?:were|would|could|might|'d)$/.test(t.normal));
  return (
    (/^(?:if|unless)$/.test(tokens[sentence.from].normal) && (inCondition || unreal)) ||
    tokens.slice(before.from, before.to).some((t) => /^(?:if|unless|would)$/.test(t.normal))
  );
}

/** A denied phrase is highlighted with its negation: "never wears off", not "wears off". */
function extendBack(analysis: TextAnalysis, m: PhraseMatch): PhraseMatch {
  const sentenceStart = analysis.sentences[analysis.tokens[m.from].sentence].from;
  for (let i = m.from - 1; i >= Math.max(sentenceStart, m.from - 4); i--) {
    if (negators.has(analysis.tokens[i].normal)) return { ...m, from: i, start: analysis.tokens[i].start };
  }
  return m;
}

// --- Guarantees -----------------------------------------------------------------------------

/** Promising an outcome outright. */
const promising = phrases(
  [
    // The word as it is often misspelt: "garanteed", "guarenteed", "gauranteed".
    'guarantee|guaranteed|garantee|garanteed|guarentee|guarenteed|gaurantee|gauranteed',
    'i|we promise|assure|swear|guarantee|vouch',
    'i|we can|will|do promise|assure|guarantee',
    'promise you',
    'i can promise',
    'assure you',
    'you have my word',
    'i|we give|giving you my|our word',
    'put my name on',
    'bet|stake my reputation|life',
    '100|one_hundred %|percent|per_cent ~1 effective|success|successful|satisfaction|response|result|safe|sure|certain|of_the_time',
    // Every patient as the measure: "works in 100% of my patients".
    '100|one_hundred %|percent|per_cent of ~1 my|our|the? patient|patients|pt|pts|client|clients|case|cases|people',
    'every single? time',
    'work|works for|on everyone|everybody|anyone',
    // Every patient as the measure of a result: "works for every patient I've treated".
    'work|works|worked for every|each|all ~2 patient|patients|client|clients|person|case|one',
    // None who failed, by a double negation: "I've never had anyone who didn't", "not one who wasn't".
    "never|not ~3 anyone|anybody|one|patient|client ~1 who|that ~2 not|n't",
    // The very result asked for: "you'll end up with exactly the nose you asked for".
    'you will ~4 exactly|precisely ~3 you ~1 ask|want|request|picture|envision|imagine|describe|choose',
    'never fail|fails',
    "can|ca not|n't fail",
    'cannot fail',
    // Certainty tagged on: "with us it works, full stop".
    'work|works ,? full_stop|period',
    // The reader promised what every other patient got: "and you'll be no different".
    'you|yours will be no different',
    "you will not|n't be the exception",
    // None who failed, by a wait: "I've yet to meet a face it didn't transform".
    "i have? yet to ~2 meet|see|have|find|treat ~6 not|n't",
    'always work|works',
    'without fail',
    'money back',
    'refund ~3 not|anyone|if|every|any|unless|who',
    // A refund as the price of any disappointment: "results or a full refund", "anyone not thrilled gets a refund".
    'or a|your full? refund',
    "not|n't thrilled|happy|delighted|satisfied|pleased|impressed ~8 refund|refunded",
    'no doubt about it',
    // Certainty staked or written down: "I'd put money on it", "I'll put it in writing that it works".
    'put|bet money on it',
    'put it in writing',
    'no matter what',
    // A harm taken off the table: "with a cannula bruising is off the table".
    '@harm ~2 be off the table',
    '@harm off the table',
    'without a|any? doubt',
    'for certain',
    'you will love|adore',
    'you will be delighted|thrilled|happy|amazed|pleased|satisfied',
    'you be guarantee|guaranteed|sure|certain',
    'risk|complication|complications - ? free',
    'pain - ? free',
    'painless',
    'completely|totally|perfectly|absolutely|entirely safe|harmless',
    'foolproof|riskless',
    '100 %|percent safe',
    'zero - ? risk|complication|complications|side|downtime|problem|problems',
    'zero long - ? term effect|effects|risk|risks',
    'impossible to|that ~4 wrong|bad|worse|droop|bruise|lump|happen|fail|complication',
    'safe for everyone|everybody',
    'safe|harmless for every|all|any ~2 skin_type|skin_types|skin|condition|conditions|age|ages|patient|patients|one',
    'nothing to worry|fear',
    'feel ~1 nothing',
    'feel nothing at all',
    'it|this|they will work',
    'not a maybe',
    'no ifs',
    'no question about it',
    'you can|will be certain|sure|confident',
    'you will ~4 look|looking ~3 younger|amazing|perfect|flawless',
    // "Results are assured", "every single person walks out in love with their result".
    'result|results|outcome|outcomes be assured',
    'every|each single? person|patient|client ~6 in_love|thrilled|delighted with',
    // A certain future of the result: "will definitely remove the fat", "your scar will be invisible".
    'will definitely|certainly|surely|undoubtedly|absolutely ~1 remove|eliminate|erase|fix|cure|work|lose|melt|dissolve|shrink|tighten|lift|smooth|clear|get_rid',
    'will be|look invisible|undetectable|unnoticeable|imperceptible|flawless|perfect|scarless',
    // Certainty tagged on at the end: "you'll lose twenty pounds, no question."
    'no question|doubt .|!|;',
    'every single|one ~3 i|we have? do|done|treat|treated|inject|injected',
    // "Every single one of the 4,000-odd patients I've treated has responded."
    'every single one of ~6 i|we have? treat|treated|inject|injected ~2 have|has respond|responded|work|worked',
    // "Every client got their cheeks back, and you will too."
    "and you will|'ll too",
    "not|n't a possible outcome|result",
    'a no - ? risk|pain treatment|procedure|option',
    // Certainty as a noun or a figure: "a result like this is a certainty", "Yes, 100%.", "100% dry".
    'be ~2 a|an certainty|given|sure_thing|done_deal|foregone_conclusion',
    '100|one_hundred %|percent|per_cent .|!|,|;',
    '100 %|percent ADJ',
    'no exception|exceptions',
    'without exception',
    'zero chance|possibility|probability',
    // The chance the patient asked about: "In my hands, the chance is zero."
    'the chance|chances|odds|likelihood be zero|nil|nonexistent',
    'no possibility',
    // Nothing felt at all: "no sensation whatsoever", "the needle is completely undetectable".
    'no|zero sensation',
    'needle ~3 undetectable|imperceptible|unnoticeable',
    // An unhedged future of complete change: "your lines will be completely erased".
    'will be completely|totally|entirely|fully|perfectly VERB|ADJ',
    'garantizo|garantizado|garantizada|prometo',
    'totalmente|completamente|100 % seguro|segura',
    'sin riesgo|riesgos|dolor',
    'sin efectos secundarios',
    // A clean record over every patient: "not one of my patients has ever had a side effect".
    'not_one|none|nobody|no_one ~5 ever ~3 have|had|get|got|experience|experienced|develop|developed|suffer|suffered ~2 a|any? @harm',
  ],
  {
    harm: [
      'side effect',
      'side effects',
      'complication',
      'complications',
      'problem',
      'problems',
      'reaction',
      'bruise',
      'bruising',
      'swelling',
      'scarring',
      'lump',
      'lumps',
      'infection',
      'droop',
    ],
  },
);

/** What a treatment does when it succeeds: "it works every single time". */
const workingVerbs = new Set(['work', 'succeed', 'deliver', 'heal']);

/** A harm or failure: denying it with certainty is a promise ("lumps never form", "you won't bruise"). */
const harm = phrases([
  'risk|risks',
  'side effect|effects',
  'complication',
  'pain|hurt|sting|ache|discomfort|soreness|sore|tenderness',
  'nausea|nauseous|nauseated',
  'hyperpigmentation|pigmentation|consequence|consequences',
  'mark|marks',
  'bruise|bruising',
  'swell|swelling',
  'lump|bump|nodule|lumpy',
  'droop|droopy|drooping|heavy|heaviness',
  'infection|blindness|necrosis|occlusion|scar|scarring|ptosis',
  'contracture|hematoma|haematoma|seroma|embolism|asymmetry|rippling|dimpling|darkening',
  'flareup|flareups|breakout|breakouts|bleed|bleeding|nerve_injury|nerve_damage',
  'flare - up|ups',
  'reaction|allergy|allergic',
  'adverse|vascular|serious outcome|outcomes|event|events|effect|effects|reaction|reactions',
  'danger|downside|downsides',
  'headache',
  'go wrong',
  'harm|damage',
  'feel a_thing|anything|the_needle|it',
  'bad|harmful ~3 happen|come|possible',
  // A chance of something is its likelihood; a chance to do something is an opportunity.
  'chance ~3 of',
  'migrate|spread|move',
  'look worse|fake|overdone|unnatural|frozen',
  'end up ~2 frozen|overdone|worse|fake|lopsided|uneven',
  'downtime',
]);

/** Words that soften a statement into a likelihood. */
const hedges = new Set(
  (
    'usually typically generally mostly most many some few often rarely rare seldom minimal mild minor ' +
    'almost nearly hardly barely likely unlikely probably may might possibly perhaps tend tends ' +
    'normally ordinarily fewer less lower if unless hopefully ideally close evidence proof data reason ' +
    'small tiny slight pretty fairly practically nearest closest ' +
    'study studies research ' +
    "expect expected shouldn't should try aim plan"
  ).split(' '),
);
/** After a denied harm, words that make it a matter of degree: "it won't hurt much", "not for long". */
const degrees = new Set('much long longer lot more worse badly'.split(' '));

const hedged = (analysis: TextAnalysis, from: number, to: number, words = hedges) => {
  const { tokens } = analysis;
  for (let i = from; i < to; i++) {
    // "The most skilled injector" ranks; "most patients" hedges.
    if (tokens[i].normal === 'most' && /^(?:ADJ|ADV)$/.test(tokens[i + 1]?.pos ?? '')) continue;
    if (words.has(tokens[i].normal)) return true;
    // "can give balance without looking overdone" is a possibility; "nothing can go wrong" is not.
    // "I can tell you flatly it won't happen" says, it does not hedge.
    const modal =
      words === hedges &&
      (tokens[i].lemma === 'can' || tokens[i].normal === 'could') &&
      !/^(?:tell|say|promise|assure|confirm)$/.test(tokens[i + 1]?.lemma ?? '');
    if (modal && !tokens[i].negated && !/^(?:not|n't)$/.test(tokens[i + 1]?.normal ?? '')) return true;
  }
  return false;
};

/**
 * A story of what happened ("she healed without a scar") is not a promise of what will; a record
 * kept over every time ("not one of my patients has ever had a side effect") is.
 */
const narrated = (analysis: TextAnalysis, from: number, to: number) => {
  if (analysis.tokens.slice(from, to).some((t) => t.normal === 'ever')) return false;
  for (let i = from; i < to; i++) {
    const t = analysis.tokens[i];
    // ...or of what a study found: "a review of ten years found no cumulative adverse effects".
    if (/^(?:was|were|had|did|healed|resolved|recovered|went|found|showed|reported)$/.test(t.normal))
      return true;
  }
  return false;
};

/** Promising words used of something other than the result: a deposit guarantees a slot. */
const otherGuarantees = phrases([
  'slot|spot|appointment|booking|seat|availability|place|price|rate|fee|fees|coverage|authentic|genuine',
]);
/**
 * A promise set apart from the writer's own claim: "a business policy, not a promise that nothing
 * will go wrong", "a different claim from risk-free".
 */
const disclaimers = phrases([
  "not|n't|no ~1 a|an|any? promise|guarantee|claim|assurance|proof|sign ~1 that|of|against",
  'different ~1 claim|thing|promise? from|than',
  'not the same ~1 as|thing',
]);
/** What a doctor may honestly promise: a process, not an outcome. */
const honestPromises = phrases([
  'a|the|our|my ~1 process|plan|conversation|review|follow-up|followup|effort|honesty|answer|consultation|consult|exam|way|care|attention|time',
  'to be_honest|be_careful|be_conservative|listen|explain|tell|try|review|see',
  'do my|our best',
  'be honest|careful|conservative|upfront|straight|transparent',
  // "I can promise we'll look at it together": the writer's own conduct.
  'we|i will ~1 look|review|check|follow|talk|assess|reassess|listen|adjust|explain|work',
]);
/**
 * A harm denied as a comparison or a name rather than promised away: "it won't look worse than it
 * would without Botox", "this is not bruise, call your injector", "it doesn't mean something bad
 * happened".
 */
function sizedUpOrNamed(analysis: TextAnalysis, m: { from: number; to: number }): boolean {
  const { tokens } = analysis;
  if (tokens.slice(m.to, m.to + 2).some((t) => t.normal === 'than')) return true;
  let k = m.from - 1;
  if (/^(?:a|an)$/.test(tokens[k]?.normal ?? '')) k--;
  const named =
    tokens[m.from].pos === 'NOUN' &&
    /^(?:not|n't)$/.test(tokens[k]?.normal ?? '') &&
    tokens[k - 1]?.lemma === 'be';
  // "Doesn't mean something bad happened"; but "which means no bruising for you" promises.
  const meant = tokens
    .slice(Math.max(0, m.from - 4), m.from)
    .some((t) => /^(?:mean|means|meant|imply|implies)$/.test(t.normal) && t.negated);
  return named || meant;
}

/** A harm qualified as lasting: denying it ("doesn't cause permanent nerve damage") says it wears off. */
const lastingHarm = new Set('permanent lasting irreversible lifelong long-term'.split(' '));
/** What a clause of advice asks for: "the doses need to be coordinated so you don't end up heavy". */
const requirements = new Set('need needs must should important essential careful sure'.split(' '));
/** A harm denied as the aim of a precaution, in a "so (that)" clause after advice. */
const aimOfAdvice = (analysis: TextAnalysis, before: { from: number; to: number }) => {
  const { tokens } = analysis;
  const so = tokens[before.from - 1]?.normal === 'so' ? before.from - 1 : -1;
  const start = analysis.sentences[tokens[before.to].sentence].from;
  if (so <= start) return false;
  // "Going lighter above the brows so they don't feel heavy": in the present, what a step is for.
  const purpose = tokens
    .slice(before.from, before.to)
    .some((t, k, clause) => t.lemma === 'do' && /^(?:not|n't)$/.test(clause[k + 1]?.normal ?? ''));
  return purpose || tokens.slice(start, so).some((t) => requirements.has(t.normal));
};

const guarantee = textRule({
  id: 'ANS_GUARANTEE',
  severity: 'block',
  description:
    'Promises a result or the absence of risk, pain or side effects, in any words ("guaranteed", "nothing can go wrong")',
  passMessage: 'No guarantee',
  learned: {
    claim: 'a guarantee',
    leaves: ['guarantee', 'promise'],
    // Chosen by leaving each answer pass out of the training in turn (15 passes, 4,985 answers, 464
    // guarantees): of the 23 guarantees the phrases miss, the reading finds 8 at 0.85 and flags 2
    // honest answers more; at 0.8, 8 and 3; at 0.9, 5 and 1; at 0.95, 2 and none.
    likelihood: learnedLimit(0.85),
  },
  find({ analysis }, context) {
    const findings: Finding[] = [];
    // A disclaimer covers what follows it in its sentence, up to a "but".
    const setApart = (m: PhraseMatch) => {
      let from = m.from;
      const opensAt = analysis.sentences[analysis.tokens[m.from].sentence].from;
      while (from > opensAt && analysis.tokens[from - 1].normal !== 'but') from--;
      return within(analysis, disclaimers, { from, to: m.from });
    };
    for (const m of promising.find(analysis)) {
      const { before, after } = clauseAround(analysis, m);

      if (!asserted(analysis, m) && !(inherentlyNegative(analysis, m) && ownWords(analysis, m))) continue;
      if (hedged(analysis, before.from, m.from) || setApart(m)) continue;
      // "Your slot is guaranteed", "included in the fee, guaranteed in writing": the thing guaranteed
      // may come before the word.
      if (
        /^guarantee/.test(analysis.tokens[m.from].normal) &&
        (within(analysis, otherGuarantees, after) ||
          within(analysis, otherGuarantees, {
            from: Math.max(analysis.sentences[analysis.tokens[m.from].sentence].from, m.from - 6),
            to: m.from,
          }))
      )
        continue;
      // "The only guarantee I can give is that I'll be honest", "the one thing I promise": what follows
      // says what is promised.
      const only = analysis.tokens
        .slice(Math.max(before.from, m.from - 3), m.from)
        .some((t) => /^(?:only|one)$/.test(t.normal));
      // "You're certain to see results" is the reader's outcome, not the writer's conduct.
      if (
        analysis.tokens[m.from].normal !== 'you' &&
        within(analysis, honestPromises, { from: m.to, to: only ? after.to : Math.min(after.to, m.to + 3) })
      )
        continue;
      // "Worth more than any guarantee on a flyer": the noun, in a sentence where the writer gives none.
      if (
        analysis.tokens[m.from].normal === 'guarantee' &&
        analysis.tokens[m.from].pos === 'NOUN' &&
        m.to - m.from === 1 &&
        !mentionsSelf(analysis, analysis.tokens[m.from].sentence)
      )
        continue;
      // "For certain noses": certain as "some".
      const next = analysis.tokens[m.to];
      if (analysis.tokens[m.to - 1].normal === 'certain' && next && /^(?:NOUN|ADJ|PROPN)$/.test(next.pos))
        continue;
      // "You'll have some swelling, no question": certainty of a harm is a warning, not a promise;
      // so is a harm's frequency, the harm maybe named the sentence before ("A headache is common.
      // She gets one every single time.").
      const sentence = analysis.tokens[m.from].sentence;
      const opening = analysis.tokens[m.from].normal;
      const harmBefore = (from: number) => harm.find(analysis, [{ from, to: m.from }]).length > 0;
      if (opening === 'no' && harmBefore(analysis.sentences[sentence].from)) continue;
      const working = analysis.tokens
        .slice(analysis.sentences[sentence].from, m.from)
        .some((t) => workingVerbs.has(t.lemma));
      if (opening === 'every' && !working && harmBefore(analysis.sentences[Math.max(0, sentence - 1)].from))
        continue;
      findings.push({ from: m.from, to: m.to, message: promiseMessage(analysis, m) });
    }
    for (const m of harm.find(analysis)) {
      // "No procedure is risk free" denies the promise, typed without its hyphen; "not worth the
      // risk" weighs one.
      const next = analysis.tokens[m.to]?.normal === '-' ? m.to + 1 : m.to;
      if (analysis.tokens[next]?.normal === 'free' || analysis.tokens[m.from - 2]?.normal === 'worth')
        continue;
      if (!deniedWithCertainty(analysis, m) || setApart(m)) continue;
      // "At three weeks that's no longer swelling": what a lump is now, not a harm promised away.
      if (analysis.tokens[m.from - 1]?.normal === 'longer' && analysis.tokens[m.from - 2]?.normal === 'no')
        continue;
      const { before, after } = clauseAround(analysis, m);
      if (hedged(analysis, before.from, after.to) || hedged(analysis, m.to, after.to, degrees)) continue;
      if (narrated(analysis, before.from, after.to) || aimOfAdvice(analysis, before)) continue;
      if (
        analysis.tokens
          .slice(Math.max(before.from, m.from - 2), m.from)
          .some((t) => lastingHarm.has(t.normal)) ||
        /^(?:forever|permanently)$/.test(analysis.tokens[m.to]?.normal ?? '')
      )
        continue;
      if (sizedUpOrNamed(analysis, m)) continue;
      const free = freeOf(analysis, m);
      const denial = free >= 0 ? { from: free, to: m.to } : extendBack(analysis, m);
      findings.push({ from: denial.from, to: denial.to, message: promiseMessage(analysis, m) });
    }
    // "It can't happen", "in my chair it won't happen to you": a harm named before, denied by a
    // pronoun; or whatever the writer's own practice is said to rule out ("with my technique,
    // rippling just doesn't occur").
    for (const v of denyingVerbs.find(analysis)) {
      if (!isNegated(analysis, v) || !ownWords(analysis, v)) continue;
      const sentence = analysis.tokens[v.from].sentence;
      const start = analysis.sentences[sentence].from;
      let subject = v.from - 1;
      while (subject > start && /^(?:AUX|ADV|PART)$/.test(analysis.tokens[subject].pos)) subject--;
      const { before, after } = clauseAround(analysis, v);
      if (hedged(analysis, before.from, after.to) || narrated(analysis, before.from, after.to)) continue;
      // "Lines treated like this don't come back": a pronoun after "like" is no subject.
      const pronoun =
        /^(?:it|this|that)$/.test(analysis.tokens[subject]?.normal ?? '') &&
        !/^(?:like|as)$/.test(analysis.tokens[subject - 1]?.normal ?? '');
      // Not a result that is slow to come: "results don't appear for a month".
      const ruledOut =
        analysis.tokens[subject]?.pos === 'NOUN' &&
        !resultNouns.has(analysis.tokens[subject].normal) &&
        !within(analysis, partly, after) &&
        within(analysis, ownPractice, { from: start, to: subject });
      if (!pronoun && !ruledOut) continue;
      const earlier = { from: analysis.sentences[Math.max(0, sentence - 1)].from, to: subject };
      const asked = context.question ? context.read(context.question.title) : null;
      const named =
        ruledOut ||
        harm.find(analysis, [earlier]).length > 0 ||
        (asked !== null && harm.find(asked).length > 0);
      if (!named) continue;
      findings.push({ from: subject, to: v.to, message: 'Promises the treatment carries no risk' });
    }
    return findings.map((f) => ({ from: f.from, to: f.to, message: f.message }));
  },
});

function promiseMessage(analysis: TextAnalysis, m: { from: number; to: number }): string {
  const words = analysis.tokens.slice(m.from, m.to).map((t) => t.lemma);
  if (words.some((w) => /^(?:pain|painless|hurt|feel|sting|ache)/.test(w)))
    return 'Promises the treatment is painless';
  if (words.some((w) => /^(?:side|effect)$/.test(w))) return 'Promises no side effects';
  if (
    words.some((w) => /^(?:risk|safe|wrong|harm|complication|danger|chance|damage)/.test(w)) ||
    harm.find(analysis, [m]).length > 0
  )
    return 'Promises the treatment carries no risk';
  return 'Guarantees the result';
}

/** The writer's own practice as the condition of a result: "with my technique", "in our hands". */
const ownPractice = phrases([
  'with|in|at|under my|our ~2 technique|method|approach|protocol|hands|practice|clinic|chair|care',
]);

/** Verbs that deny a harm named before them: "lumps never form", "a droop can't happen". */
const denyingVerbs = phrases(['happen|occur|form|develop|appear|show_up|come']);

function deniedWithCertainty(analysis: TextAnalysis, m: PhraseMatch): boolean {
  const { after } = clauseAround(analysis, m);
  const near = { ...after, to: Math.min(after.to, m.to + 6) };
  const impossible =
    after.to > after.from ? impossibility.find(analysis, [predicateOf(analysis, m)])[0] : undefined;
  if (impossible) return ownWords(analysis, { from: m.from, to: impossible.to });
  if (!ownWords(analysis, m)) return false;
  // "risk-free" is a promise of its own kind, matched above; the harm here is the word "risk".
  if (analysis.tokens[m.to]?.text === '-' && analysis.tokens[m.to + 1]?.normal === 'free') return false;
  // "Free of side effects" denies the harm; "not free of side effects" affirms it.
  const free = freeOf(analysis, m);
  if (free >= 0) return !analysis.tokens[free].negated;
  if (isNegated(analysis, m)) return deniesOccurrence(analysis, m);
  // "The risk with my technique is nil"; "the risk is never zero" affirms it.
  if (nullity.find(analysis, [predicateOf(analysis, m)]).some((z) => !analysis.tokens[z.to - 1].negated))
    return true;
  const verbs = denyingVerbs.find(analysis, [{ ...near, to: Math.min(after.to, m.to + 5) }]);
  return verbs.some((v) => isNegated(analysis, v));
}

/**
 * Where "free" (or "absence", "lack") stands before a harm: "free of side effects", "free from any
 * serious risk"; -1 when it does not.
 */
function freeOf(analysis: TextAnalysis, m: { from: number }): number {
  const { tokens } = analysis;
  let k = m.from - 1;
  while (k > m.from - 4 && /^(?:DET|ADJ)$/.test(tokens[k]?.pos ?? '')) k--;
  if (!/^(?:of|from)$/.test(tokens[k]?.normal ?? '')) return -1;
  // "Not an absence of risk" affirms the risk.
  return /^(?:free|absence|lack)$/.test(tokens[k - 1]?.normal ?? '') ? k - 1 : -1;
}

/**
 * Where what is said of a harm may lie: the rest of its clause, read on past a phrase set apart by
 * commas ("lumps of any kind, early or delayed, simply aren't possible") and past the words that
 * qualify it ("infection following botulinum toxin administration is not a consideration"), to
 * sixteen words.
 */
function predicateOf(analysis: TextAnalysis, m: { from: number; to: number }) {
  const { tokens, sentences } = analysis;
  const end = Math.min(sentences[tokens[m.from].sentence].to, m.to + 16);
  let to = m.to;
  while (
    to < end &&
    !/^[;:()—–•·▪●]$/.test(tokens[to].text) &&
    !clauseWords.has(tokens[to].normal) &&
    tokens[to].type !== 'tabCRLF'
  )
    to++;
  return { from: m.to, to };
}

/** Saying something amounts to nothing: "is nil", "is zero", "is non-existent". */
const nullity = phrases([
  'be ,? ~4 ,? nil|zero|nonexistent|non-existent|non_existent|none|negligible_to_none',
]);
/**
 * A harm said to be impossible: "lumps or migration are impossible", "a droop is out of the
 * question". Said of a claim the same words refute it ("permanent filler is impossible"), so the
 * writer's own words are judged to the end of them.
 */
const impossibility = phrases([
  'be ~2 impossible|out_of_the_question|unheard_of|a_thing_of_the_past',
  "be not|n't ~1 possible|a_possibility|a_concern|a_consideration|a_worry|an_issue",
]);

/**
 * A negation denies a harm when it bears on the harm itself ("no bruising", "you won't bruise",
 * "you won't have any swelling", "it can't cause pain"), not when it bears on another verb whose
 * object the harm is ("nobody understands complications", "I don't ignore risks").
 */
function deniesOccurrence(analysis: TextAnalysis, m: PhraseMatch): boolean {
  const { tokens } = analysis;
  const start = analysis.sentences[tokens[m.from].sentence].from;
  let negator = -1;
  for (let i = m.from - 1; i >= Math.max(start, m.from - 8); i--) {
    if (negators.has(tokens[i].normal)) {
      negator = i;
      break;
    }
  }
  if (negator < 0) return true;
  for (let i = negator + 1; i < m.from; i++) {
    const t = tokens[i];
    // "It isn't gentler in terms of side effects" compares; it denies no harm.
    if (t.pos === 'ADJ' && /er$/.test(t.normal) && t.normal !== t.lemma) return false;
    // "Nobody I treat gets side effects": the writer's verb qualifies who is denied the harm.
    const qualifying = /^(?:i|we)$/.test(tokens[i - 1].normal);
    if (t.pos === 'VERB' && !occurrenceVerbs.has(t.lemma) && !qualifying) return false;
    // "No one here has my experience with vascular events": the harm is what another word is about.
    if (
      t.pos === 'NOUN' &&
      !troubleNouns.has(t.lemma) &&
      /^(?:with|about|in|on)$/.test(tokens[i + 1]?.normal ?? '')
    )
      return false;
  }
  return true;
}
/** Nouns a harm may follow as the trouble itself: "no problems with swelling". */
const troubleNouns = new Set('problem issue trouble concern worry risk chance sign trace'.split(' '));
const occurrenceVerbs = new Set(
  (
    'be have get feel cause experience see notice happen occur leave give come develop risk need ' +
    'go end look carry pose involve expect run mean suffer deal worry'
  ).split(' '),
);

/**
 * The writer's own words: not a quotation (in double, curly or single quotes: "'Zero downtime'
 * is how it's advertised"), not a question, not someone else's claim. A report's framing reaches
 * no further than a "but": "after what you've read online, but in my hands nothing can go wrong".
 */
function ownWords(analysis: TextAnalysis, m: { from: number; to: number }): boolean {
  if (isQuoted(analysis, m) || isAsked(analysis, m) || singleQuoted(analysis, m)) return false;
  if (!isReported(analysis, m)) return true;
  const index = analysis.tokens[m.from].sentence;
  const sentence = analysis.sentences[index];
  let turn = -1;
  for (let i = m.from - 1; i > sentence.from; i--) {
    if (/^(?:but|however|yet)$/.test(analysis.tokens[i].normal)) {
      turn = i;
      break;
    }
  }
  if (turn < 0) return false;
  const clause = { ...sentence, from: turn + 1, start: analysis.tokens[turn + 1].start };
  const narrowed = { ...analysis, sentences: analysis.sentences.map((s, i) => (i === index ? clause : s)) };
  return !isReported(narrowed, m);
}

function singleQuoted(analysis: TextAnalysis, m: { from: number; to: number }): boolean {
  const { tokens } = analysis;
  const { from, to } = analysis.sentences[tokens[m.from].sentence];
  const quote = (t: Token) => /^['‘’]$/.test(t.text);
  let open = -1;
  for (let i = m.from - 1; i >= from && open < 0; i--) if (quote(tokens[i])) open = i;
  if (open < 0) return false;
  for (let i = m.to; i < to; i++) if (quote(tokens[i])) return true;
  return false;
}

const asserted = (analysis: TextAnalysis, m: { from: number; to: number }) =>
  isAsserted(analysis, m) && ownWords(analysis, m);

/**
 * Promises made of a negative word: "no exceptions", "zero chance", "never had anyone who didn't",
 * "it can't fail", "you'll be no different". Denied in turn they are a warning: "that doesn't mean
 * zero risk".
 */
const inherentlyNegative = (analysis: TextAnalysis, m: { from: number; to: number }) => {
  const { tokens } = analysis;
  let at = m.from;
  while (at < m.to && !/^(?:no|zero|never|not|n't|without|nothing|nobody|none)$/.test(tokens[at].normal))
    at++;
  // "Sculptra is no exception" says what a thing is, not that a promise holds without exception;
  // "there will be no sensation" says what there is.
  const says = at === m.from && tokens[m.from - 1]?.lemma === 'be';
  const existential = tokens.slice(Math.max(0, m.from - 4), m.from).some((t) => t.normal === 'there');
  return at < m.to && !tokens[m.from].negated && !(says && !existential);
};

// --- Superiority ----------------------------------------------------------------------------

const providerNouns = [
  'injector',
  'surgeon',
  'doctor',
  'physician',
  'dermatologist',
  'derm',
  'provider',
  'clinic',
  'practice',
  'med spa',
  'medspa',
  'spa',
  'office',
  'team',
  'specialist',
  'expert',
  'nurse',
  'destination',
  'center',
  'centre',
  'institute',
  'place',
  'hands',
  'inyector',
  'cirujano',
  'one',
  'ones',
];

const ranks = [
  'best',
  'top',
  'finest',
  'leading',
  'premier',
  'elite',
  'foremost',
  'greatest',
  // "hands down the GOAT for lips in Miami"
  'goat',
  'number one',
  'number - one',
  'number 1',
  'no 1',
  'numero uno',
  'no . 1',
  '# 1',
  '#1',
  'top - rated',
  'top rated',
  'top - ranked',
  'top ranked',
  'highest - rated',
  'highest rated',
  'best - rated',
  'best rated',
  'highest - volume',
  'highest volume',
  'busiest',
  'most experienced',
  'most skilled',
  'most sought - after',
  'most trusted',
  'most qualified',
  'most talented',
  'most popular',
  'most requested',
  'most careful',
  'mejor',
  'go - to',
  'award - winning',
];

/** Words that compare one provider's work with the others': "longer-lasting results than they get". */
const comparatives = (
  'better more fewer less lower higher longer safer finer smoother gentler faster superior ' +
  'steadier sharper'
).split(' ');

/** A rank given to a provider: "the best injector", "top-rated surgeon", "#1 lip clinic". */
const rankedProvider = phrases(
  [
    '@rank ~3 @provider',
    '@rank ~2 - ? ranked|rated @provider',
    'the most ~3 @provider',
    // Any superlative of quality: "the steadiest hands in the business", "the gentlest injector in Tulsa".
    'the ADJ ~1 @provider',
    // "the most cautious, most ethical injector you'll find"
    'the most ADJ ,|and|or most ADJ ~1 @provider',
    // "the safest pair of hands for lipo around"
    'the ADJ pair|set of hands',
  ],
  {
    rank: ranks,
    // Injectors rank themselves as artists ("the most talented lip artist"); whom they treat is not one.
    provider: [...providerNouns, 'artist', 'artists'],
  },
);

const rankedWork = phrases(
  ['@rank ~1 result|results|work|outcome|outcomes|lips|botox|filler|noses|faces|surgery|care'],
  {
    rank: ranks,
  },
);

/** Ranking oneself without a noun: "I'm the best at crow's feet", "we are the premier destination". */
const rankedSelf = phrases(
  [
    'i|we have? be|become|became ~2 the? @rank',
    'i|we have? be ~2 among the? very|absolute|true? @rank',
    'i|we have? be ~2 one of the? very|absolute|true? @rank',
    // "im" as typed on a phone, which the analysis keeps whole
    '=im|soy|somos ~2 the|el|la? @rank',
    '=im among the? very|absolute|true? @rank',
    '=im one of the? very|absolute|true? @rank',
    // The writer's own providers as the subject: "our surgeons are the elite", "my team has been #1".
    'our|my ~2 @provider have? be ~2 the? @rank',
    // Better than the rest, said of oneself: "I'm simply a better injector than the chains".
    'i|we|=im be? ~2 a|an better|finer|safer|more ~2 @provider than',
    // "I simply get longer-lasting results than they do", "our practice is simply better than the chains".
    'i|we ~3 @comparative ~3 result|results|outcome|outcomes|work than',
    'our|my @provider be ~2 @comparative than',
  ],
  { rank: ranks, provider: providerNouns, comparative: comparatives },
);

/** A title of standing over a field: "the recognized leader in CoolSculpting", "the king of cheek filler". */
const standing = phrases([
  'a|an|the ~3 leader|leaders|authority|authorities in|on|for|when',
  'the ~3 king|queen|kings|queens|guru|gurus of|in|on',
]);

/** Claims that nobody matches the writer. */
const unrivalled = phrases(
  [
    'unmatched|unrivaled|unrivalled|unparalleled|unbeatable|unsurpassed|peerless',
    'second to none',
    'a cut above',
    'head and shoulders above',
    'in a class|league of our|my|its own',
    'gold - ? standard',
    'world - ? class',
    'top # %|percent',
    'top one percent',
    'top of my|our|the field|profession|industry|specialty',
    // "nobody in this city corrects asymmetric lips better"
    'nobody|no_one|noone ~7 more|better|finer|safer|fewer|close|compare|match|like|outperform|outdo|outclass|rival|beat',
    'no other ~6 more|better|close|compare|match',
    'more ~4 than any_other|anyone|anybody|everyone',
    'better ~3 than any_other|anyone|anybody|everyone|the_rest',
    // Against all the others: "more Sculptra than every other practice", "than any clinic".
    // A provider noun may come after the field it works in: "every other nose specialist".
    '@comparative ~5 than any|every|all ~1 other? ~1 @provider',
    // Against all the others without a noun: "longer than anywhere else", "lower than that of any other".
    '@comparative ~5 than anywhere|anyone|anybody|everyone|everybody|everywhere|elsewhere|the_rest|the_others|the_chains|the_competition',
    '@comparative ~5 than that|those of any|every',
    // "more advanced than anything else on offer in Leeds"; "better for you than anything else" is advice.
    '@comparative|advanced ~4 than anything else ~1 on_offer|available|out_there|around|offered',
    // "my results are superior to those of any other injector"
    'superior to ~3 any|every|all ~1 other? ~1 @provider',
    // "there isn't a safer pair of hands in Perth"
    "not|n't a|an @comparative ~3 @provider",
    // "we fix lips nobody else in town can fix"
    'nobody|no_one|noone else ~4 can|could fix|do|match',
    'outperform|outshine|outclass|outdo|surpass|beat ~3 any|every|all ~1 other? ~1 @provider',
    // against the others' work: "outperforms every other liquid facelift offered in Dallas"
    'outperform|outshine|outclass|outdo|surpass ~3 any|every|all other',
    'in a|an different|another league|class',
    // "our clinic is miles ahead of the high-street chains, quite simply a different league"
    'miles|streets|leagues|light_years ahead|above',
    'light - years ahead|above',
    'be ~3 a|an different|another league',
    // "I've yet to meet an injector in this state who places toxin as precisely as I do"
    'yet to|never meet|met|find|found|see|seen ~3 @provider ~8 as ~3 as i|we|me|us|mine|ours',
    // "most surgeons round here would make a mess of a tertiary nose; I wouldn't"
    "most|many|other ~2 @provider ~8 mess|botch|butcher|ruin|wrong ~5 ;|,|-|and|but i|we would|do|will|wo not|n't",
    // "there isn't a surgeon in this state with my track record"
    "be not|n't a|an|one|another @provider ~5 with|who|that ~3 my|our ~2 record|experience|skill|volume|results|numbers|training",
    'no|not_one|not_a_single other? @provider ~8 more|better|finer|safer|fewer|than|close|compare|match',
    'no other @provider ~3 in|around|across',
    // "There's no better place in town for lip corrections than our clinic."
    'no @comparative @provider ~8 than my|our|me|us|mine|ours',
    // "No one else gets the result I get."
    'nobody|no_one|noone|none else ~3 get|achieve|deliver|produce ~2 the? result|results|outcome|outcomes',
    // A field's lead held against the rest: "has led the region for two decades", "the rest are playing catch-up".
    'lead|led|leads the region|city|state|country|industry|field|area|nation|pack|market',
    'the rest|others ~4 catch - ? up|catching_up',
    // Ahead of a share of the others: "above 99% of providers nationwide".
    'above|ahead_of|beyond ~2 # %|percent ~2 of ~1 @provider',
    'nobody|no_one|noone|no_other ~6 the_way|as_well_as|like we|i|us|me',
    'better|finer ~3 anywhere|elsewhere',
    'set|sets the standard|bar|benchmark',
    'more|better|safer|finer ~5 than me|us|mine|ours|my|our',
    "up against anyone|anybody|anyone's",
    "can not|n't compare",
    // "the skill level over there doesn't compare to what we've got"
    "not|n't compare ~2 to what we|i|our|my",
    // "most injectors get this ratio wrong and I don't", "most surgeons get canthopexy wrong; I've perfected it"
    "most|many|other ~2 @provider ~6 wrong ~3 i|we do not|n't",
    'most|many|other ~2 @provider ~6 wrong ;|,|-|and|but i|we have? perfect|master|nail',
    // Set apart from a competitor: "unlike SkinSpace down the road, our injectors are trained properly"
    'unlike ~4 down the road|street|block|corner',
    'unlike the|most|many|other ~1 chains|spas|@provider ,? our|my|we|i',
    "not|n't ~2 in my|our league|class",
    // "I pioneered it in this region", "our practice has the highest patient satisfaction in the state"
    'i|we pioneer ~3 in|across the|this|our region|city|country|area|state|town|county',
    'our|my|we|i ~3 have|has|get|achieve the highest|best|lowest ~2 satisfaction|rating|ratings|score|scores|complication|revision|success ~2 in|of|around|across|anywhere',
    // the others' failures as the writer's work: "my diary is full of their mistakes"
    'full of their|other ~1 mistakes|botches|failures|disasters|messes',
    // "very few doctors anywhere in London can do what I do"
    'few|nobody|no_one|none ~8 can|could do what i|we do',
    // "hardly anyone in the region has my experience with deep plane lifts"
    'hardly_anyone|few|nobody|no_one|noone ~6 have|has my|our ~2 experience|skill|volume|record|training|numbers',
    'put|compare my|our ~2 results|work next_to|against theirs|them',
    'amateur|amateurs next to ~3 me|us|like_me|like_us',
    'i|we be ~1 better|superior at it|this|that',
    // "the medspas around here can't match what we do", "couldn't hold a candle to my results"
    "can|could not|n't match|rival|beat|touch ~2 what|my|our|us|me",
    'hold a candle to ~1 me|us|my|our',
    "never|not|n't ~2 reach|get_to ~1 my|our level",
    // "their results here beat anything they got in the city"
    'beat|beats|outdo|outdoes ~3 anything|anyone|anybody|everyone|everything',
    'come close',
    'the only one|ones|clinic|practice|place|injector ~4 worth|who|that',
    'only one @provider ~2 worth',
    // "there isn't an injector in Scottsdale whose lips look as natural as mine"
    "be not|n't a|an|one|another @provider ~8 as ~3 as me|mine|us|ours|i|we",
    "there be not|n't another one",
    // "there isn't another physician in Ontario with her eye for cheeks"
    "be not|n't a|an|one|another @provider ~6 with|whose ~2 hands|eye|touch|results|skill|outcomes|work",
    // "readers keep voting us the top practice around"
    'vote|voted|voting|name|named|crown|crowned me|us ~1 the? @rank',
    // Where the others end up or come: "I'm the one everybody ends up with", "I'm the guy other
    // injectors in this city come to"; "I'm the one who actually knows how".
    'i|we|=im be? the one|guy|gal|person|@provider everybody|everyone|people|patients|the|other|all|they ~5 send|come|go|turn|end_up|refer',
    // "colleagues have nicknamed me the eyelid whisperer"
    'nickname|nicknamed|dub|dubbed me|us the',
    // "patients drive four hours, past a dozen clinics", "women who came to me after their first
    // surgeon made a mess"
    'drive|drove|fly|flew|travel|travelled|traveled ~6 past ~3 clinics|practices|@provider',
    'come|came ~2 to me|us after|when ~5 @provider ~4 mess|botch|botched|ruin|ruined|wrong',
    // "our complication rate is a fraction of what you'll see at other practices"
    'our|my ~3 be a fraction of ~6 other|elsewhere|anywhere',
    // "you won't find better hands for a deep plane lift than ours anywhere"
    "not|n't ~2 find|get|see ~2 @comparative ~8 than ours|mine|us|me",
    'i|we|=im be? the one|guy|gal|person|@provider who|that actually|really|truly know|can',
    // "I'm the one who fixes what they get wrong"
    'i|we|=im be? the one|guy|gal|person|@provider who|that fix|fixes|repair|repairs|correct|corrects',
    'rhyme|rhymes with my|our name',
    '@rank|lowest|highest|fewest of any|all ~1 other? ~2 @provider',
    // "we're the only team with the skill to", "the only one in Atlanta doing threads properly"
    'the only @provider ~6 with the? skill|experience|expertise|touch|eye|hands|training',
    'the only @provider ~3 worth',
    'the only @provider ~5 doing|do|does ~4 properly|right|well|correctly',
    'one of ~3 few|handful ~2 @provider',
    "other ~2 @provider ~3 not|n't ~4 my|our|we|us",
    'few|not_many ~2 @provider ~4 my|our level|experience|volume|skill|numbers|training',
    // "Few, if any, surgeons can match my outcomes", "no one here has our experience".
    'few|none|not_many|hardly_anyone|hardly_anybody ,? if_any? ,? ~3 match|rival|equal|beat|outdo my|our|me|us',
    'nobody|no_one|noone|none ~3 have|has|match|matches my|our ~2 experience|skill|expertise|training|volume|record|results|outcomes|numbers',
    'speak for themselves',
    // Peers who defer to the writer: "other clinics send me their failures", "the injector other
    // injectors come to when they're stuck", "surgeons send me the cases they can't fix".
    'other ~2 @provider ~2 send|refer|bring me|us ~2 their|the failures|botches|disasters|mistakes|messes|rejects|complications',
    "other ~2 @provider ~2 send|refer|bring me|us the|their cases|patients they|who can not|n't|cannot",
    '@provider the? other @provider ~4 come|go|turn to',
    // A name everyone gives: "ask anyone in Buckhead who does the best lips and you'll hear my name".
    'ask anyone|anybody ~12 hear|get my|our name',
    // Many, not one: "a patient came to us from another clinic" is a case, not a reputation.
    // ...from somewhere: "from three states", "from Dallas", not "people coming from this Q&A"
    '=people|=patients|=clients ~4 drive|fly|travel|come ~3 from PROPN|#|all|across|other|another|out|every|states|countries|hours|miles',
    '=people|=patients|=clients ~2 drive|fly|travel ~2 # hours|miles ~2 to see me|us',
    'point you to my|our',
    // "No one but us still takes the time", "nobody except me does this in Ohio".
    'nobody|no_one|noone|none but|except|besides me|us',
    // "Hardly any surgeon has done as many deep plane lifts as I have."
    'hardly_any|few|no|not_many @provider ~8 as many|much ~5 as i|we|me|us',
    // "My experience is matched by a tiny number of surgeons worldwide."
    'match|matched|rival|rivaled|rivalled|equal|equaled|equalled by ~1 few|a_handful|a_tiny_number|a_small_number|hardly_anyone|no_one|nobody',
    // "I'd match my midface results against anyone nationwide."
    'my|our ~4 against anyone|anybody|any_other',
    // "A platform ranks me first among chin surgeons."
    'rank|ranks|ranked|rate|rates|rated me|us ~1 first|top|highest|number_one',
    // "My name is the one you'll hear", "I'm the surgeon everyone turns to for revisions".
    'my|our name ~3 the one ~2 you ~2 hear',
    'the @provider everyone|everybody|people ~1 turn|turns|go|goes|come|comes to',
    'nadie ~6 mejor|mas que yo|nosotros',
    // "I train most of the other doctors in this county"; "that's how far ahead of them I am"
    'i|we train|trained|teach|taught|mentor|mentored most|half|many|all of the|other ~3 @provider',
    // "I trained a good many of the injectors on Harley Street"
    'i|we train|trained|teach|taught|mentor|mentored ~4 of the ~2 @provider',
    'far|way|well|miles|years ahead of them|the_rest|the_others|everyone|everybody|the_competition',
    // "see someone better, like me"; "known around here as the surgeon for natural results"
    'better ~3 like me|us',
    'better , like me|us',
    'know|known ~3 as the @provider',
    // "we're the Sculptra experts in this city"
    'be ~1 the ~2 expert|experts|authority|specialist|specialists in|around ~2 town|city|state|area|region|county|valley|here',
  ],
  { provider: providerNouns, comparative: comparatives, rank: ranks },
);

/**
 * A better provider said not to exist anywhere: "you won't find a more skilled provider anywhere
 * than our team". Said without the negation it is humility ("a better surgeon elsewhere").
 */
const unfindable = phrases(
  [
    'more|better|finer|safer ~3 @provider ~4 anywhere|elsewhere',
    // "You won't find a more experienced lip injector in this state", "work this good anywhere else".
    'find ~2 a|an more|better|finer|safer ~3 @provider',
    // "You won't find more precise dosing anywhere in Brisbane."
    'find more|better|finer|safer ~3 anywhere|elsewhere',
    'work|results|lips|hands this|that|as good|skilled|natural|precise ~3 anywhere|elsewhere',
  ],
  {
    provider: providerNouns,
  },
);

/** The places whose providers a rank is claimed among: "in town", "in this zip code". */
const placeNouns = [
  ...'town city state country area region world valley metro county neighborhood neighbourhood suburb suburbs borough postcode zipcode'.split(
    ' ',
  ),
  'zip code',
];

/** Other providers, named as those the writer sets themselves against. */
const rivals = phrases(
  [
    'other|the_other ~2 @provider',
    'most|half|many|every|all ~3 @provider',
    'any ~1 other? ~2 @provider',
    'the average|typical|usual ~2 @provider',
    'anyone|anybody|nobody|no_one|noone|everyone|everybody else',
    // "nobody in this town does a natural lip the way I do"
    'nobody|no_one|noone|anyone|anybody in|around|across ~3 @place|PROPN|here',
    'the big? chains|competition',
    'my|our =colleagues|=peers|competitors|competition',
    'those guys',
    'most|half|rest of the town|city|area|region',
    'the rest of the ~2 @provider',
    // The providers of a place, all of them: "the plastic surgeons in this town", "injectors around here".
    '=injectors|=surgeons|=doctors|=physicians|=dermatologists|=derms|=providers|=clinics|=practices|=medspas|=spas|=salons|=chains|=nurses|=specialists|=places|=ophthalmologists|=orthodontists|=dentists in|around|across ~3 @place|PROPN|here',
  ],
  { provider: [...providerNouns, 'chain', 'group', 'colleague'], place: placeNouns },
);
/** Words that set one side above the other: quality, not quantity ("more units than I use"). */
const setAbove = phrases([
  'better|safer|finer|smoother|gentler|superior|steadier|sharper|cleaner',
  'more natural|precise|skilled|experienced|careful|accurate|consistent|refined|experience|skill|expertise|training',
  'far less|fewer',
  'above|ahead',
  'the only',
  'unlike',
  'get|getting|come|comes|coming close',
  'copy|copying',
  'outclass|outclasses',
  'catch up',
  'trust',
  'fix|fixing|correct|correcting|redo ~3 their|what',
  // Peers coming for their own care: "the other injectors in this city come to me for their foreheads".
  'come|came|turn|turned ~2 to me|us',
  'learn|learned|learnt ~2 from me|us',
  // Peers who send the writer their own care or what they cannot do: "send their own wives to me",
  // "send me their revisions", "too complicated for them"; a referral alone is no rank.
  'send|sends|sent|refer|refers|referred|bring|brings ~1 their|his|her|my|our own',
  'send|sends|sent|refer|refers|referred me|us their ~2 revisions|failures|botches|disasters|mistakes|messes|complications',
  'too ~2 for them',
  'measure|measured ~1 against',
  'lowest|highest|fewest',
  'repair|repairing|rescue|rescuing|botch|botched',
  'clean|cleaning up after',
  'my|our card|office|table|door',
  'none',
  'at|to the front',
  // "no one else in the area has our touch"
  'have|has|had my|our',
]);

/** Where a rank says "among all of them": in a place, ever. */
const locality = phrases(
  [
    'in|around|across|on ~2 @place|business|industry|nation|field|coast|side|shore',
    'in|around|across|on PROPN',
    'in|around|across all of the? PROPN|town|city|state|country|region|world',
    'anywhere|around_here|of_all_time|in_the_us|in_america',
    'three years running',
  ],
  { place: placeNouns },
);

/** The writer answering "who" with themselves: "Me.", "We do!", "That would be me", "Right here". */
const selfAnswer = phrases([
  'me|us|myself',
  'i|we do|be',
  'that would? be me|us',
  'right here',
  'you be talk|talking|looking to|at me|us',
]);
/** A question asking who or where is best: "Who does the most natural Botox in Austin?". */
const asksForTheBest = (asked: TextAnalysis) =>
  asked.tokens.some((t) => /^(?:who|whom|which|where)$/.test(t.normal)) &&
  asked.tokens.some((t) => superlative(t) || /^(?:best|top|most|greatest|finest)$/.test(t.normal));

/** Ranks of things that are not providers. */
const notProviders = new Set(
  (
    'approach approaches way thing option options choice choices time times result results practice ' +
    'practices plan plans candidate product products filler fillers cause causes needle needles move ' +
    'advice bet course person people idea question questions answer luck place'
  ).split(' '),
);

/** A rank alone, its noun left out: "the highest-rated in Tampa", "the lowest in the region". */
const rankedInPlace = phrases(['the @rank', 'the ADJ'], { rank: [...ranks, 'lowest', 'highest', 'fewest'] });
/**
 * An adjective in its superlative that ranks quality: "safest", "busiest" (wink gives "safe",
 * "busy" as the lemma). Age, size, distance and price can be checked: "the oldest in town" is a fact.
 */
const superlative = (t: Token) =>
  t.pos === 'ADJ' && /est$/.test(t.normal) && t.lemma !== t.normal && !measurable.has(t.lemma);
const measurable = new Set(
  'old new young large big small near close far cheap early late long short'.split(' '),
);

/** "ours", "our surgeons": the writer's own as the subject, without "I" or "we". */
const ownedSubject = (analysis: TextAnalysis, sentence: number) => {
  const { from, to } = analysis.sentences[sentence];
  return analysis.tokens.slice(from, to).some((t) => /^(?:ours|mine)$/.test(t.normal));
};

/**
 * Someone else's praise the writer takes up: "a patient says we're the only clinic worth going
 * to, and she's right", "they'd tell you I'm the top surgeon, and I won't argue".
 */
const endorsement = phrases([
  'she|he|they|that be ~1 right|correct|true',
  "i won't|wo|will|would|can|ca n't|not ~1 argue|disagree",
  'i agree',
  'back|backs|backed ~1 that|it up',
  'i can not|cannot argue|disagree',
]);
/** Patients reporting the praise of the writer: "my patients tell me I'm the greatest", "patients call me the Picasso of lips". */
const ownPraise = phrases([
  'my|our ~1 patient|patients|client|clients|regulars|reviews ~2 say|tell|write|rave ~3 i|we|=im',
  'patient|patients|client|clients|regulars|reviews ~2 call me|us',
  // The writer's peers, or anyone, made to vouch for them: "ask any anaesthetist and they'll tell
  // you I'm the safest pair of hands", "even the competition admits we're the top practice".
  'colleagues|peers|anaesthetists|anesthetists|surgeons|doctors|nurses|competition|competitors|they|everyone|everybody|anyone ~3 say|tell|admit|admits|agree|agrees|reckon|reckons ~3 i|we|=im',
]);
const endorsed = (analysis: TextAnalysis, m: { from: number; to: number }) => {
  const sentence = analysis.sentences[analysis.tokens[m.from].sentence];
  return (
    !isQuoted(analysis, m) &&
    !isAsked(analysis, m) &&
    isReported(analysis, m) &&
    (within(analysis, endorsement, { from: m.to, to: sentence.to }) ||
      within(analysis, ownPraise, { from: sentence.from, to: m.from }))
  );
};
const superiorityAsserted = (analysis: TextAnalysis, m: { from: number; to: number }) =>
  isAsserted(analysis, m) || endorsed(analysis, m);

const superiority = textRule({
  id: 'ANS_SUPERIORITY',
  severity: 'high',
  description:
    'Claims, unverifiably, to be a better provider than others ("best injector in town", "no one does more lips")',
  passMessage: 'No claim to be the best',
  learned: {
    claim: 'a claim to be the best',
    // Left out of the training in turn (15 passes, 507 claims): of the 24 the phrases miss, the
    // reading finds 3 at 0.9 and flags no honest answer more; at 0.8, 3 and 2; at 0.7, 4 and 5.
    likelihood: learnedLimit(0.9),
  },
  find({ analysis }, context) {
    const { tokens } = analysis;
    const findings: Finding[] = [];
    // "Who does the most natural Botox in Austin?" "Me. Ask anyone.": the best, asked for, is the writer.
    // The whole of the first sentence, and not asked back ("Me? I'd pick Voluma").
    const first = analysis.sentences[0];
    const answer = first && !first.question ? selfAnswer.find(analysis, [first])[0] : undefined;
    if (
      answer &&
      answer.from === first.from &&
      tokens.slice(answer.to, first.to).every((t) => t.type === 'punctuation' || t.type === 'emoji') &&
      context.question &&
      asksForTheBest(context.read(context.question.title))
    )
      findings.push({
        from: first.from,
        to: first.to,
        message: 'Answers a question asking for the best with the writer',
      });
    // The highlight takes the place in with the rank: "the best injector in Dallas".
    const placed = (m: PhraseMatch) => {
      const { after } = clauseAround(analysis, m);
      const place = locality.find(analysis, [{ from: m.to, to: Math.min(after.to, m.to + 6) }])[0];
      return place && place.from <= m.to + 1 ? { ...m, to: place.to, end: place.end } : m;
    };
    const claim = (found: PhraseMatch) => {
      const m = placed(found);
      findings.push({
        from: m.from,
        to: m.to,
        message: 'Makes an unverifiable claim to be better than other providers',
      });
    };
    for (const m of rankedProvider.find(analysis)) {
      if (!superiorityAsserted(analysis, m)) continue;
      if ((m.pattern === 3 || m.pattern === 5) && !superlative(tokens[m.from + 1])) continue;
      const head = tokens[m.to - 1].normal;
      const sentence = tokens[m.from].sentence;
      // "The best option is the one your face responds to": the rank's own noun is no provider.
      // "Best practice" is a way of doing things, but "we're the top practice for body contouring"
      // is the writer's own practice ranked.
      const ownPractice =
        /^practices?$/.test(head) && tokens[m.from].normal !== 'best' && mentionsSelf(analysis, sentence);
      const pronoun = /^(?:one|ones)$/.test(head);
      if (
        (notProviders.has(head) && !ownPractice) ||
        (pronoun && tokens.slice(m.from + 1, m.to - 1).some((t) => notProviders.has(t.normal)))
      )
        continue;
      const { after } = clauseAround(analysis, m);
      const afterSentence = { from: m.to, to: analysis.sentences[sentence].to };
      // "The best injector for you listens": advice, unless the writer ranks themselves or a place.
      if (
        mentionsSelf(analysis, sentence) ||
        within(analysis, locality, afterSentence) ||
        within(analysis, locality, after) ||
        /^(?:#|number|no|top-rated|highest|premier|leading|elite|go)/.test(tokens[m.from].normal) ||
        tokens
          .slice(analysis.sentences[sentence].from, m.from)
          .some((t) => t.pos === 'PROPN' && /^dr\.?$/.test(t.normal))
      )
        claim(m);
    }
    // "The best results in town": work ranked against a place's.
    for (const m of rankedWork.find(analysis)) {
      if (isAsserted(analysis, m) && placed(m) !== m) claim(m);
    }
    // "Our practice is the highest-rated in Tampa", "ours are the finest in Scottsdale": a rank
    // without a provider noun, given in a place by a writer speaking of their own.
    for (const m of rankedInPlace.find(analysis)) {
      if (!superiorityAsserted(analysis, m)) continue;
      if (tokens[m.from + 1].pos === 'ADJ' && !superlative(tokens[m.from + 1])) continue;
      // The noun left out: the place follows the rank at once.
      if (tokens[m.to]?.pos !== 'ADP') continue;
      const sentence = tokens[m.from].sentence;
      if (!mentionsSelf(analysis, sentence) && !ownedSubject(analysis, sentence)) continue;
      const place = placed(m);
      // "Look for the best in your area": the reader's place, advice.
      if (place === m || tokens.slice(m.to, place.to).some((t) => t.normal === 'your')) continue;
      claim(m);
    }
    for (const m of standing.find(analysis)) {
      // The writer's own title: "I'm known around town as the king of lips", "our clinic is a leader in".
      const { before } = clauseAround(analysis, m);
      const own = tokens.slice(before.from, m.from).some((t) => selfReference.has(t.normal));
      if (own && superiorityAsserted(analysis, m)) claim(m);
    }
    for (const m of rankedSelf.find(analysis)) {
      if (!superiorityAsserted(analysis, m)) continue;
      if (notProviders.has(tokens[m.to]?.normal) || tokens[m.to]?.normal === 'person') continue;
      claim(m);
    }
    // The writer's side set against the other providers in one sentence: "the nurses on my team
    // bruise people far less than the average medspa", "the other injectors in this city quietly
    // come to me".
    for (const m of rivals.find(analysis)) {
      const sentence = tokens[m.from].sentence;
      if (!mentionsSelf(analysis, sentence) || declined(analysis, m)) continue;
      // "what they're most practised with": a verb whose lemma is a provider's noun.
      if (tokens[m.to - 1].pos === 'VERB') continue;
      // "Nobody else around here would get it right": the negation is the claim, and says by
      // itself that the writer is above the rest.
      if (/^(?:nobody|no|noone)$/.test(tokens[m.from].normal)) {
        // "I can't answer that, and nobody else can either": the writer no better than the rest.
        const { after } = clauseAround(analysis, m);
        if (tokens.slice(after.from, after.to).some((t) => t.normal === 'either')) continue;
        if (ownWords(analysis, m) || endorsed(analysis, m)) claim(m);
        continue;
      }
      if (superiorityAsserted(analysis, m) && within(analysis, setAbove, analysis.sentences[sentence]))
        claim(m);
    }
    for (const m of unfindable.find(analysis)) {
      // "If you can't find a better injector nearby": a condition, not a claim.
      if (conditional(analysis, clauseAround(analysis, m).before)) continue;
      if (isNegated(analysis, m) && !isQuoted(analysis, m) && !isAsked(analysis, m)) claim(m);
    }
    for (const m of unrivalled.find(analysis)) {
      if (!isAsserted(analysis, m) && !isNegated(analysis, m) && !endorsed(analysis, m)) continue;
      if (declined(analysis, m)) continue;
      // "More for your skin than any other product": the others are not providers.
      const compared = tokens[m.to];
      if (
        tokens[m.to - 1].normal === 'other' &&
        compared?.pos === 'NOUN' &&
        !providerNouns.includes(analysis.lemmaOf(compared.normal))
      )
        continue;
      if (isQuoted(analysis, m) || isAsked(analysis, m)) continue;
      if (isReported(analysis, m) && !endorsed(analysis, m)) continue;
      // "The brow comes down, which nobody likes": liking, not "like me".
      if (/^(?:like|likes)$/.test(tokens[m.to - 1].normal) && tokens[m.to - 1].pos === 'VERB') continue;
      const sentence = tokens[m.from].sentence;
      const { after } = clauseAround(analysis, m);
      const afterSentence = { from: m.to, to: analysis.sentences[sentence].to };
      // "Nobody in Austin does cheeks better": the place may be inside the claim.
      if (
        !mentionsSelf(analysis, sentence) &&
        !within(analysis, locality, afterSentence) &&
        !within(analysis, locality, after) &&
        !within(analysis, locality, m)
      )
        continue;
      claim(m);
    }
    return findings;
  },
});

// --- Off-label approval claims --------------------------------------------------------------

/** Saying a use is on a product's label. */
const approval = phrases([
  "fda ~1 - ? approve|approval|approved|aproved|clear|cleared|clearance|indication|indicated|sanction|sanctioned|bless|blessed|authorize|authorized|authorise|authorised|okay|okayed|ok'd|okd|backed|endorsed|recognise|recognised|recognize|recognized",
  // Approval in everyday words: "the FDA signed off on", "signed off by the FDA", "the FDA gave it the nod".
  'fda ~1 sign|signed off',
  'sign|signed off by ~1 the? fda',
  'fda ~3 give|gave|given ~2 nod|green_light|thumbs_up|go_ahead|seal|stamp',
  'approve|approval|approved|aproved|aprobado|aprobada|clear|cleared|indicate|indicated|indication|labelled|labeled ~3 for|to_treat|para',
  // Approved by an agency named after it: "approved by the TGA".
  'approved|cleared|licensed by ~1 the? fda|tga|mhra|ema|health_canada',
  // "one of its approved cosmetic indications"
  'approved|fda-approved|labeled|labelled ADJ|aesthetic|cosmetic|medical? use|uses|indication|indications|list|area|areas',
  'on - ? label',
  'on the|its|their label',
  // "on Botox's label"
  "on ~2 's label",
  // A label said to have grown: "the forehead has since been added to its label", "the label was
  // broadened to cover the jowls".
  'add|added ~3 to ~2 label|indications',
  'label|approval|indication ~2 broaden|broadened|expand|expanded|extend|extended',
  // "an approved melasma treatment"
  'approved|fda-approved ~2 treatment|therapy',
  // "on the Botox Cosmetic label"
  'on the|its|their PROPN PROPN? label',
  // What a label or an approval is said to take in: "Kybella's approval covers the jowls too".
  'label|approval|indication|indications|clearance|licence|license ~1 cover|covers|include|includes|extend|extends',
  'cover ~3 label|licence|license',
  // "Botox Cosmetic was authorised for the lip flip", "regulators okayed it for belly fat"
  'authorise|authorised|authorize|authorized|okay|okayed|sanction|sanctioned|greenlit ~3 for',
  'green light',
  'within ~3 approved|label',
  'have|has|carry|carries|get|got|hold|holds|receive|received ~4 approval|approvals|clearance|indication|indications',
  // "the licensed treatment for", "part of its approved label"
  // "licensed in the UK for masseter reduction"
  'licensed|licenced ~3 for|treatment|use|indication|option',
  'approved|fda-approved label|labeling|labelling',
  'part of ~4 label|approval|indications',
]);
/** Its first pattern turns to another product or use: "Lumigan is for glaucoma while Latisse...". */
const contrastPattern = 0;
const offLabelWords = phrases([
  'but|while|whereas|although|though|however',
  'off - ? label',
  'not ~3 approve|approved|label|labeled|labelled|indicated|cleared',
  'unapproved',
  // A use excluded: "frown lines and crow's feet, not the masseters".
  'not|except|excluding the|for|in|on|a|an|your|my',
]);

/** An approval said to be another country's: "but not by the FDA", "though not in the US". */
const elsewhere = phrases(["not|n't ~2 by|in the? fda|us|usa|america|united_states|states"]);

/** After a labelled use, a comma and one of these start its gloss, not the next use of a list. */
const glossStarts = new Set(['the', 'a', 'an', 'which', 'that', 'i.e.', 'meaning', 'or', 'also']);

const offLabel = textRule({
  id: 'ANS_OFFLABEL',
  severity: 'high',
  description: 'Says a product is FDA approved for a use it is not labelled for',
  passMessage: 'No off-label approval claim',
  find({ analysis, mentions, asked }, context) {
    const { tokens } = analysis;
    const findings: Finding[] = [];
    const claims = approval.find(analysis);
    for (const m of claims) {
      if (!isAsserted(analysis, m)) continue;
      // "It isn't FDA-approved for TMJ", "No filler is approved for the nose": the negation may
      // fall on the subject or the agency rather than on "approved".
      if (negationsIn(analysis, clauseAround(analysis, m).before) % 2 === 1) continue;
      const sentenceIndex = tokens[m.from].sentence;
      const sentence = clauseOf(analysis, m);
      // A claim after another in the same clause starts at the product it names: "Voluma is
      // approved for the cheeks and the chin, and Lyft is approved for cheeks too".
      const previous = claims.filter((c) => c.to <= m.from && c.from >= sentence.from).at(-1);
      if (previous) {
        const next = mentions.find((t) => t.from >= previous.to && t.to <= m.from);
        sentence.from = next ? next.from : previous.to;
      }
      // ...and a claim before another ends where the other's product is named: "Ozempic is
      // approved for diabetes and Wegovy is the version approved for weight management".
      const following = claims.find((c) => c.from >= m.to && c.to <= sentence.to);
      const nextProduct = following && mentions.find((t) => t.from >= m.to && t.to <= following.from);
      if (nextProduct) sentence.to = nextProduct.from;
      // "Dysport and Botox are both approved for...": every product named before the claim, after a
      // turn to another ("Lumigan is for glaucoma while Latisse is approved for lashes").
      const turnBefore = offLabelWords
        .find(analysis, [{ from: sentence.from, to: m.from }])
        .filter((w) => w.pattern === contrastPattern)
        .at(-1);
      const named = mentions.filter(
        (t) =>
          t.sentence === sentenceIndex &&
          t.to <= m.from &&
          t.from >= (turnBefore ? turnBefore.to : sentence.from) &&
          !t.compared,
      );
      const nearest = subjectOf(mentions, sentenceIndex, m.from, m.to, asked);
      let subjects = (named.length > 0 ? named : nearest ? [nearest] : []).filter(
        (t) => labelledUses[t.key] !== undefined,
      );
      // "A brow lift is one of the FDA-approved uses of Botox": the product the uses are of.
      if (subjects.length === 0 && tokens[m.to]?.normal === 'of')
        subjects = mentions.filter((t) => t.from === m.to + 1 && labelledUses[t.key] !== undefined);
      if (subjects.length === 0) continue;
      // "approved for hair loss in South Korea and Japan, but not by the FDA": another country's label.
      if (elsewhere.find(analysis, [{ from: m.to, to: sentence.to }]).length > 0) continue;
      // The uses a claim covers: its sentence, up to a word that turns away from approval.
      const turn = offLabelWords.find(analysis, [{ from: m.to, to: sentence.to }])[0];
      const span = { from: sentence.from, to: turn ? turn.from : sentence.to };
      // A use named off-label is not approved: the clause that says so begins at its comma ("approved
      // for diabetes, so using it for weight loss would be off-label").
      if (turn && /^off$/.test(tokens[turn.from].normal)) {
        for (let i = turn.from - 1; i >= m.to; i--)
          if (tokens[i].text === ',') {
            span.to = i;
            break;
          }
      }
      const before = offLabelWords.find(analysis, [{ from: sentence.from, to: m.from }]).at(-1);
      if (before) span.from = before.to;
      let claimed = claimedUses(analysis, span, m);
      const whole = analysis.sentences[sentenceIndex];
      // "yes its an approved indication", typed without the apostrophe.
      const opener = /^(?:yes|yeah|yep|so|and)$/.test(tokens[whole.from].normal)
        ? whole.from + 1
        : whole.from;
      const pronounSubject = sentenceIndex > 0 && /^(?:it|its|this|that)$/.test(tokens[opener]?.normal ?? '');
      const usesBefore = () => claimedUses(analysis, analysis.sentences[sentenceIndex - 1], m);
      // "...a lip flip; since that's an approved indication": a clause with no use of its own
      // speaks of the uses before it.
      if (claimed.length === 0 && !previous) {
        // ...but not across a turn: "in the buttock it's off-label use, the approval is for the face"
        claimed = claimedUses(analysis, { from: before ? before.to : whole.from, to: span.to }, m);
        // "A gummy smile responds well. It's one of the uses the FDA approved": a sentence whose
        // subject is a pronoun and that names no use speaks of the use before it.
        if (claimed.length === 0 && pronounSubject) claimed = usesBefore();
      } else if (
        pronounSubject &&
        tokens
          .slice(opener, m.from)
          .some((t, i, words) => t.normal === 'one' && words[i + 1]?.normal === 'of')
      )
        // "A lip flip rolls the lip out. It's one of the approved areas for Botox, alongside frown
        // lines": the pronoun is the use before, and the uses the sentence names its company.
        claimed = [...usesBefore(), ...claimed];
      // "It's on the label for that now": "that" is the use the patient asked about.
      const pointer = tokens[m.to]?.normal === 'for' ? m.to + 1 : m.to;
      if (claimed.length === 0 && context.question && /^(?:that|this)$/.test(tokens[pointer]?.normal ?? '')) {
        const question = context.read(`${context.question.title} ${context.question.body}`);
        claimed = useNames.find(question).map((u) => ({ ...uses[u.pattern], from: m.from, to: m.to }));
      }
      for (const subject of subjects) {
        const use = claimed.find((u) => !labelledUses[subject.key].includes(u.use));
        if (!use) continue;
        const message = `Says ${subject.name} is approved for ${use.label}, which is off-label`;
        // A use named in the sentence before is pointed at on its own, not with all between.
        if (tokens[use.from].sentence !== sentenceIndex)
          findings.push({ from: m.from, to: m.to, message }, { from: use.from, to: use.to, message });
        else findings.push({ from: Math.min(m.from, use.from), to: Math.max(m.to, use.to), message });
        break;
      }
    }
    return findings;
  },
});

/** The part of a sentence between semicolons that holds a match: each part makes its own claim. */
function clauseOf(analysis: TextAnalysis, m: { from: number; to: number }) {
  const { tokens } = analysis;
  const sentence = analysis.sentences[tokens[m.from].sentence];
  let from = m.from;
  while (from > sentence.from && tokens[from - 1].text !== ';') from--;
  let to = m.to;
  while (to < sentence.to && tokens[to].text !== ';') to++;
  return { from, to };
}

function negationsIn(analysis: TextAnalysis, span: { from: number; to: number }): number {
  let count = 0;
  for (let i = span.from; i < span.to; i++) if (negators.has(analysis.tokens[i].normal)) count++;
  return count;
}

const avoiding = new Set(['avoid', 'prevent', 'without', 'minimise', 'minimize']);

/** A use denied where it is named: "brows are an off-label use", "buttock use is off-label". */
const deniedUse = phrases(['use? be ~2 off - ? label|unapproved|not_approved|not_fda_approved|not_labelled']);

/** Who a product is for, by a condition they have: "adults with a condition such as high blood pressure". */
const patientsCondition = phrases([
  'with ~12 condition|conditions|comorbidity|comorbidities|illness|illnesses|problem|problems such_as|like|including',
]);

/** The uses an approval claim names, in order, without the gloss of a use ("platysma bands, the cords..."). */
function claimedUses(analysis: TextAnalysis, span: { from: number; to: number }, claim: PhraseMatch) {
  const { tokens } = analysis;
  const found: { use: string; label: string; from: number; to: number }[] = [];
  let covered = span.from;
  // Where the last use named as the patients' condition ends: the uses listed on from it are theirs too.
  let patients = -1;
  for (const u of useNames.find(analysis, [span])) {
    // One use per words ("underarm sweating" is not also "sweating").
    if (u.from < covered) continue;
    const between = tokens.slice(covered, u.from);
    const comma = between.findIndex((t) => t.text === ',' || t.text === '(');
    if (found.length > 0 && comma >= 0 && glossStarts.has(between[comma + 1]?.normal ?? '')) break;
    covered = u.to;
    const listedOn =
      patients >= 0 && tokens.slice(patients, u.from).every((t) => /^(?:,|or|and)$/.test(t.normal));
    const condition = patientsCondition.find(analysis, [
      { from: Math.max(span.from, u.from - 16), to: u.from },
    ]);
    if (listedOn || condition.some((c) => c.to === u.from)) {
      patients = u.to;
      continue;
    }
    if (isNegated(analysis, u) && !isNegated(analysis, claim)) continue;
    if (tokens[u.from].quoted) continue;
    // "treated with the frown lines to avoid brow drop": a harm avoided, not a use.
    if (tokens.slice(Math.max(span.from, u.from - 2), u.from).some((t) => avoiding.has(t.lemma))) continue;
    const end = analysis.sentences[tokens[u.from].sentence].to;
    const denied = deniedUse.find(analysis, [{ from: u.to, to: Math.min(end, u.to + 6) }])[0];
    if (denied && denied.from === u.to) continue;
    found.push({ ...uses[u.pattern], from: u.from, to: u.to });
  }
  // Sweating in one word is the underarms' when they are named: after them ("approved for axillary
  // hyperhidrosis, and a session controls sweating"), or as the kind of use the claim is about
  // ("the only approved sweating indication is the underarms").
  const underarms = found.find((f) => f.use === 'underarms');
  if (!underarms) return found;
  const theirs = (f: { use: string; from: number; to: number }) =>
    f.use === 'sweating' &&
    f.to - f.from === 1 &&
    (f.from > underarms.from || (f.from >= claim.from && f.to <= claim.to));
  return found.filter((f) => !theirs(f));
}

// --- Promotion ------------------------------------------------------------------------------

const digitWord = /\d|\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b/gi;
const digitGap = /^[\s.,()/+-]{0,4}$/;

/** Runs of ten or more digits, written as numerals or words, and vanity numbers (1-800-GLOW-NOW). */
function phoneNumbers(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  let run: { start: number; end: number; digits: number } | null = null;
  const close = () => {
    if (run && run.digits >= 10) {
      const start = /[(+]/.test(text[run.start - 1] ?? '') ? run.start - 1 : run.start;
      found.push({ start, end: run.end });
    }
  };
  digitWord.lastIndex = 0;
  for (let m = digitWord.exec(text); m; m = digitWord.exec(text)) {
    if (run && digitGap.test(text.slice(run.end, m.index))) {
      run.end = m.index + m[0].length;
      run.digits++;
    } else {
      close();
      run = { start: m.index, end: m.index + m[0].length, digits: 1 };
    }
  }
  close();
  for (const m of text.matchAll(/\b1?[-. ]?8[0-9]{2}[-. ][A-Z0-9]{3,4}[-. ][A-Z0-9]{3,4}\b/g))
    found.push({ start: m.index, end: m.index + m[0].length });
  // A toll-free number spelt in words: "1-888-SMOOTH-1", "1-877-NO-BRUISE".
  for (const m of text.matchAll(/\b1?[-. ]?8[0-9]{2}[-. ][A-Z][A-Z0-9-]{4,10}\b/g))
    if (!found.some((f) => f.start <= m.index && m.index < f.end))
      found.push({ start: m.index, end: m.index + m[0].length });
  // A local number, given as one: "our number is 555-0199", "call 555 0199".
  for (const m of text.matchAll(localNumber)) {
    const start = m.index + m[0].length - m[1].length;
    if (!found.some((f) => f.start <= start && start < f.end))
      found.push({ start, end: start + m[1].length });
  }
  return found;
}

const localNumber =
  /\b(?:number|phone|line|call|text|dial|ring|reach us|reach me)\b[^.!?\d]{0,24}?\b(\d{3}[-. ]\d{4})\b(?![-. ]?\d)/gi;

/** A deal in figures: "2-for-1", "3 for 2". */
const figureDeal = /\b(?:\d|one|two|three)\s*-?\s*for\s*-?\s*(?:\d|one|two)\b/gi;

const tld =
  'com|net|org|co|io|us|biz|info|me|md|health|clinic|spa|care|beauty|studio|ee|ly|ca|uk|au|nz|ie|za|example';
// A full stop and a space end a sentence ("Sure. Health Canada approved it"): a dot in an address
// is written touching its host, or spaced on both sides, bracketed or spelt out.
const dot = String.raw`(?:\.|\s+\.\s+|\s*[([{]\s*(?:\.|dot)\s*[)\]}]\s*|\s+dot\s+)`;
const host = String.raw`[a-z0-9][a-z0-9-]{2,}(?:\.[a-z0-9-]+)*`;
/** Public sources a doctor may point to without promoting anything. */
const publicSources =
  /(?:^|\.)(?:fda\.gov|cdc\.gov|nih\.gov|clinicaltrials\.gov|plasticsurgery\.org|aad\.org|certificationmatters\.org|abms\.org|medlineplus\.gov|[a-z-]+\.gov|nhs\.uk|gov\.uk|gov\.au|gc\.ca|canada\.ca|govt\.nz)(?:\/|$)/i;
const addresses: RegExp[] = [
  new RegExp(
    String.raw`\b[a-z0-9._+-]+\s*(?:@|[([]\s*at\s*[)\]]|\bat\b)\s*(?!www\.)(?:${host}\.(?:${tld})|${host}${dot}(?:${tld}))\b`,
    'gi',
  ),
  new RegExp(String.raw`(?:https?://|www\.)\S+|\b${host}\.(?:${tld}|gov)\b(?:/\S*)?`, 'gi'),
  new RegExp(String.raw`\b(?!(?:the|a|an|of|and|or|my|our|your|on|at|is)\b)${host}${dot}(?:${tld})\b`, 'gi'),
  /(?<![\w.@])@[a-z][a-z0-9_.]{2,}\b/gi,
  // A handle spelt out: "contour underscore lab underscore nyc".
  /\b[a-z0-9]+(?:\s+underscore\s+[a-z0-9]+)+\b/gi,
  // A booking reference to quote: "quote reference 4471 when you book".
  /\b(?:reference|ref\.?)\s*#?\d{3,}\b/gi,
  // A mailbox named by its provider alone: "drpatelaesthetics at gmail".
  /\b[a-z0-9._-]{3,}\s+(?:at|@)\s+(?:gmail|yahoo|hotmail|outlook|icloud|protonmail)\b/gi,
  /\b(?:promo|coupon|discount|referral|offer)\s+code\b:?\s*[A-Z0-9-]*|\b(?:(?:[Uu]se|[Ee]nter|[Aa]pply|[Mm]ention)\s+)?code\s+(?:[A-Z][A-Z0-9]*\d[A-Z0-9]*|[A-Z]{4,})\b|\b(?:[Tt]ype|[Ee]nter|[Uu]se)\s+[A-Z]+\d+\b/g,
];

/** Inviting patients to the practice or its channels. */
const invitations = phrases([
  'call|text|phone|ring|email|e-mail|message|dm|pm|contact|reach|book|visit|follow|find|see|whatsapp ~2 us|me|our|my',
  'give ~2 us|me|my|our ~3 call|ring|shout|text',
  'come see|visit|find us|me',
  'send ~5 to|through|via ~2 me|us|my|our',
  'our|my website|site|instagram|insta|ig|tiktok|youtube|facebook|channel|booking|link|bio|contact_form|newsletter|app|direct_line',
  'link in bio',
  'dm|whatsapp',
  'tell|mention|say ~4 front_desk|receptionist|found_us|read_this|saw_this|sent_you|this_answer|this_post',
  'you found|read|saw ~2 us|this|here',
  'search|google|look up ~2 us|me|my|our|for',
  'book ~3 with us|me|online|now|today|here',
  'opening|openings|availability|slot this|next week|month',
  'fit you in',
  // "slide into my messages"
  'slide|hop|pop into my|our dms|messages|inbox',
  'grab|book|snag a slot|spot|appointment',
  'online booking',
  'i|we have|run|host ~3 channel|website|podcast|blog|page|account|newsletter|series',
  'search|google|look_up ~1 \'|"|“|‘',
  // "the inquiry form on our practice site", "send our office a text", "join our Tox Club"
  'the|our|my ~2 form on|at|via our|my ~3 site|website|page|web_page',
  'send|shoot|drop our|my|the clinic|office|practice|team|front_desk a|an ~1 text|message|email|note|line',
  'join our|my ~2 club|membership|program|programme|plan|list',
  'our|my ~3 scheduler|booking_page|booking_system',
  'slots|spots|openings ~4 this|next week|month',
]);
/** Sending someone to a doctor, a hotline or an emergency room is advice, not promotion. */
const advice = phrases([
  'your|the doctor|injector|surgeon|dermatologist|clinic|provider|gp|pharmacist|dentist|insurer|neurologist|board',
  '911|emergency|urgent_care|er|poison',
  'whoever treated|injected',
]);

/** Offers with a figure or a deadline: promotional whoever says them, unless warned about. */
const concreteOffers = phrases([
  '# %|percent|per_cent off|discount',
  '$ # off',
  '$ # a|per month|week',
  'through|until|till|ends|before ~3 friday|saturday|sunday|monday|tuesday|wednesday|thursday|weekend|month|november|december|january|holidays|end',
  'this week|month|weekend only',
  'today only',
  'black_friday|cyber_monday',
  'first syringe|visit|treatment|session ~3 $|off|free',
  'buy # ~2 get',
  'buy one|two ~2 get',
  'bogo',
  'two - ? for - ? one',
  'on the house',
  // "your fifth syringe is on us", "we'll match any local quote", "we'll beat any written quote"
  'be on us',
  'match|beat any|your ~2 quote|quotes|price|prices',
  "quote|quotes ~4 we|i 'll|will beat|match",
  // "buy a $500 gift card and we'll add $100 free on top"
  'free|extra on top',
  // A price for a day of the week: "all toxin is $8 a unit that day", "$9.99/unit every Wednesday"
  '$ # ~8 every|on|that|all a? day|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays',
  'every|on a? monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays ~8 $ #',
]);

const prices = phrases(['$ #', '# buck|bucks|dollar|dollars']);

/** Offers in words: promotional when the practice makes them ("we're running a special"). */
const offers = phrases([
  'off every|each|your|all|the_first',
  'half off|price',
  'special|deal|promotion|promo|sale|offer|discount|giveaway|package|descuento|oferta|promoción|promocion',
  'free ~2 when|if|with|for_you|for_anyone',
  'get|gets|receive ~3 free',
  'membership|member|members',
  'new - ? patient|client special|discount|price|pricing',
  'launch price|prices|pricing|offer|special',
  'financing|payment_plan',
  'for readers',
  'treated|done free of charge',
  // "four cycles for the price of three", "the first syringe is at cost", "priced lower this month"
  'for the price of',
  'at cost',
  'priced lower|cheaper|less',
  'first month|session|visit|syringe ~2 waived|free|comped',
]);

const promo = textRule({
  id: 'ANS_PROMO',
  severity: 'high',
  description:
    'Promotes the practice: phone numbers, web or e-mail addresses, handles, coupon codes, discounts, "call my office", "DM me"',
  passMessage: 'No promotion',
  learned: {
    claim: 'promotion of the practice',
    // Left out of the training in turn (15 passes, 370 promotions): of the 18 the phrases miss, the
    // reading finds 7 at 0.8 and flags 2 honest answers more; at 0.85, 5 and 1; at 0.7, 7 and 2.
    likelihood: learnedLimit(0.8),
  },
  find({ analysis }, _context, item) {
    const { tokens } = analysis;
    const findings: Finding[] = [];
    const atChars = (start: number, end: number, message: string) => {
      const from = tokens.findIndex((t) => t.end > start);
      let to = from;
      while (to < tokens.length && tokens[to].start < end) to++;
      if (from >= 0 && to > from) findings.push({ from, to, message });
    };
    for (const { start, end } of phoneNumbers(item.body)) atChars(start, end, 'Gives a phone number');
    for (const pattern of addresses) {
      for (const m of item.body.matchAll(pattern)) {
        // "the register at nhs.uk" is a public source however it is pointed at, as if a mailbox.
        const site = m[0]
          .replace(/^https?:\/\/(?:www\.)?/, '')
          .replace(/^.*(?:@|\bat\b)\s*/i, '')
          .replace(/[.,;)]+$/, '');
        if (publicSources.test(site)) continue;
        // "My patient @sofiaglow": the patient's handle, not a way to reach the practice.
        if (afterPatientNoun(item.body, m.index)) continue;
        // "'$8 a unit, use code SMOOTH8' is a sales pitch": another's ad, held up to be examined.
        if (tokens.find((t) => t.end > m.index)?.quoted) continue;
        atChars(
          m.index,
          m.index + m[0].length,
          'Gives an address, handle or code to reach or pay the practice',
        );
      }
    }
    for (const m of invitations.find(analysis)) {
      if (!isAsserted(analysis, m)) continue;
      // "Chloe messaged me this morning", "Dr Haddad sees all our skin patients": a verb in the past
      // or the third person tells what someone did or does; an invitation is in the plain form.
      const verb = tokens[m.from];
      if (verb.pos === 'VERB' && verb.normal !== verb.lemma && !verb.normal.endsWith('ing')) continue;
      // "the follow-ups with me": the verb is half of a noun joined by a hyphen.
      if (tokens[m.from + 1]?.text === '-' && tokens[m.from + 1].start === verb.end) continue;
      // "Patients travel from three states to see me": others come, the reader is not invited.
      const { before } = clauseAround(analysis, m);
      const clauseWords = tokens.slice(analysis.sentences[tokens[m.from].sentence].from, before.to);
      if (
        tokens[m.from - 1]?.normal === 'to' &&
        clauseWords.some((t) => thirdParties.has(analysis.lemmaOf(t.normal))) &&
        !clauseWords.some((t) => /^(?:you|your)$/.test(t.normal))
      )
        continue;
      // "My colleagues call me the #1 surgeon", "they find us online": a noun or pronoun subject
      // tells what others do; an invitation is addressed to the reader.
      // "what I see in my clinic": the writer's own doing, not an invitation either.
      const subject = tokens[m.from - 1];
      if (
        subject &&
        // A sentence's first word may be read as a name: "Patients call me the Picasso of lips".
        // "You'll be sent to my practice", "she has been seeing me": what is done, not asked for.
        // "The anchor on Channel 8 sees me", "he texts me", "I've seen it in my clinic".
        (/^(?:NOUN|PROPN|NUM)$/.test(subject.pos) ||
          subject.lemma === 'be' ||
          subject.lemma === 'have' ||
          thirdParties.has(analysis.lemmaOf(subject.normal)) ||
          /^(?:i|we|they|he|she|people|everyone|everybody)$/.test(subject.normal))
      )
        continue;
      const sentence = analysis.sentences[tokens[m.from].sentence];
      if (within(analysis, advice, { from: m.from, to: Math.min(sentence.to, m.to + 3) })) continue;
      if (!mentionsSelf(analysis, tokens[m.from].sentence)) continue;
      findings.push({
        from: m.from,
        to: m.to,
        message: 'Asks patients to contact or book with the practice',
      });
    }
    const offered = (m: PhraseMatch, needsSelf: boolean) => {
      if (!isAsserted(analysis, m)) return;
      // "a lidocaine-free product": free of something, not given for nothing.
      if (tokens[m.from].normal === 'free' && tokens[m.from - 1]?.text === '-') return;
      // "the first treatment wears off": "off" after a verb is part of it, not money off.
      if (tokens[m.to - 1].normal === 'off' && tokens[m.to - 2]?.pos === 'VERB') return;
      const sentence = tokens[m.from].sentence;
      const prior = analysis.sentences[sentence - 1];
      // "Beware of very cheap deals. A 50% off Botox night is a red flag." A deal after a warning is
      // one warned about, unless the writer makes it: "Our bridal package is R4,500 this season."
      if (prior && within(analysis, warnings, prior) && !mentionsSelf(analysis, sentence)) return;
      // "Some practices run 2-for-1 deals": other providers' offers, described.
      const { before } = clauseAround(analysis, m);
      if (within(analysis, otherProviders, { from: analysis.sentences[sentence].from, to: before.to }))
        return;
      if (needsSelf && !mentionsSelf(analysis, sentence) && !imperative(analysis, sentence)) return;
      findings.push({ from: m.from, to: m.to, message: 'Advertises a discount or offer' });
    };
    for (const m of concreteOffers.find(analysis)) offered(m, false);
    for (const deal of item.body.matchAll(figureDeal)) {
      const from = tokens.findIndex((t) => t.end > deal.index);
      let to = from;
      while (to < tokens.length && tokens[to].start < deal.index + deal[0].length) to++;
      if (from >= 0 && to > from)
        offered({ pattern: -1, from, to, start: tokens[from].start, end: tokens[to - 1].end }, true);
    }
    // A price is an offer when it runs out: "this month we're running toxin at $9 a unit".
    for (const m of prices.find(analysis)) {
      if (within(analysis, deadlines, analysis.sentences[tokens[m.from].sentence])) offered(m, true);
    }
    // The word before a noun and the names qualifying it: "our Glow Club members".
    const ownerAt = (at: number) => {
      let k = at - 1;
      while (k > at - 4 && /^(?:PROPN|NOUN|ADJ)$/.test(tokens[k]?.pos ?? '')) k--;
      return k;
    };
    for (const m of offers.find(analysis)) {
      // "We offer calf contouring", "I dealt with this": a service provided, not a deal.
      if (/^(?:offer|deal)$/.test(tokens[m.from].lemma) && tokens[m.from].pos === 'VERB') continue;
      const sentence = analysis.sentences[tokens[m.from].sentence];
      const figure = tokens
        .slice(sentence.from, sentence.to)
        .some((t) => t.type === 'number' || t.type === 'currency');
      // An offer with a deadline or a limited number is concrete: "the first 10 callers this month".
      if (within(analysis, deadlines, sentence)) offered(m, false);
      // Financing accepted is a way to pay, not a deal, unless its terms are ("0% financing").
      else if (
        /^(?:financing|payment)$/.test(tokens[m.from].normal) &&
        !tokens.slice(sentence.from, sentence.to).some((t) => /^(?:%|interest|apr|zero)$/.test(t.normal))
      )
        continue;
      else if (
        figure ||
        /^(?:our|my|we|us)$/.test(tokens[ownerAt(m.from)]?.normal ?? '') ||
        tokens.slice(m.from, m.to).some((t) => t.normal === 'free')
      )
        offered(m, true);
    }
    return findings;
  },
});

/** Providers other than the writer, as the subject of an offer. */
const otherProviders = phrases(
  [
    'some|many|other|most|a_lot_of|plenty_of|cheap|discount @provider',
    'they|those|others offer|run|advertise',
  ],
  { provider: providerNouns.map((n) => (n === 'one' || n === 'ones' ? 'places' : n)) },
);

/** A handle or name written right after "patient" or "client" ("my patient @sofiaglow") is theirs. */
const afterPatientNoun = (text: string, at: number) =>
  /\b(?:patient|client|regular)s?\s*$/i.test(text.slice(0, at));

/** Who else may come or book: not the reader. */
const thirdParties = new Set('patient client people they person woman man folk celebrity'.split(' '));

/** A time or quantity limit on an offer. */
/** Days of a month as written: "1st", "22nd", "30th". */
const dayOrdinals = Array.from({ length: 31 }, (_, i) => {
  const day = i + 1;
  const suffix =
    day % 10 === 1 && day !== 11
      ? 'st'
      : day % 10 === 2 && day !== 12
        ? 'nd'
        : day % 10 === 3 && day !== 13
          ? 'rd'
          : 'th';
  return `${day}${suffix}`;
});
const deadlines = phrases(
  [
    'this|next week|month|weekend|spring|summer|fall|autumn|winter|season|holiday|quarter',
    'until|through|till new_year|christmas|thanksgiving|the_holidays',
    // "until New Year's", which the analysis keeps as "new" and "year's"
    'until|through|till new PROPN',
    // "until the 30th"
    'until|through|till|thru|ends|before the? @day',
    'until|through|till|ends|before ~3 friday|saturday|sunday|monday|tuesday|wednesday|thursday|weekend|month|end|#',
    'limited time',
    'spots|slots|places|appointments limited',
    'limited spots|slots|places|appointments',
    // "through August", "for the rest of October"
    'until|through|till|thru|ends|before|rest_of ~1 january|february|march|april|may|june|july|august|september|october|november|december',
    'first # caller|callers|patient|patients|client|clients|people|booking|bookings',
    'while supplies last',
    'este|esta mes|semana|fin_de_semana',
    'solo|sólo|hasta ~2 el? día|dia|fin|#',
  ],
  { day: dayOrdinals },
);

const warnings = phrases(['cautious|careful|wary|beware|skeptical|suspicious|red_flag']);
const imperative = (analysis: TextAnalysis, sentence: number) => {
  const first = analysis.tokens[analysis.sentences[sentence].from];
  return /^(?:use|enter|mention|book|call|text|grab|claim|ask for|show)$/.test(first.normal);
};

// --- Patients -------------------------------------------------------------------------------

/** What a patient has done: the nouns of a treatment as an event in someone's life. */
const careNouns = (
  'treatment treatments session sessions appointment appointments injection injections procedure ' +
  'filler botox syringe syringes vial vials consult consultation visit touch-up peel round rounds ' +
  'booking slot'
).split(' ');

/** Caring for someone: what makes a named or described person a patient of the writer. */
const careCues = phrases(
  [
    // "my pt", "my youngest regular", "my lip client"
    'my|our|mi|mis|nuestra|nuestro ~1 patient|patients|pt|pts|client|clients|paciente|pacientes|regular|regulars',
    'the pt|pts',
    'one of my|our ~2 patient|patients|client|clients|regular|regulars|case|cases',
    // "One of mine, Alejandro", "I had a case just like yours last month - Jenna".
    'one of mine|ours',
    'i|we have? had|saw|treated|did|encounter|encountered|met|managed a|one single? case',
    // "is under my care", "returned to me for session two", "has been seeing me for six years"
    'under my|our care',
    // "I switched the news anchor Tamsin Reyes from Botox to Dysport", "we got it approved for Gloria
    // Estevez", "I had this exact conversation on Monday with Hannah Kowalski"
    'i|we switch|switched|moved ~6 from',
    'get|got it|them approved|covered|authorized for',
    'had|have this|the|that ~2 conversation ~4 with',
    'return|returned|returning|returns ~2 to_me|to_us|to_see_me',
    'been seeing|visiting me|us',
    // "while injecting her nasolabial folds"
    'while|when i|we? ~1 inject|injecting|injected|treat|treating|treated her|him|them',
    '# years|months with_us|with_me',
    // Someone the writer began treating: "who started with me in 2021", "whom I started on the foam".
    'start|started with me|us',
    'i|we started ~3 on',
    'come|comes|coming every|in_every',
    'i|we have? be? ADV? treat|treated|inject|injected|saw|seen|operate|operated|dissolve|dissolved',
    // "I recently treated", "I declined to treat", "I have been treating", "I managed exactly this for":
    // what was done, not what can be ("we can dissolve it").
    'i|we recently|personally|once|also|just|already|previously|first|last ~1 treat|treated|inject|injected|saw|operate|operated|dissolve|dissolved',
    'i|we declined|refused|agreed|started|began|continued to treat|inject|operate',
    'i|we have|had been treating|injecting|seeing',
    // "I corrected exactly this for Brittany Solis", "I dealt with this in Samantha Price's fold".
    'i|we ADV? managed|corrected|fixed|handled|dealt_with|treated ~3 for|in',
    // Units given: "gave Lisa Chen 10 a side".
    'gave ~3 # ~2 unit|units|syringe|syringes|ml|cc|vial|vials|side',
    // Someone's own record: "I have your chart in front of me", "her file".
    'your|her|his chart|charts|file|records|notes',
    // The writer doing someone's treatment: "whose lips I did", "when I did Ana Cole's lift",
    // "she does it with me every spring".
    'whose ~3 i|we have? do|did|done|treat|treated|inject|injected|perform|performed',
    "i|we have? do|did|done|perform|performed ~3 's",
    // "I did her capsulectomy last Thursday", "whom I gave a small lip enhancement in May"
    'i|we have? do|did|done|perform|performed her|his|their',
    'whom|who i|we gave|treated|injected|operated|did',
    // "before he switched to me", "thanks to Rebecca for letting me share her nose result"
    'switch|switched|moved|came_over to me|us',
    'share|sharing|post|posting|show|showing her|his|their ~3 result|results|photo|photos|pictures|before',
    'do|does|did|get|gets|got|have|has|had|try|tried ~4 with|w_/|by me|us',
    'come|came|coming ~2 in|to_me|to_us|to_see_me|to_my|to_our|back',
    // "whose mom brought him in", "saw me Thursday for cheek filler"
    'bring|brought her|him|them in|to_me|to_us|to_see_me',
    'see|saw|visit|visited me|us ~2 for|about',
    'been coming to me|us',
    'had|have|got ~4 with_me|with_us|done_by_me|at_my|at_our|here',
    'be ~2 my|our ~1 patient|client|regular',
    'been my|our patient|client',
    "my|our # o'clock|appointment|am|pm|a.m.|p.m.",
    'her|his session|appointment|consult|visit',
    'told me during',
    'i|we just|also|then|recently? did|do ~4 for|on',
    // "I did the chin of the youngest councilwoman"
    'i|we ~1 did|do|treated|injected the|her|his ~1 chin|lips|lip|forehead|jaw|jawline|cheeks|nose|neck|brows|eyes|masseters of',
    // "It worked wonders for Ray Dalton"
    'work|worked|works wonders|great|well|miracles for',
    'from|at|in my|our ~2 clinic|practice|office|chair|list|schedule|slot|slots|books|diary|calendar|lobby|waiting_room|treatment_room|studio|spa|gallery|portfolio',
    // Someone's photos shown: "her before/after is on our page".
    'before|after|result|results|photo|photos|pictures ~3 on my|our|the ~1 practice|clinic? page|feed|gallery|portfolio|website|instagram',
    // "the before-and-after I posted of Carla"
    'before|after|photo|photos|picture|pictures ~2 i|we posted|shared|put_up',
    // "a patient, Ana Ruiz", "the patient in my photos, Ben Ode"
    'patient|client ~3 ,|named|called PROPN',
    // "a patient of ten years", "a client of mine"
    'a|the patient|client of ~2 mine|ours|year|years|decade|decades',
    // Treated where or by whom: "had hers done here", "her cheek filler with me".
    'done|treated|injected|filled ~1 here|with_me|with_us|by_me|by_us',
    '@care ~2 with me|us',
  ],
  { care: careNouns },
);
/** Details of someone's care that identify a patient once the person is named or described. */
const careDetails = phrases(
  [
    'take|takes|took|needed|need|needs|get|gets|got|require|required|requires|receive|received|receives ~2 # units|a_side|per_side|each_side',
    // "16 units went the distance for her"
    '# units ~5 for her|him',
    'her|his # units',
    // Someone's own treatment: "had hers done", "had her masseters treated", "her first forehead treatment".
    'have|had|get|gets|got hers|his|theirs|her ~3 done|treated|injected|filled|dissolved|lasered|fixed',
    'do|does|did hers|his|theirs',
    'her|his ~3 @care',
    // A treatment as an event in someone's life: "after three vials", "blistered after a laser session".
    'after|during|before ~3 @care',
    'after|with|from ~1 # vial|vials|syringe|syringes|unit|units|session|sessions|round|rounds',
    'finished|had ~3 round|session|treatment|syringe|series|course',
    // A photo caption's time since treatment: "2 weeks post", "six months postop".
    '# day|days|week|weeks|month|months post|postop|postoperative',
    // One person's recovery, by a day or week: "was back at the gym at three weeks", "she was off
    // pain pills by day two" ("most people are back by week two" is no one's).
    'she|he|was ~1 back|off ~4 at|by|after|within|on # day|days|week|weeks|month|months',
    'she|he|was ~1 back|off ~4 at|by|after|within|on day|week #',
    'rang|called|emailed|texted ~3 to ask',
    'happened to|with',
    'her|his lid|brow|lip|lips|eyelid|forehead|frown|jaw|jawline|masseter|masseters|chin|neck|nose|temples|cheeks|jowls|filler|botox|result|dose|units|muscles|swelling|bruise|fix|correction',
    'her|his top|touch - up',
    // What someone asked for or keeps having done: "wanted monthly touch-ups", "has had both at every visit".
    'want|wanted|wants|ask_for|asked_for|request|requested ~3 @care',
    'at every|each @care',
    'have|has|had|get|gets|got ~2 it|them|both ~3 for_years|safely|together|regularly|every|each',
    // A condition of the body beside a name: "32 weeks pregnant".
    '# week|weeks|month|months pregnant',
    // "the lips in the third photo belong to Kayla Whitmore"
    'photo|photos|picture|pictures|set|gallery ~4 belong|belongs to',
    'she|he ~3 swelled|healed|loved|bruised|saw|looks|look|cancelled|needed|had',
  ],
  { care: careNouns },
);
/** Someone the writer says is not their patient. */
const notMyPatient = phrases(['not|never ~1 my|our patient|patients|client|clients']);

/** Someone who made their own treatment public: naming them exposes nothing the doctor knows. */
const literature = phrases([
  'study|studies|trial|trials|paper|papers|book|books|author|published|pioneer|pioneered|described|classification|scale|et_al|journal',
  'created|invented|discovered|founded ~3 by',
  // "Albert Kligman's work in the 1980s", "Jeffrey Klein introduced the tumescent technique"
  "PROPN 's work|research|paper|papers|technique|method|mask|ratio|scale",
  'introduced|developed|proposed|coined|popularised|popularized|refined ~3 technique|method|procedure|approach|concept|idea|mask|ratio',
  // a fellow professional: "a Canadian eye doctor, Jean Carruthers", "Harvard dermatologist Thomas Fitzpatrick"
  'doctor|dermatologist|surgeon|researcher|scientist|professor|physician|ophthalmologist ,? PROPN',
]);
const publicFigure = phrases([
  'publicly|public|interview|podcast|press',
  'in the news',
  'talk|talked|posted|shared|spoke|spoken ~3 about|online|openly',
  'on instagram|tiktok|youtube|tv|television|camera|social_media',
]);

/**
 * What singles out one patient with no name at all (HIPAA's Safe Harbor identifiers): a record
 * number ("chart #48213", "patient ID 00-7331") or a date of birth.
 */
const recordNumbers = phrases([
  'chart|record|file|patient =#|no|no.|number|id :? #',
  // "chart #AE-20417": letters before the digits
  'chart|record|file SYM #',
  'mrn|medical_record_number :? #',
  // "(chart 20931, Voluma 1 ml to the left cheek)"
  'chart #',
]);
const months = 'january february march april may june july august september october november december'.split(
  ' ',
);
const birthDates = phrases(
  [
    'born|dob|d.o.b.|birthdate|birthday|date_of_birth :|be ? on? #',
    'born|dob|d.o.b.|birthdate|birthday|date_of_birth :|be ? on? @month #',
  ],
  { month: months },
);
const fullDate = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;
/**
 * A date to the day, not a year alone ("born in 1985" is the writer as often as anyone): "07/19/1985",
 * "March 3"; and not the writer's own ("I was born on ...").
 */
const dayOfBirth = (analysis: TextAnalysis, m: PhraseMatch) => {
  const { tokens } = analysis;
  const own = tokens[m.from - 1]?.lemma === 'be' && /^(?:i|we)$/.test(tokens[m.from - 2]?.normal ?? '');
  return !own && (m.pattern === 1 || fullDate.test(tokens[m.to - 1].text));
};

/** People the writer may name without exposing a patient. */
/** Someone who works with the writer, named before their role: "Jenna, our coordinator". */
const ourStaff = phrases([
  'our|my ~2 nurse|nurses|coordinator|practitioner|np|pa|assistant|esthetician|aesthetician|manager|receptionist|injector|partner|colleague|staff|team',
  // A signature's credentials.
  '=rn|=np|=lpn|=bsn|=msn|=aprn|=fnp|=crna|=pa-c|=md',
]);

/** "Our patient coordinator", "my patient portal": the word patient naming no one. */
const notAPatient = new Set(
  'coordinator coordinators care portal education experience advocate advocates services satisfaction safety forms intake'.split(
    ' ',
  ),
);

const notPatients = phrases([
  'dr|doctor|dr. ~1 PROPN',
  'nurse|colleague|practitioner|np|pa|assistant|esthetician|aesthetician|manager|coordinator|partner',
  'my nurse_practitioner|injector|colleague|partner|team|staff',
  // The writer's own family; someone else's ("my neighbour's daughter") may be a patient.
  'my|our own|eldest|oldest|youngest|older|younger? husband|wife|son|daughter',
]);

/** A specific person: a name, initials, or a description that fits one person. */
function specificPeople(
  { analysis, mentions }: Reading,
  questionNames: Set<string>,
  doctorName: string | undefined,
): Person[] {
  const { tokens } = analysis;
  const product = new Set(
    mentions.flatMap((m) => Array.from({ length: m.to - m.from }, (_, k) => m.from + k)),
  );
  const doctorParts = new Set(
    (doctorName ?? '')
      .toLowerCase()
      .split(/[^a-z'-]+/)
      .filter(Boolean),
  );
  const people: Person[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const initials =
      /^(?:[A-Z]\.){2,3}$/.test(t.text) ||
      (/^[A-Z]\.$/.test(t.text) && tokens[i - 1]?.pos === 'PROPN') ||
      t.type === 'mention';
    const next = tokens[i + 1];
    const opensSentence = i === analysis.sentences[t.sentence].from;
    const name =
      t.pos === 'PROPN' &&
      /^\p{Lu}[\p{Ll}-]+$/u.test(t.text) &&
      // A name has no plural: "Patients fly in" names nobody.
      analysis.lemmaOf(t.normal) === t.normal &&
      !product.has(i) &&
      !product.has(i + 1) &&
      !commonCapitals.has(t.normal) &&
      !afterPlaceWord(tokens, i) &&
      !namesBranch(tokens, i) &&
      // "5th Street", "22 Elm": a number before a capital makes an address.
      !/^\d+(?:st|nd|rd|th)?$/.test(tokens[i - 1]?.normal ?? '') &&
      // "Blindness from filler...", "Modesty forbids me", "Candidacy depends on": an abstract noun
      // opening a sentence is no one.
      !(
        opensSentence &&
        /(?:ness|tion|sion|ity|ment|ism|ing|esty|idacy|ivacy|curacy|gnancy|ency)$/.test(t.normal)
      ) &&
      (!opensSentence ||
        /^[A-Z](?:[a-z]+|\.)$/.test(next?.text ?? '') ||
        next?.text === ',' ||
        (next?.pos === 'VERB' && !next.normal.endsWith('ing') && !eventVerbs.has(next.lemma)) ||
        /^(?:from|who|whose)$/.test(next?.normal ?? '') ||
        // "Kristen in your department": someone the reader knows.
        (/^(?:in|at)$/.test(next?.normal ?? '') && tokens[i + 2]?.normal === 'your'));
    // A name that is also a word ("Rose", "Hope") is no PROPN to the tagger; a person's apposition
    // after it tells: "Hope, one of my long-time patients, ...".
    const apposed =
      opensSentence &&
      /^[A-Z][a-z]+$/.test(t.text) &&
      next?.text === ',' &&
      !product.has(i) &&
      !commonCapitals.has(t.normal) &&
      personApposition.find(analysis, [{ from: i + 2, to: Math.min(tokens.length, i + 7) }])[0]?.from ===
        i + 2;
    if (!initials && !name && !apposed) {
      // "the West Coast": the capitals after a place's first one belong to the place.
      if (afterPlaceWord(tokens, i))
        while (/^[A-Z]/.test(tokens[i + 1]?.text ?? '') && tokens[i + 1].pos === 'PROPN') i++;
      continue;
    }
    // The writer's own handle: "follow me on TikTok, @thelipdoc".
    // "My patient @sofiaglow" is someone else's.
    if (
      t.type === 'mention' &&
      tokens.slice(Math.max(0, i - 5), i).some((p) => /^(?:me|us|my|our)$/.test(p.normal)) &&
      !afterPatientNoun(analysis.text, t.start)
    )
      continue;
    if (questionNames.has(t.normal) || doctorParts.has(t.normal)) continue;
    const prev = tokens[i - 1];
    // What someone takes or applies is a product: "just takes Tylenol beforehand".
    if (prev && takingVerbs.has(prev.lemma)) continue;
    // A name made up for an example: "say a patient, call her Jane, comes in at 35", "whom we'll
    // call 'Karen'".
    let named = i - 1;
    while (named > 0 && tokens[named].type === 'punctuation' && /^['"‘“]$/.test(tokens[named].text)) named--;
    if (/^(?:her|him|them)$/.test(tokens[named]?.normal ?? '')) named--;
    if (named < i - 1 && tokens[named]?.lemma === 'call') continue;
    // "Oregon's #1 Dysport clinic", "Houston's top surgeon": a place that ranks its providers.
    if (
      tokens[i + 1]?.normal === "'s" &&
      /^(?:#|number|top|best|leading|premier|only|favorite|favourite)/.test(tokens[i + 2]?.normal ?? '')
    )
      continue;
    let to = i + 1;
    while (to < tokens.length && tokens[to].pos === 'PROPN' && /^[A-Z]/.test(tokens[to].text)) to++;
    // "Denise's son", "Nurse Amy's sister": someone identified through the person named, whoever that is.
    const relative =
      tokens[to]?.normal === "'s" ? [to + 1, to + 2].find((k) => kin.has(tokens[k]?.normal)) : undefined;
    if (prev && /^(?:dr\.?|doctor|nurse)$/.test(prev.normal) && relative === undefined) continue;
    const from = prev && /^(?:mrs?\.?|ms\.?|miss)$/.test(prev.normal) ? i - 1 : i;
    if (relative === undefined) people.push({ from, to, named: true });
    else people.push({ from, to: relative + 1, named: false, relative: true });
    i = to - 1;
  }
  // A name typed in lower case after the word for a patient: "my client priyanka did three
  // rounds", "my patient tiffany (the one at the Whole Foods)". What follows tells a name from a
  // noun ("my patient base has grown", "my client list is full").
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (!/^(?:patient|client|pt|regular)$/.test(tokens[i - 1].normal)) continue;
    if (!/^(?:my|our)$/.test(tokens[i - 2].normal)) continue;
    if (!/^\p{Ll}+$/u.test(t.text) || t.pos !== 'NOUN' || patientGroups.has(t.normal)) continue;
    const acts =
      next !== undefined &&
      /^(?:do|have|get|come|want|need|ask|love)$/.test(next.lemma) &&
      tokens[i + 2]?.pos !== 'VERB';
    if (next?.text === '(' || next?.text === ',' || acts) people.push({ from: i, to: i + 1, named: true });
  }
  for (const m of describedPerson.find(analysis)) {
    // "the girls from the beauty shop": many people, not one; but twins are two people known.
    const role = tokens.slice(m.from, m.to).find((t) => personRoles.has(t.lemma));
    if (
      role &&
      role.normal.endsWith('s') &&
      role.normal !== role.lemma &&
      !/^(?:twin|triplets)$/.test(role.lemma)
    )
      continue;
    people.push({ from: m.from, to: m.to, named: false });
  }
  for (const m of roleOfSomewhere.find(analysis)) {
    let head = m.from + 1;
    while (head < m.to && tokens[head + 1]?.pos !== 'ADP') head++;
    let to = m.to;
    while (tokens[to]?.pos === 'PROPN' && /^[A-Z]/.test(tokens[to].text)) to++;
    if (head < m.to && personNoun(tokens[head])) people.push({ from: m.from, to, named: false });
  }
  return people;
}

interface Person {
  from: number;
  to: number;
  named: boolean;
  /** Someone's relative: whatever the person named is, the relative may be a patient. */
  relative?: boolean;
}

/** Nouns after "my patient" that name many patients, not one: "my patient base". */
const patientGroups = new Set([
  ...notAPatient,
  ...'base list load population pool numbers roster panel group demographic'.split(' '),
]);

const kin = new Set(
  'son daughter sister brother husband wife mom mother dad father niece nephew cousin aunt uncle grandson granddaughter fiance fiancé fiancee boyfriend girlfriend'.split(
    ' ',
  ),
);
const branchNouns = new Set('office clinic location branch practice studio spa'.split(' '));
/** A place naming a branch: "our Charlotte office", "our Mesa and Tempe clinics". */
const namesBranch = (tokens: Token[], i: number) => {
  let k = i + 1;
  while (tokens[k] && (/^(?:and|or|&|,)$/.test(tokens[k].normal) || tokens[k].pos === 'PROPN')) k++;
  return branchNouns.has(tokens[k]?.lemma ?? '');
};

/** A place: "in the Midwest", "on the North Shore", "from Tulsa", "in Madison or Jackson". */
const afterPlaceWord = (tokens: Token[], i: number): boolean =>
  /^[A-Z]/.test(tokens[i].text) &&
  !honorific.test(tokens[i].normal) &&
  !ownBodyPart(tokens, i) &&
  (/^(?:the|in|on|at|from|of|across|around|near|to|whole|entire)$/.test(tokens[i - 1]?.normal ?? '')
    ? // "photos of Lauren Pike", "it happened to Rebecca Tran", "look at Ashley R.": what depicts
      // or befalls a person.
      !(/^(?:of|to|at)$/.test(tokens[i - 1].normal) && aboutPerson.has(tokens[i - 2]?.lemma ?? '')) &&
      // A full name after it: "a session on Zoom" is a place.
      !(
        tokens[i - 1].normal === 'on' &&
        doneOn.has(tokens[i - 2]?.normal ?? '') &&
        /^[A-Z][a-z]/.test(tokens[i + 1]?.text ?? '')
      )
    : /^(?:or|and)$/.test(tokens[i - 1]?.normal ?? '') && i >= 2 && afterPlaceWord(tokens, i - 2));
const takingVerbs = new Set('take use apply prescribe swallow'.split(' '));
/** Body parts as one word, from the areas the review rules know ("lip", "cheek", "nasolabial"). */
const bodyParts = new Set(areas.filter((area) => !area.includes(' ')));
/** A name whose body part follows: "in Samantha Price's nasolabial fold" is a person, not a place. */
const ownBodyPart = (tokens: Token[], i: number): boolean => {
  let j = i + 1;
  while (tokens[j]?.pos === 'PROPN' && /^[A-Z]/.test(tokens[j].text)) j++;
  return (
    tokens[j]?.normal === "'s" &&
    [tokens[j + 1], tokens[j + 2]].some((t) => t !== undefined && bodyParts.has(t.lemma))
  );
};
const honorific = /^(?:mrs?|ms|miss|mx)\.?$/;
const aboutPerson = new Set(
  'photo photos picture pictures shot shots image images case story happen happened talk talked speak spoke look belong belongs post posted share shared'.split(
    ' ',
  ),
);
/** Care done on someone: "a series on Dana Roe", "I operated on Mr. Lee", "work on Ann Bell". */
const doneOn = new Set(
  'series session sessions round rounds work worked operate operated lipo liposuction surgery filler botox laser peel'.split(
    ' ',
  ),
);

/**
 * Words that name a person by what they are ("the chairwoman", "the florist", "the sheriff's
 * wife"): the role list of describedPerson, or a noun formed like one.
 */
const personNoun = (t: Token) =>
  personRoles.has(t.normal) ||
  // Providers are who a writer ranks or is, not whom they treat: "the leading injector on the North Shore".
  (!providerNouns.includes(t.lemma) &&
    t.pos === 'NOUN' &&
    (/^[a-z]{3,}(?:woman|women|man|men|wife|husband|ist)$/.test(t.normal) ||
      /^[a-z]{5,}(?:er|or)$/.test(t.normal)));

/** What follows a name and a comma when it is a person's: "Rose, who does my hair", "Hope, one of my patients". */
const personApposition = phrases([
  'who|whose',
  'one of my|our',
  'my|our ~2 patient|client|regular|neighbour|neighbor|friend',
]);

/** "the chairwoman of the Valentine's gala", "the florist on Pine Street": a role tied to a named place or event. */
const roleOfSomewhere = phrases([
  'the ~2 NOUN of|at|from|on|for ~2 PROPN',
  // "the 52-year-old marathoner from Carmel": an age narrows a role down further.
  'a|an|the # - ? year - ? old ~2 NOUN of|at|from|on|for ~2 PROPN',
]);
/** Verbs of events, not of people: "Ptosis happens when...". */
const eventVerbs = new Set('happen occur develop form appear resolve spread start begin'.split(' '));

/** "the pharmacist at the Rexall in Hartsville", "the bride I treated last Saturday", "the mom of the triplets". */
const personRoles = new Set(
  (
    'woman lady man guy girl bride groom mom mother dad father grandmother pharmacist teacher nurse ' +
    'anchor goalie goalkeeper keeper fullback quarterback striker winger midfielder pitcher jockey ' +
    'player mayor agent judge attendant singer soprano actress actor host owner ' +
    'manager ceo pastor coach principal officer firefighter chef influencer model dancer student ' +
    'accountant lawyer realtor banker waitress barista mom-to-be newlywed twin triplets quadruplets wife husband ' +
    'neighbour neighbor councilman councilwoman fella fellow gal gentleman co-host cohost captain ' +
    'quarterback pitcher striker linebacker presenter newsreader weatherman weatherwoman vicar rector ' +
    'priest rabbi imam mp councillor headteacher headmaster headmistress rower footballer cricketer ' +
    'swimmer publican landlady farmer plumber electrician builder carpenter mechanic pilot vet ' +
    'hairdresser barber florist baker butcher cashier librarian lecturer professor postman dentist ' +
    'chap bloke lad lass'
  ).split(' '),
);
const describedPerson = phrases(
  [
    'the ~3 @role ,? at|from|of|on|who|whom|in|i|that|with|whose|for',
    '@role from ~3 PROPN',
    // "my neighbour two doors down on Birch Lane"
    'my|our ~3 @role ~4 on|at|from|in ~2 PROPN',
    'a|an ~2 # - ? year - ? old ~2 @role ~2 from|at|in',
    'the # - ? year - ? old ~4 @role ,? at|from|of|on|who|whom|in|that|with|whose',
    // One person a town knows: "our local weather presenter", "our MP's husband".
    'our|the|my local ~2 @role',
    "our|my|the local? @role 's @kin",
    // "the head of maths at St Columba's"
    'the head of ~2 NOUN ~1 at|from ~3 PROPN',
    // Placed by the writer's own address: "the dentist two doors down from my clinic".
    'the @role ~4 down|across|opposite|next_door|up ~3 from|to me|us',
    'the @role ~4 down|across|opposite|next_door|up ~3 from|to my|our ~1 NOUN',
  ],
  { role: [...personRoles], kin: [...kin] },
);

const commonCapitals = new Set(
  (
    'i botox dysport xeomin jeuveau daxxify juvederm restylane kysse volbella voluma lyft rha sculptra ' +
    'radiesse kybella latisse fda cdc us usa america monday tuesday wednesday thursday friday saturday ' +
    'sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays ' +
    'christmas easter thanksgiving instagram facebook tiktok google yelp youtube the a an yes no ' +
    'hi hello thanks thank congratulations absolutely sure good great usually most many some it ' +
    'she he they we you my our your this that these those if when after before swelling filler ' +
    'arnica ice okay ok well also dr doctor nurse mr mrs ms mon tue tues wed thu thurs fri sat sun ' +
    'text call hours walk book visit email ask mira oye hola gracias si ' +
    // Words of address and exclamations that open a sentence: "Girl, come to us!", "Oof, I saw that ad".
    'girl girls babe hun honey hon guys ladies oof ugh ooh wow yikes lol omg ' +
    // One-word answers before a comma: "Correct, ...", "Understandable, but ...".
    'correct common understandable technique true right fair agreed exactly perfect normal rare ' +
    'yep yeah nope nah indeed ' +
    // Peoples and faiths: "most patients are Chinese, Malay or Indian" names a group, not a person.
    'asian african caucasian hispanic latina latino latinx european american british ' +
    'english irish scottish welsh french german italian spanish portuguese greek dutch nordic ' +
    'scandinavian polish russian ukrainian turkish arab arabic persian iranian middle eastern ' +
    'indian pakistani bangladeshi sri lankan nepali chinese japanese korean vietnamese thai filipino ' +
    'filipina malay malaysian indonesian singaporean australian canadian mexican brazilian ' +
    'colombian nigerian ghanaian kenyan ethiopian somali caribbean jewish muslim hindu sikh catholic ' +
    'anglican protestant methodist baptist orthodox buddhist mormon evangelical'
  )
    .split(' ')
    .concat(months),
);

/** Staff, not a patient: named after their role or before it, or listed with someone who is. */
function isStaff(analysis: TextAnalysis, person: Person, staffEnd: number, sentenceEnd: number): boolean {
  const { tokens } = analysis;
  const sentenceStart = analysis.sentences[tokens[person.from].sentence].from;
  const listedAfter =
    staffEnd >= 0 &&
    staffEnd < person.from &&
    /^(?:and|or|&|,)$/.test(tokens[person.from - 1].normal) &&
    // The staff member's name may run on past what was taken for it ("Tessa Grant", Grant a verb).
    tokens.slice(staffEnd, person.from - 1).every((t) => /^[A-Z]/.test(t.text));
  if (listedAfter) return true;
  // "your colleague Roberto", "her manager": someone else's colleague may well be a patient.
  const staff = notPatients
    .find(analysis, [{ from: Math.max(sentenceStart, person.from - 4), to: person.to }])
    .filter((s) => !/^(?:your|his|her|their)$/.test(tokens[s.from - 1]?.normal ?? ''));
  // "my nurse practitioner, Jessica Lowe": the role before the name, or in apposition to it; the
  // role may run on in nouns ("my nurse injector Amber Collins").
  const apposed = tokens[person.from - 1]?.text === ',' ? person.from - 1 : person.from;
  const roleEnd = (s: PhraseMatch) => {
    let end = s.to;
    while (end < apposed && tokens[end].pos === 'NOUN') end++;
    return end;
  };
  if (staff.some((s) => roleEnd(s) >= apposed && s.from <= person.from)) return true;
  // "Jenna, our patient coordinator", "Hannah, RN": the role follows the name; "Tom, my
  // receptionist's husband" is someone of theirs.
  const gloss = ourStaff
    .find(analysis, [{ from: person.to, to: Math.min(sentenceEnd, person.to + 6) }])
    .filter((g) => tokens[g.to]?.normal !== "'s");
  return tokens[person.to]?.text === ',' && gloss.length > 0;
}

/** What a patient is said to have had done: "got a flip", "had Lyft one year", "did six sessions". */
const receivedVerbs = new Set('got had did tried finished started received booked'.split(' '));
/**
 * A verb of receiving in the past within a few words after `after`, and within four words of it
 * what was received, as `received` reads it: the word's index and the verb's.
 */
function receivedThen(
  tokens: Token[],
  after: number,
  sentenceEnd: number,
  received: (at: number, verb: number) => boolean,
): boolean {
  for (let k = after; k < Math.min(sentenceEnd, after + 12); k++) {
    if (!receivedVerbs.has(tokens[k].normal) || tokens[k].negated) continue;
    for (let j = k + 1; j < Math.min(sentenceEnd, k + 5); j++) if (received(j, k)) return true;
  }
  return false;
}

const treatedWords = new Set('done filled injected lasered lifted tweaked dissolved treated'.split(' '));
/** A treatment told as had by its verb: "had her tear troughs filled", "got hers done". */
const treatedAfter = (tokens: Token[], after: number, sentenceEnd: number) =>
  receivedThen(tokens, after, sentenceEnd, (j, k) => j > k + 1 && treatedWords.has(tokens[j].normal));
const receivedCareNouns = new Set([...careNouns, 'flip', 'dose', 'units', 'course', 'series', 'hers', 'his']);
/**
 * A person told, as the subject of what follows, to have had a treatment: the verb in the past
 * within a few words after them, then the treatment. "Tasha, the teacher at Lincoln, had Lyft" is a
 * patient; "Most people get filler" is no one, and the present tense tells nothing happened.
 */
function receivedCare({ analysis, mentions }: Reading, after: number, sentenceEnd: number): boolean {
  const { tokens } = analysis;
  return receivedThen(
    tokens,
    after,
    sentenceEnd,
    (j, k) =>
      receivedCareNouns.has(tokens[j].lemma) ||
      receivedCareNouns.has(tokens[j].normal) ||
      // "had exactly this done", "got hers done": the treatment asked about, received.
      (tokens[j].normal === 'done' && j > k + 1) ||
      mentions.some((m) => m.from === j),
  );
}

/**
 * "her full-face laser", "we postponed Devon Clarke's facelift": a possessive just before a
 * treatment the lexicon names. A name's possessive needs the writer in its sentence: "Kylie
 * Jenner's lip filler" is public talk, not the writer's care.
 */
const ownTreatment = ({ analysis, mentions }: Reading, span: { from: number; to: number }) =>
  mentions.some((m) => {
    if (m.from < span.from || m.to > span.to) return false;
    for (let k = m.from - 1; k >= Math.max(span.from, m.from - 4); k--) {
      const t = analysis.tokens[k];
      if (t.type === 'punctuation' && t.text !== '-') return false;
      if (/^(?:her|his)$/.test(t.normal)) return true;
      if (t.normal === "'s" && t.pos === 'PART') return mentionsSelf(analysis, m.sentence);
    }
    return false;
  });

/** The reader's own care: "as we went over at your visit", "when I treated you". */
const yourCare = phrases([
  'your visit|appointment|chart|file|records|notes|session|consult|consultation|review',
  'i|we treated|injected|saw|gave|did you',
]);

const patient = textRule({
  id: 'ANS_PHI',
  severity: 'block',
  description: 'Names or identifies a patient',
  passMessage: 'No patient named',
  learned: {
    claim: 'identifying a patient',
    // Left out of the training in turn (15 passes, 469 answers that identify a patient): of the 32
    // the phrases miss, the reading finds 8 at 0.85 and flags 2 honest answers more; at 0.8, 11
    // and 3, but it also reads "Imani Cole, our nurse, does it with me on Fridays" as a patient
    // (0.81): a full name weighs heavily. At 0.7, 14 and 9; at 0.95, 3 and none.
    likelihood: learnedLimit(0.85),
  },
  find(reading, context) {
    const { analysis } = reading;
    const { tokens } = analysis;
    const question = context.question ? `${context.question.title} ${context.question.body}` : '';
    const questionNames = new Set((question.match(/\b[A-Z][a-z]+\b/g) ?? []).map((w) => w.toLowerCase()));
    const findings: Finding[] = [];
    const people = specificPeople(reading, questionNames, context.doctor?.name);
    // Where the last person taken for staff ends: "our nurses, Tessa Grant and Mei Lin" are both staff.
    let staffEnd = -1;
    for (const person of people) {
      const sentence = tokens[person.from].sentence;
      const { from, to } = analysis.sentences[sentence];
      // "Dana Whitfield? Yes, I have your chart": a name alone is asked of its bearer, not about them.
      const alone = person.from === from && tokens[person.to]?.text === '?' && person.to + 1 === to;
      if (isAsked(analysis, person) && !alone) continue;
      // "Hi Aoife, ...": the asker, greeted, unless the answer goes on to their own visit.
      const greeted = person.from === 1 && /^(?:hi|hello|hey|hiya|dear)$/.test(tokens[0].normal);
      if (greeted && yourCare.find(analysis).length === 0) continue;
      // "Deb, our practice manager, had her tear troughs filled by me": staff, and a patient too.
      if (
        !person.relative &&
        isStaff(analysis, person, staffEnd, to) &&
        !treatedAfter(tokens, person.to, to)
      ) {
        staffEnd = person.to;
        continue;
      }
      const around = {
        from: analysis.sentences[Math.max(0, sentence - 1)].from,
        to: analysis.sentences[Math.min(analysis.sentences.length - 1, sentence + 1)].to,
      };
      // "whose book I did enjoy": "did" there helps another verb and does nothing to anyone.
      const cues = (span: { from: number; to: number }) =>
        careCues.find(analysis, [span]).filter(
          (c) =>
            !notAPatient.has(tokens[c.to]?.normal ?? '') &&
            !(/^(?:do|did)$/.test(tokens[c.to - 1].lemma) && tokens[c.to]?.pos === 'VERB') &&
            // "I have never seen Tyndall with my method": care denied.
            !tokens.slice(c.from, c.to).some((t) => negators.has(t.normal)),
        );
      const care = cues({ from, to }).length > 0;
      const details =
        careDetails.find(analysis, [around]).length > 0 ||
        cues(around).length > 0 ||
        ownTreatment(reading, around) ||
        receivedCare(reading, person.to, to) ||
        // A date to the day beside a person, as in a photo caption: the date of their treatment.
        tokens.slice(from, to).some((t) => fullDate.test(t.text)) ||
        // An age set beside them: "J.T., 42, from Paddington".
        (tokens[person.to]?.text === ',' && /^\d{2}$/.test(tokens[person.to + 1]?.text ?? ''));
      const said = analysis.text.slice(analysis.sentences[sentence].start, analysis.sentences[sentence].end);
      // "For example" brings in a real case ("Delia, for example, has had hers here since 2019") unless
      // the case is supposed ("for example, if Jane came in, I would...").
      const hypothetical =
        /\b(?:imagine|say|suppose|picture|made-up|made up|hypothetical|imaginary|fictional|invent|let's take)\b/i.test(
          said,
        ) ||
        (/\bfor example\b/i.test(said) && /\b(?:if|would|could)\b/i.test(said));
      // "Let's say you're like Bernadette W., who I saw Friday": a real patient in an example.
      // "If Jane came in" supposes the visit it names.
      // "Say a patient called Jane comes in", "let's call her Mrs Smith": a name given to a case
      // made up, whatever is then said of her.
      const named =
        /\b(?:let's call (?:her|him|them)|(?:patient|client|woman|man|lady) (?:called|named))\b/i.test(said);
      const seenNearby =
        !named &&
        tokens[person.from - 1]?.normal !== 'if' &&
        cues({ from: person.to, to: Math.min(to, person.to + 6) }).length > 0;
      // "I had the same thing with Maria Kowalski last month": a full name speaks for itself.
      const first = honorific.test(tokens[person.from].normal) ? person.from + 1 : person.from;
      const fullName = person.named && person.to - first >= 2 && givenNames.has(tokens[first].normal);
      if ((hypothetical && !seenNearby) || !(care || details || fullName)) continue;
      if (!care && within(analysis, publicFigure, { from, to })) continue;
      // "A 2019 study by Sarah Chen", "the scale Jean Carruthers described": a name in the literature.
      if (!care && !details && within(analysis, literature, { from, to })) continue;
      // "I don't comment on people who are not my patients."
      if (within(analysis, notMyPatient, { from, to })) continue;
      const words = analysis.text.slice(tokens[person.from].start, tokens[person.to - 1].end);
      findings.push({
        from: person.from,
        to: person.to,
        message: `${person.named ? 'Names' : 'Identifies'} a patient: ${words}`,
      });
    }
    for (const m of [
      // A record number runs to a few digits: "patient #1" of a study is no one's record.
      ...recordNumbers.find(analysis).filter((r) => /\d{3}/.test(analysis.tokens[r.to - 1].text)),
      ...birthDates.find(analysis).filter((b) => dayOfBirth(analysis, b)),
    ]) {
      if (!isAsked(analysis, m))
        findings.push({
          from: m.from,
          to: m.to,
          message: `Identifies a patient: ${analysis.text.slice(m.start, m.end)}`,
        });
    }
    return findings;
  },
});

export const answerRules: AnswerRule[] = [
  authorUnverified,
  permanentClaim,
  guarantee,
  superiority,
  offLabel,
  promo,
  patient,
];
