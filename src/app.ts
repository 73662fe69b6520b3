import { Hono } from 'hono';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import { ProblemError } from './errors.ts';
import type { Logger } from './logger.ts';
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
  config: Pick<Config, 'RATE_LIMIT_PER_MINUTE' | 'BODY_LIMIT_BYTES'>;
}

export type AppEnv = { Variables: { requestId: string; logger: Logger } };

/** Builds the Hono app. The only place routes are mounted. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.onError((err, c) => {
    if (err instanceof ProblemError) {
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
    deps.logger.error({ err }, 'unhandled error');
    return c.json({ type: 'about:blank', title: 'Internal Server Error', status: 500 }, 500, {
      'Content-Type': 'application/problem+json',
    });
  });

  app.get('/healthz', (c) => c.json({ ok: true }));

  // Routers are mounted below, one line each.

  return app;
}
