import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { pivotWorld } from '../pivots/pivot-fixture.ts';

interface Trends {
  area: { type: string; name: string };
  from: string;
  to: string;
  dates: string[];
  all: { live: number[]; new: number[] };
  sectors: { code: string; title: string; from: string; live: number[]; new: number[]; growth: { label: string; source: string; ratio: number } }[];
}

function setup() {
  const w = pivotWorld();
  const { app } = createTestApp(w.deps);
  const get = (path: string, token: string | null = w.coach.token) => app.request(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { ...w, get };
}

describe('GET /v1/sectors/trends', () => {
  const ctx = setup();

  it('returns aligned daily series per sector with growth signals (default: the last year, all areas)', async () => {
    const res = await ctx.get('/v1/sectors/trends');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Trends;
    expect(body.area).toEqual({ type: 'all', name: '' });
    expect(body.to).toBe('2026-06-01');
    expect(body.dates).toHaveLength(365);
    expect(body.dates[0]).toBe(body.from);
    for (const s of body.sectors) {
      // Each series runs from its own first day with data to `to`, aligned with the tail of `dates`.
      const start = body.dates.indexOf(s.from);
      expect(start, s.code).toBeGreaterThanOrEqual(0);
      expect(s.live).toHaveLength(365 - start);
      expect(s.new).toHaveLength(365 - start);
    }
    // Construction's history starts 30 days ago: its series starts there, not with 334 days of zeros.
    const f = body.sectors.find((s) => s.code === 'F')!;
    expect(f.from).toBe('2026-05-02');
    expect(f.live[0]).toBe(30);
    const q = body.sectors.find((s) => s.code === 'Q')!;
    expect(q.title).toBe('Human health and social work activities');
    expect(q.live.at(-1)).toBe(20);
    expect(q.live[0]).toBe(10);
    expect(q.growth.label).toBe('growing');
    expect(body.sectors.find((s) => s.code === 'G')!.growth.label).toBe('shrinking');
    // All vacancies: Q 20 + G 20 near Leeds + 50 in London + F 30 + H 15 today.
    expect(body.all.live.at(-1)).toBe(135);
  });

  it('narrows to a region or local authority and a date range', async () => {
    const res = await ctx.get('/v1/sectors/trends?area=yorkshire%20and%20the%20humber&from=2026-05-01&to=2026-05-31');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Trends;
    expect(body.area).toEqual({ type: 'region', name: 'Yorkshire and The Humber' });
    expect(body.dates).toHaveLength(31);
    expect(body.sectors.find((s) => s.code === 'G')!.live[0]).toBe(20);
    const la = (await (await ctx.get('/v1/sectors/trends?area=Leeds')).json()) as Trends;
    expect(la.area).toEqual({ type: 'la', name: 'Leeds' });
  });

  it('names bad parameters and needs a coach token', async () => {
    expect((await ctx.get('/v1/sectors/trends', null)).status).toBe(401);
    const cases: [string, string][] = [
      ['area=Atlantis', 'area'],
      ['from=2026-05-10&to=2026-05-01', 'from'],
      ['from=2020-01-01&to=2026-01-01', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-02-31', 'from'],
      ['colour=red', 'colour'],
    ];
    for (const [qs, path] of cases) {
      const res = await ctx.get(`/v1/sectors/trends?${qs}`);
      expect(res.status, qs).toBe(422);
      const body = (await res.json()) as { errors: { path: string }[] };
      expect(body.errors.map((e) => e.path), qs).toContain(path);
    }
  });
});

describe('GET /v1/sectors/trends before any history', () => {
  it('answers with empty series (no zeros standing in for missing history) rather than failing', async () => {
    const { openDb } = await import('../../src/db.ts');
    const { createCoach } = await import('../../src/auth/coaches.ts');
    const { buildPivotTaxonomy, NOW } = await import('../pivots/pivot-fixture.ts');
    const db = openDb(':memory:');
    const taxonomy = buildPivotTaxonomy();
    const { app } = createTestApp({ db, taxonomy: () => taxonomy, now: () => NOW });
    const { token } = createCoach(db, { name: 'Ann', org: 'x' }, NOW);
    const res = await app.request('/v1/sectors/trends?from=2026-05-01&to=2026-05-07', { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Trends;
    expect(body.sectors).toEqual([]);
    expect(body.dates).toEqual([]);
    expect(body.all.live).toEqual([]);
  });
});
