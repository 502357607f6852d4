import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Photo } from '../../src/domain/model';
import { apiList, dataRows, renderApp } from './renderApp';

let app: App;

beforeAll(async () => {
  ({ app } = await useTestApi());
});

beforeEach(async () => {
  await signInAs('moderator');
});

/**
 * Serious and critical axe findings on the page as rendered. jsdom computes no colours and
 * has no canvas (which axe measures icon fonts with), so contrast and label-content matching
 * are left to the e2e run in Chromium, which also audits every other page; axe is slow in
 * jsdom, so this covers the two screens with the most inputs, controls and images.
 */
async function seriousViolations() {
  // Audit the settled page: the app bar's loading spinner is gone once every request has answered.
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  const results = await axe.run(document.body, {
    resultTypes: ['violations'],
    rules: { 'color-contrast': { enabled: false }, 'label-content-name-mismatch': { enabled: false } },
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.html.slice(0, 160)).join(' | ')}`,
    );
}

describe('accessibility', () => {
  it('the reviews list (menu, filters, status tabs, table) has no serious or critical violations', async () => {
    renderApp('/reviews');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    await screen.findByRole('tab', { name: /^Pending \d+/ });

    expect(await seriousViolations()).toEqual([]);
  });

  it('a photo page (images, figures, description lists) has no serious or critical violations', async () => {
    const { records } = await apiList<Photo>(app, 'photos', { range: [0, 0] });
    renderApp(`/photos/${records[0].id}/show`);
    await screen.findByRole('img', { name: /^Before photo/ });
    await screen.findByRole('region', { name: 'Doctor' });

    expect(await seriousViolations()).toEqual([]);
  });

  it('the login page, with a refusal showing, has no serious or critical violations', async () => {
    await fetch('http://localhost/api/auth/logout', { method: 'POST', headers: { 'X-Verity-Request': '1' } });
    // The login page itself: the way there from a console page is the sign-in tests' subject.
    renderApp('/login');
    await userEvent.type(await screen.findByRole('textbox', { name: /^Email/ }), 'nobody@verity.example');
    await userEvent.type(screen.getByLabelText(/^Password/), 'not a password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');

    expect(await seriousViolations()).toEqual([]);
  });
});
