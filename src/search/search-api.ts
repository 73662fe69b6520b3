import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { DAY_MS } from '../clock.ts';
import type { Db } from '../db.ts';
import { validationFailed } from '../errors.ts';
import { parseOr422 } from '../http/validation.ts';
import { CONTRACTS, EMPLOYMENT_TYPES, REMOTE } from '../vacancies/model.ts';
import type { Geocoder } from '../vacancies/normalise.ts';
import { getVacanciesByIds, listClusterSources } from '../vacancies/queries.ts';
import type { FacetField, SearchEngine, SearchQuery } from './engine.ts';

/** What the coach search API needs. */
export interface SearchApiDeps {
  db: Db;
  search: SearchEngine;
  geocoder: Geocoder | null;
  now: Clock;
}

export const DEFAULT_RADIUS_KM = 15;
const FACETS: FacetField[] = ['sector', 'contract', 'remote', 'employmentType'];

/** A comma-separated (or repeated) query parameter whose values must be in `allowed`. */
const listOf = <T extends string>(allowed: readonly T[], normalise: (s: string) => string = (s) => s.toLowerCase()) =>
  z
    .string()
    .max(500)
    .transform((s, ctx) => {
      const values = s.split(',').map((v) => normalise(v.trim())).filter(Boolean);
      const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
      if (bad.length) {
        ctx.addIssue({ code: 'custom', message: `unknown value(s) ${bad.join(', ')}; expected: ${allowed.join(', ')}` });
        return z.NEVER;
      }
      return values as T[];
    });

const SIC_SECTIONS = 'ABCDEFGHIJKLMNOPQRSTU'.split('');

export const SearchQuerySchema = z.object({
  q: z.string().max(500).optional().describe('Words, "quoted phrases" and prefix* terms; empty browses everything'),
  near: z.string().trim().min(1).max(200).optional().describe('"lat,lon", a place name or a postcode'),
  radiusKm: z.coerce.number().positive().max(500).optional().describe(`Default ${DEFAULT_RADIUS_KM} km when near is given`),
  sector: listOf(SIC_SECTIONS, (s) => s.toUpperCase()).optional().describe('SIC 2007 section letters, comma-separated'),
  contract: listOf(CONTRACTS).optional(),
  remote: listOf(REMOTE).optional(),
  employmentType: listOf(EMPLOYMENT_TYPES).optional(),
  salaryMin: z.coerce.number().min(0).max(10_000_000).optional().describe('Annual salary the vacancy reaches at least'),
  postedWithinDays: z.coerce.number().int().min(1).max(365).optional(),
  sort: z.enum(['relevance', 'date', 'distance', 'salary']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchApiQuery = z.output<typeof SearchQuerySchema>;

const LAT_LON = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

/** "lat,lon", else the geocoder's answer; null when neither locates it. */
export function resolveNear(geocoder: Geocoder | null, text: string): { lat: number; lon: number } | null {
  const m = LAT_LON.exec(text);
  if (m) {
    const lat = Number(m[1]);
    const lon = Number(m[2]);
    return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
  }
  const place = geocoder?.geocode(text) ?? null;
  return place && place.lat != null && place.lon != null ? { lat: place.lat, lon: place.lon } : null;
}

const SearchResultItemSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  employer: z.string().nullable(),
  location: z.object({ text: z.string(), town: z.string().nullable(), region: z.string().nullable() }).nullable(),
  distanceKm: z.number().nullable(),
  salary: z.object({
    min: z.number().nullable(),
    max: z.number().nullable(),
    currency: z.string().nullable(),
    period: z.string().nullable(),
    annualMin: z.number().nullable(),
    annualMax: z.number().nullable(),
    text: z.string().nullable(),
  }),
  contract: z.string().nullable(),
  employmentType: z.string().nullable(),
  remote: z.string().nullable(),
  datePosted: z.string().nullable(),
  url: z.string().nullable(),
  applyUrl: z.string().nullable(),
  sector: z.string().nullable(),
  isDemo: z.boolean(),
  sources: z
    .array(z.object({ id: z.number().int(), source: z.string(), employer: z.string().nullable(), url: z.string().nullable(), applyUrl: z.string().nullable() }))
    .describe('Every live advert of this job (duplicates on other boards or from other agencies), with their apply links'),
  highlights: z.object({ title: z.string().optional(), description: z.string().optional() })
    .describe('HTML: matched words in <mark>, everything else escaped'),
});

export const SearchResponseSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  results: z.array(SearchResultItemSchema),
  facets: z.record(z.string(), z.record(z.string(), z.number().int())),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

/** Validated query parameters → engine query → hydrated results from the store. */
export async function searchVacancies(deps: SearchApiDeps, raw: Record<string, string | undefined>): Promise<SearchResponse> {
  const p = parseOr422(SearchQuerySchema, raw);
  let near: SearchQuery['near'];
  if (p.near) {
    const at = resolveNear(deps.geocoder, p.near);
    if (!at) throw validationFailed([{ path: 'near', message: 'not a "lat,lon", place or postcode we can locate' }]);
    near = { ...at, radiusKm: p.radiusKm ?? DEFAULT_RADIUS_KM };
  } else if (p.radiusKm != null) {
    throw validationFailed([{ path: 'radiusKm', message: 'needs near' }]);
  }
  if (p.sort === 'distance' && !near) throw validationFailed([{ path: 'sort', message: 'sorting by distance needs near' }]);

  const result = await deps.search.search({
    q: p.q,
    near,
    filters: {
      ...(p.sector ? { sector: p.sector } : {}),
      ...(p.contract ? { contract: p.contract } : {}),
      ...(p.remote ? { remote: p.remote } : {}),
      ...(p.employmentType ? { employmentType: p.employmentType } : {}),
      ...(p.salaryMin != null ? { salaryMin: p.salaryMin } : {}),
      ...(p.postedWithinDays ? { postedAfter: deps.now() - p.postedWithinDays * DAY_MS } : {}),
    },
    sort: p.sort,
    page: p.page,
    pageSize: p.pageSize,
    facets: FACETS,
  });

  const byId = new Map(getVacanciesByIds(deps.db, result.hits.map((h) => h.id)).map((v) => [v.id, v]));
  const clusters = listClusterSources(deps.db, [...byId.values()].map((v) => v.clusterId ?? v.id));
  const results: SearchResponse['results'] = [];
  for (const h of result.hits) {
    const v = byId.get(h.id);
    // The index can trail the store by a drain interval: skip what closed meanwhile.
    if (!v || v.status !== 'live') continue;
    results.push({
      id: v.id,
      title: v.title,
      employer: v.employerName,
      location: v.location ? { text: v.location.text, town: v.location.town, region: v.location.region } : null,
      distanceKm: h.distanceKm,
      salary: {
        min: v.salary.min,
        max: v.salary.max,
        currency: v.salary.currency,
        period: v.salary.period,
        annualMin: v.salary.annualMin,
        annualMax: v.salary.annualMax,
        text: v.salary.text,
      },
      contract: v.contract,
      employmentType: v.employmentType,
      remote: v.remote,
      datePosted: v.datePosted == null ? null : new Date(v.datePosted).toISOString(),
      url: v.url,
      applyUrl: v.applyUrl,
      sector: v.sector?.code ?? null,
      isDemo: v.isDemo,
      sources: clusters.get(v.clusterId ?? v.id) ?? [],
      highlights: h.highlights,
    });
  }
  return {
    total: result.total,
    page: p.page,
    pageSize: p.pageSize,
    results,
    facets: result.facets as SearchResponse['facets'],
  };
}
