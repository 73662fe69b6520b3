import type { FacetField, SearchHit, SearchQuery, SearchResult } from '../engine.ts';
import { haversineKm } from '../geo.ts';
import { renderHighlight } from './highlight.ts';

/** The part of a Meilisearch search response we read (what toSearchParams asks for). */
export interface MeiliSearchResponse {
  hits: MeiliHit[];
  totalHits?: number;
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

export interface MeiliHit {
  vacancyId: number;
  places?: { lat: number; lon: number }[];
  _rankingScore?: number;
  /** Metres, present when sorting by `_geoPoint`. */
  _geoDistance?: number;
  _formatted?: { title?: unknown; description?: unknown };
}

const FACETS: readonly FacetField[] = ['sector', 'contract', 'remote', 'employmentType'];

/** To 10 m, as the embedded engine reports it. */
const roundKm = (km: number) => Math.round(km * 100) / 100;

function distanceOf(hit: MeiliHit, near: SearchQuery['near']): number | null {
  if (!near) return null;
  // Exact: the nearest of all the vacancy's places, whichever of its
  // documents Meilisearch kept as the distinct one.
  if (hit.places && hit.places.length > 0) {
    return roundKm(Math.min(...hit.places.map((p) => haversineKm(near, p))));
  }
  return typeof hit._geoDistance === 'number' ? roundKm(hit._geoDistance / 1000) : null;
}

function highlightsOf(hit: MeiliHit): SearchHit['highlights'] {
  const out: SearchHit['highlights'] = {};
  const f = hit._formatted;
  if (!f) return out;
  if (typeof f.title === 'string') out.title = renderHighlight(f.title);
  if (typeof f.description === 'string') out.description = renderHighlight(f.description);
  return out;
}

/** A Meilisearch search response → SearchResult. Pure. */
export function toSearchResult(response: MeiliSearchResponse, query: SearchQuery): SearchResult {
  const hits: SearchHit[] = response.hits.map((hit) => ({
    id: hit.vacancyId,
    score: hit._rankingScore ?? 0,
    distanceKm: distanceOf(hit, query.near),
    highlights: highlightsOf(hit),
  }));
  const facets: SearchResult['facets'] = {};
  for (const field of query.facets ?? []) {
    if (!FACETS.includes(field)) continue;
    facets[field] = { ...(response.facetDistribution?.[field] ?? {}) };
  }
  return { total: response.totalHits ?? response.estimatedTotalHits ?? hits.length, hits, facets };
}
