import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db.ts';
import { importEsco } from '../../src/taxonomy/importers/esco.ts';
import { importOnet } from '../../src/taxonomy/importers/onet.ts';
import { importSocIndex, uninvertTitle } from '../../src/taxonomy/importers/soc-index.ts';
import { countTaxonomy, listTaxonomyVersions, loadSocIndex, loadTaxonomy } from '../../src/taxonomy/store.ts';

const fixture = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));
const NOW = Date.UTC(2026, 0, 1);
const occ = (n: number) => `esco:aaaa0001-0000-4000-8000-00000000000${n}`;
const skill = (n: number) => `esco:bbbb0001-0000-4000-8000-00000000000${n}`;

let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
});

describe('ESCO importer', () => {
  it('imports occupations, skills, groups, ISCO groups and relations from the official CSV shapes', async () => {
    const r = await importEsco(db, fixture('esco'), { now: NOW });
    expect(r.counts).toMatchObject({ occupations: 3, skills: 5, relations: 6, iscoGroups: 3, skipped: 1 });
    const t = loadTaxonomy(db);
    const carer = t.occupations.get(occ(1))!;
    expect(carer.title).toBe('home care aide');
    // multi-line quoted altLabels, the preferred label itself left out
    expect(carer.altTitles).toEqual(['home carer', 'domiciliary care worker']);
    expect(carer.description).toContain('"personal care"');
    expect(carer.description).toContain('\n');
    expect(carer.code).toBe('5322.1');
    // ISCO 5322 → skill level 2, health and social work
    expect(carer.skillLevel).toBe(2);
    expect(carer.sector).toBe('Q');
    expect(t.occupations.get(occ(2))!.sector).toBe('H');
    expect(t.skills.get(skill(3))!.type).toBe('knowledge');
    expect(t.skills.get(skill(1))!.type).toBe('cross-sector');
    expect(t.skills.get(skill(5))!.type).toBe('transversal');
    expect(t.skills.get(skill(2))!.altLabels).toEqual(['drive lorries', 'drive trucks', 'HGV']);
  });

  it('places skills in the hierarchy, through a broader skill when needed', async () => {
    await importEsco(db, fixture('esco'), { now: NOW });
    const t = loadTaxonomy(db);
    expect(t.skills.get(skill(1))!.groupId).toBe('escog:cccc0001-0000-4000-8000-000000000002');
    // skill 4's broader concept is skill 1, so it lands in skill 1's group
    expect(t.skills.get(skill(4))!.groupId).toBe('escog:cccc0001-0000-4000-8000-000000000002');
    const group = t.groups.get('escog:cccc0001-0000-4000-8000-000000000002')!;
    expect(group.parentId).toBe('escog:cccc0001-0000-4000-8000-000000000001');
    // a group only the hierarchy file names still gets its label and parent
    expect(t.groups.get('escog:cccc0001-0000-4000-8000-000000000009')).toMatchObject({
      label: 'driving vehicles',
      parentId: 'escog:cccc0001-0000-4000-8000-000000000000',
    });
    expect(t.groups.get('escog:isced-f/07')!.label).toBe('engineering, manufacturing and construction');
  });

  it('keeps essential and optional relations with their weights', async () => {
    await importEsco(db, fixture('esco'), { now: NOW });
    const t = loadTaxonomy(db);
    const rels = t.skillsOf(occ(1));
    expect(rels.map((r) => [r.skillId, r.relation, r.weight]).sort()).toEqual(
      [
        [skill(1), 'essential', 1],
        [skill(3), 'optional', 0.5],
        [skill(5), 'essential', 1],
      ].sort(),
    );
    expect([...t.occupationsWithSkill(skill(3))].sort()).toEqual([occ(1), occ(2)].sort());
  });

  it('is re-runnable: a second import upserts by id and creates a new version', async () => {
    await importEsco(db, fixture('esco'), { now: NOW });
    const before = countTaxonomy(db);
    const r2 = await importEsco(db, fixture('esco'), { now: NOW + 1000 });
    expect(countTaxonomy(db)).toEqual(before);
    const versions = listTaxonomyVersions(db);
    expect(versions.map((v) => v.source)).toEqual(['esco', 'esco']);
    expect(versions[1]!.id).toBe(r2.versionId);
    expect(versions[1]!.counts.occupations).toBe(3);
    expect(loadTaxonomy(db).versionId).toBe(r2.versionId);
  });

  it('rejects a directory that is not an ESCO release, writing nothing', async () => {
    await expect(importEsco(db, fixture('onet'), { now: NOW })).rejects.toThrow(/ESCO/);
    expect(listTaxonomyVersions(db)).toEqual([]);
  });
});

