import type { SearchParams } from 'meilisearch';
import { pageSizeOf, type SearchQuery, type SearchSort } from '../engine.ts';
import { parseBoundedQuery } from '../fts-query.ts';
import { stemWord } from '../../taxonomy/text.ts';
import { buildFilter, formatFilterNumber } from './filter.ts';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './highlight.ts';

export const DEFAULT_PAGE_SIZE = 20;
/** Same bound as the embedded engine. */
export { MAX_PAGE_SIZE } from '../engine.ts';
/** Words of description in a highlight snippet (the embedded engine's snippet length). */
export const CROP_LENGTH = 32;

/**
 * The query text as Meilisearch reads it, from the same parse the embedded
 * engine uses (words, "quoted phrases", prefix* terms; tokens are letters and
 * digits only, so nothing typed can act as Meilisearch syntax such as a
 * leading `-` negation). Words and phrases are stemmed as the index is.
 * Meilisearch reads only the last word as a prefix, and not even that when
 * the query ends with a space: so prefix terms go last, unstemmed, and a
 * query without one ends with a space (care must not match carer).
 * The embedded engine's cost bounds apply too (422 on `q`), so a query means
 * the same whichever engine runs it.
 */
export function toMeiliQueryText(q: string | undefined): string {
  const terms = parseBoundedQuery(q);
  const exact = terms
    .filter((t) => t.kind !== 'prefix')
    .map((t) => {
      const words = t.tokens.map(stemWord);
      return t.kind === 'phrase' ? `"${words.join(' ')}"` : words.join(' ');
    });
  const prefix = terms.filter((t) => t.kind === 'prefix').map((t) => t.tokens.join(' '));
  if (prefix.length === 0) return exact.length > 0 ? `${exact.join(' ')} ` : '';
  return [...exact, ...prefix].join(' ');
}

/** The sort the embedded engine applies when none is asked for. */
export function effectiveSort(query: SearchQuery, q: string): SearchSort {
  return query.sort ?? (q ? 'relevance' : query.near ? 'distance' : 'date');
}

export function clampPage(query: SearchQuery): { page: number; hitsPerPage: number } {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const hitsPerPage = pageSizeOf({ ...query, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });
  return { page, hitsPerPage };
}

/**
 * Ties break by date, newest first, then by the lower id (so a duplicate
 * cluster's canonical, first-created vacancy represents it), as in the
 * embedded engine. A relevance sort without text is a date sort.
 */
export function buildSort(query: SearchQuery, q: string): string[] | undefined {
  const newest = ['datePosted:desc', 'vacancyId:asc'];
  switch (effectiveSort(query, q)) {
    case 'relevance':
      return q ? undefined : newest;
    case 'salary':
      return ['salaryReach:desc', ...newest];
    case 'distance':
      if (!query.near) return newest;
      return [`_geoPoint(${formatFilterNumber(query.near.lat, 'near.lat')}, ${formatFilterNumber(query.near.lon, 'near.lon')}):asc`, ...newest];
    default:
      return newest;
  }
}

/** SearchQuery → the text and parameters of one Meilisearch search. Pure. */
export function toSearchParams(query: SearchQuery): { q: string; params: SearchParams } {
  const q = toMeiliQueryText(query.q);
  const { page, hitsPerPage } = clampPage(query);
  const params: SearchParams = {
    page,
    hitsPerPage,
    // Every word must match (the embedded engine ANDs terms too).
    matchingStrategy: 'all',
    attributesToRetrieve: ['vacancyId', 'places'],
    showRankingScore: true,
  };
  const filter = buildFilter(query);
  if (filter) params.filter = filter;
  const sort = buildSort(query, q);
  if (sort) params.sort = sort;
  if (query.facets && query.facets.length > 0) params.facets = [...query.facets];
  // The index's distinct attribute is the cluster; without cluster collapsing
  // still show each vacancy once, not once per location.
  if (query.collapseClusters === false) params.distinct = 'vacancyId';
  // Candidates only (matching's pool): no snippets to build.
  if (query.highlight === false) return { q, params };
  // Always formatted: without text the title comes back escaped and the
  // description cropped from its start, as the embedded engine does.
  params.attributesToHighlight = ['title', 'description'];
  params.attributesToCrop = ['description'];
  params.cropLength = CROP_LENGTH;
  params.cropMarker = '…';
  params.highlightPreTag = HIGHLIGHT_PRE;
  params.highlightPostTag = HIGHLIGHT_POST;
  return { q, params };
}
