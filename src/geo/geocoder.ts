import type { Statement } from 'better-sqlite3';
import { isValid, toNormalised, toOutcode, validOutcode } from 'postcode';
import type { Db } from '../db.ts';
import type { Place, PlacePrecision } from '../vacancies/model.ts';
import type { Geocoder } from './geocoder-port.ts';
import { countryOfForeignCity, countryOfQualifier, loadAbroadIndex, overshadows, type AbroadIndex } from './abroad.ts';
import { CROWN_DEPENDENCIES, loadTownIndex, normalisePlaceName, resolveAlias, type Town, type TownIndex } from './cities.ts';
import { LOCALITY_ALIASES, LOCALITY_OUTCODES } from './localities.ts';
import { distanceKm, LOCAL_AUTHORITY_KINDS, loadReferenceTables, type Area, type AreaKind, type ReferenceTables } from './reference-tables.ts';
import { stripPlaceNoise } from './place-noise.ts';
import { AREA_REGION, postcodeArea, regionOfPostcode } from './regions.ts';

/**
 * Offline geocoding with nothing imported: postcode districts and named
 * areas (local authorities, counties, regions, nations) from the bundled
 * reference tables, towns from the bundled GeoNames list, London
 * neighbourhoods from the localities list. An operator-imported `postcodes`
 * table (when given a database) refines postcodes to the full-postcode
 * point. Cheap per call: indexes are built once per process and answers
 * are memoised per distinct text (adverts repeat places a lot).
 */
export interface GeocoderOptions {
  /** How many distinct texts to remember. */
  cacheSize?: number;
}

const FULL_POSTCODE_RE = /\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][ABD-HJLNP-UW-Z]{2})\b/i;
const TRAILING_OUTWARD_RE = /\s+([A-Z]{1,2}[0-9][A-Z0-9]?)$/i;
const DIRECTION_RE = /^(?:central|city\s+centre\s+of|greater|north|south|east|west|north\s+east|north\s+west|south\s+east|south\s+west|outskirts\s+of|near|nr\.?|around|close\s+to|in)\s+/i;
const SUFFIX_RE = /\s+(?:city\s+centre|town\s+centre|area|office|offices|hq|headquarters|campus|site|depot|branch|based)$/i;

/** Which area a name means when several share it ("West Midlands"): the finest kind first. */
const KIND_ORDER: Record<AreaKind, number> = {
  'london-borough': 0, 'metropolitan-district': 0, district: 0, 'unitary-authority': 0, 'council-area': 0, 'principal-area': 0, 'ni-district': 0,
  county: 1, 'metropolitan-county': 2, 'ceremonial-county': 3, region: 4, country: 5, 'crown-dependency': 5, 'combined-authority': 6,
};

/** Postcode areas of the Crown Dependencies → their ISO 3166-1 codes (Guernsey's postcodes are GY, its code GG). */
const CROWN_POSTCODE_AREAS: Record<string, string> = { JE: 'JE', GY: 'GG', IM: 'IM' };

interface PostcodeAnswer {
  lat: number | null;
  lon: number | null;
  town: string | null;
  region: string | null;
  localAuthority: string | null;
  precision: PlacePrecision;
}

interface Candidate {
  towns: Town[];
  areas: Area[];
}

interface Indexes {
  towns: TownIndex;
  ref: ReferenceTables;
  abroad: AbroadIndex;
  areasByName: Map<string, Area[]>;
  localities: Map<string, Town>;
  /** Every name a segment can be split on, for strings written without commas. */
  maxWords: number;
  /** Leading words of longer UK names ("kingston" of Kingston upon Thames): such a bare name is never read as a foreign city. */
  ukNameHeads: Set<string>;
}

let sharedIndexes: Indexes | null = null;

