import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { openDb } from '../../src/db.ts';
import { hasNoVacancies, loadDemoVacancies } from '../../src/demo/load-demo.ts';
import { listVacancies } from '../../src/vacancies/queries.ts';

describe('loadDemoVacancies', () => {
  it('stores demo vacancies marked as demo, queued for the index, and is idempotent', () => {
    const db = openDb(':memory:');
    const now = fixedClock('2026-03-01T09:00:00Z');
    expect(hasNoVacancies(db)).toBe(true);
    const progress: number[] = [];
    expect(loadDemoVacancies({ db, now }, { count: 300, seed: 4, onProgress: (d) => progress.push(d) })).toEqual({ stored: 300 });
    expect(progress).toEqual([250, 300]);
    expect(hasNoVacancies(db)).toBe(false);
    const { items, total } = listVacancies(db, { source: 'demo', limit: 300, offset: 0 });
    expect(total).toBe(300);
    expect(items.every((v) => v.isDemo && v.status === 'live' && v.location?.lat != null)).toBe(true);
    expect(Math.max(...items.map((v) => v.datePosted ?? 0))).toBeLessThanOrEqual(now());
    expect((db.$client.prepare('SELECT count(*) AS n FROM index_outbox').get() as { n: number }).n).toBe(300);
    loadDemoVacancies({ db, now }, { count: 300, seed: 4 });
    expect(listVacancies(db, { source: 'demo', limit: 1, offset: 0 }).total).toBe(300);
  });
});
