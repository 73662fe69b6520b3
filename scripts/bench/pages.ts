/**
 * Coach pages at scale (issue 16): the server time of each coach page,
 * through the real app (`app.request`, the whole middleware stack: session,
 * CSRF, audit, rendering), on a file database holding `--scale` vacancies
 * and an organisation of `--participants` participants with shortlists.
 *
 *   npx tsx scripts/bench/pages.ts [--scale 50000] [--participants 500] [--runs 60] [--store PATH] [--pages a,b]
 *   flock /tmp/bench.lock npm run bench -- --only pages --scale 250000   # the target's size
 *
 * Target: every page ≤ 100 ms p95 at 250k vacancies and 500 participants.
 * Printed per page: `pages_<name>_p50` and `_p95` (ms, wall time from the
 * request to the last byte of the body), the store's build times, and
 * `pages_part_<use case>_*`: the use cases the pages call, timed alone, to
 * show where a slow page spends its time.
 *
 * The store: a pool of demo adverts (src/demo) normalised and enriched with
 * the bundled taxonomy, as `npm start` does, then copied up to `--scale`
 * (each copy its own source reference) through the store's upsert and the
 * outbox into the embedded FTS5 engine; first seen spread over nine months,
 * 15% since expired; the demand history rebuilt, so pivots have growth to
 * read. The engine runs as the server runs it: two search workers on their
 * own read-only connections. Participants live in the demo towns with one
 * to three past jobs from the demo roles, and 0–6 shortlisted vacancies at
 * mixed stages. Each timed request picks another participant, so no page
 * is timed only on one person's warm cache.
 *
 * --store PATH keeps the built store there (and reuses it when it already
 * holds the bench's organisation), so a 250k run builds it once; --pages
 * times only the pages whose names contain one of the given words.
 */
import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { createCoach, type Coach } from '../../src/auth/coaches.ts';
import { createSession } from '../../src/auth/sessions.ts';
import { DAY_MS, fixedClock } from '../../src/clock.ts';
import { DEMO_SECTORS, DEMO_TOWNS } from '../../src/demo/demo-data.ts';
import { generateDemoVacancies } from '../../src/demo/generate-vacancies.ts';
import { SESSION_COOKIE } from '../../src/http/page-session.ts';
import { silentLogger } from '../../src/logger.ts';
import { createParticipantFromBody, listCaseload, profileOf } from '../../src/participants/service.ts';
import { matchesFor } from '../../src/matching/participant-matches.ts';
import { transitionsFor } from '../../src/matching/participant-transitions.ts';
import { pivotsFor } from '../../src/pivots/pivots.ts';
import { PAGE_SHOWS } from '../../src/routes/participants/participant-view.ts';
import { findParticipant, type Participant } from '../../src/participants/store.ts';
import { rebuildDemandHistory } from '../../src/pivots/demand-history.ts';
import { createRandom } from '../../src/random.ts';
import { openRuntime } from '../../src/runtime.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { addToShortlist, changeShortlistEntry } from '../../src/shortlist/shortlist.ts';
import { STAGES } from '../../src/shortlist/stages.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { setVacanciesStatus, upsertVacancies, type UpsertInput } from '../../src/vacancies/store.ts';
import type { NormalisedVacancy } from '../../src/vacancies/model.ts';
import { numberArg, report, stringArg } from './lib/args.ts';

const scale = numberArg('scale', 50_000);
const participantCount = numberArg('participants', 500);
const runs = Math.max(10, numberArg('runs', 60));
const NOW = Date.parse('2026-03-01T09:00:00Z');
/** Distinct adverts normalised through the enricher; the rest of the store is copies of them. */
const POOL = Math.min(scale, 3000);
const label = scale % 1000 === 0 ? `${scale / 1000}k` : String(scale);
const storePath = stringArg('store');
const onlyPages = stringArg('pages')?.split(',').map((w) => w.trim()).filter(Boolean);
const path = storePath ?? join(tmpdir(), `flightpath-bench-pages-${process.pid}.db`);
const BENCH_ORG = 'Bench Works';
const rng = createRandom(16);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const clock = fixedClock(NOW);

function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const runtime = openRuntime(
  { DATABASE_PATH: path, searchEngine: 'sqlite', MEILI_HOST: undefined, MEILI_API_KEY: undefined, MEILI_SEARCH_KEY: undefined, MEILI_INDEX_PREFIX: 'flightpath_', SEARCH_WORKERS: 2, SEARCH_TIMEOUT_MS: 2000 },
  { now: clock },
);
const { db } = runtime;

const participantDeps = { db, taxonomy: runtime.taxonomy, enricher: runtime.enricher, geocoder: runtime.geocoder, now: clock };
const liveIds = () => db.$client.prepare("SELECT id FROM vacancies WHERE status = 'live'").pluck().all() as number[];

