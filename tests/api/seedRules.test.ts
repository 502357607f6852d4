import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrate, openDb } from '../../server/db/connection';
import { demoSize, seedDemo } from '../../server/seed';
import { AnswerKey } from '../../server/seed/answerKey';
import type { RuleResult } from '../../src/domain/model';
import { rulesByType } from '../../src/domain/rules/registry';
import { riskScore } from '../../src/domain/rules/riskScore';

/**
 * The demo data as the rules judge it: every item carries results, every planted problem is
 * caught by the rule it was planted for, and the honest items stay clean.
 */

let db: Db;
const key = new AnswerKey();

beforeAll(async () => {
  db = openDb(':memory:');
  await migrate(db);
  await seedDemo(db, { size: demoSize, asOf: '2026-11-01', answerKey: key });
}, 120_000);
afterAll(() => db.close());

async function checked(type: 'answers' | 'reviews') {
  const rows = await db.kysely
    .selectFrom(type)
    .select(['id', 'ruleResults', 'riskScore'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    riskScore: row.riskScore,
    results: JSON.parse(row.ruleResults) as RuleResult[],
  }));
}

const failing = (results: RuleResult[]) => results.filter((r) => r.outcome === 'fail').map((r) => r.ruleId);

describe.each(['answers', 'reviews'] as const)('the demo %s', (type) => {
  it('all carry a result of every rule and the risk those results give', async () => {
    const items = await checked(type);
    expect(items).toHaveLength(demoSize[type]);
    const ruleIds = rulesByType[type].map((rule) => rule.id);
    for (const item of items) {
      expect(item.results.map((r) => r.ruleId)).toEqual(ruleIds);
      expect(item.riskScore).toBe(riskScore(item.results));
    }
  });
});

describe('the demo answers', () => {
  it('fail the rule each planted problem was planted for', async () => {
    const missed: string[] = [];
    for (const item of await checked('answers')) {
      for (const ruleId of key.answers.get(item.id) ?? []) {
        if (!failing(item.results).includes(ruleId)) missed.push(`answer ${item.id} ${ruleId}`);
      }
    }
    expect(key.answers.size).toBeGreaterThan(20);
    expect(missed).toEqual([]);
  });

  it('fail no rule where nothing was planted', async () => {
    const noise: string[] = [];
    for (const item of await checked('answers')) {
      const expected = key.answers.get(item.id) ?? [];
      // A verified author whose license or NPI is at fault is the doctors' planted problem.
      const unexpected = failing(item.results).filter(
        (id) => !expected.includes(id) && id !== 'ANS_AUTHOR_UNVERIFIED',
      );
      if (unexpected.length > 0) noise.push(`answer ${item.id} ${unexpected.join(' ')}`);
    }
    expect(noise).toEqual([]);
  });
});

describe('the demo reviews', () => {
  it('fail the rule each planted pattern was planted for', async () => {
    const missed: string[] = [];
    for (const item of await checked('reviews')) {
      for (const ruleId of key.reviews.get(item.id) ?? []) {
        if (!failing(item.results).includes(ruleId)) missed.push(`review ${item.id} ${ruleId}`);
      }
    }
    expect(new Set([...key.reviews.values()].flat())).toEqual(
      new Set(rulesByType.reviews.map((r) => r.id).filter((id) => id !== 'REV_IDENTITY')),
    );
    expect(missed).toEqual([]);
  });

  it('fail none of the rules about the text or the practice where nothing was planted', async () => {
    // Whether an ordinary account verified its e-mail and phone, how many reviews it wrote and
    // whether it wrote during another doctor's burst are left to chance by the seed: REV_IDENTITY,
    // REV_PROFILE and REV_BURST may fire on honest reviews, and are right to.
    const judged = [
      'REV_DETAIL',
      'REV_INCENTIVE',
      'REV_NEAR_DUP',
      'REV_MISMATCH',
      'REV_INSIDER',
      'REV_SAME_IP',
    ];
    const noise: string[] = [];
    for (const item of await checked('reviews')) {
      const expected = key.reviews.get(item.id) ?? [];
      const unexpected = failing(item.results).filter((id) => judged.includes(id) && !expected.includes(id));
      if (unexpected.length > 0) noise.push(`review ${item.id} ${unexpected.join(' ')}`);
    }
    expect(noise).toEqual([]);
  });

  it('put the planted reviews ahead of the honest ones in the queue order', async () => {
    const items = await checked('reviews');
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const planted = items.filter(
      (item) => key.reviews.has(item.id) && !key.reviews.get(item.id)!.includes('REV_MISMATCH'),
    );
    const honest = items.filter((item) => !key.reviews.has(item.id));
    expect(mean(planted.map((i) => i.riskScore))).toBeGreaterThan(mean(honest.map((i) => i.riskScore)) + 20);
  });
});
