/**
 * `npm run eval -- taxonomy-classify <adverts file> [--db PATH] [--spot N]`
 *
 * Runs the occupation/sector classifier and the skill spotter over real
 * adverts and reports the share classified, confidence bands, top
 * occupations and sectors, skills per advert, throughput, and random spot
 * checks to read by eye. Reads: JSON-LD JobPosting JSONL (optionally .gz),
 * a JSON array of listings, or a CSV with a title column (job_title/title).
 * Uses whatever taxonomy the database holds (bundled; plus ESCO, O*NET and
 * the SOC coding index when imported).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../../src/config.ts';
import { closeDb, openDb } from '../../src/db.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { createClassifier } from '../../src/taxonomy/enricher/classifier.ts';
import { createSkillSpotter } from '../../src/taxonomy/enricher/skill-spotter.ts';
import { loadSocIndex, loadTaxonomy } from '../../src/taxonomy/store.ts';

interface Advert {
  title: string;
  description: string;
  employer: string | null;
}

function htmlToText(s: string): string {
  return s
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/<(?:br|\/p|\/li|\/h\d|\/div)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*/g, '\n');
}

function readAdverts(path: string): Advert[] {
  let raw = readFileSync(path);
  if (path.endsWith('.gz')) raw = gunzipSync(raw);
  const text = raw.toString('utf8');
  const fromObject = (o: Record<string, unknown>): Advert => {
    const org = o.hiringOrganization as { name?: string } | string | undefined;
    return {
      title: String(o.title ?? o.job_title ?? ''),
      description: htmlToText(String(o.description ?? o.snippet ?? '')),
      employer: typeof org === 'string' ? org : (org?.name ?? (o.company as string | undefined) ?? (o.company_name as string | undefined) ?? null),
    };
  };
  if (/\.csv$/i.test(path)) {
    const rows = parse(text, { columns: true, relax_column_count: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    return rows.map((r) => fromObject(r));
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) return (JSON.parse(trimmed) as Record<string, unknown>[]).map(fromObject);
  return text.split('\n').filter((l) => l.trim()).map((l) => fromObject(JSON.parse(l) as Record<string, unknown>));
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function pct(n: number, d: number): string {
  return `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;
}

export async function run(args: string[]): Promise<void> {
  const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
  if (!file) throw new Error('usage: npm run eval -- taxonomy-classify <adverts file> [--db PATH] [--spot N]');
  const db = openDb(option(args, 'db') ?? loadConfig().DATABASE_PATH);
  ensureBundledTaxonomy(db, Date.now());
  let t = performance.now();
  const taxonomy = loadTaxonomy(db);
  const classifier = createClassifier(taxonomy, loadSocIndex(db));
  const spotter = createSkillSpotter(taxonomy);
  console.log(`taxonomy: ${taxonomy.occupations.size} occupations, ${taxonomy.skills.size} skills; enricher built in ${(performance.now() - t).toFixed(0)} ms`);
  closeDb(db);

  const adverts = readAdverts(file).filter((a) => a.title.trim());
  // CPU time of this process (per core, robust to other load), after one warm-up pass.
  for (const a of adverts.slice(0, 500)) {
    classifier.classify(a);
    spotter.spot(a.description);
  }
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  t = cpuMs();
  const results = adverts.map((a) => ({ a, r: classifier.classify(a) }));
  const classifyMs = cpuMs() - t;
  t = cpuMs();
  const skillCounts = adverts.map((a) => spotter.spot(a.description));
  const spotMs = cpuMs() - t;

  const n = results.length;
  const withOcc = results.filter((x) => x.r.occupation);
  const bands = [0.8, 0.6, 0.4].map((b) => [b, withOcc.filter((x) => x.r.occupation!.confidence >= b).length] as const);
  const byScheme = new Map<string, number>();
  for (const x of withOcc) byScheme.set(x.r.occupation!.scheme, (byScheme.get(x.r.occupation!.scheme) ?? 0) + 1);
  const withSector = results.filter((x) => x.r.sector);
  console.log(`adverts: ${n}`);
  console.log(`occupation: ${withOcc.length} (${pct(withOcc.length, n)}); ${bands.map(([b, c]) => `≥${b}: ${pct(c, n)}`).join(', ')}`);
  console.log(`  by scheme: ${[...byScheme].map(([s, c]) => `${s} ${pct(c, n)}`).join(', ')}`);
  console.log(`sector: ${withSector.length} (${pct(withSector.length, n)})`);
  const withSkills = skillCounts.filter((s) => s.length > 0).length;
  const required = skillCounts.reduce((k, s) => k + s.filter((x) => x.required).length, 0);
  const total = skillCounts.reduce((k, s) => k + s.length, 0);
  console.log(`skills: ≥1 in ${pct(withSkills, n)}; ${(total / n).toFixed(1)} per advert, ${pct(required, total)} required`);
  console.log(`throughput (per CPU-second): classify ${((1000 * n) / classifyMs).toFixed(0)} adverts/s, spot ${((1000 * n) / spotMs).toFixed(0)} adverts/s (avg description ${(adverts.reduce((k, a) => k + a.description.length, 0) / n).toFixed(0)} chars)`);

  const top = new Map<string, number>();
  for (const x of withOcc) {
    const k = `${x.r.occupation!.scheme}:${x.r.occupation!.code} ${x.r.occupationRecord?.title ?? ''}`;
    top.set(k, (top.get(k) ?? 0) + 1);
  }
  console.log('\ntop occupations:');
  for (const [k, c] of [...top].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(c).padStart(5)}  ${k}`);
  const sectors = new Map<string, number>();
  for (const x of withSector) sectors.set(x.r.sector!.code, (sectors.get(x.r.sector!.code) ?? 0) + 1);
  console.log('\nsectors:');
  for (const [k, c] of [...sectors].sort((a, b) => b[1] - a[1])) console.log(`  ${k} ${String(c).padStart(5)}  ${taxonomy.sectors.get(k)?.title ?? ''}`);

  const spot = Number(option(args, 'spot') ?? 25);
  console.log(`\nspot checks (${spot}, seeded):`);
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < spot && n > 0; i++) {
    const x = results[Math.floor(rand() * n)]!;
    const o = x.r.occupation;
    console.log(`  "${x.a.title.slice(0, 60)}" → ${o ? `${o.scheme}:${o.code} ${x.r.occupationRecord?.title ?? ''} (${o.confidence}) [${o.evidence[0]}]` : '—'} | sector ${x.r.sector?.code ?? '—'}`);
  }
}