/** Steps 1 and 2: the vacancies, then one organisation with its participants and shortlists. */
async function buildStore(): Promise<{ coach: Coach; people: Participant[] }> {
  // 1. Vacancies: a pool of enriched demo adverts, copied up to the scale through the store and the outbox.
  let t = performance.now();
  const deps = { now: NOW, enricher: runtime.enricher(), geocoder: runtime.geocoder };
  const pool: NormalisedVacancy[] = [...generateDemoVacancies({ count: POOL, seed: 16, now: NOW })].map((raw) => normaliseVacancy(deps, raw));
  report('pages_setup_normalise_pool', Math.round(performance.now() - t), 'ms');
  t = performance.now();
  for (let start = 0; start < scale; start += 1000) {
    const inputs: UpsertInput[] = [];
    for (let i = start; i < Math.min(scale, start + 1000); i++) {
      const v = pool[i % POOL]!;
      inputs.push({ source: 'import:bench-pages', vacancy: { ...v, sourceRef: `${v.sourceRef}-${i}` } });
    }
    upsertVacancies(db, inputs, NOW);
    await drainOutbox(db, runtime.search, { now: clock, batchSize: 2000 });
  }
  // First seen over nine months (the demand history's growth reads it), then 15% expired since.
  db.$client.prepare('UPDATE vacancies SET first_seen = ? - ((id * 7919) % 270) * ?, created_at = ? - ((id * 7919) % 270) * ?').run(NOW, DAY_MS, NOW, DAY_MS);
  const ids = db.$client.prepare('SELECT id FROM vacancies').pluck().all() as number[];
  setVacanciesStatus(db, ids.filter((id) => (id * 2654435761) % 100 < 15), 'expired', NOW - 3 * DAY_MS);
  for (;;) if ((await drainOutbox(db, runtime.search, { now: clock, batchSize: 2000 })).rows === 0) break;
  report(`pages_setup_store_${label}`, Math.round(performance.now() - t), 'ms');
  t = performance.now();
  rebuildDemandHistory(db, { to: NOW });
  report(`pages_setup_demand_history_${label}`, Math.round(performance.now() - t), 'ms');

  // 2. One organisation: a coach, its participants, their shortlists.
  t = performance.now();
  const { coach } = createCoach(db, { name: 'Bench Coach', org: BENCH_ORG }, NOW);
  const roles = DEMO_SECTORS.flatMap((s) => s.roles.map((r) => r.title));
  const live = liveIds();
  const people: Participant[] = [];
  for (let i = 0; i < participantCount; i++) {
    const jobs = 1 + Math.floor(rng() * 3);
    const p = createParticipantFromBody(participantDeps, coach, {
      reference: `CASE-${String(i + 1).padStart(5, '0')}`,
      name: `Participant ${i + 1}`,
      location: pick(DEMO_TOWNS).name,
      maxTravelKm: 10 + Math.floor(rng() * 30),
      history: Array.from({ length: jobs }, () => ({ title: pick(roles), years: 1 + Math.floor(rng() * 6) })),
      licences: rng() < 0.4 ? ['B'] : [],
      salaryFloor: rng() < 0.5 ? 20000 + Math.floor(rng() * 8000) : null,
    });
    people.push(p);
    const shortlisted = Math.floor(rng() * 7);
    for (let k = 0; k < shortlisted; k++) {
      const { entry, created } = addToShortlist(participantDeps, coach, p, { vacancyId: pick(live) });
      const stage = pick(STAGES);
      if (created && stage !== 'suggested') {
        changeShortlistEntry(participantDeps, coach, p, entry.id, stage === 'declined' || stage === 'withdrawn' ? { stage, reason: 'travel' } : { stage });
      }
    }
  }
  report(`pages_setup_participants_${participantCount}`, Math.round(performance.now() - t), 'ms');
  return { coach, people };
}

/** The organisation a kept store (--store) already holds, or null when it must be built. */
function keptStore(): { coach: Coach; people: Participant[] } | null {
  const row = db.$client.prepare("SELECT id, name, org, role FROM coaches WHERE org = ? ORDER BY id LIMIT 1").get(BENCH_ORG) as Coach | undefined;
  if (!row) return null;
  const ids = db.$client.prepare('SELECT id FROM participants WHERE org = ? ORDER BY id').pluck().all(BENCH_ORG) as number[];
  return { coach: row, people: ids.map((id) => findParticipant(db, BENCH_ORG, id)!) };
}

