import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import { apiList, renderApp } from './renderApp';

let app: App;

beforeAll(async () => {
  ({ app } = await useTestApi());
});

describe('menu', () => {
  it('lists every section, each moderated one with its pending count', async () => {
    await signInAs('moderator');
    const pending = {
      Doctors: (await apiList(app, 'doctors', { filter: { verificationStatus: 'pending' } })).total,
      Answers: (await apiList(app, 'answers', { filter: { status: 'pending' } })).total,
      Reviews: (await apiList(app, 'reviews', { filter: { status: 'pending' } })).total,
      Photos: (await apiList(app, 'photos', { filter: { status: 'pending' } })).total,
    };

    renderApp('/reviews');

    for (const [section, count] of Object.entries(pending)) {
      expect(count).toBeGreaterThan(0);
      expect(await screen.findByRole('menuitem', { name: `${section} ${count}` })).toHaveAttribute(
        'href',
        `/${section.toLowerCase()}`,
      );
    }
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Questions' })).toBeInTheDocument());
    expect(screen.getByRole('menuitem', { name: 'Audit log' })).toHaveAttribute('href', '/audit');
    // The team list is an admin's screen.
    expect(screen.queryByRole('menuitem', { name: 'Moderators' })).toBeNull();
  });

  it('gives an admin the team list as well', async () => {
    await signInAs('admin');

    renderApp('/reviews');

    expect(await screen.findByRole('menuitem', { name: 'Moderators' })).toHaveAttribute(
      'href',
      '/moderators',
    );
    expect(screen.getByRole('menuitem', { name: 'Audit log' })).toHaveAttribute('href', '/audit');
  });
});
