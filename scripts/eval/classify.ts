/**
 * `npm run eval -- classify <labels.json> [--db PATH] [--jobs DIR] [--show N]`
 *
 * Occupation and sector agreement on a labelled sample of real adverts. The
 * labels file (scripts/eval/classify-labels.json) holds only each advert's
 * source file and id with the SOC 2020 sub-major groups that fit it and its
 * SIC 2007 section, assigned by reading the adverts before any classifier
 * output was seen; the advert text is read here, at run time, from the jobs
 * directory (default ../shared/data/jobs). Each advert goes through the
 * pipeline's own path (recordToRaw → normaliseVacancy with the enricher), so
 * the classifier sees the cleaned title and description it sees in
 * production.
 *
 * An ESCO answer is placed in SOC through its ISCO-08 unit group (the first
 * four digits of the ESCO code) and the SOC 2020 coding index's ISCO column:
 * the sub-major group most of that ISCO group's index titles fall in. An
 * answer below the classifier's confidence floor is no answer.
 *
 * Prints `classify_soc_submajor_fit` (share of all labelled adverts whose
 * answer is in a fitting sub-major group; no answer is not a fit),
 * `classify_sic_section_right_non_health` (share of adverts labelled outside
 * section Q with the right section), coverage, precision among answers, and
 * the misses grouped by labelled class.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { closeDb, openDb } from '../../src/db.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { createEnricher } from '../../src/taxonomy/enricher/index.ts';
import { loadSocIndex, loadTaxonomy, type SocIndexEntry } from '../../src/taxonomy/store.ts';
import { openRecords } from '../../src/vacancies/import/read-records.ts';
import { recordToRaw } from '../../src/vacancies/import/to-raw.ts';
import type { NormalisedVacancy, RawVacancy } from '../../src/vacancies/model.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';

export interface Label {
  source: string;
  id: string;
  soc_submajor: string[];
  sic: string;
}

/** The advert's stable key in its source file: the first of these fields it has. */
const KEY_FIELDS = ['jobid', 'job_id', 'external_job_id', 'id', 'url'] as const;
export function advertKey(record: Record<string, unknown>): string | null {
  for (const f of KEY_FIELDS) {
    const v = record[f];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return null;
}

/** ISCO-08 unit group → the SOC 2020 sub-major group most coding-index titles of that group sit in. */
export function iscoToSocSubMajor(index: readonly SocIndexEntry[]): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const e of index) {
    if (!e.iscoCode) continue;
    let m = votes.get(e.iscoCode);
    if (!m) votes.set(e.iscoCode, (m = new Map()));
    const sub = e.socCode.slice(0, 2);
    m.set(sub, (m.get(sub) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [isco, m] of votes) out.set(isco, [...m].sort((a, b) => b[1] - a[1])[0]![0]);
  return out;
}

export function socSubMajorOf(occ: NormalisedVacancy['occupation'], iscoToSoc: ReadonlyMap<string, string>): string | null {
  if (!occ) return null;
  if (occ.scheme === 'soc') return /^\d{4}$/.test(occ.code) ? occ.code.slice(0, 2) : null;
  if (occ.scheme === 'esco') {
    const isco = occ.code.match(/^\d{4}/)?.[0];
    return isco ? (iscoToSoc.get(isco) ?? null) : null;
  }
  return null;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function pct(n: number, d: number): string {
  return ((100 * n) / Math.max(d, 1)).toFixed(1);
}

async function readLabelled(dir: string, labels: readonly Label[]): Promise<Map<string, RawVacancy>> {
  const wanted = new Map<string, Set<string>>();
  for (const l of labels) {
    let s = wanted.get(l.source);
    if (!s) wanted.set(l.source, (s = new Set()));
    s.add(l.id);
  }
  const found = new Map<string, RawVacancy>();
  for (const [source, ids] of wanted) {
    const path = join(dir, basename(source));
    if (!existsSync(path)) throw new Error(`${path} not found (pass --jobs DIR)`);
    const opened = openRecords(path);
    for await (const rec of opened.records) {
      if (!rec.value) continue;
      const key = advertKey(rec.value);
      if (!key || !ids.has(key) || found.has(`${source}\t${key}`)) continue;
      const r = recordToRaw(rec.value);
      if (r.ok) found.set(`${source}\t${key}`, r.raw);
    }
  }
  return found;
}

export async function run(args: string[]): Promise<void> {
  const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
  if (!file) throw new Error('usage: npm run eval -- classify <labels.json> [--db PATH] [--jobs DIR] [--show N]');
  const labels = JSON.parse(readFileSync(file, 'utf8')) as Label[];
  const jobsDir = option(args, 'jobs') ?? ['../shared/data/jobs', '../../shared/data/jobs'].map((p) => resolve(p)).find((p) => existsSync(p));
  if (!jobsDir) throw new Error('no jobs directory found: pass --jobs DIR');

  const db = openDb(option(args, 'db') ?? loadConfig().DATABASE_PATH);
  ensureBundledTaxonomy(db, Date.now());
  const taxonomy = loadTaxonomy(db);
  const socIndex = loadSocIndex(db);
  const enricher = createEnricher(taxonomy, db);
  closeDb(db);
  const iscoToSoc = iscoToSocSubMajor(socIndex);
  console.log(`taxonomy: ${taxonomy.occupations.size} occupations, SOC coding index ${socIndex.length} titles`);

  const adverts = await readLabelled(jobsDir, labels);
  const geocoder = createGeocoder(null);
  const now = Date.now();
  let socFit = 0;
  let socAnswered = 0;
  let socAnsweredFit = 0;
  let nonHealth = 0;
  let sicRight = 0;
  let sicAnswered = 0;
  let sicRightHealth = 0;
  let health = 0;
  let missing = 0;
  const socMisses = new Map<string, string[]>();
  const sicMisses = new Map<string, string[]>();
  const addMiss = (m: Map<string, string[]>, k: string, line: string) => {
    const list = m.get(k);
    if (list) list.push(line);
    else m.set(k, [line]);
  };
  const sectors = new Set<string>();
  // Answers by confidence band: [answered, fitting], to place the classifier's confidence floor.
  const bands = new Map<number, [number, number]>();
  const kinds = new Map<string, [number, number]>();
  for (const l of labels) {
    const raw = adverts.get(`${l.source}\t${l.id}`);
    if (!raw) {
      missing++;
      continue;
    }
    sectors.add(l.sic);
    const v = normaliseVacancy({ now, geocoder, enricher }, raw);
    const sub = socSubMajorOf(v.occupation, iscoToSoc);
    const fits = sub !== null && l.soc_submajor.includes(sub);
    if (sub) socAnswered++;
    if (v.occupation) {
      const band = Math.min(9, Math.floor(v.occupation.confidence * 10));
      const b = bands.get(band) ?? [0, 0];
      b[0]++;
      if (fits) b[1]++;
      bands.set(band, b);
      const how = v.occupation.evidence.at(-1) ?? '';
      const kind = /in the description/.test(how) ? 'description' : /^word overlap/.test(how) ? 'word overlap' : /read as/.test(how) ? 'software reading' : (how.split(/[:(]/)[0] ?? '').trim();
      const k = kinds.get(kind) ?? [0, 0];
      k[0]++;
      if (fits) k[1]++;
      kinds.set(kind, k);
    }
    if (fits) {
      socFit++;
      socAnsweredFit++;
    } else {
      const got = v.occupation ? `${v.occupation.scheme}:${v.occupation.code} (${v.occupation.confidence}) → ${sub ?? '?'}` : 'no answer';
      addMiss(socMisses, `${l.soc_submajor.join('/')}`, `"${v.title}" → ${got} [${v.occupation?.evidence.at(-1) ?? ''}] (${l.id})`);
    }
    const sic = v.sector?.code ?? null;
    if (l.sic === 'Q') {
      health++;
      if (sic === 'Q') sicRightHealth++;
      continue;
    }
    nonHealth++;
    if (sic) sicAnswered++;
    if (sic === l.sic) sicRight++;
    else addMiss(sicMisses, l.sic, `"${v.title}" | ${raw.employer ?? ''} → ${sic ?? 'no answer'} [${v.sector?.evidence.slice(0, 2).join('; ') ?? ''}] (${l.id})`);
  }
  const n = labels.length - missing;
  console.log(`classify_adverts: ${n} labelled (${missing} not found), ${sectors.size} sectors, ${nonHealth} outside section Q`);
  console.log(`classify_soc_submajor_fit: ${pct(socFit, n)} %`);
  console.log(`classify_soc_answered: ${pct(socAnswered, n)} %`);
  console.log(`classify_soc_precision_answered: ${pct(socAnsweredFit, socAnswered)} %`);
  console.log(`classify_sic_section_right_non_health: ${pct(sicRight, nonHealth)} %`);
  console.log(`classify_sic_answered_non_health: ${pct(sicAnswered, nonHealth)} %`);
  console.log(`classify_sic_precision_answered_non_health: ${pct(sicRight, sicAnswered)} %`);
  console.log(`classify_sic_section_right_health: ${pct(sicRightHealth, health)} %`);

  console.log('occupation answers by confidence: band answered fitting');
  for (const [band, [a, f]] of [...bands].sort((x, y) => x[0] - y[0])) console.log(`  ${(band / 10).toFixed(1)}-${((band + 1) / 10).toFixed(1)} ${a} ${f} (${pct(f, a)} %)`);

  console.log('occupation answers by evidence: kind answered fitting');
  for (const [kind, [a, f]] of [...kinds].sort((x, y) => y[1][0] - x[1][0])) console.log(`  ${kind} ${a} ${f} (${pct(f, a)} %)`);

  const show = Number(option(args, 'show') ?? 6);
  const printMisses = (title: string, m: Map<string, string[]>) => {
    console.log(`\n${title}:`);
    for (const [k, lines] of [...m].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`  ${k}: ${lines.length}`);
      for (const line of lines.slice(0, show)) console.log(`    ${line}`);
    }
  };
  printMisses('SOC misses by labelled sub-major group(s)', socMisses);
  printMisses('SIC misses (outside Q) by labelled section', sicMisses);
}
