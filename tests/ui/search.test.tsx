import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import { insertRows } from '../../server/db/bulk';
import { fixtureDay } from '../../mocks/testApp';
import type { App } from '../../server/app';
import type { Db } from '../../server/db/connection';
import { apiList, dataRows, renderApp } from './renderApp';

let app: App;
let db: Db;

const bounded = 'Over 10,000 matches: these are the newest 10,000. Add a word to narrow the search.';

beforeAll(async () => {
  ({ app, db } = await useTestApi());
  await insertRows(
    db.kysely,
    'questions',
    Array.from({ length: 10_050 }, (_, i) => ({
      title: `Does Botox wear off? (${i + 1})`,
      body: i % 2500 === 0 ? 'My forehead lines came back after four months.' : 'How long does it last?',
      procedure: 'Botox',
      askerName: 'Sam',
      createdAt: `${fixtureDay}T09:00:00.000Z`,
    })),
  );
});

/** A list whose search matches more than the 10,000 records a search looks through. */
describe('searching a list', () => {
  it('says when a search matched more than the list looks through, and stops saying it once narrowed', async () => {
    await signInAs('admin');
    renderApp('/questions');
    await waitFor(() => expect(dataRows()).toHaveLength(25));
    // More than 10,000 questions, counted exactly: the count kept of the whole table.
    const { total } = await apiList(app, 'questions', {});
    expect(total).toBeGreaterThan(10_050);
    expect(screen.getByText(new RegExp(`of ${total.toLocaleString('en-US')}$`))).toBeInTheDocument();

    await userEvent.click(screen.getByPlaceholderText('Search'));
    await userEvent.paste('botox');
    expect(await screen.findByText(bounded)).toBeInTheDocument();
    expect(await screen.findByText(/of 10,000\+/)).toBeInTheDocument();

    const narrowed = await apiList(app, 'questions', { filter: { q: 'botox forehead' } });
    expect(narrowed.total).toBeGreaterThanOrEqual(5);
    await userEvent.paste(' forehead');
    await waitFor(() => expect(dataRows()).toHaveLength(narrowed.total));
    expect(screen.queryByText(bounded)).not.toBeInTheDocument();
  });
});
