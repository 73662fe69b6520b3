import type { Scenario } from './lib/context.ts';
export const killImportScenario: Scenario = { name: 'kill-import', async run() { throw new Error('not yet'); } };
