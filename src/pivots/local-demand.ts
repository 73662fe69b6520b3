import type { Statement } from 'better-sqlite3';
import type { Db } from '../db.ts';
import type { LatLon } from '../search/geo.ts';
import { CELL_DEG } from './demand-history.ts';

const KM_PER_DEG_LAT = 111.195;

export interface LocalDemand {
  /** Live vacancies per occupation key (`soc:6135`) within range (only the keys asked for, when given). */
  byOccupation: Map<string, number>;
  /** How it was counted, for the response. */
  basis: string;
}

/** Per row of cells touching the circle: [cell_lat, first cell_lon, last cell_lon]. */
function cellRows(center: LatLon, radiusKm: number): [number, number, number][] {
  const rows: [number, number, number][] = [];
  const dLat = radiusKm / KM_PER_DEG_LAT;
  const iMin = Math.floor((center.lat - dLat + 90) / CELL_DEG);
  const iMax = Math.floor((center.lat + dLat + 90) / CELL_DEG);
  for (let i = iMin; i <= iMax; i++) {
    const latLo = i * CELL_DEG - 90;
    const latHi = latLo + CELL_DEG;
    // Nearest latitude of this row of cells to the centre.
    const nearLat = Math.min(Math.max(center.lat, latLo), latHi);
    const dKmLat = Math.abs(nearLat - center.lat) * KM_PER_DEG_LAT;
    if (dKmLat > radiusKm) continue;
    const remaining = Math.sqrt(Math.max(0, radiusKm * radiusKm - dKmLat * dKmLat));
    const cos = Math.max(0.01, Math.cos((Math.max(Math.abs(latLo), Math.abs(latHi)) * Math.PI) / 180));
    const dLon = remaining / (KM_PER_DEG_LAT * cos);
    rows.push([i, Math.floor((center.lon - dLon + 180) / CELL_DEG), Math.floor((center.lon + dLon + 180) / CELL_DEG)]);
  }
  return rows;
}

const statements = new WeakMap<Db, Map<string, Statement<unknown[]>>>();

/** One statement per shape (number of cell rows), summed inside SQLite. */
function statementFor(db: Db, kind: 'occupation' | 'region', nRows: number): Statement<unknown[]> {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  const k = `${kind}:${nRows}`;
  let stmt = cache.get(k);
  if (!stmt) {
    const parts = Array.from({ length: nRows }, () => `SELECT ${kind} AS k, live FROM demand_cells WHERE cell_lat = ? AND cell_lon BETWEEN ? AND ?`).join(' UNION ALL ');
    const filter = kind === 'occupation' ? ' WHERE k IN (SELECT value FROM json_each(?))' : " WHERE k <> ''";
    stmt = db.$client.prepare<unknown[]>(`SELECT k, sum(live) FROM (${parts})${filter} GROUP BY k`).raw();
    cache.set(k, stmt);
  }
  return stmt;
}

/**
 * Live vacancies of the given occupations within `radiusKm` of a point, from
 * the live-cell grid (demand_cells): every 0.05° cell that touches the
 * circle counts whole, so the figure can include a few vacancies just
 * beyond the radius (at most one cell, ~5 km). One statement: a range per
 * row of cells, summed by SQLite (a 30 km radius is about 12 short ranges).
 */
export function liveVacanciesNear(db: Db, center: LatLon, radiusKm: number, occupations: readonly string[]): LocalDemand {
  const rows = cellRows(center, radiusKm);
  const out: LocalDemand = { byOccupation: new Map(), basis: `within about ${radiusKm} km (0.05° cells touching the circle)` };
  if (!rows.length || !occupations.length) return out;
  const res = statementFor(db, 'occupation', rows.length).all(...rows.flat(), JSON.stringify(occupations)) as [string, number][];
  for (const [k, n] of res) out.byOccupation.set(k, n);
  return out;
}

/** The region most live vacancies within a few km belong to: the participant's own labour market. */
export function regionAt(db: Db, center: LatLon, radiusKm = 8): string | null {
  const rows = cellRows(center, radiusKm);
  if (!rows.length) return null;
  const res = statementFor(db, 'region', rows.length).all(...rows.flat()) as [string, number][];
  let best: string | null = null;
  let n = 0;
  for (const [r, c] of res) if (c > n) [best, n] = [r, c];
  return best;
}

/** Live vacancies of the given occupations everywhere (participants without a location). */
export function liveVacanciesEverywhere(db: Db, occupations: readonly string[]): LocalDemand {
  const out: LocalDemand = { byOccupation: new Map(), basis: 'everywhere (the participant has no location)' };
  if (!occupations.length) return out;
  const rows = db.$client
    .prepare('SELECT occupation, sum(live) FROM demand_cells WHERE occupation IN (SELECT value FROM json_each(?)) GROUP BY occupation')
    .raw()
    .all(JSON.stringify(occupations)) as [string, number][];
  for (const [k, n] of rows) out.byOccupation.set(k, n);
  return out;
}
