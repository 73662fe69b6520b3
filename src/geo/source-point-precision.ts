import { isValid } from 'postcode';
import type { Place, PlacePrecision } from '../vacancies/model.ts';
import { distanceKm } from './reference-tables.ts';

/**
 * How precise a source's own point is (NHS adverts give lat/lon with a town
 * and postcode). What the coordinates stand for is never said, so the answer
 * is the finest thing the source's names resolve to *near the point*:
 *
 * - a full postcode the geocoder found (in an imported table, or only its
 *   district in the bundled one) → 'postcode': the point is the source's own
 *   for that address, not a district centroid;
 * - an outward code alone → 'district'; a town, neighbourhood or area → that;
 * - nothing named, nothing found, or names that resolve far from the point
 *   (a bad point, or a postcode for another site) → 'point': located, but at
 *   no level anyone can vouch for.
 */
export function sourcePointPrecision(lat: number, lon: number, named: Place | null): PlacePrecision {
  if (!named?.resolved || named.lat == null || named.lon == null || !named.precision) return 'point';
  if (distanceKm(lat, lon, named.lat, named.lon) > reachKm(named)) return 'point';
  if (named.precision === 'district' && named.postcode && isValid(named.postcode)) return 'postcode';
  return named.precision;
}

/**
 * How far a source's point may lie from what its names resolved to and still
 * be that place: an area's own extent (with the slack the geocoder allows a
 * town inside an area), else 20 km — a rural postcode district's centroid is
 * up to about 14 km from its addresses (the NHS adverts' points: 99.9% within
 * 12 km of their district's centroid), and the geocoder's towns are points.
 */
function reachKm(named: Place): number {
  return named.area ? named.area.radiusKm * 1.2 + 2 : 20;
}
