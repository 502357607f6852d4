import { setupServer } from 'msw/node';
import type { Role } from '../src/domain/model';
import type { App } from '../server/app';
import { demoAccounts, demoPassword } from '../server/seed';
import { apiHandlers, browserFetch, CookieJar } from './handlers';
import { createTestApp } from './testApp';

let app: App | null = null;
const jar = new CookieJar();
const currentApp = () => {
  if (!app) throw new Error('call useTestApi() before the first request');
  return app;
};

/** The MSW server UI tests run behind; faults from `faults.ts` go in front with `server.use`. */
export const server = setupServer(...apiHandlers(currentApp, jar));

/** Gives the tests that follow a fresh, seeded in-memory database behind the API, signed out. */
export async function useTestApi(options?: Parameters<typeof createTestApp>[0]) {
  const test = await createTestApp(options);
  app = test.app;
  jar.clear();
  return test;
}

/** Signs the browser in as the demo account of a role, for tests that are not about signing in. */
export async function signInAs(role: Role) {
  const response = await browserFetch(
    currentApp(),
    jar,
    new Request('http://localhost/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-verity-request': '1' },
      body: JSON.stringify({ email: demoAccounts[role], password: demoPassword }),
    }),
  );
  if (response.status !== 200) throw new Error(`signing in as ${role}: HTTP ${response.status}`);
  return response.json();
}
