import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Moderated } from '../../src/domain/model';
import { reasonsOf } from '../../src/domain/reasons';
import type { ModeratedResource } from '../../src/domain/transitions';
import { hotkeys } from '../../src/queue/hotkeys';
import { apiGet, apiRequest, renderApp } from './renderApp';

let app: App;

// Each test decides items: a fresh database keeps one test's decisions out of the next one's queue.
beforeEach(async () => {
  ({ app } = await useTestApi());
  await signInAs('moderator');
});

interface Shown {
  resource: ModeratedResource;
  id: number;
}

const itemHeading = /^(Answer|Review|Photo pair|Doctor) #(\d+)$/;
const resourceOf: Record<string, ModeratedResource> = {
  Answer: 'answers',
  Review: 'reviews',
  'Photo pair': 'photos',
  Doctor: 'doctors',
};

/** The item the queue shows for deciding, as its decision bar names it. */
async function shownItem(other?: Shown): Promise<Shown> {
  let shown: Shown | undefined;
  await waitFor(() => {
    const [, type, id] = itemHeading.exec(screen.getByRole('heading', { name: itemHeading }).textContent!)!;
    shown = { resource: resourceOf[type], id: Number(id) };
    if (other) expect(shown).not.toEqual(other);
  });
  return shown!;
}

/** A label as a pattern matching it literally (reason labels hold parentheses). */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const record = (item: Shown) => apiGet<Moderated & { status: string }>(app, item.resource, item.id);

describe('queue', () => {
  it('approves the item with a, and shows the next one, already claimed', async () => {
    renderApp('/queue');
    const first = await shownItem();
    expect((await record(first)).status).toBe('pending');

    await userEvent.keyboard('a');

    const second = await shownItem(first);
    expect((await record(first)).status).toBe('approved');
    expect(screen.getByRole('alert')).toHaveTextContent(/Approved .* #\d+/);
    const next = await record(second);
    expect(next.status).toBe('pending');
    expect(next.claimedBy).not.toBeNull();
  });

  it('rejects with r, a digit and Enter, with that reason; Esc cancels', async () => {
    renderApp('/queue');
    const first = await shownItem();

    await userEvent.keyboard('r');
    const picker = await screen.findByRole('dialog', { name: 'Why is it rejected?' });
    const reasons = reasonsOf(first.resource);
    expect(within(picker).getAllByRole('option')).toHaveLength(reasons.length);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await record(first)).status).toBe('pending');

    await userEvent.keyboard('r');
    await screen.findByRole('dialog', { name: 'Why is it rejected?' });
    await userEvent.keyboard('2');
    expect(
      screen.getByRole('option', { name: new RegExp(`^2\\s*${escapeRegExp(reasons[1].label)}`) }),
    ).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');

    await shownItem(first);
    const rejected = await record(first);
    expect(rejected.status).toBe('rejected');
    expect(rejected.reasonCode).toBe(reasons[1].code);
  });

  it('escalates with e, skips with s, and undoes with u', async () => {
    renderApp('/queue');
    const first = await shownItem();

    await userEvent.keyboard('e');
    const second = await shownItem(first);
    expect((await record(first)).status).toBe('escalated');

    await userEvent.keyboard('s');
    const third = await shownItem(second);
    await waitFor(async () =>
      expect(await record(second)).toMatchObject({ status: 'pending', claimedBy: null }),
    );

    await userEvent.keyboard('u');
    // The escalation is reverted and the item is back on screen, to be decided again.
    expect(await shownItem(third)).toEqual(first);
    expect(await screen.findByText('Decision undone: the item is pending again')).toBeInTheDocument();
    expect((await record(first)).status).toBe('pending');
  });

  it('looks back at the decisions of the session with k and returns with j', async () => {
    renderApp('/queue');
    const first = await shownItem();
    await userEvent.keyboard('a');
    const second = await shownItem(first);

    await userEvent.keyboard('k');
    expect(await screen.findByText(/Approved in this session \(1 of 1\), read only/)).toBeInTheDocument();
    // Read only: a does not decide anything here.
    await userEvent.keyboard('a');
    expect((await record(second)).status).toBe('pending');

    await userEvent.keyboard('j');
    await waitFor(() => expect(screen.queryByText(/in this session/)).toBeNull());
    expect(await shownItem()).toEqual(second);
  });

  it('lists every key on ?', async () => {
    renderApp('/queue');
    await shownItem();

    await userEvent.keyboard('?');

    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const { key, scope } of hotkeys) {
      const group = within(help).getByRole('region', { name: scope === 'queue' ? 'Queue' : 'Photo viewer' });
      expect(within(group).getByText(key)).toBeInTheDocument();
    }
    expect(within(help).getByText('Undo the last decision')).toBeInTheDocument();
    expect(within(help).getByText('Photo viewer: wipe from before to after')).toBeInTheDocument();
  });

  it('does not take keys typed into the note', async () => {
    renderApp('/queue');
    const first = await shownItem();

    await userEvent.type(screen.getByLabelText('Note (optional)'), 'asked a senior');

    expect(screen.getByLabelText('Note (optional)')).toHaveValue('asked a senior');
    expect((await record(first)).status).toBe('pending');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says who decided first when another moderator got there before', async () => {
    renderApp('/queue');
    const first = await shownItem();
    const { version } = await record(first);
    // The admin (Dana Whitfield) steps in on the claimed item from another session.
    const response = await apiRequest(app, 'POST', `/api/${first.resource}/${first.id}/decision`, {
      action: 'approve',
      version,
    });
    expect(response.status).toBe(200);

    await userEvent.keyboard('r');
    await screen.findByRole('dialog', { name: 'Why is it rejected?' });
    await userEvent.keyboard('1{Enter}');

    expect(await screen.findByText(/^Already approved by Dana Whitfield at \d/)).toBeInTheDocument();
    await shownItem(first);
    expect((await record(first)).status).toBe('approved');
  });

  it('offers a verifier the doctors only, and verifies one with a: a second verifier then confirms', async () => {
    await signInAs('verifier');
    renderApp('/queue');
    const first = await shownItem();
    expect(first.resource).toBe('doctors');
    const types = screen.getByRole('group', { name: 'Content types' });
    expect(
      within(types)
        .getAllByRole('button')
        .map((chip) => chip.textContent),
    ).toEqual(['Doctors']);

    await userEvent.keyboard('a');

    await waitFor(async () =>
      expect(await apiGet<{ verificationStatus: string }>(app, 'doctors', first.id)).toMatchObject({
        verificationStatus: 'awaiting_confirmation',
      }),
    );
  });
});
