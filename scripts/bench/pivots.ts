/**
 * Pivots and sector trends at scale.
 *
 *   npx tsx scripts/bench/pivots.ts [--db ESCO_DB] [--live 250000] [--closed 250000] [--runs 30] [--store PATH]
 *
 * Targets (issue 5): pivots for one participant ≤ 50 ms with full ESCO and
 * 250k live vacancies; trend series for all sectors in one area ≤ 20 ms.
 *
 * Taxonomy: with --db, the one imported there (read-only; e.g. ESCO 1.1.1
 * via `npm run cli -- import esco DIR --db PATH`); without it, a synthetic
 * ESCO-sized one (3,007 occupations, 13,896 skills, ~120k relations, skewed
 * skill popularity, occupations in families sharing a core of skills). Vacancies (written to a scratch database under /tmp,
 * removed at the end): `live` live plus `closed` closed ones over the last
 * nine months, in 59 UK towns weighted by size, occupations drawn with a
 * power law over the taxonomy. The participant lives in central London (the
 * densest area) with a 30 km range, having held one occupation.
 * Also printed: the history rebuild and a daily update.
 *
 * --store PATH keeps the vacancy store there instead of a scratch file, and
 * when PATH already holds one (from an earlier run) reuses it: the build
 * (about a minute at 250k + 250k) is skipped, which makes profiling the
 * query side quick. The taxonomy must be the same as when it was built.
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createCoach } from '../../src/auth/coaches.ts';
import { DAY_MS } from '../../src/clock.ts';
import { closeDb, openDb, type Db } from '../../src/db.ts';
import { computeTransitions, occupationSource, profileSource, transitionIndex } from '../../src/matching/transitions.ts';
import { profileOf } from '../../src/participants/service.ts';
import { growthSignals } from '../../src/pivots/growth.ts';
import { liveVacanciesNear, regionAt } from '../../src/pivots/local-demand.ts';
import { createParticipantFromBody } from '../../src/participants/service.ts';
import { rebuildDemandHistory, updateDemandHistory } from '../../src/pivots/demand-history.ts';
import { suggestPivots } from '../../src/pivots/pivots.ts';
import { sectorTrends } from '../../src/pivots/sector-trends.ts';
import { valueOr422 } from '../../src/routes/checked.ts';
import { readTrendsQuery } from '../../src/routes/sectors.ts';
import type { Occupation, Taxonomy } from '../../src/taxonomy/model.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';
import { numberArg, report, stringArg } from './lib/args.ts';
import { syntheticEscoTaxonomy } from './lib/synthetic-taxonomy.ts';
import { pickPlace } from './lib/generate.ts';
import { createRandom } from '../../src/random.ts';

// npm run bench hands every benchmark the same arguments: each reads the ones it knows.
const values = { db: stringArg('db'), store: stringArg('store'), live: numberArg('live', 250_000), closed: numberArg('closed', 250_000), runs: numberArg('runs', 30) };
const LIVE = Number(values.live);
const CLOSED = Number(values.closed);
const RUNS = Math.max(5, Number(values.runs));
const NOW = Date.parse('2026-06-01T09:00:00Z');
const SECTIONS = 'CFGHIJMNPQ'.split('');
const rng = createRandom(5);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

function loadReadOnly(path: string): Taxonomy {
  // loadTaxonomy reads through the raw client only; opening read-only leaves the operator's database untouched.
  const client = new Database(path, { readonly: true });
  const t = loadTaxonomy({ $client: client } as unknown as Db);
  client.close();
  return t;
}

function quantiles(xs: number[]): { p50: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)] as number, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] as number };
}

const t0 = performance.now();
const taxonomy = values.db
  ? loadReadOnly(values.db)
  : syntheticEscoTaxonomy(rng, { occupation: (i) => ({ id: `esco:o${i}`, code: `o${i}` }), sector: () => pick(SECTIONS), skillsPerOccupation: { min: 12, spread: 25 }, families: true });
const occs = [...taxonomy.occupations.values()].filter((o) => taxonomy.skillsOf(o.id).length > 0);
console.log(
  `taxonomy: ${values.db ? values.db : 'SYNTHETIC ESCO-sized'} (${taxonomy.occupations.size} occupations, ${taxonomy.skills.size} skills) loaded in ${Math.round(performance.now() - t0)} ms`,
);
transitionIndex(taxonomy);

const file = values.store ?? join(tmpdir(), `flightpath-bench-pivots-${process.pid}.db`);
const reuse = values.store != null && existsSync(values.store);
const db = openDb(file);
try {
  if (reuse) console.log(`store: reusing ${file} (${db.$client.prepare("SELECT count(*) FROM vacancies WHERE status = 'live'").pluck().get()} live vacancies)`);
  else buildStore(db);

  const coach = createCoach(db, { name: 'Bench', org: 'bench' }, NOW);
  const deps = { db, taxonomy: () => taxonomy, enricher: () => null, geocoder: null, now: () => NOW + DAY_MS };
  // The participant's past occupation: among the most advertised, the one with most reachable destinations.
  let origin = occs[0] as Occupation;
  let bestReach = -1;
  for (const o of occs.slice(0, 40)) {
    const reach = computeTransitions(taxonomy, occupationSource(taxonomy, o), { filter: 'desirable', limit: 150, maxGaps: 0 }).length;
    if (reach > bestReach) [origin, bestReach] = [o, reach];
  }
  const p = createParticipantFromBody(deps, coach.coach, { location: '51.507,-0.128', maxTravelKm: 30, salaryFloor: 21000, history: [{ occupation: origin.id, years: 5 }] });

  const first = suggestPivots(deps, p.id);
  console.log(
    `participant: ${origin.id} in central London, 30 km; ${first.groups.reduce((n, g) => n + g.items.length, 0)} suggestions in ${first.groups.length} sectors, ${first.excluded.unreachable} candidates excluded by guards`,
  );
  const pivotMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    suggestPivots(deps, p.id);
    pivotMs.push(performance.now() - s);
  }
  const pq = quantiles(pivotMs);
  report('pivots_p50', pq.p50, 'ms');
  report('pivots_p95', pq.p95, 'ms');

  // Where the time goes (CPU time of each part, median of RUNS).
  const cpu = (fn: () => void) => {
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const c0 = process.cpuUsage();
      fn();
      const c = process.cpuUsage(c0);
      xs.push((c.user + c.system) / 1000);
    }
    return quantiles(xs).p50;
  };
  const profile = profileOf(deps, p);
  const source = profileSource(taxonomy, profile, p);
  // The keys pivots looks up: the destinations that pass the guards (the rest are only counted).
  const cands = computeTransitions(taxonomy, source, { filter: 'all', limit: 150, maxGaps: 12 }).filter((c) => c.desirable);
  const keys = [...new Set(cands.map((c) => `${c.occupation.scheme}:${c.occupation.code}`))];
  const sectors = [...new Set(cands.map((c) => c.occupation.sector).filter((x): x is string => !!x))];
  report('pivots_cpu_total', cpu(() => suggestPivots(deps, p.id)), 'ms');
  report('pivots_cpu_transitions', cpu(() => computeTransitions(taxonomy, source, { filter: 'all', limit: 150, maxGaps: 12 })), 'ms');
  report('pivots_cpu_profile', cpu(() => profileOf(deps, p)), 'ms');
  report('pivots_cpu_region', cpu(() => regionAt(db, { lat: 51.507, lon: -0.128 })), 'ms');
  report('pivots_cpu_local_counts', cpu(() => liveVacanciesNear(db, { lat: 51.507, lon: -0.128 }, 30, keys)), 'ms');
  report('pivots_cpu_growth_occupations', cpu(() => growthSignals(db, { dim: 'occupation', area: { type: 'all', name: '' }, keys, now: NOW + DAY_MS })), 'ms');
  report('pivots_cpu_growth_sectors', cpu(() => growthSignals(db, { dim: 'sector', area: { type: 'region', name: 'London' }, keys: sectors, now: NOW + DAY_MS })), 'ms');

  const trendDeps = { db, taxonomy: () => taxonomy, now: () => NOW + DAY_MS };
  // The API's reading of ?area=London and of no query (area lookup and day range included in the timings, as before).
  const trends = (area: string) => sectorTrends(trendDeps, valueOr422(readTrendsQuery(trendDeps, area ? { area } : {})));
  const trendMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    trends('London');
    trendMs.push(performance.now() - s);
  }
  const tq = quantiles(trendMs);
  report('sector_trends_region_p50', tq.p50, 'ms');
  report('sector_trends_region_p95', tq.p95, 'ms');
  const allMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    trends('');
    allMs.push(performance.now() - s);
  }
  report('sector_trends_all_p50', quantiles(allMs).p50, 'ms');
  report('sector_trends_region_cpu', cpu(() => trends('London')), 'ms');
  console.log(`load_average_1min: ${(await import('node:os')).loadavg()[0]?.toFixed(1)} (2 cores shared: figures are indicative)`);
} finally {
  closeDb(db);
  if (!values.store) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/** The vacancies and their demand history (timed: the history rebuild and a daily update are benchmarks too). */
