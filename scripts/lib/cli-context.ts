import type { Command } from 'commander';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db.ts';

/**
 * Shared by every CLI command: the parsed config and a way to open the
 * database named by --db (default DATABASE_PATH).
 */
export interface CliContext {
  config: Config;
  openDb(opts: { db?: string }): Db;
}

export function createCliContext(): CliContext {
  const config = loadConfig();
  return { config, openDb: (opts) => openDb(opts.db ?? config.DATABASE_PATH) };
}

/** Adds the --db option every command accepts. */
export function withDbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'SQLite database file (default: DATABASE_PATH or ./data/flightpath.db)');
}

/** Each file in scripts/commands/ exports one of these. */
export type RegisterCommands = (program: Command, ctx: CliContext) => void;
