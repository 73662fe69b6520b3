import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import { buildCrosswalk, MIN_LINK_SHARE } from '../../src/taxonomy/crosswalk.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { importEsco } from '../../src/taxonomy/importers/esco.ts';
import { importSocIndex } from '../../src/taxonomy/importers/soc-index.ts';
import type { Occupation, Skill } from '../../src/taxonomy/model.ts';
import { equivalentSkills } from '../../src/taxonomy/skill-equivalents.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';

const NOW = Date.parse('2026-03-01T09:00:00Z');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'crosswalk');
const WAREHOUSE_WORKER = 'esco:cccc0001-0000-4000-8000-000000000001';
const FREIGHT_HANDLER = 'esco:cccc0001-0000-4000-8000-000000000002';
const TRUCK_DRIVER = 'esco:cccc0001-0000-4000-8000-000000000003';
const OFFICE_CLEANER = 'esco:cccc0001-0000-4000-8000-000000000004';

const occ = (id: string, scheme: Occupation['scheme'], code: string, iscoGroup: string | null = null) => ({ id, scheme, code, iscoGroup });

describe('buildCrosswalk', () => {
  const occupations = [
    occ('soc:9252', 'soc', '9252'),
    occ('soc:8214', 'soc', '8214'),
    occ('soc:9259', 'soc', '9259'),
    occ('esco:a', 'esco', '9333.1', '9333'),
    occ('esco:b', 'esco', '9333.2', '9333'),
    occ('onet:53-7062.00', 'onet', '53-7062.00'),
  ];

  it('links an ESCO occupation to SOC unit groups by their share of the ISCO group’s titles, modal first', () => {
    // Given in the "wrong" order: the modal one must still come first.
    const cw = buildCrosswalk({ occupations, socIsco: [
      { soc: '8214', isco: '9333', titles: 2 },
      { soc: '9252', isco: '9333', titles: 6 },
      { soc: '9259', isco: '9333', titles: 2 },
    ] });
    const links = cw.linksOf('esco:a');
    expect(links.map((l) => [l.occupationIds, l.share, l.modal])).toEqual([
      [['soc:9252'], 0.6, true],
      [['soc:8214'], 0.2, false],
      [['soc:9259'], 0.2, false],
    ]);
    expect(links.every((l) => l.isco === '9333' && l.scheme === 'soc')).toBe(true);
  });

  it('links a SOC unit group to every ESCO occupation of each ISCO group its titles are coded to', () => {
    const cw = buildCrosswalk({ occupations, socIsco: [
      { soc: '9252', isco: '4321', titles: 1 },
      { soc: '9252', isco: '9333', titles: 3 },
    ], iscoLabels: new Map([['9333', 'Freight handlers']]) });
    // ISCO 4321 has no ESCO occupation here: only the 9333 link remains, with its share of 9252's titles.
    expect(cw.linksOf('soc:9252')).toEqual([
      { isco: '9333', iscoLabel: 'Freight handlers', scheme: 'esco', occupationIds: ['esco:a', 'esco:b'], share: 0.75, modal: true },
    ]);
  });

  it('drops links resting on a sliver of the titles, keeping at least the modal one', () => {
    const cw = buildCrosswalk({ occupations, socIsco: [
      { soc: '9252', isco: '9333', titles: 99 },
      { soc: '8214', isco: '9333', titles: 1 },
    ] });
    expect(0.01).toBeLessThan(MIN_LINK_SHARE);
    expect(cw.linksOf('esco:a').map((l) => l.occupationIds[0])).toEqual(['soc:9252']);
  });

  it('has nothing for O*NET, nor without coding-index counts', () => {
    const cw = buildCrosswalk({ occupations, socIsco: [{ soc: '9252', isco: '9333', titles: 3 }] });
    expect(cw.linksOf('onet:53-7062.00')).toEqual([]);
    const none = buildCrosswalk({ occupations, socIsco: [] });
    expect(none.empty).toBe(true);
    expect(none.linksOf('esco:a')).toEqual([]);
  });
});

