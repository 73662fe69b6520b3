import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { createRandom } from '../../src/random.ts';
import type { Scenario } from './lib/context.ts';
import { parseImportSummary, runCli, spawnCli } from './lib/cli.ts';
import { compareIndexAtPath, indexMismatchCount } from './lib/index-check.ts';
import { writeVacancyJsonl } from './lib/raw-vacancies.ts';
import { report } from './lib/report.ts';
import { copySoakStore, SOAK_NOW } from './lib/store.ts';

/**
 * kill -9 of `import vacancies` at random points, --kills times (default
 * 5), on the same file and database: each round waits until a random share
 * of the file is stored, then a random fraction of a second more (so the
 * kill lands inside a batch transaction as often as between them), and
 * SIGKILLs the import. Then the import is run to the end, and once more:
 * the store must hold each record exactly once, the last run must find
 * everything unchanged, and the index (after `index drain`) must equal the
 * store.
 *
 *   soak_kill_import_rounds, soak_kill_import_records, soak_kill_import_missing
 *   soak_kill_import_duplicates, soak_kill_import_rerun_changed
 *   soak_kill_import_integrity_errors, soak_kill_import_index_mismatch
 */

const SOURCE = 'import:soak-kill';

export const killImportScenario: Scenario = {
  name: 'kill-import',
  async run(ctx) {
    const rounds = Math.max(1, ctx.numberArg('kills', 5));
    const count = ctx.numberArg('import-count', Math.min(20_000, Math.max(1000, Math.round(ctx.fixture.scale / 10))));
    const rng = createRandom(ctx.seed * 97 + 3);
    const dbPath = copySoakStore(ctx.fixture, ctx.workDir, 'kill-import');
    const file = join(ctx.workDir, 'kill-import.jsonl');
    await writeVacancyJsonl(file, count, ctx.seed + 29, 'soak-kill-import', SOAK_NOW);
    const reader = new Database(dbPath, { readonly: true });
    const stored = reader.prepare('SELECT count(*) FROM vacancies WHERE source = ?').pluck();

    let killed = 0;
    try {
      // Each attempt either kills the import or (rarely) sees it finish first; at most 3× as many attempts as kills.
      for (let attempt = 0; killed < rounds && attempt < rounds * 3; attempt++) {
        const before = stored.get(SOURCE) as number;
        // Somewhere in what the file still has to add (a re-run first skips what is already stored, as unchanged).
        const target = before + Math.floor(rng() * Math.max(1, count - before) * 0.9);
        const extraMs = rng() * 1000;
        const imp = spawnCli(['import', 'vacancies', file, '--source', SOURCE], dbPath, 30 * 60_000);
        let exited = false;
        void imp.done.then(() => (exited = true));
        while (!exited && (stored.get(SOURCE) as number) < target) await sleep(50);
        if (!exited) await sleep(extraMs);
        if (!exited) {
          imp.child.kill('SIGKILL');
          killed++;
        }
        await imp.done;
      }
      report('soak_kill_import_rounds', killed, 'count');

      const finish = await runCli(['import', 'vacancies', file, '--source', SOURCE], dbPath);
      const first = parseImportSummary(finish.stdout);
      const again = parseImportSummary((await runCli(['import', 'vacancies', file, '--source', SOURCE], dbPath)).stdout);
      const n = stored.get(SOURCE) as number;
      const distinct = reader.prepare('SELECT count(DISTINCT source_ref) FROM vacancies WHERE source = ?').pluck().get(SOURCE) as number;
      report('soak_kill_import_records', count, 'count');
      report('soak_kill_import_missing', count - distinct, 'count');
      report('soak_kill_import_duplicates', n - distinct, 'count');
      report('soak_kill_import_rejected', (first?.rejected ?? 0) + (again?.rejected ?? 0), 'count');
      // A converged import finds every record already stored as it is.
      report('soak_kill_import_rerun_changed', again ? again.created + again.updated : -1, 'count');
    } finally {
      reader.close();
    }
    const raw = new Database(dbPath);
    const integrity = raw.pragma('integrity_check') as { integrity_check: string }[];
    raw.close();
    report('soak_kill_import_integrity_errors', integrity.filter((r) => r.integrity_check !== 'ok').length, 'count');
    await runCli(['index', 'drain'], dbPath);
    const cmp = await compareIndexAtPath(dbPath);
    report('soak_kill_import_index_mismatch', indexMismatchCount(cmp), 'count');
  },
};
