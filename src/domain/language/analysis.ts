import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { clauseEnds, negators } from './negation';

/**
 * A text as the authenticity rules read it: words with their lemmas, parts of speech, sentences,
 * negation and quotation, each with its offsets in the original text so that a rule can point at
 * the exact words that made it fire. The analysis comes from wink-nlp's English model, which ships
 * as a package and runs offline; the rules match lemmas and phrases over it, never raw strings.
 *
 * Only the server imports this module (it hands `analyse` to the rules through their context), so
 * the console's bundle does not carry the language model.
 */

interface Lexicon {
  /** Each word's index in `list`. */
  hash: Record<string, number>;
  list: string[];
}

/** wink's lexicon, which it extends in place with every word it has not met before. */
let lexicon!: Lexicon;
// wink builds its lexicon from the model's core when it starts: keep a hold of it.
const nlp = winkNLP(
  {
    ...model,
    core: () => {
      const read = (model.core as () => { features: { lexeme: Lexicon } })();
      lexicon = read.features.lexeme;
      return read;
    },
  } as typeof model,
  ['sbd', 'negation', 'sentiment', 'pos'],
);

const its = nlp.its;

/** A lexeme wink would have split into tokens had it not met it before: "crow's", "anti-wrinkle". */
const compound = /[^\p{L}\p{N}]/u;

/**
 * Reads a text with wink, forgetting afterwards the compound words it learned from it. wink keeps a
 * word that ends a sentence whole, "crow's." as one token, and from then on keeps that word whole
 * in every text it reads, where before it split it into "crow" and "'s" and tagged "crow" a noun
 * from its neighbours: without forgetting, what one text reads would depend on the texts read
 * before it. A plain word it learns reads the same either way, so it is kept.
 */
function readDoc(text: string) {
  const known = lexicon.list.length;
  const doc = nlp.readDoc(text);
  for (let i = known; i < lexicon.list.length; i++) {
    const word = lexicon.list[i];
    // Forgetting leaves the entry in the list, which keeps wink's own indices of it consistent.
    if (compound.test(word) && lexicon.hash[word] === i) delete lexicon.hash[word];
  }
  return doc;
}

export interface Token {
  /** As written. */
  text: string;
  /** Lower case with accents and curly apostrophes folded. */
  normal: string;
  /** The dictionary form: "lasted" -> "last", "best" -> "good", "paid" -> "pay". */
  lemma: string;
  /** Universal part-of-speech tag: NOUN, VERB, ADJ, ADV, PROPN, NUM, PUNCT, ... */
  pos: string;
  /** wink's token type: word, number, punctuation, currency, email, url, emoji, hashtag, mention, ... */
  type: string;
  /** Offsets in the text, UTF-16, end exclusive. */
  start: number;
  end: number;
  sentence: number;
  /** Inside the scope of a negation ("it will not *last forever*", "nobody *paid me*"). */
  negated: boolean;
  /** Inside quotation marks: someone else's words, or words held up to be examined. */
  quoted: boolean;
}

export interface SentenceSpan {
  start: number;
  end: number;
  /** Its tokens: [from, to) in `tokens`. */
  from: number;
  to: number;
  /** Lexicon sentiment of the sentence, -1 to 1, with negation taken into account. */
  sentiment: number;
  question: boolean;
}

export interface TextAnalysis {
  text: string;
  tokens: Token[];
  sentences: SentenceSpan[];
  /** The lemma of a word on its own, so that a pattern's "buttocks" also finds "buttock". */
  lemmaOf(word: string): string;
}

/** What a rule is given to read text with; the server passes `analyse`. */
export type ReadText = (text: string) => TextAnalysis;

const foldable = /[\u0080-\uffff]/;

