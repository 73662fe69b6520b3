import { describe, expect, it } from 'vitest';
import { buildIndexSettings, FILTERABLE_ATTRIBUTES, SORTABLE_ATTRIBUTES } from '../../../src/search/meilisearch/settings.ts';

describe('buildIndexSettings', () => {
  const settings = buildIndexSettings({ synonyms: { carer: ['care assistant'] }, maxTotalHits: 5000 });

  it('searches stems, the title first and the description last', () => {
    expect(settings.searchableAttributes).toEqual(['titleStems', 'skillStems', 'extraStems', 'descriptionStems']);
  });

  it('can filter on every field a query filters, facets or removes by', () => {
    for (const a of ['sector', 'contract', 'employmentType', 'remote', 'occupationCode', 'salaryReach', 'datePosted', 'vacancyId', 'locationIndex', 'groupKey', '_geo']) {
      expect(FILTERABLE_ATTRIBUTES).toContain(a);
    }
    expect(settings.filterableAttributes).toEqual([...FILTERABLE_ATTRIBUTES]);
  });

  it('sorts by date, salary and distance, with sort as the first ranking rule', () => {
    expect(settings.sortableAttributes).toEqual([...SORTABLE_ATTRIBUTES]);
    expect(SORTABLE_ATTRIBUTES).toEqual(['datePosted', 'salaryReach', '_geo', 'vacancyId']);
    expect(settings.rankingRules).toEqual(['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'datePosted:desc', 'vacancyId:asc']);
  });

  it('collapses locations and duplicate clusters with one distinct attribute', () => {
    expect(settings.distinctAttribute).toBe('groupKey');
  });

  it('tolerates typos only on words of five letters or more, never on numbers', () => {
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 6, twoTypos: 9 }, disableOnNumbers: true });
  });

  it('carries synonyms, stop words, pagination and faceting limits', () => {
    expect(settings.synonyms).toEqual({ carer: ['care assistant'] });
    expect(settings.stopWords).toContain('the');
    expect(settings.stopWords).not.toContain('part');
    expect(settings.pagination).toEqual({ maxTotalHits: 5000 });
    expect(settings.faceting).toEqual({ maxValuesPerFacet: 100 });
  });

  it('retrieves what result mapping reads but never the stems', () => {
    expect(settings.displayedAttributes).toEqual(expect.arrayContaining(['vacancyId', 'places', 'title', 'description', '_geo']));
    expect(settings.displayedAttributes!.filter((a) => a.endsWith('Stems'))).toEqual([]);
  });

  it('defaults to no synonyms and 10,000 hits', () => {
    const d = buildIndexSettings();
    expect(d.synonyms).toEqual({});
    expect(d.pagination).toEqual({ maxTotalHits: 10_000 });
  });
});