function loadIndexes(): Indexes {
  if (sharedIndexes) return sharedIndexes;
  const towns = loadTownIndex();
  const ref = loadReferenceTables();
  const areasByName = new Map<string, Area[]>();
  for (const a of ref.areas) {
    for (const n of [normalisePlaceName(a.name), ...a.names]) {
      const list = areasByName.get(n) ?? [];
      if (!list.includes(a)) list.push(a);
      areasByName.set(n, list);
    }
  }
  for (const list of areasByName.values()) list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const localities = new Map<string, Town>();
  for (const [name, outcodes] of Object.entries(LOCALITY_OUTCODES)) {
    const points = outcodes.map((o) => ref.outcodes.get(o)).filter((o) => o != null);
    if (!points.length) continue;
    const lat = points.reduce((s, p) => s + p.lat, 0) / points.length;
    const lon = points.reduce((s, p) => s + p.lon, 0) / points.length;
    const nation = ref.areaByCode.get(points[0]!.localAuthority)?.code[0] ?? 'E';
    localities.set(normalisePlaceName(name), { name, lat, lon, population: 0, nation: { E: 'ENG', W: 'WLS', S: 'SCT', N: 'NIR' }[nation] ?? 'ENG' });
  }
  let maxWords = 1;
  for (const k of [...towns.byName.keys(), ...areasByName.keys(), ...localities.keys()]) maxWords = Math.max(maxWords, Math.min(6, k.split(' ').length));
  const ukNameHeads = new Set<string>();
  for (const k of [...towns.byName.keys(), ...areasByName.keys(), ...localities.keys()]) {
    const words = k.split(' ');
    for (let n = 1; n < words.length; n++) ukNameHeads.add(words.slice(0, n).join(' '));
  }
  sharedIndexes = { towns, ref, abroad: loadAbroadIndex(), areasByName, localities, maxWords, ukNameHeads };
  return sharedIndexes;
}

export function createGeocoder(db?: Db | null, opts: GeocoderOptions = {}): Geocoder {
  const ix = loadIndexes();
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
    const out = isFull ? toOutcode(pc) : pc;
    const bundled = out ? ix.ref.outcodes.get(out) : undefined;
    const bundledLa = bundled ? ix.ref.areaByCode.get(bundled.localAuthority) : undefined;
    try {
      if (isFull && full) {
        const row = full.get(pc) as Omit<PostcodeAnswer, 'precision'> | undefined;
        if (row) return { ...row, localAuthority: row.localAuthority ?? bundled?.localAuthority ?? null, precision: 'postcode' };
      }
      if (out && outward) {
        let answer = outwardCache.get(out);
        if (answer === undefined) {
          const row = outward.get(out) as Omit<PostcodeAnswer, 'precision'> | undefined;
          answer = row && row.lat != null ? { ...row, precision: 'district' } : null;
          if (outwardCache.size < 20_000) outwardCache.set(out, answer);
        }
        if (answer) return { ...answer, localAuthority: answer.localAuthority ?? bundled?.localAuthority ?? null };
      }
    } catch {
      // A broken operator table must not stop the bundled answer.
    }
    if (!bundled) return null;
    return {
      lat: bundled.lat,
      lon: bundled.lon,
      town: bundled.town || null,
      region: bundledLa?.region || null,
      localAuthority: bundled.localAuthority || null,
      precision: 'district',
    };
  };

  return {
    geocode(text: string): Place | null {
      const key = text.trim().toLowerCase();
      if (!key || key.length > 300) return null;
      const hit = cache.get(key);
      if (hit !== undefined) return hit && { ...hit };
      let place: Place | null;
      try {
        place = resolvePlace(ix, lookupPostcode, text.trim());
      } catch {
        place = null;
      }
      if (cache.size >= cacheSize) cache.clear();
      cache.set(key, place);
      return place && { ...place };
    },
    authorityAt(lat: number, lon: number) {
      const a = ix.ref.nearestAuthority(lat, lon);
      return a ? { code: a.code, name: a.name, region: a.region || null } : null;
    },
  };
}

/** Towns and areas a name can mean (exact names, board spellings, London neighbourhoods). */
function candidatesFor(ix: Indexes, name: string): Candidate {
  const raw = normalisePlaceName(name);
  if (!raw) return { towns: [], areas: [] };
  const key = LOCALITY_ALIASES[raw] ?? raw;
  const towns: Town[] = [];
  const add = (list: Town[] | undefined) => {
    for (const t of list ?? []) if (!towns.includes(t)) towns.push(t);
  };
  const locality = ix.localities.get(key);
  if (locality) towns.push(locality);
  add(ix.towns.byName.get(resolveAlias(key)));
  if (key !== raw) add(ix.towns.byName.get(raw));
  return { towns, areas: ix.areasByName.get(key) ?? ix.areasByName.get(resolveAlias(key)) ?? [] };
}