export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (!foldable.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

const negationReach = 8;
/** A word and its "'s", as one token. */
const possessive = /^\p{L}[\p{L}-]*'s$/u;
/** Words joined by hyphens, as one token: "anti-wrinkle", "re-form". */
const hyphenated = /^[\p{L}\d]+(?:-[\p{L}\d]+)+$/u;
/** Words whose "'s" is "is": "it's", "that's". */
const contractedIs = new Set(
  'it that there here he she who what where how this everyone everybody nobody'.split(' '),
);
const opening = new Set(['"', '“', '«', '‘']);
const closing = new Set(['"', '”', '»', '’']);
/** Marks that open and close alike. */
const toggling = new Set(['"', "'"]);

/**
 * Whether a mark opens or closes a quotation. A single ' opens only before a word it touches after
 * a space or at the start of the text ('forever'), and closes only after a word it touches: "the
 * clinics' prices" is a possessive.
 */
function isQuoteMark(
  mark: string,
  quoting: boolean,
  before: string,
  after: string | undefined,
  atStart: boolean,
): boolean {
  if (mark !== "'") return opening.has(mark) || closing.has(mark) || toggling.has(mark);
  return quoting ? before === '' : (before !== '' || atStart) && after === '';
}

/**
 * Words that wink takes, with a full stop, for the abbreviation of a day or a month ("Sun.",
 * "Mar."), joining the next sentence to them even in lower case, where they are ordinary words
 * ending a sentence: "Avoid the sun. Zinc oxide is fine." wink is given "!" for that stop, which
 * ends a sentence in any reading and keeps every offset; the tokens show the text's own ".".
 */
const wordsNotAbbreviations = /\b(sun|sat|mar|wed)\.(?=\s+[A-Z])/g;

function analyseNow(text: string): TextAnalysis {
  const doc = readDoc(text.replace(wordsNotAbbreviations, '$1!'));
  const all = doc.tokens();
  const values = all.out() as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  // The typings miss that the lemma reader takes the model's add-ons, as the other readers take a cache.
  const lemmas = all.out(its.lemma as never) as string[];
  const tags = all.out(its.pos) as string[];
  const types = all.out(its.type) as string[];
  const tokens: Token[] = [];
  // Where each of wink's tokens starts among ours: "I'm" becomes two.
  const firstOf: number[] = [];
  let offset = 0;
  let quoting = false;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    const value = text.slice(offset, offset + values[i].length);
    const normal = fold(value);
    const quoteMark =
      types[i] === 'punctuation' && isQuoteMark(value, quoting, spaces[i], spaces[i + 1], i === 0);
    if (quoteMark) quoting = toggling.has(value) ? !quoting : opening.has(value);
    const token = {
      text: value,
      normal,
      // wink has no lemma for a few misspellings ("didnt"): the word stands for itself.
      lemma: fold(lemmas[i] ?? value),
      pos: tags[i],
      type: types[i],
      start: offset,
      end: offset + value.length,
      sentence: 0,
      negated: false,
      quoted: quoting && !quoteMark,
    };
    firstOf.push(tokens.length);
    // wink keeps "I'm" whole, as a name, where it splits "we're" and "I've": split alike, so that
    // "I'm the one" is read as "I am the one".
    if (normal === "i'm") {
      const at = offset + 1;
      tokens.push(
        { ...token, text: value.slice(0, 1), normal: 'i', lemma: 'i', pos: 'PRON', end: at },
        { ...token, text: value.slice(1), normal: "'m", lemma: 'be', pos: 'AUX', start: at },
      );
    } else tokens.push(...wordParts(token));
    offset += value.length;
  }
  firstOf.push(tokens.length);
  const sentences: SentenceSpan[] = [];
  doc.sentences().each((sentence, index) => {
    const [first, lastWink] = sentence.out(its.span) as unknown as [number, number];
    const from = firstOf[first];
    const last = firstOf[lastWink + 1] - 1;
    for (let i = from; i <= last; i++) tokens[i].sentence = index;
    const closingMark = tokens.slice(from, last + 1).findLast((t) => t.type === 'punctuation');
    sentences.push({
      start: tokens[from].start,
      end: tokens[last].end,
      from,
      to: last + 1,
      sentiment: sentence.out(its.sentiment) as unknown as number,
      question: closingMark?.text === '?' || tokens[last].text === '?',
    });
  });
  markNegations(tokens);
  return { text, tokens, sentences, lemmaOf };
}

