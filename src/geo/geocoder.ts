import type { Statement } from 'better-sqlite3';
import { isValid, toNormalised, toOutcode, validOutcode } from 'postcode';
import type { Db } from '../db.ts';
import type { Place } from '../vacancies/model.ts';
import type { Geocoder } from './geocoder-port.ts';
import { findTown, loadTownIndex, normalisePlaceName, type TownIndex } from './cities.ts';
import { AREA_REGION, regionOfPostcode } from './regions.ts';

/**
 * Offline geocoding: towns and cities from the bundled GeoNames list,
 * postcodes from the operator-imported `postcodes` table (when given a
 * database). Cheap per call: the town index is built once per process and
 * answers are memoised per distinct text (adverts repeat places a lot).
 */
export interface GeocoderOptions {
  /** How many distinct texts to remember. */
  cacheSize?: number;
}

const FULL_POSTCODE_RE = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][ABD-HJLNP-UW-Z]{2})\b/i;
const TRAILING_OUTWARD_RE = /\s+([A-Z]{1,2}[0-9][A-Z0-9]?)$/i;
const DIRECTION_RE = /^(?:central|city\s+centre\s+of|greater|north|south|east|west|north\s+east|north\s+west|south\s+east|south\s+west|outskirts\s+of|near|nr\.?|around|close\s+to|in)\s+/i;

const SUFFIX_RE = /\s+(?:city\s+centre|town\s+centre|area|office|offices|hq|headquarters|campus|site|depot|branch|based)$/i;

interface PostcodeAnswer {
  lat: number | null;
  lon: number | null;
  town: string | null;
  region: string | null;
  localAuthority: string | null;
}

export function createGeocoder(db?: Db | null, opts: GeocoderOptions = {}): Geocoder {
  const towns = loadTownIndex();
  const cacheSize = opts.cacheSize ?? 50_000;
  const cache = new Map<string, Place | null>();
  let full: Statement | null = null;
  let outward: Statement | null = null;
  if (db) {
    full = db.$client.prepare('SELECT lat, lon, town, region, local_authority AS localAuthority FROM postcodes WHERE postcode = ?');
    // A district can straddle local authorities: it gets one only when its postcodes agree.
    outward = db.$client.prepare(
      `SELECT avg(lat) AS lat, avg(lon) AS lon, min(town) AS town, min(region) AS region,
              CASE WHEN count(DISTINCT local_authority) = 1 THEN min(local_authority) END AS localAuthority
         FROM postcodes WHERE outward = ?`,
    );
  }
  const outwardCache = new Map<string, PostcodeAnswer | null>();
  const lookupPostcode = (pc: string, isFull: boolean): PostcodeAnswer | null => {
    try {
      if (isFull && full) {
        const row = full.get(pc) as PostcodeAnswer | undefined;
        if (row) return row;
      }
      const out = isFull ? toOutcode(pc) : pc;
      if (!out || !outward) return null;
      if (outwardCache.has(out)) return outwardCache.get(out)!;
      const row = outward.get(out) as PostcodeAnswer | undefined;
      const answer = row && row.lat != null ? row : null;
      if (outwardCache.size < 20_000) outwardCache.set(out, answer);
      return answer;
    } catch {
      return null;
    }
  };

  return {
    geocode(text: string): Place | null {
      const key = text.trim().toLowerCase();
      if (!key || key.length > 300) return null;
      const hit = cache.get(key);
      if (hit !== undefined) return hit && { ...hit };
      let place: Place | null;
      try {
        place = resolvePlace(towns, lookupPostcode, text.trim());
      } catch {
        place = null;
      }
      if (cache.size >= cacheSize) cache.clear();
      cache.set(key, place);
      return place && { ...place };
    },
  };
}

function resolvePlace(
  towns: TownIndex,
  lookupPostcode: (pc: string, isFull: boolean) => PostcodeAnswer | null,
  text: string,
): Place | null {
  let postcode: string | null = null;
  let isFull = false;
  const fullMatch = FULL_POSTCODE_RE.exec(text);
  if (fullMatch && isValid(`${fullMatch[1]} ${fullMatch[2]}`)) {
    postcode = toNormalised(`${fullMatch[1]} ${fullMatch[2]}`);
    isFull = true;
  }
  const rest = fullMatch && postcode ? text.replace(fullMatch[0], ' ') : text;
  const segments = rest
    .split(/[,()]+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

  let townName: string | null = null;
  let town = null as ReturnType<typeof findTown>;
  for (let i = 0; i < segments.length; i++) {
    let seg = segments[i]!;
    if (!postcode) {
      const up = seg.toUpperCase();
      if (/^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(up) && validOutcode(up)) {
        postcode = up;
        continue;
      }
      const tail = TRAILING_OUTWARD_RE.exec(seg);
      if (tail && validOutcode(tail[1]!.toUpperCase()) && /\d/.test(tail[1]!)) {
        postcode = tail[1]!.toUpperCase();
        seg = seg.slice(0, tail.index).trim();
      }
    }
    if (town) continue;
    const others = segments.filter((_, j) => j !== i);
    const bare = seg.replace(SUFFIX_RE, '').replace(/^\W+/, '');
    town = findTown(towns, seg, others) ?? findTown(towns, seg.replace(DIRECTION_RE, ''), others) ??
      (bare !== seg ? findTown(towns, bare, others) ?? findTown(towns, bare.replace(DIRECTION_RE, ''), others) : null);
    if (town) townName = town.name;
  }

  if (postcode) {
    const answer = lookupPostcode(postcode, isFull);
    const region = answer?.region ?? regionOfPostcode(postcode) ?? (town ? towns.regionOf(town) : null);
    if (answer && answer.lat != null && answer.lon != null) {
      return place(text, answer.lat, answer.lon, postcode, townName ?? answer.town, region, true, answer.localAuthority);
    }
    if (town) return place(text, town.lat, town.lon, postcode, townName, region, true);
    return place(text, null, null, postcode, null, region, false);
  }
  if (town) return place(text, town.lat, town.lon, null, townName, towns.regionOf(town), true);
  for (const seg of segments) {
    const region = AREA_REGION[normalisePlaceName(seg)];
    if (region) return place(text, null, null, null, null, region, false);
  }
  return null;
}

function place(
  text: string,
  lat: number | null,
  lon: number | null,
  postcode: string | null,
  town: string | null,
  region: string | null,
  resolved: boolean,
  localAuthority: string | null = null,
): Place {
  const round = (v: number | null) => (v == null ? null : Math.round(v * 1e5) / 1e5);
  return { text, lat: round(lat), lon: round(lon), postcode, town, localAuthority, region, resolved };
}
