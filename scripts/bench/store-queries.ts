/**
 * The store's hot queries at scale, without the search engine: what a
 * search, a participant's matches, the employer API, the drainer, dedupe,
 * pivots and scrape expiry each ask of the vacancies table (and the demand
 * tables) per request. The store is filled straight through SQL
 * (scripts/bench/lib/fill-store.ts: 85% live, one in seven a duplicate),
 * then each query runs many times on a file database; figures are per call.
 *
 *   npx tsx scripts/bench/store-queries.ts [--scale 250000] [--rounds 200]
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, openDb } from '../../src/db.ts';
import { liveVacanciesEverywhere, liveVacanciesNear } from '../../src/pivots/local-demand.ts';
import { readDemandSeries, rebuildDemandHistory, windowTotals, dayOf } from '../../src/pivots/demand-history.ts';
import { createRandom } from '../../src/random.ts';
import { loadSearchDocuments } from '../../src/search/load-documents.ts';
import { getVacanciesByIds, listClusterSources, listVacancies } from '../../src/vacancies/queries.ts';
import { enqueueIndex } from '../../src/vacancies/store.ts';
import { numberArg, report } from './lib/args.ts';
import { fillVacancies } from './lib/fill-store.ts';

const scale = numberArg('scale', 250_000);
const rounds = numberArg('rounds', 200);
const now = Date.parse('2026-03-01T09:00:00Z');
const path = join(tmpdir(), `flightpath-bench-store-${process.pid}.db`);
const db = openDb(path);
const label = scale % 1000 === 0 ? `${scale / 1000}k` : String(scale);

let t = performance.now();
const { firstId, lastId } = fillVacancies(db, scale, { now });
report(`store_fill_${label}`, Math.round(scale / ((performance.now() - t) / 1000)), 'rows/s');

const rng = createRandom(5);
const randomIds = (n: number) => Array.from({ length: n }, () => firstId + Math.floor(rng() * (lastId - firstId + 1)));

/** Mean ms per call of `fn` over `n` calls (after two warm-up calls). */
function time(name: string, n: number, fn: () => unknown): void {
  fn();
  fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  report(name, (performance.now() - t0) / n, 'ms');
}

// Search and matches: hydrate a page of hits, then every live source of their clusters.
time(`store_hydrate_20_hits_${label}`, rounds, () => getVacanciesByIds(db, randomIds(20)));
time(`store_hydrate_1000_candidates_${label}`, Math.max(5, rounds / 20), () => getVacanciesByIds(db, randomIds(1000)));
const clusterOf = db.$client.prepare('SELECT coalesce(cluster_id, id) FROM vacancies WHERE id = ?').pluck();
const fewRounds = Math.max(3, Math.min(rounds, Math.round(2e6 / scale)));
time(`store_cluster_sources_20_clusters_${label}`, fewRounds, () =>
  listClusterSources(db, randomIds(20).map((id) => clusterOf.get(id) as number)),
);

// Employer API: list the biggest employer's vacancies (a page and the total).
time(`store_employer_list_page_${label}`, rounds, () => listVacancies(db, { employerId: 1, source: 'employer:1', limit: 20, offset: 0 }));
time(`store_employer_list_live_page_${label}`, rounds, () =>
  listVacancies(db, { employerId: 1, source: 'employer:1', status: 'live', limit: 20, offset: 0 }),
);
const find = db.$client.prepare('SELECT id, content_hash, status FROM vacancies WHERE source = ? AND source_ref = ?');
time(`store_find_by_reference_${label}`, rounds * 10, () => find.get('employer:1', `ref-${randomIds(1)[0]}`));

// Drainer: one batch of 1000 queued vacancies read back as documents.
enqueueIndex(db, randomIds(1000), now);
const claim = db.$client.prepare('SELECT id, vacancy_id FROM index_outbox NOT INDEXED WHERE not_before <= ? ORDER BY id LIMIT ?').raw();
time(`store_outbox_claim_1000_${label}`, Math.max(5, rounds / 20), () => {
  const rows = claim.all(now, 1000) as [number, number][];
  return loadSearchDocuments(db, rows.map((r) => r[1]));
});

// Dedupe: exact duplicates by content hash.
const byHash = db.$client.prepare('SELECT id FROM vacancies WHERE content_hash = ? AND id <> ? LIMIT 50');
time(`store_dedupe_by_hash_${label}`, rounds * 10, () => byHash.get(`h${randomIds(1)[0]}`, 0));

// Scrape expiry: one source's live vacancies, and those past their closing date.
const expiryUnseen = db.$client.prepare("SELECT id, missed_runs FROM vacancies WHERE source = ? AND +status = 'live'");
const expiryClosed = db.$client.prepare(
  "SELECT id FROM vacancies WHERE source = ? AND +status = 'live' AND valid_through IS NOT NULL AND valid_through < ?",
);
time(`store_expiry_unseen_lookup_${label}`, Math.max(5, rounds / 10), () => expiryUnseen.all('scrape:source-3'));
time(`store_expiry_closed_lookup_${label}`, Math.max(5, rounds / 10), () => expiryClosed.all('scrape:source-3', now));

// Pivots and trends: the demand history and live-cell grid, then their reads.
t = performance.now();
rebuildDemandHistory(db, { to: now });
report(`store_demand_rebuild_${label}`, (performance.now() - t) / 1000, 's');
const today = dayOf(now);
const leeds = { lat: 53.8, lon: -1.55 };
const occupations = ['soc2020:6135', 'soc2020:8211', 'soc2020:9252'];
time(`store_local_demand_30km_${label}`, rounds, () => liveVacanciesNear(db, leeds, 30, occupations));
time(`store_local_demand_everywhere_${label}`, rounds, () => liveVacanciesEverywhere(db, occupations));
time(`store_demand_series_90d_${label}`, rounds, () =>
  readDemandSeries(db, { area: { type: 'region', name: 'Yorkshire and The Humber' }, dim: 'sector', fromDay: today - 90, toDay: today }),
);
time(`store_demand_window_totals_${label}`, rounds, () =>
  windowTotals(db, { area: { type: 'all', name: '' }, dim: 'occupation', fromDay: today - 91, toDay: today, keys: occupations }),
);

closeDb(db);
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
