import { setTimeout as sleep } from 'node:timers/promises';
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

/**
 * `writeTransaction` for a request handler: waits for the write lock without
 * blocking the event loop. SQLite's busy timeout waits inside the call, so a
 * handler waiting behind another process (a CLI import) would freeze every
 * other request of the server, /healthz included, for up to the whole
 * timeout. Here each try is made with no busy wait, and between tries the
 * event loop runs (pauses of 2 ms growing to 25 ms, shorter than SQLite's
 * own 100 ms, which also gives the handler a fair chance against a job that
 * frees the lock only briefly). Past `timeoutMs` the 'database is locked'
 * error is thrown as from writeTransaction. Inside a transaction it is a
 * savepoint at once, as there the lock is already held.
 */
export async function writeTransactionWhenFree<T>(db: Db, fn: () => T, timeoutMs = BUSY_TIMEOUT_MS): Promise<T> {
  const sqlite = db.$client;
  if (sqlite.inTransaction) return writeTransaction(db, fn);
  const deadline = performance.now() + timeoutMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, 25)) {
    let began = false;
    sqlite.pragma('busy_timeout = 0');
    try {
      return sqlite
        .transaction(() => {
          // The lock is held from here: statements inside wait as usual (they never need to).
          began = true;
          sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
          return fn();
        })
        .immediate();
    } catch (err) {
      if (began || !isBusy(err) || performance.now() + pause > deadline) throw err;
    } finally {
      sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    await sleep(pause);
  }
}

/**
 * A bookkeeping write that may be skipped (a key's or a session's "last
 * used" time): tried once with no busy wait, so a request never waits for
 * another process's lock just to note when it was made. Returns false when
 * the lock was taken (the next request notes it instead).
 */
export function writeIfFree(db: Db, fn: () => void): boolean {
  const sqlite = db.$client;
  if (sqlite.inTransaction) {
    fn();
    return true;
  }
  sqlite.pragma('busy_timeout = 0');
  try {
    fn();
    return true;
  } catch (err) {
    if (isBusy(err)) return false;
    throw err;
  } finally {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** Writes `writeSoon` could not make at once, per database, in the order they were asked for. */
interface DeferredWrites {
  queue: Array<() => void>;
  draining: Promise<void> | null;
  /** A failure other than a taken lock: kept (with the writes) for `settleDeferredWrites` to report. */
  error: unknown;
}
const deferredWrites = new WeakMap<Db, DeferredWrites>();

/**
 * A write that must happen but need not happen before the response: the
 * audit row of a read. Made at once when the lock is free (or inside a
 * transaction, where it belongs to that transaction's change); when another
 * process holds the lock it is queued and written as soon as the lock frees,
 * in order, without the request waiting (a synchronous busy wait here froze
 * the whole server behind a CLI import). Queued writes live in memory until
 * written: `settleDeferredWrites` waits for them, and shutdown calls it
 * before closing the database.
 */
export function writeSoon(db: Db, fn: () => void): void {
  let state = deferredWrites.get(db);
  const queued = state?.queue.length ?? 0;
  if ((queued === 0 || db.$client.inTransaction) && writeIfFree(db, fn)) return;
  if (!state) deferredWrites.set(db, (state = { queue: [], draining: null, error: undefined }));
  state.queue.push(fn);
  state.draining ??= drainDeferredWrites(db, state);
}

async function drainDeferredWrites(db: Db, state: DeferredWrites): Promise<void> {
  state.error = undefined;
  try {
    while (state.queue.length > 0) {
      const batch = state.queue.slice();
      try {
        await writeTransactionWhenFree(db, () => batch.forEach((write) => write()));
        state.queue.splice(0, batch.length);
      } catch (err) {
        // Still locked after the whole timeout: try again. Anything else stops here, writes kept.
        if (isBusy(err)) continue;
        state.error = err;
        return;
      }
    }
  } finally {
    state.draining = null;
  }
}

/** Waits until every `writeSoon` write is in the database; throws if one could not be written (they stay queued). */
export async function settleDeferredWrites(db: Db): Promise<void> {
  const state = deferredWrites.get(db);
  if (!state) return;
  if (state.queue.length > 0) state.draining ??= drainDeferredWrites(db, state);
  await state.draining;
  if (state.error !== undefined) throw state.error;
}

/** SQLITE_BUSY: another connection holds the write lock. */
export function isBusy(err: unknown): boolean {
  return err instanceof Error && (err as { code?: unknown }).code === 'SQLITE_BUSY';
}

/**
 * The least time a long job (a file import) leaves the write lock free
 * between two of its batches. SQLite gives no fairness between processes: a
 * writer waiting in its busy handler sleeps up to 100 ms between tries, so
 * a job that takes the lock again sooner than that after each commit can
 * hold it off for the whole file (seen on CI: the server's API writes waited
 * until a 3,000-row import was over). 150 ms is one retry interval plus
 * scheduling slack; work done between batches (normalising the next one)
 * counts towards it, so an import that spends longer than this per batch
 * never sleeps.
 */
export const WRITE_YIELD_MS = 150;

/**
 * `writeTransaction` for a job that writes batch after batch: each call first
 * waits until `gapMs` have passed since the previous one committed, so
 * other processes waiting for the lock get their turn.
 */
export function pacedWriteTransactions(db: Db, gapMs = WRITE_YIELD_MS): <T>(fn: () => T) => Promise<T> {
  let freedAt = Number.NEGATIVE_INFINITY;
  return async (fn) => {
    const wait = freedAt + gapMs - performance.now();
    if (wait > 0) await sleep(wait);
    try {
      return writeTransaction(db, fn);
    } finally {
      freedAt = performance.now();
    }
  };
}
