import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainRanked, FIT_MARGIN, rankCandidates, type Candidate } from '../../src/matching/rank.ts';
import { buildSkillProfile } from '../../src/participants/skill-profile.ts';
import type { RemotePreference } from '../../src/participants/store.ts';
import type { Vacancy, VacancySkill } from '../../src/vacancies/model.ts';
import { seedScenario, STOCK_CONTROLLER, TAXI_DRIVER, type Scenario } from './coach-scenarios.ts';
import { buildFixtureTaxonomy, OCCUPATIONS, SKILLS } from './fixture-taxonomy.ts';

/**
 * Issue 14, item 1: fit first. A clearly better fit (more than FIT_MARGIN)
 * is never outranked by a closer or newer but poorer one; remote counts as
 * near only for someone who accepts remote work; weak fits only with
 * `wider`; the order number is the one the list is sorted by.
 */

const taxonomy = buildFixtureTaxonomy();
const NOW = Date.parse('2026-03-01T00:00:00Z');

const arbVacancy = fc.record({
  skills: fc.subarray(SKILLS.map((s) => s.id)),
  required: fc.boolean(),
  occupation: fc.option(fc.constantFrom(...OCCUPATIONS.map((o) => o.code)), { nil: null }),
  remote: fc.constantFrom<Vacancy['remote']>('onsite', 'hybrid', 'remote', null),
  distanceKm: fc.option(fc.double({ min: 0, max: 40, noNaN: true }), { nil: null }),
  ageDays: fc.integer({ min: 0, max: 120 }),
});

type Row = typeof arbVacancy extends fc.Arbitrary<infer T> ? T : never;

function candidatesOf(rows: Row[], textQuery: boolean): Candidate[] {
  return rows.map((r, i) => {
    const skills: VacancySkill[] = r.skills.map((id) => ({ id, label: id, evidence: id, required: r.required, confidence: 1 }));
    const vacancy = {
      id: i + 1,
      skills,
      occupation: r.occupation ? { code: r.occupation, scheme: 'soc', confidence: 1, evidence: [] } : null,
      requirements: [],
      remote: r.remote,
      datePosted: NOW - r.ageDays * 86_400_000,
      firstSeen: NOW - r.ageDays * 86_400_000,
    } as unknown as Vacancy;
    return { vacancy, relevanceRank: textQuery ? i : null, distanceKm: r.distanceKm };
  });
}

