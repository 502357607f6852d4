import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Review } from '../../src/domain/model';
import { reasonsOf } from '../../src/domain/reasons';
import { apiGet, apiList, apiRequest, dataRows, renderApp } from './renderApp';

let app: App;

beforeEach(async () => {
  ({ app } = await useTestApi());
  await signInAs('moderator');
});

const pendingReviews = (count: number) =>
  apiList<Review>(app, 'reviews', {
    filter: { status: 'pending' },
    sort: ['riskScore', 'DESC'],
    range: [0, count - 1],
  });

/** Ticks the first `count` rows of the list, and answers the reviews they show. */
async function selectFirstRows(count: number): Promise<Review[]> {
  const { records } = await pendingReviews(count);
  await waitFor(() => expect(dataRows()[0]).toHaveTextContent(records[0].title));
  for (const row of dataRows().slice(0, count)) {
    await userEvent.click(within(row).getByRole('checkbox', { name: 'Select this row' }));
  }
  return records;
}

const statusOf = async (review: Review) => (await apiGet<Review>(app, 'reviews', review.id)).status;

describe('bulk decisions in a list', () => {
  it('approves the selected reviews, then refreshes the list and the tab counts', async () => {
    const { total } = await pendingReviews(1);
    renderApp('/reviews');
    const selected = await selectFirstRows(3);

    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));

    expect(await screen.findByText('3 approved')).toBeInTheDocument();
    expect(await Promise.all(selected.map(statusOf))).toEqual(['approved', 'approved', 'approved']);
    expect(await screen.findByRole('tab', { name: new RegExp(`^Pending ${total - 3}`) })).toBeInTheDocument();
    // The list now starts with the riskiest review still pending (titles repeat, so the body too).
    const [next] = (await pendingReviews(1)).records;
    const opening = next.body.split(' ').slice(0, 3).join(' ');
    await waitFor(() => {
      expect(dataRows()[0]).toHaveTextContent(next.title);
      expect(dataRows()[0]).toHaveTextContent(opening);
    });
  });

  it('rejects the selected reviews with the picked reason', async () => {
    const reason = reasonsOf('reviews')[2];
    renderApp('/reviews');
    const selected = await selectFirstRows(2);

    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    await screen.findByRole('dialog', { name: 'Why is it rejected?' });
    await userEvent.keyboard('3{Enter}');

    expect(await screen.findByText('2 rejected')).toBeInTheDocument();
    for (const review of selected) {
      expect(await apiGet<Review>(app, 'reviews', review.id)).toMatchObject({
        status: 'rejected',
        reasonCode: reason.code,
      });
    }
  });

  it('says which of the selected reviews another moderator decided first', async () => {
    renderApp('/reviews');
    const selected = await selectFirstRows(3);
    // Another moderator decides one of them while these rows are ticked.
    const taken = await apiRequest(app, 'POST', `/api/reviews/${selected[1].id}/decision`, {
      action: 'reject',
      reasonCode: reasonsOf('reviews')[0].code,
      version: selected[1].version,
    });
    expect(taken.status).toBe(200);

    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));

    expect(await screen.findByText('2 approved, 1 already decided by someone else')).toBeInTheDocument();
    expect(await Promise.all(selected.map(statusOf))).toEqual(['approved', 'rejected', 'approved']);
  });

  it('offers no row selection and no bulk decision to a role that may not decide', async () => {
    await signInAs('verifier');
    renderApp('/reviews');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));

    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
  });
});
