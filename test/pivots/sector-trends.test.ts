import { describe, expect, it } from 'vitest';
import { dayOf, isoDay } from '../../src/pivots/demand-history.ts';
import { sectorTrends, seriesFromFirstData } from '../../src/pivots/sector-trends.ts';
import { NOW, pivotWorld } from './pivot-fixture.ts';

describe('seriesFromFirstData', () => {
  it('starts each key at its first row and keeps zeros only after it', () => {
    const rows = [
      { key: 'F', day: 105, live: 3, new: 3 },
      { key: 'F', day: 107, live: 2, new: 0 },
      { key: 'Q', day: 100, live: 5, new: 1 },
      { key: 'Q', day: 101, live: 6, new: 1 },
    ];
    const s = seriesFromFirstData(rows, 108);
    expect(s.get('F')).toEqual({ firstDay: 105, live: [3, 0, 2, 0], new: [3, 0, 0, 0] });
    expect(s.get('Q')).toEqual({ firstDay: 100, live: [5, 6, 0, 0, 0, 0, 0, 0, 0], new: [1, 1, 0, 0, 0, 0, 0, 0, 0] });
  });

  it('gives no series at all for a key without rows', () => {
    expect(seriesFromFirstData([], 108).size).toBe(0);
  });
});

describe('sectorTrends starts where the history starts', () => {
  const w = pivotWorld();
  const deps = { db: w.db, taxonomy: () => w.taxonomy, now: () => NOW };
  const toDay = dayOf(NOW);

  it('begins a sector whose history is recent at its first day, not with months of zeros', () => {
    const t = sectorTrends(deps, { area: { type: 'all', name: '' }, fromDay: toDay - 364, toDay });
    const f = t.sectors.find((s) => s.code === 'F')!;
    // Construction site managers were first seen 30 days ago (30 of them).
    expect(f.from).toBe(isoDay(toDay - 30));
    expect(f.live).toHaveLength(31);
    expect(f.live[0]).toBe(30);
    expect(f.live.every((n) => n === 30)).toBe(true);
    // A sector with history before the window still starts at the window's first day.
    const q = t.sectors.find((s) => s.code === 'Q')!;
    expect(q.from).toBe(t.from);
    expect(q.live).toHaveLength(365);
  });

  it('begins the all-vacancies series where the history starts when the window reaches back before it', () => {
    // The fixture's history starts 500 days ago; ask for 700.
    const t = sectorTrends(deps, { area: { type: 'all', name: '' }, fromDay: toDay - 700, toDay });
    expect(t.from).toBe(isoDay(toDay - 700));
    expect(t.dates[0]).toBe(isoDay(toDay - 500));
    expect(t.all.live).toHaveLength(501);
    expect(t.all.live[0]).toBeGreaterThan(0);
    for (const s of t.sectors) expect(s.live[0], s.code).toBeGreaterThan(0);
  });
});
