import type { RuleSeverity } from '../model';
import { licenseStanding } from '../licenses';
import { isValidNpi } from '../npi';
import {
  type AnswerContext,
  type AnswerItem,
  type AnswerRule,
  type EvidenceFact,
  fail,
  pass,
  unknown,
} from './engine';
import { subjectOf, type Treatment, type TreatmentMention, treatmentsIn } from './lexicon';
import { foldAligned, isAsserted, matchesOf, sentences } from './text';

/** One sentence of an answer as the text rules read it. */
interface Line {
  text: string;
  /** The text folded with every offset kept, for matching. */
  folded: string;
  /** Offset of the sentence in the body. */
  start: number;
  treatments: TreatmentMention[];
  /** What the sentence is about when it names no treatment: the last one named before it, else the question's. */
  carried: Treatment | null;
}

/** Offending words, as offsets into the sentence, and what a moderator should read about them. */
interface Finding {
  start: number;
  end: number;
  message: string;
}

// The rules of a run read the same item one after another: read it once.
const readings = new WeakMap<AnswerItem, { question: AnswerContext['question']; lines: Line[] }>();

function read(item: AnswerItem, context: AnswerContext): Line[] {
  const known = readings.get(item);
  if (known && known.question === context.question) return known.lines;
  const lines = readLines(item.body, context.question);
  readings.set(item, { question: context.question, lines });
  return lines;
}

function readLines(body: string, question: AnswerContext['question']): Line[] {
  const asked = question
    ? treatmentsIn(foldAligned(`${question.procedure}. ${question.title}. ${question.body}`))
    : [];
  let carried: Treatment | null = asked[0] ?? null;
  return sentences(body).map((sentence) => {
    const folded = foldAligned(sentence.text);
    const treatments = treatmentsIn(folded);
    const line = { text: sentence.text, folded, start: sentence.start, treatments, carried };
    carried = treatments[treatments.length - 1] ?? carried;
    return line;
  });
}

/**
 * A rule that reads the answer sentence by sentence and points at the words that made it fail.
 * `findAcross` reads the whole body at once, for things a sentence break can cut in two
 * ("glowclinic[.]com", "Mrs. Alvarez").
 */
function textRule(spec: {
  id: string;
  severity: RuleSeverity;
  description: string;
  passMessage: string;
  find?(line: Line, context: AnswerContext): Finding[];
  findAcross?(body: string, context: AnswerContext): Finding[];
}): AnswerRule {
  const rule: AnswerRule = {
    id: spec.id,
    type: 'answers',
    severity: spec.severity,
    description: spec.description,
    check(item: AnswerItem, context: AnswerContext) {
      const found = spec.findAcross?.(item.body, context) ?? [];
      if (spec.find) {
        for (const line of read(item, context)) {
          for (const f of spec.find(line, context)) {
            found.push({ ...f, start: line.start + f.start, end: line.start + f.end });
          }
        }
      }
      const findings = merged(found);
      if (findings.length === 0) return pass(rule, spec.passMessage);
      const spans = findings.map(({ start, end }) => ({
        field: 'body',
        start,
        end,
        text: item.body.slice(start, end),
      }));
      return fail(rule, findings[0].message, { spans });
    },
  };
  return rule;
}

/**
 * Overlapping findings as one, so that an e-mail address is not also reported as its domain and
 * "I am the best" joins "the best injector in Dallas".
 */
function merged(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else kept.push({ ...f });
  }
  return kept;
}

/** Every asserted match of a pattern in a sentence; the pattern must be global. */
function assertedMatches(line: Line, pattern: RegExp): RegExpExecArray[] {
  return matchesOf(pattern, line.folded).filter((m) =>
    isAsserted(line.folded, m.index, m.index + m[0].length),
  );
}

const subjectAt = (line: Line, start: number, end: number) =>
  subjectOf(line.treatments, start, end) ?? line.carried;

