import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps, AppEnv } from './app-deps.ts';
import { databaseBusy, ProblemError } from './errors.ts';
import { isBusy } from './db.ts';
import { limitBody } from './http/body-limit.ts';
import { requestContext } from './http/request-context.ts';
import { docsRoutes } from './routes/docs.tsx';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { vacancyRoutes } from './routes/vacancies.ts';
import { searchRoutes } from './routes/search.ts';
import { adminRoutes } from './routes/admin.ts';
import { participantRoutes } from './routes/participants/index.ts';
import { sectorRoutes } from './routes/sectors.ts';
import { pageRoutes } from './routes/pages.tsx';
import { outcomeRoutes } from './routes/outcomes.tsx';
import { employerPageRoutes } from './routes/employer-pages.tsx';
import { sendErrorPage, wantsHtmlPage } from './views/error-page.tsx';

/** Builds the Hono app. The only place routes are mounted. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Request id + per-request logger + access line first, so every other line carries the id.
  app.use(requestContext(deps.logger));
  app.use(limitBody(deps.config.BODY_LIMIT_BYTES));

  app.onError((thrown, c) => {
    // Waiting for the write lock ran past the busy timeout (a long job in another process): the client
    // should retry, nothing was written, so 503 with Retry-After rather than a 500.
    const err = isBusy(thrown) ? databaseBusy() : thrown;
    if (err instanceof ProblemError) {
      if (wantsHtmlPage(c)) return sendErrorPage(c, err.status, err.title, err.detail ?? null);
      return c.json(
        {
          type: err.type,
          title: err.title,
          status: err.status,
          ...(err.detail ? { detail: err.detail } : {}),
          ...(err.errors.length ? { errors: err.errors } : {}),
        },
        err.status as 400,
        { 'Content-Type': 'application/problem+json', ...err.headers },
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      if (wantsHtmlPage(c)) return sendErrorPage(c, err.status, err.message || 'Error', null);
      return c.json({ type: 'about:blank', title: err.message || 'Error', status: err.status }, err.status, {
        'Content-Type': 'application/problem+json',
      });
    }
    (c.get('logger') ?? deps.logger).error({ err }, 'unhandled error');
    if (wantsHtmlPage(c)) return sendErrorPage(c, 500, 'Internal Server Error', null);
    return c.json({ type: 'about:blank', title: 'Internal Server Error', status: 500 }, 500, {
      'Content-Type': 'application/problem+json',
    });
  });

  app.notFound((c) =>
    wantsHtmlPage(c) ? sendErrorPage(c, 404, 'Not Found', 'There is no page at this address.') : c.json({ type: 'about:blank', title: 'Not Found', status: 404, detail: `No route for ${c.req.method} ${c.req.path}` }, 404, {
      'Content-Type': 'application/problem+json',
    }),
  );

  // Routers are mounted below, one line each, each at its prefix. Health, the API description,
  // the docs and the pages own top-level paths (/healthz, /openapi.json, /docs, /signin…), so they sit at '/'.
  app.route('/', healthRoutes(deps));
  app.route('/', openApiRoutes(deps));
  app.route('/', docsRoutes(deps));
  app.route('/v1/vacancies', vacancyRoutes(deps));
  app.route('/v1/search', searchRoutes(deps));
  app.route('/v1/admin', adminRoutes(deps));
  app.route('/v1/participants', participantRoutes(deps));
  app.route('/v1/sectors', sectorRoutes(deps));
  app.route('/', pageRoutes(deps));
  app.route('/', outcomeRoutes(deps));
  app.route('/employer', employerPageRoutes(deps));

  return app;
}
