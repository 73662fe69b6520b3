import type { Config } from '../config.ts';
import type { Db } from '../db.ts';
import type { SearchEngine } from './engine.ts';
import { vacancyTextSource } from './load-documents.ts';
import { SqliteEngine } from './sqlite-engine.ts';

export type EngineConfig = Pick<Config, 'searchEngine'> &
  Partial<Pick<Config, 'MEILI_HOST' | 'MEILI_API_KEY' | 'MEILI_INDEX_PREFIX'>>;

/** The configured search engine. The embedded one lives in the same database file as `db`. */
export function createSearchEngine(config: EngineConfig, db: Db): SearchEngine {
  if (config.searchEngine === 'meilisearch') {
    // ── Meilisearch branch: filled in by src/search/meilisearch/ ──
    throw new Error('The Meilisearch engine is not available yet; unset MEILI_HOST or set SEARCH_ENGINE=sqlite');
  }
  return new SqliteEngine(db, { textSource: vacancyTextSource(db) });
}
