import { http } from 'msw';
import type { App } from '../server/app';

/**
 * What a browser does with cookies, for a fetch that keeps none: the session cookie the app sets
 * is sent back on later requests until the app clears it or a test resets the jar.
 */
export class CookieJar {
  private cookies = new Map<string, string>();

  header(): string | null {
    return this.cookies.size === 0 ? null : [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = [
        pair.slice(0, pair.indexOf('=')).trim(),
        pair.slice(pair.indexOf('=') + 1).trim(),
      ];
      const cleared = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (cleared) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  clear() {
    this.cookies.clear();
  }
}

/** Sends a request into the app as a browser would: with the jar's cookies, keeping what it sets. */
export async function browserFetch(app: App, jar: CookieJar, request: Request): Promise<Response> {
  const headers = new Headers(request.headers);
  const cookie = jar.header();
  if (cookie) headers.set('cookie', cookie);
  const response = await app.fetch(new Request(request, { headers }));
  jar.store(response);
  return response;
}

/**
 * Every /api request goes into the real app, so UI tests exercise the real business rules.
 * The app is looked up per request, so a test can swap in a fresh database without
 * touching the handlers.
 */
export const apiHandlers = (currentApp: () => App, jar: CookieJar) => [
  http.all('*/api/*', ({ request }) => browserFetch(currentApp(), jar, request)),
];
