import type { Scenario, SoakContext } from './lib/context.ts';
import { coachRequest, type CoachAuth, type CoachKind } from './lib/coach-traffic.ts';
import { signInCookie } from './lib/http.ts';
import { probeHealth, runLoad, type LoadResult } from './lib/load.ts';
import { report, reportLoad } from './lib/report.ts';
import { soakServerEnv, startSoakServer } from './lib/server.ts';
import { copySoakStore } from './lib/store.ts';
import { summariseLatencies } from './lib/stats.ts';

/**
 * Coach traffic alone: /v1/search, participant matches and the participant
 * page, each at 1, 10 and 50 concurrent clients for --duration seconds,
 * with /healthz probed ten times a second throughout.
 *
 *   soak_<kind>_c<N>_rps | _p50 | _p95 | _p99 | _errors | _requests
 *   soak_healthz_p99, soak_healthz_max, soak_healthz_errors
 */

export const KINDS: CoachKind[] = ['search', 'matches', 'page'];
const CONCURRENCY = [1, 10, 50];

/** Runs one coach load with the health probe beside it; returns both. */
export async function loadWithProbe(baseUrl: string, kind: CoachKind, clients: number, auth: CoachAuth, ctx: SoakContext, seed: number): Promise<{ load: LoadResult; health: LoadResult }> {
  const stop = new AbortController();
  const probe = probeHealth(baseUrl, stop.signal, ctx.durationMs + 60_000);
  const load = await runLoad({ clients, durationMs: ctx.durationMs, timeoutMs: 30_000, request: coachRequest(baseUrl, kind, auth, seed) });
  stop.abort();
  return { load, health: await probe };
}

/** A few requests of each kind before timing, so first-call costs (statement preparation, page cache) are not in the figures. */
export async function warmUp(baseUrl: string, auth: CoachAuth, seed: number): Promise<void> {
  for (const kind of KINDS) await runLoad({ clients: 2, durationMs: 20_000, maxRequests: 10, timeoutMs: 30_000, request: coachRequest(baseUrl, kind, auth, seed + 1) });
}

export const searchScenario: Scenario = {
  name: 'search',
  async run(ctx) {
    const dbPath = copySoakStore(ctx.fixture, ctx.workDir, 'search');
    const server = await startSoakServer(soakServerEnv(dbPath));
    try {
      const auth: CoachAuth = { token: ctx.fixture.coachToken, cookie: await signInCookie(server.url, ctx.fixture.coachToken), participantIds: ctx.fixture.participantIds };
      await warmUp(server.url, auth, ctx.seed);
      const health: number[] = [];
      const healthSamples: number[] = [];
      let healthErrors = 0;
      for (const kind of KINDS) {
        for (const clients of CONCURRENCY) {
          const r = await loadWithProbe(server.url, kind, clients, auth, ctx, ctx.seed);
          reportLoad(`soak_${kind}_c${clients}`, r.load);
          health.push(r.health.latency.p99);
          healthErrors += r.health.errors;
          // Keep every probe sample for the overall figure, not just each run's p99.
          healthSamples.push(...r.health.samples);
        }
      }
      const h = summariseLatencies(healthSamples);
      report('soak_healthz_p99', Math.round(h.p99), 'ms');
      report('soak_healthz_max', Math.round(h.max), 'ms');
      report('soak_healthz_worst_run_p99', Math.round(Math.max(...health)), 'ms');
      report('soak_healthz_errors', healthErrors, 'count');
    } finally {
      await server.stop();
    }
  },
};