const isTemporary = (treatment: Treatment | null): treatment is Treatment =>
  treatment?.kind === 'toxin' || treatment?.kind === 'hyaluronicFiller';

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

// "Permanent" about a risk or about a category of lasting products is not a claim about results.
const notAboutResults = String.raw`(?! (?:fillers?|ones?|options?|kinds?|types?|products?|alternatives?|makeup|tattoos?|implants?|damage|scarring|scars?|paralysis|injury|injuries|harm|nerve|droop\w*|complications?|side effects?|blindness|necrosis|loss|discoloration|lumps?|bumps?|hair|solution to sagging))`;

const permanence = new RegExp(
  [
    String.raw`(?<!semi-)\bpermanent(?:ly)?\b${notAboutResults}`,
    String.raw`\b(?:lasts?|lasting|stays?|keeps?) (?:you )?(?:a lifetime|forever|for life|for good|indefinitely)\b`,
    String.raw`\b(?:life-?long|lifetime) (?:results?|effects?|corrections?|fix)\b`,
    String.raw`\bnever (?:fades?|wears? off|comes? back|returns?|goes? away|needs? (?:another|a touch-?up|redoing))\b`,
    String.raw`\b(?:will|would|do|does)(?: not|n't) (?:ever )?(?:fade|wear off|come back|return)\b(?! (?:worse|any worse|faster|deeper|stronger|suddenly|overnight|all at once|right away|immediately|on (?:its|their) own))`,
    String.raw`\b(?:gone|smooth|fixed|erased) for good\b`,
    String.raw`\bforever\b`,
  ].join('|'),
  'g',
);

const permanentClaim = textRule({
  id: 'ANS_PERMANENT_CLAIM',
  severity: 'block',
  description:
    'Claims a temporary treatment (a botulinum toxin or a hyaluronic-acid filler) gives permanent results',
  passMessage: 'No permanence claim',
  find(line) {
    return assertedMatches(line, permanence).flatMap((m) => {
      const subject = subjectAt(line, m.index, m.index + m[0].length);
      if (!isTemporary(subject)) return [];
      return [
        {
          start: m.index,
          end: m.index + m[0].length,
          message: `Claims ${subject.name} results are permanent`,
        },
      ];
    });
  },
});

// --- Guarantees -----------------------------------------------------------------------------

const promises: { pattern: RegExp; message: string }[] = [
  {
    pattern:
      /\bguarantee(?:d|s)?\b|\b(?:100 ?%|one hundred percent) (?:effective|successful|success|satisfaction|guaranteed|of the time)\b|\b(?:always works|works every time|works for everyone|never fails)\b|\bi promise (?:you |that )?(?:will|won't|you'll|it|the)\b/g,
    message: 'Guarantees the result',
  },
  {
    pattern:
      /\brisk[- ]free\b|\bzero risk\b|\bno risks?(?: at all| whatsoever)?\b(?! (?:of|to|that|if|in|for)\b)|\bwithout (?:any )?risks?\b|\b(?:100 ?%|completely|totally|perfectly|absolutely|entirely|one hundred percent) safe\b/g,
    message: 'Promises the treatment carries no risk',
  },
  {
    pattern: /\b(?:no|zero|without (?:any )?)(?: side[- ]effects| complications)\b/g,
    message: 'Promises no side effects',
  },
  {
    pattern: /\b(?:painless|pain[- ]free|no pain (?:at all|whatsoever))\b/g,
    message: 'Promises the treatment is painless',
  },
];

// A promise softened to a likelihood or a condition is not a promise.
const hedge =
  /\b(?:nearly|almost|relatively|fairly|mostly|usually|typically|generally|often|most|many|minimal|practically|largely|virtually|if|unless|when|hopefully|ideally)\b/;

