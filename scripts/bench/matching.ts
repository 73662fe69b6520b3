/**
 * Matching benchmarks (issue 4 targets):
 *   - transitions from one occupation across all ESCO occupations ≤ 20 ms
 *   - ranking 1,000 candidate vacancies for one participant, with explanations, ≤ 20 ms
 *     (printed three ways: ordered only; ordered with the first page explained,
 *     as the matches route does; ordered with all 1,000 explained)
 *
 *   npx tsx scripts/bench/matching.ts [--db PATH] [--runs N] [--route N]
 *
 * With --db, the taxonomy is the one imported there (for the target: ESCO
 * 1.1.1, `npm run cli -- import esco DIR --db PATH`). Without it, a synthetic
 * taxonomy of ESCO's size is generated (3,007 occupations, 13,896 skills,
 * ~124k relations, skewed skill popularity like ESCO's) and the output says so.
 * Vacancies are synthetic either way: 1,000 candidates, each with an
 * occupation of the taxonomy, 6–14 advert skills and 0–2 requirement flags.
 * With --route N, also the whole GET /v1/participants/:id/matches path
 * (candidate searches on the embedded engine, loading, scoring, paging) over
 * N generated demo vacancies enriched with the bundled taxonomy.
 * Prints `name: value unit` lines.
 */
import { closeDb, openDb } from '../../src/db.ts';
import { explainRanked, rankCandidates, type Candidate } from '../../src/matching/rank.ts';
import { transitionIndex, transitionsFromOccupation } from '../../src/matching/transitions.ts';
import { buildSkillProfile } from '../../src/participants/skill-profile.ts';
import type { Occupation, Taxonomy } from '../../src/taxonomy/model.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';
import type { Requirement, Vacancy, VacancySkill } from '../../src/vacancies/model.ts';
import { createRandom } from '../../src/random.ts';
import { numberArg, stringArg } from './lib/args.ts';
import { syntheticEscoTaxonomy } from './lib/synthetic-taxonomy.ts';

// npm run bench hands every benchmark the same arguments: each reads the ones it knows.
const values = { db: stringArg('db'), runs: numberArg('runs', 200), route: numberArg('route', 0) };
const runs = Math.max(10, Number(values.runs));

