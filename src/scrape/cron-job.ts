import { loadSources } from '../../scrapers/sources.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import type { Logger } from '../logger.ts';
import type { VacancyEnricher } from '../vacancies/enricher.ts';
import type { Geocoder } from '../geo/geocoder-port.ts';
import { LockHeldError } from './lock.ts';
import { runScrape } from './run-scrape.ts';
import { startSchedule, type ScheduleHandle } from './schedule.ts';

export interface ScrapeCronDeps {
  db: Db;
  now: Clock;
  logger: Logger;
  config: Pick<Config, 'SCRAPE_CRON' | 'SOURCES_FILE' | 'SCRAPER_USER_AGENT'>;
  enricher?: () => VacancyEnricher | null;
  geocoder?: Geocoder | null;
}

/**
 * The server's in-process schedule (SCRAPE_CRON, UTC): the same runScrape as
 * `npm run scrape`, re-reading the sources file each time so edits need no
 * restart. Returns null when SCRAPE_CRON is unset. Throws at start-up on a
 * bad expression, so a typo is seen at once rather than at 2 a.m.
 */
export function startScrapeCron(deps: ScrapeCronDeps): ScheduleHandle | null {
  const cron = deps.config.SCRAPE_CRON;
  if (!cron) return null;
  const handle = startSchedule(
    cron,
    async () => {
      const sources = loadSources(deps.config.SOURCES_FILE);
      const summary = await runScrape(
        {
          db: deps.db,
          now: deps.now,
          logger: deps.logger,
          enricher: deps.enricher?.() ?? null,
          geocoder: deps.geocoder ?? null,
          fetch: { userAgent: deps.config.SCRAPER_USER_AGENT },
        },
        { sources },
      );
      deps.logger.info(
        { sources: summary.results.map((r) => ({ source: r.source, status: r.status, ...r.stats, errors: r.errorCount })) },
        summary.failed ? 'scheduled scrape finished with failed sources' : 'scheduled scrape finished',
      );
    },
    {
      now: deps.now,
      onError: (err) =>
        err instanceof LockHeldError
          ? deps.logger.warn({ holder: err.holder }, 'scheduled scrape skipped: another run holds the lock')
          : deps.logger.error({ err }, 'scheduled scrape failed'),
    },
  );
  deps.logger.info({ cron, next: new Date(handle.next()).toISOString() }, 'scrape schedule started');
  return handle;
}
