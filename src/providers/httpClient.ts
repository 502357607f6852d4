import { fetchUtils, HttpError } from 'react-admin';

/** The header the server requires on every state-changing request: a cross-site form cannot set it (CSRF). */
const csrfHeader = 'X-Verity-Request';

/**
 * fetchJson with what every call to the API needs: the CSRF header on writes (the session
 * cookie goes along by itself, same origin), and a refusal (403) worded for the moderator
 * rather than as the server's log line. react-admin translates the message it notifies.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  if (options.method && options.method !== 'GET') headers.set(csrfHeader, '1');
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers });
  } catch (error) {
    if (error instanceof HttpError && error.status === 403 && error.body?.code === 'forbidden') {
      throw new HttpError('verity.auth.forbidden', 403, error.body);
    }
    throw error;
  }
}

/** POSTs a JSON body to the API; resolves with the answer's JSON (undefined for a 204). */
export const postJson = async <T = undefined>(path: string, body?: unknown): Promise<T> =>
  (
    await httpClient(`/api${path}`, {
      method: 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  ).json as T;
