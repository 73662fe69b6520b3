import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { fixedClock } from '../../src/clock.ts';
import { openDb, type Db } from '../../src/db.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import type { NormalisedVacancy, Place } from '../../src/vacancies/model.ts';
import type { Geocoder } from '../../src/geo/geocoder-port.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { upsertVacancy } from '../../src/vacancies/store.ts';
import { buildFixtureTaxonomy } from '../matching/fixture-taxonomy.ts';

const NOW = Date.parse('2026-03-01T09:00:00Z');
const LEEDS = { lat: 53.7997, lon: -1.5492 };

/** A geocoder that knows one town: enough to test the place-name path without the real one. */
const geocoder: Geocoder = {
  geocode: (text: string): Place | null =>
    /^leeds$/i.test(text.trim())
      ? { text, ...LEEDS, postcode: null, town: 'Leeds', localAuthority: null, region: 'Yorkshire and The Humber', resolved: true }
      : null,
};

interface Ctx {
  db: Db;
  app: ReturnType<typeof createTestApp>['app'];
  tokenA: string;
  tokenA2: string;
  tokenB: string;
  coachA: number;
  engine: SqliteEngine;
}

function setup(): Ctx {
  const db = openDb(':memory:');
  const engine = new SqliteEngine(db);
  const taxonomy = buildFixtureTaxonomy();
  const { app } = createTestApp({ db, search: engine, taxonomy: () => taxonomy, geocoder, now: fixedClock(NOW) });
  const a = createCoach(db, { name: 'Ann', org: 'north-works' }, NOW);
  const a2 = createCoach(db, { name: 'Ade', org: 'north-works' }, NOW);
  const b = createCoach(db, { name: 'Bea', org: 'south-skills' }, NOW);
  return { db, app, tokenA: a.token, tokenA2: a2.token, tokenB: b.token, coachA: a.coach.id, engine };
}

