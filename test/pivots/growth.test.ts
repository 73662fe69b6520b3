import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db.ts';
import { rebuildDemandHistory } from '../../src/pivots/demand-history.ts';
import { GROWTH_DEFAULTS, growthSignals, smoothRatio } from '../../src/pivots/growth.ts';
import { importOnsVacancies } from '../../src/pivots/official-import.ts';
import { daysAgo, insertVacancies } from './helpers.ts';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NOW = Date.parse('2026-06-01T10:00:00Z');
const ALL = { type: 'all', name: '' } as const;
const m = GROWTH_DEFAULTS.priorStrength;

/** `n` vacancies live from long ago until `closedDaysAgo` (or still live). */
function steady(db: Db, sector: string, n: number, extra: { closedDaysAgo?: number; firstDaysAgo?: number; region?: string; la?: string } = {}) {
  insertVacancies(
    db,
    {
      sector,
      region: extra.region ?? 'North West',
      la: extra.la ?? 'Bolton',
      firstSeen: daysAgo(NOW, extra.firstDaysAgo ?? 500),
      ...(extra.closedDaysAgo != null ? { closedAt: daysAgo(NOW, extra.closedDaysAgo) } : {}),
    },
    n,
  );
}

/**
 * Windows (defaults): recent = the 91 days ending today (0–90 days ago),
 * previous = 91–181 days ago, a year earlier = 365–455 days ago.
 */
function scenario(): Db {
  const db = openDb(':memory:');
  steady(db, 'C', 50); // steady: 50 → 50
  steady(db, 'Q', 20); // rising: 20 → 40
  steady(db, 'Q', 20, { firstDaysAgo: 90 });
  steady(db, 'G', 20); // falling: 40 → 20
  steady(db, 'G', 20, { closedDaysAgo: 91 });
  steady(db, 'B', 1); // tiny: 1 → 2
  steady(db, 'B', 1, { firstDaysAgo: 90 });
  rebuildDemandHistory(db, { from: daysAgo(NOW, 500), to: NOW });
  return db;
}

