import { render, screen, within } from '@testing-library/react';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import type { App as ApiApp } from '../../server/app';
import { demoAccounts, demoPassword } from '../../server/seed';
import { App } from '../../src/App';

/**
 * Renders the whole console at `path` (a client route such as '/reviews/3/show'), with no saved
 * state. It is signed in as whoever the test signed the browser in as (`signInAs`), if anyone.
 */
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

const adminSessions = new WeakMap<ApiApp, Promise<string>>();

/**
 * The Cookie header of an admin session of the app's own, apart from the browser's cookie jar:
 * what a test reads to know what a screen should show does not depend on who the screen is for.
 */
function adminCookie(app: ApiApp): Promise<string> {
  const known = adminSessions.get(app);
  if (known) return known;
  const cookie = (async () => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Verity-Request': '1' },
      body: JSON.stringify({ email: demoAccounts.admin, password: demoPassword }),
    });
    if (!response.ok) throw new Error(`signing in as admin answered ${response.status}`);
    return response.headers.getSetCookie()[0].split(';')[0];
  })();
  adminSessions.set(app, cookie);
  return cookie;
}

/**
 * A request to the API as the demo admin, in a session apart from the browser's: for reading
 * what a screen should show, and for setting up what a test needs (a moderator to invite, a role
 * another admin changes) without going through the screen under test.
 */
export async function apiRequest(app: ApiApp, method: string, path: string, body?: unknown) {
  const headers = new Headers({ Cookie: await adminCookie(app) });
  if (method !== 'GET') headers.set('X-Verity-Request', '1');
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  return app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/**
 * A page of records and the total, read from the same API the console reads: what a list
 * should show under the given filter and sort.
 */
/**
 * The records a list request shows, in its order, with its total. They come whole, as show pages
 * read them (a list row itself leaves out long texts and rule evidence): tests compare what the
 * screens show with them.
 */
export async function apiList<T = Record<string, unknown>>(
  app: ApiApp,
  resource: string,
  { filter = {}, sort = ['id', 'ASC'], range = [0, 24] }: ListParams = {},
): Promise<{ records: T[]; total: number }> {
  const get = async (params: Record<string, unknown>) => {
    const query = new URLSearchParams(
      Object.fromEntries(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)])),
    );
    const response = await apiRequest(app, 'GET', `/api/${resource}?${query}`);
    if (!response.ok) throw new Error(`GET /api/${resource} answered ${response.status}`);
    return response;
  };
  const listed = await get({ filter, sort, range });
  const total = Number(/\/(\d+)$/.exec(listed.headers.get('Content-Range') ?? '')?.[1]);
  const ids = ((await listed.json()) as { id: number }[]).map((row) => row.id);
  if (ids.length === 0) return { records: [], total };
  const whole = (await (await get({ filter: { id: ids }, range: [0, ids.length - 1] })).json()) as (T & {
    id: number;
  })[];
  return { records: ids.map((id) => whole.find((record) => record.id === id)!), total };
}

export async function apiGet<T = Record<string, unknown>>(
  app: ApiApp,
  resource: string,
  id: number,
): Promise<T> {
  const response = await apiRequest(app, 'GET', `/api/${resource}/${id}`);
  if (!response.ok) throw new Error(`GET /api/${resource}/${id} answered ${response.status}`);
  return (await response.json()) as T;
}
