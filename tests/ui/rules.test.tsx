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
      filter: { status: 'pending', ruleId: 'REV_SAME_IP' },
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
    await userEvent.click(await screen.findByRole('option', { name: 'SAME_IP' }));

    await waitFor(() => expect(dataRows()).toHaveLength(failing.records.length));
    dataRows().forEach((row, index) => {
      const review = failing.records[index];
      expect(row).toHaveTextContent(review.title);
      const chips = [...row.querySelectorAll('[data-rule]')].map((chip) => chip.textContent);
      expect(chips).toContain('SAME_IP');
      expect(chips).toHaveLength(failures(review).length);
    });
    expect(screen.getByRole('tab', { name: `Pending ${failing.total}` })).toBeInTheDocument();
  });

  it('shows in a row’s drawer the rules the review fails, with their messages and evidence', async () => {
    await signInAs('moderator');
    const { records } = await apiList<Review>(app, 'reviews', {
      filter: { status: 'pending' },
      sort: ['riskScore', 'DESC'],
      range: [0, 0],
    });
    const review = records[0];
    expect(failures(review).length).toBeGreaterThan(0);

    renderApp('/reviews');
    await waitFor(() => expect(dataRows()[0]).toHaveTextContent(review.title));
    await userEvent.click(within(dataRows()[0]).getByText(String(review.riskScore)));

    const drawer = await screen.findByRole('dialog', { name: `Review #${review.id}` });
    const results = await within(drawer).findByRole('region', { name: 'Rule results' });
    for (const failure of failures(review)) {
      const item = within(results).getByText(failure.message).closest('li')!;
      for (const other of failure.evidence?.related ?? []) {
        expect(within(item).getByRole('link', { name: `Review #${other.id}` })).toBeInTheDocument();
      }
    }
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

  it('shows and lets an admin tune a rule’s further numbers beside its threshold', async () => {
    await signInAs('admin');
    const before = (await (await apiRequest(app, 'GET', '/api/rules/REV_PROFILE')).json()) as RuleRow;
    const { label, min, max } = before.tunables.alwaysFiveStarsFrom;
    expect(before.tuned).toEqual({ alwaysFiveStarsFrom: 4 });

    renderApp('/rules');
    await waitFor(() => expect(ruleRow('REV_PROFILE')).toHaveTextContent(`${label}: 4`));
    await userEvent.click(
      await within(ruleRow('REV_PROFILE')).findByRole('button', { name: 'Edit REV_PROFILE' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'REV_PROFILE' });
    const field = within(dialog).getByRole('spinbutton', { name: label });
    expect(field).toHaveValue(4);
    await userEvent.clear(field);
    await userEvent.type(field, String(max + 1));
    expect(dialog).toHaveTextContent(`Must be between ${min} and ${max}`);
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    await userEvent.clear(field);
    await userEvent.type(field, '6');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(ruleRow('REV_PROFILE')).toHaveTextContent(`${label}: 6`));
    const after = (await (await apiRequest(app, 'GET', '/api/rules/REV_PROFILE')).json()) as RuleRow;
    expect(after).toMatchObject({ value: before.value, tuned: { alwaysFiveStarsFrom: 6 } });
  }, 90_000);

  // A ceiling, not a speed requirement: the page of every rule and the re-run a change starts
  // share one jsdom thread, slow on a busy machine.
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
  }, 90_000);

  // A ceiling, not a speed requirement: the page of every rule and the re-run a change starts
  // share one jsdom thread, slow on a busy machine.
  it('says who changed a rule and when, and a dash for a rule nobody changed', async () => {
    await signInAs('admin');
    renderApp('/rules');
    const changedCell = (id: string) => within(ruleRow(id)).getAllByRole('cell').at(-1);
    const toggle = await screen.findByRole('switch', { name: 'ANS_PROMO enabled' });
    expect(changedCell('ANS_PROMO')).toHaveTextContent(/^—$/);
    await userEvent.click(toggle);

    await waitFor(() => expect(changedCell('ANS_PROMO')).toHaveTextContent('Dana Whitfield'));
    expect(changedCell('ANS_PROMO')).toHaveTextContent(
      /^Dana Whitfield·[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/,
    );
    expect(changedCell('REV_NEAR_DUP')).toHaveTextContent(/^—$/);
  }, 90_000);

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