const guarantee = textRule({
  id: 'ANS_GUARANTEE',
  severity: 'block',
  description:
    'Promises a result or the absence of risk: guaranteed, 100% effective, risk-free, no side effects, painless',
  passMessage: 'No guarantee',
  find(line) {
    return promises.flatMap(({ pattern, message }) =>
      assertedMatches(line, pattern)
        .filter((m) => !hedge.test(line.folded.slice(Math.max(0, m.index - 30), m.index)))
        .map((m) => ({ start: m.index, end: m.index + m[0].length, message })),
    );
  },
});

// --- Superiority ----------------------------------------------------------------------------

const provider = String.raw`(?:plastic |cosmetic |facial plastic |nurse |aesthetic )?(?:injectors?|surgeons?|doctors?|physicians?|dermatologists?|derms?|providers?|clinics?|practices?|med ?spas?|offices?|specialists?|experts?|teams?|nurses?)`;
const strongRank = String.raw`#\s?1|number one|no\.? ?1|top[- ](?:rated|ranked|reviewed)|highest[- ]rated|best[- ]rated`;
const rankedProvider = new RegExp(
  String.raw`(?<![\w#])(?:(${strongRank})|(?:the )?(?:best|greatest|finest|most (?:experienced|skilled|sought[- ]after|trusted|qualified|talented|popular)))(?: rated)?(?: (?!(?:way|thing|approach|option|choice|time|results?|to|is|are|for|of|at|can|will|would|should)\b)[\w-]+){0,3}? ${provider}\b`,
  'g',
);
// Where a ranking says "among all of them", which general advice ("the best surgeon for you") does not.
const locality =
  /^,? (?:in (?:town\b|[A-Z][\w'-]*(?: [A-Z][\w'-]*)*|the (?:city|state|country|area|region|world|valley|metro|business|industry|nation|US|USA)\b)|around(?: here)?\b|anywhere\b|of all time\b)/;
const selfReference =
  /\b(?:i am|i'm|we are|we're|as the|i was voted|we were voted|voted|(?:our|my) (?:clinic|practice|office|team|med ?spa|staff|injectors?|surgeons?|nurses?|results|work))\b/;
const advice =
  /\b(?:look for|looking for|choose|choosing|find|finding|pick|seek|search for|research|go with|want)\b/;
const unrivalled = new RegExp(
  [
    String.raw`\b(?:nobody|no one|no other (?:[\w-]+ ){0,2}?${provider})\b[^.;]{0,60}?\b(?:better|more|finer|safer|nicer)\b[^.;]{0,30}?\bthan (?:me|i|us|we|mine|ours)\b`,
    String.raw`\b(?:i am|i'm|we are|we're)(?: simply| truly| honestly| by far| hands down| easily)? (?:the best|unmatched|unrivall?ed|unparalleled|second to none|better than (?:anyone|any other|everyone))\b`,
    String.raw`\b(?:second to none|unrivall?ed|unparalleled|best in the business|the best hands)\b`,
    String.raw`\bthe best (?:results|work|lips|outcomes|botox|filler) (?:in town|in the (?:city|state|country|area|region))\b`,
  ].join('|'),
  'g',
);

const superiority = textRule({
  id: 'ANS_SUPERIORITY',
  severity: 'high',
  description: 'Makes an unverifiable claim to be the best provider ("best injector in town", "#1 surgeon")',
  passMessage: 'No claim to be the best',
  find(line) {
    const self = selfReference.test(line.folded);
    const ranked = assertedMatches(line, rankedProvider).flatMap((m) => {
      const end = m.index + m[0].length;
      const where = locality.exec(line.text.slice(end))?.[0] ?? '';
      if (!self && advice.test(line.folded.slice(0, m.index))) return [];
      if (!self && m[1] === undefined && !where) return [];
      return [{ start: m.index, end: end + where.length }];
    });
    const unrivalledMatches = assertedMatches(line, unrivalled)
      .filter((m) => self || / than | in (?:town|the)\b/.test(m[0]))
      .map((m) => ({ start: m.index, end: m.index + m[0].length }));
    return [...ranked, ...unrivalledMatches].map(({ start, end }) => ({
      start,
      end,
      message: 'Makes an unverifiable claim to be the best',
    }));
  },
});

