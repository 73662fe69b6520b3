import { readdirSync } from 'node:fs';
import { Command } from 'commander';
import { createCliContext, type RegisterCommands } from './lib/cli-context.ts';

/**
 * `npm run cli -- <command>`: operator commands. Each file in
 * scripts/commands/ registers its own commands, so adding one never touches
 * this file.
 */
const program = new Command('flightpath')
  .description('flightpath operator CLI. Every command accepts --db PATH and --help.')
  .showHelpAfterError();

const ctx = createCliContext();
const dir = new URL('./commands/', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) {
  const mod = (await import(new URL(file, dir).href)) as { register?: RegisterCommands };
  mod.register?.(program, ctx);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
