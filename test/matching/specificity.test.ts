import { describe, expect, it } from 'vitest';
import { FIT_FLOOR } from '../../src/matching/rank.ts';
import { scoreMatch } from '../../src/matching/score.ts';
import { matchSpecificity, REUSABILITY } from '../../src/matching/specificity.ts';
import { buildSkillProfile } from '../../src/participants/skill-profile.ts';
import type { VacancySkill } from '../../src/vacancies/model.ts';
import { buildFixtureTaxonomy } from './fixture-taxonomy.ts';

/**
 * Issue 14: fit weighs skills by how specific they are, so an overlap in
 * generic skills (teamwork, communication, customer service) cannot make a
 * poor fit look good. Fixture: communication is listed by every occupation,
 * teamwork and customer service are transversal, forklift and HGV driving
 * are listed by one occupation each.
 */
const taxonomy = buildFixtureTaxonomy();
const vs = (id: string, required = false): VacancySkill => ({ id: `fp:${id}`, label: id, evidence: id, required, confidence: 1 });
const held = (...ids: string[]) =>
  buildSkillProfile(taxonomy, { history: [], skillsAdd: ids.map((i) => `fp:${i}`), skillsRemove: [], licences: [] });

// A forklift driver's advert that also asks for the usual generic qualities.
const forkliftJob = {
  skills: [vs('forklift-op', true), vs('picking-packing'), vs('communication'), vs('teamwork'), vs('customer-service')],
  occupation: null,
  requirements: [],
};

describe('skill specificity in the match score', () => {
  it('weighs a skill every occupation lists next to nothing, and a transversal one well below a job-specific one', () => {
    const w = (id: string) => matchSpecificity(taxonomy, `fp:${id}`);
    expect(w('communication')).toBeLessThan(0.1 * w('forklift-op'));
    expect(w('teamwork')).toBeLessThan(0.35 * w('forklift-op'));
    expect(REUSABILITY.transversal).toBeLessThan(REUSABILITY['cross-sector']);
  });

  it.each([
    // who holds what, and how much of the forklift job's needs that covers
    // (three of its five skills are generic: by count they would cover 60%)
    ['only the generic skills', ['communication', 'teamwork', 'customer-service'], { below: 0.2 }],
    ['forklift and picking, none of the generic ones', ['forklift-op', 'picking-packing'], { above: 0.8 }],
    ['everything', ['forklift-op', 'picking-packing', 'communication', 'teamwork', 'customer-service'], { above: 0.999 }],
  ] as const)('%s', (_who, skills, bound) => {
    const r = scoreMatch(taxonomy, held(...skills), forkliftJob);
    if ('below' in bound) expect(r.coverage).toBeLessThan(bound.below);
    else expect(r.coverage).toBeGreaterThan(bound.above);
  });

  it('adding the three generic skills to picking adds little (picking alone earns partial credit toward forklift, same group)', () => {
    const picking = scoreMatch(taxonomy, held('picking-packing'), forkliftJob).coverage ?? 0;
    const withGeneric = scoreMatch(taxonomy, held('picking-packing', 'communication', 'teamwork', 'customer-service'), forkliftJob).coverage ?? 0;
    expect(withGeneric - picking).toBeGreaterThan(0);
    expect(withGeneric - picking).toBeLessThan(0.15);
  });

  it('only generic skills in common: below the fit floor, shown only with wider results', () => {
    expect(scoreMatch(taxonomy, held('communication', 'teamwork', 'customer-service'), forkliftJob).score).toBeLessThan(FIT_FLOOR);
  });

  it('an advert naming only generic skills gives too little evidence to look like a good fit', () => {
    const generic = { skills: [vs('communication'), vs('teamwork'), vs('customer-service')], occupation: null, requirements: [] };
    const r = scoreMatch(taxonomy, held('communication', 'teamwork', 'customer-service'), generic);
    expect(r.coverage).toBeCloseTo(1, 5);
    expect(r.score).toBeLessThan(FIT_FLOOR);
  });

  it("an advert of a known occupation naming only generic skills is judged on the occupation's needs, not on those words", () => {
    // An HGV driver's advert whose spotted skills are only "teamwork" and "customer service".
    const hgvJob = { skills: [vs('teamwork'), vs('customer-service')], occupation: { code: '8211', scheme: 'soc', confidence: 0.9 }, requirements: [] };
    const careful = scoreMatch(taxonomy, held('teamwork', 'customer-service'), hgvJob as never);
    const driver = scoreMatch(taxonomy, held('hgv-driving', 'route-planning', 'communication'), hgvJob as never);
    // With the advert's fixed 60% share, the two generic skills covered 0.6 of this job.
    expect(careful.coverage).toBeLessThan(0.2);
    expect(careful.score).toBeLessThan(FIT_FLOOR);
    // The driver lacks only the C+E licence and the optional skills of the occupation.
    expect(driver.coverage).toBeGreaterThan(0.5);
    // The generic words still count a little: they are what this employer wrote.
    expect(careful.coverage).toBeGreaterThan(0);
  });

  it('an advert naming job-specific skills keeps its full share beside its occupation', () => {
    const hgvJob = { skills: [vs('hgv-driving', true), vs('route-planning')], occupation: { code: '8211', scheme: 'soc', confidence: 0.9 }, requirements: [] };
    // Holding exactly the advert's two skills covers the advert's 0.6 plus those skills' part of the occupation's 0.4.
    const r = scoreMatch(taxonomy, held('hgv-driving', 'route-planning'), hgvJob as never);
    expect(r.coverage).toBeGreaterThan(0.6);
  });
});
