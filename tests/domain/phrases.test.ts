import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/domain/language/analysis';
import { phrases } from '../../src/domain/language/phrases';

const matched = (patterns: string[], text: string, lists = {}) => {
  const analysis = analyse(text);
  return phrases(patterns, lists)
    .find(analysis)
    .map((m) => [m.pattern, text.slice(m.start, m.end)]);
};

describe('phrase patterns', () => {
  it('matches a pattern whose opening slots are optional at any slot that can begin it', () => {
    const patterns = ['two? different size|shape', 'only|just|barely? spend # minute'];
    expect(matched(patterns, 'My brows ended up two different shapes.')).toEqual([
      [0, 'two different shapes'],
    ]);
    expect(matched(patterns, 'My brows ended up different shapes.')).toEqual([[0, 'different shapes']]);
    expect(matched(patterns, 'He spent 5 minutes with me, barely spent 2 minutes after.')).toEqual([
      [1, 'spent 5 minutes'],
      [1, 'barely spent 2 minutes'],
    ]);
  });

  it('begins a match at a word list entry, a tag or a number, by lemma or as written', () => {
    const lists = { area: ['crow\u2019s feet', 'forehead'] };
    expect(matched(['@area look|looked ADJ'], 'My foreheads looked smooth for months.', lists)).toEqual([
      [0, 'foreheads looked smooth'],
    ]);
    expect(matched(['# unit|units'], 'She used 20 units, not 40.')).toEqual([[0, '20 units']]);
    expect(matched(['=lasted forever'], 'It lasts forever. It lasted forever.')).toEqual([
      [0, 'lasted forever'],
    ]);
  });

  it('reads "I\'m" as "I am", curly apostrophe or straight, with the offsets of the text', () => {
    expect(matched(['i be ~2 the one'], "Honestly, I\u2019m the one. I'm sure of it.")).toEqual([
      [0, 'I\u2019m the one'],
    ]);
    const analysis = analyse("Well, I'm fine. Thanks.");
    expect(analysis.tokens.slice(2, 4).map((t) => [t.text, t.lemma, t.pos])).toEqual([
      ['I', 'i', 'PRON'],
      ["'m", 'be', 'AUX'],
    ]);
    expect(analysis.sentences.map((s) => [s.from, s.to])).toEqual([
      [0, 6],
      [6, 8],
    ]);
  });

  it('skips words within a clause but never across a sentence', () => {
    expect(matched(['last ~2 forever'], 'It lasts pretty much forever.')).toEqual([
      [0, 'lasts pretty much forever'],
    ]);
    expect(matched(['last ~2 forever'], 'It lasts. Forever young.')).toEqual([]);
  });

  it('finds in one sentence, or part of one, what it finds there when asked about the whole text', () => {
    const text = 'It lasts forever. Forever? It lasted forever and then some.';
    const analysis = analyse(text);
    const set = phrases(['last ~2 forever', 'forever']);
    const found = (within?: { from: number; to: number }[]) =>
      set.find(analysis, within).map((m) => [m.pattern, text.slice(m.start, m.end)]);
    expect(found()).toEqual([
      [0, 'lasts forever'],
      [1, 'forever'],
      [1, 'Forever'],
      [0, 'lasted forever'],
      [1, 'forever'],
    ]);
    const [first, second, third] = analysis.sentences;
    expect(found([third])).toEqual([
      [0, 'lasted forever'],
      [1, 'forever'],
    ]);
    expect(found([first, second])).toEqual([
      [0, 'lasts forever'],
      [1, 'forever'],
      [1, 'Forever'],
    ]);
    // Part of a sentence: a match must lie inside it.
    expect(found([{ from: third.from + 2, to: third.to }])).toEqual([[1, 'forever']]);
    expect(found([{ from: third.from, to: third.from + 2 }])).toEqual([]);
  });
});

describe('a text read the same whatever was read before it', () => {
  const words = (text: string) => analyse(text).tokens.map((t) => `${t.normal}/${t.lemma}/${t.pos}`);

  it('splits a word and its "\'s" and tags the word alike after a text ended a sentence with the two', () => {
    const text = "The result looks like a goblin's chin from the side, and the crow's feet are softer.";
    const first = words(text);
    expect(first).toContain('goblin/goblin/NOUN');
    expect(first).toContain('crow/crow/NOUN');
    expect(first).toContain("'s/'s/PART");
    analyse("From the side it looks like a goblin's. Then the crow's.");
    // Enough other texts that the one above is read afresh, not taken from the recent ones.
    for (let i = 0; i < 10; i++) analyse(`Filler number ${i} settled.`);
    expect(words(text)).toEqual(first);
  });

  it('reads the "\'s" of "it\'s" as "is"', () => {
    const tokens = analyse("It's a goblin's chin.").tokens;
    expect(tokens.slice(0, 2).map((t) => t.lemma)).toEqual(['it', 'be']);
  });
});

describe('hyphenated words read in their parts', () => {
  it('splits a word wink keeps whole, so a pattern written with a hyphen finds it', () => {
    const analysis = analyse('Small lumps can re-form after anti-wrinkle injections.');
    expect(analysis.tokens.map((t) => t.text)).toEqual([
      'Small',
      'lumps',
      'can',
      're',
      '-',
      'form',
      'after',
      'anti',
      '-',
      'wrinkle',
      'injections',
      '.',
    ]);
    const found = phrases(['anti - wrinkle injection']).find(analysis);
    expect(found.map((m) => analysis.text.slice(m.start, m.end))).toEqual(['anti-wrinkle injections']);
  });
});

describe('a hyphenated word in a gap', () => {
  it('counts as one word skipped, however many parts', () => {
    expect(
      phrases(['post ~1 photo']).find(analyse('She agreed to post before-and-after photos.')),
    ).toHaveLength(1);
    expect(
      phrases(['post ~1 photo']).find(analyse('She agreed to post two before-and-after photos.')),
    ).toHaveLength(0);
  });
});
