/**
 * Do the two engines give the same answers? Builds one store of generated
 * vacancies (scripts/bench/lib/generate.ts, seeded), indexes it in the
 * embedded engine and in the Meilisearch server at MEILI_HOST, runs a fixed
 * set of coach queries against both and prints:
 *
 *   engines_total_agreement: share of filter-only queries (no text) whose totals are equal
 *   engines_top20_overlap:   mean share of the embedded engine's top 20 ids also in Meilisearch's top 20 (text queries)
 *   engines_text_total_agreement: share of text queries whose totals are equal
 *
 * plus one line per query that disagrees, so every systematic difference can
 * be read off and explained (README, "How the engines differ").
 *
 *   MEILI_HOST=http://127.0.0.1:7700 MEILI_API_KEY=<key> npm run eval -- engines [--scale 10000]
 *
 * Uses throw-away `flightpath_eval_*` indexes and deletes them afterwards.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { closeDb, openDb } from '../../src/db.ts';
import { createRandom } from '../../src/random.ts';
import type { SearchEngine, SearchQuery, SearchResult } from '../../src/search/engine.ts';
import { dropIndexesWithPrefix } from '../../src/search/meilisearch/drop-indexes.ts';
import { MeilisearchEngine } from '../../src/search/meilisearch/engine.ts';
import { drainOutbox, rebuildIndex } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { vacancyTextSource } from '../../src/search/load-documents.ts';
import { upsertVacancies, type UpsertInput } from '../../src/vacancies/store.ts';
import { generateVacancy, UK_PLACES } from '../bench/lib/generate.ts';

const NOW = Date.parse('2026-03-01T09:00:00Z');
const DAY = 86_400_000;

interface EvalQuery {
  label: string;
  query: SearchQuery;
}

const place = (town: string, radiusKm: number) => {
  const p = UK_PLACES.find((x) => x[0] === town);
  if (!p) throw new Error(`no such bench place: ${town}`);
  return { lat: p[2], lon: p[3], radiusKm };
};

/** Text queries: words, phrases, prefixes, each alone and with a radius or a filter. */
const TEXT_QUERIES: EvalQuery[] = [
  ...['care assistant', 'warehouse operative', 'support worker', 'delivery driver', 'customer service', 'retail assistant',
    'kitchen porter', 'forklift driver', 'teaching assistant', 'security officer', 'production operative', 'site manager',
    'accounts assistant', 'maintenance engineer', 'night care', 'cleaning offices', 'software developer', 'registered nurse',
    'driver', 'carer', 'chef', 'cleaner', 'nurse', 'engineer']
    .map((q) => ({ label: `words "${q}"`, query: { q } })),
  ...['"care assistant"', '"customer service"', '"forklift driver"', '"site manager"']
    .map((q) => ({ label: `phrase ${q}`, query: { q } })),
  ...['ware*', 'manag*', 'clean*', 'driv*', 'care*', 'develop*']
    .map((q) => ({ label: `prefix ${q}`, query: { q } })),
  { label: 'driver near Leeds 15 km', query: { q: 'driver', near: place('Leeds', 15) } },
  { label: 'care assistant near Manchester 10 km', query: { q: 'care assistant', near: place('Manchester', 10) } },
  { label: 'warehouse near Birmingham 20 km', query: { q: 'warehouse', near: place('Birmingham', 20) } },
  { label: 'support worker, permanent', query: { q: 'support worker', filters: { contract: ['permanent'] } } },
  { label: 'chef, sector I', query: { q: 'chef', filters: { sector: ['I'] } } },
  { label: 'nurse, salary ≥ 30k', query: { q: 'nurse', filters: { salaryMin: 30_000 } } },
];

/** Filter-only queries: no text, so both engines must count exactly the same vacancies. */
const FILTER_QUERIES: EvalQuery[] = [
  { label: 'everything', query: {} },
  { label: 'sector Q', query: { filters: { sector: ['Q'] } } },
  { label: 'sector H,I', query: { filters: { sector: ['H', 'I'] } } },
  { label: 'contract temporary', query: { filters: { contract: ['temporary'] } } },
  { label: 'part time', query: { filters: { employmentType: ['part_time'] } } },
  { label: 'remote', query: { filters: { remote: ['remote'] } } },
  { label: 'hybrid or remote', query: { filters: { remote: ['hybrid', 'remote'] } } },
  { label: 'salary ≥ 25k', query: { filters: { salaryMin: 25_000 } } },
  { label: 'salary ≥ 40k', query: { filters: { salaryMin: 40_000 } } },
  { label: 'posted within 7 days', query: { filters: { postedAfter: NOW - 7 * DAY } } },
  { label: 'posted within 30 days', query: { filters: { postedAfter: NOW - 30 * DAY } } },
  { label: 'Leeds 15 km', query: { near: place('Leeds', 15) } },
  { label: 'London 5 km', query: { near: place('London', 5) } },
  { label: 'Cardiff 25 km', query: { near: place('Cardiff', 25) } },
  { label: 'Glasgow 40 km, sector Q', query: { near: place('Glasgow', 40), filters: { sector: ['Q'] } } },
  { label: 'Bristol 20 km, permanent, ≥ 22k', query: { near: place('Bristol', 20), filters: { contract: ['permanent'], salaryMin: 22_000 } } },
  { label: 'facets everything', query: { facets: ['sector', 'contract', 'remote', 'employmentType'] } },
  { label: 'facets Manchester 10 km', query: { near: place('Manchester', 10), facets: ['sector', 'contract'] } },
];

