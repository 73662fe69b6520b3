import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSY_TIMEOUT_MS, closeDb, isBusy, openDb, pacedWriteTransactions, writeTransactionWhenFree } from '../src/db.ts';

describe('pacedWriteTransactions', () => {
  it('leaves the write lock free for the gap between two batches, and commits each batch', async () => {
    const db = openDb(':memory:');
    try {
      db.$client.exec('CREATE TABLE t (n INTEGER)');
      const write = pacedWriteTransactions(db, 60);
      const began: number[] = [];
      const ended: number[] = [];
      for (let i = 0; i < 3; i++) {
        await write(() => {
          began.push(performance.now());
          db.$client.prepare('INSERT INTO t (n) VALUES (?)').run(i);
          ended.push(performance.now());
        });
      }
      expect((db.$client.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(3);
      // A lower bound only (timers may fire late, never more than a rounding early).
      for (let i = 1; i < 3; i++) expect(began[i]! - ended[i - 1]!).toBeGreaterThanOrEqual(58);
    } finally {
      closeDb(db);
    }
  });

  it('rolls a failing batch back and passes its error on; the next batch still runs', async () => {
    const db = openDb(':memory:');
    try {
      db.$client.exec('CREATE TABLE t (n INTEGER)');
      const write = pacedWriteTransactions(db, 5);
      const insert = db.$client.prepare('INSERT INTO t (n) VALUES (?)');
      await expect(
        write(() => {
          insert.run(1);
          throw new Error('bad row');
        }),
      ).rejects.toThrow('bad row');
      await write(() => insert.run(2));
      expect(db.$client.prepare('SELECT n FROM t').all()).toEqual([{ n: 2 }]);
      expect(db.$client.inTransaction).toBe(false);
    } finally {
      closeDb(db);
    }
  });
});

describe('writeTransactionWhenFree', () => {
  const twoConnections = () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-when-free-'));
    const path = join(dir, 'fp.db');
    const a = openDb(path);
    const b = openDb(path);
    a.$client.exec('CREATE TABLE t (n INTEGER)');
    return { a, b, done: () => (closeDb(a), closeDb(b), rmSync(dir, { recursive: true, force: true })) };
  };

  it('waits for another connection to free the write lock without blocking the event loop', async () => {
    const { a, b, done } = twoConnections();
    try {
      b.$client.exec('BEGIN IMMEDIATE');
      b.$client.exec('INSERT INTO t (n) VALUES (1)');
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 5);
      setTimeout(() => b.$client.exec('COMMIT'), 150);
      const seen = await writeTransactionWhenFree(a, () => {
        a.$client.prepare('INSERT INTO t (n) VALUES (2)').run();
        return a.$client.prepare('SELECT n FROM t ORDER BY n').all();
      });
      clearInterval(ticker);
      // The other connection's row was committed first; timers ran while this one waited.
      expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
      expect(ticks).toBeGreaterThan(3);
      // The connection keeps its busy timeout for the statements that follow.
      expect(a.$client.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    } finally {
      done();
    }
  });

  it("gives up with SQLITE_BUSY after its timeout, having written nothing", async () => {
    const { a, b, done } = twoConnections();
    try {
      b.$client.exec('BEGIN IMMEDIATE');
      let ran = false;
      const err = await writeTransactionWhenFree(a, () => (ran = true), 60).catch((e: unknown) => e);
      expect(isBusy(err)).toBe(true);
      expect(ran).toBe(false);
      b.$client.exec('ROLLBACK');
      expect(a.$client.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    } finally {
      done();
    }
  });

  it('lets an error thrown inside the transaction through at once (no retry) and rolls it back', async () => {
    const { a, done } = twoConnections();
    try {
      let calls = 0;
      const err = await writeTransactionWhenFree(a, () => {
        calls++;
        a.$client.prepare('INSERT INTO t (n) VALUES (3)').run();
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      }).catch((e: unknown) => e);
      expect(isBusy(err)).toBe(true);
      expect(calls).toBe(1);
      expect(a.$client.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    } finally {
      done();
    }
  });
});
