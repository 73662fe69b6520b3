import type { Db } from '../db.ts';
import type { LatLon } from '../search/geo.ts';
import { CELL_DEG } from './demand-history.ts';

const KM_PER_DEG_LAT = 111.195;

export interface LocalDemand {
  /** Live vacancies per occupation key (`soc:6135`) within range. */
  byOccupation: Map<string, number>;
  bySector: Map<string, number>;
  byRegion: Map<string, number>;
  total: number;
  /** How it was counted, for the response. */
  basis: string;
}

/**
 * Live vacancies within `radiusKm` of a point, by occupation, sector and
 * region, from the live-cell grid (demand_cells): every 0.05° cell that
 * touches the circle counts whole, so the figure can include a few
 * vacancies just beyond the radius (at most one cell, ~5 km). One range
 * query per row of cells: a 30 km radius reads about 20 short ranges.
 */
export function liveVacanciesNear(db: Db, center: LatLon, radiusKm: number): LocalDemand {
  const out: LocalDemand = { byOccupation: new Map(), bySector: new Map(), byRegion: new Map(), total: 0, basis: `within about ${radiusKm} km (0.05° cells touching the circle)` };
  const stmt = db.$client.prepare('SELECT occupation, sector, region, live FROM demand_cells WHERE cell_lat = ? AND cell_lon BETWEEN ? AND ?').raw();
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
    const jMin = Math.floor((center.lon - dLon + 180) / CELL_DEG);
    const jMax = Math.floor((center.lon + dLon + 180) / CELL_DEG);
    for (const [occ, sector, region, live] of stmt.all(i, jMin, jMax) as [string, string, string, number][]) {
      if (occ) out.byOccupation.set(occ, (out.byOccupation.get(occ) ?? 0) + live);
      if (sector) out.bySector.set(sector, (out.bySector.get(sector) ?? 0) + live);
      if (region) out.byRegion.set(region, (out.byRegion.get(region) ?? 0) + live);
      out.total += live;
    }
  }
  return out;
}

/** Live vacancies everywhere (participants without a location). */
export function liveVacanciesEverywhere(db: Db): LocalDemand {
  const out: LocalDemand = { byOccupation: new Map(), bySector: new Map(), byRegion: new Map(), total: 0, basis: 'everywhere (the participant has no location)' };
  const rows = db.$client.prepare('SELECT occupation, sector, sum(live) FROM demand_cells GROUP BY occupation, sector').raw().all() as [string, string, number][];
  for (const [occ, sector, live] of rows) {
    if (occ) out.byOccupation.set(occ, (out.byOccupation.get(occ) ?? 0) + live);
    if (sector) out.bySector.set(sector, (out.bySector.get(sector) ?? 0) + live);
    out.total += live;
  }
  return out;
}

/** The region most of the live vacancies in range belong to (the participant's labour market). */
export function dominantRegion(d: LocalDemand): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [r, c] of d.byRegion) if (c > n) [best, n] = [r, c];
  return best;
}

