import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { ONET_CALIBRATION, ONET_REPORTED_QUANTILES, onetIndex, quantile } from '../../src/matching/onet-similarity.ts';
import { computeTransitions, profileSource, transitionsFromOccupation, transitionsTo } from '../../src/matching/transitions.ts';
import { buildSkillProfile } from '../../src/participants/skill-profile.ts';
import { importOnet } from '../../src/taxonomy/importers/onet.ts';
import type { Taxonomy } from '../../src/taxonomy/model.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';

// Seven occupations in O*NET's own file formats, written for this test
// (test/fixtures/onet-transitions): carers, a nurse, a skincare specialist
// whose Skills ratings look much like a carer's, two retail jobs and a
// truck driver.
const dir = fileURLToPath(new URL('../fixtures/onet-transitions', import.meta.url));
let taxonomy: Taxonomy;

beforeAll(async () => {
  const db = openDb(':memory:');
  await importOnet(db, dir, { now: 1_700_000_000_000 });
  taxonomy = loadTaxonomy(db);
});

const HHA = 'onet:31-1121.00';
const NA = 'onet:31-1131.00';
const RN = 'onet:29-1141.00';
const SKIN = 'onet:39-5094.00';
const RETAIL = 'onet:41-2031.00';
const CASHIER = 'onet:41-2011.00';
const TRUCK = 'onet:53-3032.00';

function from(origin: string) {
  const res = transitionsFromOccupation(taxonomy, origin, { filter: 'all', limit: 100 });
  if (!res) throw new Error(`no origin ${origin}`);
  return (to: string) => {
    const t = res.transitions.find((x) => x.occupation.id === to);
    if (!t) throw new Error(`${origin} → ${to} not listed`);
    return t;
  };
}

describe('O*NET transitions on importance and level', () => {
  it('rank a plausible destination above one whose skill ratings merely look alike', () => {
    const t = from(HHA);
    expect(t(NA).similarity).toBeGreaterThan(t(SKIN).similarity);
    expect(t(NA).similarity).toBeGreaterThan(t(RETAIL).similarity);
    expect(t(SKIN).similarity).toBeGreaterThan(t(TRUCK).similarity);
    // Work activities and knowledge tell the carer from the skincare specialist; skills alone barely do.
    expect(t(NA).domains!.activities!).toBeGreaterThan(t(SKIN).domains!.activities!);
    expect(t(NA).domains!.knowledge!).toBeGreaterThan(t(SKIN).domains!.knowledge!);
    const r = from(RETAIL);
    expect(r(CASHIER).similarity).toBeGreaterThan(r(HHA).similarity);
    expect(r(CASHIER).similarity).toBeGreaterThan(r(TRUCK).similarity);
  });

  it('are asymmetric through level: a nurse reaches what a carer needs, not the other way round', () => {
    const up = from(HHA)(RN);
    const down = from(RN)(HHA);
    expect(down.similarity).toBeGreaterThan(up.similarity);
    expect(down.domains!.skills!).toBeGreaterThan(up.domains!.skills!);
  });

  it('set the viability threshold from the distribution of pairwise similarity', () => {
    const idx = onetIndex(taxonomy)!;
    const sims: number[] = [];
    for (const a of idx.occs) {
      for (const t of transitionsFromOccupation(taxonomy, a.id, { filter: 'all', limit: 100 })!.transitions) sims.push(t.similarity);
    }
    sims.sort((a, b) => a - b);
    expect(idx.calibration.pairs).toBe(7 * 6);
    expect(sims).toHaveLength(42);
    expect(idx.calibration.viable).toBeCloseTo(quantile(sims, ONET_CALIBRATION.viableQuantile), 3);
    expect(idx.calibration.quantiles.map((q) => q.q)).toEqual([...ONET_REPORTED_QUANTILES]);
    for (const q of idx.calibration.quantiles) expect(q.value).toBeCloseTo(quantile(sims, q.q), 3);

    // The guard applies it, and says so; a caller's own threshold still wins.
    const viable = transitionsFromOccupation(taxonomy, HHA, { limit: 100 })!.transitions;
    for (const t of viable) {
      expect(t.guards.similarity.min).toBe(idx.calibration.viable);
      expect(t.similarity).toBeGreaterThanOrEqual(idx.calibration.viable);
    }
    const all = transitionsFromOccupation(taxonomy, HHA, { filter: 'all', limit: 100, minSimilarity: 0 })!.transitions;
    expect(all).toHaveLength(6);
    expect(all.every((t) => t.guards.similarity.min === 0 && t.guards.similarity.pass)).toBe(true);
    expect(viable.length).toBeLessThan(all.length);
  });

  it('start a participant from their O*NET history, minus what the coach removed, plus what they added', () => {
    const profile = (input: { history?: string[]; add?: string[]; remove?: string[] }) =>
      buildSkillProfile(taxonomy, {
        history: (input.history ?? []).map((occupationId) => ({ occupationId, years: 3, endedYearsAgo: 0 })),
        skillsAdd: input.add ?? [],
        skillsRemove: input.remove ?? [],
        licences: [],
      });
    const pay = { salaryFloor: null };
    const carer = profile({ history: [HHA] });
    const asCarer = computeTransitions(taxonomy, profileSource(taxonomy, carer, pay), { filter: 'all', limit: 100 });
    const asOccupation = transitionsFromOccupation(taxonomy, HHA, { filter: 'all', limit: 100 })!.transitions;
    // One job and nothing changed: the participant is that occupation's rating vector.
    expect(asCarer.map((t) => [t.occupation.id, t.similarity])).toEqual(asOccupation.map((t) => [t.occupation.id, t.similarity]));

    // Without history there is no activity vector, so that domain is left out; skills still rank.
    const skillsOnly = profile({ add: ['onet:2.B.1.a', 'onet:2.B.1.e', 'onet:2.C.5.a', 'onet:2.C.7.c'] });
    const bySkills = computeTransitions(taxonomy, profileSource(taxonomy, skillsOnly, pay), { filter: 'all', limit: 100 });
    const na = bySkills.find((t) => t.occupation.id === NA)!;
    expect(na.domains!.activities).toBeNull();
    expect(na.similarity).toBeGreaterThan(bySkills.find((t) => t.occupation.id === TRUCK)!.similarity);

    // Removing the carer's medicine and psychology knowledge moves them away from the nursing assistant.
    const trimmed = profile({ history: [HHA], remove: ['onet:2.C.5.a', 'onet:2.C.7.c'] });
    const t = computeTransitions(taxonomy, profileSource(taxonomy, trimmed, pay), { filter: 'all', limit: 100 });
    const before = asCarer.find((x) => x.occupation.id === NA)!;
    const after = t.find((x) => x.occupation.id === NA)!;
    expect(after.domains!.knowledge!).toBeLessThan(before.domains!.knowledge!);

    // Targets get the same measure and guards, whatever their similarity.
    const [target] = transitionsTo(taxonomy, profileSource(taxonomy, carer, pay), [RN]);
    expect(target!.similarity).toBe(from(HHA)(RN).similarity);
    expect(target!.guards.similarity.min).toBe(onetIndex(taxonomy)!.calibration.viable);
  });
});
