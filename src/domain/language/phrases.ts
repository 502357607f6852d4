import type { TextAnalysis, Token } from './analysis';

/**
 * Phrase patterns over analysed text: what the rules match instead of regular expressions over
 * characters. A pattern is a sequence of slots separated by spaces; a slot lists alternatives
 * separated by `|`:
 *
 *   last|stay|keep you? forever|indefinitely      "lasts forever", "stayed you indefinitely"
 *   good|top ~2 @provider                          "best injector", "top rated facial surgeon"
 *
 * - a lower-case word matches a token by its lemma or as written: `last` matches "lasted", `good`
 *   matches "best"; `=word` matches only as written; `to_me` is an alternative of several words;
 * - an upper-case tag matches a part of speech (`ADJ`, `NOUN`, `NUM`, `PROPN`, ...);
 * - `#` a number, `$` a currency sign, `*` any word;
 * - `@name` any entry of the named word list, entries may be several words ("crow's feet");
 * - a `?` after a slot, joined or after a space (`top - ? rated`), makes it optional; `~N` skips up
 *   to N words within the clause.
 *
 * Matches never cross a sentence and report token indices and character offsets.
 */

type Alternative =
  | { kind: 'words'; words: string[]; exact: boolean; lemmas?: string[] }
  | { kind: 'tag'; tag: string }
  | { kind: 'number' }
  | { kind: 'currency' }
  | { kind: 'any' };

type Slot =
  | {
      kind: 'match';
      alternatives: Alternative[];
      optional: boolean;
      /** Word alternatives by their first word and its lemma; the rest (tags, numbers) in `open`. */
      byWord?: Map<string, Alternative[]>;
      open?: Alternative[];
    }
  | { kind: 'gap'; reach: number };

