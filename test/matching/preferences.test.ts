import { describe, expect, it } from 'vitest';
import { checkPreferences, PREFERENCE_FACTORS } from '../../src/matching/preferences.ts';
import type { Participant } from '../../src/participants/store.ts';
import type { Vacancy } from '../../src/vacancies/model.ts';

/** Issue 14 item 4: hours, shifts, pay, travel and remote work are scored, and filtered where the participant says "must". */
type Prefs = Parameters<typeof checkPreferences>[0];
const nobody: Prefs = { hoursPerWeek: null, hoursPattern: null, avoidShifts: [], salaryFloor: null, maxTravelKm: null, remote: null, must: [] };
const salary = (annual: number | null): Vacancy['salary'] => ({
  min: annual, max: annual, currency: 'GBP', period: 'year', annualMin: annual, annualMax: annual, text: null,
});
const advert = (v: Partial<Pick<Vacancy, 'hoursPerWeek' | 'employmentType' | 'shifts' | 'remote'>> & { pay?: number | null } = {}) => ({
  hoursPerWeek: v.hoursPerWeek ?? null,
  employmentType: v.employmentType ?? null,
  shifts: v.shifts ?? [],
  salary: salary(v.pay ?? null),
  remote: v.remote ?? null,
});

describe('checkPreferences', () => {
  it.each([
    // name, preferences, advert, distance, preference checked, status
    ['school hours vs a 37.5-hour job', { hoursPattern: 'school_hours' }, advert({ hoursPerWeek: 37.5 }), null, 'hours', 'not met'],
    ['school hours vs 25 hours', { hoursPattern: 'school_hours' }, advert({ hoursPerWeek: 25 }), null, 'hours', 'met'],
    ['school hours vs a weekend job', { hoursPattern: 'school_hours' }, advert({ hoursPerWeek: 20, shifts: ['weekends'] }), null, 'shifts', 'not met'],
    ['school hours vs hours not stated', { hoursPattern: 'school_hours' }, advert(), null, 'hours', 'unknown'],
    ['part-time vs full-time contract', { hoursPattern: 'part_time' }, advert({ employmentType: 'full_time' }), null, 'hours', 'not met'],
    ['part-time vs a part-time contract', { hoursPattern: 'part_time' }, advert({ employmentType: 'part_time' }), null, 'hours', 'met'],
    ['full-time vs 16 hours', { hoursPattern: 'full_time' }, advert({ hoursPerWeek: 16 }), null, 'hours', 'not met'],
    ['16 hours wanted vs 20 offered (close enough)', { hoursPerWeek: 16 }, advert({ hoursPerWeek: 20 }), null, 'hours', 'met'],
    ['16 hours wanted vs 40 offered', { hoursPerWeek: 16 }, advert({ hoursPerWeek: 40 }), null, 'hours', 'not met'],
    ['20 hours wanted vs a full-time contract', { hoursPerWeek: 20 }, advert({ employmentType: 'full_time' }), null, 'hours', 'not met'],
    ['no nights vs nights', { avoidShifts: ['nights'] }, advert({ shifts: ['nights', 'weekends'] }), null, 'shifts', 'not met'],
    ['no nights vs days', { avoidShifts: ['nights'] }, advert({ shifts: ['days'] }), null, 'shifts', 'met'],
    ['no nights vs no shift stated', { avoidShifts: ['nights'] }, advert(), null, 'shifts', 'unknown'],
    ['floor £22k vs £20k', { salaryFloor: 22000 }, advert({ pay: 20000 }), null, 'salary', 'not met'],
    ['floor £22k vs £24k', { salaryFloor: 22000 }, advert({ pay: 24000 }), null, 'salary', 'met'],
    ['floor £22k vs pay not stated', { salaryFloor: 22000 }, advert(), null, 'salary', 'unknown'],
    ['travel 10 km vs 14 km', { maxTravelKm: 10 }, advert(), 14, 'travel', 'not met'],
    ['travel 10 km vs 6 km', { maxTravelKm: 10 }, advert(), 6, 'travel', 'met'],
    ['wants remote vs on-site', { remote: 'remote' }, advert({ remote: 'onsite' }), null, 'remote', 'not met'],
    ['wants remote vs hybrid', { remote: 'remote' }, advert({ remote: 'hybrid' }), null, 'remote', 'met'],
    ['wants on-site vs remote', { remote: 'onsite' }, advert({ remote: 'remote' }), null, 'remote', 'not met'],
  ] as const)('%s', (_name, prefs, terms, distance, preference, status) => {
    const fit = checkPreferences({ ...nobody, ...prefs } as Prefs, terms, distance);
    const check = fit.checks.find((c) => c.preference === preference);
    expect(check?.status).toBe(status);
    expect(check?.factor).toBe(status === 'not met' ? (preference === 'salary' ? (20 / 22) ** 2 : PREFERENCE_FACTORS[preference]) : 1);
    expect(fit.factor).toBeCloseTo(fit.checks.reduce((f, c) => f * c.factor, 1), 12);
    expect(fit.excluded).toBe(false);
  });

  it('no preferences recorded: nothing to check, nothing changes', () => {
    expect(checkPreferences(nobody, advert({ hoursPerWeek: 48, shifts: ['nights'], pay: 10000, remote: 'remote' }), 80)).toEqual({ checks: [], factor: 1, excluded: false });
  });

  it('pay is graded: just under the floor costs little, far under costs up to half', () => {
    const f = (pay: number) => checkPreferences({ ...nobody, salaryFloor: 20000 }, advert({ pay }), null).factor;
    expect(f(19000)).toBeCloseTo(0.9025, 4);
    expect(f(8000)).toBe(PREFERENCE_FACTORS.salary);
  });

  it('a preference called a must excludes a vacancy that breaks it, never one that does not say', () => {
    const parent = { ...nobody, hoursPattern: 'school_hours', must: ['hours', 'shifts'] } as Prefs;
    expect(checkPreferences(parent, advert({ hoursPerWeek: 37.5 }), null).excluded).toBe(true);
    expect(checkPreferences(parent, advert({ hoursPerWeek: 20, shifts: ['nights'] }), null).excluded).toBe(true);
    expect(checkPreferences(parent, advert(), null).excluded).toBe(false);
    expect(checkPreferences(parent, advert({ hoursPerWeek: 20, shifts: ['days'] }), null).excluded).toBe(false);
    // The same clash without "must": kept, ranked lower.
    const soft = checkPreferences({ ...parent, must: [] }, advert({ hoursPerWeek: 37.5 }), null);
    expect(soft).toMatchObject({ excluded: false, factor: PREFERENCE_FACTORS.hours });
  });

  it('explains what it compared in words', () => {
    const fit = checkPreferences({ ...nobody, hoursPattern: 'school_hours', avoidShifts: ['nights'] }, advert({ hoursPerWeek: 40, employmentType: 'full_time', shifts: ['nights'] }), null);
    expect(fit.checks.map((c) => c.words)).toEqual([
      'wants school hours; advert: 40 h/week, full-time',
      'cannot work nights, weekends, lates, earlies, rotating, split, on call; advert: nights',
    ]);
  });
});
