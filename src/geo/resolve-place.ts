import type { Geocoder } from './geocoder-port.ts';

/** Search radius when a place is given without one (GET /v1/search, the search page). */
export const DEFAULT_SEARCH_RADIUS_KM = 15;
/** Travel range assumed for a participant who has not said how far they travel (matches, pivots, ranking). */
export const DEFAULT_TRAVEL_KM = 30;

const LAT_LON = /^\s*(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

/**
 * The one reading of "lat,lon or place" everywhere a person types a place:
 * coordinates in range are taken as they are; anything else (a town, a
 * postcode, an outward code) goes to the geocoder. Null when neither
 * locates it.
 */
export function resolvePlace(geocoder: Geocoder | null, text: string): { lat: number; lon: number } | null {
  const m = LAT_LON.exec(text);
  if (m) {
    const lat = Number(m[1]);
    const lon = Number(m[2]);
    if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { lat, lon };
  }
  const place = geocoder?.geocode(text) ?? null;
  return place && place.lat != null && place.lon != null ? { lat: place.lat, lon: place.lon } : null;
}
