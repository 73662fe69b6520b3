import type { Scenario } from './lib/context.ts';
export const killServerScenario: Scenario = { name: 'kill-server', async run() { throw new Error('not yet'); } };
