import { createWriteStream, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { updateDemandHistory } from '../../src/pivots/demand-history.ts';
import { importVacancies } from '../../src/vacancies/import/import-vacancies.ts';
import type { RecordFormat } from '../../src/vacancies/import/read-records.ts';
import { parseMappingSpec, type Mapping } from '../../src/vacancies/import/to-raw.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

/**
 * `import vacancies FILE`: JSONL / JSON array (JobPosting or our raw shape) or
 * CSV with a column mapping; .gz too. Streams, batches 500 per transaction,
 * shows progress on stderr and ends with a summary.
 *
 * `--nice N` runs it at a lower CPU priority. Not the default: in the 250k
 * writes soak (50 coaches, 10 employer batch writers, an import beside the
 * server) nice 10 gave coaches' matches 15 req/s instead of 8.8 and their
 * page p99 4.7 s instead of 19.5 s, but employer batches waited longer for
 * the write lock the slowed import held (p50 1.9 → 8.1 s, 253 → 99
 * vacancies/s): the operator chooses which matters more.
 */
const IMPORT_NICE = 0;

export function register(program: Command, ctx: CliContext): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data files (see the subcommands)');
  withDbOption(imp.command('vacancies').argument('<file>', 'JSONL, JSON array or CSV file, optionally .gz'))
    .description('import vacancies through the normalisation pipeline (idempotent: re-runs report unchanged)')
    .option('--format <format>', 'jsonl | json | csv (default: from the file extension)')
    .option('--map <spec>', 'column mapping for CSV/other shapes: field=Column,... e.g. title=Job Title,salary=Pay')
    .option('--mapping <file>', 'column mapping as a JSON file {"title": "Job Title", ...}')
    .option('--source <label>', 'source label (default: import:<file basename>)')
    .option('--rejects <file>', 'write rejected records with their errors to this JSONL file')
    .option('--batch <n>', 'records per transaction', '500')
    .option('--nice <n>', 'CPU priority to run at, 0 (normal) to 19 (lowest): higher keeps a server beside it answering coaches, but employer writes wait longer for the lock the import holds', String(IMPORT_NICE))
    .action(async (file: string, opts: { db?: string; format?: RecordFormat; map?: string; mapping?: string; source?: string; rejects?: string; batch: string; nice: string }) => {
      const nice = Number(opts.nice);
      if (!Number.isInteger(nice) || nice < 0 || nice > 19) throw new Error(`--nice must be an integer from 0 to 19, not "${opts.nice}"`);
      // Only ever lowered: raising a process's priority needs privileges.
      if (getPriority() < nice) setPriority(nice);
      let mapping: Mapping | null = null;
      if (opts.mapping) mapping = JSON.parse(readFileSync(opts.mapping, 'utf8')) as Mapping;
      if (opts.map) mapping = { ...(mapping ?? {}), ...parseMappingSpec(opts.map) };
      // The full runtime, so imported adverts are classified, skill-tagged and geocoded like any other.
      const runtime = ctx.openRuntime(opts);
      const db = runtime.db;
      const rejects = opts.rejects ? createWriteStream(opts.rejects) : null;
      const bar = new SingleBar(
        { format: 'vacancies [{bar}] {percentage}% | {mb}/{totalMb} MB | read {read} | rejected {rejected}', stream: process.stderr, hideCursor: true },
        Presets.shades_classic,
      );
      let started = false;
      try {
        const summary = await importVacancies(
          { db, now: runtime.now, enricher: runtime.enricher(), geocoder: runtime.geocoder },
          {
            file,
            source: opts.source ?? `import:${basename(file)}`,
            format: opts.format,
            mapping,
            batchSize: Math.max(1, Number(opts.batch) || 500),
            rejects,
            onProgress(bytes, total, s) {
              const mb = (b: number) => (b / 1e6).toFixed(1);
              if (!started) {
                bar.start(total, 0, { mb: '0', totalMb: mb(total), read: 0, rejected: 0 });
                started = true;
              }
              bar.update(bytes, { mb: mb(bytes), totalMb: mb(total), read: s.read, rejected: s.rejected });
            },
          },
        );
        if (started) bar.stop();
        console.log(
          `read ${summary.read} | created ${summary.created} | updated ${summary.updated} | unchanged ${summary.unchanged} | duplicate ${summary.duplicate} | rejected ${summary.rejected}`,
        );
        for (const [reason, n] of Object.entries(summary.reasons).sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  rejected ${n}: ${reason}`);
        if (opts.rejects && summary.rejected) console.log(`rejected records written to ${opts.rejects}`);
        updateDemandHistory(db, runtime.now());
        console.log(`queued for the search index; the running server (or \`index drain\`) applies it (imported at CPU priority nice ${getPriority()})`);
      } finally {
        if (started) bar.stop();
        await new Promise<void>((r) => (rejects ? rejects.end(r) : r()));
        await runtime.close();
      }
    });
}
