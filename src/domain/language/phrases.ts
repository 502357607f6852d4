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
const breaksGap = (t: Token) =>
  t.type === 'tabCRLF' || (t.type === 'punctuation' && t.text !== '-' && t.text !== "'");

function wordMatches(token: Token, word: string, lemma: string, exact: boolean): boolean {
  return token.normal === word || (!exact && (token.lemma === word || token.lemma === lemma));
}

/** The token indices where an alternative starting at `at` could end. */
function altEnds(alt: Alternative, tokens: Token[], at: number, limit: number): number[] {
  const token = tokens[at];
  if (at >= limit) return [];
  switch (alt.kind) {
    case 'number':
      return token.type === 'number' || token.pos === 'NUM' ? [at + 1] : [];
    case 'currency':
      return token.type === 'currency' ? [at + 1] : [];
    case 'any':
      return isWord(token) ? [at + 1] : [];
    case 'tag':
      return token.pos === alt.tag ? [at + 1] : [];
    case 'words': {
      if (at + alt.words.length > limit) return [];
      const lemmas = alt.lemmas!;
      for (let k = 0; k < alt.words.length; k++) {
        if (!wordMatches(tokens[at + k], alt.words[k], lemmas[k], alt.exact)) return [];
      }
      return [at + alt.words.length];
    }
  }
}

function matchFrom(slots: Slot[], s: number, tokens: Token[], at: number, limit: number): number {
  if (s === slots.length) return at;
  const slot = slots[s];
  if (slot.kind === 'gap') {
    for (let skip = 0, j = at; skip <= slot.reach && j <= limit; skip++, j++) {
      const end = matchFrom(slots, s + 1, tokens, j, limit);
      if (end >= 0) return end;
      if (j >= limit || breaksGap(tokens[j])) break;
    }
    return -1;
  }
  // The longest way to fill a slot first, so a highlight covers "lasts you forever", not "lasts".
  const ends: number[] = [];
  if (at < limit) {
    const token = tokens[at];
    const candidates = [
      ...(slot.byWord!.get(token.normal) ?? []),
      ...(token.lemma !== token.normal ? (slot.byWord!.get(token.lemma) ?? []) : []),
      ...slot.open!,
    ];
    for (const alt of candidates) ends.push(...altEnds(alt, tokens, at, limit));
  }
  ends.sort((a, b) => b - a);
  for (const next of ends) {
    const end = matchFrom(slots, s + 1, tokens, next, limit);
    if (end >= 0) return end;
  }
  return slot.optional ? matchFrom(slots, s + 1, tokens, at, limit) : -1;
}

/**
 * A plural or third-person word's base form ("buttocks" -> "buttock", "lasts" -> "last"), and no
 * other: "best" stays "best", since its lemma "good" would also find every "good".
 */
function singular(word: string, lemmaOf: (word: string) => string): string {
  const lemma = lemmaOf(word);
  return word === `${lemma}s` || word === `${lemma}es` ? lemma : word;
}

export interface PhraseSet {
  /** Every match of every pattern, leftmost first; a pattern's matches do not overlap one another. */
  find(analysis: TextAnalysis, sentences?: { from: number; to: number }[]): PhraseMatch[];
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
  // Each slot's alternatives are indexed by their first word, and each pattern by the words it can
  // start with, so a text is only tried against the patterns its words could begin.
  let lemmatised = false;
  const anchored = new Map<string, number[]>();
  const unanchored: number[] = [];
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
      const first = slots[0];
      if (first.kind !== 'match' || first.optional || first.open!.length > 0) {
        unanchored.push(pattern);
        return;
      }
      for (const key of first.byWord!.keys()) anchored.set(key, [...(anchored.get(key) ?? []), pattern]);
    });
    lemmatised = true;
  };
  return {
    find(analysis, sentences = analysis.sentences) {
      if (!lemmatised) lemmatise(analysis.lemmaOf);
      const { tokens } = analysis;
      const found: PhraseMatch[] = [];
      // Where each pattern may match next: its matches do not overlap one another.
      const free = new Map<number, number>();
      for (const { from, to } of sentences) {
        for (let at = from; at < to; at++) {
          const token = tokens[at];
          const patterns = new Set([
            ...(anchored.get(token.normal) ?? []),
            ...(anchored.get(token.lemma) ?? []),
            ...unanchored,
          ]);
          for (const pattern of patterns) {
            if ((free.get(pattern) ?? 0) > at) continue;
            const end = matchFrom(compiled[pattern], 0, tokens, at, to);
            if (end <= at) continue;
            found.push({ pattern, from: at, to: end, start: token.start, end: tokens[end - 1].end });
            free.set(pattern, end);
          }
        }
      }
      return found.sort((a, b) => a.from - b.from || b.to - a.to || a.pattern - b.pattern);
    },
  };
}