function argValue(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

const facetsEqual = (a: SearchResult, b: SearchResult): boolean =>
  JSON.stringify(Object.entries(a.facets).map(([k, v]) => [k, Object.entries(v ?? {}).sort()]).sort()) ===
  JSON.stringify(Object.entries(b.facets).map(([k, v]) => [k, Object.entries(v ?? {}).sort()]).sort());

export async function run(args: string[]): Promise<void> {
  const config = loadConfig();
  if (!config.MEILI_HOST) throw new Error('set MEILI_HOST (and MEILI_API_KEY) to a running Meilisearch server');
  const scale = argValue(args, 'scale', 10_000);
  const path = join(tmpdir(), `flightpath-eval-engines-${process.pid}.db`);
  const db = openDb(path);
  const sqlite = new SqliteEngine(db, { textSource: vacancyTextSource(db) });
  const prefix = `flightpath_eval_${process.pid}_`;
  let tick = NOW;
  const meili = new MeilisearchEngine({
    host: config.MEILI_HOST,
    apiKey: config.MEILI_API_KEY,
    searchKey: config.MEILI_SEARCH_KEY ?? config.MEILI_API_KEY,
    indexPrefix: prefix,
    now: () => ++tick,
  });
  try {
    const rng = createRandom(11);
    for (let i = 0; i < scale; i += 1000) {
      const inputs: UpsertInput[] = [];
      for (let j = i; j < Math.min(scale, i + 1000); j++) inputs.push({ source: 'import:eval', vacancy: generateVacancy(rng, j, NOW) });
      upsertVacancies(db, inputs, NOW);
    }
    await drainOutbox(db, sqlite, { now: () => NOW });
    const t0 = performance.now();
    await rebuildIndex(db, meili);
    console.log(`engines_meili_index_time: ${Math.round(performance.now() - t0)} ms`);
    await compare(sqlite, meili);
  } finally {
    closeDb(db);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    await dropIndexesWithPrefix(config.MEILI_HOST, config.MEILI_API_KEY, prefix);
  }
}

async function compare(sqlite: SearchEngine, meili: SearchEngine): Promise<void> {
  let agreeing = 0;
  for (const { label, query } of FILTER_QUERIES) {
    const [a, b] = await Promise.all([sqlite.search({ ...query, pageSize: 20 }), meili.search({ ...query, pageSize: 20 })]);
    const same = a.total === b.total && facetsEqual(a, b);
    if (same) agreeing++;
    else console.log(`differs (filter) ${label}: sqlite ${a.total}, meilisearch ${b.total}${facetsEqual(a, b) ? '' : ' (facets differ)'}`);
  }
  let overlapSum = 0;
  let textTotalsEqual = 0;
  for (const { label, query } of TEXT_QUERIES) {
    const [a, b] = await Promise.all([sqlite.search({ ...query, pageSize: 20 }), meili.search({ ...query, pageSize: 20 })]);
    const top = new Set(b.hits.map((h) => h.id));
    const denominator = Math.max(a.hits.length, b.hits.length);
    const overlap = denominator === 0 ? 1 : a.hits.filter((h) => top.has(h.id)).length / denominator;
    overlapSum += overlap;
    if (a.total === b.total) textTotalsEqual++;
    if (overlap < 0.8 || a.total !== b.total) {
      console.log(`differs (text) ${label}: top-20 overlap ${(overlap * 100).toFixed(0)} %, totals sqlite ${a.total}, meilisearch ${b.total}`);
    }
  }
  console.log(`engines_queries: ${FILTER_QUERIES.length + TEXT_QUERIES.length} count`);
  console.log(`engines_total_agreement: ${((agreeing / FILTER_QUERIES.length) * 100).toFixed(1)} %`);
  console.log(`engines_top20_overlap: ${((overlapSum / TEXT_QUERIES.length) * 100).toFixed(1)} %`);
  console.log(`engines_text_total_agreement: ${((textTotalsEqual / TEXT_QUERIES.length) * 100).toFixed(1)} %`);
}
