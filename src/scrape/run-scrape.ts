import type { FetcherOptions } from '../../scrapers/fetch/fetcher.ts';
import type { Source } from '../../scrapers/sources.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import { updateDemandHistory } from '../pivots/demand-history.ts';
import type { Logger } from '../logger.ts';
import type { VacancyEnricher } from '../vacancies/enricher.ts';
import type { Geocoder } from '../geo/geocoder-port.ts';
import { createFetchCache } from './fetch-cache.ts';
import { acquireScrapeLock } from './lock.ts';
import { runSource, type SourceRunResult } from './run-source.ts';
import { closeInterruptedRuns, emptyStats, finishRun, startRun } from './runs.ts';

export interface ScrapeDeps {
  db: Db;
  now: Clock;
  logger: Logger;
  enricher?: VacancyEnricher | null;
  geocoder?: Geocoder | null;
  /** User agent and politeness limits; tests also inject sleep and short timeouts. */
  fetch: FetcherOptions;
}

/** Hooks for a progress display (the CLI draws one bar per source). */
export interface ScrapeProgress {
  start(source: string): void;
  total(source: string, n: number): void;
  tick(source: string, n: number): void;
  end(source: string, result: SourceRunResult): void;
}

export interface ScrapeOptions {
  sources: Source[];
  /** Only this source (enabled or not). */
  only?: string;
  /** Fetch and parse, write nothing (no vacancies, run records, validators or lock). */
  dryRun?: boolean;
  /** At most N vacancies per source; such a run is partial and expires nothing. */
  limit?: number;
  /** Consecutive successful runs a vacancy may be missing before it is expired. */
  expireAfterRuns?: number;
  progress?: ScrapeProgress;
  /** Lock identity (tests); default this process. */
  lockPid?: number;
  lockStaleMs?: number;
}

export interface ScrapeSummary {
  results: SourceRunResult[];
  /** True when any source failed outright: the CLI exits non-zero. */
  failed: boolean;
}

/**
 * The nightly job: each chosen source in turn, isolated from the others (a
 * source that fails is recorded and the rest still run), under a lock so two
 * runs never overlap. Throws LockHeldError when another run holds the lock,
 * and an Error when `only` names no configured source.
 */
export async function runScrape(deps: ScrapeDeps, options: ScrapeOptions): Promise<ScrapeSummary> {
  const chosen = options.only
    ? options.sources.filter((s) => s.name === options.only)
    : options.sources.filter((s) => s.enabled);
  if (options.only && !chosen.length) {
    throw new Error(`no source named "${options.only}" (configured: ${options.sources.map((s) => s.name).join(', ') || 'none'})`);
  }
  const dryRun = !!options.dryRun;
  const lock = dryRun ? null : acquireScrapeLock(deps.db, { now: deps.now(), pid: options.lockPid, staleMs: options.lockStaleMs });
  const heartbeat = lock ? setInterval(() => lock.heartbeat(deps.now()), 60_000) : null;
  heartbeat?.unref();
  const results: SourceRunResult[] = [];
  try {
    if (!dryRun) closeInterruptedRuns(deps.db, deps.now());
    const cache = dryRun ? null : createFetchCache(deps.db);
    for (const source of chosen) {
      options.progress?.start(source.name);
      const runId = dryRun ? null : startRun(deps.db, source.name, deps.now());
      let result: SourceRunResult;
      try {
        result = await runSource({ ...deps, cache }, source, {
          dryRun,
          limit: options.limit,
          expireAfterRuns: options.expireAfterRuns ?? 2,
          onTotal: (n) => options.progress?.total(source.name, n),
          onTick: (n) => options.progress?.tick(source.name, n),
        });
      } catch (err) {
        // runSource records adapter failures itself; this is a bug or a database error.
        const message = err instanceof Error ? err.message : String(err);
        result = { source: source.name, status: 'failed', stats: emptyStats(), found: 0, errors: [], errorCount: 0, fatal: message };
      }
      if (runId != null) finishRun(deps.db, runId, result, deps.now());
      lock?.heartbeat(deps.now());
      deps.logger.info(
        { source: source.name, status: result.status, ...result.stats, errors: result.errorCount, fatal: result.fatal },
        'scrape source finished',
      );
      options.progress?.end(source.name, result);
      results.push(result);
    }
    // Growth signals read the demand history; bring it up to date with what this run changed.
    if (!dryRun) updateDemandHistory(deps.db, deps.now());
  } finally {
    if (heartbeat) clearInterval(heartbeat);
    lock?.release();
  }
  return { results, failed: results.some((r) => r.status === 'failed') };
}