const isEmpty = (c: Candidate) => !c.towns.length && !c.areas.length;

/**
 * Splits a segment written without commas ("Knutsford Cheshire North West")
 * into the longest known names, left to right. Null unless it starts with one.
 */
function splitRun(ix: Indexes, seg: string): string[] | null {
  const words = seg.split(' ');
  if (words.length < 2) return null;
  const parts: string[] = [];
  let i = 0;
  while (i < words.length) {
    let found = 0;
    for (let n = Math.min(ix.maxWords, words.length - i); n >= 1; n--) {
      const piece = words.slice(i, i + n).join(' ');
      if (!isEmpty(candidatesFor(ix, piece)) || (n === 1 && /^[A-Z]{1,2}[0-9][A-Z0-9]?$/i.test(piece) && validOutcode(piece.toUpperCase()))) {
        found = n;
        break;
      }
    }
    if (!found) {
      if (i === 0) return null;
      i++;
      continue;
    }
    parts.push(words.slice(i, i + found).join(' '));
    i += found;
  }
  return parts.length > 1 ? parts : null;
}

function within(t: { lat: number; lon: number }, a: Area, slack = 1.2): boolean {
  return distanceKm(t.lat, t.lon, a.lat, a.lon) <= a.radiusKm * slack + 2;
}

