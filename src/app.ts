import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { ProblemError } from './errors.ts';
import { participantRoutes } from './routes/participants.ts';
import type { Logger } from './logger.ts';
import { limitBody } from './http/body-limit.ts';
import { requestContext } from './http/request-context.ts';
import { docsRoutes } from './routes/docs.tsx';
import { healthRoutes } from './routes/health.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { vacancyRoutes } from './routes/vacancies.ts';
import { searchRoutes } from './routes/search.ts';
import { adminRoutes } from './routes/admin.ts';
import { pivotRoutes } from './routes/pivots.ts';
import { sectorRoutes } from './routes/sectors.ts';
import { pageRoutes } from './routes/pages.tsx';
import { sendErrorPage, wantsHtmlPage } from './views/error-page.tsx';
import type { SearchEngine } from './search/engine.ts';
import type { Taxonomy } from './taxonomy/model.ts';
import type { VacancyEnricher } from './vacancies/enricher.ts';
import type { Geocoder } from './vacancies/normalise.ts';

/** Everything the HTTP app needs, passed in (tests build their own). */
export interface AppDeps {
  db: Db;
  search: SearchEngine;
  /** The current taxonomy snapshot; a function so an import can swap it without a restart. */
  taxonomy: () => Taxonomy;
  /** Classifier and skill spotter over the current taxonomy (null before one is loaded). */
  enricher: () => VacancyEnricher | null;
  /** Offline geocoder for place names and postcodes (null: only "lat,lon" is understood). */
  geocoder: Geocoder | null;
  now: Clock;
  logger: Logger;
  /** PUBLIC_URL and TRUST_PROXY: where browsers reach the service (src/http/public-origin.ts); defaults fit app.request(). */
  config: Pick<Config, 'RATE_LIMIT_PER_MINUTE' | 'BODY_LIMIT_BYTES'> & Partial<Pick<Config, 'PUBLIC_URL' | 'TRUST_PROXY'>>;
  /** The scrape sources file, shown by GET /v1/admin/sources. */
  sourcesFile?: string;
}

export type AppEnv = { Variables: { requestId: string; logger: Logger } };

/** Builds the Hono app. The only place routes are mounted. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Request id + per-request logger + access line first, so every other line carries the id.
  app.use(requestContext(deps.logger));
  app.use(limitBody(deps.config.BODY_LIMIT_BYTES));

  app.onError((err, c) => {
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

  // Routers are mounted below, one line each.
  app.route('/', healthRoutes(deps));
  app.route('/', openApiRoutes(deps));
  app.route('/', docsRoutes(deps));
  app.route('/', vacancyRoutes(deps));
  app.route('/', searchRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/v1/participants', participantRoutes(deps));
  app.route('/', pivotRoutes(deps));
  app.route('/', sectorRoutes(deps));
  app.route('/', pageRoutes(deps));

  return app;
}
