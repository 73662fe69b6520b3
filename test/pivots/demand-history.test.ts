import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/clock.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { closeDb, openDb, writeTransaction } from '../../src/db.ts';
import { dayOf, readDemandSeries, readDemandState, rebuildDemandHistory, updateDemandHistory } from '../../src/pivots/demand-history.ts';
import { liveVacanciesNear, regionAt } from '../../src/pivots/local-demand.ts';
import { daysAgo, insertVacancies } from './helpers.ts';
import { createRandom } from '../../src/random.ts';

const NOW = Date.parse('2026-06-01T10:00:00Z');
const TODAY = dayOf(NOW);
const ALL = { type: 'all', name: '' } as const;

function dump(db: ReturnType<typeof openDb>) {
  return db.$client.prepare('SELECT area_type, area, dim, key, day, live, new FROM demand_daily ORDER BY 1, 2, 3, 4, 5').all();
}

describe('demand history', () => {
  it('counts a vacancy live from its first day to its closing day, new on its first day', () => {
    const db = openDb(':memory:');
    insertVacancies(db, { sector: 'Q', occupation: 'soc:6135', region: 'North West', la: 'Bolton', firstSeen: daysAgo(NOW, 10), closedAt: daysAgo(NOW, 5) });
    insertVacancies(db, { sector: 'Q', occupation: 'soc:6135', region: 'North West', la: 'Bolton', firstSeen: daysAgo(NOW, 3) });
    rebuildDemandHistory(db, { from: daysAgo(NOW, 20), to: NOW });
    const rows = readDemandSeries(db, { area: ALL, dim: 'sector', fromDay: TODAY - 20, toDay: TODAY });
    const live = new Map(rows.map((r) => [TODAY - r.day, r.live]));
    const fresh = new Map(rows.map((r) => [TODAY - r.day, r.new]));
    // First: days 10..5 ago; second: 3 ago..today.
    expect([...live].sort((a, b) => b[0] - a[0])).toEqual([
      [10, 1], [9, 1], [8, 1], [7, 1], [6, 1], [5, 1], [3, 1], [2, 1], [1, 1], [0, 1],
    ]);
    expect(fresh.get(10)).toBe(1);
    expect(fresh.get(3)).toBe(1);
    expect(fresh.get(9)).toBe(0);
    // Every area level and dimension kept; occupations nationally only.
    const combos = new Set((dump(db) as { area_type: string; dim: string }[]).map((r) => `${r.area_type}/${r.dim}`));
    expect([...combos].sort()).toEqual(['all/all', 'all/occupation', 'all/sector', 'la/all', 'la/sector', 'region/all', 'region/sector']);
    expect(readDemandState(db)).toMatchObject({ fromDay: TODAY - 20, toDay: TODAY, updatedAt: NOW });
  });

  it('counts a near-duplicate cluster once and carries in vacancies first seen before the range', () => {
    const db = openDb(':memory:');
    const [canon] = insertVacancies(db, { sector: 'H', firstSeen: daysAgo(NOW, 40) });
    insertVacancies(db, { sector: 'H', firstSeen: daysAgo(NOW, 2), clusterId: canon }, 3);
    rebuildDemandHistory(db, { from: daysAgo(NOW, 7), to: NOW });
    const rows = readDemandSeries(db, { area: ALL, dim: 'sector', fromDay: TODAY - 7, toDay: TODAY });
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.live === 1 && r.new === 0)).toBe(true);
  });

  it('an incremental update gives exactly what a full rebuild gives', () => {
    const db = openDb(':memory:');
    const rnd = createRandom(7);
    const sectors = ['C', 'G', 'H', 'Q'];
    const regions = ['North West', 'London'];
    for (let i = 0; i < 300; i++) {
      const first = Math.floor(rnd() * 60);
      const closed = rnd() < 0.5 ? Math.max(0, first - 1 - Math.floor(rnd() * 20)) : null;
      insertVacancies(db, {
        sector: sectors[i % 4] as string,
        occupation: `soc:${1000 + (i % 7)}`,
        region: regions[i % 2] as string,
        la: `LA${i % 5}`,
        firstSeen: daysAgo(NOW, first) - 3_600_000,
        ...(closed == null ? {} : { closedAt: daysAgo(NOW, closed) }),
      });
    }
    rebuildDemandHistory(db, { from: daysAgo(NOW, 60), to: NOW });
    // A day later: new vacancies, and some live ones close.
    const tomorrow = NOW + DAY_MS;
    insertVacancies(db, { sector: 'Q', occupation: 'soc:1003', region: 'London', la: 'LA1', firstSeen: tomorrow - 1000 }, 5);
    db.$client.prepare("UPDATE vacancies SET status = 'expired', closed_at = ?, last_seen = ? WHERE status = 'live' AND id % 9 = 0").run(tomorrow, tomorrow - 60_000);
    updateDemandHistory(db, tomorrow);
    // Four days later (no update in between): more arrivals and closures.
    const later = tomorrow + 4 * DAY_MS;
    insertVacancies(db, { sector: 'H', occupation: 'soc:1001', region: 'North West', la: 'LA3', firstSeen: tomorrow + 2 * DAY_MS }, 4);
    db.$client.prepare("UPDATE vacancies SET status = 'closed', closed_at = ?, last_seen = ? WHERE status = 'live' AND id % 7 = 0").run(later - 2 * DAY_MS, later - 3 * DAY_MS);
    updateDemandHistory(db, later);
    const incremental = dump(db);
    const fresh = openDb(':memory:');
    fresh.$client.exec('DELETE FROM vacancies');
    const rows = db.$client.prepare('SELECT * FROM vacancies').all() as Record<string, unknown>[];
    const cols = Object.keys(rows[0] as object);
    const ins = fresh.$client.prepare(`INSERT INTO vacancies (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
    for (const r of rows) ins.run(...cols.map((c) => r[c]));
    rebuildDemandHistory(fresh, { from: daysAgo(NOW, 60), to: later });
    expect(incremental).toEqual(dump(fresh));
    expect(incremental.length).toBeGreaterThan(100);
  });

  it('a rebuild computes without the write lock and writes in spans of days: another connection writes at once meanwhile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-demand-'));
    const path = join(dir, 'fp.db');
    const db = openDb(path);
    const other = openDb(path);
    try {
      const rnd = createRandom(11);
      for (let i = 0; i < 200; i++) {
        const first = Math.floor(rnd() * 90);
        insertVacancies(db, { sector: ['C', 'H', 'Q'][i % 3] as string, region: 'London', la: `LA${i % 4}`, firstSeen: daysAgo(NOW, first) });
      }
      // The other connection does not wait at all: any lock held by the rebuild fails its write at once.
      other.$client.pragma('busy_timeout = 0');
      const writes: string[] = [];
      const writeBeside = (stage: string) => {
        writeTransaction(other, () => createApiKey(other, { employerName: `Beside ${writes.length}` }, NOW));
        writes.push(stage);
      };
      const batches: number[] = [];
      const s = rebuildDemandHistory(db, {
        from: daysAgo(NOW, 90),
        to: NOW,
        rowsPerWrite: 300,
        onProgress(stage, done) {
          writeBeside(stage);
          if (stage === 'written') batches.push(done);
        },
      });
      expect(writes[0]).toBe('computed');
      expect(batches.length).toBeGreaterThan(3);
      expect(batches.at(-1)).toBe(s.rows);
      const small = dump(db);
      // The same history as written in one go.
      rebuildDemandHistory(db, { from: daysAgo(NOW, 90), to: NOW });
      expect(small).toEqual(dump(db));
      expect(small.length).toBe(s.rows);
    } finally {
      closeDb(other);
      closeDb(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts live vacancies within a travel range from the cell grid', () => {
    const db = openDb(':memory:');
    const leeds = { lat: 53.8, lon: -1.55 };
    insertVacancies(db, { occupation: 'soc:6135', sector: 'Q', region: 'Yorkshire and The Humber', ...leeds, firstSeen: daysAgo(NOW, 1) }, 4);
    insertVacancies(db, { occupation: 'soc:6135', sector: 'Q', region: 'Yorkshire and The Humber', lat: 53.85, lon: -1.6, firstSeen: daysAgo(NOW, 1) }, 2);
    insertVacancies(db, { occupation: 'soc:6135', sector: 'Q', region: 'London', lat: 51.5, lon: -0.12, firstSeen: daysAgo(NOW, 1) }, 9);
    insertVacancies(db, { occupation: 'soc:6135', sector: 'Q', ...leeds, firstSeen: daysAgo(NOW, 9), closedAt: daysAgo(NOW, 2) }, 3);
    rebuildDemandHistory(db, { to: NOW });
    insertVacancies(db, { occupation: 'soc:9999', sector: 'H', region: 'Yorkshire and The Humber', ...leeds, firstSeen: daysAgo(NOW, 1) }, 2);
    rebuildDemandHistory(db, { to: NOW });
    const near = liveVacanciesNear(db, leeds, 15, ['soc:6135', 'soc:1234']);
    expect([...near.byOccupation]).toEqual([['soc:6135', 6]]);
    expect(liveVacanciesNear(db, leeds, 300, ['soc:6135']).byOccupation.get('soc:6135')).toBe(15);
    expect(liveVacanciesNear(db, leeds, 15, ['soc:6135', 'soc:9999']).byOccupation.get('soc:9999')).toBe(2);
    expect(regionAt(db, leeds)).toBe('Yorkshire and The Humber');
    expect(regionAt(db, { lat: 57.5, lon: -4.2 })).toBeNull();
  });

  it('counts only the cells that touch the circle, not the corners of its bounding box', () => {
    const db = openDb(':memory:');
    const leeds = { lat: 53.8, lon: -1.55 };
    insertVacancies(db, { occupation: 'soc:6135', sector: 'Q', region: 'Yorkshire and The Humber', ...leeds, firstSeen: daysAgo(NOW, 1) }, 1);
    // 13 km north and 13 km east (about 18.5 km away): inside the 15 km circle's box, outside the circle and its cells.
    insertVacancies(db, { occupation: 'soc:6135', sector: 'Q', region: 'Yorkshire and The Humber', lat: 53.92, lon: -1.35, firstSeen: daysAgo(NOW, 1) }, 5);
    // Due east at 13 km: inside.
    insertVacancies(db, { occupation: 'soc:6135', sector: 'Q', region: 'Yorkshire and The Humber', lat: 53.8, lon: -1.35, firstSeen: daysAgo(NOW, 1) }, 2);
    rebuildDemandHistory(db, { to: NOW });
    expect(liveVacanciesNear(db, leeds, 15, ['soc:6135']).byOccupation.get('soc:6135')).toBe(3);
    expect(liveVacanciesNear(db, leeds, 25, ['soc:6135']).byOccupation.get('soc:6135')).toBe(8);
  });

  it("takes the region from the participant's own cell when it has live vacancies, else from within 8 km", () => {
    const db = openDb(':memory:');
    // Near a regional border: a few vacancies in their own cell, more just across the border a few km away.
    const home = { lat: 53.41, lon: -2.41 };
    insertVacancies(db, { occupation: 'soc:6135', sector: 'Q', region: 'North West', ...home, firstSeen: daysAgo(NOW, 1) }, 2);
    insertVacancies(db, { occupation: 'soc:6135', sector: 'Q', region: 'Elsewhere', lat: 53.41, lon: -2.33, firstSeen: daysAgo(NOW, 1) }, 10);
    rebuildDemandHistory(db, { to: NOW });
    expect(regionAt(db, home)).toBe('North West');
    // A cell with nothing live: the 8 km circle decides.
    expect(regionAt(db, { lat: 53.41, lon: -2.37 })).toBe('Elsewhere');
  });
});

