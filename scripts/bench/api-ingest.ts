/**
 * Employer API ingest benchmark: demo vacancies (src/demo, 3–4 KB
 * descriptions) POSTed over real HTTP on 127.0.0.1 to an app served by
 * @hono/node-server, against a file database with the embedded engine.
 * Measures what the API accepts and stores (vacancies + outbox rows, in one
 * transaction per request); indexing is the outbox drainer's job and is
 * timed by ingest.ts. Client and server share this process (and its CPU).
 *
 *   npx tsx scripts/bench/api-ingest.ts [--batch-items 10000 | --scale N] [--batch-size 500] [--singles 1000] [--concurrency 8]
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/app.ts';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { closeDb, openDb } from '../../src/db.ts';
import { generateDemoVacancies } from '../../src/demo/generate-vacancies.ts';
import { silentLogger } from '../../src/logger.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import type { RawVacancy } from '../../src/vacancies/model.ts';
import { numberArg, peakRssMb, report } from './lib/args.ts';

// `npm run bench -- --scale N` scales every benchmark; this one caps itself at 10k (it is HTTP-bound).
const batchItems = numberArg('batch-items', Math.min(10_000, numberArg('scale', 10_000)));
const batchSize = Math.min(500, numberArg('batch-size', 500));
const singles = numberArg('singles', Math.max(100, Math.round(batchItems / 10)));
const concurrency = numberArg('concurrency', 8);
const path = join(tmpdir(), `flightpath-bench-api-${process.pid}.db`);

const db = openDb(path);
const taxonomy = createTaxonomy({ versionId: 0, occupations: [], skills: [], relations: [], groups: [], sectors: [] });
const app = createApp({
  db,
  search: new SqliteEngine(db),
  taxonomy: () => taxonomy,
  enricher: () => null,
  geocoder: null,
  now: Date.now,
  logger: silentLogger,
  config: { RATE_LIMIT_PER_MINUTE: 1_000_000_000, BODY_LIMIT_BYTES: 64 * 1024 * 1024 },
});
const { key } = createApiKey(db, { employerName: 'Bench Fictional Ltd' }, Date.now());

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };

// Data and request bodies are prepared before timing starts.
const all = [...generateDemoVacancies({ count: batchItems + singles, seed: 11 })].map((v, i): RawVacancy => ({ ...v, reference: `bench-${i}` }));
const batchBodies: string[] = [];
for (let i = 0; i < batchItems; i += batchSize) batchBodies.push(JSON.stringify({ items: all.slice(i, i + batchSize) }));
const singleBodies = all.slice(batchItems).map((v) => JSON.stringify(v));
const bytes = batchBodies.reduce((n, b) => n + b.length, 0);

async function post(path: string, body: string): Promise<unknown> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  if (res.status >= 300) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

/** Runs `jobs` with at most `n` in flight; returns each job's latency in ms. */
async function runPool(jobs: (() => Promise<unknown>)[], n: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, jobs.length) }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const t = performance.now();
        await job();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

try {
  let t = performance.now();
  // Batches go one at a time: SQLite has one writer, and an ATS syncs sequentially.
  const batchLat = await runPool(batchBodies.map((b) => () => post('/v1/vacancies/batch', b)), 1);
  let s = (performance.now() - t) / 1000;
  report('api_batch_ingest_rate', batchItems / s, 'vacancies/s');
  report('api_batch_request_p50', pct(batchLat, 50), 'ms');
  report('api_batch_request_p95', pct(batchLat, 95), 'ms');
  report('api_batch_body_mb_per_s', bytes / 1e6 / s, 'MB/s');

  t = performance.now();
  const singleLat = await runPool(singleBodies.map((b) => () => post('/v1/vacancies', b)), concurrency);
  s = (performance.now() - t) / 1000;
  report('api_single_ingest_rate', singles / s, 'vacancies/s');
  report('api_single_request_p50', pct(singleLat, 50), 'ms');
  report('api_single_request_p95', pct(singleLat, 95), 'ms');

  // Re-sending unchanged vacancies (an ATS's periodic full sync) is the common case.
  t = performance.now();
  await runPool(batchBodies.map((b) => () => post('/v1/vacancies/batch', b)), 1);
  s = (performance.now() - t) / 1000;
  report('api_batch_resend_unchanged_rate', batchItems / s, 'vacancies/s');
  report('api_ingest_peak_rss', peakRssMb(), 'MB');
} finally {
  server.close();
  closeDb(db);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}
