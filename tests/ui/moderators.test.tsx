import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Moderator } from '../../src/domain/model';
import { apiGet, apiList, dataRows, renderApp } from './renderApp';

let app: App;

beforeAll(async () => {
  ({ app } = await useTestApi());
});

const roleLabels = {
  moderator: 'Moderator',
  verifier: 'Verifier',
  senior: 'Senior moderator',
  admin: 'Admin',
};

const byName = () => apiList<Moderator>(app, 'moderators', { sort: ['name', 'ASC'], range: [0, 49] });

describe('the team, for a moderator', () => {
  it('can be read, with no way to invite or change anyone', async () => {
    await signInAs('moderator');
    const team = await byName();

    renderApp('/moderators');

    await waitFor(() => expect(dataRows()).toHaveLength(team.records.length));
    team.records.forEach((moderator, index) => {
      expect(dataRows()[index]).toHaveTextContent(moderator.name);
      expect(dataRows()[index]).toHaveTextContent(roleLabels[moderator.role]);
    });
    expect(screen.queryByRole('link', { name: 'Create' })).toBeNull();
    expect(screen.queryByRole('link', { name: /^Edit/ })).toBeNull();
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Audit log' })).toBeInTheDocument());
    expect(screen.queryByRole('menuitem', { name: 'Moderators' })).toBeNull();
  });

  it('cannot open the invitation form by its address', async () => {
    await signInAs('senior');

    renderApp('/moderators/create');

    expect(await screen.findByText('Access denied')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /^Email/ })).toBeNull();
  });
});

describe('the team, for an admin', () => {
  it('lists everyone by name, with their role, whether they are active, and the ways to change it', async () => {
    await signInAs('admin');
    const team = await byName();
    const inactive = team.records.find((moderator) => !moderator.active);
    expect(inactive).toBeDefined();

    renderApp('/moderators');

    await waitFor(() => expect(dataRows()).toHaveLength(team.records.length));
    team.records.forEach((moderator, index) => {
      const row = dataRows()[index];
      expect(row).toHaveTextContent(moderator.name);
      expect(row).toHaveTextContent(moderator.email);
      expect(within(row).getByText(roleLabels[moderator.role])).toBeInTheDocument();
      expect(within(row).getByText(moderator.active ? 'Yes' : 'No')).toBeInTheDocument();
    });
    expect(await screen.findByRole('link', { name: 'Create' })).toHaveAttribute('href', '/moderators/create');
    await waitFor(() =>
      expect(screen.getAllByRole('link', { name: /^Edit/ })).toHaveLength(team.records.length),
    );
  });

  it('invites a moderator and shows the set-password link once, ready to copy', async () => {
    await signInAs('admin');
    const user = userEvent.setup();
    renderApp('/moderators/create');

    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'Noor Haddad');
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'noor.haddad@verity.example');
    await user.click(screen.getByRole('combobox', { name: /^Role/ }));
    await user.click(await screen.findByRole('option', { name: 'Verifier' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', { name: 'Invitation link' });
    expect(dialog).toHaveTextContent('Noor Haddad (noor.haddad@verity.example)');
    expect(dialog).toHaveTextContent('This link will not be shown again.');
    const link = within(dialog).getByRole('textbox', { name: 'Set-password link' });
    const url = (link as HTMLInputElement).value;
    expect(url).toMatch(/^http:\/\/localhost(:\d+)?\/#\/set-password\?token=[\w-]{20,}$/);
    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(url);
    expect(await screen.findByText('Link copied')).toBeInTheDocument();

    // The link works: the invited moderator sets a password with its token.
    const token = new URL(url.replace('#/', '')).searchParams.get('token');
    const setPassword = await app.request('/api/auth/set-password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Verity-Request': '1' },
      body: JSON.stringify({ token, password: 'noor chose this one' }),
    });
    expect(setPassword.status).toBe(204);

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const noor = await waitFor(() => {
      const row = dataRows().find((candidate) => candidate.textContent?.includes('Noor Haddad'));
      expect(row).toBeDefined();
      return row!;
    });
    expect(within(noor).getByText('Verifier')).toBeInTheDocument();
    expect(screen.queryByText(url)).toBeNull();
    expect(screen.queryByDisplayValue(url)).toBeNull();
  });

  it('changes a moderator’s role and deactivates them', async () => {
    await signInAs('admin');
    const { records } = await apiList<Moderator>(app, 'moderators', {
      filter: { role: 'moderator', active: true },
    });
    const moderator = records[0];
    renderApp(`/moderators/${moderator.id}`);

    const role = await screen.findByRole('combobox', { name: /^Role/ });
    await waitFor(() => expect(role).toHaveTextContent('Moderator'));
    await userEvent.click(role);
    await userEvent.click(await screen.findByRole('option', { name: 'Senior moderator' }));
    await userEvent.click(screen.getByRole('switch', { name: 'Active' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(dataRows().find((row) => row.textContent?.includes(moderator.name))).toBeDefined(),
    );
    const row = dataRows().find((candidate) => candidate.textContent?.includes(moderator.name))!;
    expect(within(row).getByText('Senior moderator')).toBeInTheDocument();
    expect(within(row).getByText('No')).toBeInTheDocument();
    expect(await apiGet<Moderator>(app, 'moderators', moderator.id)).toMatchObject({
      name: moderator.name,
      email: moderator.email,
      role: 'senior',
      active: false,
    });
  });

  it('keeps an admin from demoting or deactivating themselves', async () => {
    const me = (await signInAs('admin')) as { id: number; name: string };

    renderApp(`/moderators/${me.id}`);

    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await waitFor(() => expect(name).toHaveValue(me.name));
    expect(name).toBeEnabled();
    expect(screen.getByRole('combobox', { name: /^Role/ })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('switch', { name: 'Active' })).toBeDisabled();
    expect(screen.getByText('You cannot change your own role or deactivate yourself.')).toBeInTheDocument();
  });
});
