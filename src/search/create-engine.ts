import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import type { SearchEngine } from './engine.ts';
import { vacancyTextSource } from './load-documents.ts';
import { SqliteEngine } from './sqlite-engine.ts';
import { createMeilisearchEngine } from './meilisearch/create.ts';
import { loadTaxonomy } from '../taxonomy/store.ts';

export type EngineConfig = Pick<Config, 'searchEngine'> &
  Partial<Pick<Config, 'MEILI_HOST' | 'MEILI_API_KEY' | 'MEILI_INDEX_PREFIX'>>;

/** The configured search engine. The embedded one lives in the same database file as `db`. */
export function createSearchEngine(config: EngineConfig, db: Db): SearchEngine {
  if (config.searchEngine === 'meilisearch') {
    // ── Meilisearch branch: filled in by src/search/meilisearch/ ──
    // The full Config also carries MEILI_SEARCH_KEY (searches); the taxonomy gives synonyms and skill labels.
    return createMeilisearchEngine(config, { taxonomy: () => loadTaxonomy(db) });
  }
  return new SqliteEngine(db, { textSource: vacancyTextSource(db) });
}
