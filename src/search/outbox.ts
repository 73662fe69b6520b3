import { systemClock, type Clock } from '../clock.ts';
import { writeTransactionWhenFree, type Db } from '../db.ts';
import type { Logger } from '../logger.ts';
import { nextTurn } from '../next-turn.ts';
import { loadLiveDocumentsAfter, loadSearchDocuments } from './load-documents.ts';
import type { SearchDocument, SearchEngine } from './engine.ts';

/*
 * The outbox drainer is the only writer of the search index in normal
 * operation. It is state-based: an outbox row only says "look at vacancy N
 * again"; the vacancy's current row decides (live → upsert, anything else or
 * gone → remove). So many rows for one vacancy coalesce into one engine call,
 * and replaying a row is always harmless. Rows are deleted only after the
 * engine confirms; on failure they stay with a backoff.
 */

export interface DrainOptions {
  batchSize?: number;
  now?: Clock;
  /** Stop after this many batches (the timer drainer yields to the event loop between calls). */
  maxBatches?: number;
  /**
   * Also apply rows waiting out a retry backoff (an operator's `index
   * drain` asks for everything now; the timer drainer honours the backoff).
   */
  ignoreBackoff?: boolean;
}

export interface DrainSummary {
  /** Outbox rows applied and deleted. */
  rows: number;
  upserted: number;
  removed: number;
  batches: number;
  /** Set when the engine failed; the batch's rows were kept for a retry. */
  error?: string;
}

const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 5 * 60_000;

/** Delay before retry number `attempts` (1-based): 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

interface Claimed {
  rowIds: number[];
  docs: SearchDocument[];
  removeIds: number[];
}

/**
 * Reads one batch in a single read transaction (a consistent snapshot): the
 * oldest due rows (rowid order; the outbox has no vacancy index, so rows are
 * coalesced within the batch) and those vacancies' current state.
 */
function claimBatch(db: Db, batchSize: number, now: number): Claimed | null {
  const c = db.$client;
  return c.transaction(() => {
    const rows = c
      .prepare('SELECT id, vacancy_id FROM index_outbox NOT INDEXED WHERE not_before <= ? ORDER BY id LIMIT ?')
      .raw()
      .all(now, batchSize) as [number, number][];
    if (!rows.length) return null;
    const due = [...new Set(rows.map((r) => r[1]))];
    const { docs, live } = loadSearchDocuments(db, due);
    return { rowIds: rows.map((r) => r[0]), docs, removeIds: due.filter((id) => !live.has(id)) };
  })();
}

