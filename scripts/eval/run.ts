/**
 * `npm run eval -- <name> [args]`: runs scripts/eval/<name>.ts, which exports
 * `run(args: string[]): Promise<void>` (or runs at import, reading
 * process.argv, where it finds its own arguments from argv[2]). Evaluations
 * read real data from a path the operator gives; tests never do.
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
// Scripts that run at import time read process.argv: give them their own arguments at argv[2...].
process.argv.splice(2, 1);
const mod = (await import(new URL(`${name}.ts`, dir).href)) as { run?: (args: string[]) => Promise<void> };
if (typeof mod.run === 'function') {
  try {
    await mod.run(args);
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
