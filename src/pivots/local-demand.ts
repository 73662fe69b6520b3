import type { Statement } from 'better-sqlite3';
import { prepared } from '../prepared.ts';
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

/** Regions near a point: one range per row of cells (the covering index on cell, region), summed by SQLite. */
function regionStatement(db: Db, nRows: number): Statement<unknown[]> {
  const parts = Array.from({ length: nRows }, () => 'SELECT region AS k, live FROM demand_cells WHERE cell_lat = ? AND cell_lon BETWEEN ? AND ?').join(' UNION ALL ');
  return prepared(db, `SELECT k, sum(live) FROM (${parts}) WHERE k <> '' GROUP BY k`, 'raw');
}

/**
 * Live vacancies of the given occupations within `radiusKm` of a point, from
 * the live-cell grid (demand_cells): every 0.05° cell that touches the
 * circle counts whole, so the figure can include a few vacancies just
 * beyond the radius (at most one cell, ~5 km).
 *
 * One statement: per occupation, a seek into the covering index
 * (occupation, cell_lat, cell_lon, live) for the circle's bounding box,
 * then the box's corners are dropped here. Going by cell instead reads every
 * occupation's row in every cell, thousands in a city, to keep a few.
 */
export function liveVacanciesNear(db: Db, center: LatLon, radiusKm: number, occupations: readonly string[]): LocalDemand {
  const rows = cellRows(center, radiusKm);
  const out: LocalDemand = { byOccupation: new Map(), basis: `within about ${radiusKm} km (0.05° cells touching the circle)` };
  if (!rows.length || !occupations.length) return out;
  const latLo = rows[0]![0];
  const lonRange = new Map(rows.map(([lat, lo, hi]) => [lat, [lo, hi] as const]));
  const lonLo = Math.min(...rows.map((r) => r[1]));
  const lonHi = Math.max(...rows.map((r) => r[2]));
  const stmt = prepared(
    db,
    'SELECT occupation, cell_lat, cell_lon, live FROM demand_cells ' +
      'WHERE occupation IN (SELECT value FROM json_each(?)) AND cell_lat BETWEEN ? AND ? AND cell_lon BETWEEN ? AND ?',
    'raw',
  );
  const hits = stmt.all(JSON.stringify(occupations), latLo, rows[rows.length - 1]![0], lonLo, lonHi) as [string, number, number, number][];
  for (const [k, lat, lon, live] of hits) {
    const range = lonRange.get(lat);
    if (!range || lon < range[0] || lon > range[1]) continue;
    out.byOccupation.set(k, (out.byOccupation.get(k) ?? 0) + live);
  }
  return out;
}

/**
 * The region most live vacancies near a point belong to: the participant's
 * own labour market. Their own 0.05° cell decides when it has live
 * vacancies (a city centre cell holds hundreds of rows, a circle of 8 km
 * thousands, for the same answer); otherwise the cells within `radiusKm`.
 */
export function regionAt(db: Db, center: LatLon, radiusKm = 8): string | null {
  return dominantRegion(db, cellRows(center, 0)) ?? dominantRegion(db, cellRows(center, radiusKm));
}

function dominantRegion(db: Db, rows: [number, number, number][]): string | null {
  if (!rows.length) return null;
  const res = regionStatement(db, rows.length).all(...rows.flat()) as [string, number][];
  let best: string | null = null;
  let n = 0;
  for (const [r, c] of res) if (c > n) [best, n] = [r, c];
  return best;
}

/** Live vacancies of the given occupations everywhere (participants without a location). */
export function liveVacanciesEverywhere(db: Db, occupations: readonly string[]): LocalDemand {
  const out: LocalDemand = { byOccupation: new Map(), basis: 'everywhere (the participant has no location)' };
  if (!occupations.length) return out;
  const rows = prepared(db, 'SELECT occupation, sum(live) FROM demand_cells WHERE occupation IN (SELECT value FROM json_each(?)) GROUP BY occupation', 'raw').all(
    JSON.stringify(occupations),
  ) as [string, number][];
  for (const [k, n] of rows) out.byOccupation.set(k, n);
  return out;
}
