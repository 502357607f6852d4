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
 *   matches "best"; `=word` matches only as written;
 * - an upper-case tag matches a part of speech (`ADJ`, `NOUN`, `NUM`, `PROPN`, ...);
 * - `#` a number, `$` a currency sign, `*` any word;
 * - `@name` any entry of the named word list, entries may be several words ("crow's feet");
 * - a `?` after a slot makes it optional; `~N` skips up to N words within the clause.
 *
 * Matches never cross a sentence and report token indices and character offsets.
 */

type Alternative =
  | { kind: 'words'; words: string[]; exact: boolean }
  | { kind: 'tag'; tag: string }
  | { kind: 'number' }
  | { kind: 'currency' }
  | { kind: 'any' };

type Slot =
  | {
      kind: 'match';
      optional: boolean;
      /** Word alternatives by their first word, so a token is tried only against those it can start. */
      byWord: Map<string, Alternative[]>;
      /** Parts of speech, numbers, currency, any word. */
      others: Alternative[];
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
    return [{ kind: 'words', words: splitWords(exact ? alt.slice(1) : alt), exact }];
  });
  const byWord = new Map<string, Alternative[]>();
  const others: Alternative[] = [];
  for (const alt of alternatives) {
    if (alt.kind !== 'words') others.push(alt);
    else byWord.set(alt.words[0], [...(byWord.get(alt.words[0]) ?? []), alt]);
  }
  return { kind: 'match', optional, byWord, others };
}

const tokenKeys = new WeakMap<Token, string[]>();

/** The words a token can start an alternative with: its form, its lemma, a plural's singular. */
function keysOf(token: Token): string[] {
  let keys = tokenKeys.get(token);
  if (!keys) {
    keys = [token.normal];
    if (token.lemma !== token.normal) keys.push(token.lemma);
    if (token.lemma === token.normal || token.pos === 'PROPN') {
      if (token.normal.endsWith('es')) keys.push(token.normal.slice(0, -2));
      if (token.normal.endsWith('s')) keys.push(token.normal.slice(0, -1));
    }
    tokenKeys.set(token, keys);
  }
  return keys;
}

const noAlternatives: Alternative[] = [];
const noEnds: number[] = [];

/** The alternatives of a slot that a token can start. */
function candidates(slot: Extract<Slot, { kind: 'match' }>, token: Token | undefined): Alternative[] {
  if (!token) return noAlternatives;
  let found: Alternative[] | null = null;
  for (const key of keysOf(token)) {
    const alternatives = slot.byWord.get(key);
    if (alternatives) found = found ? found.concat(alternatives) : alternatives;
  }
  if (slot.others.length === 0) return found ?? noAlternatives;
  return found ? slot.others.concat(found) : slot.others;
}

const isWord = (t: Token) => t.type !== 'punctuation' && t.type !== 'tabCRLF';
const breaksGap = (t: Token) =>
  t.type === 'tabCRLF' || (t.type === 'punctuation' && t.text !== '-' && t.text !== "'");

function wordMatches(token: Token, word: string, exact: boolean): boolean {
  if (token.normal === word) return true;
  if (exact) return false;
  if (token.lemma === word) return true;
  // A plural wink does not know ("underarms"), or a capitalised one opening a sentence that it
  // takes for a name ("Lips look great"), is left as written.
  const unlemmatised = token.lemma === token.normal || token.pos === 'PROPN';
  return unlemmatised && (token.normal === `${word}s` || token.normal === `${word}es`);
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
      for (let k = 0; k < alt.words.length; k++) {
        if (!wordMatches(tokens[at + k], alt.words[k], alt.exact)) return [];
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
  const alternatives = candidates(slot, tokens[at]);
  const ends =
    alternatives.length === 0
      ? noEnds
      : alternatives.flatMap((alt) => altEnds(alt, tokens, at, limit)).sort((a, b) => b - a);
  for (const next of ends) {
    const end = matchFrom(slots, s + 1, tokens, next, limit);
    if (end >= 0) return end;
  }
  return slot.optional ? matchFrom(slots, s + 1, tokens, at, limit) : -1;
}

export interface PhraseSet {
  /** Every match of every pattern, leftmost first; a pattern's matches do not overlap one another. */
  find(analysis: TextAnalysis, sentences?: { from: number; to: number }[]): PhraseMatch[];
}

export function phrases(sources: readonly string[], lists: WordLists = {}): PhraseSet {
  const compiled = sources.map((source) =>
    source
      .trim()
      .split(/\s+/)
      .map((slot) => compileSlot(slot, lists)),
  );
  // Which patterns a token can start, by the words their first slot begins with; a pattern that
  // opens with a gap, an optional slot or a part of speech is tried everywhere.
  const byFirstWord = new Map<string, number[]>();
  const anywhere: number[] = [];
  compiled.forEach((slots, pattern) => {
    const first = slots[0];
    if (first.kind === 'gap' || first.optional || first.others.length > 0) anywhere.push(pattern);
    else
      for (const word of first.byWord.keys())
        byFirstWord.set(word, [...(byFirstWord.get(word) ?? []), pattern]);
  });
  const startingAt = (token: Token): number[] => {
    const found = new Set(anywhere);
    for (const key of keysOf(token)) for (const pattern of byFirstWord.get(key) ?? []) found.add(pattern);
    return [...found].sort((a, b) => a - b);
  };
  return {
    find(analysis, sentences = analysis.sentences) {
      const { tokens } = analysis;
      const found: PhraseMatch[] = [];
      for (const { from, to } of sentences) {
        // A pattern's matches do not overlap: each pattern resumes after its last match.
        const resume = new Map<number, number>();
        for (let at = from; at < to; at++) {
          for (const pattern of startingAt(tokens[at])) {
            if (at < (resume.get(pattern) ?? from)) continue;
            const end = matchFrom(compiled[pattern], 0, tokens, at, to);
            if (end <= at) continue;
            found.push({ pattern, from: at, to: end, start: tokens[at].start, end: tokens[end - 1].end });
            resume.set(pattern, end);
          }
        }
      }
      return found.sort((a, b) => a.from - b.from || b.to - a.to);
    },
  };
}
