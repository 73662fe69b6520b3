import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from '../../../src/search/meilisearch/highlight.ts';
import { MAX_PAGE_SIZE, toMeiliQueryText, toSearchParams } from '../../../src/search/meilisearch/query.ts';

describe('toMeiliQueryText', () => {
  it('stems words and phrases like the index, and ends with a space so the last word is not a prefix', () => {
    expect(toMeiliQueryText('Caring  "night shifts"  Leeds')).toBe('care "night shift" leed ');
    expect(toMeiliQueryText('warehouses')).toBe('warehous ');
  });

  it('puts a prefix term last, unstemmed, with no trailing space', () => {
    expect(toMeiliQueryText('wareh* driving')).toBe('driv wareh');
    expect(toMeiliQueryText('forkl*')).toBe('forkl');
  });

  it('leaves no Meilisearch syntax: negation dashes, stray quotes and stars vanish', () => {
    expect(toMeiliQueryText('-driver ware"house')).toBe('driver ware hous ');
    expect(toMeiliQueryText('"" * -- ()')).toBe('');
    expect(toMeiliQueryText('e-mail')).toBe('"e mail" ');
    expect(toMeiliQueryText('NEAR(care')).toBe('"near care" ');
    expect(toMeiliQueryText(undefined)).toBe('');
  });
});

describe('toSearchParams', () => {
  const formatting = {
    attributesToHighlight: ['title', 'description'],
    attributesToCrop: ['description'],
    cropLength: 32,
    cropMarker: '…',
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
  };

  it('maps an empty query to page 1 of 20, newest first, every word required', () => {
    expect(toSearchParams({})).toEqual({
      q: '',
      params: {
        page: 1,
        hitsPerPage: 20,
        matchingStrategy: 'all',
        attributesToRetrieve: ['vacancyId', 'places'],
        showRankingScore: true,
        sort: ['datePosted:desc', 'vacancyId:asc'],
        ...formatting,
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
      sort: ['_geoPoint(53.8, -1.55):asc', 'datePosted:desc', 'vacancyId:asc'],
      facets: ['sector', 'remote'],
      ...formatting,
    });
  });

  it('sorts like the embedded engine, ties newest first', () => {
    const newest = ['datePosted:desc', 'vacancyId:asc'];
    expect(toSearchParams({ q: 'chef', sort: 'date' }).params.sort).toEqual(newest);
    expect(toSearchParams({ sort: 'salary' }).params.sort).toEqual(['salaryReach:desc', ...newest]);
    // Relevance: Meilisearch's own rules; without text everything ties, so newest first.
    expect(toSearchParams({ q: 'chef', sort: 'relevance' }).params.sort).toBeUndefined();
    expect(toSearchParams({ sort: 'relevance' }).params.sort).toEqual(newest);
    expect(toSearchParams({ sort: 'distance' }).params.sort).toEqual(newest);
  });

  it('defaults to relevance with text, distance with near, else date', () => {
    const near = { lat: 51.5, lon: -0.12, radiusKm: 5 };
    expect(toSearchParams({ q: 'chef', near }).params.sort).toBeUndefined();
    expect(toSearchParams({ near }).params.sort).toEqual(['_geoPoint(51.5, -0.12):asc', 'datePosted:desc', 'vacancyId:asc']);
    expect(toSearchParams({ q: '***' }).params.sort).toEqual(['datePosted:desc', 'vacancyId:asc']);
  });

  it('shows each vacancy once without cluster collapsing', () => {
    expect(toSearchParams({ collapseClusters: false }).params.distinct).toBe('vacancyId');
    expect(toSearchParams({ collapseClusters: true }).params.distinct).toBeUndefined();
    expect(toSearchParams({}).params.distinct).toBeUndefined();
  });

  it('clamps paging to sane bounds', () => {
    expect(toSearchParams({ page: 0, pageSize: 0 }).params).toMatchObject({ page: 1, hitsPerPage: 1 });
    expect(toSearchParams({ page: 2.7, pageSize: 1e9 }).params).toMatchObject({ page: 2, hitsPerPage: MAX_PAGE_SIZE });
    expect(MAX_PAGE_SIZE).toBe(100);
  });

  it('passes the ids filter through as numbers', () => {
    expect(toSearchParams({ filters: { ids: [5, 9] } }).params.filter).toBe('vacancyId IN [5, 9]');
  });
});
