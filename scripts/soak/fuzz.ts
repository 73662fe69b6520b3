import type { Scenario } from './lib/context.ts';
export const fuzzScenario: Scenario = { name: 'fuzz', async run() { throw new Error('not yet'); } };
