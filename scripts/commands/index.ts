import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { closeDb } from '../../src/db.ts';
import { createSearchEngine } from '../../src/search/create-engine.ts';
import { drainOutbox, outboxBacklog, rebuildIndex } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { withDbOption, type CliContext } from '../lib/cli-context.ts';

/** `index drain|rebuild|optimize|status`: the search index is derived from the vacancies table. */
export function register(program: Command, ctx: CliContext): void {
  const cmd = program.command('index').description('search index: apply the outbox, rebuild, status');

  withDbOption(cmd.command('drain'))
    .description('apply every outbox row to the search engine now, rows backing off after a failure included')
    .option('--batch <n>', 'vacancies per engine call', '1000')
    .action(async (opts: { db?: string; batch: string }) => {
      const db = ctx.openDb(opts);
      const engine = createSearchEngine(ctx.config, db);
      try {
        const started = Date.now();
        const s = await drainOutbox(db, engine, { batchSize: Math.max(1, Number(opts.batch) || 1000), ignoreBackoff: true });
        const left = outboxBacklog(db);
        console.log(
          `drained ${s.rows} outbox rows: ${s.upserted} indexed, ${s.removed} removed, in ${Date.now() - started} ms; ${left.pending} pending`,
        );
        if (s.error) throw new Error(`the search engine failed (rows kept for retry): ${s.error}`);
      } finally {
        await engine.close?.();
        closeDb(db);
      }
    });

  withDbOption(cmd.command('rebuild'))
    .description('rebuild the whole search index from the live vacancies (searches keep working meanwhile)')
    .action(async (opts: { db?: string }) => {
      const db = ctx.openDb(opts);
      const engine = createSearchEngine(ctx.config, db);
      const bar = new SingleBar({
        format: 'rebuild [{bar}] {percentage}% {value}/{total} vacancies {eta_formatted} left',
        stream: process.stderr,
        hideCursor: true,
      });
      try {
        const started = Date.now();
        let begun = false;
        const n = await rebuildIndex(db, engine, (done, total) => {
          if (!begun) {
            bar.start(total, 0);
            begun = true;
          }
          bar.update(done);
        });
        if (begun) bar.stop();
        const secs = (Date.now() - started) / 1000;
        console.log(`rebuilt the ${engine.name} index: ${n} live vacancies in ${secs.toFixed(1)} s (${Math.round(n / Math.max(secs, 0.001))}/s)`);
      } finally {
        bar.stop();
        await engine.close?.();
        closeDb(db);
      }
    });

  withDbOption(cmd.command('optimize'))
    .description('merge the embedded index into one segment (after a big import; searches get faster)')
    .action(async (opts: { db?: string }) => {
      const db = ctx.openDb(opts);
      const engine = createSearchEngine(ctx.config, db);
      try {
        if (!(engine instanceof SqliteEngine)) {
          console.log(`nothing to do: the ${engine.name} engine manages its own index`);
          return;
        }
        const started = Date.now();
        engine.optimize();
        console.log(`optimized the embedded index in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } finally {
        await engine.close?.();
        closeDb(db);
      }
    });

  withDbOption(cmd.command('status'))
    .description('outbox backlog, documents in the index, engine health')
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const db = ctx.openDb(opts);
      const engine = createSearchEngine(ctx.config, db);
      try {
        const backlog = outboxBacklog(db);
        const health = await engine.health();
        const documents = health.ok ? await engine.count() : null;
        const live = db.$client.prepare("SELECT count(*) FROM vacancies WHERE status = 'live'").pluck().get() as number;
        const status = { engine: engine.name, health, documents, liveVacancies: live, outbox: backlog };
        if (opts.json) {
          console.log(JSON.stringify(status, null, 2));
        } else {
          console.log(`engine:         ${engine.name} (${health.ok ? 'ok' : 'DOWN'}${health.detail ? `: ${health.detail}` : ''})`);
          console.log(`documents:      ${documents ?? '-'} (live vacancies in the store: ${live})`);
          console.log(`outbox pending: ${backlog.pending} (oldest ${Math.round(backlog.oldestAgeMs / 1000)} s, failing ${backlog.failing})`);
        }
        if (!health.ok) process.exitCode = 1;
      } finally {
        await engine.close?.();
        closeDb(db);
      }
    });
}
