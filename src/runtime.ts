import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { closeDb, openDb, settleDeferredWrites, type Db } from './db.ts';
import { createGeocoder } from './geo/geocoder.ts';
import type { Logger } from './logger.ts';
import { createSearchEngine } from './search/create-engine.ts';
import type { SearchEngine } from './search/engine.ts';
import { createEnricher } from './taxonomy/enricher/index.ts';
import type { Taxonomy } from './taxonomy/model.ts';
import { loadServedTaxonomy } from './taxonomy/served-taxonomy.ts';
import { loadTaxonomy } from './taxonomy/store.ts';
import type { VacancyEnricher } from './vacancies/enricher.ts';
import type { Geocoder } from './geo/geocoder-port.ts';

/**
 * The wired-up parts every entry point needs (server, scrape job, imports):
 * the database, the search engine, the taxonomy with its enricher, and the
 * geocoder. Built in one place so the server and the CLI behave alike.
 */
export interface Runtime {
  db: Db;
  search: SearchEngine;
  now: Clock;
  taxonomy(): Taxonomy;
  enricher(): VacancyEnricher;
  geocoder: Geocoder;
  /** Reloads the taxonomy (and rebuilds the enricher) after an import. */
  reloadTaxonomy(): void;
  close(): Promise<void>;
}

export function openRuntime(
  config: Pick<
    Config,
    'DATABASE_PATH' | 'searchEngine' | 'MEILI_HOST' | 'MEILI_API_KEY' | 'MEILI_SEARCH_KEY' | 'MEILI_INDEX_PREFIX' | 'SEARCH_WORKERS' | 'SEARCH_TIMEOUT_MS'
  >,
  opts: { dbPath?: string; now?: Clock; logger?: Pick<Logger, 'warn'> } = {},
): Runtime {
  const now = opts.now ?? systemClock;
  const db = openDb(opts.dbPath ?? config.DATABASE_PATH);
  let taxonomy = loadServedTaxonomy(db, now());
  // The enricher takes about a second to build with all of ESCO loaded, so
  // it is built on first use (a server that only searches never pays).
  let enricher: VacancyEnricher | null = null;
  const search = createSearchEngine(config, db, {
    onSearchWorkerReplaced: (reason) => opts.logger?.warn({ reason }, 'search worker replaced'),
  });
  return {
    db,
    search,
    now,
    taxonomy: () => taxonomy,
    enricher: () => (enricher ??= createEnricher(taxonomy, db)),
    geocoder: createGeocoder(db),
    reloadTaxonomy() {
      taxonomy = loadTaxonomy(db);
      enricher = null;
    },
    async close() {
      await search.close?.();
      // Audit rows of reads made while another process held the lock are written before the file closes.
      await settleDeferredWrites(db);
      closeDb(db);
    },
  };
}
