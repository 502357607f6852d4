import type { MiddlewareHandler } from 'hono';

export interface LogLine {
  at: string;
  method: string;
  path: string;
  status: number;
  ms: number;
}

/** One structured line per request, written once the response is known. */
export const requestLog =
  (write: (line: LogLine) => void): MiddlewareHandler =>
  async (c, next) => {
    const started = performance.now();
    await next();
    write({
      at: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
