import { describe, expect, it } from 'vitest';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import { SKILL_TYPES } from '../../src/taxonomy/model.ts';
import {
  BRIDGING_COURSES,
  BUNDLED_OCCUPATIONS,
  BUNDLED_SECTORS,
  BUNDLED_SKILL_GROUPS,
  BUNDLED_SKILLS,
  BUNDLED_TAXONOMY_VERSION,
} from '../../src/taxonomy/bundled/index.ts';

const skillById = new Map(BUNDLED_SKILLS.map((s) => [s.id, s]));
const groupById = new Map(BUNDLED_SKILL_GROUPS.map((g) => [g.id, g]));
const sectorCodes = new Set(BUNDLED_SECTORS.map((s) => s.code));
const occ = (soc: string) => {
  const o = BUNDLED_OCCUPATIONS.find((x) => x.soc === soc);
  if (!o) throw new Error(`no bundled occupation ${soc}`);
  return o;
};

/**
 * Licence-type skills that no short course can give: checks done on a person
 * (DBS, BS 7858 vetting, government clearance) and registrations that need a
 * degree or long apprenticeship (NMC, HCPC, QTS, ECS card after an NVQ 3 and
 * AM2). Kept short on purpose; the test below fails if one of these becomes
 * reachable (then it should leave the list) or stops being a licence.
 */
const LICENCES_WITHOUT_COURSE = new Set([
  'fp:dbs-enhanced',
  'fp:bs7858-vetting',
  'fp:security-clearance',
  'fp:nmc-registration',
  'fp:hcpc-registration',
  'fp:qts',
  'fp:ecs-card',
]);

/** Alt labels this generic would make the skill spotter fire on almost any advert. */
const TOO_GENERIC = new Set([
  'work', 'team', 'skills', 'experience', 'staff', 'customer', 'customers', 'job', 'role', 'people',
  'good', 'support', 'service', 'duties', 'training', 'management', 'care', 'driving', 'sales', 'admin duties',
]);

