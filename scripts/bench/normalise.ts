/**
 * `npx tsx scripts/bench/normalise.ts [count=5000] [--db PATH] [--adverts FILE]`:
 * normalise + enrich throughput on one core, over generated real-length
 * adverts (≈3.7 KB of HTML description with lists, salary, place, terms and
 * requirements phrases). With --db (or --taxonomy-db), a database with ESCO
 * imported, the enricher runs with the full skill dictionary; without it,
 * the bundled taxonomy (stated). --no-enricher measures the pipeline's own
 * steps alone. --adverts reads real adverts instead (any file `import
 * vacancies` reads: JSONL of JobPosting, JSON, CSV): the first 1,500 (or a
 * third of a small file) warm up, the next `count` are timed. Real adverts
 * bring new words and titles the generated ones do not.
 */
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { openRecords } from '../../src/vacancies/import/read-records.ts';
import { recordToRaw } from '../../src/vacancies/import/to-raw.ts';
import type { RawVacancy } from '../../src/vacancies/model.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { loadEnricher } from '../eval/normalise.ts';
import { stringArg } from './lib/args.ts';

const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 5000);
// --db, as the other benchmarks call a database with ESCO imported; --taxonomy-db as before.
const taxonomyDb = stringArg('db') ?? stringArg('taxonomy-db');
const advertsFile = stringArg('adverts');
const WARM_UP = 1500;
const { enricher, note } = args.includes('--no-enricher')
  ? { enricher: null, note: 'enricher disabled (--no-enricher)' }
  : await loadEnricher(taxonomyDb);
console.error(note);

const SENT = [
  'You will provide high quality care and support to residents, helping with personal care, mealtimes and activities.',
  'We are looking for an experienced warehouse operative with counterbalance forklift experience to join our team.',
  'The successful candidate will have excellent communication skills and be able to work well under pressure.',
  'Full training is provided, including manual handling, food hygiene and health and safety.',
  'You must hold a full UK driving licence and be willing to travel between sites.',
  'This role is subject to an enhanced DBS check.',
  'Experience of Microsoft Excel, stock control and customer service is desirable.',
  'We offer 28 days holiday, a pension, free parking and a subsidised canteen.',
  'Shifts are four on four off, days and nights, with overtime available.',
  'Applicants must have the right to work in the UK; we are unable to offer visa sponsorship.',
];
const TOWNS = ['Leeds', 'Manchester, Greater Manchester', 'Hybrid - London', 'BS1 4DJ', 'Newcastle upon Tyne', 'Cardiff or Newport', 'St Albans', 'Remote'];
const SAL = ['£25,000 - £30,000 per annum', '£11.44 per hour', 'Competitive', 'Band 5', '£450 per week', 'up to £32,000 + benefits'];
let seed = 7;
const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
function advert(i: number): RawVacancy {
  let html = '';
  while (html.length < 3700) {
    html += `<p>${Array.from({ length: 4 }, () => pick(SENT)).join(' ')}</p>`;
    if (rnd() < 0.4) html += `<h3>Essential criteria</h3><ul>${Array.from({ length: 4 }, () => `<li>${pick(SENT)}</li>`).join('')}</ul>`;
  }
  return {
    reference: `b${i}`,
    title: pick(['URGENT Care Assistant - Nights', 'Warehouse Operative (m/f/d)', 'HGV Class 1 Driver', 'Staff Nurse', 'Kitchen Porter £11.50ph']),
    description: html,
    location: pick(TOWNS),
    salary: pick(SAL),
    employmentType: pick(['FULL_TIME', 'Part time', 'Permanent']),
    datePosted: pick(['2025-04-01T09:00:00+0100', 'Posted 3 days ago', '12/03/2025']),
    employer: 'Employer ' + (i % 300),
  };
}
async function readAdverts(file: string, n: number): Promise<RawVacancy[]> {
  const out: RawVacancy[] = [];
  const opened = openRecords(file);
  for await (const rec of opened.records) {
    const r = rec.value ? recordToRaw(rec.value) : null;
    if (r?.ok) out.push(r.raw);
    if (out.length >= n) break;
  }
  await opened.records.return(undefined);
  return out;
}
// Warm-up on other adverts than the timed ones: a service normalises for hours, so the JIT has
// compiled the pipeline before the timed run (after 300 adverts it was still compiling during it).
// Adverts go through JSON, as the API hands them over: flat strings, not the ropes that string building
// (ours, or the JobPosting mapper's) leaves, which the timed loop would flatten and the held-on advert
// would keep, promoting megabytes to the old generation that a streaming import never promotes.
const { warmUp, adverts } =
  advertsFile
    ? await readAdverts(advertsFile, WARM_UP + count).then((read) => {
        if (read.length < 300) throw new Error(`--adverts: only ${read.length} adverts could be read from ${advertsFile}; at least 300 are needed`);
        const all = JSON.parse(JSON.stringify(read)) as RawVacancy[];
        // A small file still warms up on a third of its adverts.
        const warm = Math.min(WARM_UP, Math.floor(all.length / 3));
        return { warmUp: all.slice(0, warm), adverts: all.slice(warm) };
      })
    : {
        adverts: JSON.parse(JSON.stringify(Array.from({ length: count }, (_, i) => advert(i)))) as RawVacancy[],
        warmUp: JSON.parse(JSON.stringify(Array.from({ length: WARM_UP }, (_, i) => advert(count + i)))) as RawVacancy[],
      };
const avg = adverts.reduce((s, a) => s + (a.description?.length ?? 0), 0) / adverts.length;
const geocoder = createGeocoder(null);
const now = Date.now();
for (const a of warmUp) normaliseVacancy({ now, geocoder, enricher }, a);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (const a of adverts) normaliseVacancy({ now, geocoder, enricher }, a);
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// On a shared machine wall time mostly measures the queue for a core; CPU time is this process's own work.
const cpuSecs = (cpu.user + cpu.system) / 1e6;
console.log(`normalise_adverts: ${adverts.length} ${advertsFile ? 'read' : 'generated'}`);
console.log(`normalise_advert_bytes: ${avg.toFixed(0)} bytes`);
console.log(`normalise_enricher: ${enricher ? 1 : 0} loaded`);
console.log(`normalise_rate_wall: ${(adverts.length / secs).toFixed(0)} adverts/s`);
console.log(`normalise_rate_per_cpu_second: ${(adverts.length / cpuSecs).toFixed(0)} adverts/s`);
