import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Review } from '../../src/domain/model';
import { apiGet, apiList, dataRows, renderApp } from './renderApp';

let app: App;

beforeEach(async () => {
  ({ app } = await useTestApi());
  await signInAs('moderator');
});

describe('the record drawer of a list', () => {
  it('opens a clicked row beside the list, decides it there, and closes back to the list', async () => {
    const { records } = await apiList<Review>(app, 'reviews', {
      filter: { status: 'pending' },
      sort: ['riskScore', 'DESC'],
      range: [0, 0],
    });
    const review = records[0];
    renderApp('/reviews');
    await waitFor(() => expect(dataRows()[0]).toHaveTextContent(review.title));

    // The risk cell: the checkbox and the title's link have clicks of their own.
    await userEvent.click(within(dataRows()[0]).getByText(String(review.riskScore)));

    const drawer = await screen.findByRole('dialog', { name: `Review #${review.id}` });
    expect(await within(drawer).findByText(review.title)).toBeInTheDocument();
    expect(screen.getByRole('table', { hidden: true })).toBeInTheDocument();

    await userEvent.click(within(drawer).getByRole('button', { name: 'Approve' }));
    await waitFor(async () =>
      expect((await apiGet<Review>(app, 'reviews', review.id)).status).toBe('approved'),
    );

    await userEvent.click(within(drawer).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(dataRows()[0]).not.toHaveTextContent(review.title));
  });
});
