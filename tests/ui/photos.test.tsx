import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { server, signInAs, useTestApi } from '../../mocks/node';
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

const imageName = (photo: Photo, side: 'before' | 'after') =>
  `${side === 'before' ? 'Before' : 'After'} photo of ${photo.procedure}, pair ${photo.id}`;

/** The first pair of the fixture data failing `ruleId`. */
async function failing(ruleId: string): Promise<Photo> {
  const { records } = await apiList<Photo>(app, 'photos', { filter: { ruleId }, sort: ['id', 'ASC'] });
  expect(records.length, ruleId).toBeGreaterThan(0);
  return records[0];
}

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
      expect(within(row).getByRole('img', { name: imageName(photo, 'before') })).toHaveAttribute(
        'src',
        photo.before.thumbnailUrl,
      );
      expect(within(row).getByRole('img', { name: imageName(photo, 'after') })).toHaveAttribute(
        'src',
        photo.after.thumbnailUrl,
      );
    });
  });
});

describe('the photo viewer', () => {
  const stage = () => screen.getByRole('group', { name: /before|after|difference/i });
  const shownImages = () =>
    within(stage())
      .getAllByRole('img')
      .map((image) => image.getAttribute('alt'));

  it('shows the pair side by side at one scale, and each mode by its key', async () => {
    const { records } = await apiList<Photo>(app, 'photos', { sort: ['id', 'ASC'] });
    const photo = records.find((p) => p.before.width === p.after.width && p.before.exif)!;
    renderApp(`/photos/${photo.id}/show`);

    const before = await screen.findByRole('img', { name: imageName(photo, 'before') });
    const after = screen.getByRole('img', { name: imageName(photo, 'after') });
    expect(before).toHaveAttribute('src', photo.before.url);
    expect(after).toHaveAttribute('src', photo.after.url);
    expect(stage()).toHaveAccessibleName('Before and after side by side');
    // One scale for both: photos of one size are drawn one size, fitted to the frame.
    expect(before.style.width).toBe(after.style.width);
    expect(parseFloat(before.style.width)).toBeGreaterThan(100);

    await userEvent.keyboard('1');
    expect(stage()).toHaveAccessibleName('The before photo');
    expect(shownImages()).toEqual([imageName(photo, 'before')]);
    expect(screen.getByRole('button', { name: /^Before/ })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('2');
    expect(shownImages()).toEqual([imageName(photo, 'after')]);
    await userEvent.keyboard('2');
    expect(stage()).toHaveAccessibleName('Before and after side by side');

    await userEvent.keyboard('w');
    expect(stage()).toHaveAccessibleName('Before wiped over after');
    const slider = screen.getByRole('slider', { name: 'Where before gives way to after' });
    expect(slider).toHaveValue('50');
    fireEvent.change(slider, { target: { value: 30 } });
    expect(
      within(stage()).getByRole('figure', { name: 'Before up to 30%, after beyond' }),
    ).toBeInTheDocument();
    expect(shownImages()).toEqual([imageName(photo, 'after'), imageName(photo, 'before')]);

    await userEvent.keyboard('d');
    expect(stage()).toHaveAccessibleName('The difference of before and after');
    const afterOnTop = within(stage()).getByRole('img', { name: imageName(photo, 'after') });
    expect(getComputedStyle(afterOnTop).mixBlendMode).toBe('difference');
    expect(screen.getByText(/Black where the two photos agree/)).toBeInTheDocument();
  });

  it('flips and zooms both photos together', async () => {
    const photo = (await apiList<Photo>(app, 'photos', { sort: ['id', 'ASC'] })).records[0];
    renderApp(`/photos/${photo.id}/show`);
    const before = await screen.findByRole('img', { name: imageName(photo, 'before') });
    const after = screen.getByRole('img', { name: imageName(photo, 'after') });
    const width = (image: HTMLElement) => parseFloat(image.style.width);
    const [beforeWidth, afterWidth] = [width(before), width(after)];

    await userEvent.keyboard('f');
    expect(screen.getByRole('button', { name: /^Flip/ })).toHaveAttribute('aria-pressed', 'true');
    for (const image of [before, after]) expect(image.style.transform).toContain('scaleX(-1)');
    expect(screen.getByText(/Shown flipped left to right/)).toBeInTheDocument();

    await userEvent.keyboard('+');
    expect(width(before) / beforeWidth).toBeCloseTo(1.5);
    expect(width(after) / afterWidth).toBeCloseTo(1.5);
    fireEvent.pointerDown(before.parentElement!, { clientX: 100, clientY: 100, pointerId: 1 });
    fireEvent.pointerMove(before.parentElement!, { clientX: 130, clientY: 90, pointerId: 1 });
    fireEvent.pointerUp(before.parentElement!, { pointerId: 1 });
    // Dragging one photo pans both.
    for (const image of [before, after]) expect(image.style.transform).toContain('translate(30px, -10px)');

    await userEvent.keyboard('0');
    expect(width(before)).toBeCloseTo(beforeWidth);
    expect(before.style.transform).toContain('translate(0px, 0px)');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(width(after) / afterWidth).toBeCloseTo(1.5);
  });

  it('shows a reused pair beside the one it copies, with its doctor and distance', async () => {
    const copy = await failing('PH_DUP');
    const dup = copy.ruleResults.find((r) => r.ruleId === 'PH_DUP')! as {
      evidence: { related: { id: number; image: { distance: number } }[] };
    };
    const [match] = dup.evidence.related;
    const original = (await apiList<Photo>(app, 'photos', { filter: { id: [match.id] } })).records[0];
    const { records: doctors } = await apiList<{ id: number; name: string }>(app, 'doctors', {
      filter: { id: [original.doctorId] },
    });

    const asked: string[] = [];
    const listen = ({ request }: { request: Request }) => void asked.push(new URL(request.url).pathname);
    server.events.on('request:start', listen);
    renderApp(`/photos/${copy.id}/show`);

    const matches = await screen.findByRole('region', { name: 'Matching pairs' });
    const pair = await within(matches).findByRole('listitem', { name: `Pair #${original.id}` });
    expect(pair).toHaveTextContent(doctors[0].name);
    expect(pair).toHaveTextContent(new RegExp(`${match.image.distance} bits? apart`));
    expect(await within(pair).findByRole('img', { name: imageName(original, 'before') })).toHaveAttribute(
      'src',
      original.before.thumbnailUrl,
    );
    expect(within(pair).getByRole('img', { name: imageName(copy, 'before') })).toBeInTheDocument();
    expect(within(pair).getByRole('link', { name: `Pair #${original.id}` })).toHaveAttribute(
      'href',
      `/photos/${original.id}/show`,
    );
    server.events.removeListener('request:start', listen);
    // The matching pairs and their doctors come in one list request each, not one per match.
    expect(asked).not.toContain(`/api/photos/${original.id}`);
    expect(asked).not.toContain(`/api/doctors/${original.doctorId}`);
    expect(asked.filter((path) => path === '/api/photos').length).toBeGreaterThan(0);
  });

  it('marks the EXIF fields a rule found suspicious', async () => {
    const edited = await failing('PH_EDITOR');
    renderApp(`/photos/${edited.id}/show`);
    const table = await screen.findByRole('table', { name: 'What the files say' });
    const software = within(table).getByRole('row', { name: /^Software/ });
    const flagged = within(software)
      .getAllByRole('cell')
      .filter((cell) => cell.hasAttribute('data-flagged'));
    expect(flagged.map((cell) => cell.textContent)).toEqual([`${edited.after.exif!.Software}PH_EDITOR`]);
    const sizes = within(table).getByRole('row', { name: /^Size/ });
    expect(sizes).toHaveTextContent(`${edited.before.width} × ${edited.before.height}`);
    expect(within(table).getByRole('row', { name: /^Taken/ })).toHaveTextContent(
      String(edited.before.exif!.DateTimeOriginal).replace('T', ' '),
    );
  });
});
