import { describe, expect, it } from 'vitest';
import { rankCandidates } from '../../src/matching/rank.ts';
import { scoreMatch } from '../../src/matching/score.ts';
import { buildSkillProfile, type ProfileInput } from '../../src/participants/skill-profile.ts';
import type { Requirement, Vacancy, VacancySkill } from '../../src/vacancies/model.ts';
import { buildFixtureTaxonomy } from './fixture-taxonomy.ts';

const taxonomy = buildFixtureTaxonomy();

function profile(p: Partial<ProfileInput>) {
  return buildSkillProfile(taxonomy, { history: [], skillsAdd: [], skillsRemove: [], licences: [], ...p });
}

const vs = (id: string, evidence: string, required = false): VacancySkill => ({
  id: `fp:${id}`, label: id, evidence, required, confidence: 1,
});

function vacancy(p: { skills?: VacancySkill[]; occupation?: string | null; requirements?: Requirement[] }) {
  return {
    skills: p.skills ?? [],
    occupation: p.occupation ? { code: p.occupation, scheme: 'soc', confidence: 1, evidence: [] } : null,
    requirements: p.requirements ?? [],
  };
}

describe('scoreMatch', () => {
  const warehouseJob = vacancy({ occupation: '9252' });

  it('a participant with every essential skill scores above one with none', () => {
    const all = profile({ skillsAdd: ['fp:picking-packing', 'fp:manual-handling', 'fp:stock-control', 'fp:communication'] });
    const none = profile({ skillsAdd: ['fp:food-prep'] });
    const a = scoreMatch(taxonomy, all, warehouseJob);
    const b = scoreMatch(taxonomy, none, warehouseJob);
    expect(a.score).toBeGreaterThan(0.7);
    expect(b.score).toBe(0);
    expect(a.score).toBeGreaterThan(b.score);
    expect(b.missing.map((m) => m.skillId)).toContain('fp:picking-packing');
    expect(b.gap.missingShare).toBeCloseTo(1, 5);
  });

  it('a rare matched skill outweighs a common one', () => {
    const job = vacancy({ skills: [vs('forklift-op', 'counterbalance forklift'), vs('communication', 'good communicator')] });
    const rare = scoreMatch(taxonomy, profile({ skillsAdd: ['fp:forklift-op'] }), job);
    const common = scoreMatch(taxonomy, profile({ skillsAdd: ['fp:communication'] }), job);
    expect(rare.score).toBeGreaterThan(common.score);
    expect((rare.coverage ?? 0) + (common.coverage ?? 0)).toBeCloseTo(1, 5);
    // The missing list puts the rare skill first for the one who lacks it.
    expect(common.missing[0]?.skillId).toBe('fp:forklift-op');
  });

  it('a missing licence is a named gap and lowers the score', () => {
    const job = vacancy({
      occupation: '8211',
      requirements: [{ kind: 'driving_licence', detail: 'C+E', evidence: 'Must hold a C+E licence' }],
    });
    const history = [{ occupationId: 'soc:8211', years: 4, endedYearsAgo: 0 }];
    const without = scoreMatch(taxonomy, profile({ history }), job);
    const withLicence = scoreMatch(taxonomy, profile({ history, licences: ['driving:C+E'] }), job);
    expect(without.gap.missingRequirements).toEqual(['Driving licence category C+E']);
    expect(without.requirements[0]).toMatchObject({ kind: 'driving_licence', status: 'missing', evidence: 'Must hold a C+E licence' });
    expect(withLicence.requirements[0]?.status).toBe('met');
    expect(withLicence.gap.missingRequirements).toEqual([]);
    expect(without.score).toBeLessThan(withLicence.score);
    expect(without.requirementFactor).toBeLessThan(1);
  });

  it('a lower licence category does not satisfy a higher one, a higher one satisfies a lower one', () => {
    const needC = vacancy({ requirements: [{ kind: 'driving_licence', detail: 'Cat C', evidence: 'Class 2' }] });
    expect(scoreMatch(taxonomy, profile({ licences: ['driving:B'] }), needC).requirements[0]?.status).toBe('missing');
    expect(scoreMatch(taxonomy, profile({ licences: ['driving:C+E'] }), needC).requirements[0]?.status).toBe('met');
    const needCar = vacancy({ requirements: [{ kind: 'driving_licence', detail: null, evidence: 'full UK licence' }] });
    expect(scoreMatch(taxonomy, profile({ licences: ['driving:C'] }), needCar).requirements[0]?.status).toBe('met');
  });

  it('right to work is unverified, not a penalty; visa sponsorship is an offer', () => {
    const job = vacancy({
      skills: [vs('communication', 'communication')],
      requirements: [
        { kind: 'right_to_work', detail: null, evidence: 'must have the right to work in the UK' },
        { kind: 'visa_sponsorship', detail: null, evidence: 'sponsorship available' },
      ],
    });
    const r = scoreMatch(taxonomy, profile({ skillsAdd: ['fp:communication'] }), job);
    expect(r.requirements.map((x) => x.status)).toEqual(['unverified', 'offered']);
    expect(r.requirementFactor).toBe(1);
    expect(r.coverage).toBeCloseTo(1, 5);
  });

  it('gives partial credit for a different skill of the same group', () => {
    const job = vacancy({ skills: [vs('picking-packing', 'pick and pack orders')] });
    const sameGroup = scoreMatch(taxonomy, profile({ skillsAdd: ['fp:stock-control'] }), job);
    const unrelated = scoreMatch(taxonomy, profile({ skillsAdd: ['fp:food-prep'] }), job);
    expect(sameGroup.coverage).toBeCloseTo(0.4, 5);
    expect(sameGroup.matched[0]).toMatchObject({ via: 'group', skillId: 'fp:picking-packing', held: { skillId: 'fp:stock-control' } });
    expect(unrelated.score).toBe(0);
    const exact = scoreMatch(taxonomy, profile({ skillsAdd: ['fp:picking-packing'] }), job);
    expect(exact.score).toBeGreaterThan(sameGroup.score);
  });

  it('explains each matched skill with the vacancy text or the occupation that needs it', () => {
    const job = vacancy({ occupation: '9252', skills: [vs('forklift-op', 'Counterbalance forklift experience', true)] });
    const r = scoreMatch(taxonomy, profile({ skillsAdd: ['fp:forklift-op', 'fp:manual-handling'] }), job);
    const fork = r.matched.find((m) => m.skillId === 'fp:forklift-op');
    const lift = r.matched.find((m) => m.skillId === 'fp:manual-handling');
    expect(fork?.evidence).toBe('Counterbalance forklift experience');
    expect(lift?.evidence).toBe('required by occupation Warehouse operative');
    expect(fork?.held.why).toBe('added by the coach');
    // Missing skills come by importance, most important first.
    const imp = r.missing.map((m) => m.importance);
    expect([...imp].sort((a, b) => b - a)).toEqual(imp);
    expect(r.gap.missingSkills).toBe(r.missing.length);
  });

  it('a required advert skill weighs more than the same skill merely mentioned', () => {
    const req = vacancy({ skills: [vs('forklift-op', 'must have forklift', true), vs('stock-control', 'stock')] });
    const men = vacancy({ skills: [vs('forklift-op', 'forklift a plus', false), vs('stock-control', 'stock')] });
    const p = profile({ skillsAdd: ['fp:forklift-op'] });
    expect(scoreMatch(taxonomy, p, req).score).toBeGreaterThan(scoreMatch(taxonomy, p, men).score);
  });

  it('holds down the score of a vacancy it knows little about', () => {
    const p = profile({ skillsAdd: ['fp:communication', 'fp:picking-packing', 'fp:manual-handling', 'fp:stock-control'] });
    const thin = scoreMatch(taxonomy, p, vacancy({ skills: [vs('communication', 'good communicator')] }));
    const known = scoreMatch(taxonomy, p, vacancy({ occupation: '9252' }));
    expect(thin.coverage).toBe(1);
    expect(thin.evidence).toBeLessThan(0.2);
    expect(thin.score).toBeCloseTo(thin.evidence, 5);
    expect(known.evidence).toBeGreaterThan(0.9);
    expect(known.score).toBeGreaterThan(thin.score);
  });

  it('says when a vacancy cannot be judged', () => {
    const r = scoreMatch(taxonomy, profile({ skillsAdd: ['fp:teamwork'] }), vacancy({}));
    expect(r.coverage).toBeNull();
    expect(r.score).toBe(0);
  });

  it('history gives credit too, less for an optional skill than an essential one', () => {
    const p = profile({ history: [{ occupationId: 'soc:9252', years: 3, endedYearsAgo: 0 }] });
    const ess = scoreMatch(taxonomy, p, vacancy({ skills: [vs('picking-packing', 'picking')] }));
    const opt = scoreMatch(taxonomy, p, vacancy({ skills: [vs('forklift-op', 'forklift')] }));
    expect(ess.coverage).toBeCloseTo(1, 5);
    expect(opt.coverage).toBeLessThan(1);
    expect(opt.score).toBeGreaterThan(0);
    expect(opt.score).toBeLessThan(ess.score);
    expect(ess.matched[0]?.held.why).toMatch(/essential skill of past job: Warehouse operative/);
  });
});

