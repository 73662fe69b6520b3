import Database from 'better-sqlite3';
import { createRandom } from '../../src/random.ts';
import { searchPath } from './lib/coach-traffic.ts';
import type { Scenario } from './lib/context.ts';
import { runCli, spawnCli } from './lib/cli.ts';
import { meiliDocumentCount } from './lib/index-check.ts';
import { getOk, runLoad } from './lib/load.ts';
import { listIndexes, meiliBinary, meiliEnv, startSoakMeili } from './lib/meili.ts';
import { report } from './lib/report.ts';
import { soakServerEnv, startSoakServer } from './lib/server.ts';
import { copySoakStore } from './lib/store.ts';

/**
 * Zero-downtime rebuild: `index rebuild` of the whole soak store (--scale
 * vacancies) into a private Meilisearch (MEILI_BIN) while coaches search
 * through the server's /v1/search. One client alternates a search with a
 * look at the live index's stats (`<prefix>vacancies`): at every look it
 * must hold the full document count, never a half-built index. Others
 * only search (--rebuild-clients, default 3). The live index is first built
 * by an initial rebuild, as when switching engines.
 *
 *   soak_meili_rebuild_vacancies, soak_meili_rebuild_initial_rate,
 *   soak_meili_rebuild_s, soak_meili_rebuild_searches,
 *   soak_meili_rebuild_failed_searches, soak_meili_rebuild_search_p50/p99,
 *   soak_meili_rebuild_observations, soak_meili_rebuild_half_built,
 *   soak_meili_rebuild_min_live_documents, soak_meili_rebuild_leftover_indexes
 */

const PREFIX = 'soak_rebuild_';
const LIVE = `${PREFIX}vacancies`;

export const meiliRebuildLoadScenario: Scenario = {
  name: 'meili-rebuild-load',
  async run(ctx) {
    const bin = meiliBinary();
    if (!bin) {
      console.log('# meili-rebuild-load skipped: set MEILI_BIN to a Meilisearch binary to run it');
      return;
    }
    const clients = Math.max(1, ctx.numberArg('rebuild-clients', 3));
    const dbPath = copySoakStore(ctx.fixture, ctx.workDir, 'meili-rebuild');
    const meili = await startSoakMeili(bin, ctx.workDir, 'rebuild');
    const env = meiliEnv(meili, PREFIX);
    try {
      const reader = new Database(dbPath, { readonly: true });
      const live = reader.prepare("SELECT count(*) FROM vacancies WHERE status = 'live'").pluck().get() as number;
      reader.close();
      const { openDb, closeDb } = await import('../../src/db.ts');
      const db = openDb(dbPath);
      const expected = meiliDocumentCount(db);
      closeDb(db);
      report('soak_meili_rebuild_vacancies', live, 'count');
      report('soak_meili_rebuild_expected_documents', expected, 'count');

      const initial = await runCli(['index', 'rebuild'], dbPath, 60 * 60_000, env);
      report('soak_meili_rebuild_initial_rate', live / (initial.ms / 1000), 'vacancies/s');
      const before = (await meili.client.index(LIVE).getStats()).numberOfDocuments;
      if (before !== expected) throw new Error(`after the initial rebuild the live index holds ${before} documents, the store implies ${expected}`);

      const server = await startSoakServer(soakServerEnv(dbPath, env));
      try {
        const bearer = { Authorization: `Bearer ${ctx.fixture.coachToken}` };
        const stop = new AbortController();
        const observed: number[] = [];
        let statsErrors = 0;
        const request = async (client: number, i: number, signal: AbortSignal) => {
          const outcome = await getOk(server.url + searchPath(createRandom(ctx.seed * 7919 + i)), bearer, signal);
          // Client 0 looks at the live index between its searches.
          if (client === 0) {
            try {
              observed.push((await meili.client.index(LIVE).getStats()).numberOfDocuments);
            } catch {
              statsErrors++;
            }
          }
          return outcome;
        };
        const load = runLoad({ clients: clients + 1, durationMs: 60 * 60_000, timeoutMs: 30_000, signal: stop.signal, request });
        const rebuild = await spawnCli(['index', 'rebuild'], dbPath, 60 * 60_000, env).done;
        // A few more seconds on the swapped-in index.
        await new Promise((r) => setTimeout(r, 3000));
        stop.abort();
        const r = await load;
        if (rebuild.code !== 0) throw new Error(`index rebuild failed (${rebuild.code ?? rebuild.signal}):\n${rebuild.stderr.slice(-2000)}`);
        report('soak_meili_rebuild_s', rebuild.ms / 1000, 's');
        report('soak_meili_rebuild_searches', r.requests, 'count');
        report('soak_meili_rebuild_failed_searches', r.errors, 'count');
        if (r.errors) console.log(`#   statuses: ${JSON.stringify(r.statuses)}`);
        report('soak_meili_rebuild_search_p50', Math.round(r.latency.p50), 'ms');
        report('soak_meili_rebuild_search_p99', Math.round(r.latency.p99), 'ms');
        report('soak_meili_rebuild_observations', observed.length, 'count');
        report('soak_meili_rebuild_stats_errors', statsErrors, 'count');
        report('soak_meili_rebuild_half_built', observed.filter((n) => n !== expected).length, 'count');
        report('soak_meili_rebuild_min_live_documents', observed.length ? Math.min(...observed) : -1, 'count');
        report('soak_meili_rebuild_leftover_indexes', (await listIndexes(meili.client, PREFIX)).filter((uid) => uid !== LIVE).length, 'count');
      } finally {
        await server.stop();
      }
    } finally {
      await meili.dispose();
    }
  },
};
