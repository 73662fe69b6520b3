import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { closeDb } from '../../src/db.ts';
import { importPostcodes } from '../../src/geo/import-postcodes.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

/** `import postcodes FILE.csv`: the operator's postcode or outward-code table, for offline geocoding. */
export function register(program: Command, ctx: CliContext): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data files (see the subcommands)');
  withDbOption(imp.command('postcodes').argument('<file>', 'CSV (optionally .gz) with a postcode or outward code and lat/lon per row'))
    .description('import a full-postcode or outward-code table used to geocode vacancies (re-runnable: upserts)')
    .option('--postcode-col <name>', 'postcode / outward code column', 'postcode')
    .option('--lat-col <name>', 'latitude column', 'latitude')
    .option('--lon-col <name>', 'longitude column', 'longitude')
    .option('--town-col <name>', 'town column (optional)')
    .option('--region-col <name>', 'region column (optional; e.g. ONS region name)')
    .option('--la-col <name>', 'local authority column (optional; name or GSS code, e.g. the ONS directory\'s oslaua)')
    .action(async (file: string, opts: { db?: string; postcodeCol: string; latCol: string; lonCol: string; townCol?: string; regionCol?: string; laCol?: string }) => {
      const db = ctx.openDb(opts);
      const bar = new SingleBar({ format: 'postcodes [{bar}] {percentage}% | {value}/{total} bytes', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      let started = false;
      try {
        const s = await importPostcodes(db, file, {
          columns: { postcode: opts.postcodeCol, lat: opts.latCol, lon: opts.lonCol, town: opts.townCol, region: opts.regionCol, localAuthority: opts.laCol },
          onProgress(read, total) {
            if (!started) {
              bar.start(total, 0);
              started = true;
            }
            bar.update(Math.min(read, total));
          },
        });
        if (started) bar.stop();
        console.log(`read ${s.read} | imported ${s.imported} | skipped ${s.skipped}`);
        for (const [reason, n] of Object.entries(s.reasons)) console.log(`  skipped ${n}: ${reason}`);
      } finally {
        if (started) bar.stop();
        closeDb(db);
      }
    });
}
