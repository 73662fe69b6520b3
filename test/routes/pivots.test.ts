import { describe, expect, it } from 'vitest';
import { createCoach } from '../../src/auth/coaches.ts';
import { openDb } from '../../src/db.ts';
import { readDemandState } from '../../src/pivots/demand-history.ts';
import { startDemandRefresh } from '../../src/pivots/demand-refresh.ts';
import { addParticipant } from '../helpers/participants.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { daysAgo, insertVacancies } from '../pivots/helpers.ts';
import { buildPivotTaxonomy, LEEDS, NOW, pivotWorld } from '../pivots/pivot-fixture.ts';

function setup() {
  const w = pivotWorld();
  const { app } = createTestApp(w.deps);
  const other = createCoach(w.db, { name: 'Bea', org: 'south-skills' }, w.deps.now());
  const get = (path: string, token: string | null) => app.request(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { ...w, app, get, otherToken: other.token };
}

describe('GET /v1/participants/:id/pivots', () => {
  const ctx = setup();

  it('returns suggestions grouped by sector, and audits the read', async () => {
    const res = await ctx.get(`/v1/participants/${ctx.participantId}/pivots`, ctx.coach.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { groups: { sector: string; items: { occupation: { id: string }; courses: unknown[] }[] }[]; participant: { id: number } };
    expect(body.participant.id).toBe(ctx.participantId);
    const sectors = body.groups.map((g) => g.sector);
    expect(sectors.indexOf('Q')).toBeGreaterThanOrEqual(0);
    expect(sectors.indexOf('Q')).toBeLessThan(sectors.indexOf('G'));
    expect(body.groups.flatMap((g) => g.items.map((i) => i.occupation.id))).not.toContain('soc:1122');
    const audit = ctx.db.$client
      .prepare("SELECT actor, action, subject_id FROM audit_log WHERE action = 'participant.pivots'")
      .all();
    expect(audit).toEqual([{ actor: `coach:${ctx.coach.coach.id}`, action: 'participant.pivots', subject_id: String(ctx.participantId) }]);
  });

  it('honours limit and windowDays', async () => {
    const res = await ctx.get(`/v1/participants/${ctx.participantId}/pivots?limit=1&windowDays=28`, ctx.coach.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { groups: { items: { growth: { sector: { recent: { from: string; to: string } } } }[] }[] };
    expect(body.groups.flatMap((g) => g.items)).toHaveLength(1);
    const recent = body.groups[0]!.items[0]!.growth.sector.recent;
    expect((Date.parse(recent.to) - Date.parse(recent.from)) / 86_400_000).toBe(27);
  });

  it('needs a coach token, scopes to the organisation, and names bad parameters', async () => {
    expect((await ctx.get(`/v1/participants/${ctx.participantId}/pivots`, null)).status).toBe(401);
    expect((await ctx.get(`/v1/participants/${ctx.participantId}/pivots`, ctx.otherToken)).status).toBe(404);
    expect((await ctx.get('/v1/participants/99999/pivots', ctx.coach.token)).status).toBe(404);
    expect((await ctx.get('/v1/participants/abc/pivots', ctx.coach.token)).status).toBe(404);
    const bad = await ctx.get(`/v1/participants/${ctx.participantId}/pivots?limit=0&colour=red`, ctx.coach.token);
    expect(bad.status).toBe(422);
    const problem = (await bad.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['colour', 'limit']);
  });
});

describe('reads never write the demand history', () => {
  it('a pivots GET on a database with no history answers without building one; the server schedule builds it', async () => {
    const db = openDb(':memory:');
    const taxonomy = buildPivotTaxonomy();
    insertVacancies(db, { region: 'Yorkshire and The Humber', la: 'Leeds', ...LEEDS, sector: 'Q', occupation: 'soc:6135', firstSeen: daysAgo(NOW, 30) }, 5);
    const { app, deps } = createTestApp({ db, taxonomy: () => taxonomy, now: () => NOW });
    const coach = createCoach(db, { name: 'Ann', org: 'north-works' }, NOW);
    const p = addParticipant(deps, coach.coach, { location: `${LEEDS.lat},${LEEDS.lon}`, history: [{ occupation: 'soc:9260', years: 4 }] });
    const count = () => (db.$client.prepare('SELECT count(*) AS n FROM demand_daily').get() as { n: number }).n;

    const res = await app.request(`/v1/participants/${p.id}/pivots`, { headers: { Authorization: `Bearer ${coach.token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { history: { toDay: string | null } }).history.toDay).toBeNull();
    expect(readDemandState(db)).toBeNull();
    expect(count()).toBe(0);

    const refresher = startDemandRefresh({ db, now: () => NOW });
    refresher.stop();
    expect(readDemandState(db)).not.toBeNull();
    expect(count()).toBeGreaterThan(0);
    const after = await app.request(`/v1/participants/${p.id}/pivots`, { headers: { Authorization: `Bearer ${coach.token}` } });
    expect(((await after.json()) as { history: { toDay: string | null } }).history.toDay).toBe('2026-06-01');
  });
});
