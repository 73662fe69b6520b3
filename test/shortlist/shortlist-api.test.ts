import { beforeEach, describe, expect, it } from 'vitest';
import { createCoach } from '../../src/auth/coaches.ts';
import { fixedClock } from '../../src/clock.ts';
import { openDb, type Db } from '../../src/db.ts';
import type { NormalisedVacancy, Place } from '../../src/vacancies/model.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { setVacancyStatus, upsertVacancy } from '../../src/vacancies/store.ts';
import { createTestApp } from '../helpers/test-app.ts';

const NOW = Date.parse('2026-03-01T09:00:00Z');
const DAY = 86_400_000;

interface Ctx {
  db: Db;
  app: ReturnType<typeof createTestApp>['app'];
  clock: { t: number };
  tokenA: string;
  tokenB: string;
  coachA: number;
}

function setup(): Ctx {
  const db = openDb(':memory:');
  const clock = { t: NOW };
  const { app } = createTestApp({ db, now: () => clock.t });
  const a = createCoach(db, { name: 'Ann', org: 'north-works' }, NOW);
  const b = createCoach(db, { name: 'Bea', org: 'south-skills' }, NOW);
  return { db, app, clock, tokenA: a.token, tokenB: b.token, coachA: a.coach.id };
}

function call(ctx: Ctx, method: string, path: string, token: string | null, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return ctx.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

function addVacancy(ctx: Ctx, title: string, extra: Partial<NormalisedVacancy> = {}): number {
  const base = normaliseVacancy({ now: NOW }, { reference: title, title, description: `${title} wanted.` });
  const location: Place = { text: 'Hunslet', lat: 53.78, lon: -1.53, postcode: null, town: 'Leeds', localAuthority: null, region: null, resolved: true };
  const v: NormalisedVacancy = { ...base, location, employerName: 'Acme Logistics', hoursPerWeek: 37.5, applyUrl: 'https://jobs.example.org/apply/1', validThrough: NOW + 20 * DAY, ...extra };
  return upsertVacancy(ctx.db, { source: 'test', vacancy: v }, NOW).id;
}

async function createPerson(ctx: Ctx, token = ctx.tokenA): Promise<number> {
  const res = await call(ctx, 'POST', '/v1/participants', token, { reference: 'CASE-1', name: 'Jordan Example', location: '53.80,-1.55' });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

const actions = (db: Db) => (db.$client.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action);

describe('shortlist API', () => {
  let ctx: Ctx;
  beforeEach(() => {
    ctx = setup();
  });

  it('shortlists a vacancy at "suggested" with its details and distance, once', async () => {
    const pid = await createPerson(ctx);
    const vid = addVacancy(ctx, 'Warehouse Operative');
    const res = await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: vid, note: 'Ask about nights' });
    expect(res.status).toBe(201);
    const item = (await res.json()) as any;
    expect(item).toMatchObject({ vacancyId: vid, stage: 'suggested', note: 'Ask about nights', closed: false });
    expect(item.vacancy).toMatchObject({ title: 'Warehouse Operative', employer: 'Acme Logistics', place: 'Leeds', hoursPerWeek: 37.5, applyUrl: 'https://jobs.example.org/apply/1' });
    expect(item.vacancy.validThrough).toBe(new Date(NOW + 20 * DAY).toISOString());
    expect(item.distanceKm).toBeGreaterThan(1);
    expect(item.distanceKm).toBeLessThan(5);
    expect(item.history).toEqual([{ fromStage: null, stage: 'suggested', reason: null, reasonText: null, coachId: ctx.coachA, coach: `coach:${ctx.coachA}`, at: new Date(NOW).toISOString() }]);

    const again = await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: vid });
    expect(again.status).toBe(200);
    const list = (await (await call(ctx, 'GET', `/v1/participants/${pid}/shortlist`, ctx.tokenA)).json()) as any;
    expect(list.items).toHaveLength(1);
    expect(list.items[0].note).toBe('Ask about nights');
  });

  it('moves an item through the stages, each change timestamped and attributed', async () => {
    const pid = await createPerson(ctx);
    const vid = addVacancy(ctx, 'Picker');
    const item = (await (await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: vid })).json()) as any;
    ctx.clock.t = NOW + DAY;
    expect((await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/${item.id}`, ctx.tokenA, { stage: 'applied' })).status).toBe(200);
    ctx.clock.t = NOW + 2 * DAY;
    const res = await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/${item.id}`, ctx.tokenA, { stage: 'withdrawn', reason: 'other', reasonText: 'Moved house' });
    expect(res.status).toBe(200);
    const done = (await res.json()) as any;
    expect(done).toMatchObject({ stage: 'withdrawn', reason: 'other', reasonText: 'Moved house', updatedAt: new Date(NOW + 2 * DAY).toISOString() });
    expect(done.history.map((h: any) => [h.fromStage, h.stage, h.at])).toEqual([
      [null, 'suggested', new Date(NOW).toISOString()],
      ['suggested', 'applied', new Date(NOW + DAY).toISOString()],
      ['applied', 'withdrawn', new Date(NOW + 2 * DAY).toISOString()],
    ]);
    // A note alone is no stage change.
    const noted = (await (await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/${item.id}`, ctx.tokenA, { note: 'Keep in mind' })).json()) as any;
    expect(noted.history).toHaveLength(3);
    expect(noted.note).toBe('Keep in mind');
  });

  it('rejects bad input with 422 naming every field', async () => {
    const pid = await createPerson(ctx);
    const vid = addVacancy(ctx, 'Driver');
    const missing = await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: 999_999 });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as any).errors).toEqual([{ path: 'vacancyId', message: 'there is no vacancy with this id' }]);
    const bad = await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: 'x', colour: 'red' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as any).errors.map((e: any) => e.path).sort()).toEqual(['colour', 'vacancyId']);

    const item = (await (await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: vid })).json()) as any;
    const noReason = await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/${item.id}`, ctx.tokenA, { stage: 'declined' });
    expect(noReason.status).toBe(422);
    expect(res422Paths(await noReason.json())).toEqual(['reason']);
    const other = await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/${item.id}`, ctx.tokenA, { stage: 'declined', reason: 'other' });
    expect(res422Paths(await other.json())).toEqual(['reasonText']);
    const wrong = await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/${item.id}`, ctx.tokenA, { stage: 'hired', reason: 'pay' });
    expect(res422Paths(await wrong.json()).sort()).toEqual(['stage']);
    const stage = (await (await call(ctx, 'GET', `/v1/participants/${pid}/shortlist`, ctx.tokenA)).json()) as any;
    expect(stage.items[0].stage).toBe('suggested');
    expect((await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/9999`, ctx.tokenA, { stage: 'applied' })).status).toBe(404);
  });

  it('keeps a closed vacancy on the list, marked closed, with its last details', async () => {
    const pid = await createPerson(ctx);
    const vid = addVacancy(ctx, 'Forklift Driver');
    await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: vid });
    setVacancyStatus(ctx.db, vid, 'closed', NOW + DAY);
    const list = (await (await call(ctx, 'GET', `/v1/participants/${pid}/shortlist`, ctx.tokenA)).json()) as any;
    expect(list.items[0]).toMatchObject({ closed: true, vacancy: { title: 'Forklift Driver', employer: 'Acme Logistics' } });
    // Past its closing date counts as closed too.
    const late = addVacancy(ctx, 'Night Picker', { validThrough: NOW + DAY });
    await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: late });
    ctx.clock.t = NOW + 2 * DAY;
    const later = (await (await call(ctx, 'GET', `/v1/participants/${pid}/shortlist`, ctx.tokenA)).json()) as any;
    expect(later.items.map((i: any) => i.closed)).toEqual([true, true]);
  });

  it('is scoped to the organisation: another one gets 404 for the shortlist, its items and its links', async () => {
    const pid = await createPerson(ctx);
    const vid = addVacancy(ctx, 'Cleaner');
    const item = (await (await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: vid })).json()) as any;
    const share = (await (await call(ctx, 'POST', `/v1/participants/${pid}/shortlist/shares`, ctx.tokenA, {})).json()) as any;
    expect((await call(ctx, 'GET', `/v1/participants/${pid}/shortlist`, ctx.tokenB)).status).toBe(404);
    expect((await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenB, { vacancyId: vid })).status).toBe(404);
    expect((await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/${item.id}`, ctx.tokenB, { stage: 'started' })).status).toBe(404);
    expect((await call(ctx, 'GET', `/v1/participants/${pid}/shortlist/shares`, ctx.tokenB)).status).toBe(404);
    expect((await call(ctx, 'POST', `/v1/participants/${pid}/shortlist/shares`, ctx.tokenB, {})).status).toBe(404);
    expect((await call(ctx, 'DELETE', `/v1/participants/${pid}/shortlist/shares/${share.id}`, ctx.tokenB)).status).toBe(404);
    expect((await call(ctx, 'GET', `/v1/participants/${pid}/shortlist`, null)).status).toBe(401);
    const list = (await (await call(ctx, 'GET', `/v1/participants/${pid}/shortlist`, ctx.tokenA)).json()) as any;
    expect(list.items[0].stage).toBe('suggested');
  });

  it('audits each request once, and the refused ones as what was attempted', async () => {
    const pid = await createPerson(ctx);
    const vid = addVacancy(ctx, 'Porter');
    const before = actions(ctx.db).length;
    const item = (await (await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: vid })).json()) as any;
    await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/${item.id}`, ctx.tokenA, { stage: 'discussed' });
    await call(ctx, 'GET', `/v1/participants/${pid}/shortlist`, ctx.tokenA);
    await call(ctx, 'GET', `/v1/participants/${pid}/shortlist`, ctx.tokenB);
    expect(actions(ctx.db).slice(before)).toEqual(['participant.shortlist.add', 'participant.shortlist.change', 'participant.shortlist', 'participant.denied']);
  });

  it('erasing the participant erases the shortlist, its history and its links', async () => {
    const pid = await createPerson(ctx);
    const vid = addVacancy(ctx, 'Chef');
    const item = (await (await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: vid })).json()) as any;
    await call(ctx, 'PATCH', `/v1/participants/${pid}/shortlist/${item.id}`, ctx.tokenA, { stage: 'applied' });
    await call(ctx, 'POST', `/v1/participants/${pid}/shortlist/shares`, ctx.tokenA, {});
    const count = (t: string) => (ctx.db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect([count('shortlist_items'), count('shortlist_events'), count('shortlist_shares')]).toEqual([1, 2, 1]);
    expect((await call(ctx, 'DELETE', `/v1/participants/${pid}`, ctx.tokenA)).status).toBe(204);
    expect([count('shortlist_items'), count('shortlist_events'), count('shortlist_shares')]).toEqual([0, 0, 0]);
    // The vacancy itself is not the participant's data and stays.
    expect(count('vacancies')).toBe(1);
  });

  it('makes share links that show only the shortlist, expire after 14 days by default and can be revoked', async () => {
    const pid = await createPerson(ctx);
    const vid = addVacancy(ctx, 'Barista');
    await call(ctx, 'POST', `/v1/participants/${pid}/shortlist`, ctx.tokenA, { vacancyId: vid, note: 'Bring your CV' });
    const res = await call(ctx, 'POST', `/v1/participants/${pid}/shortlist/shares`, ctx.tokenA, {});
    expect(res.status).toBe(201);
    const share = (await res.json()) as any;
    expect(share.expiresAt).toBe(new Date(NOW + 14 * DAY).toISOString());
    expect(share.path).toMatch(/^\/shared\/[A-Za-z0-9_-]{43}$/);
    const token = share.path.split('/').pop();
    // Only the hash is stored.
    const stored = ctx.db.$client.prepare('SELECT token_hash FROM shortlist_shares').get() as { token_hash: string };
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(await (await call(ctx, 'GET', `/v1/participants/${pid}/shortlist/shares`, ctx.tokenA)).json())).not.toContain(token);

    const page = await ctx.app.request(share.path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Barista');
    expect(html).toContain('Bring your CV');
    expect(html).not.toContain('Jordan Example');
    expect(html).not.toContain('CASE-1');
    expect(page.headers.get('Cache-Control')).toBe('no-store');

    expect((await ctx.app.request(`/shared/${token.slice(0, -1)}x`)).status).toBe(404);
    ctx.clock.t = NOW + 14 * DAY + 1;
    expect((await ctx.app.request(share.path)).status).toBe(404);
    ctx.clock.t = NOW + DAY;
    expect((await ctx.app.request(share.path)).status).toBe(200);
    const revoked = await call(ctx, 'DELETE', `/v1/participants/${pid}/shortlist/shares/${share.id}`, ctx.tokenA);
    expect(((await revoked.json()) as any).active).toBe(false);
    expect((await ctx.app.request(share.path)).status).toBe(404);
  });
});

const res422Paths = (body: unknown) => ((body as { errors: { path: string }[] }).errors ?? []).map((e) => e.path);
