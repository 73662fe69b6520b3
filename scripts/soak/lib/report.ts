import { report } from '../../bench/lib/args.ts';
import type { LoadResult } from './load.ts';

/**
 * Prints one load run as `name: value unit` lines: `<prefix>_rps`,
 * `_p50/_p95/_p99` (ms), `_errors` (count) and `_requests` (count).
 */
export function reportLoad(prefix: string, r: LoadResult): void {
  report(`${prefix}_rps`, r.requests / Math.max(r.elapsedMs / 1000, 0.001), 'req/s');
  report(`${prefix}_p50`, Math.round(r.latency.p50), 'ms');
  report(`${prefix}_p95`, Math.round(r.latency.p95), 'ms');
  report(`${prefix}_p99`, Math.round(r.latency.p99), 'ms');
  report(`${prefix}_errors`, r.errors, 'count');
  report(`${prefix}_requests`, r.requests, 'count');
  // Errors by status, so a count of errors says what they were (0 = network error or timeout).
  for (const [status, n] of Object.entries(r.statuses)) if (!(Number(status) >= 200 && Number(status) < 300)) report(`${prefix}_status_${status}`, n, 'count');
}

export { report };
