import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { scoreMatch } from '../../src/matching/score.ts';
import { checkRequirement, expandLicences, parseLicence, REQUIREMENT_PENALTY, unstatedTypeCodes } from '../../src/participants/licences.ts';
import { buildSkillProfile } from '../../src/participants/skill-profile.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import type { Taxonomy } from '../../src/taxonomy/model.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';

/**
 * Issue 14: a licence the coach records is that licence only. A "forklift
 * licence" of unstated type is not the counterbalance, reach, VNA and pallet
 * truck licences; "SIA" is not all four SIA licences.
 */
let taxonomy: Taxonomy;
beforeAll(() => {
  const db = openDb(':memory:');
  ensureBundledTaxonomy(db, Date.parse('2026-03-01T00:00:00Z'));
  taxonomy = loadTaxonomy(db);
});

const licenceSkills = (typed: string[]) => {
  const p = buildSkillProfile(taxonomy, { history: [], skillsAdd: [], skillsRemove: [], licences: typed.map((t) => parseLicence(t) as string) });
  return [...p.skills.keys()].map((id) => taxonomy.skills.get(id)?.label).filter((l) => /licen|forklift|lift-truck|first aid/i.test(l ?? '')).sort();
};

describe('licences the coach records are those licences only', () => {
  it.each([
    ['forklift licence', ['Accredited lift-truck training (RTITB, AITT, ITSSAR)', 'Forklift driving']],
    ['reach truck licence', ['Accredited lift-truck training (RTITB, AITT, ITSSAR)', 'Forklift driving', 'Reach truck licence']],
    ['counterbalance', ['Accredited lift-truck training (RTITB, AITT, ITSSAR)', 'Counterbalance forklift licence', 'Forklift driving']],
    ['SIA licence', []],
    ['SIA door supervisor', ['SIA Door Supervisor licence']],
    ['First Aid at Work', ['Emergency First Aid at Work certificate', 'First Aid at Work certificate']],
    ['paediatric first aid', ['Paediatric First Aid certificate']],
  ])('%s → %j', (typed, labels) => {
    expect(licenceSkills([typed])).toEqual(labels);
  });

  it('knows which codes were recorded without their type', () => {
    expect([...unstatedTypeCodes(['forklift', 'sia:cctv', 'driving:B'])]).toEqual(['forklift']);
    expect([...unstatedTypeCodes(['forklift', 'forklift:reach'])]).toEqual([]);
  });

  const req = (codes: string[], detail: string | null, kind: 'forklift' | 'sia' = 'forklift') =>
    checkRequirement(expandLicences(codes), kind, detail, unstatedTypeCodes(codes));
  it.each([
    // held, vacancy asks for, status, score factor when not met
    [['forklift'], null, 'met', 1],
    [['forklift:reach'], null, 'met', 1],
    [['forklift:counterbalance'], 'counterbalance', 'met', 1],
    [['forklift:reach'], 'counterbalance,reach', 'met', 1],
    // A forklift licence of unknown type may be the one asked for: not verified, half the penalty.
    [['forklift'], 'counterbalance', 'unverified', 1 - (1 - REQUIREMENT_PENALTY.forklift) / 2],
    // A reach truck licence is certainly not a counterbalance one.
    [['forklift:reach'], 'counterbalance', 'missing', REQUIREMENT_PENALTY.forklift],
    [[], null, 'missing', REQUIREMENT_PENALTY.forklift],
  ] as const)('forklift: holds %j, advert asks %s → %s', (codes, detail, status, penalty) => {
    const r = req([...codes], detail);
    expect(r.status).toBe(status);
    if (status !== 'met') expect(r.penalty).toBeCloseTo(penalty, 10);
  });

  it.each([
    [['sia:door_supervisor'], 'door_supervisor', 'met'],
    [['sia:door_supervisor'], null, 'met'],
    [['sia:cctv'], 'door_supervisor', 'missing'],
    [['sia'], 'door_supervisor', 'unverified'],
  ] as const)('SIA: holds %j, advert asks %s → %s', (codes, detail, status) => {
    expect(req([...codes], detail, 'sia').status).toBe(status);
  });

  it('a forklift licence of unstated type earns partial credit (≈, not ✓) toward a counterbalance licence the advert names', () => {
    const counterbalance = [...taxonomy.skills.values()].find((s) => s.label === 'Counterbalance forklift licence');
    expect(counterbalance).toBeDefined();
    const vacancy = { skills: [{ id: counterbalance!.id, label: 'cb', evidence: 'counterbalance licence', required: true, confidence: 1 }], occupation: null, requirements: [] };
    const generic = buildSkillProfile(taxonomy, { history: [], skillsAdd: [], skillsRemove: [], licences: ['forklift'] });
    const m = scoreMatch(taxonomy, generic, vacancy).matched[0];
    expect(m).toMatchObject({ via: 'group', credit: 0.4 });
    expect(m?.held.why).toBe('holds: Forklift licence (type not recorded)');
    const reach = buildSkillProfile(taxonomy, { history: [], skillsAdd: [], skillsRemove: [], licences: ['forklift:reach'] });
    expect(scoreMatch(taxonomy, reach, vacancy).matched).toEqual([]);
  });
});
