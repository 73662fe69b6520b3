import { describe } from 'vitest';
import { dropIndexesWithPrefix } from '../../../src/search/meilisearch/drop-indexes.ts';
import { describeEngineContract } from '../engine-contract.ts';
import { liveMeiliEngine } from './live-engine.ts';

/**
 * The shared engine contract against a real Meilisearch (v1.15 or later),
 * only when MEILI_HOST is set:
 *
 *   MEILI_HOST=http://127.0.0.1:7700 MEILI_API_KEY=<master or admin key> [MEILI_SEARCH_KEY=<search key>] \
 *     npx vitest run --config test/vitest.config.ts test/search/meilisearch/contract.test.ts
 *
 * Without MEILI_HOST the suite is registered as skipped (never as passed).
 * Each engine gets its own index prefix; cleanup deletes its indexes.
 */
const host = process.env.MEILI_HOST;
const apiKey = process.env.MEILI_API_KEY;
const runId = `${process.pid}_${Math.floor(Math.random() * 1e6)}`;
let made = 0;

const dropIndexes = (prefix: string) => dropIndexesWithPrefix(host!, apiKey, prefix, 30_000);

describe.runIf(Boolean(host))('Meilisearch at MEILI_HOST', () => {
  describeEngineContract('meilisearch', async () => {
    const prefix = `flightpath_contract_${runId}_${++made}_`;
    const engine = liveMeiliEngine(prefix);
    return { engine, cleanup: () => dropIndexes(prefix) };
  });
});