describe('O*NET importer', () => {
  it('pairs IM and LV rows, applies the importance thresholds and skips suppressed rows', async () => {
    const r = await importOnet(db, fixture('onet'), { now: NOW });
    expect(r.counts.occupations).toBe(2);
    const t = loadTaxonomy(db);
    const driver = t.skillsOf('onet:53-3032.00');
    const byId = new Map(driver.map((x) => [x.skillId, x]));
    // IM 3.88 ≥ 3.5 → essential, weight (3.88 − 1) / 4
    expect(byId.get('onet:2.B.2.i')).toMatchObject({ relation: 'essential' });
    expect(byId.get('onet:2.B.2.i')!.weight).toBeCloseTo(0.72, 2);
    // IM 3.0 → optional; IM 1.75 → no relation
    expect(byId.get('onet:2.A.1.b')!.relation).toBe('optional');
    expect(byId.has('onet:2.A.1.e')).toBe(false);
    // knowledge from the .tsv variant (extra Title / Scale Name columns)
    expect(byId.get('onet:2.C.10')!.relation).toBe('essential');
    // the carer's Operation and Control rows are flagged "Recommend Suppress"
    expect(t.skillsOf('onet:31-1122.00').some((x) => x.skillId === 'onet:2.B.2.i')).toBe(false);
    const level = db.$client
      .prepare("SELECT importance, level FROM occupation_skills WHERE occupation_id = 'onet:53-3032.00' AND skill_id = 'onet:2.B.2.i'")
      .get() as { importance: number; level: number };
    expect(level).toEqual({ importance: 3.88, level: 3.5 });
  });

  it('imports titles, job zones, skill types, groups and hot technologies', async () => {
    await importOnet(db, fixture('onet'), { now: NOW });
    const t = loadTaxonomy(db);
    const driver = t.occupations.get('onet:53-3032.00')!;
    expect(driver.skillLevel).toBe(2);
    expect(driver.sector).toBe('H');
    expect(driver.altTitles).toEqual(
      expect.arrayContaining(['Long Haul Truck Driver', 'Tractor Trailer Operator', 'TT Operator', 'Over the Road Driver (OTR Driver)']),
    );
    expect(t.occupations.get('onet:31-1122.00')!.description).toContain('"help"');
    expect(t.skills.get('onet:2.C.10')!.type).toBe('knowledge');
    expect(t.skills.get('onet:2.A.1.b')).toMatchObject({ type: 'transversal', groupId: 'onetg:2.A.1', label: 'Active Listening' });
    expect(t.groups.get('onetg:2.A.1')).toMatchObject({ label: 'Content', parentId: 'onetg:2.A' });
    // only hot technologies become skills
    expect(t.skills.get('onet:tech:microsoft-excel')!.label).toBe('Microsoft Excel');
    expect([...t.skills.keys()].some((id) => id.includes('route-navigation'))).toBe(false);
    expect([...t.occupationsWithSkill("onet:tech:microsoft-excel")].sort()).toEqual(['onet:31-1122.00', 'onet:53-3032.00']);
  });

  it('keeps every rated element with importance and level, and the DWAs weighted by their tasks, as ratings', async () => {
    await importOnet(db, fixture('onet'), { now: NOW });
    let t = loadTaxonomy(db);
    const driver = new Map(t.ratingsOf!('onet:53-3032.00').map((r) => [r.elementId, r]));
    // Mathematics (IM 1.75) makes no relation, but its rating is kept
    expect(driver.get('onet:2.A.1.e')).toEqual({ occupationId: 'onet:53-3032.00', elementId: 'onet:2.A.1.e', domain: 'skills', importance: 1.75, level: 1.12 });
    expect(driver.get('onet:2.C.10')).toMatchObject({ domain: 'knowledge', importance: 4.21, level: 4.6 });
    // suppressed rows stay out
    expect(t.ratingsOf!('onet:31-1122.00').some((r) => r.elementId === 'onet:2.B.2.i')).toBe(false);

    const r = await importOnet(db, fixture('onet-transitions'), { now: NOW });
    t = loadTaxonomy(db);
    expect(r.counts.ratings).toBe(7 * 12);
    const carer = t.ratingsOf!('onet:31-1121.00');
    const dwa = (id: string) => carer.find((x) => x.elementId === `onet:${id}`);
    // two core tasks perform "Assist patients with daily activities", one supplemental task "Clean patient rooms"
    expect(dwa('4.A.4.a.5.I02.D01')).toMatchObject({ domain: 'activities', importance: 2, level: null });
    expect(dwa('4.A.4.a.5.I02.D03')).toMatchObject({ domain: 'activities', importance: 0.5 });
    expect(carer.filter((x) => x.domain === 'activities')).toHaveLength(4);
    // a level O*NET marks not relevant is level 0
    expect(t.ratingsOf!('onet:53-3032.00').find((x) => x.elementId === 'onet:2.A.1.e')).toMatchObject({ importance: 1.8, level: 0 });
    // re-importing replaces the O*NET ratings rather than keeping stale ones
    expect(t.ratingsOf!('onet:31-1122.00')).toHaveLength(0);
  });

  it('is re-runnable', async () => {
    await importOnet(db, fixture('onet'), { now: NOW });
    const before = countTaxonomy(db);
    await importOnet(db, fixture('onet'), { now: NOW });
    expect(countTaxonomy(db)).toEqual(before);
  });
});

