import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from '../../src/search/engine.ts';
import { createRandom } from '../../src/random.ts';

/**
 * The behaviour every SearchEngine must show, on a small hand-built set with
 * known answers. Engine-agnostic on purpose (no SQL, no engine internals):
 * run it for the embedded engine and for Meilisearch when one is available.
 */

const DAY = 86_400_000;
export const CONTRACT_NOW = Date.parse('2026-03-01T09:00:00Z');

const LEEDS = { lat: 53.7997, lon: -1.5492 };
const HEADINGLEY = { lat: 53.8194, lon: -1.5795 };
const BRADFORD = { lat: 53.796, lon: -1.7594 };
const MANCHESTER = { lat: 53.4808, lon: -2.2426 };
const LONDON = { lat: 51.5072, lon: -0.1276 };
const YORK = { lat: 53.959, lon: -1.0815 };

/** A search document with every field empty but those given: the base of every engine test's documents. */
export function searchDocument(id: number, over: Partial<SearchDocument>): SearchDocument {
  return {
    id,
    title: 'Untitled',
    description: '',
    employer: null,
    places: [],
    town: null,
    region: null,
    localAuthority: null,
    sector: null,
    occupationCode: null,
    contract: null,
    employmentType: null,
    remote: null,
    salaryAnnualMin: null,
    salaryAnnualMax: null,
    datePosted: CONTRACT_NOW,
    skills: [],
    clusterId: id,
    isDemo: false,
    ...over,
  };
}

const CARE_ASSISTANT: Partial<SearchDocument> = {
  title: 'Care Assistant',
  description: 'Join our care home team. You will give personal care and support residents with medication.',
  employer: 'Meadow Homes',
  places: [LEEDS],
  town: 'Leeds',
  region: 'Yorkshire and The Humber',
  sector: 'Q',
  occupationCode: '6135',
  contract: 'permanent',
  employmentType: 'full_time',
  remote: 'onsite',
  salaryAnnualMin: 23000,
  salaryAnnualMax: 25000,
  datePosted: CONTRACT_NOW - 1 * DAY,
};

export const CONTRACT_DOCS: SearchDocument[] = [
  searchDocument(1, CARE_ASSISTANT),
  searchDocument(2, {
    title: 'Senior Carer',
    description: 'Lead a small team of carers on day shifts in a friendly residential home.',
    employer: 'Oak Homes',
    places: [HEADINGLEY],
    town: 'Leeds',
    sector: 'Q',
    occupationCode: '6136',
    contract: 'permanent',
    employmentType: 'full_time',
    remote: 'onsite',
    salaryAnnualMin: 26000,
    salaryAnnualMax: 27000,
    datePosted: CONTRACT_NOW - 3 * DAY,
  }),
  searchDocument(3, {
    title: 'Warehouse Operative',
    description: 'Picking and packing orders in a busy warehouse. A forklift licence is desirable.',
    employer: 'Pennine Logistics',
    places: [BRADFORD],
    town: 'Bradford',
    sector: 'H',
    occupationCode: '9252',
    contract: 'temporary',
    employmentType: 'part_time',
    remote: 'onsite',
    salaryAnnualMin: 21000,
    salaryAnnualMax: null,
    datePosted: CONTRACT_NOW - 2 * DAY,
  }),
  searchDocument(4, {
    title: 'Forklift Driver',
    description: 'Counterbalance and reach truck work, loading pallets for dispatch.',
    employer: 'Crown Foods',
    places: [MANCHESTER],
    town: 'Manchester',
    sector: 'H',
    occupationCode: '8222',
    contract: 'permanent',
    employmentType: 'full_time',
    remote: 'onsite',
    salaryAnnualMin: 27000,
    salaryAnnualMax: 29000,
    datePosted: CONTRACT_NOW - 10 * DAY,
  }),
  searchDocument(5, {
    title: 'Kitchen Porter',
    description: 'Washing up and basic food preparation in a hotel kitchen.',
    employer: 'Thames Hospitality',
    places: [LONDON],
    town: 'London',
    sector: 'I',
    occupationCode: '9263',
    contract: 'zero_hours',
    employmentType: 'part_time',
    remote: 'onsite',
    datePosted: CONTRACT_NOW - 5 * DAY,
  }),
  // A near-duplicate of 1 (same cluster): shown once.
  searchDocument(6, { ...CARE_ASSISTANT, clusterId: 1 }),
  searchDocument(7, {
    title: 'Software Developer',
    description: 'Build APIs in TypeScript. Never trust <script>alert("x")</script> & friends in user input.',
    employer: 'Bright Solutions',
    sector: 'J',
    occupationCode: '2134',
    contract: 'permanent',
    employmentType: 'full_time',
    remote: 'remote',
    salaryAnnualMin: 50000,
    salaryAnnualMax: 60000,
    datePosted: CONTRACT_NOW - 4 * DAY,
  }),
  // Two places, London first: a Leeds search must find it by its Leeds place.
  searchDocument(8, {
    title: 'Delivery Driver',
    description: 'Multi-drop parcel deliveries from our London and Leeds depots.',
    employer: 'Summit Logistics',
    places: [LONDON, { lat: 53.7905, lon: -1.5418 }],
    town: 'London',
    sector: 'H',
    occupationCode: '8214',
    contract: 'contract',
    employmentType: 'full_time',
    remote: 'onsite',
    salaryAnnualMin: 25000,
    salaryAnnualMax: 25000,
    datePosted: CONTRACT_NOW - 6 * DAY,
  }),
  searchDocument(9, {
    title: 'Night Support Worker',
    description: 'Provide care through the night. Personal development and training offered.',
    employer: 'Unity Trust',
    places: [YORK],
    town: 'York',
    sector: 'Q',
    occupationCode: '6139',
    contract: 'permanent',
    employmentType: 'part_time',
    remote: 'hybrid',
    salaryAnnualMin: 22000,
    salaryAnnualMax: 24000,
    datePosted: CONTRACT_NOW - 20 * DAY,
  }),
];

