import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { BUNDLED_TAXONOMY, ensureBundledTaxonomy, type BundledTaxonomyData } from '../../src/taxonomy/bundled-import.ts';
import { createTaxonomyVersion, createTaxonomyWriter, finishTaxonomyVersion, listTaxonomyVersions, loadTaxonomy } from '../../src/taxonomy/store.ts';

const NOW = Date.UTC(2026, 0, 1);

const small: BundledTaxonomyData = {
  groups: [
    { id: 'fpg:care', label: 'Care', parent: null },
    { id: 'fpg:personal-care', label: 'Personal care', parent: 'fpg:care' },
  ],
  skills: [
    { id: 'fp:personal-care', label: 'Personal care', alt: ['washing and dressing'], type: 'sector-specific', group: 'fpg:personal-care' },
    { id: 'fp:manual-handling', label: 'Manual handling', alt: ['moving and handling'], type: 'cross-sector', group: 'fpg:care' },
  ],
  occupations: [
    {
      soc: '6135',
      title: 'Care workers and home carers',
      alt: ['care assistant', 'home carer'],
      description: 'Help people with daily living.',
      skillLevel: 1,
      pay: 23000,
      sector: 'Q',
      essential: ['fp:personal-care'],
      optional: ['fp:manual-handling'],
    },
  ],
};

describe('taxonomy store', () => {
  it('loadTaxonomy returns what a writer stored (round trip)', () => {
    const db = openDb(':memory:');
    const v = createTaxonomyVersion(db, 'esco', 'test', NOW);
    const w = createTaxonomyWriter(db, v);
    db.$client.transaction(() => {
      w.group({ id: 'g:1', label: 'Group', parentId: null });
      w.skill({ id: 'esco:s1', label: 'drive lorries', altLabels: ['drive trucks', 'HGV'], type: 'sector-specific', groupId: 'g:1', description: 'd' });
      w.skill({ id: 'esco:s2', label: 'first aid', altLabels: [], type: 'cross-sector', groupId: null, description: null });
      w.occupation({ id: 'esco:o1', scheme: 'esco', code: '8332.1', title: 'lorry driver', altTitles: ['HGV driver'], description: null, skillLevel: 2, typicalPayAnnual: 32000, sector: 'H', iscoGroup: '8332' });
      w.relation({ occupationId: 'esco:o1', skillId: 'esco:s1', relation: 'essential', weight: 1 });
      w.relation({ occupationId: 'esco:o1', skillId: 'esco:s2', relation: 'optional', weight: 0.5 });
      // dangling: dropped on load, never an error
      w.relation({ occupationId: 'esco:o1', skillId: 'esco:missing', relation: 'optional', weight: 0.5 });
    })();
    finishTaxonomyVersion(db, v, { skills: 2 });
    const t = loadTaxonomy(db);
    expect(t.versionId).toBe(v);
    expect(t.occupations.get('esco:o1')).toEqual({
      id: 'esco:o1', scheme: 'esco', code: '8332.1', title: 'lorry driver', altTitles: ['HGV driver'],
      description: null, skillLevel: 2, typicalPayAnnual: 32000, sector: 'H', iscoGroup: '8332',
    });
    expect(t.skills.get('esco:s1')).toEqual({
      id: 'esco:s1', label: 'drive lorries', altLabels: ['drive trucks', 'HGV'], type: 'sector-specific', groupId: 'g:1', description: 'd',
    });
    expect(t.skillsOf('esco:o1').map((r) => r.skillId).sort()).toEqual(['esco:s1', 'esco:s2']);
    expect(t.findOccupation('8332.1', 'esco')?.id).toBe('esco:o1');
    // SIC sections are there even before anything seeded the table
    expect(t.sectors.get('Q')?.title).toBe('Human health and social work activities');
    expect(listTaxonomyVersions(db)[0]!.counts).toEqual({ skills: 2 });
  });

  it('ensureBundledTaxonomy loads once, then is a no-op; changed data loads again', () => {
    const db = openDb(':memory:');
    const first = ensureBundledTaxonomy(db, NOW, small);
    expect(first).toMatchObject({ loaded: true, counts: { occupations: 1, skills: 2, relations: 2, groups: 2, sectors: 21 } });
    const second = ensureBundledTaxonomy(db, NOW + 1, small);
    expect(second).toEqual({ loaded: false, versionId: first.versionId, counts: first.counts });
    expect(listTaxonomyVersions(db)).toHaveLength(1);
    const t = loadTaxonomy(db);
    expect(t.occupations.get('soc:6135')).toMatchObject({ scheme: 'soc', code: '6135', skillLevel: 1, typicalPayAnnual: 23000, sector: 'Q' });
    expect(t.skillsOf('soc:6135').map((r) => [r.skillId, r.relation])).toEqual(
      expect.arrayContaining([['fp:personal-care', 'essential'], ['fp:manual-handling', 'optional']]),
    );
    expect(t.groups.get('fpg:personal-care')?.parentId).toBe('fpg:care');

    // An edit that drops a relation is applied, and the stale relation goes.
    const edited: BundledTaxonomyData = { ...small, occupations: [{ ...small.occupations[0]!, optional: [] }] };
    expect(ensureBundledTaxonomy(db, NOW + 2, edited).loaded).toBe(true);
    expect(loadTaxonomy(db).skillsOf('soc:6135').map((r) => r.skillId)).toEqual(['fp:personal-care']);
  });

  it('loads the real bundled UK taxonomy with no dangling references', () => {
    const db = openDb(':memory:');
    const r = ensureBundledTaxonomy(db, NOW);
    expect(r.loaded).toBe(true);
    const t = loadTaxonomy(db);
    expect(t.occupations.size).toBe(BUNDLED_TAXONOMY.occupations.length);
    expect(t.skills.size).toBe(BUNDLED_TAXONOMY.skills.length);
    const storedRelations = Number(db.$client.prepare('SELECT count(*) FROM occupation_skills').pluck().get());
    const usable = [...t.occupations.keys()].reduce((n, id) => n + t.skillsOf(id).length, 0);
    expect(usable).toBe(storedRelations);
    expect(ensureBundledTaxonomy(db, NOW).loaded).toBe(false);
  });
});
