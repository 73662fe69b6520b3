import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import type { SearchEngine } from './engine.ts';
import { vacancyTextSource } from './load-documents.ts';
import { SqliteEngine } from './sqlite-engine.ts';
import { SqliteSearchPool } from './sqlite-search-pool.ts';
import { createMeilisearchEngine } from './meilisearch/create.ts';
import { loadTaxonomy } from '../taxonomy/store.ts';

export type EngineConfig = Pick<Config, 'searchEngine'> &
  Partial<Pick<Config, 'MEILI_HOST' | 'MEILI_API_KEY' | 'MEILI_INDEX_PREFIX' | 'SEARCH_WORKERS' | 'SEARCH_TIMEOUT_MS'>>;

export interface EngineDeps {
  /** Told when a search worker is replaced (over budget or crashed). */
  onSearchWorkerReplaced?: (reason: string) => void;
}

/** The configured search engine. The embedded one lives in the same database file as `db`. */
export function createSearchEngine(config: EngineConfig, db: Db, deps: EngineDeps = {}): SearchEngine {
  if (config.searchEngine === 'meilisearch') {
    // ── Meilisearch branch: filled in by src/search/meilisearch/ ──
    // The full Config also carries MEILI_SEARCH_KEY (searches); the taxonomy gives synonyms and skill labels.
    return createMeilisearchEngine(config, { taxonomy: () => loadTaxonomy(db) });
  }
  // Worker threads need a file they can open; a private ':memory:' database is searched in-process.
  const workers = config.SEARCH_WORKERS ?? 0;
  const searchPool =
    workers > 0 && !db.$client.memory
      ? new SqliteSearchPool({
          dbPath: db.$client.name,
          size: workers,
          budgetMs: config.SEARCH_TIMEOUT_MS ?? 2000,
          text: 'vacancies',
          onWorkerReplaced: deps.onSearchWorkerReplaced,
        })
      : undefined;
  return new SqliteEngine(db, { textSource: vacancyTextSource(db), searchPool });
}