describe('bundled taxonomy: counts and identity', () => {
  it('meets the minimum sizes the product needs', () => {
    expect(BUNDLED_OCCUPATIONS.length).toBeGreaterThanOrEqual(150);
    expect(BUNDLED_SKILLS.length).toBeGreaterThanOrEqual(400);
    expect(BUNDLED_SKILL_GROUPS.length).toBeGreaterThanOrEqual(40);
    expect(BRIDGING_COURSES.length).toBeGreaterThanOrEqual(25);
    expect(BUNDLED_TAXONOMY_VERSION).toMatch(/\S/);
  });

  it('has the 21 SIC 2007 sections A to U, once each', () => {
    expect(BUNDLED_SECTORS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    for (const s of BUNDLED_SECTORS) expect(s.title.length).toBeGreaterThan(5);
  });

  it('has unique ids and codes everywhere', () => {
    const unique = (xs: string[]) => new Set(xs).size === xs.length;
    expect(unique(BUNDLED_SKILLS.map((s) => s.id))).toBe(true);
    expect(unique(BUNDLED_SKILL_GROUPS.map((g) => g.id))).toBe(true);
    expect(unique(BUNDLED_OCCUPATIONS.map((o) => o.soc))).toBe(true);
    expect(unique(BRIDGING_COURSES.map((c) => c.id))).toBe(true);
  });
});

describe('bundled taxonomy: skill groups', () => {
  it('forms a hierarchy at most two levels deep with existing parents', () => {
    for (const g of BUNDLED_SKILL_GROUPS) {
      expect(g.id).toMatch(/^fpg:[a-z0-9-]+$/);
      if (g.parent === null) continue;
      const parent = groupById.get(g.parent);
      expect(parent, `${g.id} parent ${g.parent}`).toBeDefined();
      expect(parent?.parent, `${g.id} is nested deeper than two levels`).toBeNull();
    }
  });

  it('leaves no group empty', () => {
    const used = new Set(BUNDLED_SKILLS.map((s) => s.group));
    const parents = new Set(BUNDLED_SKILL_GROUPS.map((g) => g.parent).filter((p): p is string => p !== null));
    for (const g of BUNDLED_SKILL_GROUPS) expect(used.has(g.id) || parents.has(g.id), `${g.id} is empty`).toBe(true);
  });
});

describe('bundled taxonomy: skills', () => {
  it('has well-formed ids, a known type and an existing group', () => {
    for (const s of BUNDLED_SKILLS) {
      expect(s.id).toMatch(/^fp:[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(SKILL_TYPES).toContain(s.type);
      expect(groupById.has(s.group), `${s.id} group ${s.group}`).toBe(true);
      expect(s.label.trim()).toBe(s.label);
      expect(s.label.length).toBeGreaterThan(1);
    }
  });

  it('uses every skill type', () => {
    const types = new Set(BUNDLED_SKILLS.map((s) => s.type));
    for (const t of SKILL_TYPES) expect(types.has(t), t).toBe(true);
  });

  it('gives every skill alt labels, unique per skill and distinct from the label', () => {
    for (const s of BUNDLED_SKILLS) {
      expect(s.alt.length, `${s.id} has no alt labels`).toBeGreaterThan(0);
      const lower = s.alt.map((a) => a.toLowerCase());
      expect(new Set(lower).size, `${s.id} repeats an alt label`).toBe(lower.length);
      expect(lower, `${s.id} repeats its label as an alt`).not.toContain(s.label.toLowerCase());
      for (const a of s.alt) {
        expect(a.trim(), `${s.id} alt "${a}" has stray spaces`).toBe(a);
        expect(a.length, `${s.id} alt "${a}" is too short`).toBeGreaterThanOrEqual(2);
        expect(TOO_GENERIC.has(a.toLowerCase()), `${s.id} alt "${a}" is too generic`).toBe(false);
      }
    }
  });

  it('never gives the same label or alt label to two skills', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const s of BUNDLED_SKILLS) {
      for (const text of [s.label, ...s.alt]) {
        const key = text.toLowerCase();
        const other = owner.get(key);
        if (other && other !== s.id) clashes.push(`"${key}": ${other} and ${s.id}`);
        owner.set(key, s.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('bundled taxonomy: occupations', () => {
  // SOC 2020 skill levels by major group; small proprietors in major group 1 sit at level 3.
  const LEVELS_BY_MAJOR: Record<string, number[]> = {
    '1': [3, 4], '2': [4], '3': [3], '4': [2], '5': [3], '6': [2], '7': [2], '8': [2], '9': [1],
  };

  it('has 4-digit SOC codes with a skill level consistent with the major group', () => {
    for (const o of BUNDLED_OCCUPATIONS) {
      expect(o.soc).toMatch(/^[1-9]\d{3}$/);
      expect(LEVELS_BY_MAJOR[o.soc[0] ?? '']).toContain(o.skillLevel);
    }
  });

  it('names an existing SIC section and a plausible rounded pay', () => {
    for (const o of BUNDLED_OCCUPATIONS) {
      expect(sectorCodes.has(o.sector), `${o.soc} sector ${o.sector}`).toBe(true);
      expect(o.pay).toBeGreaterThanOrEqual(15000);
      expect(o.pay).toBeLessThanOrEqual(120000);
      expect(o.pay % 500, `${o.soc} pay should be rounded`).toBe(0);
    }
  });

  it('has a title, job-title alts unique across occupations, and a short description', () => {
    const owner = new Map<string, string>();
    for (const o of BUNDLED_OCCUPATIONS) {
      expect(o.title.length).toBeGreaterThan(3);
      expect(o.alt.length, `${o.soc} has no job titles`).toBeGreaterThanOrEqual(1);
      for (const a of [o.title, ...o.alt]) {
        const key = a.toLowerCase();
        const other = owner.get(key);
        expect(other === undefined || other === o.soc, `"${key}" used by ${other} and ${o.soc}`).toBe(true);
        owner.set(key, o.soc);
      }
      expect(o.description.length).toBeGreaterThan(20);
      const sentences = o.description.split(/[.!?](\s|$)/).filter((p) => p.trim().length > 0);
      expect(sentences.length, `${o.soc} description should be one or two sentences`).toBeLessThanOrEqual(2);
    }
  });

  it('relates 5–12 essential and 3–10 optional skills, all existing, none both', () => {
    for (const o of BUNDLED_OCCUPATIONS) {
      expect(o.essential.length, `${o.soc} essential`).toBeGreaterThanOrEqual(5);
      expect(o.essential.length, `${o.soc} essential`).toBeLessThanOrEqual(12);
      expect(o.optional.length, `${o.soc} optional`).toBeGreaterThanOrEqual(3);
      expect(o.optional.length, `${o.soc} optional`).toBeLessThanOrEqual(10);
      const all = [...o.essential, ...o.optional];
      expect(new Set(all).size, `${o.soc} lists a skill twice`).toBe(all.length);
      for (const id of all) expect(skillById.has(id), `${o.soc} refers to unknown ${id}`).toBe(true);
    }
  });

  it('covers the sectors entry- and mid-level jobseekers move between', () => {
    const sectors = new Set(BUNDLED_OCCUPATIONS.map((o) => o.sector));
    for (const s of ['A', 'C', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'N', 'O', 'P', 'Q', 'R', 'S']) {
      expect(sectors.has(s), `no occupation in section ${s}`).toBe(true);
    }
    for (const soc of ['6135', '6136', '6131', '8211', '8214', '9252', '8222', '7111', '7112', '9241', '5434', '9263', '9264', '9265',
      '7211', '7219', '5313', '5316', '5241', '5315', '9129', '4159', '4216', '9223', '9231', '6112', '6113', '6114', '3131', '3132', '2237', '2255']) {
      expect(() => occ(soc)).not.toThrow();
    }
  });

  it('makes related occupations share transferable skills, and keeps their differences', () => {
    const shared = (a: string, b: string, rel: 'essential' | 'all' = 'all') => {
      const pick = (soc: string) => (rel === 'essential' ? occ(soc).essential : [...occ(soc).essential, ...occ(soc).optional]);
      const bs = new Set(pick(b));
      return pick(a).filter((s) => bs.has(s));
    };
    // Care worker and healthcare assistant: personal care, safeguarding, records.
    expect(shared('6135', '6131', 'essential')).toEqual(expect.arrayContaining(['fp:personal-care', 'fp:safeguarding-adults', 'fp:care-records']));
    // Van driver and HGV driver: route planning and vehicle checks; only the HGV driver needs category C.
    expect(shared('8214', '8211', 'essential')).toEqual(expect.arrayContaining(['fp:route-planning', 'fp:vehicle-checks']));
    expect(occ('8211').essential).toContain('fp:licence-c');
    expect([...occ('8214').essential, ...occ('8214').optional]).not.toContain('fp:licence-c');
    // Retail assistant and call-centre agent: customer service and complaints handling.
    expect(shared('7111', '7211')).toEqual(expect.arrayContaining(['fp:customer-service', 'fp:complaints-handling']));
    // Security officer needs the SIA licence; the door supervisor licence is a plus.
    expect(occ('9231').essential).toContain('fp:sia-security-guard');
  });
});

describe('bundled taxonomy: bridging courses', () => {
  it('gives existing skills, with sane durations and costs', () => {
    for (const c of BRIDGING_COURSES) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.skills.length, `${c.id} gives no skills`).toBeGreaterThan(0);
      for (const id of c.skills) expect(skillById.has(id), `${c.id} gives unknown ${id}`).toBe(true);
      expect(c.durationDays).toBeGreaterThan(0);
      expect(c.duration.length).toBeGreaterThan(2);
      if (c.typicalCostGbp !== null) expect(c.typicalCostGbp).toBeGreaterThanOrEqual(0);
      expect(c.provider.length).toBeGreaterThan(3);
      expect(c.notes.length).toBeGreaterThan(10);
    }
  });

  it('reaches every licence-type skill, apart from the documented exceptions', () => {
    const taught = new Set(BRIDGING_COURSES.flatMap((c) => c.skills));
    const unreached = BUNDLED_SKILLS.filter((s) => s.type === 'licence' && !taught.has(s.id)).map((s) => s.id);
    expect(unreached.sort()).toEqual([...LICENCES_WITHOUT_COURSE].sort());
    for (const id of LICENCES_WITHOUT_COURSE) expect(skillById.get(id)?.type).toBe('licence');
  });

  it('includes the routes employability programmes lean on', () => {
    const gives = (skill: string) => BRIDGING_COURSES.some((c) => c.skills.includes(skill));
    for (const s of ['fp:licence-c', 'fp:licence-ce', 'fp:driver-cpc', 'fp:forklift-counterbalance', 'fp:forklift-reach',
      'fp:sia-door-supervisor', 'fp:sia-security-guard', 'fp:cscs-card', 'fp:care-certificate', 'fp:food-hygiene-l2',
      'fp:emergency-first-aid', 'fp:customer-service-qualification', 'fp:essential-digital-skills', 'fp:ipaf', 'fp:pasma', 'fp:adr']) {
      expect(gives(s), s).toBe(true);
    }
  });
});

describe('bundled taxonomy: loads into the in-memory taxonomy', () => {
  it('builds, and weighs a rare licence above a ubiquitous skill', () => {
    const taxonomy = createTaxonomy({
      versionId: 1,
      occupations: BUNDLED_OCCUPATIONS.map((o) => ({
        id: `soc:${o.soc}`, scheme: 'soc' as const, code: o.soc, title: o.title, altTitles: o.alt, description: o.description,
        skillLevel: o.skillLevel, typicalPayAnnual: o.pay, sector: o.sector,
      })),
      skills: BUNDLED_SKILLS.map((s) => ({ id: s.id, label: s.label, altLabels: s.alt, type: s.type, groupId: s.group, description: null })),
      relations: BUNDLED_OCCUPATIONS.flatMap((o) => [
        ...o.essential.map((skillId) => ({ occupationId: `soc:${o.soc}`, skillId, relation: 'essential' as const, weight: 1 })),
        ...o.optional.map((skillId) => ({ occupationId: `soc:${o.soc}`, skillId, relation: 'optional' as const, weight: 0.5 })),
      ]),
      groups: BUNDLED_SKILL_GROUPS.map((g) => ({ id: g.id, label: g.label, parentId: g.parent })),
      sectors: [...BUNDLED_SECTORS],
    });
    expect(taxonomy.occupations.size).toBe(BUNDLED_OCCUPATIONS.length);
    expect(taxonomy.findOccupation('6135', 'soc')?.title).toBe('Care workers and home carers');
    expect(taxonomy.skillWeight('fp:licence-ce')).toBeGreaterThan(taxonomy.skillWeight('fp:customer-service'));
    expect(taxonomy.skillWeight('fp:licence-ce')).toBeGreaterThan(taxonomy.skillWeight('fp:health-safety-law'));
  });
});
