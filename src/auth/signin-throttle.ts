import type { Clock } from '../clock.ts';

/**
 * Failed sign-in limit: at most `perClient` failures per client address in
 * `windowMs`, and `global` failures across all clients (a spread-out
 * guessing run). Only failures count, so a coach who signs in and out all
 * day is never slowed; a blocked client is refused before its token is even
 * looked at, so it cannot keep guessing.
 *
 * Not the employer API's token bucket (src/http/rate-limit.ts): that one
 * takes a token per request and cannot say "blocked" without spending one,
 * and its window is a minute. In memory and per process, like that one:
 * a restart forgives, which is acceptable for a guard against guessing
 * 256-bit-strong tokens, not a lockout policy.
 */
export interface SigninThrottle {
  /** Whether `client` may try now; when not, how many seconds until it may. */
  check(client: string): { ok: true } | { ok: false; retryAfterSeconds: number };
  recordFailure(client: string): void;
}

export interface SigninThrottleOptions {
  now: Clock;
  perClient?: number;
  global?: number;
  windowMs?: number;
  /** Clients remembered at once; the oldest are forgotten first. */
  maxClients?: number;
}

export const SIGNIN_FAILURES_PER_CLIENT = 5;
export const SIGNIN_FAILURES_GLOBAL = 100;
export const SIGNIN_WINDOW_MS = 15 * 60 * 1000;

export function createSigninThrottle(opts: SigninThrottleOptions): SigninThrottle {
  const perClient = opts.perClient ?? SIGNIN_FAILURES_PER_CLIENT;
  const globalCap = opts.global ?? SIGNIN_FAILURES_GLOBAL;
  const windowMs = opts.windowMs ?? SIGNIN_WINDOW_MS;
  const maxClients = opts.maxClients ?? 10_000;
  // Failure times, oldest first: a sliding window, exact at the edges.
  const byClient = new Map<string, number[]>();
  const all: number[] = [];

  const prune = (times: number[], now: number) => {
    while (times.length && (times[0] as number) <= now - windowMs) times.shift();
  };
  const waitFor = (times: number[], cap: number, now: number): number | null => {
    prune(times, now);
    if (times.length < cap) return null;
    // Blocked until enough of the oldest failures leave the window.
    const freesAt = (times[times.length - cap] as number) + windowMs;
    return Math.max(1, Math.ceil((freesAt - now) / 1000));
  };

  return {
    check(client) {
      const now = opts.now();
      const own = byClient.get(client);
      const wait = Math.max(own ? (waitFor(own, perClient, now) ?? 0) : 0, waitFor(all, globalCap, now) ?? 0);
      if (own && !own.length) byClient.delete(client);
      return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
    },
    recordFailure(client) {
      const now = opts.now();
      let own = byClient.get(client);
      if (!own) {
        if (byClient.size >= maxClients) {
          const oldest = byClient.keys().next().value;
          if (oldest !== undefined) byClient.delete(oldest);
        }
        own = [];
        byClient.set(client, own);
      }
      prune(own, now);
      own.push(now);
      if (own.length > perClient) own.shift();
      prune(all, now);
      all.push(now);
      if (all.length > globalCap) all.shift();
    },
  };
}
