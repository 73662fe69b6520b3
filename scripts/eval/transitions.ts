/**
 * Real-data check of occupation transitions: for twenty common origin
 * occupations of employability-programme participants, print the top ten
 * destinations the way a coach would read them (similarity, skill level,
 * pay where known, the main missing essential skills).
 *
 *   npx tsx scripts/eval/transitions.ts /tmp/fp-esco.db [--scheme esco] [--limit 10] [--filter viable|desirable|all]
 *
 * The database is one an operator imported ESCO (or O*NET) into with
 * `npm run cli -- import esco DIR --db PATH`. Reads only.
 *
 * With `--scheme onet` the origins are the twenty of
 * scripts/eval/onet-transitions-expected.json, and each list is scored
 * against the destinations written there (precision@limit: accepted
 * destinations among the top `limit`, over `limit`), with the pairwise
 * similarity distribution the O*NET thresholds were calibrated on.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDb, openDb } from '../../src/db.ts';
import { ONET_CALIBRATION, ONET_DOMAIN_WEIGHTS, onetIndex } from '../../src/matching/onet-similarity.ts';
import { transitionsFromOccupation, transitionIndex } from '../../src/matching/transitions.ts';
import { matchOccupationTitle } from '../../src/participants/resolve-occupation.ts';
import type { Occupation, OccupationScheme, Taxonomy } from '../../src/taxonomy/model.ts';
import { loadTaxonomy } from '../../src/taxonomy/store.ts';

/** Common origins, by the title each scheme uses (first one found wins). */
const ORIGINS: { label: string; titles: string[] }[] = [
  { label: 'care worker', titles: ['care at home worker', 'Home Health Aides', 'Care worker'] },
  { label: 'healthcare assistant', titles: ['healthcare assistant', 'Nursing Assistants', 'Healthcare assistant'] },
  { label: 'retail assistant', titles: ['shop assistant', 'Retail Salespersons', 'Sales assistant'] },
  { label: 'warehouse operative', titles: ['warehouse worker', 'Laborers and Freight, Stock, and Material Movers, Hand', 'Warehouse operative'] },
  { label: 'HGV driver', titles: ['cargo vehicle driver', 'Heavy and Tractor-Trailer Truck Drivers', 'HGV driver'] },
  { label: 'chef / cook', titles: ['cook', 'Cooks, Restaurant', 'Chef'] },
  { label: 'receptionist', titles: ['receptionist', 'Receptionists and Information Clerks', 'Receptionist'] },
  { label: 'call-centre agent', titles: ['call centre agent', 'Customer Service Representatives', 'Call and contact centre occupations'] },
  { label: 'cleaner', titles: ['building cleaner', 'Janitors and Cleaners, Except Maids and Housekeeping Cleaners', 'Cleaner'] },
  { label: 'security officer', titles: ['security guard', 'Security Guards', 'Security guard'] },
  { label: 'admin assistant', titles: ['administrative assistant', 'Secretaries and Administrative Assistants, Except Legal, Medical, and Executive', 'Administrative assistant'] },
  { label: 'kitchen porter', titles: ['kitchen porter', 'Dishwashers', 'Kitchen porter'] },
  { label: 'waiter / waitress', titles: ['waiter/waitress', 'Waiters and Waitresses', 'Waiter'] },
  { label: 'bar staff', titles: ['bartender', 'Bartenders', 'Bar staff'] },
  { label: 'cashier', titles: ['cashier', 'Cashiers', 'Cashier'] },
  { label: 'forklift driver', titles: ['forklift operator', 'Industrial Truck and Tractor Operators', 'Forklift driver'] },
  { label: 'teaching assistant', titles: ['primary school teaching assistant', 'Teaching Assistants, Preschool, Elementary, Middle, and Secondary School, Except Special Education', 'Teaching assistant'] },
  { label: 'construction labourer', titles: ['building construction worker', 'Construction Laborers', 'Construction labourer'] },
  { label: 'delivery driver', titles: ['car and van delivery driver', 'Light Truck Drivers', 'Delivery driver'] },
  { label: 'bus driver', titles: ['bus driver', 'Bus Drivers, Transit and Intercity', 'Bus driver'] },
];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scheme: { type: 'string', default: 'esco' },
    limit: { type: 'string', default: '10' },
    filter: { type: 'string', default: 'viable' },
    gaps: { type: 'string', default: '3' },
  },
});
const dbPath = positionals[0];
if (!dbPath) {
  console.error('usage: npx tsx scripts/eval/transitions.ts <db> [--scheme esco|onet|soc] [--limit 10] [--filter viable|desirable|all]');
  process.exit(2);
}
const scheme = values.scheme as OccupationScheme;
const limit = Number(values.limit);
const filter = values.filter as 'viable' | 'desirable' | 'all';
const gapsShown = Number(values.gaps);

const db = openDb(dbPath);
let t0 = performance.now();
const taxonomy = loadTaxonomy(db);
const loadMs = performance.now() - t0;
t0 = performance.now();
transitionIndex(taxonomy);
const onet = scheme === 'onet' ? onetIndex(taxonomy) : null;
const indexMs = performance.now() - t0;
closeDb(db);
const inScheme = [...taxonomy.occupations.values()].filter((o) => o.scheme === scheme).length;
console.log(`# Transitions on ${dbPath} (${scheme}: ${inScheme} occupations; taxonomy load ${(loadMs / 1000).toFixed(1)} s, index ${indexMs.toFixed(0)} ms)\n`);

