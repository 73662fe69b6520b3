/**
 * Search latency benchmark, as the coach API calls the engine: a two-word
 * query, 15 km radius around a random UK centre (weighted like the data), one
 * filter (contract = permanent), facets, first page of 20 with highlights.
 * Measured at --first (default 40% of --scale) and at --scale live
 * vacancies, loaded through the real path (store + outbox drain). Data:
 * scripts/bench/lib/generate.ts.
 *
 *   npx tsx scripts/bench/search.ts [--scale 250000] [--first 100000] [--queries 300] [--keep]
 *   npm run bench -- --only search --scale 1000000 --first 250000   # both engines at 250k and 1M
 *   MEILI_HOST=… MEILI_API_KEY=… npm run bench -- --only search
 *
 * The embedded engine always runs (`search_sqlite_<n>_*`). With MEILI_HOST
 * set, the same corpus is also indexed in Meilisearch (a rebuild into
 * throw-away `flightpath_bench_*` indexes, deleted afterwards) and the same
 * query stream runs against it (`search_meilisearch_<n>_*`), followed by
 * `search_sqlite_vs_meili_<n>_p95_ratio`. Indexing throughput:
 * `index_sqlite_rate` (outbox drain into FTS5) and `index_meilisearch_<n>_rate`
 * (rebuild from the store: first write to searchable and swapped in,
 * `index_meilisearch_<n>_searchable_wait`).
 *
 * At the largest size the embedded queries run again through the worker pool
 * (SEARCH_WORKERS=2, as the server runs them: `search_sqlite_<n>_pool_*`),
 * and the costly queries of issue 11 are timed once each, in-process and
 * pooled: `a* ` ×32 (refused by the cost bounds: the time to the 422) and the
 * costliest query the bounds still allow, three short prefixes plus common
 * words nationwide (`search_sqlite_<n>_bounded_worst_*`).
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { closeDb, openDb } from '../../src/db.ts';
import { createSearchEngine } from '../../src/search/create-engine.ts';
import type { SearchEngine, SearchQuery } from '../../src/search/engine.ts';
import { createMeilisearchEngine } from '../../src/search/meilisearch/create.ts';
import { dropIndexesWithPrefix } from '../../src/search/meilisearch/drop-indexes.ts';
import { drainOutbox, rebuildIndex } from '../../src/search/outbox.ts';
import { upsertVacancies, type UpsertInput } from '../../src/vacancies/store.ts';
import { numberArg, peakRssMb, report } from './lib/args.ts';
import { BENCH_QUERIES, generateVacancy, pickPlace } from './lib/generate.ts';
import { createRandom } from '../../src/random.ts';

const scale = numberArg('scale', 250_000);
const queries = numberArg('queries', 300);
const keep = process.argv.includes('--keep');
const path = join(tmpdir(), `flightpath-bench-search-${process.pid}.db`);
const now = Date.parse('2026-03-01T09:00:00Z');
const db = openDb(path);
const engine = createSearchEngine({ searchEngine: 'sqlite' }, db);
const rng = createRandom(7);
let loaded = 0;
let drainSeconds = 0;

async function loadUpTo(n: number): Promise<void> {
  while (loaded < n) {
    const inputs: UpsertInput[] = [];
    for (let i = loaded; i < Math.min(n, loaded + 1000); i++) {
      inputs.push({ source: 'import:bench', vacancy: generateVacancy(rng, i, now) });
    }
    upsertVacancies(db, inputs, now);
    const t0 = performance.now();
    await drainOutbox(db, engine, { now: () => now });
    drainSeconds += (performance.now() - t0) / 1000;
    loaded += inputs.length;
  }
}

const config = loadConfig();
const meiliPrefix = `flightpath_bench_${process.pid}_`;
const meili = config.MEILI_HOST ? createMeilisearchEngine({ ...config, MEILI_INDEX_PREFIX: meiliPrefix }) : null;

/** Rebuilds the Meilisearch index from the store: the time from the first write to searchable and live. */
async function indexInMeili(n: string): Promise<void> {
  if (!meili) return;
  const t0 = performance.now();
  const count = await rebuildIndex(db, meili);
  const seconds = (performance.now() - t0) / 1000;
  report(`index_meilisearch_${n}_rate`, Math.round(count / seconds), 'vacancies/s');
  report(`index_meilisearch_${n}_searchable_wait`, seconds, 's');
}


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs the seeded query stream (the same for every engine) and reports latency; returns p95 in ms. */
async function measure(label: string, engine: SearchEngine): Promise<number> {
  const qrng = createRandom(99);
  const makeQuery = (): SearchQuery => {
    const place = pickPlace(qrng);
    return {
      q: BENCH_QUERIES[Math.floor(qrng() * BENCH_QUERIES.length)],
      near: { lat: place[2] + (qrng() - 0.5) * 0.2, lon: place[3] + (qrng() - 0.5) * 0.3, radiusKm: 15 },
      filters: { contract: ['permanent'] },
      facets: ['sector', 'contract', 'remote', 'employmentType'],
      page: 1,
      pageSize: 20,
    };
  };
  for (let i = 0; i < 20; i++) await engine.search(makeQuery());
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let totalHits = 0;
  for (let i = 0; i < queries; i++) {
    const q = makeQuery();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await engine.search(q);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
    totalHits += r.total;
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  report(`search_${label}_p50`, percentile(times, 50), 'ms');
  report(`search_${label}_p95`, percentile(times, 95), 'ms');
  report(`search_${label}_p99`, percentile(times, 99), 'ms');
  // CPU time of the searching process per query: close to the uncontended
  // latency (the database is in the page cache) when other work shares the cores.
  report(`search_${label}_cpu_p50`, percentile(cpuTimes, 50), 'ms');
  report(`search_${label}_cpu_p95`, percentile(cpuTimes, 95), 'ms');
  report(`search_${label}_cpu_p99`, percentile(cpuTimes, 99), 'ms');
  report(`search_${label}_mean_matches`, Math.round(totalHits / queries), 'vacancies');
  return percentile(times, 95);
}

/** Both engines on the same corpus and query stream at one size. */
async function measureEngines(n: string): Promise<void> {
  const sqliteP95 = await measure(`sqlite_${n}`, engine);
  if (!meili) return;
  await indexInMeili(n);
  const meiliP95 = await measure(`meilisearch_${n}`, meili);
  report(`search_sqlite_vs_meili_${n}_p95_ratio`, sqliteP95 / meiliP95, 'x');
  if (n === label(scale)) report('search_sqlite_vs_meili_p95_ratio', sqliteP95 / meiliP95, 'x');
}

const first = Math.min(scale, numberArg('first', Math.round(scale * 0.4)));
const label = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
/** Wall time of one search, or of its refusal (`status` says which). */
async function timeOnce(engine: SearchEngine, query: SearchQuery): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const status = await engine.search(query).then(
    () => 200,
    (e: unknown) => (e as { status?: number }).status ?? 500,
  );
  return { ms: performance.now() - t0, status };
}

