import type { SearchParams } from 'meilisearch';
import type { SearchQuery } from '../engine.ts';
import { buildFilter, formatFilterNumber } from './filter.ts';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './highlight.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 1000;
/** Words of description kept around the first match in a highlight snippet. */
export const CROP_LENGTH = 30;

/**
 * The query text as Meilisearch reads it. Our syntax is words, "quoted
 * phrases" and prefix* terms. Meilisearch knows phrases natively, matches the
 * last word as a prefix on its own, and reads a leading `-` as negation, which
 * our syntax does not have: so `*` is dropped and leading dashes removed.
 */
export function toMeiliQueryText(q: string | undefined): string {
  if (!q) return '';
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (const m of q.matchAll(re)) {
    if (m[1] !== undefined) {
      const phrase = m[1].replace(/\s+/g, ' ').trim();
      if (phrase) parts.push(`"${phrase}"`);
      continue;
    }
    const word = (m[2] ?? '').replace(/"/g, '').replace(/^-+/, '').replace(/\*+$/, '');
    if (word) parts.push(word);
  }
  return parts.join(' ');
}

export function clampPage(query: SearchQuery): { page: number; hitsPerPage: number } {
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const hitsPerPage = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  return { page, hitsPerPage };
}

export function buildSort(query: SearchQuery): string[] | undefined {
  switch (query.sort) {
    case 'date':
      return ['datePosted:desc'];
    case 'salary':
      return ['salaryReach:desc'];
    case 'distance':
      if (!query.near) return undefined;
      return [`_geoPoint(${formatFilterNumber(query.near.lat, 'near.lat')}, ${formatFilterNumber(query.near.lon, 'near.lon')}):asc`];
    default:
      return undefined;
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
  const sort = buildSort(query);
  if (sort) params.sort = sort;
  if (query.facets && query.facets.length > 0) params.facets = [...query.facets];
  // The index's distinct attribute is the cluster; without cluster collapsing
  // still show each vacancy once, not once per location.
  if (query.collapseClusters === false) params.distinct = 'vacancyId';
  if (q) {
    params.attributesToHighlight = ['title', 'description'];
    params.attributesToCrop = ['description'];
    params.cropLength = CROP_LENGTH;
    params.cropMarker = '…';
    params.highlightPreTag = HIGHLIGHT_PRE;
    params.highlightPostTag = HIGHLIGHT_POST;
  }
  return { q, params };
}
