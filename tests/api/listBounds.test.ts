import { describe, expect, it } from 'vitest';
import { countBound } from '../../src/domain/listQuery';
import { insertRows } from '../../server/db/bulk';
import { testDialects } from './databases';
import { type ApiRecord, testStart, useTestApi } from './fixtures';

/**
 * What a list does past 10,000 matching records: a filter counts no further than 10,001 (the
 * console's "10,000+"), totals by status alone stay exact, and `q` looks among the newest 10,001
 * records it matches, so a common word costs no more than a rare one.
 */

const ids = (records: ApiRecord[]) => records.map((record) => record.id as number);
const stored = countBound + 2;

describe.each(testDialects)('lists past the count bound on %s', (dialect) => {
  const t = useTestApi(dialect);

  /** 10,002 questions about Botox, oldest first; every thousandth is asked by Rosalind. */
  async function manyQuestions() {
    await insertRows(
      t.db.kysely,
      'questions',
      Array.from({ length: stored }, (_, i) => ({
        title: `Question ${i + 1} about Botox`,
        body:
          i === 0
            ? 'Does Botox wear off, and is the first question ever asked here?'
            : 'Does Botox wear off?',
        procedure: 'Botox',
        askerName: i % 1000 === 0 ? 'Rosalind' : 'Sam',
        createdAt: testStart,
      })),
    );
  }

  it('counts a filter up to 10,001 and keeps the unfiltered total exact', async () => {
    await manyQuestions();
    const unfiltered = await t.api.list('questions', { range: [0, 0] });
    expect(unfiltered.headers.get('content-range')).toBe(`questions 0-0/${stored}`);
    const filtered = await t.api.list('questions', { filter: { procedure: 'Botox' }, range: [0, 0] });
    expect(filtered.headers.get('content-range')).toBe(`questions 0-0/${countBound + 1}`);
  });

  it('searches a common word among its newest 10,001 matches, and says there are more', async () => {
    await manyQuestions();
    const oldestFirst = await t.api.list('questions', {
      filter: { q: 'botox' },
      sort: ['id', 'ASC'],
      range: [0, 2],
    });
    expect(oldestFirst.status, oldestFirst.text).toBe(200);
    expect(oldestFirst.headers.get('content-range')).toBe(`questions 0-2/${countBound + 1}`);
    expect(ids(oldestFirst.body)).toEqual([2, 3, 4]);

    // Another filter narrows the newest matches; the total still says the search went past the bound.
    const rosalind = await t.api.list('questions', {
      filter: { q: 'botox', askerName: 'Rosalind' },
      sort: ['id', 'DESC'],
      range: [0, 24],
    });
    expect(rosalind.headers.get('content-range')).toBe(`questions 0-9/${countBound + 1}`);
    expect(ids(rosalind.body)).toEqual([10001, 9001, 8001, 7001, 6001, 5001, 4001, 3001, 2001, 1001]);
  });

  it('finds every match of a word rarer than the bound, the oldest record included', async () => {
    await manyQuestions();
    const response = await t.api.list('questions', { filter: { q: 'first ques' }, range: [0, 24] });
    expect(response.headers.get('content-range')).toBe('questions 0-0/1');
    expect(ids(response.body)).toEqual([1]);
  });
});
