import { systemClock, type Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Taxonomy } from '../../taxonomy/model.ts';
import { MeilisearchEngine } from './engine.ts';

export type MeiliConfig = Partial<Pick<Config, 'MEILI_HOST' | 'MEILI_API_KEY' | 'MEILI_SEARCH_KEY' | 'MEILI_INDEX_PREFIX'>>;

export interface MeiliEngineDeps {
  now?: Clock;
  /** Source of synonyms (occupation alternative titles) and searchable skill labels; called on the first write. */
  taxonomy?: () => Pick<Taxonomy, 'occupations' | 'skills'>;
}

/** The Meilisearch engine from configuration: MEILI_API_KEY writes, MEILI_SEARCH_KEY searches. */
export function createMeilisearchEngine(config: MeiliConfig, deps: MeiliEngineDeps = {}): MeilisearchEngine {
  if (!config.MEILI_HOST) throw new Error('SEARCH_ENGINE=meilisearch needs MEILI_HOST (for example http://127.0.0.1:7700)');
  return new MeilisearchEngine({
    host: config.MEILI_HOST,
    apiKey: config.MEILI_API_KEY,
    searchKey: config.MEILI_SEARCH_KEY,
    indexPrefix: config.MEILI_INDEX_PREFIX ?? 'flightpath_',
    taxonomy: deps.taxonomy,
    now: deps.now ?? systemClock,
  });
}
