import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { closeDb } from '../../src/db.ts';
import { clusterAll } from '../../src/vacancies/dedupe/cluster.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

/**
 * `dedupe`: re-clusters every vacancy (exact and near duplicates). Ingest
 * clusters as it goes; this is for after changing the rules or loading rows
 * that bypassed ingest. Changed clusters are queued for the search index.
 */
export function register(program: Command, ctx: CliContext): void {
  withDbOption(program.command('dedupe'))
    .description('re-cluster all vacancies into duplicate groups (one canonical vacancy per group)')
    .option('--rebuild-bands', 'also rebuild the LSH band table (after loads that bypassed ingest)')
    .action((opts: { db?: string; rebuildBands?: boolean }) => {
      const db = ctx.openDb(opts);
      const bar = new SingleBar({ format: 'vacancies [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      let started = false;
      try {
        const r = clusterAll(db, {
          now: Date.now(),
          rebuildBands: opts.rebuildBands,
          onProgress(done, total) {
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(done);
          },
        });
        if (started) bar.stop();
        console.log(`vacancies ${r.vacancies} | clusters ${r.clusters} | duplicates ${r.duplicates} | changed ${r.changed}`);
      } finally {
        if (started) bar.stop();
        closeDb(db);
      }
    });
}
