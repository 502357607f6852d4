import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/domain/language/analysis';
import { readReview } from '../../src/domain/rules/reviewLanguage';
import { readLearnedLean as readLean } from '../../src/domain/rules/learnedLean';
import { polarityFeatures } from '../../src/domain/rules/reviewPolarity';

const fields = (body: string, title = '') => readReview({ title, body }, analyse);

describe('the learned polarity of a review', () => {
  it('reads outcomes told without a word of sentiment the way a moderator would', () => {
    const praise = readLean(
      fields(
        "Sculptra in my temples last spring. My sister hasn't stopped asking who did it and I've rebooked.",
      ),
    );
    expect(praise.complaint).toBeLessThan(0.5);
    const complaint = readLean(
      fields(
        'I asked for a subtle lip flip and left with a top lip that sticks out. Paid to have it dissolved elsewhere.',
      ),
    );
    expect(complaint.complaint).toBeGreaterThan(0.8);
  });

  it('counts a word inside a negation apart from the word itself', () => {
    const features = [
      ...polarityFeatures(fields('There was no change at all, though my skin did change colour.')).keys(),
    ];
    expect(features).toContain('not change');
    expect(features).toContain('change');
  });

  it('leaves out names, numbers and words that only build the sentence', () => {
    const features = [
      ...polarityFeatures(
        fields('Dr. Okafor gave me 20 units of Dysport in the clinic on Elm Street.'),
      ).keys(),
    ];
    expect(features).toEqual(expect.arrayContaining(['give', 'unit', 'clinic']));
    for (const left of ['okafor', 'dr.', 'dysport', 'elm', '20', 'me', 'of', 'in', 'the', 'on'])
      expect(features).not.toContain(left);
  });

  it('points at the words that weigh most, each a span of the text it was read in', () => {
    const text =
      'Paid for a full syringe and it was gone in a month. Charged again for the top-up, then left lopsided.';
    const lean = readLean(fields(text, 'Never again'));
    expect(lean.complaintWords.length).toBeGreaterThan(0);
    expect(lean.complaintWords.length).toBeLessThanOrEqual(4);
    for (const span of lean.complaintWords) {
      const source = span.field === 'body' ? text : 'Never again';
      expect(source.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('reads only the words it learned, whatever an object has built in', () => {
    const plain = readLean(fields('The filler settled nicely.')).complaint;
    const odd = readLean(
      fields('The filler settled nicely. My husband, a constructor, drove me home.'),
    ).complaint;
    expect(Number.isFinite(odd)).toBe(true);
    expect(Math.abs(odd - plain)).toBeLessThan(0.3);
  });
});
