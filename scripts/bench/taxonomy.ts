/**
 * Taxonomy benchmarks: load time, enricher build time, skill-spotting and
 * classification throughput, with whatever taxonomy the given database holds
 * (import ESCO into it first for the real target: ≥ 3,000 adverts/s per core
 * for the whole normalise pipeline, so the spotter alone must be far faster).
 *
 *   npx tsx scripts/bench/taxonomy.ts [--db DB_PATH] [--adverts 3000] [--seconds 3]
 *
 * Adverts are generated here (seeded): ~2.4 KB each, with headings
 * ("Essential:", "Desirable:"), filler sentences and a dozen label phrases
 * drawn from the loaded taxonomy, inflected ("-ing", plurals) as adverts do.
 */
import { existsSync } from 'node:fs';
import { openDb, closeDb } from '../../src/db.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { createClassifier } from '../../src/taxonomy/enricher/classifier.ts';
import { createSkillSpotter } from '../../src/taxonomy/enricher/skill-spotter.ts';
import { loadSocIndex, loadTaxonomy } from '../../src/taxonomy/store.ts';
import { createRandom, type Random } from '../../src/random.ts';
import { numberArg, peakRssMb, report } from './lib/args.ts';

// The database to read the taxonomy from: `--db PATH` (as the other benchmarks take it) or a
// positional path. Without one, the bundled UK taxonomy in a fresh in-memory database.
const argv = process.argv.slice(2);
const dbAt = argv.indexOf('--db');
const dbPath = dbAt >= 0 ? argv[dbAt + 1] : argv.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (dbPath && !existsSync(dbPath)) {
  console.error(`no database at ${dbPath} (usage: npx tsx scripts/bench/taxonomy.ts [--db PATH] [--adverts N] [--seconds S])`);
  process.exit(2);
}
if (!dbPath) console.log('taxonomy: bundled UK taxonomy (pass --db PATH with ESCO imported for the full-dictionary figures)');
const advertCount = numberArg('adverts', 2000);
const seconds = numberArg('seconds', 3);

const db = openDb(dbPath ?? ':memory:');
if (!dbPath) ensureBundledTaxonomy(db, Date.now());
const cpuMs = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
let t = performance.now();
let taxonomy!: ReturnType<typeof loadTaxonomy>;
report('taxonomy.load_cpu', cpuMs(() => (taxonomy = loadTaxonomy(db))), 'ms');
report('taxonomy.load_wall', performance.now() - t, 'ms');
report('taxonomy.skills', taxonomy.skills.size, 'skills');
report('taxonomy.occupations', taxonomy.occupations.size, 'occupations');
const socIndex = loadSocIndex(db);
closeDb(db);

let spotter!: ReturnType<typeof createSkillSpotter>;
report('spotter.build_cpu', cpuMs(() => (spotter = createSkillSpotter(taxonomy))), 'ms');
report('spotter.phrases', spotter.phrases, 'phrases');
let classifier!: ReturnType<typeof createClassifier>;
report('classifier.build_cpu', cpuMs(() => (classifier = createClassifier(taxonomy, socIndex))), 'ms');

const FILLER = [
  'We are looking for a motivated person to join our friendly team in a busy and growing organisation.',
  'You will work closely with colleagues across the site to deliver an excellent service every day.',
  'The successful candidate will be reliable, punctual and able to follow instructions carefully.',
  'We offer a competitive salary, paid holiday, a pension scheme and ongoing training and development.',
  'Shifts are worked on a rota basis including some weekends and bank holidays as required.',
  'This is a fantastic opportunity to build your career with a respected local employer.',
  'Please apply with an up to date CV and a short covering letter explaining your interest.',
  'Our customers are at the heart of everything we do, and our people make the difference.',
];
const labels = [...taxonomy.skills.values()].flatMap((s) => [s.label, ...s.altLabels.slice(0, 2)]);
const titles = [...taxonomy.occupations.values()].flatMap((o) => [o.title, ...o.altTitles.slice(0, 3)]);

function inflect(rng: Random, label: string): string {
  const r = rng();
  if (r < 0.2) return label.replace(/^(\w+?)e?\b/, (w) => (w.length > 3 ? `${w.replace(/e$/, '')}ing` : w));
  if (r < 0.35) return `${label}s`;
  return label;
}

function generateAdvert(rng: Random): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const lines: string[] = ['About the role'];
  let len = 0;
  let section = 0;
  while (len < 2400) {
    if (len > 800 && section === 0) {
      lines.push('Essential criteria:');
      section = 1;
    } else if (len > 1600 && section === 1) {
      lines.push('Desirable:');
      section = 2;
    }
    const s = rng() < 0.45 ? `Experience of ${inflect(rng, pick(labels))} and ${inflect(rng, pick(labels))}.` : pick(FILLER);
    lines.push(s);
    len += s.length + 1;
  }
  return lines.join('\n');
}

const rng = createRandom(42);
const adverts = Array.from({ length: advertCount }, () => generateAdvert(rng));
const advertTitles = Array.from({ length: advertCount }, () => `${rng() < 0.3 ? 'Senior ' : ''}${titles[Math.floor(rng() * titles.length)]}${rng() < 0.3 ? ' - Leeds' : ''}`);
report('adverts.avg_length', adverts.reduce((n, a) => n + a.length, 0) / adverts.length, 'chars');

/**
 * Adverts per second of this process's CPU time (user + system), not wall
 * time: the figure is per core and holds up when other processes share the
 * machine. Wall-clock throughput is printed beside it.
 */
function throughput(fn: (i: number) => number): { perCpuSecond: number; perWallSecond: number; avg: number } {
  for (let i = 0; i < Math.min(500, advertCount); i++) fn(i); // warm-up
  let done = 0;
  let total = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (let i = 0; i < advertCount; i++) {
      total += fn(i);
      done++;
      if ((done & 127) === 0 && performance.now() - start >= seconds * 1000) break;
    }
  }
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { perCpuSecond: done / cpuSeconds, perWallSecond: done / wall, avg: total / done };
}

const spot = throughput((i) => spotter.spot(adverts[i]!).length);
report('spotter.throughput_per_core', spot.perCpuSecond, 'adverts/cpu-s');
report('spotter.throughput_wall', spot.perWallSecond, 'adverts/s');
report('spotter.skills_per_advert', spot.avg, 'skills');
const cls = throughput((i) => (classifier.classify({ title: advertTitles[i]!, description: adverts[i]!, employer: 'Acme Care Ltd' }).occupation ? 1 : 0));
report('classifier.throughput_per_core', cls.perCpuSecond, 'adverts/cpu-s');
report('classifier.throughput_wall', cls.perWallSecond, 'adverts/s');
report('classifier.classified_share', cls.avg * 100, '%');
report('peak_rss', peakRssMb(), 'MB');
