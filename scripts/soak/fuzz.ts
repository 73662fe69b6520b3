import fc from 'fast-check';
import type { Scenario } from './lib/context.ts';
import { fuzzRequest, type FuzzRequest } from './lib/fuzz-bodies.ts';
import { assertLoopback } from './lib/http.ts';
import { runLoad } from './lib/load.ts';
import { report } from './lib/report.ts';
import { soakServerEnv, startSoakServer } from './lib/server.ts';
import { copySoakStore } from './lib/store.ts';

/**
 * --fuzz-count (default 10,000) generated bodies (lib/fuzz-bodies.ts: our
 * shape, JobPosting, batches, junk and malformed JSON) POSTed by 4 clients
 * to the employer API of the real server. Every answer must be below 500,
 * and every error must be RFC 9457 problem+json whose `status` is the HTTP
 * status. Bounded by count and by 10 × --duration.
 *
 *   soak_fuzz_requests, soak_fuzz_5xx, soak_fuzz_not_problem_json,
 *   soak_fuzz_problem_json_share (% of 4xx/5xx answers), soak_fuzz_accepted, soak_fuzz_transport_errors
 */
export const fuzzScenario: Scenario = {
  name: 'fuzz',
  async run(ctx) {
    const count = ctx.numberArg('fuzz-count', 10_000);
    const requests: FuzzRequest[] = fc.sample(fuzzRequest, { numRuns: count, seed: ctx.seed });
    const dbPath = copySoakStore(ctx.fixture, ctx.workDir, 'fuzz');
    const server = await startSoakServer(soakServerEnv(dbPath));
    let errorsAnswered = 0;
    let notProblem = 0;
    let accepted = 0;
    const examples: string[] = [];
    try {
      const r = await runLoad({
        clients: 4,
        durationMs: Math.max(60_000, ctx.durationMs * 10),
        maxRequests: requests.length,
        timeoutMs: 60_000,
        async request(_client, i, signal) {
          const req = requests[i]!;
          const url = server.url + req.path;
          assertLoopback(url);
          const res = await fetch(url, {
            method: 'POST',
            headers: { Authorization: `Bearer ${ctx.fixture.employerKey}`, 'Content-Type': req.contentType },
            body: req.body,
            signal,
          });
          const text = await res.text();
          if (res.status < 400) {
            accepted++;
            return { ok: true, status: res.status };
          }
          errorsAnswered++;
          let problem = (res.headers.get('content-type') ?? '').startsWith('application/problem+json');
          if (problem) {
            try {
              problem = (JSON.parse(text) as { status?: unknown }).status === res.status;
            } catch {
              problem = false;
            }
          }
          if (!problem) {
            notProblem++;
            if (examples.length < 3) examples.push(`${res.status} ${res.headers.get('content-type')} ${text.slice(0, 120)}`);
          }
          if (res.status >= 500 && examples.length < 6) examples.push(`${res.status} for ${req.path} ${req.body.slice(0, 200)}`);
          return { ok: res.status < 500 && problem, status: res.status };
        },
      });
      report('soak_fuzz_requests', r.requests, 'count');
      report('soak_fuzz_5xx', r.serverErrors, 'count');
      report('soak_fuzz_not_problem_json', notProblem, 'count');
      report('soak_fuzz_problem_json_share', errorsAnswered ? (100 * (errorsAnswered - notProblem)) / errorsAnswered : 100, '%');
      report('soak_fuzz_accepted', accepted, 'count');
      report('soak_fuzz_transport_errors', r.statuses[0] ?? 0, 'count');
      for (const e of examples) console.log(`# fuzz: ${e.replace(/\s+/g, ' ')}`);
    } finally {
      await server.stop();
    }
  },
};
