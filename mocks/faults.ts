import { delay, http, HttpResponse } from 'msw';

/**
 * Failures the real server rarely shows, for tests of the SPA's error paths. Each returns a
 * handler to put in front of the API bridge with `server.use(...)`; `path` is an MSW path
 * pattern such as '*\/api/reviews'.
 */
type Method = 'get' | 'post' | 'put' | 'delete' | 'all';

export const networkError = (path: string, method: Method = 'all') =>
  http[method](path, () => HttpResponse.error());

export const serverError = (path: string, method: Method = 'all') =>
  http[method](path, () =>
    HttpResponse.json({ message: 'internal error', code: 'internal' }, { status: 500 }),
  );

export const conflictError = (path: string, method: Method = 'all', details: Record<string, unknown> = {}) =>
  http[method](path, () =>
    HttpResponse.json(
      { message: 'someone else decided this item first', code: 'conflict', ...details },
      { status: 409 },
    ),
  );

/** Waits before letting the request through to the handlers behind it (the real app). */
export const slow = (path: string, ms: number, method: Method = 'all') =>
  http[method](path, async () => {
    await delay(ms);
    return undefined;
  });
