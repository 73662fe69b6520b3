/**
 * `npx tsx scripts/geo/build-reference-tables.ts <path-to-shared-geo-dir>`
 *
 * Writes the bundled geography the geocoder loads by default
 * (src/geo/reference/): postcode-district centroids with their local
 * authority, and named areas (local authorities, counties, metropolitan and
 * ceremonial counties, combined authorities, regions, nations) with a
 * centroid and an approximate radius. Inputs are the official files:
 *
 *   gibbs_uk_outcodes.csv                (postcode districts, public domain)
 *   mysociety_uk_local_authorities.csv   (local authorities, CC BY 4.0, mySociety)
 *   ons_LAD_to_CAUTH_May2025_EN.csv      (district → combined authority, OGL v3)
 *
 * Crown Dependency districts (JE, GY, IM) are kept with no local authority,
 * and each island group becomes one 'crown-dependency' area.
 *
 * Re-run it when a newer file is published; the output is deterministic.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

type Row = Record<string, string>;

/** A current authority that delivers local services to a place: the level a "local authority" field names. */
const SINGLE_OR_LOWER_TIER: Record<string, string> = {
  NMD: 'district',
  MD: 'metropolitan-district',
  LBO: 'london-borough',
  CC: 'london-borough',
  UA: 'unitary-authority',
  SCO: 'council-area',
  WPA: 'principal-area',
  NID: 'ni-district',
};

/**
 * Areas people still name that are no longer (or never were) one council:
 * metropolitan counties (abolished as councils in 1986, still used on every
 * job board), ceremonial counties made of unitaries, and Scottish/Welsh
 * groupings. Members are current authorities' names in the mySociety file.
 */
const GROUPS: { name: string; kind: string; aliases?: string[]; members: string[] }[] = [
  { name: 'Greater Manchester', kind: 'metropolitan-county', members: ['Bolton', 'Bury', 'Manchester', 'Oldham', 'Rochdale', 'Salford', 'Stockport', 'Tameside', 'Trafford', 'Wigan'] },
  { name: 'Merseyside', kind: 'metropolitan-county', members: ['Knowsley', 'Liverpool', 'St Helens', 'Sefton', 'Wirral'] },
  { name: 'South Yorkshire', kind: 'metropolitan-county', members: ['Barnsley', 'Doncaster', 'Rotherham', 'Sheffield'] },
  { name: 'West Yorkshire', kind: 'metropolitan-county', members: ['Bradford', 'Calderdale', 'Kirklees', 'Leeds', 'Wakefield'] },
  { name: 'Tyne and Wear', kind: 'metropolitan-county', members: ['Gateshead', 'Newcastle upon Tyne', 'North Tyneside', 'South Tyneside', 'Sunderland'] },
  { name: 'West Midlands', kind: 'metropolitan-county', members: ['Birmingham', 'Coventry', 'Dudley', 'Sandwell', 'Solihull', 'Walsall', 'Wolverhampton'] },
  { name: 'Berkshire', kind: 'ceremonial-county', members: ['Bracknell Forest', 'Reading', 'Slough', 'West Berkshire', 'Windsor and Maidenhead', 'Wokingham'] },
  { name: 'Bedfordshire', kind: 'ceremonial-county', aliases: ['Beds'], members: ['Bedford', 'Central Bedfordshire', 'Luton'] },
  { name: 'Cheshire', kind: 'ceremonial-county', members: ['Cheshire East', 'Cheshire West and Chester', 'Halton', 'Warrington'] },
  { name: 'Cleveland', kind: 'ceremonial-county', aliases: ['Teesside'], members: ['Hartlepool', 'Middlesbrough', 'Redcar and Cleveland', 'Stockton-on-Tees'] },
  { name: 'Cumbria', kind: 'ceremonial-county', members: ['Cumberland', 'Westmorland and Furness'] },
  { name: 'Northamptonshire', kind: 'ceremonial-county', aliases: ['Northants'], members: ['North Northamptonshire', 'West Northamptonshire'] },
  { name: 'Avon', kind: 'ceremonial-county', members: ['Bath and North East Somerset', 'Bristol', 'North Somerset', 'South Gloucestershire'] },
  { name: 'Lanarkshire', kind: 'ceremonial-county', members: ['North Lanarkshire', 'South Lanarkshire'] },
  { name: 'Ayrshire', kind: 'ceremonial-county', members: ['North Ayrshire', 'South Ayrshire', 'East Ayrshire'] },
  { name: 'Lothian', kind: 'ceremonial-county', aliases: ['Lothians'], members: ['Edinburgh', 'East Lothian', 'Midlothian', 'West Lothian'] },
  { name: 'Dunbartonshire', kind: 'ceremonial-county', members: ['East Dunbartonshire', 'West Dunbartonshire'] },
  { name: 'Glamorgan', kind: 'ceremonial-county', aliases: ['South Glamorgan', 'Mid Glamorgan', 'West Glamorgan'], members: ['Cardiff', 'Vale of Glamorgan', 'Bridgend', 'Rhondda Cynon Taf', 'Merthyr Tydfil', 'Swansea', 'Neath Port Talbot'] },
  { name: 'Gwent', kind: 'ceremonial-county', members: ['Newport', 'Monmouthshire', 'Torfaen', 'Blaenau Gwent', 'Caerphilly'] },
];

