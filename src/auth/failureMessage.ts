import type { TranslateFunction } from 'react-admin';

/**
 * What went wrong, for the form that shows it: the server's own words (which tell a locked account
 * from a wrong password) or, without them, one of ours; as a sentence either way.
 */
export function failureMessage(error: unknown, translate: TranslateFunction, fallback: string): string {
  const message = error instanceof Error && error.message ? error.message : fallback;
  const text = translate(message, { _: message });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
