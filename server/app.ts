import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Db } from './db/connection';
import { HTTPException } from 'hono/http-exception';
import { ApiError, badRequest, invalidBody, isDataException } from './errors';
import { describeApi } from './openapi';
import { healthRoutes } from './routes/health';
import { imageRoutes, maxPhotoUploadBytes, photoUploadPath } from './routes/images';
import { authRoutes } from './routes/auth';
import { credentialRoutes, documentUploadPath, maxUploadBytes } from './routes/credentials';
import { decisionRoutes } from './routes/decisions';
import { settingRoutes } from './routes/settings';
import { queueRoutes } from './routes/queue';
import { ruleRoutes } from './routes/rules';
import { restRoutes } from './routes/rest';
import { qualityRoutes } from './routes/quality';
import { statsRoutes } from './routes/stats';
import { authenticate, csrfGuard, csrfHeader, securityHeaders } from './security';
import type { SignedIn } from './services/auth';
import { BackgroundRuns } from './services/rerun';
import { requestLog, type LogLine } from './requestLog';
import { createRegistry, registryConfig } from './registries';
import type { CredentialRegistry } from './registries/registry';
import type { MediaStorage } from './storage';
import { DatabaseStorage } from './storage/database';

export interface AppDeps {
  db: Db;
  /** The time decisions and records are stamped with; tests pass a fixed one. */
  clock?: () => Date;
  /** Where one structured line per request goes; absent: no request log. */
  log?: (line: LogLine) => void;
  /** An origin allowed to call the API from another site (CORS); absent: same origin only. */
  corsOrigin?: string;
  /** The caller's network address, for sign-in lockouts; absent (in process): 'local'. */
  clientAddress?: (c: Context) => string;
  /** Mark the session cookie Secure even over plain HTTP (behind a TLS-terminating proxy). */
  secureCookies?: boolean;
  /** Who works on re-runs of the rules in the background; absent: a worker of this app's own. */
  reruns?: BackgroundRuns;
  /** The NPI registry doctors are checked against; absent: as NPI_REGISTRY_URL configures it. */
  registry?: CredentialRegistry;
  /** Where uploaded photos and documents are kept; absent: in the database itself. */
  storage?: MediaStorage;
}

export interface AppEnv {
  Variables: {
    db: Db;
    clock: () => Date;
    clientAddress: string;
    /** Set by `authenticate` on every route that needs a session. */
    moderator: SignedIn;
    sessionToken: string;
    /** Re-runs of the rules this instance works on in the background. */
    reruns: BackgroundRuns;
    registry: CredentialRegistry;
    storage: MediaStorage;
  };
}

const maxBodyBytes = 1024 * 1024;

export function createApp({
  db,
  clock = () => new Date(),
  log,
  corsOrigin,
  clientAddress = () => 'local',
  secureCookies = false,
  reruns: backgroundRuns,
  registry = createRegistry(db.kysely, registryConfig()),
  storage = new DatabaseStorage(db.kysely, clock),
}: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    // Routes described with createRoute validate their input; a refusal speaks like every other.
    defaultHook: (result) => {
      if (result.success) return;
      if (result.target === 'param' || result.target === 'query')
        throw badRequest(result.error.issues[0]?.message ?? 'a parameter is malformed');
      throw invalidBody(result.error);
    },
  });
  const reruns = backgroundRuns ?? new BackgroundRuns(db.kysely, clock);
  app.use('*', securityHeaders);
  if (log) app.use('*', requestLog(log));
  // react-admin reads the list total from Content-Range, which a browser hides cross-origin unless exposed.
  if (corsOrigin)
    app.use(
      '/api/*',
      cors({
        origin: corsOrigin,
        exposeHeaders: ['Content-Range'],
        allowHeaders: ['Content-Type', csrfHeader],
        credentials: true,
      }),
    );
  app.use('/api/*', async (c, next) => {
    c.set('db', db);
    c.set('clock', clock);
    c.set('clientAddress', clientAddress(c));
    c.set('reruns', reruns);
    c.set('registry', registry);
    c.set('storage', storage);
    await next();
  });
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `the body exceeds ${maxSize} bytes`);
      },
    });
  const jsonLimit = limit(maxBodyBytes);
  const uploadLimit = limit(maxUploadBytes);
  const photoLimit = limit(maxPhotoUploadBytes);
  app.use('/api/*', (c, next) =>
    c.req.method !== 'POST'
      ? jsonLimit(c, next)
      : documentUploadPath.test(c.req.path)
        ? uploadLimit(c, next)
        : photoUploadPath.test(c.req.path)
          ? photoLimit(c, next)
          : jsonLimit(c, next),
  );

  app.use('/api/*', csrfGuard(corsOrigin), authenticate);

  healthRoutes(app);
  authRoutes(app, secureCookies);
  imageRoutes(app);
  decisionRoutes(app);
  credentialRoutes(app);
  settingRoutes(app);
  ruleRoutes(app);
  queueRoutes(app);
  statsRoutes(app);
  qualityRoutes(app);
  restRoutes(app);
  describeApi(app);

  app.notFound((c) =>
    c.json({ message: `no route for ${c.req.method} ${c.req.path}`, code: 'not_found' }, 404),
  );
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.toJSON(), error.status);
    // Hono's own refusals (a request validator's media-type gate, a body that does not parse).
    if (error instanceof HTTPException && error.status < 500) {
      const unsupported = error.status === 415;
      const message = unsupported
        ? `${c.req.method} ${c.req.path} does not take a body of type ${c.req.header('content-type') ?? '(none)'}`
        : error.message || 'the request cannot be read';
      return c.json({ message, code: unsupported ? 'unsupported_media_type' : 'bad_request' }, error.status);
    }
    // A filter value or id the database cannot compare with its column (PostgreSQL only).
    if (isDataException(error))
      return c.json({ message: 'a value in the request is out of range', code: 'bad_request' }, 400);
    console.error(error);
    return c.json({ message: 'internal error', code: 'internal' }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
