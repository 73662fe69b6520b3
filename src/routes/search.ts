import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { coachAuth, type CoachEnv } from '../http/coach-auth.ts';
import type { Checked } from '../errors.ts';
import type { Geocoder } from '../geo/geocoder-port.ts';
import { DEFAULT_SEARCH_RADIUS_KM, resolvePlace } from '../geo/resolve-place.ts';
import { searchFor, type SearchOptions, type SearchResults } from '../search/search-api.ts';
import { CONTRACTS, EMPLOYMENT_TYPES, REMOTE } from '../vacancies/model.ts';
import { andThen, checkWith, valueOr422 } from './checked.ts';
import { registerOperation } from './openapi.ts';

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
/** The widest radius a search takes, km (the search page keeps a participant's travel limit within it). */
export const MAX_SEARCH_RADIUS_KM = 500;

/** GET /v1/search's query; the search page's form reads through it too. */
export const SearchQuerySchema = z.object({
  q: z.string().max(500).optional().describe('Words, "quoted phrases" and prefix* terms; empty browses everything'),
  near: z.string().trim().min(1).max(200).optional().describe('"lat,lon", a place name or a postcode'),
  radiusKm: z.coerce.number().positive().max(MAX_SEARCH_RADIUS_KM).optional().describe(`Default ${DEFAULT_SEARCH_RADIUS_KM} km when near is given`),
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
/** The wire shape of a search, and the search page's view model. */
export type SearchResponse = z.infer<typeof SearchResponseSchema>;

/**
 * A search query string → checked options: the schema, then the place
 * located (a place nobody can find, a radius without a place, or distance
 * order without a place are field errors).
 */
export function readSearchQuery(deps: { geocoder: Geocoder | null }, raw: Record<string, string | undefined>): Checked<SearchOptions> {
  return andThen(checkWith(SearchQuerySchema, raw), ({ near: nearText, radiusKm, ...rest }) => {
    let near: SearchOptions['near'];
    if (nearText) {
      const at = resolvePlace(deps.geocoder, nearText);
      if (!at) return { ok: false, errors: [{ path: 'near', message: 'not a "lat,lon", place or postcode we can locate' }] };
      near = { ...at, radiusKm: radiusKm ?? DEFAULT_SEARCH_RADIUS_KM };
    } else if (radiusKm != null) {
      return { ok: false, errors: [{ path: 'radiusKm', message: 'needs near' }] };
    }
    if (rest.sort === 'distance' && !near) return { ok: false, errors: [{ path: 'sort', message: 'sorting by distance needs near' }] };
    return { ok: true, value: { ...rest, near } };
  });
}

/** Domain results → the wire shape. */
export function toSearchJson(r: SearchResults): SearchResponse {
  return {
    total: r.total,
    page: r.page,
    pageSize: r.pageSize,
    results: r.items.map(({ vacancy: v, hit: h, sources }) => ({
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
      sources,
      highlights: h.highlights,
    })),
    facets: r.facets as SearchResponse['facets'],
  };
}

registerOperation({
  method: 'get',
  path: '/v1/search',
  summary: 'Search live vacancies',
  description:
    'Full-text search (stemmed words, "phrases", prefix*) with radius, filters, sorts, facets and highlighted snippets. ' +
    'List parameters take comma-separated values. A duplicate advert cluster appears once.',
  tags: ['Search'],
  auth: 'coach',
  query: SearchQuerySchema,
  responses: { 200: { description: 'One page of ranked results, the total and facet counts', schema: SearchResponseSchema } },
});

/** Coach search API, mounted at /v1/search (coach bearer token). */
export function searchRoutes(deps: AppDeps): Hono<CoachEnv> {
  const r = new Hono<CoachEnv>();
  r.use('*', coachAuth(deps.db));
  r.get('/', async (c) => {
    // Repeated parameters (?sector=Q&sector=H) are the same as a comma list.
    const raw = Object.fromEntries(Object.entries(c.req.queries()).map(([k, vs]) => [k, vs.join(',')]));
    return c.json(toSearchJson(await searchFor(deps, valueOr422(readSearchQuery(deps, raw)))));
  });
  return r;
}
