import { z } from 'zod';
import type { Coach } from '../auth/coaches.ts';
import { DAY_MS } from '../clock.ts';
import { validationFailed } from '../errors.ts';
import { parseOr422 } from '../http/validation.ts';
import type { Participant } from '../participants/store.ts';
import { profileOf, readParticipant, type ParticipantDeps } from '../participants/service.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import { resolveLocation } from '../participants/validation.ts';
import type { SearchEngine, SearchHit, SearchQuery } from '../search/engine.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { CONTRACTS, REMOTE, type Vacancy } from '../vacancies/model.ts';
import { getVacanciesByIds } from '../vacancies/queries.ts';
import { DEFAULT_RADIUS_KM, rankCandidates, type Candidate, type RankedMatch } from './rank.ts';
import { computeTransitions, profileSource } from './transitions.ts';

export interface MatchDeps extends ParticipantDeps {
  search: SearchEngine;
}

const list = <T extends string>(values: readonly T[]) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values as [T, ...T[]])));

/** The query of GET /v1/participants/:id/matches: /v1/search's filters, with the participant's defaults. */
export const MatchesQuerySchema = z.strictObject({
  q: z.string().trim().max(500).optional(),
  /** "lat,lon", a place name or a postcode; default the participant's location. */
  near: z.string().trim().min(1).max(200).optional(),
  /** Default the participant's maximum travel distance. */
  radiusKm: z.coerce.number().positive().max(1000).optional(),
  sector: z
    .string()
    .max(100)
    .transform((s) => s.split(',').map((v) => v.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-U]$/, 'a SIC 2007 section letter A–U')))
    .optional(),
  contract: list(CONTRACTS).optional(),
  remote: list(REMOTE).optional(),
  /** Annual GBP; default the participant's salary floor. */
  salaryMin: z.coerce.number().nonnegative().max(1_000_000).optional(),
  postedWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type MatchesQuery = z.infer<typeof MatchesQuerySchema>;

/** How many candidates a text query may bring in, and the shares of the no-query candidate pool. */
export const CANDIDATES = { query: 1000, browse: 500, occupations: 300, perTitle: 100, titles: 2, transitionDestinations: 15, remote: 200 } as const;
const ENGINE_PAGE = 100;

/**
 * Vacancies for a participant, ranked by fit (rank.ts), each with its
 * explanation. The search engine supplies a candidate set; this re-ranks it.
 *
 * With a text query: the engine's top CANDIDATES.query by relevance within
 * the filters. Without one, relevance means nothing, so the pool is the
 * union of (a) vacancies coded with an occupation the participant has done
 * or could move into (their history plus their best transition
 * destinations), (b) vacancies matching their own job titles, and (c) the
 * newest vacancies in range: people's next job is often in a neighbouring
 * occupation, and (c) keeps anything else near and new in view.
 */
