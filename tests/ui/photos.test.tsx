import { screen, waitFor, within } from '@testing-library/react';
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

describe('photos list', () => {
  it('shows each pending pair as before and after thumbnails with their caption', async () => {
    const pending = await apiList<Photo>(app, 'photos', {
      filter: { status: 'pending' },
      sort: ['riskScore', 'DESC'],
    });
    expect(pending.total).toBeGreaterThan(0);

    renderApp('/photos');

    await waitFor(() => expect(dataRows()).toHaveLength(pending.records.length));
    pending.records.forEach((photo, index) => {
      const row = dataRows()[index];
      expect(row).toHaveTextContent(photo.caption);
      const before = within(row).getByRole('img', {
        name: `Before photo of ${photo.procedure}, pair ${photo.id}`,
      });
      const after = within(row).getByRole('img', {
        name: `After photo of ${photo.procedure}, pair ${photo.id}`,
      });
      expect(before).toHaveAttribute('src', photo.before.url);
      expect(after).toHaveAttribute('src', photo.after.url);
    });
  });
});

describe('photo page', () => {
  it('shows both images at full width with their dimensions, metadata, caption and consent', async () => {
    const { records } = await apiList<Photo>(app, 'photos', { sort: ['riskScore', 'DESC'] });
    const photo = records.find((candidate) => candidate.before.exif !== null) ?? records[0];

    renderApp(`/photos/${photo.id}/show`);

    const before = await screen.findByRole('img', {
      name: `Before photo of ${photo.procedure}, pair ${photo.id}`,
    });
    const after = screen.getByRole('img', { name: `After photo of ${photo.procedure}, pair ${photo.id}` });
    expect(before).toHaveAttribute('src', photo.before.url);
    expect(after).toHaveAttribute('src', photo.after.url);
    const beforeFigure = before.closest('figure')!;
    const afterFigure = after.closest('figure')!;
    expect(beforeFigure).toHaveTextContent(`Size${photo.before.width} × ${photo.before.height}`);
    expect(afterFigure).toHaveTextContent(`Size${photo.after.width} × ${photo.after.height}`);
    expect(beforeFigure).toHaveTextContent(photo.before.sha256);
    expect(afterFigure).toHaveTextContent(photo.after.phash);
    if (photo.before.exif?.Software)
      expect(beforeFigure).toHaveTextContent(String(photo.before.exif.Software));

    const caption = screen.getByRole('region', { name: 'Caption' });
    expect(caption).toHaveTextContent(photo.caption);
    expect(caption).toHaveTextContent(`Consent on file${photo.consentOnFile ? 'Yes' : 'No'}`);
    expect(caption).toHaveTextContent(`Months after${photo.monthsAfterTreatment ?? '—'}`);
  });
});
