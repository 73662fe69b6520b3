/**
 * `npm run soak`: standing figures for reliability under load. Builds (or
 * reuses) a store of --scale vacancies through the real ingest path, then
 * runs each scenario against the real server and CLI as child processes on
 * its own copy of that store, printing `name: value unit` lines. Bounded:
 * every load stops by itself after --duration seconds (plus a per-request
 * timeout), every child has a timeout, and all traffic goes to 127.0.0.1.
 * Not part of `npm test`.
 *
 *   npm run soak                                   # 250k vacancies, 30 s per load
 *   npm run soak -- --scale 5000 --duration 5      # a quick look
 *   npm run soak -- --only search --db /tmp/s.db   # one scenario on a store built once
 *
 * Options: --scale N, --duration S, --only NAME (comma list, substring
 * match), --db PATH (build once there, reuse afterwards), --seed N, --keep
 * (keep the scratch directory), and per scenario: --writers, --write-batch,
 * --import-count, --kills, --fuzz-count, --ingest-count, --outage-count,
 * --meili-down, --rebuild-clients. The meili-* scenarios need MEILI_BIN.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { numberArg, stringArg } from '../bench/lib/args.ts';
import type { Scenario, SoakContext } from './lib/context.ts';
import { killAllChildren } from './lib/server.ts';
import { defaultStorePath, ensureSoakStore } from './lib/store.ts';
import { fuzzScenario } from './fuzz.ts';
import { ingestRateScenario } from './ingest-rate.ts';
import { killImportScenario } from './kill-import.ts';
import { killServerScenario } from './kill-server.ts';
import { meiliOutageScenario } from './meili-outage.ts';
import { meiliRebuildLoadScenario } from './meili-rebuild-load.ts';
import { searchScenario } from './search.ts';
import { writesScenario } from './writes.ts';

const SCENARIOS: Scenario[] = [searchScenario, writesScenario, killServerScenario, killImportScenario, fuzzScenario, ingestRateScenario, meiliOutageScenario, meiliRebuildLoadScenario];

const argv = process.argv.slice(2);
const scale = numberArg('scale', 250_000);
const durationS = numberArg('duration', 30);
const only = stringArg('only')?.split(',').map((s) => s.trim()).filter(Boolean);
const explicitDb = stringArg('db');
const seed = numberArg('seed', 1);
const keep = argv.includes('--keep');
if (!Number.isInteger(scale) || scale < 100) throw new Error('--scale must be an integer ≥ 100');
if (!(durationS > 0 && durationS <= 3600)) throw new Error('--duration must be between 0 and 3600 seconds');

const chosen = SCENARIOS.filter((s) => !only || only.some((o) => s.name.includes(o)));
if (!chosen.length) throw new Error(`--only matched nothing; scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}`);

// Whatever happens, no child server or import outlives the run.
process.once('exit', killAllChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllChildren();
    process.exit(130);
  });
}

const workDir = mkdtempSync(join(tmpdir(), 'flightpath-soak-run-'));
let failed = 0;
try {
  const started = Date.now();
  const fixture = await ensureSoakStore(explicitDb ?? defaultStorePath(scale), scale, workDir, explicitDb != null);
  console.log(`# store ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const ctx: SoakContext = {
    fixture,
    durationMs: durationS * 1000,
    workDir,
    seed,
    numberArg: (name, fallback) => numberArg(name, fallback, argv),
  };
  for (const scenario of chosen) {
    console.log(`# ${scenario.name}`);
    const t = Date.now();
    try {
      await scenario.run(ctx);
      console.log(`# ${scenario.name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    } catch (err) {
      failed++;
      killAllChildren();
      console.log(`# ${scenario.name} FAILED: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
} finally {
  killAllChildren();
  if (keep) console.log(`# scratch files kept in ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
