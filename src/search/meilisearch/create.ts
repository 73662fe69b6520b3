import { systemClock, type Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Taxonomy } from '../../taxonomy/model.ts';
import { MeilisearchEngine } from './engine.ts';
import { synonymsFromTaxonomy } from './synonyms.ts';

export type MeiliConfig = Pick<Config, 'MEILI_HOST' | 'MEILI_API_KEY' | 'MEILI_INDEX_PREFIX'> & {
  MEILI_SEARCH_KEY?: string | undefined;
};

export interface MeiliEngineDeps {
  now?: Clock;
  /** Source of synonyms (occupation alternative titles) and searchable skill labels. */
  taxonomy?: Pick<Taxonomy, 'occupations' | 'skills'>;
}

/** The Meilisearch engine from configuration: MEILI_API_KEY writes, MEILI_SEARCH_KEY searches. */
export function createMeilisearchEngine(config: MeiliConfig, deps: MeiliEngineDeps = {}): MeilisearchEngine {
  if (!config.MEILI_HOST) throw new Error('SEARCH_ENGINE=meilisearch needs MEILI_HOST (for example http://127.0.0.1:7700)');
  const taxonomy = deps.taxonomy;
  return new MeilisearchEngine({
    host: config.MEILI_HOST,
    apiKey: config.MEILI_API_KEY,
    searchKey: config.MEILI_SEARCH_KEY,
    indexPrefix: config.MEILI_INDEX_PREFIX,
    synonyms: taxonomy ? synonymsFromTaxonomy(taxonomy) : undefined,
    labelSkill: taxonomy ? (id) => taxonomy.skills.get(id)?.label : undefined,
    now: deps.now ?? systemClock,
  });
}
