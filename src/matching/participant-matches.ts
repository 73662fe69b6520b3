import type { Clock } from '../clock.ts';
import { DAY_MS } from '../clock.ts';
import type { Db } from '../db.ts';
import { DEFAULT_TRAVEL_KM } from '../geo/resolve-place.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import type { Participant } from '../participants/store.ts';
import { escapeHtml } from '../search/meilisearch/highlight.ts';
import { BULK_PAGE_SIZE, MAX_PAGE_SIZE, type SearchEngine, type SearchHit, type SearchQuery } from '../search/engine.ts';
import { toBoundedWordQuery } from '../search/fts-query.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { Contract, Remote, Vacancy } from '../vacancies/model.ts';
import { getVacanciesByIds } from '../vacancies/queries.ts';
import { PREFERENCE_FACTORS } from './preferences.ts';
import { acceptsRemote, explainRanked, FIT_FLOOR, FIT_MARGIN, rankCandidates, tieBreakWeights, type Candidate, type RankedMatch } from './rank.ts';
import { crossSchemeOccupations } from './cross-scheme-pool.ts';
import { computeTransitions, profileSource } from './transitions.ts';
import { vacancyOccupationId } from './vacancy-needs.ts';

export interface MatchDeps {
  db: Db;
  search: SearchEngine;
  taxonomy: () => Taxonomy;
  now: Clock;
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

/** How many candidates a text query may bring in, and the shares of the no-query candidate pool. */
export const CANDIDATES = { query: 1000, browse: 500, occupations: 300, perTitle: 100, titles: 2, transitionDestinations: 15, remote: 200 } as const;
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
  const pool = textQuery
    ? await collect(deps.search, { q: query.q, near: searchNear, filters, sort: 'relevance' }, CANDIDATES.query, true, new Map(), true)
    : await browsePool(deps.search, taxonomy, p, profile, searchNear, filters);
  // Someone who wants or accepts remote work can take a remote job anywhere:
  // the travel radius does not apply to those (rank.ts counts them as near).
  if (acceptsRemote(p.remote) && near && !query.remote?.length) {
    const remoteQuery: SearchQuery = textQuery
      ? { q: query.q, filters: { ...filters, remote: ['remote'] }, sort: 'relevance' }
      : { filters: { ...filters, remote: ['remote'] }, sort: 'date' };
    await collect(deps.search, remoteQuery, CANDIDATES.remote, textQuery, pool, textQuery);
  }

  const vacancies = getVacanciesByIds(deps.db, [...pool.keys()]).filter(
    (v) => v.status === 'live' && !(floor && belowFloor(v, floor)),
  );
  const candidates: Candidate[] = vacancies.map((v) => {
    const hit = pool.get(v.id);
    return { vacancy: v, relevanceRank: hit?.rank ?? null, distanceKm: hit?.hit.distanceKm ?? null };
  });
  // The salary floor is a preference only while it is the default minimum (an explicit salaryMin replaces it).
  const preferences = { ...p, salaryFloor: query.salaryMin === undefined ? p.salaryFloor : null };
  const scored = rankCandidates(taxonomy, profile, candidates, { now, radiusKm: near?.radiusKm ?? null, textQuery, remotePreference: p.remote, preferences });
  // A vacancy that breaks a preference they call a must is left out.
  const all = scored.filter((r) => !r.preferences.excluded);
  // With no skills yet every fit is 0: there is nothing to hold a floor against.
  const fitFloor = profile.skills.size ? FIT_FLOOR : null;
  const wider = !!query.wider;
  // A vacancy in an occupation they are aiming for is shown however poor the fit today: its gaps are the plan.
  const targetOf = (v: Vacancy) => {
    const id = profile.targets.length ? vacancyOccupationId(taxonomy, v) : null;
    return id && profile.targets.includes(id) ? { occupationId: id, title: taxonomy.occupations.get(id)?.title ?? id } : null;
  };
  const ranked = wider || fitFloor == null ? all : all.filter((r) => r.components.match >= fitFloor || targetOf(r.vacancy));
  const start = (query.page - 1) * query.pageSize;
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
        order: `fit first: order = fit × conditions + ${FIT_MARGIN} × tie-break (${textQuery ? 'search words, ' : ''}distance, recency)`,
        preferenceFactors: PREFERENCE_FACTORS,
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
    items: ranked.slice(start, start + query.pageSize).map((r) => ({
      ranked: explainRanked(taxonomy, profile, r), hit: withSnippet(pool.get(r.vacancy.id)?.hit, r.vacancy), conditions: describeConditions(r.vacancy, p), target: targetOf(r.vacancy),
    })),
  };
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
function belowFloor(v: Vacancy, floor: number): boolean {
  const reach = v.salary.annualMax ?? v.salary.annualMin;
  return reach != null && reach < floor;
}

interface PoolEntry {
  hit: SearchHit;
  /** Relevance position for text queries; null for browsing. */
  rank: number | null;
}

/**
 * Up to `limit` hits of one query. Candidates need no snippets, so they come
 * in one page without them (BULK_PAGE_SIZE: an engine re-runs the whole
 * query for every page, so ten pages of 100 cost ten queries). With
 * `snippets`, the first page of MAX_PAGE_SIZE also carries highlights, for
 * the cards a text query puts first.
 */
async function collect(
  engine: SearchEngine,
  q: SearchQuery,
  limit: number,
  ranked: boolean,
  into: Map<number, PoolEntry> = new Map(),
  snippets = false,
): Promise<Map<number, PoolEntry>> {
  const add = (hits: readonly SearchHit[]) => {
    for (const [i, hit] of hits.entries()) if (!into.has(hit.id)) into.set(hit.id, { hit, rank: ranked ? i : null });
  };
  if (snippets) {
    const first = await engine.search({ ...q, page: 1, pageSize: Math.min(MAX_PAGE_SIZE, limit) });
    add(first.hits);
    if (first.hits.length >= first.total || limit <= MAX_PAGE_SIZE) return into;
  }
  const bulk = await engine.search({ ...q, page: 1, pageSize: Math.min(BULK_PAGE_SIZE, limit), highlight: false });
  add(bulk.hits);
  return into;
}

async function browsePool(
  engine: SearchEngine,
  taxonomy: Taxonomy,
  p: Participant,
  profile: SkillProfile,
  near: SearchQuery['near'],
  filters: NonNullable<SearchQuery['filters']>,
): Promise<Map<number, PoolEntry>> {
  const pool = new Map<number, PoolEntry>();
  const codes = new Set<string>();
  for (const id of [...profile.occupations.map((h) => h.occupationId), ...profile.targets]) {
    const o = taxonomy.occupations.get(id);
    if (o) codes.add(o.code);
  }
  if (profile.skills.size) {
    const dest = computeTransitions(taxonomy, profileSource(taxonomy, profile, p), {
      limit: CANDIDATES.transitionDestinations,
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
    await collect(engine, { near, filters: { ...filters, occupationCode: [...codes] }, sort: 'date' }, CANDIDATES.occupations, false, pool);
  }
  const titles = [...new Set(p.history.map((h) => h.title).filter((t): t is string => !!t))].slice(0, CANDIDATES.titles);
  for (const title of titles) {
    const q = toBoundedWordQuery(title);
    if (q) await collect(engine, { q, near, filters, sort: 'relevance' }, CANDIDATES.perTitle, false, pool);
  }
  await collect(engine, { near, filters, sort: 'date' }, CANDIDATES.browse, false, pool);
  return pool;
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
