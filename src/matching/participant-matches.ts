import type { Clock } from '../clock.ts';
import { DAY_MS } from '../clock.ts';
import type { Db } from '../db.ts';
import { nextTurn } from '../next-turn.ts';
import { DEFAULT_TRAVEL_KM } from '../geo/resolve-place.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import type { Participant } from '../participants/store.ts';
import { escapeHtml } from '../search/meilisearch/highlight.ts';
import { BULK_PAGE_SIZE, MAX_PAGE_SIZE, type SearchEngine, type SearchHit, type SearchQuery } from '../search/engine.ts';
import { toBoundedWordQuery } from '../search/fts-query.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { Contract, RankableVacancy, Remote, Vacancy } from '../vacancies/model.ts';
import { getRankableVacanciesByIds, getVacanciesByIds } from '../vacancies/queries.ts';
import { PREFERENCE_FACTORS } from './preferences.ts';
import { acceptsRemote, explainRanked, FIT_FLOOR, FIT_MARGIN, rankCandidates, tieBreakWeights, type Candidate, type RankedMatch } from './rank.ts';
import { crossSchemeOccupations } from './cross-scheme-pool.ts';
import { computeTransitions, profileSource, type TransitionSource } from './transitions.ts';
import { STEP_FACTORS, stepBasisOf } from './step-up.ts';
import { vacancyOccupationId } from './vacancy-needs.ts';

export interface MatchDeps {
  db: Db;
  search: SearchEngine;
  taxonomy: () => Taxonomy;
  now: Clock;
  /** The candidate pool's sizes; CANDIDATES unless an evaluation compares others (scripts/eval/match-pool.ts). */
  candidates?: CandidateShares;
}

/**
 * What to match on: /v1/search's filters, each defaulting to the
 * participant (an unset `near` is where they live, an unset `radiusKm`
 * their maximum travel, an unset `salaryMin` their salary floor).
 */
export interface MatchOptions {
  q?: string;
  /** A place already located (src/geo/resolve-place.ts). */
  near?: { lat: number; lon: number };
  radiusKm?: number;
  /** SIC 2007 section letters. */
  sector?: string[];
  contract?: Contract[];
  remote?: Remote[];
  /** Annual GBP. */
  salaryMin?: number;
  postedWithinDays?: number;
  /** Also show vacancies whose fit is below FIT_FLOOR (rank.ts). */
  wider?: boolean;
  page: number;
  pageSize: number;
}

/** The filters as applied, with where each default came from. */
export interface AppliedMatchFilters {
  q: string | null;
  near: { lat: number; lon: number; radiusKm: number; source: 'query' | 'participant' | null } | null;
  salaryMin: number | null;
  salaryMinSource: string | null;
  sector: string[] | null;
  contract: Contract[] | null;
  remote: Remote[] | null;
  postedWithinDays: number | null;
  candidatePool: string;
  /** How the list is ordered: fit first, then the tie-break (rank.ts), with its weights. */
  ranking: {
    order: string;
    fitMargin: number;
    /** Fits below it are hidden unless `wider`; null when the participant has no skills yet (fit cannot be judged). */
    fitFloor: number | null;
    wider: boolean;
    tieBreakWeights: { relevance: number; distance: number; recency: number };
    remoteCountsAsNear: boolean | null;
    /** The fit multiplier of each preference a vacancy does not meet (preferences.ts). */
    preferenceFactors: typeof PREFERENCE_FACTORS;
    /** The fit multiplier of each step up a vacancy asks of them (step-up.ts). */
    stepFactors: typeof STEP_FACTORS;
    /** Their preferences that are hard limits (vacancies breaking them are left out). */
    must: string[];
    /** How far the search reached: their travel limit × TRAVEL_STRETCH unless travel is a must or the radius was asked for. */
    searchedKm: number | null;
  };
}

/** The terms beside the skills, for the coach to weigh (not scored). */
export interface MatchConditions {
  salary: 'not stated' | 'no floor set' | 'meets floor' | 'below floor';
  hours: { offered: number | null; wanted: number | null };
  remote: { offered: Vacancy['remote']; wanted: Participant['remote'] };
}