function buildStore(db: Db): void {
    // Vacancies: occupations by a power law (a few hundred cover most adverts, as in real data).
    const ins = db.$client.prepare(
      `INSERT INTO vacancies (source, source_ref, title, title_original, content_hash, first_seen, last_seen, created_at, updated_at,
         status, closed_at, sector, occupation_code, occupation_scheme, region, local_authority, lat, lon)
       VALUES ('bench', ?, 'Job', 'Job', 'h', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let t = performance.now();
    db.$client.transaction(() => {
      for (let i = 0; i < LIVE + CLOSED; i++) {
        const o = occs[Math.floor(Math.pow(rng(), 3) * occs.length)] as Occupation;
        const [town, region, lat, lon] = pickPlace(rng);
        const live = i < LIVE;
        const first = NOW - Math.floor(rng() * (live ? 60 : 270) * DAY_MS);
        const closed = live ? null : Math.min(NOW - DAY_MS, first + (14 + Math.floor(rng() * 50)) * DAY_MS);
        ins.run(`b${i}`, first, closed ?? NOW, first, closed ?? NOW, live ? 'live' : 'expired', closed, o.sector ?? pick(SECTIONS), o.code, o.scheme, region, town,
          lat + (rng() - 0.5) * 0.3, lon + (rng() - 0.5) * 0.45);
      }
    })();
    report('vacancies_insert', Math.round(performance.now() - t), 'ms');

    t = performance.now();
    let c0 = process.cpuUsage();
    // Where the time goes: computing (a read snapshot, no write lock) and the longest write transaction.
    let computedAt = 0;
    let lastMark = 0;
    let longestWrite = 0;
    const built = rebuildDemandHistory(db, {
      to: NOW,
      onProgress(stage) {
        const at = performance.now();
        if (stage === 'computed') computedAt = at;
        else longestWrite = Math.max(longestWrite, at - lastMark);
        lastMark = at;
      },
    });
    let used = process.cpuUsage(c0);
    report('demand_rebuild', Math.round(performance.now() - t), 'ms');
    report('demand_rebuild_compute', Math.round(computedAt - t), 'ms');
    report('demand_rebuild_longest_write', Math.round(longestWrite), 'ms');
    report('demand_rebuild_cpu', Math.round((used.user + used.system) / 1000), 'ms');
    report('demand_rows', built.rows, 'rows');
    t = performance.now();
    c0 = process.cpuUsage();
    updateDemandHistory(db, NOW + DAY_MS);
    used = process.cpuUsage(c0);
    report('demand_update_daily', Math.round(performance.now() - t), 'ms');
    report('demand_update_daily_cpu', Math.round((used.user + used.system) / 1000), 'ms');

}
