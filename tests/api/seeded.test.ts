import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureSize } from '../../server/seed';
import { resourceNames, resourceSpecs } from '../../src/domain/resources';
import { testDialects } from './databases';
import { type ApiRecord, rowCounts, useTestApi } from './fixtures';

/**
 * The protocol over the seeded fixture data, where volume matters: every sort pages through
 * every resource without overlap, and every seeded record survives an edit form's round trip.
 */

const pageSize = 20;

describe.each(testDialects)('the seeded fixture on %s', (dialect) => {
  // Seeded first, then signed in as the demo admin.
  const t = useTestApi(dialect, { seeded: true });
  let counts: Record<string, number>;

  beforeEach(async () => {
    counts = await rowCounts(t.db);
    expect(counts).toMatchObject({
      moderators: 7,
      doctors: fixtureSize.doctors,
      reviews: fixtureSize.reviews,
    });
  });

  it('pages through every resource in every sort, both ways, without overlap or gaps', async () => {
    for (const resource of resourceNames) {
      const total = counts[resource];
      expect(total, resource).toBeGreaterThan(0);
      for (const field of resourceSpecs[resource].sortable) {
        for (const order of ['ASC', 'DESC']) {
          const label = `${resource} by ${field} ${order}`;
          const whole = await t.api.list(resource, { sort: [field, order], range: [0, 999] });
          expect(whole.headers.get('content-range'), label).toBe(`${resource} 0-${total - 1}/${total}`);
          const paged: ApiRecord[] = [];
          for (let first = 0; first < total; first += pageSize) {
            const page = await t.api.list(resource, {
              sort: [field, order],
              range: [first, first + pageSize - 1],
            });
            const last = Math.min(first + pageSize, total) - 1;
            expect(page.headers.get('content-range'), label).toBe(`${resource} ${first}-${last}/${total}`);
            paged.push(...page.body);
          }
          expect(paged, label).toEqual(whole.body);
          expect(new Set(paged.map((r) => r.id)).size, label).toBe(total);
        }
      }
    }
  });

  it('counts each status of each moderated resource so that they add up to the whole', async () => {
    for (const resource of resourceNames) {
      const spec = resourceSpecs[resource];
      if (!spec.statusField) continue;
      let sum = 0;
      for (const status of spec.fields[spec.statusField].values!) {
        const response = await t.api.list(resource, {
          filter: { [spec.statusField]: status },
          range: [0, 0],
        });
        const total = Number(response.headers.get('content-range')!.split('/')[1]);
        if (total > 0) expect(response.body[0][spec.statusField]).toBe(status);
        sum += total;
      }
      expect(sum, resource).toBe(counts[resource]);
    }
  });

  it('takes every seeded record back unchanged, as an edit form sends it', async () => {
    for (const resource of resourceNames.filter((name) => resourceSpecs[name].create)) {
      // An edit form holds the whole record, as getOne and getMany (a filter on ids) answer it.
      const ids = (await t.api.all(resource)).map((row) => row.id);
      const records = await t.api.all(resource, { id: ids });
      expect(records.length, resource).toBe(counts[resource]);
      for (const record of records) {
        const response = await t.api.update(resource, record.id, record);
        expect(response.status, `${resource} ${record.id}: ${response.text}`).toBe(200);
        const { version, ...rest } = response.body;
        expect(rest, `${resource} ${record.id}`).toEqual(
          Object.fromEntries(Object.entries(record).filter(([f]) => f !== 'version')),
        );
        if ('version' in record) expect([record.version, record.version + 1]).toContain(version);
      }
    }
    expect(await rowCounts(t.db)).toEqual(counts);
  });
});
