import { Worker } from 'node:worker_threads';
import { ProblemError } from '../errors.ts';
import type { SearchQuery, SearchResult } from './engine.ts';
import { parseBoundedQuery } from './fts-query.ts';
import { searchUnavailable } from './search-errors.ts';
import type { SearchWorkerData, SearchWorkerReply, SearchWorkerRequest, SerializedError } from './sqlite-search-worker.ts';

/**
 * A few worker threads that run the embedded engine's searches, each on its
 * own read-only connection to the database file. Why: a search is one
 * synchronous SQLite statement plus ranking in JS, so on the main thread a
 * costly one (a common word over a whole region) blocks every request, the
 * health checks and the outbox drainer until it ends. Here the main thread
 * only posts the query and awaits, and a search over its time budget is
 * stopped by terminating its worker (the only way to interrupt a running
 * better-sqlite3 statement) and starting a fresh one.
 *
 * Budget: a query waits at most `budgetMs` for a free worker and then runs at
 * most `budgetMs`; either way past it, 503 with Retry-After. A worker that
 * dies or cannot start answers its query with a 503 too and is replaced
 * (with growing pauses while starting keeps failing, so a missing database
 * file does not spin).
 */
export interface SqliteSearchPoolOptions {
  /** The database file (not ':memory:': workers cannot share a private in-memory database). */
  dbPath: string;
  /** Worker threads; each holds one read-only connection and its page cache. */
  size: number;
  /** Longest a query may wait for a worker, and then run, milliseconds. */
  budgetMs: number;
  /** Highlight text source: must match the engine's (see SqliteEngineOptions.searchPool). */
  text: SearchWorkerData['text'];
  snippetTokens?: number;
  /** Queries waiting for a worker beyond which a search is refused at once. Default QUEUED_PER_WORKER per worker. */
  maxQueued?: number;
  /** Told when a worker is replaced, for the log. */
  onWorkerReplaced?: (reason: string) => void;
}

interface Job {
  id: number;
  query: SearchQuery;
  budgetMs: number;
  resolve(result: SearchResult): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  /** Set once the pool itself ended this worker, so its exit is expected. */
  retired: boolean;
  /** Why it failed, from its 'error' event, for the exit that follows. */
  failure: string | null;
}

/**
 * Waiting room per worker. Enough that 50 coaches searching at once on two
 * workers (a participant's matches send up to five searches each) wait their
 * turn rather than being refused: what sheds load is the wait budget, which
 * bounds how long a search may queue, not the queue's length. At 16 per
 * worker the 250k soak refused 98% of searches at 50 clients with 503.
 */
const QUEUED_PER_WORKER = 64;

const WORKER_ENTRY = new URL('./sqlite-search-worker.ts', import.meta.url).href;
const BOOTSTRAP = new URL('./ts-worker.mjs', import.meta.url);
const RESTART_BASE_MS = 250;
const RESTART_MAX_MS = 30_000;
const RETRY_AFTER_OVER_BUDGET_S = 2;
const STARTUP_TIMEOUT_MS = 30_000;

function deserializeError(e: SerializedError): Error {
  if (e.kind === 'problem') return new ProblemError(e.status, e.title, e.detail, e.errors, e.headers);
  return new Error(e.message);
}

export class SqliteSearchPool {
  readonly size: number;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private readonly maxQueued: number;
  private nextId = 1;
  private closed = false;
  private started = false;
  /** Consecutive workers that died before they were ready. */
  private startFailures = 0;
  private lastStartFailure: string | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  /** Workers the pool replaced (over budget, crashed): for tests and health. */
  replaced = 0;

  constructor(private readonly options: SqliteSearchPoolOptions) {
    if (options.dbPath === ':memory:' || options.dbPath === '') {
      throw new Error('Search workers need a database file; an in-memory database is searched in-process');
    }
    this.size = Math.max(1, Math.floor(options.size));
    this.maxQueued = options.maxQueued ?? this.size * QUEUED_PER_WORKER;
  }

