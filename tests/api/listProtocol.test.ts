import { beforeEach, describe, expect, it } from 'vitest';
import { resourceNames, resourceSpecs } from '../../src/domain/resources';
import { isChecked } from '../../src/domain/rules/registry';
import { testDialects } from './databases';
import { type ApiRecord, buildVariedDataset, type Json, useTestApi, variedSize } from './fixtures';

/**
 * The list protocol on every resource, checked against an oracle: nine varied records are
 * created, read back in full, and every filter and sort the resource offers must answer exactly
 * what filtering and sorting those records in memory gives. List rows leave out what only a show
 * page reads (long texts, rule evidence); a filter on ids alone (react-admin's getMany) gives the
 * records whole.
 */

const rangeKinds = new Set(['id', 'ref', 'int', 'date', 'datetime']);

const ids = (records: ApiRecord[]) => records.map((record) => record.id as number);

/** What a list row carries of a record: the record without `listOmits`, with an excerpt and the failed rules. */
function listRow(spec: (typeof resourceSpecs)[keyof typeof resourceSpecs], record: ApiRecord): ApiRecord {
  const row = { ...record };
  for (const field of spec.listOmits) delete row[field];
  if (spec.listOmits.includes('body')) row.excerpt = record.body.slice(0, 240);
  if (spec.listOmits.includes('ruleResults') && isChecked(spec.name)) {
    row.failedRules = (
      record.ruleResults as { outcome: string; ruleId: string; severity: string; message: string }[]
    )
      .filter((r) => r.outcome === 'fail')
      .map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
  }
  return row;
}

