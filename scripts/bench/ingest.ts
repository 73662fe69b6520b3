/**
 * Bulk ingest benchmark: normalised vacancies → store (vacancies + outbox, one
 * transaction per batch) → outbox drain → embedded FTS5 index, all timed
 * together. Data is generated (scripts/bench/lib/generate.ts: seeded, UK
 * towns, 3–4 KB descriptions); generation time is excluded.
 *
 *   npx tsx scripts/bench/ingest.ts [--scale 50000] [--batch 1000]
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, closeDb } from '../../src/db.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { createSearchEngine } from '../../src/search/create-engine.ts';
import type { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { upsertVacancies, type UpsertInput } from '../../src/vacancies/store.ts';
import { numberArg, peakRssMb, report } from './lib/args.ts';
import { generateVacancy } from './lib/generate.ts';
import { createRandom } from '../../src/random.ts';

const scale = numberArg('scale', 50_000);
const batch = numberArg('batch', 1000);
const path = join(tmpdir(), `flightpath-bench-ingest-${process.pid}.db`);
const now = Date.parse('2026-03-01T09:00:00Z');

// --page-size N: try a database page size before openDb creates the file (default: SQLite's 4096).
const pageSize = numberArg('page-size', 0);
if (pageSize) {
  const { default: Database } = await import('better-sqlite3');
  const raw = new Database(path);
  raw.pragma(`page_size = ${pageSize}`);
  raw.exec('VACUUM');
  raw.close();
}
const db = openDb(path);
const engine = createSearchEngine({ searchEngine: 'sqlite' }, db) as SqliteEngine;
const rng = createRandom(42);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let cpuTotalMs = 0;
let storeMs = 0;
let indexMs = 0;
let bytes = 0;
for (let done = 0; done < scale; done += batch) {
  const inputs: UpsertInput[] = [];
  for (let i = done; i < Math.min(scale, done + batch); i++) {
    const vacancy = generateVacancy(rng, i, now);
    bytes += vacancy.descriptionText.length;
    inputs.push({ source: 'import:bench', vacancy });
  }
  const c0 = cpuMs();
  const t0 = performance.now();
  upsertVacancies(db, inputs, now);
  const t1 = performance.now();
  await drainOutbox(db, engine, { batchSize: batch, now: () => now });
  const t2 = performance.now();
  cpuTotalMs += cpuMs() - c0;
  storeMs += t1 - t0;
  indexMs += t2 - t1;
}
db.$client.pragma('wal_checkpoint(TRUNCATE)');
const size = statSync(path).size;
const indexed = await engine.count();
closeDb(db);
rmSync(path, { force: true });
rmSync(`${path}-wal`, { force: true });
rmSync(`${path}-shm`, { force: true });

if (indexed !== scale) throw new Error(`indexed ${indexed} of ${scale}`);
report('ingest_vacancies', scale, 'vacancies');
report('ingest_avg_description', bytes / scale / 1024, 'KB');
report('ingest_rate', scale / ((storeMs + indexMs) / 1000), 'vacancies/s');
// Per CPU-second of this process: closer to the uncontended rate when other work shares the cores.
report('ingest_rate_per_cpu_second', scale / (cpuTotalMs / 1000), 'vacancies/s');
report('ingest_store_rate', scale / (storeMs / 1000), 'vacancies/s');
report('ingest_drain_index_rate', scale / (indexMs / 1000), 'vacancies/s');
report('db_size_per_100k', (size / scale) * 100_000 / 1024 / 1024, 'MB');
report('ingest_peak_rss', peakRssMb(), 'MB');
