import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { fixedClock } from '../../src/clock.ts';
import { openDb, type Db } from '../../src/db.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import type { NormalisedVacancy, Place } from '../../src/vacancies/model.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { upsertVacancy } from '../../src/vacancies/store.ts';
import { buildFixtureTaxonomy } from '../matching/fixture-taxonomy.ts';

/**
 * Issue 14 item 4 through the API: the preference fields are validated
 * (problem+json naming the field), stored, scored in the matches and, where
 * the participant says "must", filtered.
 */
const NOW = Date.parse('2026-03-01T09:00:00Z');
const HOME = { lat: 53.8, lon: -1.55 };

let db: Db;
let engine: SqliteEngine;
let app: ReturnType<typeof createTestApp>['app'];
let token: string;

beforeEach(() => {
  db = openDb(':memory:');
  engine = new SqliteEngine(db);
  const taxonomy = buildFixtureTaxonomy();
  ({ app } = createTestApp({ db, search: engine, taxonomy: () => taxonomy, now: fixedClock(NOW) }));
  token = createCoach(db, { name: 'Ann', org: 'north-works' }, NOW).token;
});

const call = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** A warehouse vacancy (the occupation every candidate shares, so fit is equal) with the given terms, `km` north of home. */
function warehouseJob(title: string, km: number, terms: Partial<NormalisedVacancy>): number {
  const base = normaliseVacancy({ now: NOW }, { reference: title, title, description: `${title} wanted.` });
  const location: Place = { text: 'x', lat: HOME.lat + km / 111.2, lon: HOME.lon, postcode: null, town: null, localAuthority: null, region: null, resolved: true };
  const v: NormalisedVacancy = {
    ...base, location, datePosted: NOW - 86_400_000, occupation: { code: '9252', scheme: 'soc', confidence: 1, evidence: [] }, ...terms,
  };
  return upsertVacancy(db, { source: 'test', vacancy: v }, NOW).id;
}

const PARENT = {
  location: `${HOME.lat},${HOME.lon}`,
  maxTravelKm: 10,
  history: [{ occupation: 'soc:9252', years: 4 }],
  hoursPerWeek: 20,
  hoursPattern: 'school_hours',
  avoidShifts: ['weekends'],
  remote: 'onsite',
};

async function create(body: unknown): Promise<number> {
  const res = await call('POST', '/v1/participants', body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

describe('participant preferences', () => {
  it('rejects unknown values with problem+json naming each field, and keeps what was stored', async () => {
    const id = await create(PARENT);
    const res = await call('PATCH', `/v1/participants/${id}`, { hoursPattern: 'evenings', avoidShifts: ['nights', 'mondays'], must: ['hours', 'pay'] });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort();
    expect(paths).toEqual(['avoidShifts.1', 'hoursPattern', 'must.1']);
    const stored = (await (await call('GET', `/v1/participants/${id}`)).json()) as any;
    expect(stored).toMatchObject({ hoursPattern: 'school_hours', avoidShifts: ['weekends'], must: [] });
  });

  it('scores hours, shifts and travel, and filters only what the participant calls a must', async () => {
    const fits = warehouseJob('Warehouse operative school hours', 2, { hoursPerWeek: 20, shifts: ['days'] });
    const fullTime = warehouseJob('Warehouse operative full time', 2, { hoursPerWeek: 40 });
    const weekends = warehouseJob('Warehouse operative weekends', 2, { hoursPerWeek: 16, shifts: ['weekends'] });
    const beyond = warehouseJob('Warehouse operative across town', 13, { hoursPerWeek: 20 });
    const tooFar = warehouseJob('Warehouse operative far away', 40, { hoursPerWeek: 20 });
    await drainOutbox(db, engine);

    const id = await create(PARENT);
    const soft = (await (await call('GET', `/v1/participants/${id}/matches`)).json()) as any;
    const order = soft.items.map((i: any) => i.vacancy.id);
    // Same skill fit for all: the one that suits them first, the ones that clash after, none hidden.
    expect(order[0]).toBe(fits);
    expect(order).toEqual(expect.arrayContaining([fullTime, weekends, beyond]));
    // 13 km is past their 10 km but within the 15 km the search reaches; 40 km is not.
    expect(order).not.toContain(tooFar);
    expect(soft.applied.ranking).toMatchObject({ must: [], searchedKm: 15 });
    const item = (vid: number) => soft.items.find((i: any) => i.vacancy.id === vid);
    const status = (vid: number, pref: string) => item(vid).preferences.checks.find((c: any) => c.preference === pref)?.status;
    expect(status(fits, 'hours')).toBe('met');
    expect(status(fullTime, 'hours')).toBe('not met');
    expect(status(weekends, 'shifts')).toBe('not met');
    expect(status(beyond, 'travel')).toBe('not met');
    expect(item(fullTime).components.conditions).toBe(0.6);
    expect(item(fullTime).rank).toBeLessThan(item(fits).rank);
    expect(soft.leftOutByMust).toBe(0);

    const patched = await call('PATCH', `/v1/participants/${id}`, { must: ['hours', 'shifts', 'travel'] });
    expect(patched.status).toBe(200);
    const hard = (await (await call('GET', `/v1/participants/${id}/matches`)).json()) as any;
    expect(hard.items.map((i: any) => i.vacancy.id)).toEqual([fits]);
    // The full-time and weekend jobs are counted; the one past their limit is no longer searched (travel is a must).
    expect(hard.leftOutByMust).toBe(2);
    expect(hard.applied.ranking).toMatchObject({ must: ['hours', 'shifts', 'travel'], searchedKm: 10 });
  });

  it('a salary floor is scored unless it is a must', async () => {
    const good = warehouseJob('Warehouse operative well paid', 2, { salary: pay(24000) });
    const low = warehouseJob('Warehouse operative low paid', 2, { salary: pay(18000) });
    await drainOutbox(db, engine);
    const id = await create({ location: `${HOME.lat},${HOME.lon}`, history: [{ occupation: 'soc:9252', years: 4 }], salaryFloor: 22000 });
    const soft = (await (await call('GET', `/v1/participants/${id}/matches`)).json()) as any;
    expect(soft.items.map((i: any) => i.vacancy.id)).toEqual([good, low]);
    expect(soft.applied.salaryMinSource).toBe('salary floor, a preference (pay below it ranks lower)');
    await call('PATCH', `/v1/participants/${id}`, { must: ['salary'] });
    const hard = (await (await call('GET', `/v1/participants/${id}/matches`)).json()) as any;
    expect(hard.items.map((i: any) => i.vacancy.id)).toEqual([good]);
  });
});

function pay(annual: number): NormalisedVacancy['salary'] {
  return { min: annual, max: annual, currency: 'GBP', period: 'year', annualMin: annual, annualMax: annual, text: `£${annual}` };
}
