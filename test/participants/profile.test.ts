import { describe, expect, it } from 'vitest';
import { checkRequirement, expandLicences, parseLicence } from '../../src/participants/licences.ts';
import { matchOccupationTitle, resolveTitle } from '../../src/participants/resolve-occupation.ts';
import { buildSkillProfile, durationWeight, recencyWeight } from '../../src/participants/skill-profile.ts';
import type { VacancyEnricher } from '../../src/vacancies/enricher.ts';
import { buildFixtureTaxonomy } from '../matching/fixture-taxonomy.ts';

const taxonomy = buildFixtureTaxonomy();
const empty = { history: [], skillsAdd: [], skillsRemove: [], licences: [] };

describe('skill profile', () => {
  it('weighs recent and long jobs above old and short ones', () => {
    const recentLong = buildSkillProfile(taxonomy, { ...empty, history: [{ occupationId: 'soc:9252', years: 6, endedYearsAgo: 0 }] });
    const oldShort = buildSkillProfile(taxonomy, { ...empty, history: [{ occupationId: 'soc:9252', years: 0.5, endedYearsAgo: 12 }] });
    const a = recentLong.skills.get('fp:picking-packing')?.strength ?? 0;
    const b = oldShort.skills.get('fp:picking-packing')?.strength ?? 0;
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(0);
    expect(durationWeight(0)).toBeCloseTo(0.3, 5);
    expect(durationWeight(2)).toBeGreaterThan(durationWeight(1));
    expect(recencyWeight(5)).toBeCloseTo(0.5, 5);
    expect(recencyWeight(40)).toBe(0.25);
  });

  it('weighs essential skills above optional ones', () => {
    const p = buildSkillProfile(taxonomy, { ...empty, history: [{ occupationId: 'soc:9252', years: 3, endedYearsAgo: 0 }] });
    expect(p.skills.get('fp:picking-packing')!.strength).toBeGreaterThan(p.skills.get('fp:forklift-op')!.strength);
  });

  it('infers recency from the order when not given, and reinforces a skill seen in several jobs', () => {
    const p = buildSkillProfile(taxonomy, {
      ...empty,
      history: [
        { occupationId: 'soc:7111', years: 2, endedYearsAgo: null },
        { occupationId: 'soc:9252', years: 3, endedYearsAgo: null },
      ],
    });
    expect(p.occupations.map((o) => o.endedYearsAgo)).toEqual([0, 2]);
    const comm = p.skills.get('fp:communication')!;
    expect(comm.sources).toHaveLength(2);
    expect(comm.strength).toBeGreaterThan(p.skills.get('fp:cash-handling')!.strength);
  });

  it('lets the coach win: removals drop history skills, additions are full strength', () => {
    const p = buildSkillProfile(taxonomy, {
      history: [{ occupationId: 'soc:9252', years: 1, endedYearsAgo: 8 }],
      skillsAdd: ['fp:stock-control', 'fp:food-prep'],
      skillsRemove: ['fp:picking-packing'],
      licences: [],
    });
    expect(p.skills.has('fp:picking-packing')).toBe(false);
    expect(p.skills.get('fp:stock-control')?.strength).toBe(1);
    expect(p.skills.get('fp:stock-control')?.why).toBe('added by the coach');
    expect(p.skills.get('fp:food-prep')?.strength).toBe(1);
    expect(p.groups.get('g:logistics')?.strength).toBe(1);
  });

  it('maps licences (with what they imply) to licence-type skills', () => {
    const p = buildSkillProfile(taxonomy, { ...empty, licences: ['driving:C+E'] });
    expect(p.skills.get('fp:licence-ce')?.strength).toBe(1);
    expect(p.skills.get('fp:licence-b')?.why).toMatch(/Driving licence category B/);
    expect(p.licences.has('driving:C')).toBe(true);
  });

  it('a licence skill from a past job brings the licences it includes', () => {
    const p = buildSkillProfile(taxonomy, { ...empty, history: [{ occupationId: 'soc:8211', years: 5, endedYearsAgo: 0 }] });
    const ce = p.skills.get('fp:licence-ce')?.strength ?? 0;
    expect(ce).toBeGreaterThan(0);
    expect(p.skills.get('fp:licence-b')?.strength).toBe(ce);
    // History alone does not prove a licence is held now: requirement checks use recorded licences only.
    expect(p.licences.size).toBe(0);
    const removed = buildSkillProfile(taxonomy, { ...empty, skillsRemove: ['fp:licence-b'], history: [{ occupationId: 'soc:8211', years: 5, endedYearsAgo: 0 }] });
    expect(removed.skills.has('fp:licence-b')).toBe(false);
  });

  it('ignores unresolved history entries', () => {
    const p = buildSkillProfile(taxonomy, { ...empty, history: [{ occupationId: null, years: 3, endedYearsAgo: 0 }] });
    expect(p.skills.size).toBe(0);
  });
});

