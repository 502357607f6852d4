import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Review } from '../../src/domain/model';
import type { CheckedResult } from '../../src/domain/rules/engine';
import type { RuleRow } from '../../src/resources/rules/ruleRow';
import { apiGet, apiList, apiRequest, dataRows, renderApp } from './renderApp';

let app: App;

// Some tests change rule settings: a fresh database keeps them out of the next test.
beforeEach(async () => {
  ({ app } = await useTestApi());
});

const failures = (review: Review) =>
  (review.ruleResults as CheckedResult[]).filter((result) => result.outcome === 'fail');

/** The first review (riskiest first) failing `ruleId`, among the pending ones. */
async function pendingFailing(ruleId: string): Promise<Review> {
  const { records } = await apiList<Review>(app, 'reviews', {
    filter: { status: 'pending', ruleId },
    sort: ['riskScore', 'DESC'],
  });
  expect(records.length).toBeGreaterThan(0);
  return records[0];
}

describe('failed rules in the reviews list', () => {
  it('shows each row its failed rules, and the failed rule filter leaves only the rows failing it', async () => {
    await signInAs('moderator');
    const failing = await apiList<Review>(app, 'reviews', {
      filter: { status: 'pending', ruleId: 'REV_NEAR_DUP' },
      sort: ['riskScore', 'DESC'],
    });
    const pending = await apiList<Review>(app, 'reviews', { filter: { status: 'pending' } });
    expect(failing.total).toBeGreaterThan(0);
    expect(failing.total).toBeLessThan(pending.total);

    renderApp('/reviews');
    await waitFor(() => expect(dataRows()).toHaveLength(Math.min(pending.total, 25)));
    await userEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    await userEvent.click(await screen.findByRole('menuitemcheckbox', { name: 'Failed rule' }));
    await userEvent.click(await screen.findByRole('combobox', { name: 'Failed rule' }));
    await userEvent.click(await screen.findByRole('option', { name: 'NEAR_DUP' }));

    await waitFor(() => expect(dataRows()).toHaveLength(failing.records.length));
    dataRows().forEach((row, index) => {
      const review = failing.records[index];
      expect(row).toHaveTextContent(review.title);
      const chips = [...row.querySelectorAll('[data-rule]')].map((chip) => chip.textContent);
      expect(chips).toContain('NEAR_DUP');
      expect(chips).toHaveLength(failures(review).length);
    });
    expect(screen.getByRole('tab', { name: `Pending ${failing.total}` })).toBeInTheDocument();
  });
});

describe('rule evidence on a review page', () => {
  it('highlights the words a rule quoted and names the near-duplicates with their similarity', async () => {
    await signInAs('moderator');
    const review = await pendingFailing('REV_NEAR_DUP');
    const nearDup = failures(review).find((result) => result.ruleId === 'REV_NEAR_DUP')!;
    const related = nearDup.evidence!.related!;
    const spans = failures(review).flatMap((result) => result.evidence?.spans ?? []);

    renderApp(`/reviews/${review.id}/show`);

    const content = await screen.findByRole('region', { name: 'Review' });
    await waitFor(() => expect(content).toHaveTextContent(review.title));
    expect([...content.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(
      [...spans]
        .sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1))
        .map((span) => span.text),
    );
    const moderation = screen.getByRole('region', { name: 'Moderation' });
    const item = within(moderation).getByText(nearDup.message).closest('li')!;
    for (const other of related) {
      expect(within(item).getByRole('link', { name: `Review #${other.id}` })).toBeInTheDocument();
      expect(item).toHaveTextContent(`${Math.round(other.similarity! * 100)}% similar`);
    }
    expect(within(moderation).getByText(String(review.riskScore))).toBeInTheDocument();
  });
});