function call(ctx: Ctx, method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return ctx.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const PERSON = {
  reference: 'CASE-0042',
  name: 'Jordan Example',
  location: '53.80,-1.55',
  maxTravelKm: 20,
  history: [
    { title: 'Warehouse worker', years: 3 },
    { occupation: 'soc:7111', years: 2 },
  ],
  skills: { add: ['Operate a forklift'], remove: [] },
  licences: ['B'],
  qualifications: ['NVQ Level 2 Warehousing'],
  hoursPerWeek: 37.5,
  salaryFloor: 20000,
  remote: 'onsite',
};

async function createPerson(ctx: Ctx, token = ctx.tokenA, body: unknown = PERSON): Promise<number> {
  const res = await call(ctx, 'POST', '/v1/participants', token, body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

function auditRows(db: Db) {
  return db.$client.prepare('SELECT actor, action, subject_type, subject_id, detail FROM audit_log ORDER BY id').all() as {
    actor: string;
    action: string;
    subject_type: string;
    subject_id: string | null;
    detail: string | null;
  }[];
}

describe('participants API', () => {
  let ctx: Ctx;
  beforeEach(() => {
    ctx = setup();
  });

  it('describes its operations in /openapi.json', async () => {
    const doc = (await (await ctx.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/v1/participants'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/v1/participants/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    expect(doc.paths['/v1/participants/{id}/matches']?.get).toBeDefined();
    expect(doc.paths['/v1/participants/{id}/transitions']?.get).toBeDefined();
  });

  it('needs a coach token', async () => {
    expect((await call(ctx, 'GET', '/v1/participants', null)).status).toBe(401);
    expect((await call(ctx, 'POST', '/v1/participants', 'coach_nonsense', PERSON)).status).toBe(401);
  });

  it('creates a participant, resolving history, skills, licences and location', async () => {
    const res = await call(ctx, 'POST', '/v1/participants', ctx.tokenA, PERSON);
    expect(res.status).toBe(201);
    const p = (await res.json()) as any;
    expect(res.headers.get('Location')).toBe(`/v1/participants/${p.id}`);
    expect(p.location).toEqual({ text: '53.80,-1.55', lat: 53.8, lon: -1.55, resolved: true });
    expect(p.history[0]).toMatchObject({ title: 'Warehouse worker', occupation: { id: 'soc:9252', title: 'Warehouse operative' }, resolvedBy: 'title' });
    expect(p.history[1]).toMatchObject({ occupation: { id: 'soc:7111' }, resolvedBy: 'given' });
    expect(p.skills.add).toEqual([{ id: 'fp:forklift-op', label: 'Operate a forklift' }]);
    expect(p.licences).toEqual([{ code: 'driving:B', label: 'Driving licence category B' }]);
    const profileIds = p.profile.skills.map((s: { id: string }) => s.id);
    expect(profileIds).toContain('fp:picking-packing');
    expect(profileIds).toContain('fp:licence-b');
    expect(p.profile.skills[0].strength).toBe(1);
  });

  it('resolves a place name with the geocoder, and keeps and flags one it cannot', async () => {
    const leeds = (await (await call(ctx, 'POST', '/v1/participants', ctx.tokenA, { location: 'Leeds' })).json()) as any;
    expect(leeds.location).toEqual({ text: 'Leeds', lat: LEEDS.lat, lon: LEEDS.lon, resolved: true });
    const nowhere = (await (await call(ctx, 'POST', '/v1/participants', ctx.tokenA, { location: 'Atlantis' })).json()) as any;
    expect(nowhere.location).toEqual({ text: 'Atlantis', lat: null, lon: null, resolved: false });
    const untitled = (await (await call(ctx, 'POST', '/v1/participants', ctx.tokenA, { history: [{ title: 'Dragon tamer', years: 1 }] })).json()) as any;
    expect(untitled.history[0]).toMatchObject({ title: 'Dragon tamer', occupation: null, resolved: false });
  });

  it('rejects invalid bodies with 422 naming every field', async () => {
    const res = await call(ctx, 'POST', '/v1/participants', ctx.tokenA, {
      maxTravelKm: -5,
      history: [{ title: 'Chef' }, { years: 2 }],
      remote: 'sometimes',
      dateOfBirth: '1990-01-01',
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('Content-Type')).toMatch(/application\/problem\+json/);
    const body = (await res.json()) as { errors: { path: string }[] };
    const paths = body.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['maxTravelKm', 'history.0.years', 'history.1.title', 'remote']));
    expect(body.errors.some((e) => e.path === '' || e.path.includes('dateOfBirth') || /dateOfBirth/.test(JSON.stringify(e)))).toBe(true);

    const res2 = await call(ctx, 'POST', '/v1/participants', ctx.tokenA, {
      history: [{ occupation: 'soc:0000', years: 1 }],
      skills: { add: ['Juggling'] },
      licences: ['B', 'pilot licence'],
    });
    expect(res2.status).toBe(422);
    const paths2 = ((await res2.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths2.sort()).toEqual(['history.0.occupation', 'licences.1', 'skills.add.0']);

    expect((await ctx.app.request('/v1/participants', { method: 'POST', headers: { Authorization: `Bearer ${ctx.tokenA}`, 'Content-Type': 'application/json' }, body: '{oops' })).status).toBe(400);
    expect((await call(ctx, 'POST', '/v1/participants', ctx.tokenA, [1, 2])).status).toBe(422);
    expect(ctx.db.$client.prepare('SELECT count(*) AS n FROM participants').get()).toEqual({ n: 0 });
  });

  it('reads, lists, updates within the organisation', async () => {
    const id = await createPerson(ctx);
    await createPerson(ctx, ctx.tokenB, { reference: 'OTHER' });
    // Another coach of the same organisation can read and change.
    const got = await call(ctx, 'GET', `/v1/participants/${id}`, ctx.tokenA2);
    expect(got.status).toBe(200);
    expect(((await got.json()) as any).reference).toBe('CASE-0042');
    const list = (await (await call(ctx, 'GET', '/v1/participants', ctx.tokenA)).json()) as any;
    expect(list.total).toBe(1);
    expect(list.items.map((p: { id: number }) => p.id)).toEqual([id]);

    const patched = await call(ctx, 'PATCH', `/v1/participants/${id}`, ctx.tokenA2, {
      maxTravelKm: 35,
      history: [{ title: 'HGV driver', years: 5, endedYearsAgo: 1 }],
      licences: ['C+E'],
      skills: { remove: ['fp:communication'] },
    });
    expect(patched.status).toBe(200);
    const p = (await patched.json()) as any;
    expect(p.maxTravelKm).toBe(35);
    expect(p.reference).toBe('CASE-0042');
    expect(p.history).toHaveLength(1);
    expect(p.history[0].occupation.id).toBe('soc:8211');
    expect(p.skills.remove).toEqual([{ id: 'fp:communication', label: 'Communication' }]);
    expect(p.profile.skills.map((s: { id: string }) => s.id)).not.toContain('fp:communication');
    const rows = ctx.db.$client.prepare('SELECT count(*) AS n FROM participant_history WHERE participant_id = ?').get(id);
    expect(rows).toEqual({ n: 1 });
    expect((await call(ctx, 'PATCH', `/v1/participants/${id}`, ctx.tokenA, { hoursPerWeek: 500 })).status).toBe(422);
  });

  it("hides another organisation's participants behind 404", async () => {
    const id = await createPerson(ctx);
    for (const [method, path, body] of [
      ['GET', `/v1/participants/${id}`, undefined],
      ['PATCH', `/v1/participants/${id}`, { maxTravelKm: 5 }],
      ['DELETE', `/v1/participants/${id}`, undefined],
      ['GET', `/v1/participants/${id}/matches`, undefined],
      ['GET', `/v1/participants/${id}/transitions`, undefined],
    ] as const) {
      const res = await call(ctx, method, path, ctx.tokenB, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // Same answer as for an id that does not exist, or is not an id.
    expect((await call(ctx, 'GET', '/v1/participants/999999', ctx.tokenB)).status).toBe(404);
    expect((await call(ctx, 'GET', '/v1/participants/abc', ctx.tokenA)).status).toBe(404);
    // Untouched.
    const p = (await (await call(ctx, 'GET', `/v1/participants/${id}`, ctx.tokenA)).json()) as any;
    expect(p.maxTravelKm).toBe(20);
    const list = (await (await call(ctx, 'GET', '/v1/participants', ctx.tokenB)).json()) as any;
    expect(list.items).toEqual([]);
  });

  it('audits every read and change, with field names and ids only', async () => {
    const id = await createPerson(ctx);
    await call(ctx, 'GET', `/v1/participants/${id}`, ctx.tokenA);
    await call(ctx, 'PATCH', `/v1/participants/${id}`, ctx.tokenA, { name: 'Jordan Changed', salaryFloor: 21000 });
    await call(ctx, 'GET', '/v1/participants', ctx.tokenA);
    await call(ctx, 'GET', `/v1/participants/${id}/matches`, ctx.tokenA);
    await call(ctx, 'GET', `/v1/participants/${id}/transitions`, ctx.tokenA);
    const rows = auditRows(ctx.db);
    expect(rows.map((r) => r.action)).toEqual([
      'participant.create',
      'participant.read',
      'participant.update',
      'participant.list',
      'participant.matches',
      'participant.transitions',
    ]);
    for (const r of rows) {
      expect(r.actor).toBe(`coach:${ctx.coachA}`);
      expect(r.subject_type).toBe('participant');
    }
    expect(rows[0]?.subject_id).toBe(String(id));
    expect(JSON.parse(rows[2]?.detail ?? '{}')).toEqual({ fields: ['name', 'salaryFloor'] });
    expect(JSON.parse(rows[3]?.detail ?? '{}')).toEqual({ ids: [id] });
    const all = JSON.stringify(rows);
    for (const personal of ['Jordan', 'CASE-0042', '53.8', 'Warehouse worker', 'NVQ', '21000', '20000']) {
      expect(all).not.toContain(personal);
    }
    // A refused read by another organisation is recorded as denied, still with nothing personal.
    await call(ctx, 'GET', `/v1/participants/${id}`, ctx.tokenB);
    const denied = auditRows(ctx.db).slice(rows.length);
    expect(denied.map((r) => [r.action, r.subject_id])).toEqual([['participant.denied', String(id)]]);
    expect(denied[0]?.actor).not.toBe(`coach:${ctx.coachA}`);
    expect(JSON.parse(denied[0]?.detail ?? '{}')).toEqual({ attempted: 'participant.read' });
  });

  it('DELETE erases the participant and every row about them; audit keeps only the id', async () => {
    const id = await createPerson(ctx);
    const other = await createPerson(ctx, ctx.tokenA, { reference: 'KEEP', history: [{ title: 'Chef', years: 1 }] });
    // A table another area might add later (say, shortlists) is covered without being listed.
    ctx.db.$client.exec('CREATE TABLE test_shortlists (id INTEGER PRIMARY KEY, participant_id INTEGER NOT NULL, vacancy_id INTEGER)');
    ctx.db.$client.prepare('INSERT INTO test_shortlists (participant_id, vacancy_id) VALUES (?, 1), (?, 2)').run(id, other);
    await call(ctx, 'PATCH', `/v1/participants/${id}`, ctx.tokenA, { name: 'Someone' });

    const del = await call(ctx, 'DELETE', `/v1/participants/${id}`, ctx.tokenA);
    expect(del.status).toBe(204);
    const count = (sql: string, ...args: unknown[]) => (ctx.db.$client.prepare(sql).get(...args) as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM participants WHERE id = ?', id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM participant_history WHERE participant_id = ?', id)).toBe(0);
    expect(count('SELECT count(*) AS n FROM test_shortlists WHERE participant_id = ?', id)).toBe(0);
    // Others are untouched.
    expect(count('SELECT count(*) AS n FROM participant_history WHERE participant_id = ?', other)).toBe(1);
    expect(count('SELECT count(*) AS n FROM test_shortlists WHERE participant_id = ?', other)).toBe(1);
    const rows = auditRows(ctx.db).filter((r) => r.subject_id === String(id));
    expect(rows.map((r) => r.action)).toEqual(['participant.create', 'participant.update', 'participant.erase']);
    expect(rows.every((r) => r.detail === null)).toBe(true);
    expect((await call(ctx, 'GET', `/v1/participants/${id}`, ctx.tokenA)).status).toBe(404);
    expect((await call(ctx, 'DELETE', `/v1/participants/${id}`, ctx.tokenA)).status).toBe(404);
  });
});

describe('participant matches and transitions', () => {
  let ctx: Ctx;
  beforeEach(() => {
    ctx = setup();
  });

  function addVacancy(
    title: string,
    at: { lat: number; lon: number },
    extra: Partial<NormalisedVacancy>,
    postedDaysAgo = 1,
  ): number {
    const base = normaliseVacancy({ now: NOW }, { reference: title, title, description: `${title} wanted.` });
    const location: Place = { text: 'somewhere', ...at, postcode: null, town: null, localAuthority: null, region: null, resolved: true };
    const v: NormalisedVacancy = { ...base, location, datePosted: NOW - postedDaysAgo * 86_400_000, ...extra };
    return upsertVacancy(ctx.db, { source: 'test', vacancy: v }, NOW).id;
  }

  it('ranks vacancies in range by fit, explaining each', async () => {
    const near = { lat: 53.81, lon: -1.56 };
    const warehouse = addVacancy('Warehouse Operative', near, {
      occupation: { code: '9252', scheme: 'soc', confidence: 1, evidence: [] },
      skills: [{ id: 'fp:forklift-op', label: 'Operate a forklift', evidence: 'Counterbalance forklift experience essential', required: true, confidence: 1 }],
      requirements: [{ kind: 'forklift', detail: null, evidence: 'Forklift licence required' }],
    });
    const hgv = addVacancy('HGV Class 1 Driver', near, {
      occupation: { code: '8211', scheme: 'soc', confidence: 1, evidence: [] },
      requirements: [{ kind: 'driving_licence', detail: 'C+E', evidence: 'Must hold C+E' }],
    });
    const chef = addVacancy('Chef de partie', near, { occupation: { code: '5434', scheme: 'soc', confidence: 1, evidence: [] } });
    const far = addVacancy('Warehouse Operative London', { lat: 51.5, lon: -0.12 }, {
      occupation: { code: '9252', scheme: 'soc', confidence: 1, evidence: [] },
    });
    const lowPay = addVacancy('Warehouse Operative nights', near, {
      occupation: { code: '9252', scheme: 'soc', confidence: 1, evidence: [] },
      salary: { min: 15_000, max: 15_000, currency: 'GBP', period: 'year', annualMin: 15_000, annualMax: 15_000, text: '£15,000' },
    });
    await drainOutbox(ctx.db, ctx.engine);
    const id = await createPerson(ctx);

    const res = await call(ctx, 'GET', `/v1/participants/${id}/matches`, ctx.tokenA);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    const ids = body.items.map((i: any) => i.vacancy.id);
    expect(ids).not.toContain(far);
    // Below the salary floor: ranked lower, with the reason (issue 14: a preference is scored; only a must filters).
    expect(ids.indexOf(lowPay)).toBeGreaterThan(ids.indexOf(warehouse));
    const low = body.items.find((i: any) => i.vacancy.id === lowPay);
    expect(low.preferences.checks.find((c: any) => c.preference === 'salary')).toMatchObject({ status: 'not met', must: false, factor: 0.563 });
    expect(low.components.conditions).toBe(0.563);
    expect(ids[0]).toBe(warehouse);
    // Issue 14: a poor fit (HGV without C+E) is below the fit floor and
    // shown only with the wider results.
    expect(ids).not.toContain(hgv);
    // So is the chef job: a warehouse worker and sales assistant shares only
    // teamwork, communication and stock control with it, and generic skills
    // weigh little (issue 14: a generic overlap cannot make a poor fit look good).
    expect(ids).not.toContain(chef);
    expect(body.belowFloor).toBeGreaterThanOrEqual(2);
    expect(body.applied.ranking).toMatchObject({ fitFloor: 0.2, wider: false, fitMargin: 0.1 });
    const wider = (await (await call(ctx, 'GET', `/v1/participants/${id}/matches?wider=true`, ctx.tokenA)).json()) as any;
    expect(wider.items.map((i: any) => i.vacancy.id)).toEqual(expect.arrayContaining([warehouse, hgv, chef]));
    expect(wider.belowFloor).toBe(0);
    expect(wider.items[0].vacancy.id).toBe(warehouse);
    expect(body.applied.near).toMatchObject({ lat: 53.8, lon: -1.55, radiusKm: 20, source: 'participant' });
    expect(body.applied.salaryMin).toBe(20000);
    const explicit = (await (await call(ctx, 'GET', `/v1/participants/${id}/matches?salaryMin=10000`, ctx.tokenA)).json()) as any;
    expect(explicit.items.map((i: any) => i.vacancy.id)).toEqual([lowPay]);

    const top = body.items[0];
    expect(top.match.explanation.matched.find((m: any) => m.skillId === 'fp:forklift-op')).toMatchObject({
      evidence: 'Counterbalance forklift experience essential',
      via: 'skill',
    });
    // The participant has no forklift licence recorded: a named gap.
    expect(top.match.explanation.gap.missingRequirements).toEqual(['Forklift licence']);
    const hgvItem = wider.items.find((i: any) => i.vacancy.id === hgv);
    expect(hgvItem.match.explanation.gap.missingRequirements).toEqual(['Driving licence category C+E']);
    expect(hgvItem.match.explanation.missing.length).toBeGreaterThan(0);
    expect(typeof top.distanceKm).toBe('number');
    expect(top.conditions).toEqual({ salary: 'not stated', hours: { offered: null, wanted: 37.5 }, remote: { offered: null, wanted: 'onsite' } });

    // A wider radius from the query brings the far one in.
    const wide = (await (await call(ctx, 'GET', `/v1/participants/${id}/matches?radiusKm=400`, ctx.tokenA)).json()) as any;
    expect(wide.items.map((i: any) => i.vacancy.id)).toContain(far);
    // A text query narrows to relevant vacancies.
    const q = (await (await call(ctx, 'GET', `/v1/participants/${id}/matches?q=chef&wider=true`, ctx.tokenA)).json()) as any;
    expect(q.items.map((i: any) => i.vacancy.id)).toEqual([chef]);
    expect(q.items[0].components.relevance).not.toBeNull();
    // Paging.
    const p2 = (await (await call(ctx, 'GET', `/v1/participants/${id}/matches?pageSize=1&page=2&wider=true`, ctx.tokenA)).json()) as any;
    expect(p2.items.map((i: any) => i.vacancy.id)).toEqual([wider.items[1].vacancy.id]);
  });

  it('brings in remote vacancies from anywhere for someone who wants remote work', async () => {
    const remoteFar = addVacancy('Remote customer support advisor', { lat: 51.5, lon: -0.12 }, {
      remote: 'remote',
      occupation: { code: '7111', scheme: 'soc', confidence: 1, evidence: [] },
    });
    const onsiteFar = addVacancy('Sales assistant London', { lat: 51.5, lon: -0.12 }, {
      occupation: { code: '7111', scheme: 'soc', confidence: 1, evidence: [] },
    });
    await drainOutbox(ctx.db, ctx.engine);
    const homeWorker = await createPerson(ctx, ctx.tokenA, { ...PERSON, remote: 'remote' });
    const onsite = await createPerson(ctx, ctx.tokenA, PERSON);
    const ids = async (id: number) =>
      ((await (await call(ctx, 'GET', `/v1/participants/${id}/matches`, ctx.tokenA)).json()) as any).items.map((i: any) => i.vacancy.id);
    expect(await ids(homeWorker)).toEqual([remoteFar]);
    expect(await ids(onsite)).toEqual([]);
    expect(await ids(homeWorker)).not.toContain(onsiteFar);
  });

  it('a past job title longer than the engine allows a query still gives matches (cut to the word limit, not a 422)', async () => {
    // 30 words in 188 characters: within the 200 a title may have, beyond the 16 words a search may have.
    const title =
      'Senior night shift warehouse team leader and forklift trainer for chilled and frozen goods at our large regional distribution centre near the ring road with weekend overtime plus bonus pay';
    const wanted = addVacancy(title, { lat: 53.81, lon: -1.56 }, {});
    await drainOutbox(ctx.db, ctx.engine);
    const id = await createPerson(ctx, ctx.tokenA, { ...PERSON, history: [{ title, years: 2 }] });
    // wider: the advert lists no skills, so its fit cannot be judged and it is hidden by default.
    const res = await call(ctx, 'GET', `/v1/participants/${id}/matches?wider=true`, ctx.tokenA);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).items.map((i: any) => i.vacancy.id)).toContain(wanted);
  });

  it('validates the matches query', async () => {
    const id = await createPerson(ctx);
    const res = await call(ctx, 'GET', `/v1/participants/${id}/matches?radiusKm=-3&sector=ZZ&contract=forever&pageSize=1000&bogus=1`, ctx.tokenA);
    expect(res.status).toBe(422);
    const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['radiusKm', 'sector.0', 'contract.0', 'pageSize']));
    const bad = await call(ctx, 'GET', `/v1/participants/${id}/matches?near=Atlantis`, ctx.tokenA);
    expect(bad.status).toBe(422);
    // Neither the malformed query nor the place nobody can locate read the participant, so neither left an audit row:
    // the edge checks the whole query (the place included) before it reads.
    const audited = ctx.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'participant.matches'").get();
    expect(audited).toEqual({ n: 0 });
  });

  it('lists transitions from the participant history with similarity, gaps and guards', async () => {
    const id = await createPerson(ctx, ctx.tokenA, { history: [{ title: 'Care worker', years: 4 }], salaryFloor: 21000 });
    const res = await call(ctx, 'GET', `/v1/participants/${id}/transitions?limit=5&filter=all`, ctx.tokenA);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.from.occupations.map((o: any) => o.id)).toEqual(['soc:6135']);
    expect(body.from.payBasis).toBe('salary floor');
    expect(body.items.length).toBeLessThanOrEqual(5);
    expect(body.items[0].occupation.id).toBe('soc:6136');
    expect(body.items[0].guards.pay).toMatchObject({ from: 21000, to: 24500 });
    expect(body.items.some((t: any) => t.occupation.id === 'soc:6135')).toBe(false);
    const doctor = body.items.find((t: any) => t.occupation.id === 'soc:2211');
    if (doctor) expect(doctor.viable).toBe(false);

    expect((await call(ctx, 'GET', `/v1/participants/${id}/transitions?limit=0`, ctx.tokenA)).status).toBe(422);
    const emptyId = await createPerson(ctx, ctx.tokenA, { reference: 'nothing yet' });
    const empty = (await (await call(ctx, 'GET', `/v1/participants/${emptyId}/transitions`, ctx.tokenA)).json()) as any;
    expect(empty.items).toEqual([]);
    expect(empty.note).toMatch(/No resolved job history/);
  });
});
