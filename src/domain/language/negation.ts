/**
 * Words that deny what follows them in their clause, as the analysis reads them: wink's own
 * negations and the rest ("nobody", "without"), and the same typed without an apostrophe (wink
 * splits "dont" into do + nt, and keeps a few, such as "didnt", whole). Pure data: the console may
 * import it without the language model.
 */
export const negators: ReadonlySet<string> = new Set([
  'no',
  'not',
  "n't",
  'nt',
  'dont',
  'didnt',
  'doesnt',
  'isnt',
  'wasnt',
  'werent',
  'arent',
  'cant',
  'wont',
  'wouldnt',
  'couldnt',
  'havent',
  'hasnt',
  'aint',
  'never',
  'nobody',
  'nothing',
  'none',
  'neither',
  'nor',
  'without',
  'hardly',
  'barely',
  'cannot',
  'zero',
]);

/** Where a negation's reach ends, and a clause with it: the words and marks that open another. */
export const clauseEnds: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '(',
  ')',
  '—',
  '–',
  '-',
  'but',
  'although',
  'though',
  'however',
  'whereas',
  'unless',
  'yet',
  'because',
  'so',
  'and',
  'while',
  'which',
]);