describe('rankCandidates: fit first (property)', () => {
  it('never lists a vacancy above one whose fit is more than FIT_MARGIN higher, and sorts by the order number it shows', () => {
    fc.assert(
      fc.property(
        fc.array(arbVacancy, { minLength: 2, maxLength: 25 }),
        fc.subarray(SKILLS.map((s) => s.id), { minLength: 1 }),
        fc.constantFrom<RemotePreference | null>('onsite', 'hybrid', 'remote', 'any', null),
        fc.boolean(),
        (rows, held, pref, textQuery) => {
          const profile = buildSkillProfile(taxonomy, { history: [], skillsAdd: held, skillsRemove: [], licences: [] });
          const ranked = rankCandidates(taxonomy, profile, candidatesOf(rows, textQuery), {
            now: NOW,
            radiusKm: 30,
            textQuery,
            remotePreference: pref,
          });
          for (let i = 0; i < ranked.length; i++) {
            const a = ranked[i]!;
            // The number is the order: fit + margin × tie-break, tie-break within [0, 1].
            expect(a.rank).toBeCloseTo(a.components.match + FIT_MARGIN * a.components.tieBreak, 9);
            expect(a.components.tieBreak).toBeGreaterThanOrEqual(0);
            expect(a.components.tieBreak).toBeLessThanOrEqual(1 + 1e-9);
            if (i > 0) expect(a.rank).toBeLessThanOrEqual(ranked[i - 1]!.rank);
            if (a.vacancy.remote === 'remote' && pref === 'onsite') expect(a.components.distance).toBe(0);
            if (a.vacancy.remote === 'remote' && (pref === 'remote' || pref === 'any')) expect(a.components.distance).toBe(1);
            for (let j = i + 1; j < ranked.length; j++) {
              expect(ranked[j]!.components.match).toBeLessThanOrEqual(a.components.match + FIT_MARGIN);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('explains a ranked vacancy with the same numbers it was ranked by (explanations are built only for the ones shown)', () => {
    fc.assert(
      fc.property(fc.array(arbVacancy, { minLength: 1, maxLength: 15 }), fc.subarray(SKILLS.map((s) => s.id), { minLength: 1 }), (rows, held) => {
        const profile = buildSkillProfile(taxonomy, { history: [], skillsAdd: held, skillsRemove: [], licences: [] });
        for (const r of rankCandidates(taxonomy, profile, candidatesOf(rows, false), { now: NOW, radiusKm: 30, textQuery: false })) {
          const { match, fit } = explainRanked(taxonomy, profile, r);
          expect(match.score).toBe(fit.score);
          expect(match.coverage).toBe(fit.coverage);
          expect(match.evidence).toBe(fit.evidence);
          expect(match.requirementFactor).toBe(fit.requirementFactor);
          if (fit.coverage != null) expect(r.components.match).toBe(match.score);
          // What the card lists adds up to the coverage it shows.
          const covered = match.matched.reduce((a, m) => a + m.importance * m.credit, 0);
          if (fit.coverage != null) expect(Math.min(1, covered)).toBeCloseTo(fit.coverage, 9);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('matches for issue 14 participants (bundled taxonomy, East London)', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await seedScenario();
  });
  const matches = async (id: number, qs = '') => {
    const res = await s.app.request(`/v1/participants/${id}/matches${qs}`, { headers: { Authorization: `Bearer ${s.token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as any;
  };
  const titles = (body: any) => body.items.map((i: any) => i.vacancy.title);

  it('a stock controller in Walthamstow: a clearly better fit further away and older is above a poorer one next door and new', async () => {
    const id = s.addPerson(STOCK_CONTROLLER);
    const body = await matches(id);
    const warehouse = body.items.find((i: any) => i.vacancy.id === s.ids.get('warehouse-dagenham'));
    const admin = body.items.find((i: any) => i.vacancy.id === s.ids.get('admin-walthamstow'));
    // The setting that used to go wrong: the administrator is nearer and newer, the warehouse job a clearly better fit.
    expect(admin.distanceKm).toBeLessThan(warehouse.distanceKm);
    expect(admin.components.recency).toBeGreaterThan(warehouse.components.recency);
    expect(warehouse.components.match).toBeGreaterThan(admin.components.match + FIT_MARGIN);
    expect(titles(body).indexOf('Warehouse Operative')).toBeLessThan(titles(body).indexOf('Administrator'));
    expect(titles(body)[0]).toBe('Stock Controller');
    // The list is sorted by the number each card carries.
    const ranks = body.items.map((i: any) => i.rank);
    expect([...ranks].sort((a: number, b: number) => b - a)).toEqual(ranks);
    expect(body.applied.ranking).toMatchObject({ fitMargin: FIT_MARGIN, fitFloor: 0.2, wider: false, remoteCountsAsNear: false });
  });

  it('a remote office manager is not near for someone who wants on-site work, and is near for someone who accepts remote', async () => {
    const onsite = await matches(s.addPerson({ ...STOCK_CONTROLLER, reference: 'SC-onsite' }), '?wider=true');
    const om = onsite.items.find((i: any) => i.vacancy.id === s.ids.get('office-manager-remote'));
    expect(om.components.distance).toBe(0);
    expect(titles(onsite)[0]).not.toBe('Office Manager');
    expect(titles(onsite).indexOf('Office Manager')).toBeGreaterThan(titles(onsite).indexOf('Warehouse Operative'));
    const any = await matches(s.addPerson({ ...STOCK_CONTROLLER, reference: 'SC-any', remote: 'any' }), '?wider=true');
    const omAny = any.items.find((i: any) => i.vacancy.id === s.ids.get('office-manager-remote'));
    expect(omAny.components.distance).toBe(1);
    expect(any.applied.ranking.remoteCountsAsNear).toBe(true);
  });

  it('a taxi driver sees the driving job; the office, kitchen and warehouse jobs are weak fits shown only when wider', async () => {
    const id = s.addPerson(TAXI_DRIVER);
    const body = await matches(id);
    expect(titles(body)).toEqual(['Multi-drop Delivery Driver']);
    expect(body.belowFloor).toBe(5);
    const wide = await matches(id, '?wider=true');
    expect(wide.belowFloor).toBe(0);
    expect(titles(wide)[0]).toBe('Multi-drop Delivery Driver');
    expect(titles(wide)).toContain('Office Manager');
    expect(wide.items.filter((i: any) => i.components.match < 0.2)).toHaveLength(5);
  });

  it('the participant page shows the fit and the order number, says which orders the list, and toggles wider results', async () => {
    const id = s.addPerson({ ...TAXI_DRIVER, reference: 'TX-page' });
    const page = async (qs: string) =>
      (await s.app.request(`/participants/${id}${qs}`, { headers: { Accept: 'text/html', Cookie: `fp_session=${s.session}` } })).text();
    const html = await page('');
    const top = (await matches(id)).items[0];
    expect(html).toContain(`${Math.round(top.components.match * 100)}% fit`);
    expect(html).toContain(`List order ${top.rank.toFixed(3)}: fit first`);
    expect(html).toMatch(/List order 0\.\d{3}: fit first/);
    expect(html).toMatch(/Order 0\.\d{3} = fit 0\.\d{3} \+ 0\.1 × tie-break/);
    expect(html).toContain('5 weaker fits');
    expect(html).toContain('name="wider"');
    expect(html).not.toContain('Office Manager');
    const wide = await page('?wider=true');
    expect(wide).toContain('Office Manager');
    expect(wide).toContain('remote: not counted as near (they want on-site work)');
  });
});