const rnd = createRandom(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** Wall time and this process's CPU time of one call (the machine is shared: CPU time is the steadier figure). */
function timed(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function quantiles(xs: number[]): { p50: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return { p50: q(0.5), p95: q(0.95) };
}

let taxonomy: Taxonomy;
if (values.db) {
  const db = openDb(values.db);
  const t0 = performance.now();
  taxonomy = loadTaxonomy(db);
  console.log(`taxonomy: ${values.db} (${taxonomy.occupations.size} occupations, ${taxonomy.skills.size} skills)`);
  console.log(`taxonomy_load: ${(performance.now() - t0).toFixed(0)} ms`);
  closeDb(db);
} else {
  const t0 = performance.now();
  // ~41 skills per occupation on average → ≈ 124k relations, as ESCO has.
  taxonomy = syntheticEscoTaxonomy(rnd, { occupation: (i) => ({ id: `syn:o${i}`, code: `${1000 + i}` }), skillsPerOccupation: { min: 25, spread: 33 } });
  let rels = 0;
  for (const id of taxonomy.occupations.keys()) rels += taxonomy.skillsOf(id).length;
  console.log(`taxonomy: SYNTHETIC, ESCO-sized (${taxonomy.occupations.size} occupations, ${taxonomy.skills.size} skills, ${rels} relations); pass --db PATH for a real import`);
  console.log(`taxonomy_generate: ${(performance.now() - t0).toFixed(0)} ms`);
}
const occIds = [...taxonomy.occupations.values()].filter((o) => taxonomy.skillsOf(o.id).length > 0).map((o) => o.id);

// 1. Transitions from one occupation across all occupations.
let t0 = performance.now();
transitionIndex(taxonomy);
console.log(`transitions_index_build: ${(performance.now() - t0).toFixed(0)} ms (once per taxonomy version)`);
const tt: number[] = [];
const tc: number[] = [];
for (let i = 0; i < runs; i++) {
  const from = pick(occIds);
  const m = timed(() => transitionsFromOccupation(taxonomy, from, { limit: 20 }));
  tt.push(m.wall);
  tc.push(m.cpu);
}
const tq = quantiles(tt);
const tqc = quantiles(tc);
console.log(`transitions_one_origin_all_occupations_p50: ${tq.p50.toFixed(2)} ms`);
console.log(`transitions_one_origin_all_occupations_p95: ${tq.p95.toFixed(2)} ms`);
console.log(`transitions_one_origin_all_occupations_cpu_p50: ${tqc.p50.toFixed(2)} ms`);
console.log(`transitions_one_origin_all_occupations_cpu_p95: ${tqc.p95.toFixed(2)} ms`);

// 2. Ranking 1,000 candidates for one participant, with explanations.
const skillIds = [...taxonomy.skills.keys()];
const now = Date.parse('2026-03-01T00:00:00Z');
const kinds: Requirement['kind'][] = ['driving_licence', 'dbs', 'cscs', 'sia', 'forklift', 'right_to_work'];
function syntheticVacancy(id: number): Vacancy {
  const occ = taxonomy.occupations.get(pick(occIds)) as Occupation;
  const own = taxonomy.skillsOf(occ.id);
  const n = 6 + Math.floor(rnd() * 9);
  const skills: VacancySkill[] = Array.from({ length: n }, () => {
    // Most advert skills are the occupation's own; some are anything.
    const sid = rnd() < 0.7 && own.length ? pick(own).skillId : pick(skillIds);
    return { id: sid, label: sid, evidence: `must have experience of ${sid}`, required: rnd() < 0.3, confidence: 0.6 + rnd() * 0.4 };
  });
  const requirements: Requirement[] = Array.from({ length: Math.floor(rnd() * 3) }, () => ({
    kind: pick(kinds),
    detail: rnd() < 0.5 ? 'C+E' : null,
    evidence: 'requirement text',
  }));
  return {
    id,
    skills,
    requirements,
    occupation: { code: occ.code, scheme: occ.scheme, confidence: 0.8, evidence: [] },
    remote: null,
    datePosted: now - Math.floor(rnd() * 30) * 86_400_000,
    firstSeen: now,
  } as unknown as Vacancy;
}
const candidates: Candidate[] = Array.from({ length: 1000 }, (_, i) => ({
  vacancy: syntheticVacancy(i + 1),
  relevanceRank: i,
  distanceKm: rnd() * 25,
}));
const history = [
  { occupationId: pick(occIds), years: 4, endedYearsAgo: 0 },
  { occupationId: pick(occIds), years: 2, endedYearsAgo: null },
];
const profileInput = { history, skillsAdd: skillIds.slice(0, 5), skillsRemove: [], licences: ['driving:B', 'forklift'] };
t0 = performance.now();
buildSkillProfile(taxonomy, profileInput);
console.log(`participant_profile_build_first: ${(performance.now() - t0).toFixed(2)} ms (builds per-taxonomy licence indexes once)`);
t0 = performance.now();
const profile = buildSkillProfile(taxonomy, profileInput);
console.log(`participant_profile_build: ${(performance.now() - t0).toFixed(2)} ms (${profile.skills.size} skills)`);
// Warm-up builds the per-occupation need cache, as a running server has.
rankCandidates(taxonomy, profile, candidates, { now, radiusKm: 25, textQuery: true });
const rankOpts = { now, radiusKm: 25, textQuery: true };
const PAGE = 20;
/** Three shapes of the same ranking: order only; order + the page's explanations (the matches route); order + every explanation. */
const shapes = {
  rank_1000_candidates: () => rankCandidates(taxonomy, profile, candidates, rankOpts).length,
  rank_1000_candidates_explain_page: () =>
    rankCandidates(taxonomy, profile, candidates, rankOpts).slice(0, PAGE).map((r) => explainRanked(taxonomy, profile, r)).length,
  rank_1000_candidates_with_explanations: () => rankCandidates(taxonomy, profile, candidates, rankOpts).map((r) => explainRanked(taxonomy, profile, r)).length,
};
const rankRuns = Math.max(20, Math.floor(runs / 4));
for (const [name, fn] of Object.entries(shapes)) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rankRuns; i++) {
    const m = timed(() => void fn());
    wall.push(m.wall);
    cpu.push(m.cpu);
  }
  const w = quantiles(wall);
  const c = quantiles(cpu);
  const what = name === 'rank_1000_candidates' ? 'ordered, none explained' : name.endsWith('page') ? `ordered, first ${PAGE} explained` : 'ordered, all explained';
  console.log(`${name}_p50: ${w.p50.toFixed(2)} ms (${what})`);
  console.log(`${name}_p95: ${w.p95.toFixed(2)} ms`);
  console.log(`${name}_cpu_p50: ${c.p50.toFixed(2)} ms`);
  console.log(`${name}_cpu_p95: ${c.p95.toFixed(2)} ms`);
}
const explained = rankCandidates(taxonomy, profile, candidates, rankOpts)
  .map((r) => explainRanked(taxonomy, profile, r))
  .filter((r) => r.match.matched.length + r.match.missing.length > 0).length;
