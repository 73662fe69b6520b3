import { describe, expect, it } from 'vitest';
import { dayOf, isoDay } from '../../src/pivots/demand-history.ts';
import { growthSignals } from '../../src/pivots/growth.ts';
import { suggestPivots, type PivotSuggestion } from '../../src/pivots/pivots.ts';
import { NOW, pivotWorld } from './pivot-fixture.ts';

describe('pivot suggestions', () => {
  const w = pivotWorld();
  const res = suggestPivots(w.deps, w.participantId);
  const items: PivotSuggestion[] = res.groups.flatMap((g) => g.items);
  const byId = new Map(items.map((s) => [s.occupation.id, s]));

  it('a growing reachable sector outranks a shrinking one that is equal in every other respect', () => {
    const care = byId.get('soc:6135')!;
    const retail = byId.get('soc:7111')!;
    expect(care).toBeDefined();
    expect(retail).toBeDefined();
    // Mirror images: same similarity, pay and local demand; only growth differs.
    expect(retail.transferability.similarity).toBe(care.transferability.similarity);
    expect(retail.factors.pay).toBe(care.factors.pay);
    expect(retail.factors.localDemand).toBe(care.factors.localDemand);
    expect(care.growth.sector?.label).toBe('growing');
    expect(retail.growth.sector?.label).toBe('shrinking');
    expect(care.factors.growth).toBeGreaterThan(1);
    expect(retail.factors.growth).toBeLessThan(1);
    expect(care.score).toBeGreaterThan(retail.score);
    const order = res.groups.map((g) => g.sector);
    expect(order.indexOf('Q')).toBeLessThan(order.indexOf('G'));
    // The score is the product of its factors, each shown.
    const f = care.factors;
    expect(care.score).toBeCloseTo(f.transferability * f.growth * f.localDemand * f.pay, 2);
  });

  it('an unreachable occupation is not suggested however fast its sector grows', () => {
    const f = growthSignals(w.db, { dim: 'sector', area: res.area, keys: ['F'], now: NOW }).get('F')!;
    expect(f.label).toBe('growing');
    expect(byId.has('soc:1122')).toBe(false);
    expect(res.excluded.unreachable).toBeGreaterThanOrEqual(1);
    // Nor is what they already do.
    expect(byId.has('soc:9260')).toBe(false);
  });

  it('each suggestion carries its skill gaps, the courses that bridge them, local vacancies with a link, and growth numbers', () => {
    const fork = byId.get('soc:8214')!;
    expect(fork.gaps.map((g) => g.skillId)).toEqual(['fp:forklift-counterbalance']);
    expect(fork.courses[0]).toMatchObject({ id: 'forklift-counterbalance' });
    expect(fork.courses[0]!.covers.map((c) => c.skillId)).toEqual(['fp:forklift-counterbalance']);
    const care = byId.get('soc:6135')!;
    expect(care.gaps.map((g) => g.skillId).sort()).toEqual(['fp:care-certificate', 'fp:safeguarding-adults']);
    expect(care.courses[0]?.covers.map((c) => c.skillId).sort()).toEqual(['fp:care-certificate', 'fp:safeguarding-adults']);
    expect(care.courses.map((c) => c.id)).toContain('care-certificate');
    expect(care.vacancies.live).toBe(20);
    expect(care.vacancies.radiusKm).toBe(20);
    expect(care.vacancies.link).toBe(`/v1/participants/${w.participantId}/matches?q=care%20assistant&sector=Q&wider=true`);
    // Retail's 50 London vacancies are out of range.
    expect(byId.get('soc:7111')!.vacancies.live).toBe(20);
    // 10 all along, 10 more for the last 61 of the 91 days: 10 + 10 × 61/91.
    expect(care.growth.occupation).toMatchObject({ source: 'own history', recent: { avgLive: 16.7, new: 10 }, previous: { avgLive: 10 } });
    expect(res.area).toMatchObject({ type: 'region', name: 'Yorkshire and The Humber' });
  });

  it('each sector group carries its live vacancies a day in the area for the chart, from where its history starts', () => {
    const toDay = dayOf(NOW);
    const care = res.groups.find((g) => g.sector === 'Q')!.trend!;
    // History reaches back 500 days, so the chart covers the whole last year: 10 live, then 20.
    expect(care.from).toBe(isoDay(toDay - 364));
    expect(care.to).toBe(isoDay(toDay));
    expect(care.live).toHaveLength(365);
    expect(care.live[0]).toBe(10);
    expect(care.live.at(-1)).toBe(20);
    // Retail halved 13 weeks ago (the London vacancies are in another region).
    const retail = res.groups.find((g) => g.sector === 'G')!.trend!;
    expect(retail.live[0]).toBe(40);
    expect(retail.live.at(-1)).toBe(20);
  });
});
