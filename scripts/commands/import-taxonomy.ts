import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { importEsco } from '../../src/taxonomy/importers/esco.ts';
import { importOnet } from '../../src/taxonomy/importers/onet.ts';
import type { ImportProgress } from '../../src/taxonomy/importers/read-records.ts';
import { importSocIndex } from '../../src/taxonomy/importers/soc-index.ts';
import { closeDb } from '../../src/db.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

/**
 * `import esco DIR`, `import onet DIR`, `import soc-index FILE`: load the
 * operator's copies of the official releases into the taxonomy store.
 * Re-runnable: every run is a new taxonomy version and upserts by stable id.
 */
export function register(program: Command, ctx: CliContext): void {
  const imp = importCommand(program);
  withDbOption(imp.command('esco').argument('<dir>', 'ESCO CSV release directory (v1.1+, English)'))
    .description('import an ESCO CSV release: occupations, skills, relations, skill groups, ISCO groups')
    .action(async (dir: string, opts: { db?: string }) => {
      const db = ctx.openDb(opts);
      try {
        const r = await importEsco(db, dir, { now: Date.now(), progress: createProgressBar('esco') });
        printSummary('ESCO', r.versionId, r.counts, r.seconds);
      } finally {
        closeDb(db);
      }
    });
  withDbOption(imp.command('onet').argument('<dir>', 'O*NET database release directory (text .txt or .tsv files)'))
    .description('import an O*NET text release: occupations, skills, knowledge, titles, job zones, hot technologies')
    .action(async (dir: string, opts: { db?: string }) => {
      const db = ctx.openDb(opts);
      try {
        const r = await importOnet(db, dir, { now: Date.now(), progress: createProgressBar('onet') });
        printSummary('O*NET', r.versionId, r.counts, r.seconds);
      } finally {
        closeDb(db);
      }
    });
  withDbOption(imp.command('soc-index').argument('<file>', 'ONS SOC 2020 coding index as TSV or CSV'))
    .description('import the ONS SOC 2020 coding index (job titles → unit groups) used by the occupation classifier')
    .action(async (file: string, opts: { db?: string }) => {
      const db = ctx.openDb(opts);
      try {
        const r = await importSocIndex(db, file, { now: Date.now(), progress: createProgressBar('soc-index') });
        printSummary('SOC coding index', r.versionId, r.counts, r.seconds);
      } finally {
        closeDb(db);
      }
    });
}

/**
 * Several command files add `import <kind>` subcommands (vacancies,
 * postcodes, taxonomies): the first one creates the parent, the others reuse it.
 */
function importCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import data files (see the subcommands)')
  );
}

function createProgressBar(name: string): ImportProgress {
  const bar = new SingleBar(
    { format: `${name} [{bar}] {percentage}% | {mb}/{totalMb} MB | {stage}`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  let total = 0;
  return {
    start(t) {
      total = t;
      bar.start(Math.max(t, 1), 0, { mb: '0.0', totalMb: (t / 1e6).toFixed(1), stage: '' });
    },
    update(done, stage) {
      bar.update(Math.min(done, total), { mb: (done / 1e6).toFixed(1), stage });
    },
    stop() {
      bar.stop();
    },
  };
}

function printSummary(what: string, versionId: number, counts: Record<string, number>, seconds: number): void {
  console.log(`${what} imported as taxonomy version ${versionId} in ${seconds.toFixed(1)} s`);
  for (const [k, v] of Object.entries(counts)) console.log(`  ${k}: ${v}`);
}
