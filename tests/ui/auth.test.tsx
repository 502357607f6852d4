import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import { demoAccounts, demoPassword } from '../../server/seed';
import type { Review } from '../../src/domain/model';
import { apiList, apiRequest, dataRows, renderApp } from './renderApp';

let app: App;

/** Each group of tests gets a database of its own: they lock accounts, demote and change passwords. */
const freshApi = () =>
  beforeAll(async () => {
    ({ app } = await useTestApi());
  });

/** Fills the sign-in form the way a moderator does, and submits it. */
async function signInThroughForm(email: string, password: string) {
  await userEvent.type(await screen.findByRole('textbox', { name: /^Email/ }), email);
  await userEvent.type(screen.getByLabelText(/^Password/), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

/** Opens the app bar's account menu and answers it. */
async function openAccountMenu() {
  await userEvent.click(await screen.findByRole('button', { name: 'Profile' }));
  return screen.findByRole('menu');
}

/** Ends the browser's session behind the console's back, as signing out in another tab does. */
const signOutElsewhere = () =>
  fetch('http://localhost/api/auth/logout', { method: 'POST', headers: { 'X-Verity-Request': '1' } });

/** A request straight into the app, as someone other than the browser under test (`cookie`: their session). */
const send = (method: string, path: string, body: unknown, cookie?: string) =>
  app.request(path, {
    method,
    headers: {
      'Content-Type': 'application/json',
      'X-Verity-Request': '1',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(body),
  });

/** Signs in apart from the browser and answers the session's Cookie header. */
async function sessionOf(email: string, password: string) {
  const response = await send('POST', '/api/auth/login', { email, password });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie()[0].split(';')[0];
}

/** Invites a moderator through the API and answers the token of their set-password link. */
async function invite(
  name: string,
  email: string,
  role: string,
): Promise<{ id: number; inviteToken: string }> {
  const response = await apiRequest(app, 'POST', '/api/moderators', { name, email, role });
  expect(response.status).toBe(201);
  return response.json();
}

describe('signing in', () => {
  freshApi();
  beforeEach(signOutElsewhere);

  it('takes a moderator from the login page to the screen they asked for, under their name', async () => {
    const pending = await apiList<Review>(app, 'reviews', {
      filter: { status: 'pending' },
      sort: ['riskScore', 'DESC'],
    });

    renderApp('/reviews');
    expect(await screen.findByRole('heading', { name: 'Verity' })).toBeInTheDocument();
    await signInThroughForm(demoAccounts.senior, demoPassword);

    await waitFor(() => expect(dataRows()).toHaveLength(pending.records.length));
    expect(dataRows()[0]).toHaveTextContent(pending.records[0].title);
    const menu = await openAccountMenu();
    expect(menu).toHaveTextContent('Marcus Oyelaran');
    expect(menu).toHaveTextContent('Senior moderator');
    expect(within(menu).getByRole('menuitem', { name: 'Change password' })).toBeInTheDocument();
    expect(within(menu).getByRole('menuitem', { name: 'Logout' })).toBeInTheDocument();
  });

  it('keeps a wrong password on the login page, with the server saying why', async () => {
    renderApp('/reviews');
    await signInThroughForm(demoAccounts.verifier, 'not-the-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');
    expect(screen.getByRole('textbox', { name: /^Email/ })).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Profile' })).toBeNull();
  });

  it('tells a locked account apart from a wrong password', async () => {
    // The demo moderator's account: five failures lock it for a quarter of an hour.
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await send('POST', '/api/auth/login', {
        email: demoAccounts.moderator,
        password: 'guess',
      });
      expect(response.status).toBe(401);
    }

    renderApp('/reviews');
    await signInThroughForm(demoAccounts.moderator, demoPassword);

    expect(await screen.findByRole('alert')).toHaveTextContent(/^Too many failed sign-ins/);
    expect(screen.getByRole('textbox', { name: /^Email/ })).toBeInTheDocument();
  });

  it('signs out from the account menu, back to the login page', async () => {
    await signInAs('senior');
    renderApp('/reviews');
    const menu = await openAccountMenu();

    await userEvent.click(within(menu).getByRole('menuitem', { name: 'Logout' }));

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect((await fetch('http://localhost/api/auth/me')).status).toBe(401);
  });
});

describe('a signed-out visit', () => {
  freshApi();
  beforeEach(signOutElsewhere);

  it.each(['/', '/reviews', '/doctors/1/show', '/queue', '/settings', '/audit', '/no-such-screen'])(
    'to %s shows the login page and nothing of the console',
    async (path) => {
      renderApp(path);

      expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
      expect(screen.getByRole('textbox', { name: /^Email/ })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Profile' })).toBeNull();
      expect(screen.queryByRole('table')).toBeNull();
      // A first visit, not an ended session: the page has nothing to say about one.
      expect(screen.queryByText('Your session has ended. Please sign in again.')).toBeNull();
    },
  );

  it('takes the moderator, once signed in, to the screen and the filter they opened', async () => {
    const approved = await apiList<Review>(app, 'reviews', { filter: { status: 'approved' } });

    renderApp(`/reviews?filter=${encodeURIComponent(JSON.stringify({ status: 'approved' }))}`);
    await signInThroughForm(demoAccounts.senior, demoPassword);

    expect(await screen.findByRole('tab', { name: /^Approved/, selected: true })).toBeInTheDocument();
    await waitFor(() => expect(dataRows()).toHaveLength(Math.min(approved.total, 25)));
  });
});

describe('a session that ends or a refusal', () => {
  freshApi();

  it('sends the moderator to the login page when the server no longer knows the session (401)', async () => {
    await signInAs('senior');
    renderApp('/reviews');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));

    await signOutElsewhere();
    await userEvent.click(screen.getByRole('tab', { name: /^Approved/ }));

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('Your session has ended. Please sign in again.')).toBeInTheDocument();
  });

  it('says "not allowed" on a 403 and keeps the moderator signed in where they were', async () => {
    const me = (await signInAs('admin')) as { id: number };
    const { records } = await apiList<{ id: number; name: string }>(app, 'moderators', {
      filter: { role: 'moderator' },
    });
    renderApp(`/moderators/${records[0].id}`);
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    await waitFor(() => expect(name).toHaveValue(records[0].name));

    // Meanwhile another admin makes the signed-in admin a senior moderator.
    const other = await invite('Second Admin', 'second.admin@verity.example', 'admin');
    const password = 'second-admin-password';
    await send('POST', '/api/auth/set-password', { token: other.inviteToken, password });
    const otherAdmin = await sessionOf('second.admin@verity.example', password);
    const demotion = await send('PUT', `/api/moderators/${me.id}`, { role: 'senior' }, otherAdmin);
    expect(demotion.status).toBe(200);

    await userEvent.clear(name);
    await userEvent.type(name, 'Renamed Moderator');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('You are not allowed to do that.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Renamed Moderator');
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
    expect((await fetch('http://localhost/api/auth/me')).status).toBe(200);
  });
});

