import { fixedClock } from '../../../src/clock.ts';
import { MeilisearchEngine } from '../../../src/search/meilisearch/engine.ts';
import { CONTRACT_NOW } from '../engine-contract.ts';

/**
 * A Meilisearch engine on the server at MEILI_HOST with its own index
 * prefix, searching with MEILI_SEARCH_KEY when set (as production does) and
 * writing with MEILI_API_KEY. The clock ticks on each read so rebuild index
 * names stay distinct under a fixed time.
 */
export function liveMeiliEngine(prefix: string): MeilisearchEngine {
  const apiKey = process.env.MEILI_API_KEY;
  const clock = fixedClock(CONTRACT_NOW);
  return new MeilisearchEngine({
    host: process.env.MEILI_HOST!,
    apiKey,
    searchKey: process.env.MEILI_SEARCH_KEY ?? apiKey,
    indexPrefix: prefix,
    now: () => {
      clock.advance(1);
      return clock();
    },
  });
}