describe('licences', () => {
  it.each([
    ['B', 'driving:B'],
    ['Full UK driving licence', 'driving:B'],
    ['cat C', 'driving:C'],
    ['C+E', 'driving:C+E'],
    ['CE', 'driving:C+E'],
    ['HGV Class 1', 'driving:C+E'],
    ['HGV class 2', 'driving:C'],
    ['C1', 'driving:C1'],
    ['PCV', 'driving:D'],
    ['A', 'driving:A'],
    ['forklift', 'forklift'],
    ['Counterbalance FLT', 'forklift:counterbalance'],
    ['reach truck licence', 'forklift:reach'],
    ['VNA truck', 'forklift:vna'],
    ['Powered pallet truck licence', 'forklift:powered_pallet_truck'],
    ['FLT licence', 'forklift'],
    ['SIA door supervisor', 'sia:door_supervisor'],
    ['SIA licence', 'sia'],
    ['CSCS green card', 'cscs'],
    ['Enhanced DBS', 'dbs:enhanced'],
    ['basic DBS check', 'dbs:basic'],
    ['own car', 'own-vehicle'],
    ['Driver CPC', 'cpc'],
    ['Welsh speaker', 'welsh'],
    ['driving:C+E', 'driving:C+E'],
  ])('parses %s', (input, code) => {
    expect(parseLicence(input)).toBe(code);
  });

  it.each(['degree', 'pilot', 'Z', ''])('rejects %s', (input) => {
    expect(parseLicence(input)).toBeNull();
  });

  it('expands implied entitlements', () => {
    expect([...expandLicences(['driving:D'])].sort()).toEqual(['driving:B', 'driving:D', 'driving:D1']);
    expect(expandLicences(['dbs:enhanced']).has('dbs:basic')).toBe(true);
  });

  it('checks requirement flags', () => {
    const held = expandLicences(['driving:B', 'dbs:basic']);
    expect(checkRequirement(held, 'driving_licence', null).status).toBe('met');
    expect(checkRequirement(held, 'driving_licence', 'C1').status).toBe('missing');
    expect(checkRequirement(held, 'dbs', 'enhanced').status).toBe('missing');
    expect(checkRequirement(held, 'dbs', null).status).toBe('met');
    expect(checkRequirement(held, 'sia', null)).toMatchObject({ status: 'missing', obtainable: true });
  });
});

describe('title resolution', () => {
  it('matches titles and alternative titles exactly, ignoring case and plurals', () => {
    expect(matchOccupationTitle(taxonomy, 'care worker')?.id).toBe('soc:6135');
    expect(matchOccupationTitle(taxonomy, 'Lorry Drivers')?.id).toBe('soc:8211');
    expect(matchOccupationTitle(taxonomy, 'astronaut')).toBeUndefined();
  });

  it('uses the classifier when there is one, and the exact title when the classifier hesitates', () => {
    const classify = (code: string, confidence: number): VacancyEnricher => ({
      classify: () => ({ occupation: { code, scheme: 'soc', confidence, evidence: [] }, sector: null }),
      spotSkills: () => [],
      enrichAdvert: () => ({ occupation: { code, scheme: 'soc', confidence, evidence: [] }, sector: null, skills: [] }),
    });
    expect(resolveTitle(taxonomy, classify('9252', 0.8), 'Picker')).toMatchObject({ occupationId: 'soc:9252', resolvedBy: 'classifier' });
    expect(resolveTitle(taxonomy, classify('9252', 0.2), 'Carer')).toMatchObject({ occupationId: 'soc:6135', resolvedBy: 'title' });
    expect(resolveTitle(taxonomy, null, 'Dragon tamer')).toEqual({ occupationId: null, resolvedBy: null, confidence: null });
  });
});
