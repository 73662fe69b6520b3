/**
 * `npm run eval -- <name> [args]`: runs scripts/eval/<name>.ts, which exports
 * `run(args: string[]): Promise<void>`. Evaluations read real data from a
 * path the operator gives; tests never do.
 */
import { existsSync, readdirSync } from 'node:fs';

const [name, ...args] = process.argv.slice(2);
const dir = new URL('./', import.meta.url);
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.replace(/\.ts$/, ''));
if (!name || !existsSync(new URL(`${name}.ts`, dir)) || name === 'run') {
  console.error(`usage: npm run eval -- <name> [args]\navailable: ${available.join(', ')}`);
  process.exit(2);
}
const mod = (await import(new URL(`${name}.ts`, dir).href)) as { run: (args: string[]) => Promise<void> };
await mod.run(args);