describe('SOC coding index importer', () => {
  it('reads the TSV export: natural titles, qualifiers, skips cross-references, adds bare unit groups', async () => {
    const r = await importSocIndex(db, fixture('soc/coding-index.tsv'), { now: NOW });
    expect(r.counts).toMatchObject({ titles: 7, unitGroups: 5, occupationsAdded: 5, skipped: 1 });
    const entries = loadSocIndex(db);
    expect(entries.find((e) => e.industry === 'fish and chip shop')).toMatchObject({ title: 'Manager', socCode: '1222', iscoCode: '1412' });
    // no natural-order column value: derived from the inverted title
    expect(entries.find((e) => e.title === 'Office cleaner')?.socCode).toBe('9223');
    const t = loadTaxonomy(db);
    expect(t.occupations.get('soc:8211')).toMatchObject({ title: 'Heavy and large goods vehicle drivers', skillLevel: 2 });
  });

  it('reads a quoted CSV export and replaces the previous index on re-import', async () => {
    await importSocIndex(db, fixture('soc/coding-index.tsv'), { now: NOW });
    const r = await importSocIndex(db, fixture('soc/coding-index.csv'), { now: NOW });
    expect(r.counts.titles).toBe(3);
    const entries = loadSocIndex(db);
    expect(entries.map((e) => e.title).sort()).toEqual(['Order picker', 'Strategic development manager', 'Warehouse operative']);
    expect(entries.find((e) => e.title === 'Order picker')!.industry).toBe('warehousing, distribution');
  });

  it('un-inverts indexed titles', () => {
    expect(uninvertTitle('Manager, development, strategic')).toBe('Strategic development manager');
    expect(uninvertTitle('Specialist registrar in psychiatry')).toBe('Specialist registrar in psychiatry');
  });
});