/** Independent of any engine code: spherical law of cosines. */
function referenceDistanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const c =
    Math.sin(r(a.lat)) * Math.sin(r(b.lat)) + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.cos(r(b.lon - a.lon));
  return 6371.0088 * Math.acos(Math.min(1, c));
}

const ids = (r: SearchResult) => r.hits.map((h) => h.id);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

export type MakeEngine = () => Promise<{ engine: SearchEngine; cleanup(): Promise<void> }>;

export function describeEngineContract(name: string, makeEngine: MakeEngine): void {
  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine;
    let cleanup: () => Promise<void>;
    const search = (q: SearchQuery) => engine.search({ pageSize: 50, ...q });

    beforeAll(async () => {
      ({ engine, cleanup } = await makeEngine());
      await engine.upsert(CONTRACT_DOCS);
    });
    afterAll(async () => {
      await cleanup?.();
    });

    it('counts documents and reports health', async () => {
      expect(await engine.count()).toBe(9);
      const h = await engine.health();
      expect(h.ok).toBe(true);
      expect(h.engine).toBe(engine.name);
    });

    it('browses everything with an empty query, newest first, a duplicate cluster once', async () => {
      const r = await search({});
      expect(r.total).toBe(8);
      expect(ids(r)).toEqual([1, 3, 2, 7, 5, 8, 4, 9]);
      const all = await search({ collapseClusters: false });
      expect(all.total).toBe(9);
      expect(sorted(ids(all))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    it('stems words (caring → care, carers → carer)', async () => {
      expect(sorted(ids(await search({ q: 'caring' })))).toEqual([1, 9]);
      expect(ids(await search({ q: 'carers' }))).toContain(2);
      expect(ids(await search({ q: 'warehouses' }))).toEqual([3]);
    });

    it('requires every word (AND)', async () => {
      expect(ids(await search({ q: 'care medication' }))).toEqual([1]);
      expect(ids(await search({ q: 'care forklift' }))).toEqual([]);
    });

    it('matches "quoted phrases" only when the words are adjacent', async () => {
      expect(ids(await search({ q: '"personal care"' }))).toEqual([1]);
      // 9 has both words, apart.
      expect(sorted(ids(await search({ q: 'personal care' })))).toEqual([1, 9]);
    });

    it('matches prefix* terms', async () => {
      expect(ids(await search({ q: 'wareh*' }))).toEqual([3]);
      expect(sorted(ids(await search({ q: 'forkl*' })))).toEqual([3, 4]);
    });

    it('ranks a title match above a description mention', async () => {
      const r = await search({ q: 'forklift' });
      expect(ids(r)).toEqual([4, 3]);
      expect(r.hits[0]!.score).toBeGreaterThan(r.hits[1]!.score);
    });

    it('filters by radius and returns the exact distance to the nearest place', async () => {
      const r = await search({ near: { ...LEEDS, radiusKm: 10 }, sort: 'distance' });
      expect(ids(r)).toEqual([1, 8, 2]);
      const d = Object.fromEntries(r.hits.map((h) => [h.id, h.distanceKm]));
      expect(d[1]).toBeCloseTo(0, 1);
      expect(Math.abs(d[8]! - referenceDistanceKm(LEEDS, { lat: 53.7905, lon: -1.5418 }))).toBeLessThan(0.05);
      expect(Math.abs(d[2]! - referenceDistanceKm(LEEDS, HEADINGLEY))).toBeLessThan(0.05);
      // Bradford is ~13.8 km away: in at 15 km, out at 10 km.
      const wider = await search({ near: { ...LEEDS, radiusKm: 15 }, sort: 'distance' });
      expect(ids(wider)).toEqual([1, 8, 2, 3]);
      expect(Math.abs(wider.hits[3]!.distanceKm! - referenceDistanceKm(LEEDS, BRADFORD))).toBeLessThan(0.05);
    });

    it('leaves distance null without a centre and excludes place-less vacancies from radius searches', async () => {
      const r = await search({ q: 'typescript' });
      expect(r.hits[0]?.distanceKm).toBeNull();
      const near = await search({ near: { lat: 54.5, lon: -2, radiusKm: 500 } });
      expect(ids(near)).not.toContain(7);
      expect(near.total).toBe(7);
    });

    it('combines text, radius and filters', async () => {
      const r = await search({ q: 'care', near: { ...LEEDS, radiusKm: 50 }, filters: { sector: ['Q'] } });
      expect(sorted(ids(r))).toEqual([1, 9]);
      const r2 = await search({ q: 'care', near: { ...LEEDS, radiusKm: 50 }, filters: { contract: ['permanent'], employmentType: ['part_time'] } });
      expect(ids(r2)).toEqual([9]);
    });

    it('filters by each field', async () => {
      const f = async (filters: SearchQuery['filters']) => sorted(ids(await search({ filters })));
      expect(await f({ sector: ['Q'] })).toEqual([1, 2, 9]);
      expect(await f({ sector: ['H', 'I'] })).toEqual([3, 4, 5, 8]);
      expect(await f({ contract: ['temporary'] })).toEqual([3]);
      expect(await f({ contract: ['temporary', 'zero_hours'] })).toEqual([3, 5]);
      expect(await f({ employmentType: ['part_time'] })).toEqual([3, 5, 9]);
      expect(await f({ remote: ['remote'] })).toEqual([7]);
      expect(await f({ remote: ['hybrid', 'remote'] })).toEqual([7, 9]);
      expect(await f({ occupationCode: ['6139'] })).toEqual([9]);
      // Annual max, or min when there is no max.
      expect(await f({ salaryMin: 26000 })).toEqual([2, 4, 7]);
      expect(await f({ salaryMin: 21000 })).toEqual([1, 2, 3, 4, 7, 8, 9]);
      expect(await f({ postedAfter: CONTRACT_NOW - 3 * DAY })).toEqual([1, 2, 3]);
      expect(await f({ ids: [3, 4, 5, 99] })).toEqual([3, 4, 5]);
      expect(await f({ sector: ['Q'], salaryMin: 24500 })).toEqual([1, 2]);
      expect(await f({ sector: ['Z'] })).toEqual([]);
    });

    it('sorts by date, salary, distance and relevance', async () => {
      expect(ids(await search({ sort: 'date' }))).toEqual([1, 3, 2, 7, 5, 8, 4, 9]);
      const bySalary = ids(await search({ sort: 'salary' }));
      expect(bySalary.slice(0, 5)).toEqual([7, 4, 2, 1, 8]);
      expect(bySalary.at(-1)).toBe(5); // no salary: last
      const byDistance = ids(await search({ near: { ...LEEDS, radiusKm: 400 }, sort: 'distance' }));
      expect(byDistance).toEqual([1, 8, 2, 3, 9, 4, 5]);
      const rel = await search({ q: 'care', sort: 'relevance' });
      expect(rel.hits[0]!.id).toBe(1);
    });

    it('counts facets over the whole match, not the page', async () => {
      const r = await engine.search({ pageSize: 1, facets: ['sector', 'contract', 'remote', 'employmentType'] });
      expect(r.hits).toHaveLength(1);
      expect(r.facets.sector).toEqual({ Q: 3, H: 3, I: 1, J: 1 });
      expect(r.facets.contract).toEqual({ permanent: 5, temporary: 1, zero_hours: 1, contract: 1 });
      expect(r.facets.remote).toEqual({ onsite: 6, remote: 1, hybrid: 1 });
      expect(r.facets.employmentType).toEqual({ full_time: 5, part_time: 3 });
      const care = await engine.search({ q: 'care', facets: ['sector'] });
      expect(care.facets.sector).toEqual({ Q: 2 });
    });

    it('pages through the results without gaps or repeats', async () => {
      const seen: number[] = [];
      for (let page = 1; page <= 3; page++) {
        const r = await engine.search({ pageSize: 3, page, sort: 'date' });
        expect(r.total).toBe(8);
        seen.push(...ids(r));
      }
      expect(seen).toEqual([1, 3, 2, 7, 5, 8, 4, 9]);
      const beyond = await engine.search({ pageSize: 3, page: 4 });
      expect(beyond.hits).toEqual([]);
      expect(beyond.total).toBe(8);
    });

    it('gathers candidates without snippets: the same hits in the same order, one bulk page', async () => {
      for (const q of [{ q: 'care' }, { sort: 'date' as const }, { near: { ...LEEDS, radiusKm: 15 }, sort: 'distance' as const }]) {
        const shown = await engine.search({ ...q, pageSize: 100 });
        const bulk = await engine.search({ ...q, pageSize: 1000, highlight: false });
        expect(ids(bulk)).toEqual(ids(shown));
        expect(bulk.total).toBe(shown.total);
        expect(bulk.hits.map((h) => h.distanceKm)).toEqual(shown.hits.map((h) => h.distanceKm));
        for (const h of bulk.hits) expect(h.highlights).toEqual({});
      }
    });

    it('highlights matches with <mark> and escapes everything else', async () => {
      const r = await search({ q: 'caring' });
      const h = r.hits.find((x) => x.id === 1)!.highlights;
      expect(h.title).toBe('<mark>Care</mark> Assistant');
      expect(h.description).toContain('<mark>care</mark>');
      const dev = (await search({ q: 'typescript' })).hits[0]!;
      expect(dev.id).toBe(7);
      expect(dev.highlights.description).toContain('<mark>TypeScript</mark>');
      expect(dev.highlights.description).toContain('&lt;script&gt;');
      expect(dev.highlights.description).not.toContain('<script');
      expect(dev.highlights.description).toContain('&amp;');
    });

    it('never fails on query syntax', async () => {
      const nasty = [
        '"unbalanced', 'OR', 'care OR', 'AND NOT', 'NEAR(', 'NEAR(care home', '*', '-', '--', '🙂', '🙂 care',
        'title:care', '{title}: care', '(care', 'care)', '^care', '"" ""', "'", '\\', 'a"b"c', 'NOT care',
        'care*  *', '+care', 'c++', 'x'.repeat(5000), '\u0000', 'café', 'ƒøø', '日本語', '"care', 'care"',
      ];
      for (const q of nasty) {
        const r = await search({ q });
        expect(r.total, q).toBeGreaterThanOrEqual(0);
      }
      // An unbalanced quote runs to the end of the query.
      expect(ids(await search({ q: '"personal care' }))).toEqual([1]);
      // Operators typed by a user are plain words.
      expect(ids(await search({ q: 'NEAR(care' }))).toEqual([]);
    });

    it('refuses a query too costly to run with a 422 naming q, and answers the next one', async () => {
      for (const q of ['a* '.repeat(32), 'ca*', 'car* hom* tea* sup*', Array.from({ length: 17 }, (_, i) => `w${i}`).join(' ')]) {
        const refused = await search({ q }).then(
          () => null,
          (error: unknown) => error as { status?: number; errors?: { path: string }[] },
        );
        expect(refused?.status, q).toBe(422);
        expect(refused?.errors?.map((e) => e.path), q).toEqual(['q']);
      }
      // One prefix term, last: the form both engines read as a prefix
      // (Meilisearch treats only the final word of a query as a prefix).
      expect(sorted(ids(await search({ q: 'team hom*' })))).toEqual([1, 2]);
    });
  });

  describe(`search engine contract (writes): ${name}`, () => {
    it('keeps answering during a rebuild and keeps writes made meanwhile', async () => {
      const { engine, cleanup } = await makeEngine();
      try {
        await engine.upsert(CONTRACT_DOCS.slice(0, 5));
        const during: number[][] = [];
        async function* batches() {
          yield CONTRACT_DOCS.slice(0, 2);
          // Mid-rebuild: searches answer from the old index; a write arrives (the drainer).
          during.push(ids(await engine.search({ q: 'forklift' })));
          await engine.upsert([CONTRACT_DOCS[6]!]);
          yield CONTRACT_DOCS.slice(2, 4);
        }
        await engine.rebuild(batches());
        expect(during).toEqual([[4, 3]]);
        expect(sorted(ids(await engine.search({})))).toEqual([1, 2, 3, 4, 7]);
        // The swapped-in index answers every path, the quick newest-nearby one included.
        const newestNear: SearchQuery = { near: { ...LEEDS, radiusKm: 400 }, sort: 'date' };
        const exact = ids(await engine.search(newestNear));
        expect(exact.length).toBeGreaterThan(0);
        expect(ids(await engine.search({ ...newestNear, exactTotal: false }))).toEqual(exact);
      } finally {
        await cleanup();
      }
    });

    it('with exactTotal false, gathers the same newest hits (radius, clusters, filters) and a total that is a lower bound', async () => {
      const { engine, cleanup } = await makeEngine();
      try {
        const rng = createRandom(29);
        const docs = Array.from({ length: 600 }, (_, k) => {
          const id = k + 1;
          // Scattered around Leeds (some outside 15 km), several dates per day, every fifth a duplicate of an earlier one.
          return searchDocument(id, {
            title: k % 2 ? 'Warehouse Operative' : 'Care Assistant',
            description: 'Picking, packing and caring.',
            places: [{ lat: LEEDS.lat + (rng() - 0.5) * 0.6, lon: LEEDS.lon + (rng() - 0.5) * 0.9 }],
            sector: k % 3 ? 'H' : 'Q',
            occupationCode: ['9252', '6135', '8211'][k % 3]!,
            salaryAnnualMin: k % 4 ? 18_000 + (k % 7) * 1_000 : null,
            salaryAnnualMax: k % 4 ? 18_000 + (k % 7) * 1_000 : null,
            datePosted: CONTRACT_NOW - Math.floor(rng() * 40) * DAY,
            clusterId: id % 5 === 0 ? id - 3 : id,
          });
        });
        await engine.upsert(docs);
        const queries: SearchQuery[] = [
          { near: { ...LEEDS, radiusKm: 15 }, sort: 'date' },
          { near: { ...LEEDS, radiusKm: 15 }, sort: 'date', filters: { sector: ['Q'] } },
          { near: { ...LEEDS, radiusKm: 40 }, sort: 'date', collapseClusters: false },
          { near: { ...LEEDS, radiusKm: 15 }, sort: 'date', filters: { occupationCode: ['9252', '6135'] } },
          { near: { ...LEEDS, radiusKm: 15 }, sort: 'date', filters: { occupationCode: [] } },
          { near: { ...LEEDS, radiusKm: 25 }, sort: 'date', filters: { occupationCode: ['8211'], salaryMin: 21_000 } },
          { q: 'warehouse', near: { ...LEEDS, radiusKm: 15 }, sort: 'date' },
          { sort: 'date' },
        ];
        for (const q of queries) {
          for (const pageSize of [5, 120, 1000]) {
            const exact = await engine.search({ ...q, pageSize, highlight: false });
            const quick = await engine.search({ ...q, pageSize, highlight: false, exactTotal: false });
            expect(ids(quick), JSON.stringify({ q, pageSize })).toEqual(ids(exact));
            expect(quick.hits.map((h) => h.distanceKm)).toEqual(exact.hits.map((h) => h.distanceKm));
            expect(quick.total).toBeGreaterThanOrEqual(quick.hits.length);
            expect(quick.total).toBeLessThanOrEqual(exact.total);
          }
        }
        // The radius and the clusters really cut the set (so the comparison above means something).
        const all = await engine.search({ sort: 'date', pageSize: 1000, highlight: false, collapseClusters: false });
        const near = await engine.search({ near: { ...LEEDS, radiusKm: 15 }, sort: 'date', pageSize: 1000, highlight: false });
        expect(all.total).toBe(600);
        expect(near.total).toBeGreaterThan(50);
        expect(near.total).toBeLessThan(400);
      } finally {
        await cleanup();
      }
    });

    it('orders equally relevant vacancies newest first, then by the lower id', async () => {
      const { engine, cleanup } = await makeEngine();
      try {
        // Same text, so the text ranking cannot tell them apart: the date decides, then the id.
        const twin = (id: number, daysAgo: number) =>
          searchDocument(id, { title: 'Kitchen Porter', description: 'Wash up and keep the kitchen clean.', datePosted: CONTRACT_NOW - daysAgo * DAY });
        await engine.upsert([twin(31, 5), twin(32, 1), twin(33, 9), twin(34, 1), twin(35, 3)]);
        expect(ids(await engine.search({ q: 'kitchen porter' }))).toEqual([32, 34, 35, 31, 33]);
      } finally {
        await cleanup();
      }
    });

    it('does not stretch a short word into its neighbours (carer is not care or career, clean* is not clear)', async () => {
      const { engine, cleanup } = await makeEngine();
      try {
        await engine.upsert([
          searchDocument(41, { title: 'Senior Carer', description: 'Support our residents.' }),
          searchDocument(42, { title: 'Care Assistant', description: 'Personal care in a residential home.' }),
          searchDocument(43, { title: 'Careers Adviser', description: 'Career guidance with clear progression.' }),
          searchDocument(44, { title: 'Office Cleaner', description: 'Cleaning offices in the evening.' }),
        ]);
        expect(ids(await engine.search({ q: 'carer' }))).toEqual([41]);
        expect(ids(await engine.search({ q: 'clean*' }))).toEqual([44]);
      } finally {
        await cleanup();
      }
    });

    it('upsert is idempotent and replaces a document', async () => {
      const { engine, cleanup } = await makeEngine();
      try {
        await engine.upsert(CONTRACT_DOCS.slice(0, 3));
        await engine.upsert(CONTRACT_DOCS.slice(0, 3));
        expect(await engine.count()).toBe(3);
        await engine.upsert([{ ...CONTRACT_DOCS[0]!, title: 'Cook', description: 'Breakfasts.', sector: 'I' }]);
        expect(await engine.count()).toBe(3);
        expect(ids(await engine.search({ q: 'cook' }))).toEqual([1]);
        expect(ids(await engine.search({ q: 'medication' }))).toEqual([]);
        expect(ids(await engine.search({ filters: { sector: ['I'] } }))).toEqual([1]);
        expect(sorted(ids(await engine.search({ filters: { sector: ['Q'] } })))).toEqual([2]);
      } finally {
        await cleanup();
      }
    });

    it('removes documents (missing ids are fine)', async () => {
      const { engine, cleanup } = await makeEngine();
      try {
        await engine.upsert(CONTRACT_DOCS);
        await engine.remove([1, 6, 12345]);
        expect(await engine.count()).toBe(7);
        expect(ids(await engine.search({ q: 'medication' }))).toEqual([]);
        expect(ids(await engine.search({ near: { ...LEEDS, radiusKm: 10 }, sort: 'distance' }))).toEqual([8, 2]);
      } finally {
        await cleanup();
      }
    });

    it('rebuild replaces the whole index', async () => {
      const { engine, cleanup } = await makeEngine();
      try {
        await engine.upsert(CONTRACT_DOCS);
        expect(ids(await engine.search({ q: 'forklift' }))).toEqual([4, 3]);
        async function* batches() {
          yield CONTRACT_DOCS.slice(3, 5);
          yield CONTRACT_DOCS.slice(6, 7);
        }
        await engine.rebuild(batches());
        expect(await engine.count()).toBe(3);
        expect(sorted(ids(await engine.search({})))).toEqual([4, 5, 7]);
        expect(ids(await engine.search({ q: 'forklift' }))).toEqual([4]);
        await engine.upsert(CONTRACT_DOCS.slice(0, 1));
        expect(await engine.count()).toBe(4);
      } finally {
        await cleanup();
      }
    });
  });
}
