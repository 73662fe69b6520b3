import type { Command } from 'commander';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';

/**
 * Shared by every CLI command: the parsed config and ways to open the
 * database named by --db (default DATABASE_PATH): bare, or as the full
 * runtime (taxonomy, enricher, geocoder, search engine) when a command
 * ingests vacancies like the server does.
 */
export interface CliContext {
  config: Config;
  openDb(opts: { db?: string }): Db;
  openRuntime(opts: { db?: string }): Runtime;
}

/** `env` defaults to the process environment; tests pass their own (e.g. a DATABASE_PATH). */
export function createCliContext(env: Record<string, string | undefined> = process.env): CliContext {
  const config = loadConfig(env);
  return {
    config,
    openDb: (opts) => openDb(opts.db ?? config.DATABASE_PATH),
    openRuntime: (opts) => openRuntime(config, { dbPath: opts.db }),
  };
}

/** Adds the --db option every command accepts. */
export function withDbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'SQLite database file (default: DATABASE_PATH or ./data/flightpath.db)');
}

/** Each file in scripts/commands/ exports one of these. */
export type RegisterCommands = (program: Command, ctx: CliContext) => void;