describe('re-run checks', () => {
  it('runs a review’s rules again and shows what they find now', async () => {
    await signInAs('moderator');
    const review = await pendingFailing('REV_PROFILE');
    const profile = failures(review).find((result) => result.ruleId === 'REV_PROFILE')!;

    renderApp(`/reviews/${review.id}/show`);
    const moderation = await screen.findByRole('region', { name: 'Moderation' });
    await within(moderation).findByText(profile.message);

    // An admin turns the rule off elsewhere; this page still shows the results it loaded.
    const off = await apiRequest(app, 'PUT', '/api/rules/REV_PROFILE', { enabled: false, value: 3 });
    expect(off.status).toBe(200);
    await userEvent.click(await within(moderation).findByRole('button', { name: 'Re-run checks' }));

    const rerun = await apiGet<Review>(app, 'reviews', review.id);
    expect(await screen.findByRole('alert')).toHaveTextContent(`Checks re-run: risk ${rerun.riskScore}`);
    await waitFor(() => expect(within(moderation).queryByText(profile.message)).toBeNull());
    expect(rerun.ruleResults.some((result) => result.ruleId === 'REV_PROFILE')).toBe(false);
  });

  it('is not offered to a role that does not decide reviews', async () => {
    await signInAs('verifier');
    const review = await pendingFailing('REV_PROFILE');
    renderApp(`/reviews/${review.id}/show`);
    const moderation = await screen.findByRole('region', { name: 'Moderation' });
    await within(moderation).findByText(String(review.riskScore));
    expect(within(moderation).queryByRole('button', { name: 'Re-run checks' })).toBeNull();
  });
});

describe('rules page', () => {
  const ruleRow = (id: string) =>
    dataRows().find((row) => within(row).queryByText(id) !== null) ?? expect.fail(`no row for ${id}`);

  it('lets an admin tune a threshold within its bounds, and says the checks are re-running', async () => {
    await signInAs('admin');
    const before = (await (await apiRequest(app, 'GET', '/api/rules/REV_NEAR_DUP')).json()) as RuleRow;
    const { min, max, label } = before.threshold!;

    renderApp('/rules');
    await waitFor(() => expect(ruleRow('REV_NEAR_DUP')).toHaveTextContent(label));
    expect(ruleRow('REV_NEAR_DUP')).toHaveTextContent(String(before.value));
    await userEvent.click(
      await within(ruleRow('REV_NEAR_DUP')).findByRole('button', { name: 'Edit REV_NEAR_DUP' }),
    );

    const dialog = await screen.findByRole('dialog', { name: 'REV_NEAR_DUP' });
    const threshold = within(dialog).getByRole('spinbutton', { name: label });
    await userEvent.clear(threshold);
    await userEvent.type(threshold, String(max + 1));
    expect(dialog).toHaveTextContent(`Must be between ${min} and ${max}`);
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();

    await userEvent.clear(threshold);
    await userEvent.type(threshold, '0.7');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'REV_NEAR_DUP saved. Reviews are being checked again.',
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(ruleRow('REV_NEAR_DUP')).toHaveTextContent('0.7'));
    const after = (await (await apiRequest(app, 'GET', '/api/rules/REV_NEAR_DUP')).json()) as RuleRow;
    expect(after).toMatchObject({ value: 0.7, enabled: true });
  });

  it('lets an admin switch a rule off from its row', async () => {
    await signInAs('admin');
    renderApp('/rules');
    const toggle = await screen.findByRole('switch', { name: 'ANS_PROMO enabled' });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'ANS_PROMO saved. Answers are being checked again.',
    );
    await waitFor(() => expect(screen.getByRole('switch', { name: 'ANS_PROMO enabled' })).not.toBeChecked());
    const after = (await (await apiRequest(app, 'GET', '/api/rules/ANS_PROMO')).json()) as RuleRow;
    expect(after.enabled).toBe(false);
  });

  it('shows a moderator every rule read-only, and narrows to one content type', async () => {
    await signInAs('moderator');
    const all = (await (await apiRequest(app, 'GET', '/api/rules')).json()) as RuleRow[];

    renderApp('/rules');

    await waitFor(() => expect(dataRows()).toHaveLength(all.length));
    const nearDup = all.find((rule) => rule.id === 'REV_NEAR_DUP')!;
    expect(ruleRow('REV_NEAR_DUP')).toHaveTextContent(nearDup.description);
    expect(ruleRow('REV_NEAR_DUP')).toHaveTextContent('On');
    expect(ruleRow('REV_NEAR_DUP')).toHaveTextContent('High');
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();

    await userEvent.click(screen.getByRole('combobox', { name: 'Content type' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Answers' }));
    const answerRules = all.filter((rule) => rule.type === 'answers');
    await waitFor(() => expect(dataRows()).toHaveLength(answerRules.length));
    dataRows().forEach((row, index) => expect(row).toHaveTextContent(answerRules[index].id));
  });
});
