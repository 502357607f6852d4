import { setupServer } from 'msw/node';
import type { App } from '../server/app';
import { apiHandlers } from './handlers';
import { createTestApp } from './testApp';

let app: App | null = null;

/** The MSW server UI tests run behind; faults from `faults.ts` go in front with `server.use`. */
export const server = setupServer(
  ...apiHandlers(() => {
    if (!app) throw new Error('call useTestApi() before the first request');
    return app;
  }),
);

/** Gives the tests that follow a fresh, seeded in-memory database behind the API. */
export async function useTestApi(options?: Parameters<typeof createTestApp>[0]) {
  const test = await createTestApp(options);
  app = test.app;
  return test;
}
