import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { closeDb } from '../../src/db.ts';
import { isoDay, rebuildDemandHistory, updateDemandHistory } from '../../src/pivots/demand-history.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

/** `demand rebuild|update`: the daily demand history behind growth signals and pivots. */
export function register(program: Command, ctx: CliContext): void {
  const demand = program.command('demand').description('daily vacancy history by sector, occupation and area (growth signals, pivots)');
  withDbOption(demand.command('rebuild'))
    .description('recompute the whole history from the vacancy store (default: from the earliest first-seen date, at most two years)')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD (default today)')
    .action((opts: { db?: string; from?: string; to?: string }) => {
      const db = ctx.openDb(opts);
      const bar = new SingleBar({ format: 'demand rebuild [{bar}] {stage}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
      try {
        const parse = (s: string, name: string) => {
          const t = Date.parse(`${s}T12:00:00Z`);
          if (Number.isNaN(t)) throw new Error(`--${name} must be YYYY-MM-DD`);
          return t;
        };
        // Computing reads a snapshot without the write lock; writing replaces a span of days per short transaction.
        bar.start(1, 0, { stage: 'computing (no write lock held)' });
        const s = rebuildDemandHistory(db, {
          ...(opts.from ? { from: parse(opts.from, 'from') } : {}),
          to: opts.to ? parse(opts.to, 'to') : Date.now(),
          onProgress(stage, done, total) {
            bar.setTotal(Math.max(1, total));
            bar.update(done, { stage: stage === 'computed' ? `writing ${total} rows` : `written ${done}/${total} rows` });
          },
        });
        bar.update(Math.max(1, s.rows), { stage: 'done' });
        bar.stop();
        console.log(`days ${isoDay(s.fromDay)} to ${isoDay(s.toDay)} | ${s.rows} daily rows | ${s.cells} live cells | ${s.ms} ms`);
      } finally {
        bar.stop();
        closeDb(db);
      }
    });
  withDbOption(demand.command('update'))
    .description('refresh the last days (what the scrape job and imports call)')
    .action((opts: { db?: string }) => {
      const db = ctx.openDb(opts);
      try {
        const s = updateDemandHistory(db, Date.now());
        console.log(`days ${isoDay(s.fromDay)} to ${isoDay(s.toDay)} | ${s.rows} daily rows | ${s.cells} live cells | ${s.ms} ms`);
      } finally {
        closeDb(db);
      }
    });
}
