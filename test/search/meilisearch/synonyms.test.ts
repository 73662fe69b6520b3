import { describe, expect, it } from 'vitest';
import { synonymsFromTaxonomy } from '../../../src/search/meilisearch/synonyms.ts';
import type { Occupation } from '../../../src/taxonomy/model.ts';

function occ(id: string, title: string, altTitles: string[]): Occupation {
  return { id, scheme: 'soc', code: id.slice(4), title, altTitles, description: null, skillLevel: null, typicalPayAnnual: null, sector: null };
}

function taxonomyOf(...occupations: Occupation[]) {
  return { occupations: new Map(occupations.map((o) => [o.id, o])) };
}

describe('synonymsFromTaxonomy', () => {
  it('makes a title and its alternative titles mean each other', () => {
    const s = synonymsFromTaxonomy(taxonomyOf(occ('soc:6135', 'Care worker', ['Carer', 'Care Assistant'])));
    expect(s).toEqual({
      'care assistant': ['care worker', 'carer'],
      'care worker': ['care assistant', 'carer'],
      carer: ['care assistant', 'care worker'],
    });
  });

  it('unions terms shared by several occupations and dedupes case and spacing', () => {
    const s = synonymsFromTaxonomy(
      taxonomyOf(
        occ('soc:8211', 'HGV driver', ['Lorry  driver', 'lorry driver', 'Driver']),
        occ('soc:8212', 'Van driver', ['Delivery driver', 'DRIVER']),
      ),
    );
    expect(s['driver']).toEqual(['delivery driver', 'hgv driver', 'lorry driver', 'van driver']);
    expect(s['lorry driver']).toEqual(['driver', 'hgv driver']);
  });

  it('skips occupations without alternatives, over-long terms and caps terms per occupation', () => {
    const long = 'x'.repeat(61);
    const s = synonymsFromTaxonomy(
      taxonomyOf(occ('soc:1', 'Chef', []), occ('soc:2', 'Cook', [long]), occ('soc:3', 'X', ['Aa', 'bb', 'cc', 'dd'])),
      { maxTermsPerOccupation: 3 },
    );
    expect(s['chef']).toBeUndefined();
    expect(s['cook']).toBeUndefined();
    // "x" is a single letter (skipped); aa, bb, cc are the first three usable terms.
    expect(Object.keys(s)).toEqual(['aa', 'bb', 'cc']);
    expect(s['aa']).toEqual(['bb', 'cc']);
  });

  it('is empty for an empty taxonomy', () => {
    expect(synonymsFromTaxonomy(taxonomyOf())).toEqual({});
  });
});
