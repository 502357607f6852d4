import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Review } from '../../src/domain/model';
import { reasonsOf } from '../../src/domain/reasons';
import { apiGet, apiList, renderApp } from './renderApp';

let app: App;

beforeEach(async () => {
  ({ app } = await useTestApi());
  await signInAs('moderator');
});

const firstPendingReview = async () =>
  (await apiList<Review>(app, 'reviews', { filter: { status: 'pending' }, sort: ['id', 'ASC'] })).records[0];

describe('decisions on a show page', () => {
  it('rejects a review with a reason, then shows the decision in its history and what the author was told', async () => {
    const review = await firstPendingReview();
    const reason = reasonsOf('reviews')[0];

    renderApp(`/reviews/${review.id}/show`);
    await userEvent.type(await screen.findByLabelText('Note (optional)'), 'same wording as #4');
    await userEvent.click(screen.getByRole('button', { name: 'Reject' }));
    const picker = await screen.findByRole('dialog', { name: 'Why is it rejected?' });
    await userEvent.click(within(picker).getByRole('option', { name: new RegExp(reason.label) }));
    await userEvent.click(within(picker).getByRole('button', { name: 'Reject' }));

    await waitFor(async () =>
      expect(await apiGet<Review>(app, 'reviews', review.id)).toMatchObject({
        status: 'rejected',
        reasonCode: reason.code,
      }),
    );
    const history = await screen.findByRole('table', { name: 'History' });
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(2));
    const entry = within(history).getAllByRole('row')[1];
    expect(entry).toHaveTextContent('Rejected');
    expect(entry).toHaveTextContent('Pending → Rejected');
    expect(entry).toHaveTextContent(reason.label);
    expect(entry).toHaveTextContent('same wording as #4');
    await waitFor(() => expect(entry).toHaveTextContent('Tomás Rivera'));
    expect(
      await screen.findByText(
        new RegExp(`^Your review "${review.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`),
      ),
    ).toBeInTheDocument();
    // Decided: a moderator may only undo their own decision now.
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('offers no decision to a role that may not take one', async () => {
    await signInAs('verifier');
    const review = await firstPendingReview();

    renderApp(`/reviews/${review.id}/show`);

    expect(await screen.findByRole('heading', { name: 'History' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });
});
