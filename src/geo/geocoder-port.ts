import type { Place } from '../vacancies/model.ts';

/**
 * Offline geocoding of place names and postcodes: the port the normaliser,
 * the participant service and the coach search depend on. The one
 * implementation is createGeocoder (./geocoder.ts); tests may pass null
 * (then only "lat,lon" is understood, see ./resolve-place.ts).
 */
export interface Geocoder {
  /** A place name, full postcode or outward code → a resolved place, or null. */
  geocode(text: string): Place | null;
  /**
   * The local authority a UK point most likely lies in, for a place whose
   * source gave coordinates but whose postcode district the bundled table
   * lacks (M50, Salford Quays). Null abroad and in a Crown Dependency.
   * Optional: a geocoder without it leaves such a place with no authority.
   */
  authorityAt?(lat: number, lon: number): { code: string; name: string; region: string | null } | null;
}