// The drainer's writes wait for the lock without blocking the event loop: it runs inside the server.
async function deleteRows(db: Db, rowIds: number[]): Promise<void> {
  await writeTransactionWhenFree(db, () => {
    db.$client.prepare('DELETE FROM index_outbox WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(rowIds));
  });
}

async function markFailed(db: Db, rowIds: number[], error: string, now: number): Promise<void> {
  const c = db.$client;
  await writeTransactionWhenFree(db, () => {
    const st = c.prepare(
      'UPDATE index_outbox SET attempts = attempts + 1, last_error = ?, not_before = ? WHERE id = ? RETURNING attempts',
    );
    const fix = c.prepare('UPDATE index_outbox SET not_before = ? WHERE id = ?');
    for (const id of rowIds) {
      const r = st.get(error.slice(0, 1000), now, id) as { attempts: number } | undefined;
      if (r) fix.run(now + backoffMs(r.attempts), id);
    }
  });
}

/** Applies due outbox rows to the engine in batches until none are due (or maxBatches). */
export async function drainOutbox(db: Db, engine: SearchEngine, opts: DrainOptions = {}): Promise<DrainSummary> {
  const batchSize = opts.batchSize ?? 1000;
  const clock = opts.now ?? systemClock;
  const summary: DrainSummary = { rows: 0, upserted: 0, removed: 0, batches: 0 };
  while (opts.maxBatches == null || summary.batches < opts.maxBatches) {
    const claimed = claimBatch(db, batchSize, opts.ignoreBackoff ? Number.MAX_SAFE_INTEGER : clock());
    if (!claimed) break;
    try {
      if (claimed.docs.length) await engine.upsert(claimed.docs);
      if (claimed.removeIds.length) await engine.remove(claimed.removeIds);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await markFailed(db, claimed.rowIds, message, clock());
      summary.error = message;
      break;
    }
    await deleteRows(db, claimed.rowIds);
    summary.rows += claimed.rowIds.length;
    summary.upserted += claimed.docs.length;
    summary.removed += claimed.removeIds.length;
    summary.batches++;
  }
  return summary;
}

export interface OutboxBacklog {
  pending: number;
  /** Age of the oldest pending row, ms (0 when empty). */
  oldestAgeMs: number;
  /** Rows whose last attempt failed. */
  failing: number;
}

export function outboxBacklog(db: Db, now: Clock = systemClock): OutboxBacklog {
  const r = db.$client
    .prepare(
      'SELECT count(*) AS pending, min(enqueued_at) AS oldest, sum(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) AS failing FROM index_outbox',
    )
    .get() as { pending: number; oldest: number | null; failing: number | null };
  return { pending: r.pending, oldestAgeMs: r.oldest == null ? 0 : Math.max(0, now() - r.oldest), failing: r.failing ?? 0 };
}

export interface OutboxDrainerDeps {
  db: Db;
  engine: SearchEngine;
  now?: Clock;
  logger?: Logger;
  intervalMs?: number;
  batchSize?: number;
}

export interface OutboxDrainer {
  /** Stops the timer and waits for the batch in flight to finish. */
  stop(): Promise<void>;
  /** Drains now (also what the timer calls); resolves when done. */
  drainNow(): Promise<DrainSummary>;
}

/**
 * Rows the server's drainer indexes per batch. It runs on the main thread,
 * and a batch (its documents loaded from the store, then written to the
 * engine) is one synchronous stretch: at 1,000 rows, an import's backlog
 * drained beside 50 coaches held /healthz for 1.5 s (p99) in the 250k
 * writes soak. Smaller batches with the event loop's turn between them keep
 * each stretch short; the CLI's `index drain` keeps its larger batches.
 */
export const SERVER_DRAIN_BATCH = 200;

/** Runs drainOutbox on a short timer in-process. Never overlaps itself. */
export function startOutboxDrainer(deps: OutboxDrainerDeps): OutboxDrainer {
  const intervalMs = deps.intervalMs ?? 1000;
  const batchSize = deps.batchSize ?? SERVER_DRAIN_BATCH;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<DrainSummary> | null = null;

  const runOnce = (): Promise<DrainSummary> => {
    if (inFlight) return inFlight;
    inFlight = (async () => {
      const summary: DrainSummary = { rows: 0, upserted: 0, removed: 0, batches: 0 };
      // Batch by batch, checking `stopped` between them so stop() waits for one batch at most.
      while (!stopped) {
        const s = await drainOutbox(deps.db, deps.engine, { batchSize, now: deps.now, maxBatches: 1 });
        summary.rows += s.rows;
        summary.upserted += s.upserted;
        summary.removed += s.removed;
        summary.batches += s.batches;
        if (s.error) {
          summary.error = s.error;
          deps.logger?.warn({ err: s.error }, 'search index update failed; outbox rows kept for retry');
          break;
        }
        if (s.batches === 0) break;
        // Requests and probes run between batches (an engine write that finds the lock free resolves without a turn).
        await nextTurn();
      }
      if (summary.rows) deps.logger?.debug({ rows: summary.rows, upserted: summary.upserted, removed: summary.removed }, 'outbox drained');
      return summary;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((err: unknown) => deps.logger?.error({ err }, 'outbox drainer failed'))
        .finally(schedule);
    }, intervalMs);
    timer.unref?.();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (inFlight) await inFlight.catch(() => undefined);
    },
    drainNow: runOnce,
  };
}

export type RebuildProgress = (done: number, total: number) => void;

/**
 * Streams every live vacancy from the store into engine.rebuild(), in id
 * order, and returns the count. Another process (the server's drainer) may
 * apply changes to the old index while this runs; they would vanish at the
 * swap, so vacancies updated since the rebuild began are re-applied after it.
 */
export async function rebuildIndex(
  db: Db,
  engine: SearchEngine,
  onProgress?: RebuildProgress,
  batchSize = 1000,
  now: Clock = systemClock,
): Promise<number> {
  // A little slack for clocks of other processes and writes in flight.
  const since = now() - 60_000;
  const total = db.$client.prepare("SELECT count(*) FROM vacancies WHERE status = 'live'").pluck().get() as number;
  let done = 0;
  async function* batches(): AsyncGenerator<SearchDocument[]> {
    let lastId = 0;
    for (;;) {
      const docs = loadLiveDocumentsAfter(db, lastId, batchSize);
      if (!docs.length) return;
      lastId = docs[docs.length - 1]!.id;
      yield docs;
      done += docs.length;
      onProgress?.(done, total);
    }
  }
  await engine.rebuild(batches());
  const changed = db.$client.prepare('SELECT id FROM vacancies WHERE updated_at >= ?').pluck().all(since) as number[];
  for (let i = 0; i < changed.length; i += batchSize) {
    const ids = changed.slice(i, i + batchSize);
    const { docs, live } = loadSearchDocuments(db, ids);
    if (docs.length) await engine.upsert(docs);
    const gone = ids.filter((id) => !live.has(id));
    if (gone.length) await engine.remove(gone);
  }
  return done;
}