/**
 * The Crown Dependencies, as Gibbs' file labels their districts (JE, GG, IM):
 * not part of the UK, so no local authority or region; each is one named
 * area. Land areas are the islands' published figures (Jersey 118 km², the
 * Bailiwick of Guernsey 78 km², the Isle of Man 572 km²).
 */
const CROWN_DEPENDENCIES: Record<string, { name: string; areaKm2: number; aliases: string[] }> = {
  JE: { name: 'Jersey', areaKm2: 118, aliases: ['Bailiwick of Jersey', 'Channel Islands Jersey'] },
  GG: { name: 'Guernsey', areaKm2: 78, aliases: ['Bailiwick of Guernsey', 'Alderney', 'Sark', 'Channel Islands Guernsey'] },
  IM: { name: 'Isle of Man', areaKm2: 572, aliases: ['IOM'] },
};

/** GSS codes of the English regions and the four nations (ONS register). */
const REGION_CODES: Record<string, string> = {
  'North East': 'E12000001', 'North West': 'E12000002', 'Yorkshire and The Humber': 'E12000003', 'East Midlands': 'E12000004',
  'West Midlands': 'E12000005', 'East of England': 'E12000006', London: 'E12000007', 'South East': 'E12000008', 'South West': 'E12000009',
};
const NATION_CODES: Record<string, string> = { England: 'E92000001', Wales: 'W92000004', Scotland: 'S92000003', 'Northern Ireland': 'N92000002' };

interface Area {
  code: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  areaKm2: number;
  radiusKm: number;
  region: string;
  parent: string;
  ca: string;
  names: Set<string>;
}

const EARTH_KM = 6371;
function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const x = (bLon - aLon) * r * Math.cos(((aLat + bLat) / 2) * r);
  const y = (bLat - aLat) * r;
  return Math.sqrt(x * x + y * y) * EARTH_KM;
}

function key(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/&/g, ' and ').replace(/\bst\.\s*/g, 'st ').replace(/\bsaint\s+/g, 'st ').replace(/['’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

function readCsv(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }) as Row[];
}