export interface MatchItem {
  ranked: RankedMatch;
  /** The engine's hit (distance, highlights); absent for a vacancy only the remote pass brought in. */
  hit: SearchHit | undefined;
  conditions: MatchConditions;
  /** The target occupation (what they want to do) the vacancy is coded with, if any: shown whatever its fit. */
  target: { occupationId: string; title: string } | null;
}

export interface Matches {
  applied: AppliedMatchFilters;
  total: number;
  /** Vacancies left out for a fit below the floor (0 with `wider`). */
  belowFloor: number;
  /** Vacancies left out because they break a preference the participant calls a must. */
  leftOutByMust: number;
  page: number;
  pageSize: number;
  items: MatchItem[];
}

/**
 * How many candidates a text query may bring in, and the shares of the
 * no-query candidate pool. "Newest nearby" was 500: at 250k (demo store,
 * 120 participants, `npm run eval -- match-pool`) 250 gives the same first
 * ten matches for 119 of 120 and every one of their first fives, for a
 * sixth less time (p50 56 → 47 ms); fewer occupation candidates (150)
 * changed the first ten for one in twelve.
 */
export const CANDIDATES = Object.freeze({ query: 1000, browse: 250, occupations: 300, perTitle: 100, titles: 2, transitionDestinations: 15, remote: 200 });
export type CandidateShares = Readonly<Record<keyof typeof CANDIDATES, number>>;
/** How much further than their travel limit the search reaches when travel is not a must. */
export const TRAVEL_STRETCH = 1.5;

/**
 * Vacancies for a participant, ranked by fit (rank.ts), each with what
 * explains it. The search engine supplies a candidate set; this re-ranks it.
 *
 * With a text query: the engine's top CANDIDATES.query by relevance within
 * the filters. Without one, relevance means nothing, so the pool is the
 * union of (a) vacancies coded with an occupation the participant has done
 * or could move into (their history plus their best transition
 * destinations, and those occupations in the other schemes: crosswalked or
 * close by shared skills, cross-scheme-pool.ts), (b) vacancies matching their own job titles, and (c) the
 * newest vacancies in range: people's next job is often in a neighbouring
 * occupation, and (c) keeps anything else near and new in view.
 */
