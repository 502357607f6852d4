import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import { fixtureDay } from '../../mocks/testApp';
import type { App } from '../../server/app';
import type { Db } from '../../server/db/connection';
import type { BackgroundRuns } from '../../server/services/rerun';
import type { RuleRun } from '../../src/providers/dataProvider';
import type { RuleRow } from '../../src/resources/rules/ruleRow';
import { apiRequest, dataRows, renderApp } from './renderApp';

let app: App;
let db: Db;
let reruns: BackgroundRuns;

beforeEach(async () => {
  // "Fired, 30 days" counts items created in the 30 days before now: now is the fixture's day.
  ({ app, db, reruns } = await useTestApi({ clock: () => new Date(`${fixtureDay}T12:00:00.000Z`) }));
});

afterEach(() => vi.restoreAllMocks());

const getJson = async <T,>(path: string) => (await (await apiRequest(app, 'GET', path)).json()) as T;

const ruleRow = (id: string) =>
  dataRows().find((row) => within(row).queryByText(id) !== null) ?? expect.fail(`no row for ${id}`);

/** The row's "Fired, 30 days" cell. */
const firedCell = (id: string) => {
  const column = screen.getAllByRole('columnheader').findIndex((h) => h.textContent === 'Fired, 30 days');
  return within(ruleRow(id)).getAllByRole('cell')[column];
};

// The polls come two seconds apart: a status waits for the next one.
const untilPolled = { timeout: 5000 };

describe('re-run progress on the rules page', () => {
  it('shows a changed type being checked again, then nothing once the run is done', async () => {
    await signInAs('admin');
    // The fixture data is re-checked in a blink: the server takes the request but the run waits
    // until the test has seen it unfinished.
    const start = vi.spyOn(reruns, 'start').mockImplementation(() => undefined);
    const before = await getJson<RuleRow>('/api/rules/REV_PROFILE');
    expect(before.firedLast30Days).toBeGreaterThan(0);

    renderApp('/rules');
    await waitFor(() => expect(firedCell('REV_PROFILE').textContent).toBe(String(before.firedLast30Days)));
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toBeEmptyDOMElement();

    await userEvent.click(await screen.findByRole('switch', { name: 'REV_PROFILE enabled' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('REV_PROFILE saved.');
    expect(start).toHaveBeenCalledWith('reviews');
    await waitFor(() => expect(status).toHaveTextContent('Rebuilding the near-duplicate index…'));
    expect(
      within(status).getByRole('progressbar', { name: 'Rebuilding the near-duplicate index…' }),
    ).toBeInTheDocument();
    expect(status).not.toHaveTextContent(/answers/i);

    // Half the reviews checked, under a lease nobody else may take meanwhile.
    const ids = (await db.kysely.selectFrom('reviews').select('id').orderBy('id').execute()).map((r) => r.id);
    await db.kysely
      .updateTable('ruleRuns')
      .set({
        phase: 'check',
        lastId: ids[Math.floor(ids.length / 2) - 1],
        leaseUntil: '2999-01-01T00:00:00Z',
      })
      .where('type', '=', 'reviews')
      .execute();
    const run = (await getJson<RuleRun[]>('/api/rules/runs')).find((r) => r.type === 'reviews')!;
    const percent = Math.floor((run.done / run.total) * 100);
    await waitFor(
      () =>
        expect(status).toHaveTextContent(`Re-checking reviews: ${percent}% (${run.done} of ${run.total})`),
      untilPolled,
    );
    expect(within(status).getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(percent));

    start.mockRestore();
    await db.kysely.updateTable('ruleRuns').set({ leaseUntil: null }).where('type', '=', 'reviews').execute();
    reruns.start('reviews');
    await reruns.settled();

    await waitFor(() => expect(status).toBeEmptyDOMElement(), untilPolled);
    // The rule is off now: once the run is done, nothing fails it any more.
    await waitFor(() => expect(firedCell('REV_PROFILE').textContent).toBe('0'));
  });

  it('shows nothing while every run is done', async () => {
    await signInAs('moderator');
    const runs = await getJson<RuleRun[]>('/api/rules/runs');
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((run) => run.phase === 'done')).toBe(true);

    renderApp('/rules');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
