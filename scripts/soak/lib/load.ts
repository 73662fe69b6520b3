import { setTimeout as sleep } from 'node:timers/promises';
import { summariseLatencies, type LatencySummary } from './stats.ts';

/**
 * The bounded load loop: N clients, each sending one request after another
 * (closed loop, like N coaches clicking), until the duration is up or the
 * request budget is spent, whichever comes first. Every request carries its
 * own timeout, so the loop always ends by itself, at the latest
 * duration + timeout after it started.
 */

/** What one request came to. `ok` false counts as an error. */
export interface Outcome {
  ok: boolean;
  status: number;
}

export interface LoadOptions {
  clients: number;
  durationMs: number;
  /** Hard cap on requests over all clients (default: unbounded by count, bounded by time). */
  maxRequests?: number;
  /** Per-request timeout; a timed-out request is an error with status 0. */
  timeoutMs?: number;
  /** Pause between one client's requests (a probe, not a load). */
  pauseMs?: number;
  /** Stops early when aborted (e.g. when the load a probe watches is over). */
  signal?: AbortSignal;
  /** Sends request number `i` (over all clients) for client `client`. */
  request(client: number, i: number, signal: AbortSignal): Promise<Outcome>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Responses with status ≥ 500. */
  serverErrors: number;
  /** Status → count; 0 is a network error or timeout. */
  statuses: Record<number, number>;
  latency: LatencySummary;
  /** Every request's latency, ms, in completion order (to pool several runs). */
  samples: number[];
  elapsedMs: number;
}

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + opts.durationMs;
  const maxRequests = opts.maxRequests ?? Number.POSITIVE_INFINITY;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let issued = 0;
  let errors = 0;
  let serverErrors = 0;

  const client = async (n: number) => {
    while (performance.now() < deadline && issued < maxRequests && !opts.signal?.aborted) {
      const i = issued++;
      const t0 = performance.now();
      let outcome: Outcome;
      try {
        outcome = await opts.request(n, i, AbortSignal.timeout(timeoutMs));
      } catch {
        outcome = { ok: false, status: 0 };
      }
      latencies.push(performance.now() - t0);
      statuses[outcome.status] = (statuses[outcome.status] ?? 0) + 1;
      if (!outcome.ok) errors++;
      if (outcome.status >= 500) serverErrors++;
      if (opts.pauseMs) await sleep(opts.pauseMs, undefined, { signal: opts.signal }).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, n) => client(n)));
  return {
    requests: latencies.length,
    errors,
    serverErrors,
    statuses,
    latency: summariseLatencies(latencies),
    samples: latencies,
    elapsedMs: performance.now() - started,
  };
}

/** A GET that reads the whole body (so timing includes it) and is ok on 2xx. */
export async function getOk(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Outcome> {
  const res = await fetch(url, { headers, signal, redirect: 'manual' });
  await res.arrayBuffer();
  return { ok: res.status >= 200 && res.status < 300, status: res.status };
}

/**
 * `/healthz` once every `pauseMs` until `signal` aborts (or `maxMs` passes):
 * the liveness figure "throughout" a load.
 */
export function probeHealth(baseUrl: string, signal: AbortSignal, maxMs: number, pauseMs = 100): Promise<LoadResult> {
  return runLoad({
    clients: 1,
    durationMs: maxMs,
    pauseMs,
    timeoutMs: 10_000,
    signal,
    request: (_c, _i, s) => getOk(`${baseUrl}/healthz`, {}, s),
  });
}