describe('the crosswalk derived from the imports', () => {
  it('reads ESCO’s ISCO groups and the coding index’s ISCO column from the store', async () => {
    const db = openDb(':memory:');
    ensureBundledTaxonomy(db, NOW);
    await importEsco(db, join(FIXTURES, 'esco'), { now: NOW });
    expect(loadTaxonomy(db).crosswalk.empty).toBe(true);
    await importSocIndex(db, join(FIXTURES, 'coding-index.tsv'), { now: NOW });
    const t = loadTaxonomy(db);

    const fromWorker = t.crosswalk.linksOf(WAREHOUSE_WORKER);
    expect(fromWorker.map((l) => [l.occupationIds[0], l.share, l.modal])).toEqual([
      ['soc:9252', 0.8, true],
      ['soc:8214', 0.2, false],
    ]);
    expect(fromWorker[0]!.iscoLabel).toBe('Freight handlers');
    expect(t.crosswalk.linksOf(TRUCK_DRIVER).map((l) => [l.occupationIds, l.share])).toEqual([[['soc:8211'], 1]]);
    // No coding-index title is coded ISCO 9112: the cleaner has no SOC link.
    expect(t.crosswalk.linksOf(OFFICE_CLEANER)).toEqual([]);

    const fromSoc = t.crosswalk.linksOf('soc:9252');
    expect(fromSoc).toHaveLength(1);
    expect(fromSoc[0]!.isco).toBe('9333');
    expect(fromSoc[0]!.share).toBeCloseTo(0.8, 10);
    expect([...fromSoc[0]!.occupationIds].sort()).toEqual([WAREHOUSE_WORKER, FREIGHT_HANDLER].sort());
  });
});

describe('equivalentSkills', () => {
  const skill = (id: string, label: string, altLabels: string[] = []): Skill => ({ id, label, altLabels, type: 'cross-sector', groupId: null, description: null });
  const taxonomy = createTaxonomy({
    versionId: 1,
    occupations: [],
    skills: [
      skill('fp:order-picking', 'Order picking'),
      skill('fp:forklift', 'Forklift driving'),
      skill('fp:cleaning', 'Cleaning'),
      skill('esco:pick', 'pick orders for dispatching', ['order picking']),
      skill('esco:forklift', 'operate forklift'),
      // Two ESCO skills go by "cleaning": which one is meant is unknown, so neither is linked.
      skill('esco:clean-a', 'clean rooms', ['cleaning']),
      skill('esco:clean-b', 'clean premises', ['cleaning']),
      // A preferred label the same as ours decides before alternative labels elsewhere.
      skill('fp:customer-service', 'Customer service', ['customer care']),
      skill('esco:customer-service', 'customer service'),
      skill('esco:care', 'assist customers', ['customer care']),
      // The bundled alternatives are advert phrasings, not synonyms.
      skill('fp:activity-leading', 'Leading group activities', ['outdoor activities']),
      skill('esco:outdoor', 'outdoor activities'),
    ],
    relations: [],
    groups: [],
    sectors: [],
  });

  it('links a skill to the one skill of another scheme with the same label or content words, both ways', () => {
    expect(equivalentSkills(taxonomy, 'fp:order-picking')).toEqual(['esco:pick']);
    expect(equivalentSkills(taxonomy, 'esco:pick')).toEqual(['fp:order-picking']);
    expect(equivalentSkills(taxonomy, 'fp:forklift')).toEqual(['esco:forklift']);
  });

  it('prefers the other scheme’s skill with the same preferred label', () => {
    expect(equivalentSkills(taxonomy, 'fp:customer-service')).toEqual(['esco:customer-service']);
  });

  it('links nothing when the label names several skills there, through a bundled advert phrasing, or within one scheme', () => {
    expect(equivalentSkills(taxonomy, 'fp:cleaning')).toEqual([]);
    expect(equivalentSkills(taxonomy, 'fp:activity-leading')).toEqual([]);
    expect(equivalentSkills(taxonomy, 'esco:outdoor')).toEqual([]);
    const one = createTaxonomy({ versionId: 1, occupations: [], skills: [skill('fp:a', 'Packing'), skill('fp:b', 'Packing', [])], relations: [], groups: [], sectors: [] });
    expect(equivalentSkills(one, 'fp:a')).toEqual([]);
  });
});
