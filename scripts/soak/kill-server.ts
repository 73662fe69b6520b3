import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { createRandom } from '../../src/random.ts';
import type { Scenario } from './lib/context.ts';
import { runCli } from './lib/cli.ts';
import { compareIndexAtPath, indexMismatchCount } from './lib/index-check.ts';
import { runLoad } from './lib/load.ts';
import { report } from './lib/report.ts';
import { soakServerEnv, startSoakServer } from './lib/server.ts';
import { copySoakStore } from './lib/store.ts';
import { batchWriter, newReceiptLog, verifyReceipts } from './lib/writers.ts';

/**
 * kill -9 of the server while employer batches are in flight, --kills times
 * (default 5) on the same database: each round starts the server on what the
 * last crash left, lets 4 batch writers post, and once the first batch of
 * the round is receipted SIGKILLs it at a random moment. The receipts the clients got are kept; after a last restart every
 * receipted vacancy must be in the store with the receipted content, the
 * database must pass integrity_check, and the index must equal the store.
 *
 *   soak_kill_server_rounds, soak_kill_server_receipts, soak_kill_server_lost
 *   soak_kill_server_restart_max (ms from spawn to listening after a crash)
 *   soak_kill_server_integrity_errors, soak_kill_server_index_mismatch
 */
export const killServerScenario: Scenario = {
  name: 'kill-server',
  async run(ctx) {
    const rounds = Math.max(1, ctx.numberArg('kills', 5));
    const batchSize = Math.min(500, ctx.numberArg('write-batch', 100));
    const rng = createRandom(ctx.seed * 31 + 7);
    const dbPath = copySoakStore(ctx.fixture, ctx.workDir, 'kill-server');
    const log = newReceiptLog();
    let restartMax = 0;
    let killed = 0;

    for (let round = 0; round < rounds; round++) {
      const t0 = performance.now();
      const server = await startSoakServer(soakServerEnv(dbPath));
      if (round > 0) restartMax = Math.max(restartMax, performance.now() - t0);
      try {
        const stop = new AbortController();
        const okBefore = log.batchesOk;
        const writing = runLoad({
          clients: 4,
          durationMs: ctx.durationMs + 120_000,
          timeoutMs: 120_000,
          signal: stop.signal,
          request: batchWriter({ baseUrl: server.url, key: ctx.fixture.employerKey, batchSize, refPrefix: `soak-kill-${round}`, log }),
        });
        // Once this round has receipts (bounded wait), kill at a random moment up to min(duration, 5 s) later,
        // so the kill finds batches in flight and receipts to check.
        const waitUntil = performance.now() + ctx.durationMs + 60_000;
        while (log.batchesOk === okBefore && performance.now() < waitUntil) await sleep(50);
        await sleep(rng() * Math.min(ctx.durationMs, 5000));
        await server.kill();
        killed++;
        stop.abort();
        // In-flight requests fail with a reset connection: they have no receipt and are not counted.
        await writing;
      } finally {
        await server.kill();
      }
    }

    // Recovery: start once more (the server drains the outbox before listening), then stop cleanly.
    const t0 = performance.now();
    const last = await startSoakServer(soakServerEnv(dbPath));
    restartMax = Math.max(restartMax, performance.now() - t0);
    await last.stop();

    report('soak_kill_server_rounds', killed, 'count');
    report('soak_kill_server_restart_max', Math.round(restartMax), 'ms');
    const check = verifyReceipts(dbPath, log);
    report('soak_kill_server_receipts', check.checked, 'count');
    report('soak_kill_server_lost', check.lost, 'count');
    if (check.lost) console.log(`# lost after kill -9, e.g. vacancy ids ${check.lostIds.join(', ')}`);
    const raw = new Database(dbPath);
    const integrity = raw.pragma('integrity_check') as { integrity_check: string }[];
    raw.close();
    report('soak_kill_server_integrity_errors', integrity.filter((r) => r.integrity_check !== 'ok').length, 'count');
    await runCli(['index', 'drain'], dbPath);
    const cmp = await compareIndexAtPath(dbPath);
    report('soak_kill_server_index_mismatch', indexMismatchCount(cmp), 'count');
  },
};