// --- Off-label approval claims --------------------------------------------------------------

/** The uses the label table speaks of, as written in answers. Order matters: the first to match wins. */
const uses: { use: string; label: string; pattern: string }[] = [
  {
    use: 'masseter',
    label: 'jaw slimming',
    pattern: String.raw`masseters?|jaw ?(?:line )?slimming|slimming (?:the |your )?(?:jaw ?line|jaw|face)|jaw reduction|face slimming|teeth grinding|bruxism|clenching|tmj|tmd`,
  },
  { use: 'lipFlip', label: 'a lip flip', pattern: 'lip flips?' },
  { use: 'gummySmile', label: 'a gummy smile', pattern: 'gummy smiles?' },
  { use: 'nefertiti', label: 'a Nefertiti neck lift', pattern: 'nefertiti(?: lifts?)?' },
  { use: 'platysma', label: 'platysma bands', pattern: 'platysma\\w*(?: bands)?|(?:vertical )?neck bands' },
  {
    use: 'glabellar',
    label: 'frown lines',
    pattern: String.raw`glabellar(?: lines)?|frown lines|11s|elevens|lines between (?:the|your) (?:eye)?brows`,
  },
  { use: 'forehead', label: 'forehead lines', pattern: 'forehead(?: lines| wrinkles)?' },
  { use: 'crowsFeet', label: "crow's feet", pattern: "crow'?s[- ]?feet|lateral canthal lines" },
  { use: 'bunnyLines', label: 'bunny lines', pattern: 'bunny lines' },
  { use: 'sweating', label: 'sweating', pattern: '(?:underarm |excessive )?sweat(?:ing)?|hyperhidrosis' },
  { use: 'migraine', label: 'migraines', pattern: 'migraines?' },
  {
    use: 'submental',
    label: 'fat under the chin',
    pattern: 'under the chin|double chins?|submental(?: fat| fullness)?',
  },
  {
    use: 'lips',
    label: 'the lips',
    pattern: String.raw`lip augmentation|lips?(?! lift)|perioral(?: lines)?`,
  },
  {
    use: 'underEye',
    label: 'under-eye hollows',
    pattern: String.raw`under[- ]?eyes?(?: hollows?| area| bags| circles)?|tear troughs?|infraorbital|dark circles|eye bags`,
  },
  { use: 'cheeks', label: 'the cheeks', pattern: 'cheeks?|cheekbones?|mid-?face' },
  { use: 'chin', label: 'the chin', pattern: 'chin' },
  { use: 'jowls', label: 'jowls', pattern: 'jowls?' },
  { use: 'jawline', label: 'the jawline', pattern: 'jaw ?lines?|jaw' },
  { use: 'temples', label: 'the temples', pattern: 'temples?(?: hollow\\w*)?' },
  {
    use: 'nose',
    label: 'the nose',
    pattern: '(?:non-?surgical |liquid )?(?:nose(?: jobs?| reshaping)?|rhinoplasty|nasal)',
  },
  { use: 'hands', label: 'the hands', pattern: 'hands?' },
  {
    use: 'folds',
    label: 'smile lines',
    pattern: 'nasolabial(?: folds?)?|smile lines|laugh lines|marionette lines|wrinkles and folds',
  },
  {
    use: 'body',
    label: 'body fat',
    pattern:
      'bra fat|back fat|arms?|belly|abdomen|stomach|love handles|flanks?|thighs?|knees?|buttocks?|butt|breasts?',
  },
  { use: 'weightLoss', label: 'weight loss', pattern: 'weight[- ]loss|los(?:e|ing) weight|obesity' },
];