  /**
   * Starts the workers if they are not running yet. The first search does
   * this anyway; a command that never searches (drain, rebuild) never pays
   * for it, and the server calls it at start so the first coach does not wait.
   */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  /** Runs the search on a worker. `budgetMs` overrides the pool's budget for this query. */
  search(query: SearchQuery, opts: { budgetMs?: number } = {}): Promise<SearchResult> {
    // Cheap and certain: refuse a query that is too costly before it takes a worker.
    try {
      parseBoundedQuery(query.q);
    } catch (error) {
      return Promise.reject(error);
    }
    if (this.closed) return Promise.reject(searchUnavailable('search is shutting down'));
    this.start();
    if (this.lastStartFailure && ![...this.slots].some((s) => s.ready)) {
      return Promise.reject(searchUnavailable(`search workers cannot start: ${this.lastStartFailure}`));
    }
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(searchUnavailable(`search is busy: ${this.queue.length} searches already waiting`));
    }
    return new Promise<SearchResult>((resolve, reject) => {
      const job: Job = { id: this.nextId++, query, budgetMs: opts.budgetMs ?? this.options.budgetMs, resolve, reject, timer: null };
      this.armWait(job);
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Healthy while at least one worker can take a query. */
  health(): { ok: boolean; detail: string } {
    const ready = [...this.slots].filter((s) => s.ready).length;
    const busy = [...this.slots].filter((s) => s.job).length;
    const detail = `${ready}/${this.size} search workers ready, ${busy} busy, ${this.queue.length} queued, ${this.replaced} replaced`;
    if (this.closed) return { ok: false, detail: 'search workers stopped' };
    if (!this.started) return { ok: true, detail: `${this.size} search workers, started on the first search` };
    if (ready === 0 && this.lastStartFailure) return { ok: false, detail: `${detail}; cannot start: ${this.lastStartFailure}` };
    return { ok: true, detail };
  }

  /** Refuses what is queued, stops every worker. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    for (const job of this.queue.splice(0)) this.settle(job, searchUnavailable('search is shutting down'));
    const ending: Promise<number>[] = [];
    for (const slot of this.slots) {
      slot.retired = true;
      if (slot.job) this.settle(slot.job, searchUnavailable('search is shutting down'));
      ending.push(slot.worker.terminate());
    }
    this.slots.clear();
    await Promise.allSettled(ending);
  }

  /**
   * The wait budget counts only while some worker is up: a query sent while
   * the workers are still starting (tsx compiles their code: seconds) waits
   * for them; a start that fails or hangs (STARTUP_TIMEOUT_MS) refuses it.
   */
  private armWait(job: Job): void {
    job.timer = setTimeout(() => {
      if (![...this.slots].some((s) => s.ready)) return this.armWait(job);
      const at = this.queue.indexOf(job);
      if (at >= 0) this.queue.splice(at, 1);
      job.reject(searchUnavailable(`search is busy: no worker was free within ${job.budgetMs} ms`, RETRY_AFTER_OVER_BUDGET_S));
    }, job.budgetMs);
  }

  private spawn(): void {
    const workerData: SearchWorkerData & { entry: string } = {
      entry: WORKER_ENTRY,
      dbPath: this.options.dbPath,
      text: this.options.text,
      snippetTokens: this.options.snippetTokens,
    };
    const worker = new Worker(BOOTSTRAP, { workerData });
    // Only a worker with a query in hand keeps the process alive (see dispatch).
    worker.unref();
    const slot: Slot = { worker, ready: false, job: null, retired: false, failure: null };
    this.slots.add(slot);
    worker.on('message', (reply: SearchWorkerReply) => this.onReply(slot, reply));
    worker.on('error', (error) => {
      slot.failure = error instanceof Error ? error.message : String(error);
    });
    worker.on('exit', (code) => this.onExit(slot, code));
    const startup = setTimeout(() => {
      if (slot.ready || slot.retired) return;
      slot.failure = `not ready within ${STARTUP_TIMEOUT_MS} ms`;
      void worker.terminate();
    }, STARTUP_TIMEOUT_MS);
    startup.unref();
    worker.once('exit', () => clearTimeout(startup));
  }

  private onReply(slot: Slot, reply: SearchWorkerReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      this.lastStartFailure = null;
      this.dispatch();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== reply.id) return;
    slot.job = null;
    slot.worker.unref();
    if (reply.type === 'result') this.settle(job, null, reply.result);
    else this.settle(job, deserializeError(reply.error));
    this.dispatch();
  }

  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    if (slot.retired || this.closed) return;
    const reason = slot.failure ?? `exited with code ${code}`;
    if (slot.job) this.settle(slot.job, searchUnavailable(`the search worker failed: ${reason}`));
    if (!slot.ready) {
      this.startFailures++;
      this.lastStartFailure = reason;
      // Nothing will start while the cause lasts: refuse what waits instead of letting it time out.
      if (![...this.slots].some((s) => s.ready)) {
        for (const job of this.queue.splice(0)) this.settle(job, searchUnavailable(`search workers cannot start: ${reason}`));
      }
    }
    this.replace(reason);
  }

  /** A fresh worker in place of one that ended; after failed starts, only after a pause. */
  private replace(reason: string): void {
    this.replaced++;
    this.options.onWorkerReplaced?.(reason);
    if (this.startFailures === 0) {
      this.spawn();
      return;
    }
    const delay = Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** (this.startFailures - 1));
    if (this.restartTimer) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      while (!this.closed && this.slots.size < this.size) this.spawn();
    }, delay);
    this.restartTimer.unref();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (!slot.ready || slot.job || slot.retired) continue;
      const job = this.queue.shift()!;
      if (job.timer) clearTimeout(job.timer);
      slot.job = job;
      slot.worker.ref();
      job.timer = setTimeout(() => this.overBudget(slot, job), job.budgetMs);
      slot.worker.postMessage({ id: job.id, query: job.query } satisfies SearchWorkerRequest);
    }
  }

  /** Stops the worker running `job` (terminating is the only way to stop its statement) and replaces it. */
  private overBudget(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    slot.job = null;
    slot.retired = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
    this.settle(
      job,
      searchUnavailable(
        `the search took longer than its ${job.budgetMs} ms budget and was stopped; narrow it (fewer common words, a place or a filter)`,
        RETRY_AFTER_OVER_BUDGET_S,
      ),
    );
    if (!this.closed) this.replace('over budget');
  }

  private settle(job: Job, error: unknown, result?: SearchResult): void {
    if (job.timer) clearTimeout(job.timer);
    job.timer = null;
    if (error) job.reject(error);
    else job.resolve(result!);
  }
}