function resolvePlace(ix: Indexes, lookupPostcode: (pc: string, isFull: boolean) => PostcodeAnswer | null, input: string): Place | null {
  const text = input;
  const cleaned = stripPlaceNoise(input).replace(/^[\s,;:|–-]+|[\s,;:|–-]+$/g, '');
  if (!cleaned) return null;
  let postcode: string | null = null;
  let isFull = false;
  const fullMatch = FULL_POSTCODE_RE.exec(cleaned);
  if (fullMatch && isValid(`${fullMatch[1]} ${fullMatch[2]}`)) {
    postcode = toNormalised(`${fullMatch[1]} ${fullMatch[2]}`);
    isFull = true;
  }
  const rest = fullMatch && postcode ? cleaned.replace(fullMatch[0], ' ') : cleaned;
  const rawSegments = rest
    .split(/[,()]+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

  // Each segment → what it can mean. A trailing district ("Leeds LS1") and runs without commas are split first.
  const segs: { text: string; c: Candidate }[] = [];
  for (let seg of rawSegments) {
    const up = seg.toUpperCase();
    if (/^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(up) && validOutcode(up)) {
      postcode ??= up;
      continue;
    }
    const tail = TRAILING_OUTWARD_RE.exec(seg);
    if (tail && validOutcode(tail[1]!.toUpperCase()) && /\d/.test(tail[1]!)) {
      postcode ??= tail[1]!.toUpperCase();
      seg = seg.slice(0, tail.index).trim();
    }
    const whole = candidatesFor(ix, seg);
    if (!isEmpty(whole)) {
      segs.push({ text: seg, c: whole });
      continue;
    }
    const bare = seg.replace(SUFFIX_RE, '').replace(/^\W+/, '');
    const tries = [seg.replace(DIRECTION_RE, ''), bare, bare.replace(DIRECTION_RE, '')];
    const hit = tries.map((t) => ({ t, c: candidatesFor(ix, t) })).find((x) => !isEmpty(x.c));
    if (hit) {
      segs.push({ text: hit.t, c: hit.c });
      continue;
    }
    const parts = splitRun(ix, seg);
    if (parts) {
      for (const p of parts) {
        const up2 = p.toUpperCase();
        if (/^[A-Z]{1,2}[0-9][A-Z0-9]?$/.test(up2) && validOutcode(up2) && /\d/.test(up2)) postcode ??= up2;
        else segs.push({ text: p, c: candidatesFor(ix, p) });
      }
      continue;
    }
    segs.push({ text: seg, c: { towns: [], areas: [] } });
  }

  // A foreign country, state or world region named anywhere ("London, Ontario", "Cambridge, MA", "Remote - AMER")
  // puts the place abroad, whatever UK namesake the other parts have; a UK postcode says otherwise.
  const pieces = rest.split(/[,()|/;]+|\s+[-–]\s+/).map((s) => s.trim()).filter(Boolean);
  const crownOfPostcode = postcode ? CROWN_POSTCODE_AREAS[postcodeArea(postcode) ?? ''] : undefined;
  if (!postcode || crownOfPostcode) {
    for (const p of pieces) {
      const country = countryOfQualifier(ix.abroad, p);
      if (country !== undefined && !(country && CROWN_DEPENDENCIES.has(country))) return abroad(text, country);
    }
  }

  const qualifierAreas = (skip: number) => segs.flatMap((s, j) => (j === skip ? [] : s.c.areas));
  // The finest thing the string names: the first segment that is a town (inside any area the other parts name), else an area.
  let town: Town | null = null;
  let area: Area | null = null;
  for (let i = 0; i < segs.length && !town && !area; i++) {
    const { c } = segs[i]!;
    // A local authority named before a wider place ("Enfield, London") is the finer answer.
    if (!c.towns.length && c.areas[0] && LOCAL_AUTHORITY_KINDS.has(c.areas[0].kind)) {
      area = c.areas[0];
      break;
    }
    if (!c.towns.length) continue;
    const quals = qualifierAreas(i);
    const inQuals = quals.length ? c.towns.filter((t) => quals.some((a) => within(t, a))) : [];
    const pick = inQuals[0] ?? c.towns[0]!;
    // A name that is also an area ("Wales", "Durham") is the town only when that town lies inside the area.
    const same = c.areas[0];
    if (same && !within(pick, same) && !inQuals.length) continue;
    if (same && KIND_ORDER[same.kind] >= 1 && !inQuals.length && same.kind !== 'region') continue;
    town = pick;
  }
  if (!town && !area) {
    const all = segs.flatMap((s) => s.c.areas.slice(0, 1));
    area = all.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.radiusKm - b.radiusKm)[0] ?? null;
  }

  // A bare name that a world city owns far more than its UK namesake ("Melbourne", "Houston").
  if (town && !postcode && rawSegments.length === 1 && town.population > 0) {
    const foreign = ix.abroad.cities.get(normalisePlaceName(rawSegments[0]!));
    if (foreign && overshadows(foreign.population, town.population)) return abroad(text, foreign.country);
  }
  if (!town && !area && !postcode) {
    for (const p of pieces) {
      if (ix.ukNameHeads.has(normalisePlaceName(p))) continue;
      const country = countryOfForeignCity(ix.abroad, p);
      if (country) return abroad(text, country);
    }
  }
  return markCrownDependency(resolveFound(ix, lookupPostcode, text, rawSegments, segs, postcode, isFull, town, area), crownOfPostcode ?? (town && CROWN_DEPENDENCIES.has(town.nation) ? town.nation : undefined) ?? (area ? CROWN_AREA_COUNTRY[area.code] : undefined));
}

/** Guernsey's area code → its ISO code (the areas table names them `crown-dependency:<name>`). */
const CROWN_AREA_COUNTRY: Record<string, string> = { 'crown-dependency:jersey': 'JE', 'crown-dependency:guernsey': 'GG', 'crown-dependency:isle-of-man': 'IM' };

/** Outside the UK: no UK point is claimed; the text is kept and says which country. */
function abroad(text: string, country: string | null): Place {
  return { ...place(text, { lat: null, lon: null, postcode: null, town: null, region: null }), resolved: false, outsideUk: { country } };
}

/** A Crown Dependency is located, but outside the UK: no UK local authority or region. */
function markCrownDependency(p: Place | null, country: string | undefined): Place | null {
  if (!p || !country) return p;
  // No localAuthorityName key at all, as for any place without one (the store reads an absent name back as absent).
  const { localAuthorityName: _dropped, ...rest } = p;
  return { ...rest, localAuthority: null, region: null, outsideUk: { country } };
}

