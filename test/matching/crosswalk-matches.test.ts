import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCoach } from '../../src/auth/coaches.ts';
import { DAY_MS, fixedClock } from '../../src/clock.ts';
import { openDb } from '../../src/db.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { crossSchemeOccupations } from '../../src/matching/cross-scheme-pool.ts';
import { buildSkillProfile } from '../../src/participants/skill-profile.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { createEnricher } from '../../src/taxonomy/enricher/index.ts';
import { importEsco } from '../../src/taxonomy/importers/esco.ts';
import { importSocIndex } from '../../src/taxonomy/importers/soc-index.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';
import { ingestVacancy } from '../../src/vacancies/ingest.ts';
import { RawVacancySchema } from '../../src/vacancies/model.ts';
import { addParticipant } from '../helpers/participants.ts';
import { createTestApp } from '../helpers/test-app.ts';

/**
 * Issue 14 item 5, one participant, many schemes: through the real app on
 * a :memory: store holding the bundled (SOC) taxonomy, our own small ESCO
 * release and SOC 2020 coding index (test/fixtures/crosswalk/), and
 * vacancies coded by their source in one scheme, a participant whose
 * history is in the other scheme gets them, explained.
 */
const NOW = Date.parse('2026-03-01T09:00:00Z');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'crosswalk');
const WAREHOUSE_WORKER = 'esco:cccc0001-0000-4000-8000-000000000001';
const HOME = { location: 'Walthamstow, E17', lat: 51.5862, lon: -0.018 };

// Descriptions that name no skill we know: what they need comes from their occupation's code alone.
const ADVERTS = [
  { ref: 'soc-warehouse', title: 'Team member (days)', occupation: { code: '9252', scheme: 'soc' } },
  { ref: 'esco-warehouse', title: 'Site colleague', occupation: { code: '9333.3', scheme: 'esco' } },
];

async function seed(opts: { codingIndex: boolean }) {
  const db = openDb(':memory:');
  const clock = fixedClock(NOW);
  ensureBundledTaxonomy(db, NOW);
  await importEsco(db, join(FIXTURES, 'esco'), { now: NOW });
  if (opts.codingIndex) await importSocIndex(db, join(FIXTURES, 'coding-index.tsv'), { now: NOW });
  const taxonomy = loadTaxonomy(db);
  const enricher = createEnricher(taxonomy, db);
  const geocoder = createGeocoder(db);
  const ids = new Map<string, number>();
  for (const a of ADVERTS) {
    const raw = RawVacancySchema.parse({
      reference: a.ref, title: a.title, employer: 'Example Logistics Ltd', ...HOME,
      description: 'Join our friendly team in Walthamstow. Immediate start, weekly pay.',
      occupation: a.occupation, datePosted: new Date(NOW - 2 * DAY_MS).toISOString().slice(0, 10),
    });
    const r = ingestVacancy({ db, now: clock, enricher, geocoder }, { source: 'test:crosswalk', raw });
    if (!('id' in r) || typeof r.id !== 'number') throw new Error(`advert ${a.ref} not stored`);
    ids.set(a.ref, r.id);
  }
  const search = new SqliteEngine(db);
  await drainOutbox(db, search);
  const { app } = createTestApp({ db, search, taxonomy: () => taxonomy, enricher: () => enricher, geocoder, now: clock });
  const { coach, token } = createCoach(db, { name: 'Ann Coach', org: 'North Works' }, NOW);
  const add = (body: Record<string, unknown>) =>
    addParticipant({ db, taxonomy: () => taxonomy, enricher: () => enricher, geocoder, now: clock }, coach, {
      location: `${HOME.lat},${HOME.lon}`, maxTravelKm: 20, remote: 'onsite', ...body,
    }).id;
  const matches = async (id: number) => {
    const res = await app.request(`/v1/participants/${id}/matches`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as any;
  };
  return { ids, add, matches, taxonomy };
}

const item = (m: any, id: number) => m.items.find((x: any) => x.vacancy.id === id);
const whys = (it: any): string[] => it.match.explanation.matched.map((s: any) => s.held.why);

describe('with ESCO and the coding index imported', () => {
  let s: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    s = await seed({ codingIndex: true });
  });

  it('an ESCO-resolved participant gets the SOC-coded vacancy, explained through the crosswalk', async () => {
    const id = s.add({ reference: 'ESCO-1', history: [{ occupation: WAREHOUSE_WORKER, years: 5 }] });
    const m = await s.matches(id);
    const soc = item(m, s.ids.get('soc-warehouse')!);
    expect(soc, 'SOC-coded vacancy in the list').toBeDefined();
    expect(soc.match.score).toBeGreaterThanOrEqual(0.2);
    const reasons = whys(soc);
    expect(reasons.some((w) => w.includes("through the crosswalk: past job ESCO 'warehouse worker' ≈ SOC 9252 Warehouse operatives"))).toBe(true);
    expect(reasons.join('\n')).toContain('ISCO-08 9333 Freight handlers: 80% of its coding-index titles are in SOC 9252');
    // Needs it shares by label count as held, the same skill under the bundled id.
    const picking = soc.match.explanation.matched.find((x: any) => x.skillId === 'fp:order-picking');
    expect(picking.credit).toBe(1);
    expect(picking.held.why).toContain('the same skill as “pick orders for dispatching”');
  });

  it('the crosswalk counts the modal SOC unit group first and a discounted one lower', async () => {
    const links = s.taxonomy.crosswalk.linksOf(WAREHOUSE_WORKER);
    expect(links[0]).toMatchObject({ occupationIds: ['soc:9252'], modal: true, share: 0.8 });
    expect(links[1]).toMatchObject({ occupationIds: ['soc:8214'], modal: false, share: 0.2 });
  });

  it('searches the crosswalked occupations for candidates, modal first', () => {
    const profile = buildSkillProfile(s.taxonomy, { history: [{ occupationId: WAREHOUSE_WORKER, years: 5, endedYearsAgo: 0 }], skillsAdd: [], skillsRemove: [], licences: [] });
    const pool = crossSchemeOccupations(s.taxonomy, profile, { salaryFloor: null });
    expect(pool.slice(0, 2)).toEqual(['soc:9252', 'soc:8214']);
    const fromSoc = buildSkillProfile(s.taxonomy, { history: [{ occupationId: 'soc:9252', years: 5, endedYearsAgo: 0 }], skillsAdd: [], skillsRemove: [], licences: [] });
    expect(crossSchemeOccupations(s.taxonomy, fromSoc, { salaryFloor: null })).toEqual(
      expect.arrayContaining([WAREHOUSE_WORKER, 'esco:cccc0001-0000-4000-8000-000000000002']),
    );
  });

  it('a SOC participant gets the ESCO-coded vacancy, explained through the crosswalk', async () => {
    const id = s.add({ reference: 'SOC-1', history: [{ occupation: 'soc:9252', years: 5 }] });
    const m = await s.matches(id);
    const esco = item(m, s.ids.get('esco-warehouse')!);
    expect(esco, 'ESCO-coded vacancy in the list').toBeDefined();
    expect(esco.match.score).toBeGreaterThanOrEqual(0.2);
    const reasons = whys(esco).join('\n');
    expect(reasons).toContain('through the crosswalk: past job SOC 9252 Warehouse operatives ≈ ISCO-08 9333 Freight handlers');
    expect(reasons).toMatch(/needed by \d of its 2 ESCO occupations/);
    // Their own SOC-coded vacancy is still there, as before.
    expect(item(m, s.ids.get('soc-warehouse')!)).toBeDefined();
  });
});

