import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import { fixtureDay } from '../../mocks/testApp';
import type { App } from '../../server/app';
import { decisiveActions, type QueuesReport, queueFilter } from '../../src/domain/stats';
import { moderatedResources } from '../../src/domain/transitions';
import { apiList, apiRequest, renderApp } from './renderApp';

/**
 * The dashboard over the demo data, with the clock at noon on the day the data was made: each
 * card's figures are what the lists they link to count, and a click on one opens that list.
 */

let app: App;
const noon = new Date(`${fixtureDay}T12:00:00.000Z`);

beforeEach(async () => {
  ({ app } = await useTestApi({ clock: () => noon }));
});

const typeNames = { answers: 'Answers', reviews: 'Reviews', photos: 'Photos', doctors: 'Verifications' };

const queues = async () => (await (await apiRequest(app, 'GET', '/api/stats/queues')).json()) as QueuesReport;

/** The figure a card shows under `label`, read from its link's accessible name. */
const figure = (card: HTMLElement, label: string) =>
  within(card).getByRole('link', { name: new RegExp(`: ${label} \\d+$`) });

const shown = (link: HTMLElement) => Number(link.textContent!.replace(/,/g, ''));

describe('dashboard', () => {
  it('shows each queue with the figures its lists count', async () => {
    await signInAs('admin');
    renderApp('/');
    const { queues: figures, weekStart } = await queues();
    for (const resource of moderatedResources) {
      const card = await screen.findByRole('region', { name: typeNames[resource] });
      const pending = await apiList(app, resource, { filter: queueFilter(resource) });
      await waitFor(() => expect(shown(figure(card, 'waiting'))).toBe(pending.total));
      const cutoff = figures.find((f) => f.resource === resource)!.overTargetBefore;
      const over = await apiList(app, resource, {
        filter: { ...queueFilter(resource), createdAt_lte: cutoff },
      });
      expect(shown(figure(card, 'Over target'))).toBe(over.total);
      const week = await apiList(app, 'audit', {
        filter: { resource, action: [...decisiveActions(resource)], at_gte: weekStart },
      });
      expect(shown(figure(card, 'This week'))).toBe(week.total);
    }
    // The demo data has waiting, late and decided reviews: the comparisons above are not of zeros.
    const reviews = figures.find((f) => f.resource === 'reviews')!;
    expect(reviews.pending).toBeGreaterThan(0);
    expect(reviews.overTarget).toBeGreaterThan(0);
    expect(reviews.decidedThisWeek).toBeGreaterThan(0);
  });

  it.each([
    ['Over target', 'the reviews waiting past their target'],
    ['This week', "the audit entries of the week's decisions on reviews"],
  ])('opens the list a figure counts: %s shows %s', async (label) => {
    await signInAs('admin');
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Reviews' });
    const link = await waitFor(() => figure(card, label));
    const count = shown(link);
    expect(count).toBeGreaterThan(0);
    await userEvent.click(link);
    // The list's pagination reads "1-25 of 642": its total is the figure.
    expect(await screen.findByText(new RegExp(` of ${count.toLocaleString('en-US')}$`))).toBeInTheDocument();
  });

  it('shows a moderator their own figures only', async () => {
    await signInAs('moderator');
    renderApp('/');
    const table = await screen.findByRole('table', { name: 'Your figures, last 30 days' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(screen.queryByRole('table', { name: 'Moderators, last 30 days' })).toBeNull();
  });
});