describe('rankCandidates', () => {
  const now = Date.parse('2026-03-01T00:00:00Z');
  const base = (id: number, skills: VacancySkill[], datePosted: number) =>
    ({ id, skills, occupation: null, requirements: [], remote: null, datePosted, firstSeen: datePosted }) as unknown as Vacancy;

  it('puts a better fit first, and among equal fits the nearer and newer', () => {
    const p = profile({ skillsAdd: ['fp:picking-packing', 'fp:manual-handling', 'fp:stock-control', 'fp:forklift-op'] });
    const job = (id: number, occupation: string, posted: number) =>
      ({ ...base(id, [], posted), occupation: { code: occupation, scheme: 'soc', confidence: 1, evidence: [] } }) as unknown as Vacancy;
    const good = job(1, '9252', now);
    const poor = job(2, '5434', now);
    const goodFar = job(3, '9252', now);
    const goodOld = job(4, '9252', now - 60 * 86_400_000);
    const ranked = rankCandidates(
      taxonomy,
      p,
      [
        { vacancy: poor, relevanceRank: null, distanceKm: 1 },
        { vacancy: goodFar, relevanceRank: null, distanceKm: 25 },
        { vacancy: goodOld, relevanceRank: null, distanceKm: 2 },
        { vacancy: good, relevanceRank: null, distanceKm: 2 },
      ],
      { now, radiusKm: 30, textQuery: false },
    );
    expect(ranked.map((r) => r.vacancy.id)).toEqual([1, 4, 3, 2]);
    expect(ranked[0]?.components.relevance).toBeNull();
  });
});
