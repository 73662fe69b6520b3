/**
 * Geo helpers shared by the engines: exact great-circle distance and the grid
 * cells the embedded engine indexes as tokens, so a radius filter becomes a
 * handful of OR'd cell tokens that the full-text match intersects directly.
 */

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEG_LAT = 111.195;
const toRad = (d: number) => (d * Math.PI) / 180;

export interface LatLon {
  lat: number;
  lon: number;
}

/** Haversine distance in km. */
export function haversineKm(a: LatLon, b: LatLon): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Bounding box (degrees) that contains the circle. Longitude span widens with latitude. */
export function boundingBox(c: LatLon, radiusKm: number): { minLat: number; maxLat: number; minLon: number; maxLon: number } {
  const dLat = radiusKm / KM_PER_DEG_LAT;
  const cosLat = Math.max(0.01, Math.cos(toRad(Math.min(89.9, Math.abs(c.lat) + dLat))));
  const dLon = Math.min(180, radiusKm / (KM_PER_DEG_LAT * cosLat));
  return { minLat: c.lat - dLat, maxLat: c.lat + dLat, minLon: c.lon - dLon, maxLon: c.lon + dLon };
}

/**
 * Grid levels, finest first. Level 1 cells are about 11 × 10 km in the UK, so
 * a 15 km radius is covered by ~9–16 of them (about 2.5× the circle's area);
 * coarser levels keep big radii to a few dozen tokens.
 */
export const GRID_LEVELS = [
  { level: 1, dLat: 0.1, dLon: 0.15 },
  { level: 2, dLat: 0.4, dLon: 0.6 },
  { level: 3, dLat: 1.6, dLon: 2.4 },
] as const;

/** Most cell tokens one query may OR together before we fall back to a coarser level. */
const MAX_QUERY_CELLS = 36;

const cellI = (lat: number, dLat: number) => Math.floor((lat + 90) / dLat);
const cellJ = (lon: number, dLon: number) => Math.floor((lon + 180) / dLon);

/** Token for one cell. Ends in a digit so the porter stemmer leaves it alone. */
const cellToken = (level: number, i: number, j: number) => `zg${level}a${i}b${j}`;

/** The cell tokens one place is indexed under (one per level). */
export function placeCellTokens(p: LatLon): string[] {
  return GRID_LEVELS.map((g) => cellToken(g.level, cellI(p.lat, g.dLat), cellJ(p.lon, g.dLon)));
}

/**
 * Cells of the finest level that covers the circle with at most
 * MAX_QUERY_CELLS cells, keeping only cells that actually touch the circle.
 * Null when the circle is too big for any level (then only the bounding box
 * and exact distance apply).
 */
export function coveringCellTokens(c: LatLon, radiusKm: number): string[] | null {
  const box = boundingBox(c, radiusKm);
  for (const g of GRID_LEVELS) {
    const i0 = cellI(box.minLat, g.dLat);
    const i1 = cellI(box.maxLat, g.dLat);
    const j0 = cellJ(box.minLon, g.dLon);
    const j1 = cellJ(box.maxLon, g.dLon);
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > MAX_QUERY_CELLS * 2) continue;
    const tokens: string[] = [];
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        // Nearest point of the cell to the centre: inside the circle means the cell may hold matches.
        const cellMinLat = i * g.dLat - 90;
        const cellMinLon = j * g.dLon - 180;
        const nearest = {
          lat: Math.min(Math.max(c.lat, cellMinLat), cellMinLat + g.dLat),
          lon: Math.min(Math.max(c.lon, cellMinLon), cellMinLon + g.dLon),
        };
        if (haversineKm(c, nearest) <= radiusKm) tokens.push(cellToken(g.level, i, j));
      }
    }
    if (tokens.length <= MAX_QUERY_CELLS) return tokens;
  }
  return null;
}
