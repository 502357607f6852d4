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

/** Lower case, accents and curly quotes folded, so "Café’s" matches "cafe's". */
export function fold(text: string): string {
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