/**
 * The FDA-labelled uses of each product, among the uses above; a family or a generic word gets
 * the uses of every member, so a claim is only flagged when no member could be meant. Kept to
 * labels we are sure of; a product missing here is never flagged.
 */
const toxinLabels = ['glabellar', 'forehead', 'crowsFeet', 'platysma', 'sweating', 'migraine'];
const fillerLabels = ['lips', 'underEye', 'cheeks', 'chin', 'jawline', 'temples', 'hands', 'folds'];
const labelled: Record<string, string[]> = {
  botox: toxinLabels,
  dysport: ['glabellar'],
  jeuveau: ['glabellar'],
  daxxify: ['glabellar'],
  letybo: ['glabellar'],
  xeomin: ['glabellar', 'forehead', 'crowsFeet'],
  toxin: toxinLabels,
  kybella: ['submental', 'chin'],
  kysse: ['lips'],
  volbella: ['lips', 'underEye'],
  eyelight: ['underEye'],
  voluma: ['cheeks', 'chin', 'temples'],
  lyft: ['cheeks', 'hands', 'folds'],
  filler: fillerLabels,
  coolsculpting: ['submental', 'chin', 'jawline', 'body'],
};

const usePattern = new RegExp(String.raw`\b(?:${uses.map((u) => `(${u.pattern})`).join('|')})\b`, 'g');
const approval =
  /\b(?:(?:fda[- ]?)?(?:approved|cleared|indicated)(?: by the fda)?(?: (?:both|only|specifically|officially|also))?(?: as a treatment)? (?:for|to (?:treat|slim|reduce|fix|correct|improve|smooth|lift|contour|augment|fill|enhance|define|shape|reshape))|(?:has|have|got|received|holds?) (?:fda |full )?(?:approval|clearance) (?:for|to treat)|(?:fda[- ]?)?approved (?:treatment|use|indication|option) for)\b/g;
// "...is an FDA-approved use of Botox": the use comes first and the product after.
const approvedUseOf = /\b(?:fda[- ]?)?approved (?:use|indication|application) of\b/g;
// The uses an approval claim covers run to the end of its clause, or to a word that turns away from it.
const approvalEnd =
  /[;:.()]|, (?:and|but|so|which|while)\b|\b(?:but|while|whereas|although|though|not|off[- ]label|anything else|other uses|everything else)\b|n't\b/;

