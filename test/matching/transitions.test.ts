import { describe, expect, it } from 'vitest';
import { computeTransitions, occupationSource, transitionsFromOccupation } from '../../src/matching/transitions.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import { buildFixtureTaxonomy } from './fixture-taxonomy.ts';

const taxonomy = buildFixtureTaxonomy();

function similarity(from: string, to: string): number {
  const res = transitionsFromOccupation(taxonomy, from, { filter: 'all', limit: 100 });
  const t = res?.transitions.find((x) => x.occupation.id === to);
  if (!t) throw new Error(`${from} → ${to} not listed`);
  return t.similarity;
}

describe('occupation transitions', () => {
  it('are asymmetric: a senior care worker covers a care worker better than the reverse', () => {
    const up = similarity('soc:6135', 'soc:6136');
    const down = similarity('soc:6136', 'soc:6135');
    expect(down).toBeGreaterThan(up);
    expect(up).not.toBeCloseTo(down, 3);
    // The care worker lacks customer service, and teamwork at the level seniors need: teamwork is linked to
    // most occupations here (a dense skill), so only needing it more than the average occupation counts,
    // and a care worker's optional teamwork is just the average.
    const res = transitionsFromOccupation(taxonomy, '6135', { filter: 'all', limit: 100 });
    const senior = res?.transitions.find((t) => t.occupation.id === 'soc:6136');
    expect(senior?.gaps.map((g) => g.skillId).sort()).toEqual(['fp:customer-service', 'fp:teamwork']);
    expect(senior?.missingEssential).toBe(2);
    expect(senior?.components.essential).toBeLessThan(1);
  });

  it('ranks the close occupation first and leaves the origin out', () => {
    const res = transitionsFromOccupation(taxonomy, '6135', { filter: 'all' });
    expect(res?.origin.id).toBe('soc:6135');
    expect(res?.transitions[0]?.occupation.id).toBe('soc:6136');
    expect(res?.transitions.some((t) => t.occupation.id === 'soc:6135')).toBe(false);
    const sims = res?.transitions.map((t) => t.similarity) ?? [];
    expect([...sims].sort((a, b) => b - a)).toEqual(sims);
  });

  it('guards skill level: two levels up is not viable however similar', () => {
    const res = transitionsFromOccupation(taxonomy, '6135', { filter: 'all', limit: 100, minSimilarity: 0 });
    const doctor = res?.transitions.find((t) => t.occupation.id === 'soc:2211');
    expect(doctor?.guards.skillLevel).toMatchObject({ from: 2, to: 4, diff: 2, maxUp: 1, pass: false });
    expect(doctor?.viable).toBe(false);
    const viable = transitionsFromOccupation(taxonomy, '6135', { filter: 'viable', limit: 100, minSimilarity: 0 });
    expect(viable?.transitions.some((t) => t.occupation.id === 'soc:2211')).toBe(false);
    // With looser guards it is viable (the doctor's pay, 318% of a care worker's, is far above too).
    const loose = transitionsFromOccupation(taxonomy, '6135', { filter: 'viable', limit: 100, minSimilarity: 0, maxLevelUp: 2, maxPayRatio: 4 });
    expect(loose?.transitions.some((t) => t.occupation.id === 'soc:2211')).toBe(true);
  });

  it('guards pay: a big pay cut is viable but not desirable', () => {
    const res = transitionsFromOccupation(taxonomy, '8211', { filter: 'all', limit: 100, minSimilarity: 0 });
    const warehouse = res?.transitions.find((t) => t.occupation.id === 'soc:9252');
    expect(warehouse?.guards.pay.ratio).toBeCloseTo(21_000 / 34_000, 3);
    expect(warehouse?.guards.pay.pass).toBe(false);
    expect(warehouse?.viable).toBe(true);
    expect(warehouse?.desirable).toBe(false);
    const desirable = transitionsFromOccupation(taxonomy, '8211', { filter: 'desirable', limit: 100, minSimilarity: 0 });
    expect(desirable?.transitions.some((t) => t.occupation.id === 'soc:9252')).toBe(false);
    // Warehouse → sales: 20k / 21k = 0.95 ≥ 0.9.
    const w = transitionsFromOccupation(taxonomy, '9252', { filter: 'all', limit: 100, minSimilarity: 0 });
    expect(w?.transitions.find((t) => t.occupation.id === 'soc:7111')?.guards.pay.pass).toBe(true);
  });

  it('guards pay far above like far below: not viable, with the reason in words', () => {
    // Care worker (22k) → doctor (70k): 318% of their pay. With the level guard relaxed, pay alone stops it.
    const res = transitionsFromOccupation(taxonomy, '6135', { filter: 'all', limit: 100, minSimilarity: 0, maxLevelUp: 3 });
    const doctor = res?.transitions.find((t) => t.occupation.id === 'soc:2211');
    expect(doctor?.guards.pay).toMatchObject({ ratio: 3.182, max: 1.75, pass: false });
    expect(doctor?.viable).toBe(false);
    expect(doctor?.guards.reasons).toEqual(['pays 318% of their pay (more than 175%): a step that size takes more than a short course']);
    // Warehouse (21k) → HGV driver (34k) is 162%: a real step up, within the bound.
    const w = transitionsFromOccupation(taxonomy, '9252', { filter: 'all', limit: 100, minSimilarity: 0 });
    expect(w?.transitions.find((t) => t.occupation.id === 'soc:8211')?.guards).toMatchObject({ pay: { pass: true }, reasons: [] });
  });

  it('applies the similarity threshold', () => {
    const strict = transitionsFromOccupation(taxonomy, '6135', { minSimilarity: 0.99 });
    expect(strict?.transitions).toEqual([]);
    const res = transitionsFromOccupation(taxonomy, '6135', { minSimilarity: 0.2, filter: 'all', limit: 100 });
    expect(res?.transitions.every((t) => t.guards.similarity.pass === t.similarity >= 0.2)).toBe(true);
  });

  it('specificity counts: covering a rare essential skill moves you further than covering a common one', () => {
    const fromForklift = computeTransitions(
      taxonomy,
      { skills: new Map([['fp:picking-packing', 1]]), groups: new Map(), skillLevel: null, payAnnual: null, schemes: ['soc'], exclude: [] },
      { filter: 'all', limit: 100, minSimilarity: 0 },
    );
    const fromComms = computeTransitions(
      taxonomy,
      { skills: new Map([['fp:communication', 1]]), groups: new Map(), skillLevel: null, payAnnual: null, schemes: ['soc'], exclude: [] },
      { filter: 'all', limit: 100, minSimilarity: 0 },
    );
    const sim = (list: typeof fromForklift) => list.find((t) => t.occupation.id === 'soc:9252')?.components.essential ?? 0;
    expect(sim(fromForklift)).toBeGreaterThan(sim(fromComms));
  });

  it('compares dense skills (rated for most occupations, like O*NET\'s) above their average need', () => {
    // Graded importances on every occupation: raw coverage would make everything similar.
    const occs = ['a', 'b', 'c', 'd'].map((x) => ({ ...taxonomy.occupations.get('soc:9252')!, id: `onet:${x}`, scheme: 'onet' as const, code: x, title: x }));
    // Skills 0–3 matter most to a and b, skills 4–7 to c; d is middling on all.
    const ids = ['hgv-driving', 'route-planning', 'manual-handling', 'forklift-op', 'personal-care', 'medication', 'safeguarding', 'diagnosis'];
    const high = (o: string, k: number) => (o === 'd' ? 0.5 : (o === 'c') === k >= 4 ? (o === 'b' ? 0.85 : 0.9) : 0.3);
    const dense = createTaxonomy({
      versionId: 9,
      occupations: occs,
      skills: [...taxonomy.skills.values()],
      relations: occs.flatMap((o) =>
        ids.map((id, k) => ({ occupationId: o.id, skillId: `fp:${id}`, relation: 'essential' as const, weight: high(o.code, k) })),
      ),
      groups: [],
      sectors: [],
    });
    const res = transitionsFromOccupation(dense, 'onet:a', { filter: 'all', limit: 10, minSimilarity: 0 });
    const sim = (id: string) => res?.transitions.find((t) => t.occupation.id === id)?.similarity ?? 0;
    expect(sim('onet:b')).toBeGreaterThan(0.8);
    expect(sim('onet:c')).toBeLessThan(0.2);
    expect(res?.transitions[0]?.occupation.id).toBe('onet:b');
    expect(res?.transitions.find((t) => t.occupation.id === 'onet:c')?.gaps.map((g) => g.skillId).sort()).toEqual(
      ['fp:diagnosis', 'fp:medication', 'fp:personal-care', 'fp:safeguarding'],
    );
  });

  it('uses knowledge-type skills as their own component, and leaves it out where there are none', () => {
    const res = transitionsFromOccupation(taxonomy, '9252', { filter: 'all', limit: 100, minSimilarity: 0 });
    const chef = res?.transitions.find((t) => t.occupation.id === 'soc:5434');
    expect(chef?.components.knowledge).toBe(0);
    const sales = res?.transitions.find((t) => t.occupation.id === 'soc:7111');
    expect(sales?.components.knowledge).toBeNull();
  });

  it('answers undefined for an unknown origin, and caches per taxonomy snapshot', () => {
    expect(transitionsFromOccupation(taxonomy, '0000')).toBeUndefined();
    const a = transitionsFromOccupation(taxonomy, '6135', { filter: 'all' });
    const b = transitionsFromOccupation(taxonomy, '6135', { filter: 'all' });
    expect(b).toEqual(a);
    // A new snapshot without the senior role gives a different answer, not the cached one.
    const smaller = createTaxonomy({
      versionId: 2,
      occupations: [...taxonomy.occupations.values()].filter((o) => o.id !== 'soc:6136'),
      skills: [...taxonomy.skills.values()],
      relations: [...taxonomy.occupations.keys()].flatMap((id) => [...taxonomy.skillsOf(id)]),
      groups: [...taxonomy.groups.values()],
      sectors: [],
    });
    const c = transitionsFromOccupation(smaller, '6135', { filter: 'all' });
    expect(c?.transitions.some((t) => t.occupation.id === 'soc:6136')).toBe(false);
  });

  it('an occupation source holds its essential skills fully and optional ones at half', () => {
    const src = occupationSource(taxonomy, taxonomy.occupations.get('soc:9252')!);
    expect(src.skills.get('fp:picking-packing')).toBe(1);
    expect(src.skills.get('fp:forklift-op')).toBe(0.5);
    expect(src.groups.get('g:logistics')).toBe(1);
  });
});