const ISSUE_QUERIES: [string, SearchQuery][] = [
  ['prefix_flood', { q: 'a* '.repeat(32), facets: ['sector', 'contract', 'remote', 'employmentType'] }],
  ['bounded_worst', { q: 'car* sup* man* work team', facets: ['sector', 'contract', 'remote', 'employmentType'] }],
];

async function measureIssueQueries(label: string, engine: SearchEngine, via: string): Promise<void> {
  for (const [name, query] of ISSUE_QUERIES) {
    const { ms, status } = await timeOnce(engine, query);
    report(`search_${label}_${name}_${via}_ms`, ms, 'ms');
    report(`search_${label}_${name}_${via}_status`, status, 'http');
  }
}

try {
  await loadUpTo(first);
  await measureEngines(label(first));
  await loadUpTo(scale);
  report('index_sqlite_rate', Math.round(loaded / drainSeconds), 'vacancies/s');
  await measureEngines(label(scale));
  await measureIssueQueries(`sqlite_${label(scale)}`, engine, 'in_process');
  const pooled = createSearchEngine({ searchEngine: 'sqlite', SEARCH_WORKERS: 2, SEARCH_TIMEOUT_MS: 60_000 }, db);
  await measure(`sqlite_${label(scale)}_pool`, pooled);
  await measureIssueQueries(`sqlite_${label(scale)}`, pooled, 'pool');
  await pooled.close?.();
  report('search_peak_rss', peakRssMb(), 'MB');
} finally {
  if (config.MEILI_HOST) await dropIndexesWithPrefix(config.MEILI_HOST, config.MEILI_API_KEY, meiliPrefix, 120_000);
  closeDb(db);
  if (keep) console.error(`kept ${path}`);
  else for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}