export async function matchesFor(deps: MatchDeps, p: Participant, profile: SkillProfile, query: MatchOptions): Promise<Matches> {
  const taxonomy = deps.taxonomy();
  const now = deps.now();
  const shares = deps.candidates ?? CANDIDATES;

  let near: { lat: number; lon: number; radiusKm: number } | undefined;
  let nearSource: 'query' | 'participant' | null = null;
  if (query.near) {
    near = { lat: query.near.lat, lon: query.near.lon, radiusKm: query.radiusKm ?? p.maxTravelKm ?? DEFAULT_TRAVEL_KM };
    nearSource = 'query';
  } else if (p.location?.resolved && p.location.lat != null && p.location.lon != null) {
    near = { lat: p.location.lat, lon: p.location.lon, radiusKm: query.radiusKm ?? p.maxTravelKm ?? DEFAULT_TRAVEL_KM };
    nearSource = 'participant';
  }
  const must = new Set(p.must);
  // Their travel limit is a preference unless they say "must": the search
  // reaches TRAVEL_STRETCH times further, and a vacancy past the limit is
  // ranked lower (preferences.ts) rather than hidden. A radius the coach
  // asks for is searched as asked.
  const stretch = query.radiusKm === undefined && p.maxTravelKm != null && !must.has('travel') ? TRAVEL_STRETCH : 1;
  const searchNear = near ? { ...near, radiusKm: near.radiusKm * stretch } : undefined;
  // The salary floor is the default minimum, checked here rather than in the
  // engine: an engine filter drops every advert that states no salary, and
  // many good ones ("competitive") do not. Pay below it ranks lower, and is
  // left out only when the floor is a must. An explicit salaryMin is passed
  // to the engine exactly as /v1/search does.
  const floor = query.salaryMin === undefined && must.has('salary') ? p.salaryFloor : null;
  const salaryMin = query.salaryMin ?? p.salaryFloor ?? undefined;
  const filters: NonNullable<SearchQuery['filters']> = {
    ...(query.sector?.length ? { sector: query.sector } : {}),
    ...(query.contract?.length ? { contract: query.contract } : {}),
    ...(query.remote?.length ? { remote: query.remote } : {}),
    ...(query.salaryMin ? { salaryMin: query.salaryMin } : {}),
    ...(query.postedWithinDays ? { postedAfter: now - query.postedWithinDays * DAY_MS } : {}),
  };

  const textQuery = !!query.q;
  // What the transitions read of them, built once: the browse pool's destinations and the step-up guard use it.
  const source = profileSource(taxonomy, profile, p);
  const queries: PoolQuery[] = textQuery
    ? [{ q: { q: query.q, near: searchNear, filters, sort: 'relevance' }, limit: shares.query, ranked: true, snippets: true }]
    : browseQueries(taxonomy, shares, p, profile, source, searchNear, filters);
  // Someone who wants or accepts remote work can take a remote job anywhere:
  // the travel radius does not apply to those (rank.ts counts them as near).
  if (acceptsRemote(p.remote) && near && !query.remote?.length) {
    const remoteQuery: SearchQuery = textQuery
      ? { q: query.q, filters: { ...filters, remote: ['remote'] }, sort: 'relevance' }
      : { filters: { ...filters, remote: ['remote'] }, sort: 'date' };
    queries.push({ q: remoteQuery, limit: shares.remote, ranked: textQuery, snippets: textQuery });
  }
  const pool = await gatherPool(deps.search, queries);

  // Ranked on what ranking reads (RankableVacancy); the page shown is read in full below.
  const vacancies = (await readRankable(deps.db, [...pool.keys()])).filter(
    (v) => v.status === 'live' && !(floor && belowFloor(v, floor)),
  );
  await nextTurn();
  const candidates: Candidate<RankableVacancy>[] = vacancies.map((v) => {
    const hit = pool.get(v.id);
    return { vacancy: v, relevanceRank: hit?.rank ?? null, distanceKm: hit?.hit.distanceKm ?? null };
  });
  // The salary floor is a preference only while it is the default minimum (an explicit salaryMin replaces it).
  const preferences = { ...p, salaryFloor: query.salaryMin === undefined ? p.salaryFloor : null };
  const scored = rankCandidates(taxonomy, profile, candidates, {
    now, radiusKm: near?.radiusKm ?? null, textQuery, remotePreference: p.remote, preferences, stepBasis: stepBasisOf(source, p, profile.targets),
  });
  // A vacancy that breaks a preference they call a must is left out.
  const all = scored.filter((r) => !r.preferences.excluded);
  // With no skills yet every fit is 0: there is nothing to hold a floor against.
  const fitFloor = profile.skills.size ? FIT_FLOOR : null;
  const wider = !!query.wider;
  // A vacancy in an occupation they are aiming for is shown however poor the fit today: its gaps are the plan.
  const targetOf = (v: RankableVacancy) => {
    const id = profile.targets.length ? vacancyOccupationId(taxonomy, v) : null;
    return id && profile.targets.includes(id) ? { occupationId: id, title: taxonomy.occupations.get(id)?.title ?? id } : null;
  };
  // The floor holds against the fit as far as it is in reach: a modest fit far above them shows only with the wider results.
  const ranked = wider || fitFloor == null ? all : all.filter((r) => r.components.match * r.components.reach >= fitFloor || targetOf(r.vacancy));
  const start = (query.page - 1) * query.pageSize;
  const shown = ranked.slice(start, start + query.pageSize);
  const full = new Map(getVacanciesByIds(deps.db, shown.map((r) => r.vacancy.id)).map((v) => [v.id, v]));
  return {
    applied: {
      q: query.q ?? null,
      near: near ? { ...near, source: nearSource } : null,
      salaryMin: salaryMin ?? null,
      salaryMinSource:
        query.salaryMin !== undefined
          ? 'query'
          : p.salaryFloor == null
            ? null
            : floor
              ? 'salary floor, a must (adverts without a salary kept)'
              : 'salary floor, a preference (pay below it ranks lower)',
      sector: query.sector ?? null,
      contract: query.contract ?? null,
      remote: query.remote ?? null,
      postedWithinDays: query.postedWithinDays ?? null,
      candidatePool: textQuery ? 'text query' : 'occupations, own job titles and newest nearby',
      ranking: {
        order: `fit first: order = fit × conditions × reach + ${FIT_MARGIN} × tie-break (${textQuery ? 'search words, ' : ''}distance, recency)`,
        preferenceFactors: PREFERENCE_FACTORS,
        stepFactors: STEP_FACTORS,
        must: [...must],
        searchedKm: searchNear?.radiusKm ?? null,
        fitMargin: FIT_MARGIN,
        fitFloor,
        wider,
        tieBreakWeights: tieBreakWeights(textQuery),
        remoteCountsAsNear: acceptsRemote(p.remote),
      },
    },
    total: ranked.length,
    belowFloor: all.length - ranked.length,
    leftOutByMust: scored.length - all.length,
    page: query.page,
    pageSize: query.pageSize,
    // A vacancy erased between the two reads is left out of the page.
    items: shown.flatMap((candidate) => {
      const vacancy = full.get(candidate.vacancy.id);
      if (!vacancy) return [];
      const r = { ...candidate, vacancy };
      return [{
        ranked: explainRanked(taxonomy, profile, r), hit: withSnippet(pool.get(vacancy.id)?.hit, vacancy), conditions: describeConditions(vacancy, p), target: targetOf(vacancy),
      }];
    }),
  };
}

