import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../schema/index.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = fileURLToPath(new URL('../schema/migrations', import.meta.url));

/**
 * How long a writer waits for another connection's write lock before
 * 'database is locked'. Writers hold the lock for one bounded batch (a few
 * hundred ms at most), so a CLI import beside the server, or the server
 * beside an import, always gets its turn well within this.
 */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenDbOptions {
  /** Called with every statement this connection runs, parameters inlined (query-plan tests). */
  onStatement?: (sql: string) => void;
}

/**
 * Opens (creating if missing) the database at `path`, or a private in-memory
 * one for ':memory:', and applies every committed migration. WAL lets
 * searches read while the scraper writes; the busy timeout makes a second
 * writer (the CLI beside the server) wait instead of failing — which it only
 * does for transactions that take the write lock up front (writeTransaction).
 */
export function openDb(path: string, opts: OpenDbOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, opts.onStatement ? { verbose: (sql) => opts.onStatement!(String(sql)) } : {});
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  return db;
}

export function closeDb(db: Db): void {
  if (db.$client.open) db.$client.close();
}

/**
 * Runs `fn` in a transaction that takes the write lock when it begins
 * (BEGIN IMMEDIATE), for every transaction that reads and then writes. A
 * deferred one reads under a snapshot and asks for the lock at its first
 * write; if another connection committed in between, SQLite fails it at once
 * with SQLITE_BUSY ('database is locked') and the busy timeout never applies.
 * Inside another transaction it is a savepoint, as with db.transaction().
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}