describe('setting a password from an invitation', () => {
  freshApi();
  beforeEach(signOutElsewhere);

  it('sets the password with the token, after which the new moderator signs in with it', async () => {
    const { inviteToken } = await invite('Priya Raman', 'priya.raman@verity.example', 'verifier');

    renderApp(`/set-password?token=${inviteToken}`);
    const [password, confirmation] = await Promise.all([
      screen.findByLabelText(/^New password \*/),
      screen.findByLabelText(/^New password again/),
    ]);
    await userEvent.type(password, 'too-short');
    await userEvent.type(confirmation, 'too-short');
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Must be 12 characters at least')).toBeInTheDocument();

    await userEvent.clear(password);
    await userEvent.type(password, 'a long enough password');
    await userEvent.clear(confirmation);
    await userEvent.type(confirmation, 'a long enough pasword');
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('The two passwords differ.')).toBeInTheDocument();

    await userEvent.clear(confirmation);
    await userEvent.type(confirmation, 'a long enough password');
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));

    expect(await screen.findByText('Your password is set. Sign in with it.')).toBeInTheDocument();
    await signInThroughForm('priya.raman@verity.example', 'a long enough password');
    const menu = await openAccountMenu();
    expect(menu).toHaveTextContent('Priya Raman');
    expect(menu).toHaveTextContent('Verifier');
  });

  it('refuses a link that was already used, in the server’s words', async () => {
    const { inviteToken } = await invite('Sam Okafor', 'sam.okafor@verity.example', 'moderator');
    const first = await send('POST', '/api/auth/set-password', {
      token: inviteToken,
      password: 'the first password',
    });
    expect(first.status).toBe(204);

    renderApp(`/set-password?token=${inviteToken}`);
    await userEvent.type(await screen.findByLabelText(/^New password \*/), 'another password');
    await userEvent.type(screen.getByLabelText(/^New password again/), 'another password');
    await userEvent.click(screen.getByRole('button', { name: 'Set password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This invitation link is unknown, used or expired',
    );
  });
});

describe('changing one’s password', () => {
  freshApi();

  it('checks the current password, then changes it, ending the other sessions but not this one', async () => {
    await signInAs('verifier');
    const elsewhere = await sessionOf(demoAccounts.verifier, demoPassword);
    renderApp('/doctors');
    await userEvent.click(within(await openAccountMenu()).getByRole('menuitem', { name: 'Change password' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change password' });

    await userEvent.type(within(dialog).getByLabelText(/^Current password/), 'not-my-password');
    await userEvent.type(within(dialog).getByLabelText(/^New password \*/), 'lena changed it today');
    await userEvent.type(within(dialog).getByLabelText(/^New password again/), 'lena changed it today');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change password' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The current password is wrong');

    await userEvent.clear(within(dialog).getByLabelText(/^Current password/));
    await userEvent.type(within(dialog).getByLabelText(/^Current password/), demoPassword);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Change password' }));

    expect(
      await screen.findByText('Password changed. Your other sessions are signed out.'),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await fetch('http://localhost/api/auth/me')).status).toBe(200);
    expect((await app.request('/api/auth/me', { headers: { Cookie: elsewhere } })).status).toBe(401);
    const signIn = (password: string) =>
      send('POST', '/api/auth/login', { email: demoAccounts.verifier, password });
    expect((await signIn(demoPassword)).status).toBe(401);
    expect((await signIn('lena changed it today')).status).toBe(200);
  });
});