describe('growth signal on constructed histories', () => {
  const db = scenario();
  const s = growthSignals(db, { dim: 'sector', area: ALL, now: NOW });
  // All vacancies: previous 50+20+40+1 = 111, recent 50+40+20+2 = 112, smoothed toward 1.
  const allRatio = smoothRatio(112, 111, 1, m);

  it('steady: ratio 1 apart from the pull toward the all-vacancies trend, labelled stable', () => {
    const c = s.get('C')!;
    expect(c.source).toBe('own history');
    expect(c.recent?.avgLive).toBe(50);
    expect(c.previous?.avgLive).toBe(50);
    expect(c.rawRatio).toBe(1);
    expect(c.ratio).toBeCloseTo(smoothRatio(50, 50, allRatio, m), 3);
    expect(c.label).toBe('stable');
    expect(c.yearOnYear?.rawRatio).toBe(1);
  });

  it('rising: 20 → 40 is growing, with the counts, raw and smoothed ratios and the prior behind it', () => {
    const q = s.get('Q')!;
    expect(q.previous?.avgLive).toBe(20);
    expect(q.recent?.avgLive).toBe(40);
    expect(q.recent?.new).toBe(20);
    expect(q.rawRatio).toBe(2);
    expect(q.ratio).toBeCloseTo(smoothRatio(40, 20, allRatio, m), 3);
    expect(q.label).toBe('growing');
    expect(q.prior).toMatchObject({ strength: m, basis: 'all vacancies in all areas' });
    expect(q.yearOnYear?.rawRatio).toBe(2);
    expect(q.share?.ratio).toBeGreaterThan(1.1);
  });

  it('falling: 40 → 20 is shrinking', () => {
    const g = s.get('G')!;
    expect(g.previous?.avgLive).toBe(40);
    expect(g.recent?.avgLive).toBe(20);
    expect(g.rawRatio).toBe(0.5);
    expect(g.label).toBe('shrinking');
    expect(g.change).toBeCloseTo(smoothRatio(20, 40, allRatio, m) - 1, 3);
  });

  it('tiny counts: 1 → 2 is a raw +100% but smoothed to a few per cent, stable', () => {
    const b = s.get('B')!;
    expect(b.rawRatio).toBe(2);
    expect(b.ratio).toBeCloseTo(smoothRatio(2, 1, allRatio, m), 3);
    expect(b.ratio!).toBeLessThan(1.1);
    expect(b.label).toBe('stable');
  });

  it('a small local count is pulled toward the same sector’s wider trend', () => {
    const d = openDb(':memory:');
    // Nationally care is halving (400 → 200); in Wigan it goes 1 → 3.
    steady(d, 'Q', 200, { region: 'London', la: 'Camden' });
    steady(d, 'Q', 200, { region: 'London', la: 'Camden', closedDaysAgo: 91 });
    steady(d, 'Q', 1, { la: 'Wigan' });
    steady(d, 'Q', 2, { la: 'Wigan', firstDaysAgo: 90 });
    rebuildDemandHistory(d, { from: daysAgo(NOW, 500), to: NOW });
    const w = growthSignals(d, { dim: 'sector', area: { type: 'la', name: 'Wigan' }, now: NOW }).get('Q')!;
    expect(w.rawRatio).toBe(3);
    expect(w.prior?.basis).toBe('sector Q in all areas');
    expect(w.prior!.ratio).toBeLessThan(0.6);
    expect(w.ratio).toBeCloseTo(smoothRatio(3, 1, w.prior!.ratio, m), 2);
    expect(w.label).toBe('shrinking');
  });

  it('share rising while all vacancies fall: care grows 100 → 120 as the total falls 500 → 320', () => {
    const d = openDb(':memory:');
    steady(d, 'G', 200);
    steady(d, 'G', 200, { closedDaysAgo: 91 });
    steady(d, 'Q', 100);
    steady(d, 'Q', 20, { firstDaysAgo: 90 });
    rebuildDemandHistory(d, { from: daysAgo(NOW, 500), to: NOW });
    const sig = growthSignals(d, { dim: 'sector', area: ALL, now: NOW });
    const q = sig.get('Q')!;
    expect(q.share?.previous).toBeCloseTo(100 / 500, 3);
    expect(q.share?.recent).toBeCloseTo(120 / 320, 3);
    expect(q.share?.label).toBe('gaining share');
    expect(q.label).toBe('growing');
    expect(sig.get('G')!.share?.label).toBe('losing share');
  });

  it('with under 26 weeks of own history, sectors lean on the official series and say so', () => {
    const d = openDb(':memory:');
    steady(d, 'Q', 5, { firstDaysAgo: 40 });
    rebuildDemandHistory(d, { to: NOW });
    const dir = mkdtempSync(join(tmpdir(), 'ons-'));
    const csv = join(dir, 'long.csv');
    // Rolling quarters, seasonally adjusted; invented figures.
    const rows = ['period_label,sic2007,vacancies_thousands_sa'];
    const q = [100, 102, 104, 110, 115, 120, 126, 130, 135, 140, 150, 160, 170];
    const all = [800, 800, 800, 790, 785, 780, 770, 760, 750, 740, 735, 730, 725];
    const labels = ['Jan-Mar', 'Feb-Apr', 'Mar-May', 'Apr-Jun', 'May-Jul', 'Jun-Aug', 'Jul-Sep', 'Aug-Oct', 'Sep-Nov', 'Oct-Dec', 'Nov-Jan', 'Dec-Feb', 'Jan-Mar'];
    labels.forEach((l, i) => {
      const year = i >= 10 ? 2026 : 2025;
      rows.push(`${l} ${year},Q,${q[i]}`, `${l} ${year},B-S,${all[i]}`);
    });
    writeFileSync(csv, rows.join('\n'));
    return importOnsVacancies(d, csv, NOW).then((res) => {
      expect(res.series).toBe('ons-3m-sa');
      const sig = growthSignals(d, { dim: 'sector', area: ALL, now: NOW }).get('Q')!;
      expect(sig.source).toBe('official statistics');
      expect(sig.official?.latest).toEqual({ period: '2026-03', thousands: 170 });
      expect(sig.official?.quarterBefore).toEqual({ period: '2025-12', thousands: 140 });
      expect(sig.official?.yearRatio).toBeCloseTo(1.7, 3);
      expect(sig.rawRatio).toBeCloseTo(170 / 140, 3);
      expect(sig.ratio).toBeCloseTo(smoothRatio(170, 140, 725 / 740, GROWTH_DEFAULTS.officialPriorStrength), 3);
      expect(sig.label).toBe('growing');
      expect(sig.note).toMatch(/own history covers \d+ days/);
      // An occupation borrows its sector's official series.
      const occ = growthSignals(d, { dim: 'occupation', area: ALL, keys: ['soc:6135'], now: NOW, sectorOf: () => 'Q' }).get('soc:6135')!;
      expect(occ.source).toBe('official statistics (sector)');
      expect(occ.label).toBe('growing');
      // No official series for a section: unknown, never a made-up label.
      expect(growthSignals(d, { dim: 'sector', area: ALL, keys: ['A'], now: NOW }).get('A')!.label).toBe('unknown');
    });
  });
});