/**
 * Candidates read per slice. Reading and ranking are CPU work on the main
 * thread; between slices (and before ranking) the event loop takes its
 * turn, so a /healthz probe or a cheap page waits for one slice, not for a
 * whole participant's ~1,000 candidates (issue 11).
 */
// 125 rather than 250: /healthz p99 53 → 44 ms in the 250k search soak at the same throughput (one run each).
const READ_SLICE = 125;

async function readRankable(db: Db, ids: readonly number[]): Promise<RankableVacancy[]> {
  const out: RankableVacancy[] = [];
  for (let i = 0; i < ids.length; i += READ_SLICE) {
    if (i > 0) await nextTurn();
    out.push(...getRankableVacanciesByIds(db, ids.slice(i, i + READ_SLICE)));
  }
  return out;
}

/** Words of the advert's opening shown when the engine gave no snippet (the engines' snippet length). */
const SNIPPET_WORDS = 32;

/**
 * The hit with a description snippet: the engine's, or, for a candidate the
 * pool gathered without snippets, the advert's opening words (escaped, as
 * engine snippets are).
 */
function withSnippet(hit: SearchHit | undefined, v: Vacancy): SearchHit | undefined {
  if (!hit || hit.highlights.description || !v.descriptionText) return hit;
  const words = v.descriptionText.split(/\s+/).filter(Boolean);
  const opening = words.slice(0, SNIPPET_WORDS).join(' ') + (words.length > SNIPPET_WORDS ? '…' : '');
  return { ...hit, highlights: { ...hit.highlights, description: escapeHtml(opening) } };
}

/** The most the advert says it pays, annualised, is below the floor (unknown pay is not below). */
function belowFloor(v: RankableVacancy, floor: number): boolean {
  const reach = v.salary.annualMax ?? v.salary.annualMin;
  return reach != null && reach < floor;
}

interface PoolEntry {
  hit: SearchHit;
  /** Relevance position for text queries; null for browsing. */
  rank: number | null;
}

/** One query of the candidate pool: up to `limit` hits, kept with their relevance position when `ranked`. */
interface PoolQuery {
  q: SearchQuery;
  limit: number;
  ranked: boolean;
  /** The first MAX_PAGE_SIZE hits carry highlights, for the cards a text query puts first. */
  snippets?: boolean;
}

/**
 * Runs the pool's queries side by side (the engine serves them on its own
 * workers or server) and merges their hits in the order the queries are
 * listed, so the pool is the same as if they had run one after another: a
 * vacancy keeps the entry of the first query that found it.
 */
