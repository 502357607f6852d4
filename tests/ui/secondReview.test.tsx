import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import { reasonsOf } from '../../src/domain/reasons';
import { apiList, apiRequest, renderApp } from './renderApp';

/**
 * A second review as a moderator meets it: a review the admin decided, drawn for a quality check,
 * shown without its status or decision, decided again, and only then compared.
 */

let app: App;

beforeEach(async () => {
  ({ app } = await useTestApi());
  expect(
    (await apiRequest(app, 'PUT', '/api/settings/quality.samplePercent.reviews', { value: 100 })).ok,
  ).toBe(true);
});

/** A pending review the admin decides, which sampling at 100% draws. */
async function decidedByAdmin(action: 'approve' | 'reject') {
  const { records } = await apiList<{ id: number; version: number }>(app, 'reviews', {
    filter: { status: 'pending' },
    range: [0, 0],
  });
  const [review] = records;
  const reasonCode = action === 'reject' ? reasonsOf('reviews')[0].code : undefined;
  const response = await apiRequest(app, 'POST', `/api/reviews/${review.id}/decision`, {
    action,
    version: review.version,
    reasonCode,
  });
  expect(response.status).toBe(200);
  return review.id;
}

describe('second review', () => {
  it('shows the drawn review without its decision, and tells agreement after the verdict', async () => {
    const id = await decidedByAdmin('approve');
    await signInAs('moderator');
    renderApp('/quality');
    expect(
      await screen.findByRole('heading', { name: `Second review of Review #${id}` }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Approved')).toBeNull();
    expect(screen.queryByText('Decided by')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText('You agreed with the first decision (Approve).')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByText('Nothing waits for a second review by you.')).toBeInTheDocument(),
    );
  });

  it('reports a disagreement, which the dashboard lists for seniors', async () => {
    const id = await decidedByAdmin('reject');
    await signInAs('moderator');
    const { unmount } = renderApp('/quality');
    await screen.findByRole('heading', { name: `Second review of Review #${id}` });
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(
      await screen.findByText('You disagreed with the first decision (Reject). A senior will settle it.'),
    ).toBeInTheDocument();
    unmount();
    await signInAs('senior');
    renderApp('/');
    expect(await screen.findByRole('link', { name: `Review #${id}` })).toHaveAttribute(
      'href',
      `/reviews/${id}/show`,
    );
  });
});
