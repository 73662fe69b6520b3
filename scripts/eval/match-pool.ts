/**
 * Candidate pool sizes (issue 16: the participant page's time is mostly its
 * candidates): a participant's first matches with the pool as it is
 * (CANDIDATES) against the same with other sizes, on a store you give.
 *
 *   npm run eval -- match-pool DB [--org NAME] [--participants 120] [--try browse=500,occupations=150;browse=125]
 *
 * For each participant of the organisation (the first N by id; the pages
 * benchmark's store has 500 in "Bench Works") it ranks the matches the way
 * the participant page does (its default query, first 10), once per pool.
 * Each `--try` pool (';'-separated, each a comma list of CANDIDATES keys
 * changed) prints how often its first ten are exactly the current ones,
 * the share of the current first five it keeps, and both pools' time per
 * participant (warm: the current pool runs first). It only reads.
 */
import { parseArgs } from 'node:util';
import { fixedClock } from '../../src/clock.ts';
import { CANDIDATES, matchesFor, type CandidateShares } from '../../src/matching/participant-matches.ts';
import { profileOf } from '../../src/participants/service.ts';
import { findParticipant } from '../../src/participants/store.ts';
import { readMatchesQuery } from '../../src/routes/participants/queries.ts';
import { openRuntime } from '../../src/runtime.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    org: { type: 'string', default: 'Bench Works' },
    participants: { type: 'string', default: '120' },
    try: { type: 'string', default: 'browse=500;occupations=150' },
  },
});
const dbPath = positionals[0];
if (!dbPath) throw new Error('usage: npm run eval -- match-pool DB [--org NAME] [--participants N] [--try browse=500;occupations=150]');

function poolOf(spec: string): CandidateShares {
  const pool: Record<string, number> = { ...CANDIDATES };
  for (const part of spec.split(',').map((x) => x.trim()).filter(Boolean)) {
    const [key, value] = part.split('=');
    if (!key || !(key in CANDIDATES) || !Number.isInteger(Number(value)) || Number(value) < 0) {
      throw new Error(`--try: "${part}" is not key=count with a key of ${Object.keys(CANDIDATES).join(', ')}`);
    }
    pool[key] = Number(value);
  }
  return pool as CandidateShares;
}
const trials = values.try.split(';').map((spec) => ({ spec: spec.trim(), pool: poolOf(spec) }));

// Ranked as of the store's last update (its newest last_seen), so a store built on a fixed clock reads as it did then.
const clock = fixedClock(Date.now());
const runtime = openRuntime(
  { DATABASE_PATH: dbPath, searchEngine: 'sqlite', MEILI_HOST: undefined, MEILI_API_KEY: undefined, MEILI_SEARCH_KEY: undefined, MEILI_INDEX_PREFIX: 'flightpath_', SEARCH_WORKERS: 2, SEARCH_TIMEOUT_MS: 10_000 },
  { now: clock },
);
clock.set((runtime.db.$client.prepare('SELECT max(last_seen) FROM vacancies').pluck().get() as number | null) ?? Date.now());
const deps = { db: runtime.db, search: runtime.search, taxonomy: runtime.taxonomy, enricher: runtime.enricher, geocoder: runtime.geocoder, now: clock };
const ids = runtime.db.$client
  .prepare('SELECT id FROM participants WHERE org = ? ORDER BY id LIMIT ?')
  .pluck()
  .all(values.org, Number(values.participants)) as number[];
if (!ids.length) throw new Error(`no participants in organisation "${values.org}" in ${dbPath}`);
const read = readMatchesQuery(deps, {});
if (!read.ok) throw new Error('the default matches query did not read');
const query = read.value;

async function firstTen(id: number, pool: CandidateShares): Promise<{ ids: number[]; ms: number }> {
  const p = findParticipant(runtime.db, values.org, id)!;
  const profile = profileOf(deps, p);
  const t = performance.now();
  const m = await matchesFor({ ...deps, candidates: pool }, p, profile, { ...query, pageSize: 10 });
  return { ids: m.items.map((i) => i.ranked.vacancy.id), ms: performance.now() - t };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const current: { ids: number[]; ms: number }[] = [];
for (const id of ids) current.push(await firstTen(id, CANDIDATES));
console.log(`# ${ids.length} participants of "${values.org}"; current pool ${JSON.stringify(CANDIDATES)}`);
console.log(`match_pool_current_p50: ${quantile(current.map((c) => c.ms), 0.5).toFixed(1)} ms`);
console.log(`match_pool_current_p95: ${quantile(current.map((c) => c.ms), 0.95).toFixed(1)} ms`);
for (const { spec, pool } of trials) {
  const name = spec.replace(/[^a-z0-9]+/gi, '_');
  let identical = 0;
  let kept = 0;
  let five = 0;
  const ms: number[] = [];
  for (const [k, id] of ids.entries()) {
    const got = await firstTen(id, pool);
    ms.push(got.ms);
    const was = current[k]!.ids;
    if (got.ids.length === was.length && got.ids.every((v, i) => v === was[i])) identical++;
    const top = new Set(got.ids.slice(0, 5));
    kept += was.slice(0, 5).filter((v) => top.has(v)).length;
    five += Math.min(5, was.length);
  }
  console.log(`match_pool_${name}_identical_top10: ${(identical / ids.length).toFixed(3)} share`);
  console.log(`match_pool_${name}_top5_kept: ${five ? (kept / five).toFixed(3) : 'n/a'} share`);
  console.log(`match_pool_${name}_p50: ${quantile(ms, 0.5).toFixed(1)} ms`);
  console.log(`match_pool_${name}_p95: ${quantile(ms, 0.95).toFixed(1)} ms`);
}
await runtime.close();
