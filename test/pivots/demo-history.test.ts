import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { openDb } from '../../src/db.ts';
import { addDemoHistory } from '../../src/demo/history.ts';
import { loadDemoVacancies } from '../../src/demo/load-demo.ts';
import { growthSignals } from '../../src/pivots/growth.ts';

describe('demo history', () => {
  it('gives the demo months of history: care and logistics growing, retail shrinking, the live set untouched', () => {
    const db = openDb(':memory:');
    const now = fixedClock('2026-03-01T09:00:00Z');
    loadDemoVacancies({ db, now }, { count: 600, seed: 3 });
    const liveBefore = db.$client.prepare("SELECT count(*) FROM vacancies WHERE status = 'live'").pluck().get() as number;
    const res = addDemoHistory(db, { now: now() });
    expect(res.live).toBe(liveBefore);
    expect(res.copies).toBeGreaterThan(4 * liveBefore);
    expect(db.$client.prepare("SELECT count(*) FROM vacancies WHERE status = 'live'").pluck().get()).toBe(liveBefore);
    // Copies are closed, in the past, and never queued for the index.
    expect(db.$client.prepare("SELECT count(*) FROM vacancies WHERE source_ref LIKE '%~h%' AND (status <> 'expired' OR closed_at >= ? OR first_seen > closed_at)").pluck().get(now())).toBe(0);
    expect(db.$client.prepare('SELECT count(*) FROM index_outbox').pluck().get()).toBe(600);
    const s = growthSignals(db, { dim: 'sector', area: { type: 'all', name: '' }, now: now() });
    expect(s.get('Q')?.source).toBe('own history');
    expect(s.get('Q')?.label).toBe('growing');
    expect(s.get('H')?.label).toBe('growing');
    expect(s.get('G')?.label).toBe('shrinking');
    const flat = [...s.values()].filter((g) => !['Q', 'H', 'G'].includes(g.key) && (g.recent?.avgLive ?? 0) > 50);
    expect(flat.length).toBeGreaterThan(0);
    for (const g of flat) expect(g.label, g.key).toBe('stable');
    // Idempotent.
    expect(addDemoHistory(db, { now: now() }).copies).toBe(0);
  });
});
