import pLimit from 'p-limit';
import { ProblemError } from '../errors.ts';

/**
 * At most `concurrency` pieces of CPU-heavy request work (a participant's
 * matches: ranking ~1,000 candidates on the main thread) run at once; the
 * rest wait their turn without touching the CPU, and past `maxQueued`
 * waiting a request is refused with 503 and Retry-After.
 *
 * Why: the server has one event loop. Under 50 concurrent matches requests
 * every one of them was part way through its work, each step queued behind
 * the others', so /healthz and cheap pages waited seconds (p99 2.3 s in
 * the writes soak at 250k). With the work admitted a few at a time, a
 * cheap request waits for at most those few steps. Throughput is the same:
 * the work is CPU-bound either way.
 */
export interface WorkLimiter {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Work running now and waiting its turn (for /readyz and tests). */
  readonly running: number;
  readonly waiting: number;
}

export const WORK_RETRY_AFTER_SECONDS = 2;

export function createWorkLimiter(opts: { concurrency: number; maxQueued: number; what: string }): WorkLimiter {
  const limit = pLimit(Math.max(1, opts.concurrency));
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      // The sum, not each count: p-limit starts queued work a microtask later, so within one tick the split is stale.
      if (limit.activeCount + limit.pendingCount >= limit.concurrency + opts.maxQueued) {
        return Promise.reject(
          new ProblemError(503, 'Busy', `${opts.what} is busy: ${limit.pendingCount} requests already waiting; retry shortly`, [], {
            'Retry-After': String(WORK_RETRY_AFTER_SECONDS),
          }),
        );
      }
      return limit(work);
    },
    get running() {
      return limit.activeCount;
    },
    get waiting() {
      return limit.pendingCount;
    },
  };
}

/** Runs the work through the deps' limiter when there is one. */
export function admitted<T>(deps: { matchLimiter?: WorkLimiter }, work: () => Promise<T>): Promise<T> {
  return deps.matchLimiter ? deps.matchLimiter.run(work) : work();
}