export interface PhraseMatch {
  /** Which pattern matched: its index in the list the set was compiled from. */
  pattern: number;
  /** Tokens [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
}

export type WordLists = Readonly<Record<string, readonly string[]>>;

/** Splits a phrase the way the analysis splits text: "crow's feet" -> crow, 's, feet; "can't" -> ca, n't. */
const splitWords = (entry: string): string[] =>
  entry
    .toLowerCase()
    .replace(/n't\b/g, " n't")
    .replace(/'s\b/g, " 's")
    .replace(/-/g, ' - ')
    .split(/\s+/)
    .filter(Boolean);

function compileSlot(source: string, lists: WordLists): Slot {
  const gap = /^~(\d+)$/.exec(source);
  if (gap) return { kind: 'gap', reach: Number(gap[1]) };
  const optional = source.endsWith('?');
  const body = optional ? source.slice(0, -1) : source;
  const alternatives: Alternative[] = body.split('|').flatMap((alt): Alternative[] => {
    if (alt === '#') return [{ kind: 'number' }];
    if (alt === '$') return [{ kind: 'currency' }];
    if (alt === '*') return [{ kind: 'any' }];
    if (/^[A-Z]+$/.test(alt)) return [{ kind: 'tag', tag: alt }];
    if (alt.startsWith('@')) {
      const list = lists[alt.slice(1)];
      if (!list) throw new Error(`no word list named ${alt}`);
      return list.map((entry) => ({ kind: 'words', words: splitWords(entry), exact: false }));
    }
    const exact = alt.startsWith('=');
    return [{ kind: 'words', words: splitWords((exact ? alt.slice(1) : alt).replace(/_/g, ' ')), exact }];
  });
  return { kind: 'match', alternatives, optional };
}

const isWord = (t: Token) => t.type !== 'punctuation' && t.type !== 'tabCRLF';
/** Whether a token and the next are parts of one hyphenated word. */
const joinedToNext = (tokens: readonly Token[], i: number) =>
  i + 1 < tokens.length &&
  tokens[i].end === tokens[i + 1].start &&
  (tokens[i].text === '-' || tokens[i + 1].text === '-');

const breaksGap = (t: Token) =>
  t.type === 'tabCRLF' || (t.type === 'punctuation' && t.text !== '-' && t.text !== "'");

/**
 * The words a token can start an alternative with: its form, its lemma, and a plural's singular
 * when wink left it as written ("underarms", or "Lips" opening a sentence, taken for a name).
 */
function keysOf(token: Token): string[] {
  const keys = [token.normal];
  if (token.lemma !== token.normal) keys.push(token.lemma);
  if (unlemmatised(token)) {
    if (token.normal.endsWith('es')) keys.push(token.normal.slice(0, -2));
    if (token.normal.endsWith('s')) keys.push(token.normal.slice(0, -1));
  }
  return keys;
}

/** The keys a token can start a tag, number or currency alternative with (see `openKey`). */
function openKeysOf(token: Token): string[] {
  const keys = [`tag:${token.pos}`];
  if (token.type === 'number' || token.pos === 'NUM') keys.push('#');
  if (token.type === 'currency') keys.push('$');
  return keys;
}

/**
 * A text's tokens with the keys each can start an alternative with, and where each key occurs,
 * worked out once per text for every phrase set that reads it.
 */
interface KeyedText {
  tokens: Token[];
  words: string[][];
  /** Every key a token can start a pattern with (words, tags, numbers), and the tokens, ascending. */
  positions: Map<string, number[]>;
}

const keyedTexts = new WeakMap<Token[], KeyedText>();

function keyed(tokens: Token[]): KeyedText {
  let text = keyedTexts.get(tokens);
  if (!text) {
    const words = tokens.map(keysOf);
    const positions = new Map<string, number[]>();
    const add = (key: string, at: number) => {
      const list = positions.get(key);
      // A token reaches a key once, though its form and its singular may both spell it.
      if (!list) positions.set(key, [at]);
      else if (list.at(-1) !== at) list.push(at);
    };
    tokens.forEach((token, at) => {
      for (const key of words[at]) add(key, at);
      for (const key of openKeysOf(token)) add(key, at);
    });
    text = { tokens, words, positions };
    keyedTexts.set(tokens, text);
  }
  return text;
}

const unlemmatised = (token: Token) => token.lemma === token.normal || token.pos === 'PROPN';

function wordMatches(token: Token, word: string, lemma: string, exact: boolean): boolean {
  if (token.normal === word) return true;
  if (exact) return false;
  if (token.lemma === word || token.lemma === lemma) return true;
  return unlemmatised(token) && (token.normal === `${word}s` || token.normal === `${word}es`);
}

/** Where an alternative starting at `at` ends, or -1 when it does not match there. */
function altEnd(alt: Alternative, tokens: Token[], at: number, limit: number): number {
  if (at >= limit) return -1;
  const token = tokens[at];
  switch (alt.kind) {
    case 'number':
      return token.type === 'number' || token.pos === 'NUM' ? at + 1 : -1;
    case 'currency':
      return token.type === 'currency' ? at + 1 : -1;
    case 'any':
      return isWord(token) ? at + 1 : -1;
    case 'tag':
      return token.pos === alt.tag ? at + 1 : -1;
    case 'words': {
      if (at + alt.words.length > limit) return -1;
      const lemmas = alt.lemmas!;
      for (let k = 0; k < alt.words.length; k++) {
        if (!wordMatches(tokens[at + k], alt.words[k], lemmas[k], alt.exact)) return -1;
      }
      return at + alt.words.length;
    }
  }
}

/** Adds where `alt` ends to `ends` (allocated on the first end found: most tries find none). */
function addEnd(ends: number[] | null, alt: Alternative, tokens: Token[], at: number, limit: number) {
  const end = altEnd(alt, tokens, at, limit);
  if (end < 0) return ends;
  if (!ends) return [end];
  if (!ends.includes(end)) ends.push(end);
  return ends;
}

function matchFrom(slots: Slot[], s: number, text: KeyedText, at: number, limit: number): number {
  const { tokens } = text;
  if (s === slots.length) return at;
  const slot = slots[s];
  if (slot.kind === 'gap') {
    for (let skip = 0, j = at; skip <= slot.reach && j <= limit; j++) {
      const end = matchFrom(slots, s + 1, text, j, limit);
      if (end >= 0) return end;
      if (j >= limit || breaksGap(tokens[j])) break;
      // A hyphenated word is one word skipped, however many parts: "post before-and-after photos".
      if (!joinedToNext(tokens, j)) skip++;
    }
    return -1;
  }
  // The longest way to fill a slot first, so a highlight covers "lasts you forever", not "lasts".
  // (Loops rather than callbacks: this runs for every token against every pattern it could start.)
  let ends: number[] | null = null;
  if (at < limit) {
    for (const key of text.words[at]) {
      const alternatives = slot.byWord!.get(key);
      if (alternatives) for (const alt of alternatives) ends = addEnd(ends, alt, tokens, at, limit);
    }
    for (const alt of slot.open!) ends = addEnd(ends, alt, tokens, at, limit);
  }
  if (ends) {
    if (ends.length > 1) ends.sort((a, b) => b - a);
    for (const next of ends) {
      const end = matchFrom(slots, s + 1, text, next, limit);
      if (end >= 0) return end;
    }
  }
  return slot.optional ? matchFrom(slots, s + 1, text, at, limit) : -1;
}

/** What a pattern starting with this alternative is indexed by; null for `*`, which any word starts. */
function openKey(alt: Alternative): string | null {
  if (alt.kind === 'tag') return `tag:${alt.tag}`;
  return alt.kind === 'number' ? '#' : alt.kind === 'currency' ? '$' : null;
}

/**
 * A plural or third-person word's base form ("buttocks" -> "buttock", "lasts" -> "last"), and no
 * other: "best" stays "best", since its lemma "good" would also find every "good".
 */
function singular(word: string, lemmaOf: (word: string) => string): string {
  const lemma = lemmaOf(word);
  return word === `${lemma}s` || word === `${lemma}es` ? lemma : word;
}

/**
 * The keys a match of these slots can start with: those of its first slot, and of the slots after
 * it while the ones before are optional ("two? different size" starts at "two" or at "different").
 * Null when any word could start it: a gap or `*` comes first, or every slot is optional.
 */
function startKeys(slots: Slot[]): Set<string> | null {
  const keys = new Set<string>();
  for (const slot of slots) {
    if (slot.kind !== 'match') return null;
    for (const alt of slot.open!) {
      const key = openKey(alt);
      if (key === null) return null;
      keys.add(key);
    }
    for (const key of slot.byWord!.keys()) keys.add(key);
    if (!slot.optional) return keys;
  }
  return null;
}

export interface PhraseSet {
  /** Every match of every pattern, leftmost first; a pattern's matches do not overlap one another. */
  find(analysis: TextAnalysis, sentences?: { from: number; to: number }[]): PhraseMatch[];
}

/** One `find`: the patterns, the text, and where each pattern stands. */
interface Attempts {
  compiled: Slot[][];
  text: KeyedText;
  found: PhraseMatch[];
  free: Int32Array;
  tried: Int32Array;
}

function attemptAll(state: Attempts, patterns: number[], at: number, to: number): void {
  const { text, found, free, tried } = state;
  const { tokens } = text;
  for (const pattern of patterns) {
    if (tried[pattern] === at || free[pattern] > at) continue;
    tried[pattern] = at;
    const end = matchFrom(state.compiled[pattern], 0, text, at, to);
    if (end <= at) continue;
    found.push({ pattern, from: at, to: end, start: tokens[at].start, end: tokens[end - 1].end });
    free[pattern] = end;
  }
}

export function phrases(sources: readonly string[], lists: WordLists = {}): PhraseSet {
  const compiled = sources.map((source) =>
    source
      .trim()
      .replace(/\s+\?(?=\s|$)/g, '?')
      .split(/\s+/)
      .map((slot) => compileSlot(slot, lists)),
  );
  // A pattern's words are lemmatised on first use, with the analysis's own lemmatiser: the console
  // imports the rules (their names, their settings) and must not load the language model.
  // Each slot's alternatives are indexed by their first word, and each pattern by the words, tags
  // and kinds of token it can start with, so a text is only tried against the patterns its tokens
  // could begin.
  let lemmatised = false;
  const anchored = new Map<string, number[]>();
  const unanchored: number[] = [];
  const anchor = (key: string, pattern: number) => anchored.set(key, [...(anchored.get(key) ?? []), pattern]);
  const lemmatise = (lemmaOf: (word: string) => string) => {
    for (const slots of compiled)
      for (const slot of slots) {
        if (slot.kind !== 'match') continue;
        slot.byWord = new Map();
        slot.open = [];
        for (const alt of slot.alternatives) {
          if (alt.kind !== 'words') {
            slot.open.push(alt);
            continue;
          }
          alt.lemmas = alt.words.map((w) => singular(w, lemmaOf));
          const keys = new Set([alt.words[0], ...(alt.exact ? [] : [alt.lemmas[0]])]);
          for (const key of keys) slot.byWord.set(key, [...(slot.byWord.get(key) ?? []), alt]);
        }
      }
    compiled.forEach((slots, pattern) => {
      const keys = startKeys(slots);
      if (keys === null) unanchored.push(pattern);
      else for (const key of keys) anchor(key, pattern);
    });
    lemmatised = true;
  };
  /**
   * Where in a text the anchored patterns could start, in token order: the set's keys looked up in
   * the text's, or the text's in the set's, whichever are fewer (most sets have a handful of keys,
   * a text a few hundred).
   */
  const startsIn = (text: KeyedText): Start[] => {
    const starts: Start[] = [];
    if (anchored.size <= text.positions.size) {
      for (const [key, patterns] of anchored)
        for (const at of text.positions.get(key) ?? []) starts.push({ at, patterns });
    } else {
      for (const [key, positions] of text.positions) {
        const patterns = anchored.get(key);
        if (patterns) for (const at of positions) starts.push({ at, patterns });
      }
    }
    return starts.sort((a, b) => a.at - b.at);
  };
  // Matches never cross a sentence, so a sentence's matches are those of the whole text that start
  // in it: the sentiment reading asks about each sentence in turn, and the text is searched once.
  const wholeTexts = new WeakMap<Token[], PhraseMatch[]>();
  const search = (analysis: TextAnalysis, sentences: readonly { from: number; to: number }[]) => {
    if (!lemmatised) lemmatise(analysis.lemmaOf);
    const text = keyed(analysis.tokens);
    const found: PhraseMatch[] = [];
    // Where each pattern may match next (its matches do not overlap one another), and the token
    // it was last tried at, since a token can reach a pattern by its form and by its lemma.
    const state: Attempts = {
      compiled,
      text,
      found,
      free: new Int32Array(compiled.length),
      tried: new Int32Array(compiled.length).fill(-1),
    };
    const starts = startsIn(text);
    for (const { from, to } of sentences) {
      for (let c = firstStartAt(starts, from); c < starts.length && starts[c].at < to; c++)
        attemptAll(state, starts[c].patterns, starts[c].at, to);
      if (unanchored.length > 0) for (let at = from; at < to; at++) attemptAll(state, unanchored, at, to);
    }
    return found.sort((a, b) => a.from - b.from || b.to - a.to || a.pattern - b.pattern);
  };
  return {
    find(analysis, sentences = analysis.sentences) {
      if (!sentences.every((span) => isSentence(analysis, span))) return search(analysis, sentences);
      let whole = wholeTexts.get(analysis.tokens);
      if (!whole) {
        whole = search(analysis, analysis.sentences);
        wholeTexts.set(analysis.tokens, whole);
      }
      // A copy: the same matches serve every later question about this text.
      if (sentences === analysis.sentences) return [...whole];
      return whole.filter((m) => sentences.some((span) => span.from <= m.from && m.from < span.to));
    },
  };
}

/** Patterns that could start at a token. */
interface Start {
  at: number;
  patterns: number[];
}

/** The first start at or after token `at`. */
function firstStartAt(starts: readonly Start[], at: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts[mid].at < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether a span of tokens is one whole sentence of the text. */
function isSentence(analysis: TextAnalysis, span: { from: number; to: number }): boolean {
  const sentence = analysis.sentences[analysis.tokens[span.from]?.sentence ?? -1];
  return sentence !== undefined && sentence.from === span.from && sentence.to === span.to;
}
