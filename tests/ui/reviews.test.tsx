import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serverError } from '../../mocks/faults';
import { server, signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import { moderationStatuses, type Doctor, type Review } from '../../src/domain/model';
import { apiGet, apiList, dataRows, renderApp, sortedBy } from './renderApp';

let app: App;

beforeAll(async () => {
  ({ app } = await useTestApi());
});

beforeEach(async () => {
  await signInAs('moderator');
});

const riskiestFirst: ['riskScore', 'DESC'] = ['riskScore', 'DESC'];

/** Waits until the table shows exactly these reviews, in this order. */
async function expectRows(reviews: Review[]) {
  await waitFor(() => {
    const rows = dataRows();
    expect(rows).toHaveLength(reviews.length);
    reviews.forEach((review, index) => expect(rows[index]).toHaveTextContent(review.title));
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('reviews list', () => {
  it('opens on the pending reviews, riskiest first, with their doctors', async () => {
    const pending = await apiList<Review>(app, 'reviews', {
      filter: { status: 'pending' },
      sort: riskiestFirst,
    });
    expect(pending.total).toBeGreaterThan(0);
    const firstDoctor = await apiGet<Doctor>(app, 'doctors', pending.records[0].doctorId);

    renderApp('/reviews');

    await expectRows(pending.records);
    expect(sortedBy()).toEqual(['Risk descending']);
    const firstRow = dataRows()[0];
    expect(within(firstRow).getByText('Pending')).toBeInTheDocument();
    expect(within(firstRow).getByText(String(pending.records[0].riskScore))).toBeInTheDocument();
    expect(
      within(firstRow).getByRole('img', { name: `${pending.records[0].rating} out of 5 stars` }),
    ).toBeInTheDocument();
    await waitFor(() => expect(firstRow).toHaveTextContent(firstDoctor.name));
    expect(screen.getByText(`1-${pending.records.length} of ${pending.total}`)).toBeInTheDocument();
  });

  it('counts each status on its tab, and a tab shows that status only', async () => {
    const totals = Object.fromEntries(
      await Promise.all(
        moderationStatuses.map(async (status) => [
          status,
          (await apiList(app, 'reviews', { filter: { status } })).total,
        ]),
      ),
    ) as Record<string, number>;
    const all = await apiList(app, 'reviews');
    expect(Object.values(totals).reduce((sum, n) => sum + n, 0)).toBe(all.total);

    renderApp('/reviews');

    for (const status of moderationStatuses) {
      const label = status[0].toUpperCase() + status.slice(1);
      expect(await screen.findByRole('tab', { name: `${label} ${totals[status]}` })).toBeInTheDocument();
    }
    expect(await screen.findByRole('tab', { name: `All ${all.total}` })).toBeInTheDocument();

    const rejected = await apiList<Review>(app, 'reviews', {
      filter: { status: 'rejected' },
      sort: riskiestFirst,
    });
    expect(rejected.total).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole('tab', { name: /^Rejected/ }));
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: /^Rejected/ })).toHaveAttribute('aria-selected', 'true'),
    );
    await expectRows(rejected.records);
    for (const row of dataRows()) expect(within(row).getByText('Rejected')).toBeInTheDocument();

    const everything = await apiList<Review>(app, 'reviews', { sort: riskiestFirst });
    await userEvent.click(screen.getByRole('tab', { name: /^All/ }));
    await expectRows(everything.records);
  });

  it('narrows the rows to the reviews matching the search', async () => {
    const pending = await apiList<Review>(app, 'reviews', {
      filter: { status: 'pending' },
      sort: riskiestFirst,
      range: [0, 999],
    });
    // A word from one review's title that not every pending review contains.
    const term = pending.records
      .flatMap((review) => review.title.split(/\W+/))
      .find(
        (word) =>
          word.length >= 5 &&
          pending.records.some(
            (review) => !`${review.title} ${review.body}`.toLowerCase().includes(word.toLowerCase()),
          ),
      );
    expect(term).toBeDefined();
    const matching = await apiList<Review>(app, 'reviews', {
      filter: { status: 'pending', q: term },
      sort: riskiestFirst,
    });
    expect(matching.total).toBeLessThan(pending.total);

    renderApp('/reviews');
    await expectRows(pending.records.slice(0, 25));
    await userEvent.click(screen.getByPlaceholderText('Search'));
    await userEvent.paste(term!);

    await expectRows(matching.records);
    expect(screen.getByRole('tab', { name: `Pending ${matching.total}` })).toBeInTheDocument();
  });

  it('shows an error notification when the API fails', async () => {
    server.use(serverError('*/api/reviews'));

    renderApp('/reviews');

    expect(await screen.findByRole('alert')).toHaveTextContent('internal error');
  });
});

describe('review page', () => {
  it('opens from the list and shows the review, the reviewer signals and the doctor', async () => {
    const pending = await apiList<Review>(app, 'reviews', {
      filter: { status: 'pending' },
      sort: riskiestFirst,
    });
    const review = pending.records[0];
    const doctor = await apiGet<Doctor>(app, 'doctors', review.doctorId);

    renderApp('/reviews');
    await expectRows(pending.records);
    await userEvent.click(
      within(dataRows()[0]).getByRole('link', { name: new RegExp(escape(review.title)) }),
    );

    const reviewer = await screen.findByRole('region', { name: 'Reviewer signals' });
    const content = screen.getByRole('region', { name: 'Review' });
    await waitFor(() => expect(content).toHaveTextContent(review.body.replace(/\s+/g, ' ').trim()));
    expect(within(content).getByText(review.title)).toBeInTheDocument();
    expect(within(content).getByRole('img', { name: `${review.rating} out of 5 stars` })).toBeInTheDocument();
    expect(reviewer).toHaveTextContent(review.reviewerEmail);
    expect(reviewer).toHaveTextContent(review.reviewerIp);
    expect(reviewer).toHaveTextContent(`Email verified${review.reviewerEmailVerified ? 'Yes' : 'No'}`);
    expect(reviewer).toHaveTextContent(`Phone verified${review.reviewerPhoneVerified ? 'Yes' : 'No'}`);
    const doctorCard = screen.getByRole('region', { name: 'Doctor' });
    await waitFor(() => expect(doctorCard).toHaveTextContent(doctor.npi));
    expect(doctorCard).toHaveTextContent(doctor.name);
    const moderation = screen.getByRole('region', { name: 'Moderation' });
    expect(moderation).toHaveTextContent(`Version${review.version}`);
  });
});