/** The first use named in a text that the product is not labelled for, with its offsets in that text. */
function unlabelledUse(product: Treatment | null, text: string) {
  const label = product && labelled[product.key];
  if (!label) return null;
  for (const m of matchesOf(usePattern, text)) {
    const use = uses[m.findIndex((group, i) => i > 0 && group !== undefined) - 1];
    if (!label.includes(use.use)) return { ...use, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

const claimedApproval = (product: Treatment, use: { label: string }) =>
  `Says ${product.name} is approved for ${use.label}, which is off-label`;

const offLabel = textRule({
  id: 'ANS_OFFLABEL',
  severity: 'high',
  description: 'Says a product is FDA approved for a use it is not labelled for',
  passMessage: 'No off-label approval claim',
  find(line) {
    const forward = assertedMatches(line, approval).flatMap((m) => {
      const subject = subjectAt(line, m.index, m.index);
      const from = m.index + m[0].length;
      const stop = line.folded.slice(from).search(approvalEnd);
      const use = unlabelledUse(subject, line.folded.slice(from, stop < 0 ? undefined : from + stop));
      return use ? [{ start: m.index, end: from + use.end, message: claimedApproval(subject!, use) }] : [];
    });
    const backward = assertedMatches(line, approvedUseOf).flatMap((m) => {
      const end = m.index + m[0].length;
      const subject = line.treatments.find((t) => t.start >= end) ?? null;
      const use = unlabelledUse(subject, line.folded.slice(0, m.index));
      return use && subject
        ? [{ start: use.start, end: subject.end, message: claimedApproval(subject, use) }]
        : [];
    });
    return [...forward, ...backward];
  },
});

// --- Promotion ------------------------------------------------------------------------------

const digitWord = /\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine)\b/g;
const digitGap = /^[\s.,()/+-]{0,4}$/;

/** Runs of ten or more digits, written as numerals or words, with the separators people use. */
function phoneNumbers(folded: string): Finding[] {
  const found: Finding[] = [];
  let run: { start: number; end: number; digits: number } | null = null;
  const close = () => {
    if (run && run.digits >= 10) {
      const start = /[(+]/.test(folded[run.start - 1] ?? '') ? run.start - 1 : run.start;
      found.push({ start, end: run.end, message: 'Gives a phone number' });
    }
  };
  for (const m of matchesOf(digitWord, folded)) {
    if (run && digitGap.test(folded.slice(run.end, m.index))) {
      run.end = m.index + m[0].length;
      run.digits++;
    } else {
      close();
      run = { start: m.index, end: m.index + m[0].length, digits: 1 };
    }
  }
  close();
  return found;
}

const tld = 'com|net|org|co|io|us|biz|info|me|md|health|clinic|spa|care|beauty|studio|example';
const dot = String.raw`\s*(?:\.|[([{]\s*(?:\.|dot)\s*[)\]}]|\bdot\b)\s*`;
const host = String.raw`[a-z0-9][a-z0-9-]{2,}(?:\.[a-z0-9-]+)*`;
const plainDomain = String.raw`(?:https?://|www\.)\S+|\b${host}\.(?:${tld})\b(?:/\S*)?`;
const spelledDomain = String.raw`\b(?!(?:the|a|an|of|and|or|my|our|your|on|at|is)\b)${host}${dot}(?:${tld})\b`;
const contactChannels: { pattern: RegExp; message: string }[] = [
  {
    pattern: new RegExp(
      String.raw`\b[a-z0-9._+-]+\s*(?:@|[([]\s*at\s*[)\]]|\bat\b)\s*(?:${host}\.(?:${tld})|${host}${dot}(?:${tld}))\b`,
      'g',
    ),
    message: 'Gives an e-mail address',
  },
  { pattern: new RegExp(`${plainDomain}|${spelledDomain}`, 'g'), message: 'Gives a web address' },
  {
    pattern:
      /\b(?:(?:promo|coupon|discount|referral|offer) code|(?:use|enter|apply|mention|with) (?:the |my |our )?code)\b:?\s*"?[a-z0-9-]*\d[a-z0-9-]*|\b(?:promo|coupon|discount) code\b/g,
    message: 'Offers a coupon code',
  },
  {
    pattern:
      /\b(?:call|text|phone|ring) (?:my|our) (?:office|clinic|practice|team|coordinator|front desk)|\b(?:call|text|phone) (?:us|me)\b|\bgive (?:us|me|my office|our office) a call\b|\b(?:dm|pm|inbox|message) (?:me|us)\b|\bsend (?:me|us) (?:a )?(?:dm|pm|direct message|private message)\b|\b(?:follow|find) (?:me|us) on (?:instagram|facebook|tiktok|ig)\b|\b(?:contact|reach) (?:me|us|my office|our office)(?: at| directly| through| via)\b|(?<![\w.@])@[a-z][a-z0-9_.]{2,}\b/g,
    message: 'Asks patients to contact the practice',
  },
];

// Discount wording, and the urgency that turns a price into an offer.
const discount =
  /\b\d{1,3} ?(?:%|percent) (?:off|discount)\b|\$ ?\d+ off\b|\b(?:2|two)[- ]for[- ](?:1|one)\b|\bbogo\b|\bbuy one,? get one\b|\bbook (?:now|today)\b|\blimited[- ]time (?:offer|only|special|deal|pricing)\b|\bspecial offer\b|\bnew[- ]patient (?:special|discount|offer|pricing)\b|\bfree (?:syringes?|units?|vials?|areas?)\b|\bmention this (?:post|answer)\b/g;
const price = /\$ ?\d|\b\d+ dollars\b/;
const urgency =
  /\b(?:this (?:week|month|weekend)(?: only)?|until the end of (?:the )?(?:month|week)|through (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the (?:weekend|month|holidays))|today only|ends (?:soon|friday|sunday)|while (?:supplies|it|they) last|for a limited time)\b/g;

const promo = textRule({
  id: 'ANS_PROMO',
  severity: 'high',
  description:
    'Promotes the practice: phone numbers, web or e-mail addresses, coupon codes, discounts, "call my office", "DM me"',
  passMessage: 'No promotion',
  findAcross(body) {
    const folded = foldAligned(body);
    const channels = contactChannels.flatMap(({ pattern, message }) =>
      matchesOf(pattern, folded).map((m) => ({ start: m.index, end: m.index + m[0].length, message })),
    );
    return [...phoneNumbers(folded), ...channels];
  },
  find(line) {
    const offers = price.test(line.folded)
      ? [...assertedMatches(line, discount), ...assertedMatches(line, urgency)]
      : assertedMatches(line, discount);
    return offers.map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      message: 'Advertises a discount',
    }));
  },
});

