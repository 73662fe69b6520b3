import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { Logger } from '../logger.ts';

export type RequestContextEnv = { Variables: { requestId: string; logger: Logger } };

const VALID_ID = /^[\w.=-]{1,128}$/;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, else
 * a fresh UUID), echoes it back, puts a pino child logger carrying it on
 * c.var.logger, and writes one access line per request. The line holds the
 * route pattern (`/v1/vacancies/:id`), never the raw URL, query string,
 * headers or bodies: those can carry personal data.
 */
export function requestContext(logger: Logger, now: () => number = performance.now.bind(performance)) {
  return createMiddleware<RequestContextEnv>(async (c, next) => {
    const given = c.req.header('X-Request-Id');
    const requestId = given && VALID_ID.test(given) ? given : randomUUID();
    const log = logger.child({ reqId: requestId });
    c.set('requestId', requestId);
    c.set('logger', log);
    const started = now();
    try {
      await next();
    } finally {
      c.header('X-Request-Id', requestId);
      const status = c.res.status;
      const route = routePattern(c);
      const line = { method: c.req.method, route, status, ms: Math.round((now() - started) * 10) / 10 };
      if (status >= 500) log.error(line, 'request');
      else log.info(line, 'request');
    }
  });
}

/** The pattern of the handler that answered, e.g. `/v1/vacancies/:id`; `-` when nothing matched. */
function routePattern(c: Parameters<typeof matchedRoutes>[0]): string {
  try {
    const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL');
    return handlers.at(-1)?.path ?? '-';
  } catch {
    return '-';
  }
}
