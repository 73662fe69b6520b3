import { join } from 'node:path';
import type { Scenario } from './lib/context.ts';
import { parseImportSummary, runCli, spawnCli } from './lib/cli.ts';
import type { CoachAuth } from './lib/coach-traffic.ts';
import { signInCookie } from './lib/http.ts';
import { compareIndexAtPath, indexMismatchCount } from './lib/index-check.ts';
import { runLoad } from './lib/load.ts';
import { writeVacancyJsonl } from './lib/raw-vacancies.ts';
import { report, reportLoad } from './lib/report.ts';
import { soakServerEnv, startSoakServer } from './lib/server.ts';
import { summariseLatencies } from './lib/stats.ts';
import { copySoakStore, SOAK_NOW } from './lib/store.ts';
import { batchWriter, newReceiptLog, verifyReceipts } from './lib/writers.ts';
import { KINDS, loadWithProbe, warmUp } from './search.ts';

/**
 * Coach traffic at 50 concurrent clients (search, matches, page in turn,
 * --duration each) while 10 employer batch writers (--write-batch items per
 * request, fresh references) post for the whole span and one CLI import
 * (--import-count vacancies) runs beside them. Afterwards: every receipt is
 * checked against the store, and the index against the store.
 *
 *   soak_writes_<kind>_c50_* (as in the search scenario), soak_writes_healthz_p99
 *   soak_writes_batch_p50 | _p95 | _p99 (ms per batch request), soak_writes_rate
 *   soak_writes_5xx, soak_writes_errors, soak_writes_receipts, soak_writes_lost_receipts
 *   soak_writes_import_exit, soak_writes_import_wall_rate, soak_writes_index_mismatch
 */
export const writesScenario: Scenario = {
  name: 'writes',
  async run(ctx) {
    const writers = ctx.numberArg('writers', 10);
    const batchSize = Math.min(500, ctx.numberArg('write-batch', 100));
    const importCount = ctx.numberArg('import-count', Math.min(20_000, Math.max(500, Math.round(ctx.fixture.scale / 10))));
    const dbPath = copySoakStore(ctx.fixture, ctx.workDir, 'writes');
    const file = join(ctx.workDir, 'writes-import.jsonl');
    await writeVacancyJsonl(file, importCount, ctx.seed + 17, 'soak-writes-import', SOAK_NOW);

    const server = await startSoakServer(soakServerEnv(dbPath));
    const log = newReceiptLog();
    let serverErrors = 0;
    try {
      const auth: CoachAuth = { token: ctx.fixture.coachToken, cookie: await signInCookie(server.url, ctx.fixture.coachToken), participantIds: ctx.fixture.participantIds };
      await warmUp(server.url, auth, ctx.seed);

      const span = ctx.durationMs * KINDS.length;
      const imp = spawnCli(['import', 'vacancies', file, '--source', 'import:soak-writes'], dbPath, span + 30 * 60_000);
      const writing = runLoad({
        clients: writers,
        durationMs: span,
        timeoutMs: 120_000,
        request: batchWriter({ baseUrl: server.url, key: ctx.fixture.employerKey, batchSize, refPrefix: 'soak-writes', log }),
      });
      const health: number[] = [];
      for (const kind of KINDS) {
        const r = await loadWithProbe(server.url, kind, 50, auth, ctx, ctx.seed + 3);
        reportLoad(`soak_writes_${kind}_c50`, r.load);
        serverErrors += r.load.serverErrors + r.health.serverErrors;
        health.push(...r.health.samples);
      }
      const w = await writing;
      serverErrors += w.serverErrors;
      report('soak_writes_healthz_p99', Math.round(summariseLatencies(health).p99), 'ms');
      report('soak_writes_batch_p50', Math.round(w.latency.p50), 'ms');
      report('soak_writes_batch_p95', Math.round(w.latency.p95), 'ms');
      report('soak_writes_batch_p99', Math.round(w.latency.p99), 'ms');
      report('soak_writes_batches', w.requests, 'count');
      report('soak_writes_errors', w.errors, 'count');
      report('soak_writes_rate', log.receipts.size / (w.elapsedMs / 1000), 'vacancies/s');

      const done = await imp.done;
      const summary = parseImportSummary(done.stdout);
      report('soak_writes_import_exit', done.code ?? -1, 'code');
      if (summary) report('soak_writes_import_wall_rate', summary.read / (done.ms / 1000), 'vacancies/s');
      if (done.code !== 0) console.log(`# the import beside the writers failed: ${(done.stdout + done.stderr).trim().split('\n').slice(-3).join(' | ')}`);
    } finally {
      await server.stop();
    }
    report('soak_writes_5xx', serverErrors, 'count');
    const check = verifyReceipts(dbPath, log);
    report('soak_writes_receipts', check.checked, 'count');
    report('soak_writes_rejected_items', log.rejected, 'count');
    report('soak_writes_lost_receipts', check.lost, 'count');
    if (check.lost) console.log(`# lost receipts, e.g. vacancy ids ${check.lostIds.join(', ')}`);
    await runCli(['index', 'drain'], dbPath);
    const cmp = await compareIndexAtPath(dbPath);
    report('soak_writes_index_mismatch', indexMismatchCount(cmp), 'count');
    if (indexMismatchCount(cmp) > 0) {
      console.log(`#   missing ${cmp.missingCount} ${JSON.stringify(cmp.missing)}, extra ${cmp.extraCount} ${JSON.stringify(cmp.extra)}, differing ${cmp.differingCount} ${JSON.stringify(cmp.differing)}, fts ${cmp.ftsMismatchCount}, text ${JSON.stringify(cmp.textMismatch)}`);
    }
  },
};
