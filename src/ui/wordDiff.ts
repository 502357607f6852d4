/** A run of one text's words: shared with the other text, or its own ('removed' from the first, 'added' in the second). */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** The two texts side by side: each side joins back into its own text exactly. */
export interface WordDiff {
  before: DiffPart[];
  after: DiffPart[];
}

/** Words with the blank after each (and any leading blank on its own). */
const tokens = (text: string): string[] => text.match(/^\s+|\S+\s*/g) ?? [];

const word = (token: string) => token.trim().toLowerCase();

const append = (parts: DiffPart[], kind: DiffPart['kind'], text: string) => {
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
};

/**
 * A word-level diff of `before` against `after` by longest common subsequence, comparing words
 * case-insensitively and ignoring the blanks between them: a template review with a few words
 * changed shows exactly those words. Quadratic, which suits review-length texts.
 */
export function wordDiff(before: string, after: string): WordDiff {
  const a = tokens(before);
  const b = tokens(after);
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] =
        word(a[i]) === word(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const diff: WordDiff = { before: [], after: [] };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && word(a[i]) === word(b[j])) {
      append(diff.before, 'same', a[i++]);
      append(diff.after, 'same', b[j++]);
    } else if (j < b.length && (i === a.length || common[i][j + 1] >= common[i + 1][j])) {
      append(diff.after, 'added', b[j++]);
    } else {
      append(diff.before, 'removed', a[i++]);
    }
  }
  return diff;
}