console.log(`rank_candidates_explained: ${explained} of 1000`);
console.log(`load_average_1min: ${(await import('node:os')).loadavg()[0]?.toFixed(1)} (2 cores shared: figures are indicative)`);

// 3. The whole matches path, over generated demo vacancies (optional: it takes a while to build).
const routeCount = Number(values.route);
if (routeCount > 0) {
  const { openDb: open } = await import('../../src/db.ts');
  const { ensureBundledTaxonomy } = await import('../../src/taxonomy/bundled-import.ts');
  const bundled = await import('../../src/taxonomy/bundled/index.ts');
  const { createEnricher } = await import('../../src/taxonomy/enricher/index.ts');
  const { createGeocoder } = await import('../../src/geo/geocoder.ts');
  const { loadDemoVacancies } = await import('../../src/demo/load-demo.ts');
  const { SqliteEngine } = await import('../../src/search/sqlite-engine.ts');
  const { drainOutbox } = await import('../../src/search/outbox.ts');
  const { createCoach } = await import('../../src/auth/coaches.ts');
  const { createParticipantFromBody, profileOf, readParticipant } = await import('../../src/participants/service.ts');
  const { matchesFor } = await import('../../src/matching/participant-matches.ts');
  const { readMatchesQuery } = await import('../../src/routes/participants/queries.ts');
  const { valueOr422 } = await import('../../src/routes/checked.ts');
  const clockNow = Date.parse('2025-06-02T09:00:00Z');
  const db = open(':memory:');
  ensureBundledTaxonomy(db, clockNow, {
    groups: bundled.BUNDLED_SKILL_GROUPS, skills: bundled.BUNDLED_SKILLS, occupations: bundled.BUNDLED_OCCUPATIONS, sectors: bundled.BUNDLED_SECTORS,
  });
  const tax = loadTaxonomy(db);
  const enricher = createEnricher(tax, db);
  const geocoder = createGeocoder(db);
  t0 = performance.now();
  loadDemoVacancies({ db, now: () => clockNow, enricher, geocoder }, { count: routeCount });
  const engine = new SqliteEngine(db);
  for (let i = 0; i < 10_000; i++) if ((await drainOutbox(db, engine, { batchSize: 2000 })).rows === 0) break;
  console.log(`route_setup: ${((performance.now() - t0) / 1000).toFixed(1)} s for ${routeCount} demo vacancies (ingest + index)`);
  const place = db.$client.prepare('SELECT lat, lon FROM vacancies WHERE lat IS NOT NULL LIMIT 1').get() as { lat: number; lon: number };
  const { coach } = createCoach(db, { name: 'Bench', org: 'bench' }, clockNow);
  const deps = { db, search: engine, taxonomy: () => tax, enricher: () => enricher, geocoder, now: () => clockNow };
  const p = createParticipantFromBody(deps, coach, {
    location: `${place.lat},${place.lon}`,
    maxTravelKm: 30,
    history: [{ title: 'Warehouse operative', years: 3 }, { title: 'Sales assistant', years: 2 }],
    licences: ['B', 'forklift'],
  });
  for (const [name, query] of [['browse', {}], ['query', { q: 'warehouse' }]] as const) {
    const xs: number[] = [];
    let total = 0;
    for (let i = 0; i < 12; i++) {
      t0 = performance.now();
      // What GET /v1/participants/:id/matches does: read the query, read and audit the participant, build the profile, match.
      const opts = valueOr422(readMatchesQuery(deps, query));
      const read = readParticipant(deps, coach, p.id, 'participant.matches');
      total = (await matchesFor(deps, read, profileOf(deps, read), opts)).total;
      xs.push(performance.now() - t0);
    }
    const q = quantiles(xs.slice(2));
    console.log(`matches_route_${name}_p50: ${q.p50.toFixed(1)} ms (${total} candidates ranked, ${routeCount} vacancies)`);
    console.log(`matches_route_${name}_p95: ${q.p95.toFixed(1)} ms`);
  }
}
