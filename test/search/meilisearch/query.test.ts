import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../../../src/search/meilisearch/highlight.ts';
import { MAX_PAGE_SIZE, toMeiliQueryText, toSearchParams } from '../../../src/search/meilisearch/query.ts';

describe('toMeiliQueryText', () => {
  it('keeps words and quoted phrases', () => {
    expect(toMeiliQueryText('care  "night shift"  Leeds')).toBe('care "night shift" Leeds');
  });

  it('drops prefix stars, negation dashes and stray quotes', () => {
    expect(toMeiliQueryText('fork* -driver ware"house "unclosed')).toBe('fork driver warehouse unclosed');
    expect(toMeiliQueryText('"" * --')).toBe('');
    expect(toMeiliQueryText(undefined)).toBe('');
  });
});

describe('toSearchParams', () => {
  it('maps an empty query to page 1 of 20, every word required, no highlights', () => {
    expect(toSearchParams({})).toEqual({
      q: '',
      params: {
        page: 1,
        hitsPerPage: 20,
        matchingStrategy: 'all',
        attributesToRetrieve: ['vacancyId', 'places'],
        showRankingScore: true,
      },
    });
  });

  it('maps text, filters, distance sort, facets, paging and highlights', () => {
    const { q, params } = toSearchParams({
      q: 'forklift driver*',
      near: { lat: 53.8, lon: -1.55, radiusKm: 20 },
      filters: { sector: ['H'], salaryMin: 24000 },
      sort: 'distance',
      page: 3,
      pageSize: 10,
      facets: ['sector', 'remote'],
    });
    expect(q).toBe('forklift driver');
    expect(params).toEqual({
      page: 3,
      hitsPerPage: 10,
      matchingStrategy: 'all',
      attributesToRetrieve: ['vacancyId', 'places'],
      showRankingScore: true,
      filter: 'sector IN ["H"] AND salaryReach >= 24000 AND _geoRadius(53.8, -1.55, 20000)',
      sort: ['_geoPoint(53.8, -1.55):asc'],
      facets: ['sector', 'remote'],
      attributesToHighlight: ['title', 'description'],
      attributesToCrop: ['description'],
      cropLength: 30,
      cropMarker: '…',
      highlightPreTag: HIGHLIGHT_PRE,
      highlightPostTag: HIGHLIGHT_POST,
    });
  });

  it('sorts by date and salary descending; relevance and distance without near add no sort', () => {
    expect(toSearchParams({ sort: 'date' }).params.sort).toEqual(['datePosted:desc']);
    expect(toSearchParams({ sort: 'salary' }).params.sort).toEqual(['salaryReach:desc']);
    expect(toSearchParams({ sort: 'relevance' }).params.sort).toBeUndefined();
    expect(toSearchParams({ sort: 'distance' }).params.sort).toBeUndefined();
  });

  it('shows each vacancy once without cluster collapsing', () => {
    expect(toSearchParams({ collapseClusters: false }).params.distinct).toBe('vacancyId');
    expect(toSearchParams({ collapseClusters: true }).params.distinct).toBeUndefined();
    expect(toSearchParams({}).params.distinct).toBeUndefined();
  });

  it('clamps paging to sane bounds', () => {
    expect(toSearchParams({ page: 0, pageSize: 0 }).params).toMatchObject({ page: 1, hitsPerPage: 1 });
    expect(toSearchParams({ page: 2.7, pageSize: 1e9 }).params).toMatchObject({ page: 2, hitsPerPage: MAX_PAGE_SIZE });
  });

  it('passes the ids filter through as numbers', () => {
    expect(toSearchParams({ filters: { ids: [5, 9] } }).params.filter).toBe('vacancyId IN [5, 9]');
  });
});