export async function participantMatches(deps: MatchDeps, coach: Coach, id: number, rawQuery: unknown) {
  // Query first: a rejected request reads nothing, so it writes no audit row.
  const query = parseOr422(MatchesQuerySchema, rawQuery);
  const p = readParticipant(deps, coach, id, 'participant.matches');
  const taxonomy = deps.taxonomy();
  const now = deps.now();

  let near: { lat: number; lon: number; radiusKm: number } | undefined;
  let nearSource: 'query' | 'participant' | null = null;
  if (query.near) {
    const loc = resolveLocation(deps.geocoder, query.near);
    if (!loc.resolved || loc.lat == null || loc.lon == null) {
      throw validationFailed([{ path: 'near', message: 'not a place, postcode or "lat,lon" we can locate' }]);
    }
    near = { lat: loc.lat, lon: loc.lon, radiusKm: query.radiusKm ?? p.maxTravelKm ?? DEFAULT_RADIUS_KM };
    nearSource = 'query';
  } else if (p.location?.resolved && p.location.lat != null && p.location.lon != null) {
    near = { lat: p.location.lat, lon: p.location.lon, radiusKm: query.radiusKm ?? p.maxTravelKm ?? DEFAULT_RADIUS_KM };
    nearSource = 'participant';
  }
  // The salary floor is the default minimum, applied here rather than in the
  // engine: an engine filter drops every advert that states no salary, and
  // many good ones ("competitive") do not. An explicit salaryMin is passed
  // to the engine exactly as /v1/search does.
  const floor = query.salaryMin === undefined ? p.salaryFloor : null;
  const salaryMin = query.salaryMin ?? p.salaryFloor ?? undefined;
  const filters: NonNullable<SearchQuery['filters']> = {
    ...(query.sector?.length ? { sector: query.sector } : {}),
    ...(query.contract?.length ? { contract: query.contract } : {}),
    ...(query.remote?.length ? { remote: query.remote } : {}),
    ...(query.salaryMin ? { salaryMin: query.salaryMin } : {}),
    ...(query.postedWithinDays ? { postedAfter: now - query.postedWithinDays * DAY_MS } : {}),
  };

  const profile = profileOf(deps, p);
  const textQuery = !!query.q;
  const pool = textQuery
    ? await collect(deps.search, { q: query.q, near, filters, sort: 'relevance' }, CANDIDATES.query, true)
    : await browsePool(deps.search, taxonomy, p, profile, near, filters);
  // Someone who wants remote work can take a remote job anywhere: the travel
  // radius does not apply to those.
  if (p.remote === 'remote' && near && !query.remote?.length) {
    const remoteQuery: SearchQuery = textQuery
      ? { q: query.q, filters: { ...filters, remote: ['remote'] }, sort: 'relevance' }
      : { filters: { ...filters, remote: ['remote'] }, sort: 'date' };
    await collect(deps.search, remoteQuery, CANDIDATES.remote, textQuery, pool);
  }

  const vacancies = getVacanciesByIds(deps.db, [...pool.keys()]).filter(
    (v) => v.status === 'live' && !(floor && belowFloor(v, floor)),
  );
  const candidates: Candidate[] = vacancies.map((v) => {
    const hit = pool.get(v.id);
    return { vacancy: v, relevanceRank: hit?.rank ?? null, distanceKm: hit?.hit.distanceKm ?? null };
  });
  const ranked = rankCandidates(taxonomy, profile, candidates, { now, radiusKm: near?.radiusKm ?? null, textQuery });
  const start = (query.page - 1) * query.pageSize;
  return {
    participant: { id: p.id },
    applied: {
      q: query.q ?? null,
      near: near ? { ...near, source: nearSource } : null,
      salaryMin: salaryMin ?? null,
      salaryMinSource: query.salaryMin !== undefined ? 'query' : floor ? 'salary floor (adverts without a salary kept)' : null,
      sector: query.sector ?? null,
      contract: query.contract ?? null,
      remote: query.remote ?? null,
      postedWithinDays: query.postedWithinDays ?? null,
      candidatePool: textQuery ? 'text query' : 'occupations, own job titles and newest nearby',
    },
    total: ranked.length,
    page: query.page,
    pageSize: query.pageSize,
    items: ranked.slice(start, start + query.pageSize).map((r) => toMatchJson(r, pool.get(r.vacancy.id)?.hit, p)),
  };
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

/** Up to `limit` hits of one query, page by page (engines cap the page size). */
async function collect(
  engine: SearchEngine,
  q: SearchQuery,
  limit: number,
  ranked: boolean,
  into: Map<number, PoolEntry> = new Map(),
): Promise<Map<number, PoolEntry>> {
  let got = 0;
  for (let page = 1; got < limit; page++) {
    const res = await engine.search({ ...q, page, pageSize: Math.min(ENGINE_PAGE, limit - got) });
    for (const [i, hit] of res.hits.entries()) {
      if (!into.has(hit.id)) into.set(hit.id, { hit, rank: ranked ? got + i : null });
    }
    got += res.hits.length;
    if (res.hits.length === 0 || got >= res.total) break;
  }
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
  for (const h of profile.occupations) {
    const o = taxonomy.occupations.get(h.occupationId);
    if (o) codes.add(o.code);
  }
  if (profile.skills.size) {
    const dest = computeTransitions(taxonomy, profileSource(taxonomy, profile, p.salaryFloor), {
      limit: CANDIDATES.transitionDestinations,
      maxGaps: 0,
    });
    for (const t of dest) codes.add(t.occupation.code);
  }
  if (codes.size) {
    await collect(engine, { near, filters: { ...filters, occupationCode: [...codes] }, sort: 'date' }, CANDIDATES.occupations, false, pool);
  }
  const titles = [...new Set(p.history.map((h) => h.title).filter((t): t is string => !!t))].slice(0, CANDIDATES.titles);
  for (const title of titles) {
    const q = title.replace(/["*]/g, ' ').trim();
    if (q) await collect(engine, { q, near, filters, sort: 'relevance' }, CANDIDATES.perTitle, false, pool);
  }
  await collect(engine, { near, filters, sort: 'date' }, CANDIDATES.browse, false, pool);
  return pool;
}

function toMatchJson(r: RankedMatch, hit: SearchHit | undefined, p: Participant) {
  const v: Vacancy = r.vacancy;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    vacancy: {
      id: v.id,
      title: v.title,
      employer: v.employerName,
      location: v.location ? { text: v.location.text, town: v.location.town, region: v.location.region } : null,
      remote: v.remote,
      contract: v.contract,
      employmentType: v.employmentType,
      hoursPerWeek: v.hoursPerWeek,
      salary: v.salary,
      datePosted: v.datePosted == null ? null : new Date(v.datePosted).toISOString(),
      url: v.url,
      applyUrl: v.applyUrl,
      occupation: v.occupation ? { code: v.occupation.code, scheme: v.occupation.scheme } : null,
      sector: v.sector?.code ?? null,
    },
    rank: round(r.rank),
    components: {
      match: round(r.components.match),
      relevance: r.components.relevance == null ? null : round(r.components.relevance),
      distance: round(r.components.distance),
      recency: round(r.components.recency),
    },
    distanceKm: r.distanceKm == null ? null : Math.round(r.distanceKm * 10) / 10,
    highlights: hit?.highlights ?? {},
    conditions: describeConditions(v, p),
    match: {
      score: round(r.match.score),
      coverage: r.match.coverage == null ? null : round(r.match.coverage),
      evidence: round(r.match.evidence),
      requirementFactor: round(r.match.requirementFactor),
      explanation: {
        matched: r.match.matched.map((m) => ({ ...m, importance: round(m.importance), credit: round(m.credit) })),
        missing: r.match.missing.map((m) => ({ ...m, importance: round(m.importance) })),
        requirements: r.match.requirements,
        gap: { ...r.match.gap, missingShare: round(r.match.gap.missingShare) },
        ...(r.match.coverage == null
          ? { note: 'The vacancy names no skills we recognise and has no known occupation, so fit could not be judged.' }
          : r.match.evidence < 1
            ? { note: 'The vacancy names few skills we recognise and no known occupation, so the score is held down until there is more to judge by.' }
            : {}),
      },
    },
  };
}

/**
 * The terms beside the skills, for the coach to weigh (not scored: a
 * participant may take fewer hours or a hybrid role; the coach decides).
 */
function describeConditions(v: Vacancy, p: Participant) {
  const reach = v.salary.annualMax ?? v.salary.annualMin;
  return {
    salary:
      reach == null ? 'not stated' : p.salaryFloor == null ? 'no floor set' : reach >= p.salaryFloor ? 'meets floor' : 'below floor',
    hours: { offered: v.hoursPerWeek, wanted: p.hoursPerWeek },
    remote: { offered: v.remote, wanted: p.remote },
  };
}