// --- Patients -------------------------------------------------------------------------------

const name = String.raw`[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)?`;
const fullName = String.raw`${name}(?: ${name}| [A-Z]\.)?`;
const patientCues = [
  String.raw`\b(?:[Mm]y|[Oo]ur|[Aa]|[Oo]ne|[Tt]he) (?:patient|client)s?,? (?:named |called )?(${fullName})`,
  String.raw`\b(?:Mrs|Mr|Ms|Miss)\.? (${fullName})`,
  String.raw`\b(?:treated|injected|operated on|examined|saw) (${fullName})\b`,
  String.raw`\b(${fullName}), (?:a|an|one of my|one of our) (?:\d{1,2}[- ]year[- ]old|(?:[\w-]+ ){0,2}(?:patient|client|teacher|nurse|mother|mom|bride|student)s?)\b`,
  String.raw`(?:year[- ]old|patient|client)\b[^.!?]{0,60}?, (${fullName})(?=[,.!?]| (?:who|had|came|was|said|told|asked|wanted|loved))`,
  String.raw`\b(${fullName}) came (?:in|back|to see me|to my office)\b`,
];
const patientCue = new RegExp(patientCues.join('|'), 'dg');

// Capitalised words that are not people, whatever cue they follow.
const notNames = new Set(
  (
    'i me my we our you your she he her his they them it this that these those the a an and but so then ' +
    'if when after before last next every each some most many one two both all no yes also today ' +
    'dr doctor md do pa np rn board american fda instagram facebook google yelp tiktok ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday christmas thanksgiving easter'
  ).split(' '),
);

function isPersonName(candidate: string, doctorName: string | undefined): boolean {
  const parts = candidate.split(/[ .]+/).filter(Boolean);
  const first = parts[0].toLowerCase();
  if (notNames.has(first) || first.endsWith('ly')) return false;
  if (treatmentsIn(foldAligned(candidate)).length > 0) return false;
  const doctorParts = new Set((doctorName ?? '').toLowerCase().split(/[^a-z'-]+/));
  return !parts.some((p) => doctorParts.has(p.toLowerCase()));
}

const patient = textRule({
  id: 'ANS_PHI',
  severity: 'block',
  description: 'Names or identifies a patient',
  passMessage: 'No patient named',
  findAcross(body, context) {
    return matchesOf(patientCue, body).flatMap((m) => {
      const [start, end] = m.indices!.find((range, i) => i > 0 && range !== undefined)!;
      const candidate = body.slice(start, end);
      if (!isPersonName(candidate, context.doctor?.name)) return [];
      return [{ start, end, message: `Names a patient: ${candidate}` }];
    });
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
