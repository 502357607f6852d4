import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv } from '../app';
import { invalidBody } from '../errors';
import { sessionCookie } from '../security';
import { acceptInvite, changePassword, profile, signIn, signOut } from '../services/auth';
import { readJson } from './json';

export const signInBody = z.strictObject({ email: z.string().max(200), password: z.string().max(200) });
export const passwordBody = z.strictObject({
  currentPassword: z.string().max(200),
  newPassword: z.string().max(200),
});
export const setPasswordBody = z.strictObject({ token: z.string().max(200), password: z.string().max(200) });

async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) throw invalidBody(parsed.error);
  return parsed.data;
}

export function authRoutes(app: OpenAPIHono<AppEnv>, secureCookies: boolean) {
  app.post('/api/auth/login', async (c) => {
    const { email, password } = await body(c, signInBody);
    const session = await signIn(c.var.db.kysely, {
      email,
      password,
      address: c.var.clientAddress,
      now: c.var.clock(),
    });
    setCookie(c, sessionCookie, session.token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: secureCookies || new URL(c.req.url).protocol === 'https:',
      path: '/',
      expires: new Date(session.expiresAt),
    });
    return c.json(profile(session.moderator));
  });

  app.post('/api/auth/logout', async (c) => {
    await signOut(c.var.db.kysely, c.var.sessionToken);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.body(null, 204);
  });

  app.get('/api/auth/me', (c) => c.json(profile(c.var.moderator)));

  app.post('/api/auth/password', async (c) => {
    await changePassword(c.var.db.kysely, c.var.moderator, c.var.sessionToken, await body(c, passwordBody));
    return c.body(null, 204);
  });

  app.post('/api/auth/set-password', async (c) => {
    const { token, password } = await body(c, setPasswordBody);
    await acceptInvite(c.var.db.kysely, { token, password, now: c.var.clock() });
    return c.body(null, 204);
  });
}
