import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db.ts';
import type { Geocoder } from './geo/geocoder-port.ts';
import type { Logger } from './logger.ts';
import type { SearchEngine } from './search/engine.ts';
import type { Taxonomy } from './taxonomy/model.ts';
import type { VacancyEnricher } from './vacancies/enricher.ts';
import type { WorkLimiter } from './http/work-limiter.ts';

/**
 * Everything the HTTP app needs, passed in (tests build theirs with
 * test/helpers/test-app.ts). In its own file so routers depend on the
 * shape of their dependencies, not on the app that mounts them.
 */
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
  /** Admits participant matches a few at a time (src/http/work-limiter.ts); without one they run as they come. */
  matchLimiter?: WorkLimiter;
}

export type AppEnv = { Variables: { requestId: string; logger: Logger } };
