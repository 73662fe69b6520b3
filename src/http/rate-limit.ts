import { ProblemError } from '../errors.ts';

/**
 * In-memory token bucket per key (one API key = one bucket): a burst of up
 * to `perMinute` requests, refilled continuously at perMinute/60 per second.
 * In memory because the limit is a courtesy guard per process, not billing;
 * with several API servers each enforces its own share.
 */
export interface RateLimiter {
  /** Takes one token for `key`; returns seconds to wait when none is left. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export function createRateLimiter(opts: { perMinute: number; now: () => number; maxKeys?: number }): RateLimiter {
  const capacity = opts.perMinute;
  const perMs = opts.perMinute / 60_000;
  const maxKeys = opts.maxKeys ?? 100_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const now = opts.now();
      let b = buckets.get(key);
      if (!b) {
        // Forget the oldest buckets rather than grow without bound.
        if (buckets.size >= maxKeys) {
          const oldest = buckets.keys().next().value;
          if (oldest !== undefined) buckets.delete(oldest);
        }
        b = { tokens: capacity, at: now };
        buckets.set(key, b);
      }
      b.tokens = Math.min(capacity, b.tokens + Math.max(0, now - b.at) * perMs);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
    },
  };
}

export function tooManyRequests(retryAfterSeconds: number): ProblemError {
  return new ProblemError(
    429,
    'Too Many Requests',
    `Rate limit exceeded for this API key; retry after ${retryAfterSeconds} s`,
    [],
    { 'Retry-After': String(retryAfterSeconds) },
  );
}
