import type { Scenario } from './lib/context.ts';
export const ingestRateScenario: Scenario = { name: 'ingest-rate', async run() { throw new Error('not yet'); } };
