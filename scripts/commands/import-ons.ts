import type { Command } from 'commander';
import { closeDb } from '../../src/db.ts';
import { importOnsVacancies } from '../../src/pivots/official-import.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

/** `import ons-vacancies FILE`: ONS vacancies by industry (VACS02 / X06 xlsx, or a CSV of the same series). */
export function register(program: Command, ctx: CliContext): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data files (see the subcommands)');
  withDbOption(imp.command('ons-vacancies').argument('<file>', 'VACS02 or X06 .xlsx, or a CSV: long (period, sic2007, value) or wide (a column per section)'))
    .description('import ONS vacancies by SIC 2007 section (used by growth signals when our own history is short; re-runnable: revisions replace)')
    .action(async (file: string, opts: { db?: string }) => {
      const db = ctx.openDb(opts);
      try {
        const r = await importOnsVacancies(db, file, Date.now());
        console.log(
          `series ${r.series} (${r.months === 3 ? 'rolling quarters' : 'single months'}, ${r.seasonallyAdjusted ? 'seasonally adjusted' : 'not seasonally adjusted'})` +
            `${r.sheet ? ` | sheet "${r.sheet}"` : ''} | ${r.rows} values | ${r.sections.length} series codes | ${r.from} to ${r.to}`,
        );
        console.log(`codes: ${r.sections.join(' ')}`);
      } finally {
        closeDb(db);
      }
    });
}