function findOrigin(t: Taxonomy, titles: string[]): Occupation | undefined {
  // Exact preferred titles first (in the order given), then alternative titles.
  for (const title of titles) {
    const exact = [...t.occupations.values()].find((o) => o.scheme === scheme && o.title.toLowerCase() === title.toLowerCase());
    if (exact) return exact;
  }
  for (const title of titles) {
    const m = matchOccupationTitle(t, title);
    if (m && m.scheme === scheme) return m;
  }
  return undefined;
}

interface Expected { code: string; title: string; accept: string[] }
const expected: Expected[] | null =
  scheme === 'onet'
    ? (JSON.parse(readFileSync(new URL('./onet-transitions-expected.json', import.meta.url), 'utf8')) as { origins: Expected[] }).origins
    : null;
const origins = expected
  ? expected.map((e) => ({ label: e.title, titles: [e.title], code: e.code, accept: new Set(e.accept) }))
  : ORIGINS.map((o) => ({ ...o, code: null, accept: null }));
const precisions: number[] = [];

if (scheme === 'onet') {
  if (!onet) console.log('No O*NET ratings in this database (imported before occupation_ratings): O*NET destinations use the coverage measure.\n');
  else {
    const c = onet.calibration;
    console.log(`O*NET similarity: domain weights ${JSON.stringify(ONET_DOMAIN_WEIGHTS)}; calibrated on ${c.pairs} ordered pairs of ${onet.occs.length} rated occupations:`);
    console.log(`  ${c.quantiles.map((x) => `p${+(x.q * 100).toFixed(1)} ${x.value.toFixed(3)}`).join(', ')}`);
    console.log(`  viable similarity = p${ONET_CALIBRATION.viableQuantile * 100} = ${c.viable.toFixed(3)}\n`);
  }
}
const componentHeads = onet ? 'skills | know | activities | ess' : 'ess | opt | know | group';
const times: number[] = [];
for (const origin of origins) {
  const o = origin.code ? taxonomy.findOccupation(origin.code, scheme) : findOrigin(taxonomy, origin.titles);
  if (!o) {
    console.log(`## ${origin.label}: no ${scheme} occupation titled ${origin.titles.join(' / ')}\n`);
    continue;
  }
  const start = performance.now();
  const res = transitionsFromOccupation(taxonomy, o.id, { limit, filter, maxGaps: gapsShown });
  times.push(performance.now() - start);
  const all = transitionsFromOccupation(taxonomy, o.id, { limit: 100_000, filter: 'viable', maxGaps: 0 });
  console.log(`## ${origin.label} → from "${o.title}" (${o.code}, level ${o.skillLevel ?? '?'}${o.typicalPayAnnual ? `, £${o.typicalPayAnnual}` : ''}); ${all?.transitions.length ?? 0} viable destinations\n`);
  const accept = origin.accept;
  const mark = (code: string) => (accept ? (accept.has(code) ? ' ✓' : '') : '');
  console.log(`| # | destination | sim | ${componentHeads} | level | pay ratio | guards | missing essential (top) |`);
  console.log(`|---|---|---|${componentHeads.split('|').map(() => '---').join('|')}|---|---|---|---|`);
  res?.transitions.forEach((t, i) => {
    const f = (x: number | null) => (x == null ? '–' : x.toFixed(2));
    const gaps = t.gaps.map((g) => g.label).join('; ');
    const guards = t.desirable ? 'desirable' : t.viable ? `viable; ${t.guards.reasons.join('; ')}` : t.guards.reasons.join('; ');
    console.log(
      `| ${i + 1} | ${t.occupation.title}${mark(t.occupation.code)} | ${t.similarity.toFixed(2)} | ${
        t.domains
          ? `${f(t.domains.skills)} | ${f(t.domains.knowledge)} | ${f(t.domains.activities)} | ${f(t.components.essential)}`
          : `${f(t.components.essential)} | ${f(t.components.optional)} | ${f(t.components.knowledge)} | ${f(t.components.group)}`
      } | ${t.guards.skillLevel.from ?? '?'}→${t.guards.skillLevel.to ?? '?'} | ${t.guards.pay.ratio == null ? '–' : t.guards.pay.ratio.toFixed(2)} | ${guards} | ${t.missingEssential}: ${gaps} |`,
    );
  });
  if (accept && res) {
    const hits = res.transitions.filter((t) => accept.has(t.occupation.code)).length;
    precisions.push(hits / limit);
    console.log(`\nprecision@${limit}: ${hits}/${limit}`);
  }
  console.log('');
}
if (precisions.length) {
  const mean = precisions.reduce((a, b) => a + b, 0) / precisions.length;
  console.log(`transitions_precision_at_${limit}: ${mean.toFixed(3)} (mean over ${precisions.length} origins)`);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
console.log(`transitions_query_p50: ${q(0.5).toFixed(2)} ms`);
console.log(`transitions_query_max: ${(times.at(-1) ?? NaN).toFixed(2)} ms`);
