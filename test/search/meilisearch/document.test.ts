import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/search/engine.ts';
import { toDocId, toMeiliDocuments, toStemText } from '../../../src/search/meilisearch/document.ts';

function doc(over: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id: 12,
    title: 'Warehouse Operative',
    description: 'Picking and packing orders.',
    employer: 'Acme Logistics',
    places: [{ lat: 53.8, lon: -1.55 }],
    town: 'Leeds',
    region: 'Yorkshire and The Humber',
    localAuthority: 'Leeds',
    sector: 'H',
    occupationCode: '9252',
    contract: 'permanent',
    employmentType: 'full_time',
    remote: 'onsite',
    salaryAnnualMin: 22000,
    salaryAnnualMax: 24000,
    datePosted: 1_750_000_000_000,
    skills: ['fp:manual-handling', 'fp:forklift'],
    clusterId: 12,
    isDemo: false,
    ...over,
  };
}

describe('toMeiliDocuments', () => {
  it('maps a single-location vacancy to one document with _geo', () => {
    const [d, ...rest] = toMeiliDocuments(doc());
    expect(rest).toEqual([]);
    expect(d).toEqual({
      docId: '12-0',
      vacancyId: 12,
      locationIndex: 0,
      groupKey: 12,
      title: 'Warehouse Operative',
      description: 'Picking and packing orders.',
      employer: 'Acme Logistics',
      titleStems: 'warehous operativ',
      skillStems: [],
      extraStems: ['acme logistic', 'leed', 'leed', 'yorkshir and the humber'],
      descriptionStems: 'pick and pack order',
      skills: ['fp:manual-handling', 'fp:forklift'],
      town: 'Leeds',
      region: 'Yorkshire and The Humber',
      localAuthority: 'Leeds',
      sector: 'H',
      occupationCode: '9252',
      contract: 'permanent',
      employmentType: 'full_time',
      remote: 'onsite',
      salaryAnnualMin: 22000,
      salaryAnnualMax: 24000,
      salaryReach: 24000,
      datePosted: 1_750_000_000_000,
      isDemo: false,
      places: [{ lat: 53.8, lon: -1.55 }],
      _geo: { lat: 53.8, lng: -1.55 },
    });
  });

  it('maps each place of a multi-location vacancy to its own document sharing the group key', () => {
    const places = [
      { lat: 53.8, lon: -1.55 },
      { lat: 53.48, lon: -2.24 },
      { lat: 52.49, lon: -1.89 },
    ];
    const docs = toMeiliDocuments(doc({ id: 40, clusterId: 7, places }));
    expect(docs.map((d) => d.docId)).toEqual(['40-0', '40-1', '40-2']);
    expect(docs.map((d) => d.locationIndex)).toEqual([0, 1, 2]);
    expect(docs.map((d) => d._geo)).toEqual([
      { lat: 53.8, lng: -1.55 },
      { lat: 53.48, lng: -2.24 },
      { lat: 52.49, lng: -1.89 },
    ]);
    // One distinct value for the whole vacancy (and its duplicate cluster).
    expect(new Set(docs.map((d) => d.groupKey))).toEqual(new Set([7]));
    expect(new Set(docs.map((d) => d.vacancyId))).toEqual(new Set([40]));
    // Every document knows every place, so the exact nearest distance is always computable.
    for (const d of docs) expect(d.places).toEqual(places);
  });

  it('keeps a vacancy without coordinates as one document without _geo, nulls kept', () => {
    const docs = toMeiliDocuments(
      doc({
        places: [],
        employer: null,
        town: null,
        region: null,
        localAuthority: null,
        sector: null,
        occupationCode: null,
        contract: null,
        employmentType: null,
        remote: 'remote',
        salaryAnnualMin: null,
        salaryAnnualMax: null,
      }),
    );
    expect(docs).toHaveLength(1);
    const d = docs[0]!;
    expect(d.docId).toBe('12-0');
    expect('_geo' in d).toBe(false);
    expect(d.places).toEqual([]);
    expect(d.employer).toBeNull();
    expect(d.sector).toBeNull();
    // Absent, not null, so Meilisearch sorts it last whichever the direction.
    expect('salaryReach' in d).toBe(false);
  });

  it('reaches the minimum salary when there is no maximum', () => {
    expect(toMeiliDocuments(doc({ salaryAnnualMin: 30000, salaryAnnualMax: null }))[0]!.salaryReach).toBe(30000);
  });

  it('adds skill labels as stems when given a resolver, skipping unknown ids', () => {
    const labels: Record<string, string> = { 'fp:manual-handling': 'Manual handling' };
    expect(toMeiliDocuments(doc(), (id) => labels[id])[0]!.skillStems).toEqual(['manual handl']);
  });

  it('indexes stems so inflections meet (caring → care, warehouses → warehous)', () => {
    expect(toStemText('Caring for residents in warehouses')).toBe('care for resident in warehous');
    expect(toStemText('Never trust <script>alert("x")</script> & C++')).toBe('never trust script alert x script c++');
  });

  it('strips the highlight marker characters from indexed text', () => {
    const d = toMeiliDocuments(doc({ title: 'Cook\uE000\uE001', description: '\uE000x', employer: 'E\uE001' }))[0]!;
    expect([d.title, d.description, d.employer]).toEqual(['Cook', 'x', 'E']);
  });

  it('builds primary keys Meilisearch accepts', () => {
    expect(toDocId(123456, 3)).toMatch(/^[A-Za-z0-9_-]{1,511}$/);
  });
});
