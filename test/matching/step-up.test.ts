import { beforeAll, describe, expect, it } from 'vitest';
import { checkStepUp, hasSeniorTitle, STEP_FACTORS, WITHIN_REACH, type StepBasis } from '../../src/matching/step-up.ts';
import type { Taxonomy } from '../../src/taxonomy/model.ts';
import type { RankableVacancy } from '../../src/vacancies/model.ts';
import { bundledStore } from '../helpers/bundled-store.ts';
import { PLACES, seedScenario, STOCK_CONTROLLER, type Advert, type Scenario } from './coach-scenarios.ts';

/**
 * Issue 14: matches guarded like transitions against jobs far above the
 * participant (skill level, pay, seniority), so a stock controller's first
 * matches are jobs they could start, not senior roles that share a few
 * generic skills.
 */

const NOW = Date.parse('2026-03-01T09:00:00Z');
let taxonomy: Taxonomy;
beforeAll(() => {
  taxonomy = bundledStore(NOW).taxonomy;
});

/** A warehouse operative: SOC 9252, skill level 1, typical pay £23,500. */
const basis: StepBasis = { skillLevel: 1, currentPay: 23_500, heldSenior: false, targets: [] };

function vacancy(over: { title: string; code?: string; annualMin?: number | null }): RankableVacancy {
  return {
    id: 1, status: 'live', title: over.title, datePosted: NOW, firstSeen: NOW, remote: 'onsite', employmentType: null, hoursPerWeek: null, shifts: [],
    salary: { min: null, max: null, currency: 'GBP', period: null, annualMin: over.annualMin ?? null, annualMax: null, text: null },
    occupation: over.code ? { code: over.code, scheme: 'soc', confidence: 0.9, evidence: [] } : null,
    requirements: [], skills: [],
  };
}

describe('checkStepUp', () => {
  it.each([
    { title: 'Warehouse Operative', code: '9252', annualMin: 24_000, reasons: [] },
    { title: 'Warehouse Operative', code: undefined, annualMin: null, reasons: [] },
    // Level 2 is one above level 1: within reach, as in the transitions.
    { title: 'Care Worker', code: '6135', annualMin: 23_000, reasons: [] },
    { title: 'Registered Mental Health Nurse', code: '2235', annualMin: 37_000, reasons: ['level'] },
    { title: 'Senior Warehouse Operative', code: '9252', annualMin: 26_000, reasons: ['seniority'] },
    { title: 'Head of Logistics', code: undefined, annualMin: 52_000, reasons: ['pay', 'seniority'] },
    { title: 'Stock Team Lead', code: '9251', annualMin: null, reasons: ['seniority'] },
    { title: 'Lead Generation Executive', code: undefined, annualMin: 24_000, reasons: [] },
    { title: 'Community Nurse', code: '2232', annualMin: 45_000, reasons: ['level', 'pay'] },
  ])('$title ($code, £$annualMin) takes steps $reasons', ({ title, code, annualMin, reasons }) => {
    const s = checkStepUp(taxonomy, basis, vacancy({ title, code, annualMin }));
    expect(s.steps.map((x) => x.reason)).toEqual(reasons);
    expect(s.factor).toBeCloseTo(reasons.reduce((f, r) => f * STEP_FACTORS[r as keyof typeof STEP_FACTORS], 1), 9);
    for (const step of s.steps) expect(step.words.length).toBeGreaterThan(20);
  });

  it('does not guard a senior title for someone who has held one, nor an occupation they are aiming for', () => {
    expect(checkStepUp(taxonomy, { ...basis, heldSenior: true }, vacancy({ title: 'Senior Warehouse Operative', code: '9252' }))).toEqual(WITHIN_REACH);
    expect(checkStepUp(taxonomy, { ...basis, targets: ['soc:2235'] }, vacancy({ title: 'Senior Mental Health Nurse', code: '2235', annualMin: 60_000 }))).toEqual(WITHIN_REACH);
  });

  it('reads senior words as words', () => {
    expect(['Senior Care Assistant', 'Sr. Developer', 'Shift Lead', 'Head Chef', 'Principal Engineer'].map(hasSeniorTitle)).toEqual([true, true, true, true, true]);
    expect(['Leading Hand', 'Seniors Activity Worker', 'Headline Writer', 'Lead Generation Executive', ''].map(hasSeniorTitle)).toEqual([false, false, false, false, false]);
  });
});

describe('matches for a stock controller', () => {
  const ADVERTS: Advert[] = [
    {
      ref: 'plain',
      title: 'Stock Controller',
      description: 'Stock control, stock rotation and stock counts in our warehouse. Picking, packing, goods in and loading. Counterbalance forklift licence an advantage.',
      ...PLACES.enfield,
      postedDaysAgo: 20,
      salary: '£25,000 per year',
    },
    {
      ref: 'senior',
      title: 'Senior Stock Controller',
      description: 'Stock control, stock rotation and stock counts in our warehouse. Picking, packing, goods in and loading. Counterbalance forklift licence an advantage.',
      ...PLACES.walthamstow,
      postedDaysAgo: 1,
      salary: '£27,000 per year',
    },
  ];
  let s: Scenario;
  let id: number;
  beforeAll(async () => {
    s = await seedScenario(ADVERTS);
    id = s.addPerson(STOCK_CONTROLLER);
  });

  it('lists the job they could start above the senior one, though the senior one is nearer and newer, and says why', async () => {
    const res = await s.app.request(`/v1/participants/${id}/matches`, { headers: { Authorization: `Bearer ${s.token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    const titles = body.items.map((m: any) => m.vacancy.title);
    expect(titles.indexOf('Stock Controller')).toBeGreaterThanOrEqual(0);
    expect(titles.indexOf('Senior Stock Controller')).toBeGreaterThan(titles.indexOf('Stock Controller'));
    const senior = body.items.find((m: any) => m.vacancy.title === 'Senior Stock Controller');
    const plain = body.items.find((m: any) => m.vacancy.title === 'Stock Controller');
    expect(senior.stepUp.steps.map((x: any) => x.reason)).toEqual(['seniority']);
    expect(senior.components.reach).toBe(STEP_FACTORS.seniority);
    expect(plain.stepUp).toEqual({ factor: 1, steps: [] });
    // The order number is the one shown: fit × conditions × reach + margin × tie-break.
    const c = senior.components;
    expect(senior.rank).toBeCloseTo(c.match * c.conditions * c.reach + body.applied.ranking.fitMargin * c.tieBreak, 2);
    expect(body.applied.ranking.order).toContain('× reach');
  });
});
