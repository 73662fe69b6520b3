import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/db.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { searchDocument } from './engine-contract.ts';
import { openTempDb } from './temp-search-db.ts';

/**
 * Issue 11: index writes beside another writer. Outbox batches failed with
 * "database is locked" in the writes soak at 250k (3,200 rows left backing
 * off): the engine's read-then-write transactions were deferred, and the
 * busy wait blocked the server's event loop. Here a second connection (as
 * an import in another process would) holds the write lock for a while;
 * the engine must wait for it without blocking the event loop, then write.
 */

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

describe('SQLite engine writes beside another writer', () => {
  it('wait for the write lock without blocking the event loop, then apply', async () => {
    const t = openTempDb();
    cleanups.push(t.cleanup);
    const engine = new SqliteEngine(t.db);
    await engine.upsert([searchDocument(1, { title: 'Warehouse Operative' })]);

    const other = openDb(t.path);
    cleanups.push(() => closeDb(other));
    other.$client.prepare('BEGIN IMMEDIATE').run();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const release = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.$client.prepare('COMMIT').run();
        resolve();
      }, 150),
    );
    try {
      await Promise.all([
        engine.upsert([searchDocument(1, { title: 'Warehouse Team Leader' }), searchDocument(2, { title: 'Forklift Driver' })]),
        engine.remove([3]),
        release,
      ]);
    } finally {
      clearInterval(ticker);
    }
    // The event loop kept running while the engine waited (a blocking busy wait would give 0 ticks until the lock freed).
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(await engine.count()).toBe(2);
    const found = await engine.search({ q: 'team leader' });
    expect(found.hits.map((h) => h.id)).toEqual([1]);
  });
});
