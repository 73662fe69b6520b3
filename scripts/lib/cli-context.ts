import type { Command } from 'commander';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDb, type Db } from '../../src/db.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import type { Taxonomy } from '../../src/taxonomy/model.ts';
import { loadServedTaxonomy } from '../../src/taxonomy/served-taxonomy.ts';

/**
 * Shared by every CLI command: the parsed config and ways to open the
 * database named by --db (default DATABASE_PATH): bare, or as the full
 * runtime (taxonomy, enricher, geocoder, search engine) when a command
 * ingests vacancies like the server does.
 *
 * Every way in brings the database to the state the server's start-up would
 * (migrated, bundled taxonomy loaded), so a command on a fresh database
 * answers as production does instead of from an empty store.
 */
export interface CliContext {
  config: Config;
  openDb(opts: { db?: string }): Db;
  openRuntime(opts: { db?: string }): Runtime;
  /** The database and the taxonomy the server would use on it (bundled + imported). */
  openTaxonomy(opts: { db?: string }): { db: Db; taxonomy: Taxonomy };
}

/** `env` defaults to the process environment; tests pass their own (e.g. a DATABASE_PATH). */
export function createCliContext(env: Record<string, string | undefined> = process.env): CliContext {
  const config = loadConfig(env);
  return {
    config,
    openDb(opts) {
      const db = openDb(opts.db ?? config.DATABASE_PATH);
      // The server's start-up step; commands that read the taxonomy use openTaxonomy.
      ensureBundledTaxonomy(db, Date.now());
      return db;
    },
    openRuntime: (opts) => openRuntime(config, { dbPath: opts.db }),
    openTaxonomy(opts) {
      const db = openDb(opts.db ?? config.DATABASE_PATH);
      return { db, taxonomy: loadServedTaxonomy(db) };
    },
  };
}

/** Adds the --db option every command accepts. */
export function withDbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'SQLite database file (default: DATABASE_PATH or ./data/flightpath.db)');
}

/** Each file in scripts/commands/ exports one of these. */
export type RegisterCommands = (program: Command, ctx: CliContext) => void;