/** Whether a record's searchable text has a word starting with each of the search's words. */
const searchMatches = (fields: readonly string[], record: ApiRecord, terms: string[]) => {
  const words = fields.flatMap((f) => (record[f] ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  return terms.every((term) => words.some((word: string) => word.startsWith(term)));
};

// Text compares by code point, as SQLite and a C-collated PostgreSQL do; the data set's text is
// chosen to sort the same under a linguistic collation too.
const compareValues = (a: Json, b: Json): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0;

/** The values of `field` by how often they occur, rarest first (nulls left out). */
function valuesByRarity(records: ApiRecord[], field: string): Json[] {
  const counts = new Map<Json, number>();
  for (const record of records) {
    if (record[field] !== null) counts.set(record[field], (counts.get(record[field]) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[1] - b[1] || compareValues(a[0], b[0])).map(([value]) => value);
}

/** The order the API promises: by the field, empty values last either way, ties by id. */
function expectedOrder(records: ApiRecord[], field: string, order: 'ASC' | 'DESC'): number[] {
  const direction = order === 'ASC' ? 1 : -1;
  const sorted = [...records].sort((a, b) => {
    const [x, y] = [a[field], b[field]];
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    const byField = x === null ? 0 : compareValues(x, y);
    return direction * (byField || a.id - b.id);
  });
  return ids(sorted);
}

describe.each(testDialects)('the list protocol on %s', (dialect) => {
  const t = useTestApi(dialect);

  describe.each(resourceNames)('%s', (resource) => {
    const spec = resourceSpecs[resource];
    const filterable = Object.keys(spec.fields).filter((field) => spec.fields[field].kind !== 'json');
    let records: ApiRecord[];

    beforeEach(async () => {
      await buildVariedDataset(t, resource);
      const rows = await t.api.all(resource);
      records = await t.api.all(resource, { id: ids(rows) });
      expect(records).toHaveLength(variedSize);
    });

    async function expectFiltered(filter: Record<string, unknown>, expected: ApiRecord[]) {
      const label = JSON.stringify(filter);
      expect(expected.length, `${label} selects some but not all records`).toBeGreaterThan(0);
      expect(expected.length, `${label} selects some but not all records`).toBeLessThan(variedSize);
      const response = await t.api.list(resource, { filter, range: [0, 99] });
      expect(response.status, `${label}: ${response.text}`).toBe(200);
      expect(ids(response.body), label).toEqual(ids(expected));
      // A filter on ids alone is react-admin's getMany: whole records.
      const whole = Object.keys(filter).length === 1 && 'id' in filter;
      const rowOf = (record: ApiRecord) => (whole ? record : listRow(spec, record));
      expect(response.body, label).toEqual(expected.map(rowOf));
      expect(response.headers.get('content-range'), label).toBe(
        `${resource} 0-${expected.length - 1}/${expected.length}`,
      );
    }

    it('serves every record in full and filters by every kind of condition', async () => {
      for (const record of records) {
        const one = await t.api.getOne(resource, record.id);
        expect(one.status).toBe(200);
        expect(one.body).toEqual(record);
      }
      expect(Object.keys(records[0]).sort()).toEqual(Object.keys(spec.fields).sort());
      const rows = await t.api.all(resource);
      expect(rows).toEqual(records.map((record) => listRow(spec, record)));

      // Equality on every field.
      for (const field of filterable) {
        const [value] = valuesByRarity(records, field);
        expect(value, `${resource}.${field} has values in the data set`).toBeDefined();
        await expectFiltered(
          { [field]: value },
          records.filter((record) => record[field] === value),
        );
      }

      // null on every field that is sometimes empty; questions and moderators have no optional fields.
      const sometimesEmpty = filterable.filter(
        (field) => records.some((r) => r[field] === null) && records.some((r) => r[field] !== null),
      );
      expect(sometimesEmpty.length > 0).toBe(!['questions', 'moderators'].includes(resource));
      for (const field of sometimesEmpty) {
        await expectFiltered(
          { [field]: null },
          records.filter((record) => record[field] === null),
        );
      }

      // A list of values (IN) on every field with more values than two.
      let listed = 0;
      for (const field of filterable.filter((f) => spec.fields[f].kind !== 'bool')) {
        const [rarest, next] = valuesByRarity(records, field);
        const expected = records.filter((record) => record[field] === rarest || record[field] === next);
        if (next === undefined || expected.length === variedSize) continue;
        await expectFiltered({ [field]: [rarest, next] }, expected);
        listed += 1;
      }
      expect(listed).toBeGreaterThanOrEqual(3);

      // _gte and _lte bounds on numbers and dates.
      let bounded = 0;
      for (const field of filterable.filter((f) => rangeKinds.has(spec.fields[f].kind))) {
        const values = valuesByRarity(records, field).sort(compareValues);
        if (values.length < 3) continue;
        const [low, middle, high] = [values[0], values[Math.floor(values.length / 2)], values.at(-1)];
        const present = records.filter((record) => record[field] !== null);
        const within = (min: Json, max: Json) =>
          present.filter((r) => compareValues(r[field], min) >= 0 && compareValues(r[field], max) <= 0);
        await expectFiltered({ [`${field}_gte`]: middle }, within(middle, high));
        await expectFiltered({ [`${field}_lte`]: middle }, within(low, middle));
        await expectFiltered({ [`${field}_gte`]: middle, [`${field}_lte`]: middle }, within(middle, middle));
        if (spec.fields[field].kind === 'datetime') {
          // A date-only bound takes in the whole of that day, at either end.
          const day = (middle as string).slice(0, 10);
          const onDay = (cmp: (d: string) => boolean) => present.filter((r) => cmp(r[field].slice(0, 10)));
          await expectFiltered(
            { [`${field}_lte`]: day },
            onDay((d) => d <= day),
          );
          await expectFiltered(
            { [`${field}_gte`]: day },
            onDay((d) => d >= day),
          );
        }
        bounded += 1;
      }
      expect(bounded).toBeGreaterThanOrEqual(2);

      // q over every searchable field, in another case than stored: a whole word, and a word's start.
      for (const field of spec.searchable) {
        const [value] = valuesByRarity(records, field) as string[];
        const word = (value.match(/[\p{L}\p{N}]{3,}/gu) ?? [value])[0].toLowerCase();
        for (const term of [word, word.slice(0, 3)]) {
          const expected = records.filter((record) => searchMatches(spec.searchable, record, [term]));
          if (expected.length === variedSize) continue;
          await expectFiltered({ q: term.toUpperCase() }, expected);
        }
      }
    });

    it('sorts by every sortable field both ways, in pages that never overlap', async () => {
      for (const field of spec.sortable) {
        expect(valuesByRarity(records, field).length, `${field} varies`).toBeGreaterThan(1);
        for (const order of ['ASC', 'DESC'] as const) {
          const seen: number[] = [];
          for (let first = 0; first < variedSize; first += 4) {
            const last = Math.min(first + 3, variedSize - 1);
            const response = await t.api.list(resource, { sort: [field, order], range: [first, first + 3] });
            expect(response.status, response.text).toBe(200);
            expect(response.headers.get('content-range')).toBe(`${resource} ${first}-${last}/${variedSize}`);
            seen.push(...ids(response.body));
          }
          expect(seen, `${field} ${order}`).toEqual(expectedOrder(records, field, order));
          expect(new Set(seen).size).toBe(variedSize);
        }
      }
    });
  });
});
