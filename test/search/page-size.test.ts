import { describe, expect, it } from 'vitest';
import { BULK_PAGE_SIZE, MAX_PAGE_SIZE, pageSizeOf } from '../../src/search/engine.ts';
import { toSearchParams } from '../../src/search/meilisearch/query.ts';

describe('page size', () => {
  it('caps pages people see at 100 and candidate pages without snippets at 1000', () => {
    expect(pageSizeOf({})).toBe(20);
    expect(pageSizeOf({ pageSize: 500 })).toBe(MAX_PAGE_SIZE);
    expect(pageSizeOf({ pageSize: 500, highlight: false })).toBe(500);
    expect(pageSizeOf({ pageSize: 1e9, highlight: false })).toBe(BULK_PAGE_SIZE);
    expect(pageSizeOf({ pageSize: 0.2, highlight: false })).toBe(1);
  });

  it('asks Meilisearch for no formatting when snippets are not wanted', () => {
    const bulk = toSearchParams({ q: 'care', pageSize: 800, highlight: false }).params;
    expect(bulk).toMatchObject({ hitsPerPage: 800 });
    expect(bulk.attributesToHighlight).toBeUndefined();
    expect(bulk.attributesToCrop).toBeUndefined();
    const shown = toSearchParams({ q: 'care', pageSize: 800 }).params;
    expect(shown).toMatchObject({ hitsPerPage: 100, attributesToHighlight: ['title', 'description'] });
  });
});