/** An area made of others: area-weighted centroid, and a radius that covers every member. */
function aggregate(code: string, name: string, kind: string, members: Area[], extra: Partial<Area> = {}): Area {
  const total = members.reduce((s, m) => s + m.areaKm2, 0);
  const lat = members.reduce((s, m) => s + m.lat * m.areaKm2, 0) / total;
  const lon = members.reduce((s, m) => s + m.lon * m.areaKm2, 0) / total;
  const radiusKm = Math.max(...members.map((m) => distanceKm(lat, lon, m.lat, m.lon) + m.radiusKm));
  const regions = new Map<string, number>();
  for (const m of members) regions.set(m.region, (regions.get(m.region) ?? 0) + m.areaKm2);
  const region = [...regions.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { code, name, kind, lat, lon, areaKm2: total, radiusKm, region, parent: '', ca: '', names: new Set([key(name)]), ...extra };
}

function main(dir: string): void {
  const las = readCsv(join(dir, 'mysociety_uk_local_authorities.csv'));
  const cauth = readCsv(join(dir, 'ons_LAD_to_CAUTH_May2025_EN.csv'));
  const outcodes = readCsv(join(dir, 'gibbs_uk_outcodes.csv'));

  const byRegisterCode = new Map(las.map((r) => [r['local-authority-code']!, r]));
  const caOf = new Map(cauth.map((r) => [r['LAD25CD']!, r['CAUTH25CD']!]));
  const caName = new Map(cauth.map((r) => [r['CAUTH25CD']!, r['CAUTH25NM']!]));

  const current: Area[] = [];
  const byGss = new Map<string, Area>();
  const byKey = new Map<string, Area>();
  for (const r of las) {
    const kind = SINGLE_OR_LOWER_TIER[r['local-authority-type']!];
    if (!kind || r['current-authority'] !== 'True') continue;
    const areaKm2 = Number(r['area']);
    const county = r['county-la'] ? byRegisterCode.get(r['county-la']!) : undefined;
    const a: Area = {
      code: r['gss-code']!,
      name: r['nice-name']!.replace(/^St\. /, 'St '),
      kind,
      lat: Number(r['lat']),
      lon: Number(r['long']),
      areaKm2,
      radiusKm: Math.sqrt(areaKm2 / Math.PI),
      region: r['region']!,
      parent: county?.['gss-code'] ?? '',
      ca: caOf.get(r['gss-code']!) ?? '',
      names: new Set(),
    };
    for (const n of [r['nice-name']!, ...(r['alt-names'] ?? '').split(',')]) {
      const k = key(n);
      // "… council" and "… district" spellings name the council, not a place people write in adverts.
      // and a bare "city of" (a split alias) names nothing.
      if (k && !/\b(?:council|ua|district|borough|city council|of)$/.test(k)) a.names.add(k);
    }
    current.push(a);
    byGss.set(a.code, a);
    for (const n of a.names) if (!byKey.has(n)) byKey.set(n, a);
  }

  const areas: Area[] = [...current];
  // Two-tier counties: their councils' own coordinates in the source are unreliable, so derive them from their districts.
  for (const r of las) {
    if (r['local-authority-type'] !== 'CTY' || r['current-authority'] !== 'True') continue;
    const members = current.filter((a) => a.parent === r['gss-code']);
    if (!members.length) continue;
    const a = aggregate(r['gss-code']!, r['nice-name']!, 'county', members);
    for (const n of (r['alt-names'] ?? '').split(',')) if (key(n) && !/\bcouncil$/.test(key(n))) a.names.add(key(n));
    areas.push(a);
  }
  for (const g of GROUPS) {
    const members = g.members.map((m) => byKey.get(key(m)));
    if (members.some((m) => !m)) throw new Error(`${g.name}: member not found among current authorities (${g.members.join(', ')})`);
    const a = aggregate(`${g.kind}:${key(g.name).replace(/ /g, '-')}`, g.name, g.kind, members as Area[]);
    for (const n of g.aliases ?? []) a.names.add(key(n));
    areas.push(a);
  }
  for (const code of new Set(caOf.values())) {
    const members = current.filter((a) => a.ca === code);
    if (members.length) areas.push(aggregate(code, caName.get(code)!.trim(), 'combined-authority', members));
  }
  for (const [region, code] of Object.entries(REGION_CODES)) {
    const a = aggregate(code, region, 'region', current.filter((m) => m.region === region && m.code.startsWith('E')));
    a.region = region;
    areas.push(a);
  }
  const nationOf = (a: Area) => ({ E: 'England', W: 'Wales', S: 'Scotland', N: 'Northern Ireland' })[a.code[0] as 'E'];
  for (const [nation, code] of Object.entries(NATION_CODES)) {
    const a = aggregate(code, nation, 'country', current.filter((m) => nationOf(m) === nation));
    a.region = nation === 'England' ? '' : nation;
    areas.push(a);
  }

  // A district's authority: the one the source names, followed through reorganisations; else the nearest in its county or nation.
  const named = new Map<string, Row[]>();
  for (const r of las) for (const n of [r['nice-name']!, r['official-name']!, ...(r['alt-names'] ?? '').split(',')]) {
    const k = key(n);
    if (k) named.set(k, [...(named.get(k) ?? []), r]);
  }
  const nearest = (lat: number, lon: number, among: Area[]) => {
    let best: Area | null = null;
    let bestD = Infinity;
    for (const a of among) {
      // Scaled by size, so a small borough next to a large district still wins its own streets.
      const d = distanceKm(lat, lon, a.lat, a.lon) / Math.max(a.radiusKm, 1);
      if (d < bestD) [best, bestD] = [a, d];
    }
    return best!;
  };
  const outLines = ['outcode\tlat\tlon\tla\ttown'];
  let viaName = 0;
  const crownDistricts = new Map<string, { lat: number; lon: number }[]>();
  for (const o of outcodes) {
    const crown = CROWN_DEPENDENCIES[o['country']!];
    if (crown) {
      // Outside the UK: a point and a town, but no UK local authority.
      outLines.push([o['postcode'], Number(o['latitude']).toFixed(4), Number(o['longitude']).toFixed(4), '', o['town'] ?? ''].join('\t'));
      crownDistricts.set(o['country']!, [...(crownDistricts.get(o['country']!) ?? []), { lat: Number(o['latitude']), lon: Number(o['longitude']) }]);
      continue;
    }
    if (!['ENG', 'WLS', 'SCT', 'NIR'].includes(o['country']!)) continue;
    const lat = Number(o['latitude']);
    const lon = Number(o['longitude']);
    let candidates: Area[] = [];
    for (const r of named.get(key(o['region'] ?? '')) ?? []) {
      if (r['current-authority'] === 'True' && byGss.has(r['gss-code']!)) candidates.push(byGss.get(r['gss-code']!)!);
      else if (r['current-authority'] === 'True' && r['local-authority-type'] === 'CTY') candidates.push(...current.filter((a) => a.parent === r['gss-code']));
      else for (const rep of (r['replaced-by'] ?? '').split(',')) {
        const next = byRegisterCode.get(rep.trim());
        if (next && byGss.has(next['gss-code']!)) candidates.push(byGss.get(next['gss-code']!)!);
      }
    }
    if (candidates.length) viaName++;
    else {
      const nation = { ENG: 'England', WLS: 'Wales', SCT: 'Scotland', NIR: 'Northern Ireland' }[o['country'] as 'ENG'];
      const inLondon = o['uk_region'] === 'London';
      candidates = current.filter((a) => nationOf(a) === nation && (!inLondon || a.region === 'London'));
    }
    const la = nearest(lat, lon, candidates);
    outLines.push([o['postcode'], lat.toFixed(4), lon.toFixed(4), la.code, o['town'] ?? ''].join('\t'));
  }

  for (const [country, points] of crownDistricts) {
    const c = CROWN_DEPENDENCIES[country]!;
    const lat = points.reduce((a, p) => a + p.lat, 0) / points.length;
    const lon = points.reduce((a, p) => a + p.lon, 0) / points.length;
    // The districts' mean centroid, and a radius reaching every district's centroid plus its island's own width.
    const radiusKm = Math.max(...points.map((p) => distanceKm(lat, lon, p.lat, p.lon))) + Math.sqrt(c.areaKm2 / Math.PI);
    areas.push({ code: `crown-dependency:${key(c.name).replace(/ /g, '-')}`, name: c.name, kind: 'crown-dependency', lat, lon, areaKm2: c.areaKm2, radiusKm, region: '', parent: '', ca: '', names: new Set(c.aliases.map(key)) });
  }

  const areaLines = ['code\tname\tkind\tlat\tlon\tradius_km\tregion\tparent\tca\tnames'];
  for (const a of areas) {
    a.names.delete(key(a.name));
    areaLines.push([a.code, a.name, a.kind, a.lat.toFixed(4), a.lon.toFixed(4), a.radiusKm.toFixed(1), a.region, a.parent, a.ca, [...a.names].join('|')].join('\t'));
  }
  const out = new URL('../../src/geo/reference/', import.meta.url);
  writeFileSync(new URL('outcodes.tsv', out), outLines.join('\n') + '\n');
  writeFileSync(new URL('areas.tsv', out), areaLines.join('\n') + '\n');
  console.log(`outcodes: ${outLines.length - 1} (${viaName} by the authority the source names, the rest by the nearest authority)`);
  console.log(`areas: ${areaLines.length - 1} (${current.length} local authorities)`);
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npx tsx scripts/geo/build-reference-tables.ts <path-to-shared-geo-dir>');
  process.exit(2);
}
main(dir);
