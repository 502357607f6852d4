import { http } from 'msw';
import type { App } from '../server/app';

/**
 * Every /api request goes into the real app, so UI tests exercise the real business rules.
 * The app is looked up per request, so a test can swap in a fresh database without
 * touching the handlers.
 */
export const apiHandlers = (currentApp: () => App) => [
  http.all('*/api/*', ({ request }) => currentApp().fetch(request)),
];
