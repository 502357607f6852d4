import { render, screen, within } from '@testing-library/react';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import type { App as ApiApp } from '../../server/app';
import { App } from '../../src/App';

/** Renders the whole console at `path` (a client route such as '/reviews/3/show'), with no saved state. */
export function renderApp(path: string) {
  return render(
    <TestMemoryRouter initialEntries={[path]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

/** The body rows of the page's (only) data table. */
export const dataRows = (table: HTMLElement = screen.getByRole('table')) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => row.closest('tbody'));

/** The header the table says it is sorted by (aria-sort), as "Risk descending". */
export const sortedBy = () =>
  screen
    .getAllByRole('columnheader')
    .filter((header) => header.hasAttribute('aria-sort'))
    .map((header) => `${header.textContent} ${header.getAttribute('aria-sort')}`);

interface ListParams {
  filter?: Record<string, unknown>;
  sort?: [string, 'ASC' | 'DESC'];
  range?: [number, number];
}

/**
 * A page of records and the total, read from the same API the console reads: what a list
 * should show under the given filter and sort.
 */
export async function apiList<T = Record<string, unknown>>(
  app: ApiApp,
  resource: string,
  { filter = {}, sort = ['id', 'ASC'], range = [0, 24] }: ListParams = {},
): Promise<{ records: T[]; total: number }> {
  const query = new URLSearchParams({
    filter: JSON.stringify(filter),
    sort: JSON.stringify(sort),
    range: JSON.stringify(range),
  });
  const response = await app.request(`/api/${resource}?${query}`);
  if (!response.ok) throw new Error(`GET /api/${resource} answered ${response.status}`);
  const total = Number(/\/(\d+)$/.exec(response.headers.get('Content-Range') ?? '')?.[1]);
  return { records: (await response.json()) as T[], total };
}

export async function apiGet<T = Record<string, unknown>>(
  app: ApiApp,
  resource: string,
  id: number,
): Promise<T> {
  const response = await app.request(`/api/${resource}/${id}`);
  if (!response.ok) throw new Error(`GET /api/${resource}/${id} answered ${response.status}`);
  return (await response.json()) as T;
}
