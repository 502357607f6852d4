import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, memoryStore, RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Review } from '../../src/domain/model';
import type { CheckedResult, RelatedItem } from '../../src/domain/rules/engine';
import { dataProvider } from '../../src/providers/dataProvider';
import { i18nProvider } from '../../src/providers/i18nProvider';
import { ReviewContent } from '../../src/resources/reviews/ReviewContent';
import { FailedRuleChips } from '../../src/ui/FailedRuleChips';
import { RiskExplanation } from '../../src/ui/RiskExplanation';
import { RuleFocusProvider } from '../../src/ui/RuleFocus';
import { RuleResults } from '../../src/ui/RuleResults';
import { apiList } from './renderApp';

let app: App;
let review: Review;
let other: Review;

beforeAll(async () => {
  ({ app } = await useTestApi());
  await signInAs('moderator');
  const { records } = await apiList<Review>(app, 'reviews', { range: [0, 1] });
  [review, other] = records;
});

/** A span of `field` covering the first occurrence of `words`, as a rule reports it. */
const spanOf = (record: Review, field: 'title' | 'body', words: string) => {
  const start = record[field].indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the ${field}`);
  return { field, start, end: start + words.length, text: words };
};

/** The review, failing REV_NEAR_DUP alone with `related` as its evidence. */
const nearDuplicateOf = (message: string, related: RelatedItem[]): Review => ({
  ...review,
  ruleResults: [
    { ruleId: 'REV_NEAR_DUP', outcome: 'fail', severity: 'high', message, evidence: { related } },
  ],
});

const firstWords = (text: string, count: number) => text.split(/\s+/).slice(0, count).join(' ');

function renderReview(record: Review) {
  return render(
    <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider} store={memoryStore()}>
      <ResourceContextProvider value="reviews">
        <RecordContextProvider value={record}>
          <RuleFocusProvider>
            <ReviewContent />
            <section aria-label="Rules">
              <FailedRuleChips />
              <RiskExplanation />
              <RuleResults />
            </section>
          </RuleFocusProvider>
        </RecordContextProvider>
      </ResourceContextProvider>
    </AdminContext>,
  );
}

describe('rule evidence', () => {
  it('highlights exactly the words each failed rule pointed at, in the title and the body', async () => {
    const titleWords = firstWords(review.title, 2);
    const bodyWords = review.body.split(/\s+/).slice(3, 6).join(' ');
    const results: CheckedResult[] = [
      {
        ruleId: 'REV_INCENTIVE',
        outcome: 'fail',
        severity: 'block',
        message: 'Mentions a reward for the review',
        evidence: { spans: [spanOf(review, 'body', bodyWords)] },
      },
      {
        ruleId: 'REV_DETAIL',
        outcome: 'fail',
        severity: 'medium',
        message: 'Names no treatment',
        evidence: { spans: [spanOf(review, 'title', titleWords)] },
      },
      // A passed rule's words are not highlighted.
      { ruleId: 'REV_MISMATCH', outcome: 'pass', severity: 'info', message: 'Rating fits the text' },
    ];

    renderReview({ ...review, ruleResults: results });

    const content = screen.getByRole('region', { name: 'Review' });
    const marks = content.querySelectorAll('mark');
    expect([...marks].map((mark) => mark.textContent)).toEqual([titleWords, bodyWords]);
    expect(marks[0]).toHaveAttribute('title', 'Names no treatment');
    expect(marks[1]).toHaveAttribute('data-rules', 'REV_INCENTIVE');
    // The text reads whole, marks and all.
    expect(content).toHaveTextContent(review.body.replace(/\s+/g, ' ').trim());

    // Picking a quoted span outlines that rule's marks only.
    const rules = screen.getByRole('region', { name: 'Rules' });
    await userEvent.click(within(rules).getByRole('button', { name: `“${bodyWords}”` }));
    expect(within(rules).getByText('Mentions a reward for the review').closest('li')).toHaveAttribute(
      'aria-current',
      'true',
    );
    const outlined = [...content.querySelectorAll('mark[aria-current]')].map((mark) => mark.textContent);
    expect(outlined).toEqual([bodyWords]);
  });

  it('skips a span whose words are no longer at its offsets', () => {
    const stale = { field: 'body', start: 0, end: 5, text: 'words the body no longer has' };
    renderReview({
      ...review,
      ruleResults: [
        {
          ruleId: 'REV_PROMO',
          outcome: 'fail',
          severity: 'high',
          message: 'Promotes',
          evidence: { spans: [stale] },
        },
      ],
    });
    expect(screen.getByRole('region', { name: 'Review' }).querySelector('mark')).toBeNull();
  });

  it('lists each failure with its evidence, and folds the passed and unjudged checks into one line', async () => {
    renderReview({
      ...review,
      ruleResults: [
        { ruleId: 'REV_MISMATCH', outcome: 'fail', severity: 'info', message: 'Five stars, furious text' },
        {
          ruleId: 'REV_SAME_IP',
          outcome: 'fail',
          severity: 'high',
          message: '3 reviews of this doctor from one address',
          evidence: {
            related: [
              { resource: 'reviews', id: 41 },
              { resource: 'reviews', id: 42 },
            ],
            facts: [{ label: 'IP address', value: '203.0.113.7' }],
          },
        },
        { ruleId: 'REV_IDENTITY', outcome: 'pass', severity: 'high', message: 'Email verified' },
        { ruleId: 'REV_DETAIL', outcome: 'pass', severity: 'medium', message: 'Detailed enough' },
        { ruleId: 'REV_BURST', outcome: 'unknown', severity: 'high', message: 'No review history' },
      ],
    });

    const rules = screen.getByRole('region', { name: 'Rules' });
    const failures = within(rules)
      .getAllByRole('listitem')
      .filter((item) => item.closest('ul')?.parentElement?.closest('li') === null);
    expect(failures.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^HighREV_SAME_IP3 reviews of this doctor from one address/),
      expect.stringMatching(/^InfoREV_MISMATCHFive stars, furious text/),
    ]);
    const sameIp = failures[0];
    expect(within(sameIp).getByRole('link', { name: 'Review #41' })).toHaveAttribute(
      'href',
      '#/reviews/41/show',
    );
    expect(within(sameIp).getByRole('link', { name: 'Review #42' })).toBeInTheDocument();
    expect(within(sameIp).getByText('IP address')).toBeInTheDocument();
    expect(within(sameIp).getByText('203.0.113.7')).toBeInTheDocument();

    // The list chips: gravest first, info in neutral, short ids.
    expect([...rules.querySelectorAll('[data-rule]')].map((chip) => chip.textContent)).toEqual([
      'SAME_IP',
      'MISMATCH',
    ]);

    const others = within(rules).getByRole('button', { name: '2 checks passed, 1 not judged' });
    expect(others).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(others);
    expect(others).toHaveAttribute('aria-expanded', 'true');
    expect(within(rules).getByText('No review history')).toBeVisible();
  });

  it('shows a near-duplicate with its similarity, and the two texts side by side with the differing words marked', async () => {
    renderReview(
      nearDuplicateOf(`Nearly the same words as review #${other.id}`, [
        { resource: 'reviews', id: other.id, similarity: 0.874 },
      ]),
    );

    const rules = screen.getByRole('region', { name: 'Rules' });
    expect(within(rules).getByRole('link', { name: `Review #${other.id}` })).toBeInTheDocument();
    expect(rules).toHaveTextContent('87% similar');

    await userEvent.click(within(rules).getByRole('button', { name: 'Compare' }));

    const dialog = await screen.findByRole('dialog', { name: 'REV_NEAR_DUP: 87% similar' });
    const mine = await within(dialog).findByRole('region', { name: `This review (#${review.id})` });
    const theirs = within(dialog).getByRole('region', { name: `Review #${other.id}` });
    await waitFor(() => expect(theirs).toHaveTextContent(other.body.replace(/\s+/g, ' ').trim()));
    expect(mine).toHaveTextContent(review.body.replace(/\s+/g, ' ').trim());
    // Each side marks only its own words: none of this review's marked words is in the other's marked ones' place.
    expect(mine.querySelector('ins')).toBeNull();
    expect(theirs.querySelector('del')).toBeNull();
    expect(mine.querySelectorAll('del').length + theirs.querySelectorAll('ins').length).toBeGreaterThan(0);
  });

  it('lists the first five related records of a failure, and the rest on asking', async () => {
    const related = Array.from({ length: 8 }, (_, k): RelatedItem => ({
      resource: 'reviews',
      id: 9000 + k,
      similarity: 0.9,
    }));
    renderReview(nearDuplicateOf('Nearly the same words as 8 other reviews', related));

    const rules = screen.getByRole('region', { name: 'Rules' });
    const links = () =>
      within(rules)
        .getAllByRole('link', { name: /^Review #9\d{3}$/ })
        .map((link) => link.textContent);
    expect(links()).toEqual(['Review #9000', 'Review #9001', 'Review #9002', 'Review #9003', 'Review #9004']);

    await userEvent.click(within(rules).getByRole('button', { name: 'Show all 8' }));
    expect(links()).toHaveLength(8);
    await userEvent.click(within(rules).getByRole('button', { name: 'Show fewer' }));
    expect(links()).toHaveLength(5);
  });

  it('explains the risk score part by part', async () => {
    renderReview({
      ...review,
      ruleResults: [
        { ruleId: 'REV_DETAIL', outcome: 'fail', severity: 'medium', message: 'Too short' },
        { ruleId: 'REV_SAME_IP', outcome: 'fail', severity: 'high', message: 'Same address' },
        { ruleId: 'REV_BURST', outcome: 'fail', severity: 'high', message: 'Burst' },
        { ruleId: 'REV_MISMATCH', outcome: 'fail', severity: 'info', message: 'Mismatch' },
      ],
    });

    await userEvent.click(screen.getByRole('button', { name: 'Why is this first?' }));

    const popover = await screen.findByRole('dialog', { name: 'Risk 57 of 100' });
    const rows = within(popover)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'RuleCounts asPoints',
      'REV_SAME_IPHigh sets the floor: 5050',
      'REV_BURSTHigh adds a little+4',
      'REV_DETAILMedium adds a little+3',
      'REV_MISMATCHInfo adds nothing+0',
      'Risk57',
    ]);
  });

  it('shows nothing in the list and no risk explanation for a clean item', () => {
    renderReview({
      ...review,
      ruleResults: [
        { ruleId: 'REV_DETAIL', outcome: 'pass', severity: 'medium', message: 'Detailed enough' },
      ],
    });
    const rules = screen.getByRole('region', { name: 'Rules' });
    expect(rules.querySelector('[data-rule]')).toBeNull();
    expect(within(rules).queryByRole('button', { name: 'Why is this first?' })).toBeNull();
    expect(rules).toHaveTextContent('No rule failed.');
    expect(within(rules).getByRole('button', { name: '1 check passed' })).toBeInTheDocument();
  });
});
