import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSY_TIMEOUT_MS, closeDb, isBusy, openDb, pacedWriteTransactions, settleDeferredWrites, writeSoon, writeTransactionWhenFree } from '../src/db.ts';
import { auditParticipant } from '../src/participants/audit.ts';

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

const twoConnections = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fp-when-free-'));
  const path = join(dir, 'fp.db');
  const a = openDb(path);
  const b = openDb(path);
  a.$client.exec('CREATE TABLE t (n INTEGER)');
  return { a, b, done: () => (closeDb(a), closeDb(b), rmSync(dir, { recursive: true, force: true })) };
};

describe('writeTransactionWhenFree', () => {
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

describe('writeSoon', () => {
  const numbers = (db: ReturnType<typeof openDb>) => db.$client.prepare('SELECT n FROM t ORDER BY rowid').pluck().all();

  it('queues writes while another connection holds the lock and writes them in order once it frees, without waiting', async () => {
    const { a, b, done } = twoConnections();
    try {
      b.$client.exec('BEGIN IMMEDIATE');
      b.$client.exec('INSERT INTO t (n) VALUES (0)');
      const insert = a.$client.prepare('INSERT INTO t (n) VALUES (?)');
      // With SQLite's busy wait each of these would hold the event loop for 10 s and then throw.
      for (const n of [1, 2, 3]) writeSoon(a, () => insert.run(n));
      expect(numbers(a)).toEqual([]);
      b.$client.exec('COMMIT');
      await settleDeferredWrites(a);
      expect(numbers(a)).toEqual([0, 1, 2, 3]);
      // With nothing queued and the lock free, the next one is written at once.
      writeSoon(a, () => insert.run(4));
      expect(numbers(a)).toEqual([0, 1, 2, 3, 4]);
    } finally {
      done();
    }
  });

  it('inside a transaction writes at once, as part of it (a rollback takes it away)', () => {
    const { a, done } = twoConnections();
    try {
      a.$client.transaction(() => {
        writeSoon(a, () => a.$client.prepare('INSERT INTO t (n) VALUES (7)').run());
        expect(numbers(a)).toEqual([7]);
        a.$client.exec('SAVEPOINT s; ROLLBACK TO s');
      })();
      expect(() =>
        a.$client.transaction(() => {
          writeSoon(a, () => a.$client.prepare('INSERT INTO t (n) VALUES (8)').run());
          throw new Error('change refused');
        })(),
      ).toThrow('change refused');
      expect(numbers(a)).toEqual([7]);
    } finally {
      done();
    }
  });

  it("a participant read's audit row taken while an import holds the lock is stored once the lock frees", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-audit-soon-'));
    const server = openDb(join(dir, 'fp.db'));
    const importer = openDb(join(dir, 'fp.db'));
    try {
      importer.$client.exec('BEGIN IMMEDIATE');
      auditParticipant(server, { coachId: 5, action: 'participant.viewed', participantId: 9, shown: ['profile', 'matches'] }, 1_800_000_000_000);
      importer.$client.exec('COMMIT');
      await settleDeferredWrites(server);
      const rows = server.$client.prepare("SELECT actor, action, subject_id AS subject, detail FROM audit_log WHERE action = 'participant.viewed'").all();
      expect(rows).toEqual([{ actor: 'coach:5', action: 'participant.viewed', subject: '9', detail: JSON.stringify({ shown: ['profile', 'matches'] }) }]);
    } finally {
      closeDb(server);
      closeDb(importer);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
