import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Guarded, Permission } from '../src/domain/permissions';
import { can } from '../src/domain/permissions';
import type { AppEnv } from './app';
import { ApiError } from './errors';
import { sessionFor } from './services/auth';

export const sessionCookie = 'verity_session';

/**
 * No inline script may run (React renders user text as text, and CSP is the second wall if that
 * ever fails); MUI writes its styles inline, so styles may be. The console is never framed.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  // A credential document sets its own policy: it is shown framed inside the console.
  if (!c.res.headers.has('Content-Security-Policy')) {
    c.header('Content-Security-Policy', contentSecurityPolicy);
    c.header('X-Frame-Options', 'DENY');
  }
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'same-origin');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
};

/** The header every state-changing request must carry; a cross-site form or image cannot set it. */
export const csrfHeader = 'X-Verity-Request';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie sessions need a CSRF defence beyond SameSite=Strict: a state-changing request must carry
 * the custom header (which forces a CORS preflight cross-origin) and, when the browser names its
 * Origin, come from this site or the configured CORS origin.
 */
export const csrfGuard =
  (allowedOrigin: string | undefined): MiddlewareHandler =>
  async (c, next) => {
    if (!safeMethods.has(c.req.method)) {
      const origin = c.req.header('origin');
      const ownOrigin = new URL(c.req.url).origin;
      if (c.req.header(csrfHeader) !== '1' || (origin && origin !== ownOrigin && origin !== allowedOrigin)) {
        throw new ApiError(
          403,
          'csrf',
          `state-changing requests must come from the console (${csrfHeader} header)`,
        );
      }
    }
    await next();
  };

/** Routes anyone may call: the health check, the API description and the two ways in. */
const publicRoutes = new Set([
  '/api/health',
  '/api/openapi.json',
  '/api/auth/login',
  '/api/auth/set-password',
]);

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (publicRoutes.has(c.req.path)) return next();
  const token = getCookie(c, sessionCookie);
  const moderator = token ? await sessionFor(c.var.db.kysely, token, c.var.clock()) : null;
  if (!token || !moderator) throw new ApiError(401, 'unauthenticated', 'sign in first');
  c.set('moderator', moderator);
  c.set('sessionToken', token);
  await next();
};

/** Refuses, with 403, a signed-in moderator whose role lacks the permission on the resource. */
export const authorize =
  (permission: Permission, resource: Guarded): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const { role } = c.var.moderator;
    if (!can(role, permission, resource)) {
      throw new ApiError(403, 'forbidden', `a ${role} may not ${permission} ${resource}`);
    }
    await next();
  };