async function gatherPool(engine: SearchEngine, queries: readonly PoolQuery[]): Promise<Map<number, PoolEntry>> {
  const results = await Promise.all(queries.map((pq) => hitsOf(engine, pq)));
  const pool = new Map<number, PoolEntry>();
  for (const [k, hits] of results.entries()) {
    const ranked = queries[k]!.ranked;
    for (const [i, hit] of hits.entries()) if (!pool.has(hit.id)) pool.set(hit.id, { hit, rank: ranked ? i : null });
  }
  return pool;
}

/**
 * Up to `limit` hits of one query. Candidates need no snippets, so they come
 * in one page without them (BULK_PAGE_SIZE: an engine re-runs the whole
 * query for every page, so ten pages of 100 cost ten queries). With
 * `snippets`, the first page of MAX_PAGE_SIZE also carries highlights.
 */
async function hitsOf(engine: SearchEngine, { q, limit, snippets }: PoolQuery): Promise<SearchHit[]> {
  if (!snippets) return (await engine.search({ ...q, page: 1, pageSize: Math.min(BULK_PAGE_SIZE, limit), highlight: false, exactTotal: false })).hits;
  const first = engine.search({ ...q, page: 1, pageSize: Math.min(MAX_PAGE_SIZE, limit) });
  if (limit <= MAX_PAGE_SIZE) return (await first).hits;
  // Side by side (the engine's workers or server take both at once): one after
  // the other, a common word's match was computed twice in a row.
  const [firstPage, bulk] = await Promise.all([first, engine.search({ ...q, page: 1, pageSize: Math.min(BULK_PAGE_SIZE, limit), highlight: false })]);
  if (firstPage.hits.length >= firstPage.total) return firstPage.hits;
  // The bulk page repeats the first page's hits; those keep their snippets.
  const seen = new Set(firstPage.hits.map((h) => h.id));
  return [...firstPage.hits, ...bulk.hits.filter((h) => !seen.has(h.id))];
}

/** The no-query pool's queries, in order of precedence (see matchesFor). */
function browseQueries(
  taxonomy: Taxonomy,
  shares: CandidateShares,
  p: Participant,
  profile: SkillProfile,
  source: TransitionSource,
  near: SearchQuery['near'],
  filters: NonNullable<SearchQuery['filters']>,
): PoolQuery[] {
  const queries: PoolQuery[] = [];
  const codes = new Set<string>();
  for (const id of [...profile.occupations.map((h) => h.occupationId), ...profile.targets]) {
    const o = taxonomy.occupations.get(id);
    if (o) codes.add(o.code);
  }
  if (profile.skills.size) {
    const dest = computeTransitions(taxonomy, source, {
      limit: shares.transitionDestinations,
      maxGaps: 0,
    });
    for (const t of dest) codes.add(t.occupation.code);
  }
  // Vacancies coded in another scheme: through the crosswalk, else by shared skills (cross-scheme-pool.ts).
  for (const id of crossSchemeOccupations(taxonomy, profile, p)) {
    const o = taxonomy.occupations.get(id);
    if (o) codes.add(o.code);
  }
  if (codes.size) {
    queries.push({ q: { near, filters: { ...filters, occupationCode: [...codes] }, sort: 'date' }, limit: shares.occupations, ranked: false });
  }
  const titles = [...new Set(p.history.map((h) => h.title).filter((t): t is string => !!t))].slice(0, shares.titles);
  for (const title of titles) {
    const q = toBoundedWordQuery(title);
    if (q) queries.push({ q: { q, near, filters, sort: 'relevance' }, limit: shares.perTitle, ranked: false });
  }
  queries.push({ q: { near, filters, sort: 'date' }, limit: shares.browse, ranked: false });
  return queries;
}

/**
 * The terms beside the skills, for the coach to weigh (not scored: a
 * participant may take fewer hours or a hybrid role; the coach decides).
 */
export function describeConditions(v: Vacancy, p: Participant): MatchConditions {
  const reach = v.salary.annualMax ?? v.salary.annualMin;
  return {
    salary:
      reach == null ? 'not stated' : p.salaryFloor == null ? 'no floor set' : reach >= p.salaryFloor ? 'meets floor' : 'below floor',
    hours: { offered: v.hoursPerWeek, wanted: p.hoursPerWeek },
    remote: { offered: v.remote, wanted: p.remote },
  };
}
