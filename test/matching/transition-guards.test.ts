import { describe, expect, it } from 'vitest';
import { GUARD_THRESHOLDS, guardTransition } from '../../src/matching/transition-guards.ts';
import { fullTimeFloor } from '../../src/matching/transitions.ts';

const base = { similarity: 0.5, fromLevel: 2, toLevel: 2, fromPay: 22000, toPay: 22000 };

describe('guardTransition: one guard for moves far below and far above', () => {
  it.each([
    // name, change, viable, desirable, reason fragment (null: passes every guard)
    ['a like-for-like move', {}, true, true, null],
    ['too little overlap', { similarity: 0.2 }, false, false, 'skill overlap 20% is below the 25%'],
    ['two skill levels up', { toLevel: 4 }, false, false, 'skill level 4 is 2 above'],
    ['one skill level up', { toLevel: 3 }, true, true, null],
    // The example: a train driver at 273% of a warehouse operative's pay.
    ['pay far above (273%)', { toPay: 22000 * 2.73 }, false, false, 'pays 273% of their pay (more than 175%)'],
    ['pay just inside the upper bound (175%)', { toPay: 22000 * 1.75 }, true, true, null],
    ['pay far below (70%)', { toPay: 22000 * 0.7 }, true, false, 'pays 70% of their pay (less than 90%): a pay cut'],
    ['pay unknown', { toPay: null }, true, true, null],
    // Far above compares with the pay level they are at, a cut with their floor: a low floor does not make every job "far above".
    ['a low floor, a like-for-like current pay', { fromPay: 12000, fromCurrentPay: 22000, toPay: 30000 }, true, true, null],
    ['far above their current pay', { fromPay: 30000, fromCurrentPay: 22000, toPay: 40000 }, false, false, 'pays 182% of their pay'],
    ['their level unknown', { fromLevel: null, toLevel: 5 }, true, true, null],
  ] as const)('%s', (_name, change, viable, desirable, reason) => {
    const v = guardTransition({ ...base, ...change });
    expect(v.viable).toBe(viable);
    expect(v.desirable).toBe(desirable);
    if (reason == null) expect(v.guards.reasons).toEqual([]);
    else expect(v.guards.reasons.join('; ')).toContain(reason);
  });

  it('states every threshold it applies on the result', () => {
    const g = guardTransition(base).guards;
    expect(g.similarity.min).toBe(GUARD_THRESHOLDS.minSimilarity);
    expect(g.skillLevel.maxUp).toBe(GUARD_THRESHOLDS.maxLevelUp);
    expect([g.pay.min, g.pay.max]).toEqual([GUARD_THRESHOLDS.minPayRatio, GUARD_THRESHOLDS.maxPayRatio]);
  });

  it('gives every failing guard its own reason', () => {
    const v = guardTransition({ similarity: 0.1, fromLevel: 1, toLevel: 4, fromPay: 20000, toPay: 80000 });
    expect(v.guards.reasons).toHaveLength(3);
    expect(v.guards.pay.pass).toBe(false);
  });
});

describe('fullTimeFloor: a part-time floor compares with full-time typical pay', () => {
  it.each([
    [{ salaryFloor: 11000, hoursPerWeek: 20 }, 20625],
    [{ salaryFloor: 22000, hoursPerWeek: 37.5 }, 22000],
    [{ salaryFloor: 22000, hoursPerWeek: 45 }, 22000],
    [{ salaryFloor: 22000, hoursPerWeek: null }, 22000],
    [{ salaryFloor: null, hoursPerWeek: 20 }, null],
  ])('%j → %s', (pay, expected) => {
    expect(fullTimeFloor(pay)).toBe(expected);
  });
});