function resolveFound(
  ix: Indexes, lookupPostcode: (pc: string, isFull: boolean) => PostcodeAnswer | null, text: string, rawSegments: string[],
  segs: { text: string; c: Candidate }[], postcode: string | null, isFull: boolean, town: Town | null, area: Area | null,
): Place | null {
  if (postcode) {
    const answer = lookupPostcode(postcode, isFull);
    if (answer && answer.lat != null && answer.lon != null) {
      const la = answer.localAuthority ? ix.ref.areaByCode.get(answer.localAuthority) : undefined;
      const region = answer.region ?? la?.region ?? regionOfPostcode(postcode) ?? (town ? ix.towns.regionOf(town) : null);
      return place(text, {
        lat: answer.lat, lon: answer.lon, postcode, town: town?.name ?? answer.town, region,
        localAuthority: answer.localAuthority, localAuthorityName: la?.name ?? null, precision: answer.precision,
      });
    }
    const region = regionOfPostcode(postcode) ?? (town ? ix.towns.regionOf(town) : null);
    if (town) return fromTown(ix, text, town, postcode);
    if (area) return fromArea(text, area, postcode);
    return { ...place(text, { lat: null, lon: null, postcode, town: null, region }), resolved: false };
  }
  if (town) {
    // "London" is a town and a region of 33 authorities: the region is what it names.
    const wider = segs.find((s) => s.c.towns.includes(town))?.c.areas.find((a) => !LOCAL_AUTHORITY_KINDS.has(a.kind)) ?? null;
    return fromTown(ix, text, town, null, wider);
  }
  if (area) return fromArea(text, area, null);
  for (const seg of rawSegments) {
    const region = AREA_REGION[normalisePlaceName(seg)];
    if (region) return { ...place(text, { lat: null, lon: null, postcode: null, town: null, region }), resolved: false };
  }
  return null;
}

/**
 * `wider`: the name is also a wider area than one authority ("London" is a
 * region of 33 boroughs and the City), so no one authority is its own: the
 * place is that area, at the town's own point (so a radius search from
 * "London" is centred where it always was), with the area's extent.
 */
function fromTown(ix: Indexes, text: string, town: Town, postcode: string | null, wider: Area | null = null): Place {
  const near = ix.ref.nearestOutcode(town.lat, town.lon);
  const la = near && !wider ? ix.ref.areaByCode.get(near.localAuthority) : undefined;
  return place(text, {
    lat: town.lat, lon: town.lon, postcode, town: town.name,
    region: la?.region || (near && ix.ref.areaByCode.get(near.localAuthority)?.region) || ix.towns.regionOf(town), localAuthority: la?.code ?? null, localAuthorityName: la?.name ?? null,
    precision: wider ? 'area' : ix.localities.get(normalisePlaceName(town.name)) === town ? 'neighbourhood' : 'town',
    ...(wider ? { area: { code: wider.code, name: wider.name, kind: wider.kind, radiusKm: wider.radiusKm } } : {}),
  });
}

function fromArea(text: string, area: Area, postcode: string | null): Place {
  const isLa = LOCAL_AUTHORITY_KINDS.has(area.kind);
  return place(text, {
    lat: area.lat, lon: area.lon, postcode, town: null, region: area.region || null,
    localAuthority: isLa ? area.code : null, localAuthorityName: isLa ? area.name : null, precision: 'area',
    area: { code: area.code, name: area.name, kind: area.kind, radiusKm: area.radiusKm },
  });
}

interface PlaceParts {
  lat: number | null;
  lon: number | null;
  postcode: string | null;
  town: string | null;
  region: string | null;
  localAuthority?: string | null;
  localAuthorityName?: string | null;
  precision?: PlacePrecision;
  area?: Place['area'];
}

function place(text: string, p: PlaceParts): Place {
  const round = (v: number | null) => (v == null ? null : Math.round(v * 1e5) / 1e5);
  const out: Place = {
    text, lat: round(p.lat), lon: round(p.lon), postcode: p.postcode, town: p.town,
    localAuthority: p.localAuthority ?? null, region: p.region, resolved: p.lat != null,
  };
  if (p.precision) out.precision = p.precision;
  if (p.area) out.area = p.area;
  if (p.localAuthorityName) out.localAuthorityName = p.localAuthorityName;
  return out;
}