/**
 * A word token in the parts the rules' patterns read it in. wink splits "witch's" into "witch" and
 * "'s" but keeps it whole where it ends a sentence ("it resembles a witch's."), and it keeps some
 * hyphenated words whole ("anti-wrinkle", "re-form") where it splits others ("well-known"). Split
 * here, alike, so that a pattern written "witch 's" or "anti - wrinkle" finds the word wherever it
 * stands.
 */
function wordParts(token: Token): Token[] {
  if (token.type !== 'word') return [token];
  if (possessive.test(token.normal)) {
    const at = token.end - 2;
    const stem = token.normal.slice(0, -2);
    const verb = contractedIs.has(stem);
    return [
      ...wordParts({ ...token, text: token.text.slice(0, -2), normal: stem, lemma: lemmaOf(stem), end: at }),
      {
        ...token,
        text: token.text.slice(-2),
        normal: "'s",
        lemma: verb ? 'be' : "'s",
        pos: verb ? 'AUX' : 'PART',
        start: at,
      },
    ];
  }
  if (!hyphenated.test(token.normal)) return [token];
  const parts: Token[] = [];
  let start = token.start;
  token.text.split('-').forEach((text, k) => {
    if (k > 0) {
      parts.push({
        ...token,
        text: '-',
        normal: '-',
        lemma: '-',
        pos: 'PUNCT',
        type: 'punctuation',
        start,
        end: start + 1,
      });
      start += 1;
    }
    const normal = fold(text);
    parts.push({ ...token, text, normal, lemma: lemmaOf(normal), start, end: start + text.length });
    start += text.length;
  });
  return parts;
}

const lemmas = new Map<string, string>();

function lemmaOf(word: string): string {
  let lemma = lemmas.get(word);
  if (lemma === undefined) {
    lemma = fold(
      (
        readDoc(word)
          .tokens()
          .out(its.lemma as never) as string[]
      )[0] ?? word,
    );
    lemmas.set(word, lemma);
  }
  return lemma;
}

/**
 * Marks what each negator denies: the words after it, to the end of its clause. wink's own marks run
 * to the next punctuation, across "and" and "because"; a clause is the better reach. Two negations
 * of the same words cancel: "it is not without risk", "nobody can promise you will not bruise".
 */
function markNegations(tokens: Token[]) {
  for (let i = 0; i < tokens.length; i++) {
    if (!negators.has(tokens[i].normal)) continue;
    // "no doubt", "without question", "not only ... but" and "no matter" deny nothing.
    const next = tokens[i + 1]?.normal;
    if (next === 'doubt' || next === 'question' || next === 'only' || next === 'matter') continue;
    // "No option is both dramatic and free of downtime": the "and" of "both" joins two words of
    // one clause.
    let both = false;
    for (let j = i + 1; j < tokens.length && j <= i + negationReach; j++) {
      const t = tokens[j];
      if (t.normal === 'both') both = true;
      else if (both && t.normal === 'and') {
        both = false;
        t.negated = !t.negated;
        continue;
      }
      // An emoji or emoticon is written where a full stop would be ("not medicine 😬 Lip filler has
      // real risks"), and wink does not end a sentence there.
      if (
        t.sentence !== tokens[i].sentence ||
        clauseEnds.has(t.normal) ||
        t.type === 'tabCRLF' ||
        t.type === 'emoji' ||
        t.type === 'emoticon'
      )
        break;
      t.negated = !t.negated;
    }
  }
}

// The rules of one check read the same fields one after another: keep the last few analyses.
const recent = new Map<string, TextAnalysis>();
const recentLimit = 8;

export const analyse: ReadText = (text) => {
  // wink reads an empty text as one sentence without tokens: there is nothing to read.
  if (text.trim() === '') return { text, tokens: [], sentences: [], lemmaOf };
  const known = recent.get(text);
  if (known) return known;
  const analysis = analyseNow(text);
  if (recent.size >= recentLimit) recent.delete(recent.keys().next().value!);
  recent.set(text, analysis);
  return analysis;
};
