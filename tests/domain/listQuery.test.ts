import { describe, expect, it } from 'vitest';
import {
  countBound,
  formatTotal,
  InvalidListQuery,
  maxPageSize,
  parseListQuery,
} from '../../src/domain/listQuery';
import { resourceSpecs } from '../../src/domain/resources';

const { reviews, doctors, audit, moderators } = resourceSpecs;

const filter = (value: unknown, spec = reviews) =>
  parseListQuery(spec, { filter: typeof value === 'string' ? value : JSON.stringify(value) }).conditions;

/** The InvalidListQuery that parsing throws. */
function refusal(run: () => unknown): InvalidListQuery {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidListQuery);
    return error as InvalidListQuery;
  }
  throw new Error('expected the query to be refused');
}

describe('parseListQuery', () => {
  it('reads absent or empty parameters as everything, by id, one full page', () => {
    const everything = {
      conditions: [],
      projection: 'list',
      sort: { field: 'id', order: 'asc' },
      offset: 0,
      limit: maxPageSize,
    };
    expect(parseListQuery(reviews, {})).toEqual(everything);
    expect(parseListQuery(reviews, { filter: '', sort: '', range: '' })).toEqual(everything);
    expect(parseListQuery(reviews, { filter: '{}' }).conditions).toEqual([]);
    expect(maxPageSize).toBe(1000);
  });

  describe('filter', () => {
    it.each(['{bad', "{'a':1}", '{"a":1', 'undefined', '%7B%7D'])('refuses malformed JSON %j', (raw) => {
      const error = refusal(() => filter(raw));
      expect([error.param, error.message]).toEqual(['filter', 'filter is not valid JSON']);
    });

    it.each(['[]', '[{"status":"pending"}]', '"status"', '1', 'null', 'true'])(
      'refuses %s: not an object',
      (raw) => {
        const error = refusal(() => filter(raw));
        expect([error.param, error.message]).toEqual(['filter', 'filter must be a JSON object']);
      },
    );

    it('reads a value as equality, an array as IN and null as IS NULL', () => {
      expect(filter({ status: 'pending', doctorId: [3, '4'], treatmentDate: null })).toEqual([
        { op: 'eq', field: 'status', value: 'pending' },
        { op: 'in', field: 'doctorId', values: [3, 4] },
        { op: 'isNull', field: 'treatmentDate' },
      ]);
      expect(filter({ id: [] })).toEqual([{ op: 'in', field: 'id', values: [] }]);
    });

    it('refuses fields the resource does not have, inherited names included', () => {
      for (const key of ['nope', 'passwordHash', 'toString', 'constructor', '__proto__', 'hasOwnProperty']) {
        const error = refusal(() => filter(`{"${key}":1}`, moderators));
        expect([error.param, error.message]).toEqual(['filter', `moderators cannot be filtered by ${key}`]);
      }
      expect(refusal(() => filter({ nope_gte: 1 })).message).toBe('reviews cannot be filtered by nope_gte');
    });

    it('lists at most the page size of values in one IN', () => {
      const ids = Array.from({ length: maxPageSize }, (_, i) => i + 1);
      expect(filter({ id: ids })).toEqual([{ op: 'in', field: 'id', values: ids }]);
      expect(refusal(() => filter({ id: [...ids, 0] })).message).toBe(
        `id lists at most ${maxPageSize} values`,
      );
    });

    it('refuses a filter on a JSON field', () => {
      expect(refusal(() => filter({ ruleResults: ['x'] })).message).toBe(
        'filter ruleResults expects nothing: it cannot be filtered',
      );
      expect(refusal(() => filter({ documents: 'x' }, doctors)).message).toMatch(/cannot be filtered/);
    });
  });

  describe('filter values by field kind', () => {
    it.each([
      [5, 5],
      ['5', 5],
      ['-3', -3],
      [0, 0],
      ['999999999999999', 999999999999999],
    ])('reads the integer %j as %j', (raw, value) => {
      expect(filter({ rating: raw })).toEqual([{ op: 'eq', field: 'rating', value }]);
    });

    it.each([1.5, '1.5', 'abc', '', ' 5', '1e3', true, null, {}, '9999999999999999', 2 ** 53])(
      'refuses %j for an integer',
      (raw) => {
        const run = () => filter({ doctorId: [raw] });
        expect([refusal(run).param, refusal(run).message]).toEqual([
          'filter',
          'filter doctorId expects an integer',
        ]);
      },
    );

    it('reads booleans as the stored 1 and 0', () => {
      expect(filter({ reviewerEmailVerified: true, reviewerPhoneVerified: 'false' })).toEqual([
        { op: 'eq', field: 'reviewerEmailVerified', value: 1 },
        { op: 'eq', field: 'reviewerPhoneVerified', value: 0 },
      ]);
      for (const raw of [1, 0, 'yes', 'TRUE', '']) {
        expect(refusal(() => filter({ reviewerEmailVerified: raw })).message).toBe(
          'filter reviewerEmailVerified expects true or false',
        );
      }
    });

    it('takes only the listed values of an enum', () => {
      expect(filter({ status: ['approved', 'escalated'] })).toEqual([
        { op: 'in', field: 'status', values: ['approved', 'escalated'] },
      ]);
      for (const raw of ['deleted', 'Pending', 1, null]) {
        expect(refusal(() => filter({ status: [raw] })).message).toBe(
          'filter status expects one of pending, approved, rejected, escalated',
        );
      }
      expect(refusal(() => filter({ verificationStatus: 'approved' }, doctors)).message).toMatch(
        /one of unverified/,
      );
    });

    // Timestamps are stored as toISOString() text, so a bound with a time is read the same way.
    it.each([
      ['2026-11-01', '2026-11-01'],
      ['2026-11-01T10:00:00Z', '2026-11-01T10:00:00.000Z'],
      ['2026-11-01T10:00:00.123Z', '2026-11-01T10:00:00.123Z'],
      ['2026-11-01 10:00', '2026-11-01T10:00:00.000Z'],
    ])('takes the ISO date %j as %j', (raw, stored) => {
      expect(filter({ createdAt: raw })).toEqual([{ op: 'eq', field: 'createdAt', value: stored }]);
    });

    it.each(['yesterday', '2026-1-1', '01/11/2026', '2026-11-01T10:00:00+02:00', 20261101, ''])(
      'refuses %j for a date',
      (raw) => {
        expect(refusal(() => filter({ treatmentDate: raw })).message).toBe(
          'filter treatmentDate expects an ISO date',
        );
      },
    );

    it('takes text up to 200 characters', () => {
      expect(filter({ title: 'x'.repeat(200) })).toEqual([
        { op: 'eq', field: 'title', value: 'x'.repeat(200) },
      ]);
      for (const raw of ['x'.repeat(201), 5, true, { a: 1 }]) {
        expect(refusal(() => filter({ title: raw })).message).toBe(
          'filter title expects a string of at most 200 characters',
        );
      }
    });
  });

  describe('q', () => {
    it('searches the words of the text, lower-cased, whatever punctuation stands between them', () => {
      expect(filter({ q: '  Botox  ' })).toEqual([{ op: 'search', terms: ['botox'] }]);
      expect(filter({ q: '100%_x Élise' }, doctors)).toEqual([
        { op: 'search', terms: ['100', 'x', 'élise'] },
      ]);
      expect(filter({ q: 'one two three four five six seven eight nine' })).toEqual([
        { op: 'search', terms: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'] },
      ]);
      expect(filter({ q: 'x'.repeat(200) })).toHaveLength(1);
    });

    it('ignores a q without a word in it', () => {
      expect(filter({ q: '' })).toEqual([]);
      expect(filter({ q: ' \t ' })).toEqual([]);
      expect(filter({ q: '%_\\' })).toEqual([]);
    });

    it('reads a filter on ids alone as whole records (getMany), any other as list rows', () => {
      const projection = (raw: object) => parseListQuery(reviews, { filter: JSON.stringify(raw) }).projection;
      expect(projection({ id: [1, 2] })).toBe('records');
      expect(projection({ id: 3 })).toBe('records');
      expect(projection({ id: [1, 2], status: 'pending' })).toBe('list');
      expect(projection({})).toBe('list');
    });

    it.each([5, null, ['a'], { a: 1 }, 'x'.repeat(201)])('refuses %j', (q) => {
      const error = refusal(() => filter({ q }));
      expect([error.param, error.message]).toEqual([
        'filter',
        'q must be a string of at most 200 characters',
      ]);
    });
  });

  describe('_gte and _lte', () => {
    it('bound numbers and dates', () => {
      expect(
        filter({
          rating_gte: 2,
          rating_lte: '4',
          id_gte: 10,
          doctorId_lte: 3,
          treatmentDate_gte: '2026-01-01',
        }),
      ).toEqual([
        { op: 'gte', field: 'rating', value: 2 },
        { op: 'lte', field: 'rating', value: 4 },
        { op: 'gte', field: 'id', value: 10 },
        { op: 'lte', field: 'doctorId', value: 3 },
        { op: 'gte', field: 'treatmentDate', value: '2026-01-01' },
      ]);
    });

    it('read a date-only upper bound on a timestamp as the end of that day', () => {
      expect(filter({ createdAt_lte: '2026-10-01' })).toEqual([
        { op: 'lte', field: 'createdAt', value: '2026-10-01T23:59:59.999Z' },
      ]);
      expect(filter({ at_lte: '2026-10-01' }, audit)).toEqual([
        { op: 'lte', field: 'at', value: '2026-10-01T23:59:59.999Z' },
      ]);
      // A lower bound, a full timestamp and a date field keep the value as sent.
      expect(filter({ createdAt_gte: '2026-10-01' })).toEqual([
        { op: 'gte', field: 'createdAt', value: '2026-10-01' },
      ]);
      expect(filter({ createdAt_lte: '2026-10-01T12:00:00Z' })).toEqual([
        { op: 'lte', field: 'createdAt', value: '2026-10-01T12:00:00.000Z' },
      ]);
      expect(filter({ treatmentDate_lte: '2026-10-01' })).toEqual([
        { op: 'lte', field: 'treatmentDate', value: '2026-10-01' },
      ]);
    });

    it.each([
      ['title_gte', 'a'],
      ['status_lte', 'pending'],
      ['reviewerEmailVerified_gte', true],
      ['ruleResults_lte', 1],
    ])('refuse %s: only numbers and dates have bounds', (key, value) => {
      expect(refusal(() => filter({ [key]: value })).message).toBe(
        `${key}: only numbers and dates take _gte and _lte`,
      );
    });

    it('refuse null, lists and values of the wrong kind', () => {
      expect(refusal(() => filter({ rating_gte: null })).message).toBe(
        'filter rating_gte expects an integer',
      );
      expect(refusal(() => filter({ rating_gte: [1, 2] })).message).toBe(
        'filter rating_gte expects an integer',
      );
      expect(refusal(() => filter({ createdAt_lte: 'today' })).message).toBe(
        'filter createdAt_lte expects an ISO date',
      );
    });
  });

  describe('sort', () => {
    it('reads ["field","ASC"|"DESC"] in any case', () => {
      expect(parseListQuery(reviews, { sort: '["rating","DESC"]' }).sort).toEqual({
        field: 'rating',
        order: 'desc',
      });
      expect(parseListQuery(reviews, { sort: '["createdAt","asc"]' }).sort).toEqual({
        field: 'createdAt',
        order: 'asc',
      });
      expect(parseListQuery(reviews, { sort: '["id","Desc"]' }).sort).toEqual({ field: 'id', order: 'desc' });
    });

    it('refuses malformed JSON and other shapes', () => {
      expect(refusal(() => parseListQuery(reviews, { sort: '[id,ASC]' })).message).toBe(
        'sort is not valid JSON',
      );
      for (const raw of [
        '"id"',
        '["id"]',
        '["id","ASC","x"]',
        '[1,"ASC"]',
        '["id",1]',
        '{"id":"ASC"}',
        'null',
      ]) {
        const error = refusal(() => parseListQuery(reviews, { sort: raw }));
        expect([error.param, error.message], raw).toEqual(['sort', 'sort must be ["field","ASC"|"DESC"]']);
      }
    });

    it('takes only the sortable fields', () => {
      for (const field of ['reviewerEmail', 'body', 'nope', 'passwordHash', 'toString']) {
        const error = refusal(() => parseListQuery(reviews, { sort: JSON.stringify([field, 'ASC']) }));
        expect([error.param, error.message]).toEqual([
          'sort',
          `reviews can be sorted by ${reviews.sortable.join(', ')}, not ${field}`,
        ]);
      }
    });

    it('takes only ASC and DESC', () => {
      for (const order of ['UP', '', 'ascending', 'random()']) {
        expect(refusal(() => parseListQuery(reviews, { sort: JSON.stringify(['id', order]) })).message).toBe(
          'sort order must be ASC or DESC',
        );
      }
    });
  });

  describe('range', () => {
    it('reads [first,last] as an offset and a limit', () => {
      expect(parseListQuery(reviews, { range: '[0,24]' })).toMatchObject({ offset: 0, limit: 25 });
      expect(parseListQuery(reviews, { range: '[50,74]' })).toMatchObject({ offset: 50, limit: 25 });
      expect(parseListQuery(reviews, { range: '[7,7]' })).toMatchObject({ offset: 7, limit: 1 });
      expect(parseListQuery(reviews, { range: `[1000,${999 + maxPageSize}]` })).toMatchObject({
        offset: 1000,
        limit: maxPageSize,
      });
    });

    it.each([
      '[5,2]',
      '[-1,3]',
      '[0,1.5]',
      '["0","9"]',
      '[0]',
      '[0,9,10]',
      '{"0":0,"1":9}',
      '[0,1e300]',
      'null',
    ])('refuses %s', (raw) => {
      const error = refusal(() => parseListQuery(reviews, { range: raw }));
      expect([error.param, error.message]).toEqual([
        'range',
        'range must be [first, last] with 0 <= first <= last',
      ]);
    });

    it('refuses malformed JSON and more than a page of rows', () => {
      expect(refusal(() => parseListQuery(reviews, { range: '[0,9' })).message).toBe(
        'range is not valid JSON',
      );
      const error = refusal(() => parseListQuery(reviews, { range: `[0,${maxPageSize}]` }));
      expect([error.param, error.message]).toEqual(['range', `range spans at most ${maxPageSize} rows`]);
    });
  });
});

describe('formatTotal', () => {
  it('reads "10,000+" only where a count stopped at its bound', () => {
    expect(formatTotal(0)).toBe('0');
    expect(formatTotal(countBound)).toBe('10,000');
    expect(formatTotal(countBound + 1)).toBe('10,000+');
  });

  it('reads an exact total beyond the bound, such as the pending count kept by status, as it is', () => {
    expect(formatTotal(647_349)).toBe('647,349');
    expect(formatTotal(countBound + 2)).toBe('10,002');
  });
});
