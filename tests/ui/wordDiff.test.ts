import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from '../../src/ui/wordDiff';

const joined = (parts: DiffPart[]) => parts.map((part) => part.text).join('');
const own = (parts: DiffPart[]) =>
  parts.filter((part) => part.kind !== 'same').map((part) => part.text.trim());

describe('wordDiff', () => {
  it('marks only the words a template review changed', () => {
    const diff = wordDiff(
      'Dr. Reyes was amazing, my Botox looks natural and the staff were kind.',
      'Dr. Patel was amazing, my filler looks natural and the staff were so kind.',
    );
    expect(own(diff.before)).toEqual(['Reyes', 'Botox']);
    expect(own(diff.after)).toEqual(['Patel', 'filler', 'so']);
    expect(diff.before[0]).toEqual({ kind: 'same', text: 'Dr. ' });
  });

  it('compares words, not case or the blanks between them', () => {
    const diff = wordDiff('Great  results\nTruly', 'great results truly');
    expect(diff.before).toEqual([{ kind: 'same', text: 'Great  results\nTruly' }]);
    expect(diff.after).toEqual([{ kind: 'same', text: 'great results truly' }]);
  });

  it('handles empty texts', () => {
    expect(wordDiff('', '')).toEqual({ before: [], after: [] });
    expect(wordDiff('', 'new words')).toEqual({ before: [], after: [{ kind: 'added', text: 'new words' }] });
    expect(wordDiff('old words', '')).toEqual({
      before: [{ kind: 'removed', text: 'old words' }],
      after: [],
    });
  });

  it('gives back each text exactly, both sides sharing the same words in the same order', () => {
    const words = fc.constantFrom('botox', 'filler', 'great', 'Great', 'staff', 'dr', 'kind', 'never');
    const text = fc
      .array(fc.tuple(words, fc.constantFrom(' ', '  ', '\n')), { maxLength: 14 })
      .map((pairs) => pairs.map(([word, blank]) => word + blank).join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const diff = wordDiff(a, b);
        expect(joined(diff.before)).toBe(a);
        expect(joined(diff.after)).toBe(b);
        const shared = (parts: DiffPart[]) =>
          parts
            .filter((part) => part.kind === 'same')
            .flatMap((part) => part.text.toLowerCase().split(/\s+/).filter(Boolean));
        expect(shared(diff.before)).toEqual(shared(diff.after));
        // Each side holds only its own words besides the shared ones.
        expect(diff.before.every((part) => part.kind !== 'added')).toBe(true);
        expect(diff.after.every((part) => part.kind !== 'removed')).toBe(true);
      }),
    );
  });
});
