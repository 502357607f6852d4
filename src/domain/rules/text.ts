/**
 * Text as the rules read it: sentences with their offsets in the original field, so that a rule
 * can point at the exact words that made it fire, and words folded for matching.
 */

export interface Sentence {
  text: string;
  /** Offset of the sentence's first character in the field (UTF-16 code units). */
  start: number;
  end: number;
}

// A full stop ends a sentence unless it belongs to a title ("Dr."), an initial ("J.") or a
// decimal ("0.5 ml"); line breaks always end one, since answers are often written as lists.
const abbreviations = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'st',
  'vs',
  'e.g',
  'i.e',
  'etc',
  'approx',
  'no',
  'jr',
  'sr',
]);

export function sentences(field: string): Sentence[] {
  const found: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = field.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) found.push({ text, start: start + lead, end: start + lead + text.length });
    start = end;
  };
  for (let i = 0; i < field.length; i++) {
    const ch = field[i];
    if (ch === '\n') {
      push(i + 1);
    } else if (ch === '!' || ch === '?') {
      while (i + 1 < field.length && /[!?"')\]]/.test(field[i + 1])) i++;
      push(i + 1);
    } else if (ch === '.') {
      if (/\d/.test(field[i + 1] ?? '') || /[a-z]/i.test(field[i + 1] ?? '')) continue;
      const word = /([A-Za-z.]+)$/.exec(field.slice(Math.max(0, i - 8), i))?.[1].toLowerCase() ?? '';
      if (abbreviations.has(word) || /^[a-z]$/i.test(word)) continue;
      while (i + 1 < field.length && /["')\]]/.test(field[i + 1])) i++;
      push(i + 1);
    }
  }
  push(field.length);
  return found;
}

const ascii = /^[^\u0080-\uffff]*$/;

/** Lower case, accents and curly quotes folded, so "Café’s" matches "cafe's". */
export function fold(text: string): string {
  // Every rule folds every word: ASCII, nearly all of them, has nothing to decompose or replace.
  if (ascii.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase();
}

/** The words of a text, folded; apostrophes stay inside words ("can't"). */
export function words(text: string): string[] {
  return fold(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/**
 * fold() with every offset kept, so that a match in the folded text points at the same characters
 * in the original: a character whose folded form would change the length is only lower-cased.
 */
export function foldAligned(text: string): string {
  if (/^[\x20-\x7e\s]*$/.test(text)) return text.toLowerCase();
  // ASCII lower-cases in bulk; only the other characters are folded one at a time.
  let folded = '';
  let from = 0;
  for (const { 0: ch, index } of text.matchAll(/[\u0080-\u{10ffff}]/gu)) {
    folded += text.slice(from, index).toLowerCase();
    const f = fold(ch);
    folded += f.length === ch.length ? f : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
    from = index + ch.length;
  }
  return folded + text.slice(from).toLowerCase();
}

/**
 * Every match of a global pattern, as matchAll finds them, without the copy of the pattern that
 * matchAll makes on each call: the rules scan every sentence with dozens of patterns.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m);
    if (m[0] === '') pattern.lastIndex++;
  }
  return found;
}

/** Where a clause ends for negation: a negator before it says nothing about the words after it. */
const clauseBreak =
  /[,;:()]|\s-\s|\b(?:but|although|though|however|whereas|yet|because|since|so|and then|which means)\b/g;
const negator = /\b(?:no|not|never|none|nothing|nobody|neither|nor|without|cannot|hardly|no one)\b|n't\b/;
const negationReach = 7;

/**
 * Framing that puts a claim in someone else's mouth or warns about it: the words after it are
 * reported, not asserted ("be wary of anyone who promises...", "clinics that claim...").
 */
const distancing = new RegExp(
  [
    String.raw`\b(?:anyone|anybody|someone|somebody|whoever|clinics?|providers?|injectors?|doctors?|places|offices|spas?|ads?|those|people) (?:who|that|which)\b`,
    String.raw`\b(?:wary|beware|careful|cautious|skeptical|sceptical|suspicious|red flags?|walk away|run)\b`,
    String.raw`\b(?:myths?|misconceptions?|marketing|claims?|claiming|claimed|promises|promising|promised|advertis\w*)\b`,
    String.raw`\bwhether\b|\bif (?:someone|anyone|somebody|a clinic|a provider|an injector|they|you (?:hear|read|see|are told))\b`,
    String.raw`\b(?:people|patients|many|some|you|they|everyone) (?:often |sometimes |still |may )?(?:think|thinks|believe|believes|assume|assumes|expect|hope|wonder|ask|asks)\b`,
    String.raw`\b(?:some|other|many|they|others|injectors|clinics|ads|websites) (?:\w+ )?(?:say|says|tell you|claim)\b`,
    String.raw`\b(?:you )?(?:may have |might have )?(?:heard|read online|been told|told you|tells you)\b`,
  ].join('|'),
);

/** A denial that follows the words: "permanent Botox does not exist", "...is a myth". */
// A warning or a rebuttal that follows the words, even past a comma: "50% off Botox, can be a red
// flag", "...lasts forever, but that is false".
const warnedAfter =
  /^[^.;]{0,60}?\b(?:red flags?|warning signs?|be (?:cautious|wary|careful)|but (?:that|this|it)(?:'s| is) (?:false|not true|a myth|wrong))\b/;

const deniedAfter =
  /^[^,;:]{0,30}?\b(?:(?:is|are|was|were|does|do)(?:n't| not)\b|(?:is|are) (?:a |just a )?(?:myths?|false|impossible|unrealistic|misleading)\b|not (?:true|real|possible|realistic)\b|no such thing\b)/;

function clauseBefore(folded: string, start: number): string {
  const before = folded.slice(0, start);
  let cut = 0;
  for (const m of matchesOf(clauseBreak, before)) cut = m.index + m[0].length;
  return before.slice(cut);
}

/**
 * Whether the words at [start, end) of a sentence (folded with foldAligned) are stated as the
 * writer's own claim, rather than denied ("no procedure is risk-free", "it will not be permanent"),
 * reported or warned about ("be wary of anyone who promises no side effects"), or asked about.
 */
export function isAsserted(folded: string, start: number, end: number): boolean {
  if (/\?\s*$/.test(folded)) return false;
  const lead = words(clauseBefore(folded, start)).slice(-negationReach).join(' ');
  if (negator.test(lead)) return false;
  if (distancing.test(folded.slice(0, start))) return false;
  const after = folded.slice(end);
  return !deniedAfter.test(after) && !warnedAfter.test(after);
}
