import { hostname } from 'node:os';
import type { Db } from '../db.ts';

export interface LockHolder {
  pid: number;
  host: string;
  acquiredAt: number;
  heartbeatAt: number;
}

export interface ScrapeLock {
  /** Keeps the lock fresh during a long run. */
  heartbeat(now: number): void;
  release(): void;
}

export class LockHeldError extends Error {
  constructor(readonly holder: LockHolder) {
    super(`another scrape run holds the lock (pid ${holder.pid} on ${holder.host}, since ${new Date(holder.acquiredAt).toISOString()})`);
    this.name = 'LockHeldError';
  }
}

/** True when a process with this pid exists on this machine. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface AcquireOptions {
  name?: string;
  pid?: number;
  host?: string;
  now: number;
  /** A lock whose heartbeat is older than this is stale even if its process cannot be checked. */
  staleMs?: number;
}

/**
 * Takes the scrape lock (a row, so the CLI and the server's scheduler share
 * it through the database), or throws LockHeldError. A lock left by a dead
 * process on this host, or with an old heartbeat, is taken over.
 */
export function acquireScrapeLock(db: Db, o: AcquireOptions): ScrapeLock {
  const c = db.$client;
  const name = o.name ?? 'scrape';
  const pid = o.pid ?? process.pid;
  const host = o.host ?? hostname();
  const staleMs = o.staleMs ?? 30 * 60_000;
  const take = c.transaction(() => {
    const row = c.prepare('SELECT pid, host, acquired_at, heartbeat_at FROM scrape_locks WHERE name = ?').get(name) as
      | { pid: number; host: string; acquired_at: number; heartbeat_at: number }
      | undefined;
    if (row) {
      const dead = row.host === host && !processAlive(row.pid);
      const stale = o.now - row.heartbeat_at > staleMs;
      if (!dead && !stale) {
        return { pid: row.pid, host: row.host, acquiredAt: row.acquired_at, heartbeatAt: row.heartbeat_at } as LockHolder;
      }
    }
    c.prepare(
      `INSERT INTO scrape_locks (name, pid, host, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET pid = excluded.pid, host = excluded.host, acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
    ).run(name, pid, host, o.now, o.now);
    return null;
  });
  // IMMEDIATE: two processes racing for the lock serialise on the write lock.
  const holder = take.immediate();
  if (holder) throw new LockHeldError(holder);
  const acquiredAt = o.now;
  return {
    heartbeat(now) {
      c.prepare('UPDATE scrape_locks SET heartbeat_at = ? WHERE name = ? AND pid = ? AND host = ? AND acquired_at = ?').run(
        now, name, pid, host, acquiredAt,
      );
    },
    release() {
      c.prepare('DELETE FROM scrape_locks WHERE name = ? AND pid = ? AND host = ? AND acquired_at = ?').run(name, pid, host, acquiredAt);
    },
  };
}