describe('without a crosswalk (no coding index)', () => {
  let s: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    s = await seed({ codingIndex: false });
  });

  it('the ESCO participant still gets the SOC-coded vacancy through the skills both schemes name', async () => {
    expect(s.taxonomy.crosswalk.empty).toBe(true);
    const id = s.add({ reference: 'ESCO-2', history: [{ occupation: WAREHOUSE_WORKER, years: 5 }] });
    const m = await s.matches(id);
    expect(m.items.length).toBeGreaterThan(0);
    const soc = item(m, s.ids.get('soc-warehouse')!);
    expect(soc).toBeDefined();
    expect(soc.match.score).toBeGreaterThan(0);
    const matched = soc.match.explanation.matched.map((x: any) => x.skillId).sort();
    expect(matched).toEqual(expect.arrayContaining(['fp:manual-handling', 'fp:order-picking', 'fp:packing']));
    expect(whys(soc).join('\n')).not.toContain('through the crosswalk');
  });

  it('searches other schemes’ occupations close by shared skills for candidates', () => {
    const profile = buildSkillProfile(s.taxonomy, { history: [{ occupationId: WAREHOUSE_WORKER, years: 5, endedYearsAgo: 0 }], skillsAdd: [], skillsRemove: [], licences: [] });
    const pool = crossSchemeOccupations(s.taxonomy, profile, { salaryFloor: null });
    expect(pool).toContain('soc:9252');
    expect(pool.every((id) => id.startsWith('soc:'))).toBe(true);
  });

  it('the SOC participant gets the ESCO-coded vacancy the same way', async () => {
    const id = s.add({ reference: 'SOC-2', history: [{ occupation: 'soc:9252', years: 5 }] });
    const m = await s.matches(id);
    const esco = item(m, s.ids.get('esco-warehouse')!);
    expect(esco).toBeDefined();
    expect(esco.match.score).toBeGreaterThan(0);
    expect(whys(esco).join('\n')).toContain('the same skill as “Order picking”');
  });
});
