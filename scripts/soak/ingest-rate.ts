import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from './lib/context.ts';
import { parseImportSummary, runCli } from './lib/cli.ts';
import { assertLoopback } from './lib/http.ts';
import { runLoad } from './lib/load.ts';
import { rawVacancies, writeVacancyJsonl } from './lib/raw-vacancies.ts';
import { report } from './lib/report.ts';
import { soakServerEnv, startSoakServer } from './lib/server.ts';
import { copySoakStore, SOAK_NOW } from './lib/store.ts';

/**
 * Ingest rates into the full store, the same number (--ingest-count,
 * default min(scale, 20,000)) of fresh adverts each way:
 *   bulk: `import vacancies FILE` (CLI start-up, measured on an empty file,
 *         subtracted; the wall figure keeps it), then `index drain`;
 *   API:  POST /v1/vacancies/batch, 500 items a request, --ingest-clients
 *         (default 1, as an ATS syncs) at a time, to the running server,
 *         whose outbox drainer indexes meanwhile.
 *
 *   soak_ingest_bulk_rate, soak_ingest_bulk_wall_rate, soak_ingest_bulk_drain_rate,
 *   soak_ingest_api_rate, soak_ingest_api_batch_p50 | _p99, soak_ingest_bulk_to_api_ratio (goal ≤ 2)
 */
export const ingestRateScenario: Scenario = {
  name: 'ingest-rate',
  async run(ctx) {
    const count = ctx.numberArg('ingest-count', Math.min(ctx.fixture.scale, 20_000));
    const clients = ctx.numberArg('ingest-clients', 1);

    const bulkDb = copySoakStore(ctx.fixture, ctx.workDir, 'ingest-bulk');
    const file = join(ctx.workDir, 'ingest-bulk.jsonl');
    const empty = join(ctx.workDir, 'empty.jsonl');
    writeFileSync(empty, '');
    await writeVacancyJsonl(file, count, ctx.seed + 41, 'soak-rate-bulk', SOAK_NOW);
    const startup = await runCli(['import', 'vacancies', empty, '--source', 'import:soak-empty'], bulkDb);
    const bulk = await runCli(['import', 'vacancies', file, '--source', 'import:soak-rate'], bulkDb);
    const summary = parseImportSummary(bulk.stdout);
    if (!summary || summary.read !== count) throw new Error(`bulk import read ${summary?.read} of ${count}`);
    const bulkRate = count / (Math.max(1, bulk.ms - startup.ms) / 1000);
    report('soak_ingest_bulk_rate', bulkRate, 'vacancies/s');
    report('soak_ingest_bulk_wall_rate', count / (bulk.ms / 1000), 'vacancies/s');
    report('soak_ingest_bulk_rejected', summary.rejected, 'count');
    const drain = await runCli(['index', 'drain'], bulkDb);
    report('soak_ingest_bulk_drain_rate', count / (drain.ms / 1000), 'vacancies/s');

    const apiDb = copySoakStore(ctx.fixture, ctx.workDir, 'ingest-api');
    const bodies: string[] = [];
    let items: unknown[] = [];
    for (const v of rawVacancies(count, ctx.seed + 43, 'soak-rate-api', SOAK_NOW)) {
      items.push(v);
      if (items.length === 500) {
        bodies.push(JSON.stringify({ items }));
        items = [];
      }
    }
    if (items.length) bodies.push(JSON.stringify({ items }));
    const server = await startSoakServer(soakServerEnv(apiDb));
    try {
      const url = `${server.url}/v1/vacancies/batch`;
      assertLoopback(url);
      let stored = 0;
      const r = await runLoad({
        clients,
        durationMs: 60 * 60_000,
        maxRequests: bodies.length,
        timeoutMs: 10 * 60_000,
        async request(_c, i, signal) {
          const res = await fetch(url, {
            method: 'POST',
            headers: { Authorization: `Bearer ${ctx.fixture.employerKey}`, 'Content-Type': 'application/json' },
            body: bodies[i]!,
            signal,
          });
          const text = await res.text();
          if (res.status !== 200) return { ok: false, status: res.status };
          const s = (JSON.parse(text) as { summary: { created: number; updated: number; unchanged: number } }).summary;
          stored += s.created + s.updated + s.unchanged;
          return { ok: true, status: res.status };
        },
      });
      const apiRate = stored / (r.elapsedMs / 1000);
      report('soak_ingest_api_rate', apiRate, 'vacancies/s');
      report('soak_ingest_api_stored', stored, 'vacancies');
      report('soak_ingest_api_errors', r.errors, 'count');
      report('soak_ingest_api_batch_p50', Math.round(r.latency.p50), 'ms');
      report('soak_ingest_api_batch_p99', Math.round(r.latency.p99), 'ms');
      report('soak_ingest_bulk_to_api_ratio', apiRate > 0 ? bulkRate / apiRate : 0, 'x');
    } finally {
      await server.stop();
    }
  },
};