try {
  const kept = storePath ? keptStore() : null;
  if (kept) console.log(`# reusing the store at ${path}`);
  const { coach, people } = kept ?? (await buildStore());
  const live = liveIds();

  // 3. The app as the server builds it, and a signed-in coach's page session.
  const app = createApp({
    db,
    search: runtime.search,
    taxonomy: runtime.taxonomy,
    enricher: runtime.enricher,
    geocoder: runtime.geocoder,
    now: clock,
    logger: silentLogger,
    config: { RATE_LIMIT_PER_MINUTE: 1_000_000, BODY_LIMIT_BYTES: 5_242_880 },
  });
  const session = createSession(db, coach.id, NOW);
  const headers = { Cookie: `${SESSION_COOKIE}=${session}`, Accept: 'text/html' };

  /**
   * Server time of one page: the request through the app to the last byte of
   * the body, as wall time and as this process's CPU time (all its threads,
   * the search workers included; steadier than wall time on a shared machine).
   */
  async function timeOnce(url: string): Promise<{ wall: number; cpu: number }> {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await app.request(url, { headers });
    const body = await res.text();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 300)}`);
    return { wall, cpu: (c.user + c.system) / 1000 };
  }

  const pages: { name: string; url: () => string }[] = [
    { name: 'caseload', url: () => '/participants' },
    { name: 'caseload_stage_sorted', url: () => `/participants?stage=${pick(['interview', 'applied', 'offer'])}&sort=name` },
    { name: 'caseload_page_5', url: () => '/participants?page=5' },
    { name: 'participant', url: () => `/participants/${pick(people).id}` },
    { name: 'shortlist', url: () => `/participants/${pick(people).id}/shortlist` },
    // Near their home within their travel limit, as the page starts; then the same words with Near cleared (everywhere).
    { name: 'search_for_participant', url: () => `/?participant=${pick(people).id}&q=${pick(['warehouse', 'care', 'driver', 'cleaner'])}` },
    { name: 'search_for_participant_everywhere', url: () => `/?participant=${pick(people).id}&near=&q=${pick(['warehouse', 'care', 'driver', 'cleaner'])}` },
    { name: 'vacancy_for_participant', url: () => `/vacancies/${pick(live)}?participant=${pick(people).id}` },
  ];
  console.log(`store: ${label} vacancies (${live.length} live), ${participantCount} participants; ${runs} requests a page; load average ${loadavg()[0]!.toFixed(1)}`);
  for (const page of pages) {
    if (onlyPages && !onlyPages.some((w) => page.name.includes(w))) continue;
    for (let i = 0; i < 5; i++) await timeOnce(page.url());
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const m = await timeOnce(page.url());
      wall.push(m.wall);
      cpu.push(m.cpu);
    }
    report(`pages_${page.name}_p50`, quantile(wall, 0.5), 'ms');
    report(`pages_${page.name}_p95`, quantile(wall, 0.95), 'ms');
    report(`pages_${page.name}_cpu_p50`, quantile(cpu, 0.5), 'ms');
    report(`pages_${page.name}_cpu_p95`, quantile(cpu, 0.95), 'ms');
  }

  // 4. Where a page's time goes: the use cases it calls, timed alone (the same calls, same options).
  const appDeps = { ...participantDeps, search: runtime.search };
  const parts: { name: string; run: () => unknown }[] = [
    { name: 'caseload_query', run: () => listCaseload(appDeps, coach, { sort: 'activity', stage: null, flag: null, q: null, page: 1, pageSize: 50 }) },
    { name: 'participant_profile', run: () => profileOf(appDeps, pick(people)) },
    { name: 'participant_matches', run: () => { const p = pick(people); return matchesFor(appDeps, p, profileOf(appDeps, p), { page: 1, pageSize: PAGE_SHOWS.matches }); } },
    { name: 'participant_transitions', run: () => { const p = pick(people); return transitionsFor(appDeps, p, profileOf(appDeps, p), { limit: PAGE_SHOWS.transitions, filter: 'viable' }); } },
    { name: 'participant_pivots', run: () => { const p = pick(people); return pivotsFor(appDeps, p, profileOf(appDeps, p), { limit: PAGE_SHOWS.pivots }); } },
  ];
  for (const part of parts) {
    if (onlyPages && !onlyPages.some((w) => part.name.includes(w))) continue;
    for (let i = 0; i < 3; i++) await part.run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await part.run();
      times.push(performance.now() - t0);
    }
    report(`pages_part_${part.name}_p50`, quantile(times, 0.5), 'ms');
    report(`pages_part_${part.name}_p95`, quantile(times, 0.95), 'ms');
  }
  console.log(`load_average_1min: ${loadavg()[0]!.toFixed(1)} (2 cores shared: figures are indicative)`);
} finally {
  await runtime.close();
  if (!storePath) for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
