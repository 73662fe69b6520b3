/**
 * Real-data check of the embedded search engine on real adverts: schema.org
 * JobPosting JSON-LD, one object per line (.jsonl or .jsonl.gz), e.g. the NHS
 * Jobs sample. Indexes them into a fresh in-memory engine and reports the
 * index rate, what some coach-style queries find (stemming, phrases, radius)
 * and query latency (CPU time per search).
 *
 *   npm run eval -- search-real-adverts <path/to/adverts.jsonl.gz>
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { openDb } from '../../src/db.ts';
import type { SearchDocument, SearchQuery } from '../../src/search/engine.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';

const path = process.argv[2];
if (!path) {
  console.error('usage: npm run eval -- search-real-adverts <adverts.jsonl[.gz]>');
  process.exit(2);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£' };
const decode = (s: string) =>
  s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
  );
const toText = (html: string) => decode(decode(html).replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

interface JobPosting {
  title?: string;
  description?: string;
  datePosted?: string;
  employmentType?: string | string[];
  hiringOrganization?: { name?: string };
  jobLocation?: { address?: { addressLocality?: string; addressRegion?: string }; geo?: { latitude?: string | number; longitude?: string | number } };
}

const docs: SearchDocument[] = [];
const input = createReadStream(path);
const lines = createInterface({ input: path.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
for await (const line of lines) {
  if (!line.trim()) continue;
  const j = JSON.parse(line) as JobPosting;
  if (!j.title) continue;
  const lat = Number(j.jobLocation?.geo?.latitude);
  const lon = Number(j.jobLocation?.geo?.longitude);
  const et = [j.employmentType ?? []].flat().join(' ').toUpperCase();
  docs.push({
    id: docs.length + 1,
    title: toText(j.title),
    description: toText(j.description ?? ''),
    employer: j.hiringOrganization?.name ?? null,
    places: Number.isFinite(lat) && Number.isFinite(lon) && (lat !== 0 || lon !== 0) ? [{ lat, lon }] : [],
    town: j.jobLocation?.address?.addressLocality ?? null,
    region: j.jobLocation?.address?.addressRegion ?? null,
    localAuthority: null,
    sector: 'Q',
    occupationCode: null,
    contract: null,
    employmentType: et.includes('PART') ? 'part_time' : et.includes('FULL') ? 'full_time' : null,
    remote: null,
    salaryAnnualMin: null,
    salaryAnnualMax: null,
    datePosted: Date.parse(j.datePosted ?? '') || 0,
    skills: [],
    clusterId: docs.length + 1,
    isDemo: false,
  });
}

const db = openDb(':memory:');
const engine = new SqliteEngine(db);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
for (let i = 0; i < docs.length; i += 1000) await engine.upsert(docs.slice(i, i + 1000));
const indexCpuMs = cpu() - c0;
const avgKb = docs.reduce((s, d) => s + d.description.length, 0) / docs.length / 1024;
console.log(`adverts: ${docs.length}`);
console.log(`with_coordinates: ${docs.filter((d) => d.places.length).length}`);
console.log(`avg_description: ${avgKb.toFixed(2)} KB`);
console.log(`index_rate_per_cpu_second: ${Math.round(docs.length / (indexCpuMs / 1000))} adverts/s`);

const show = async (label: string, q: SearchQuery) => {
  const r = await engine.search({ pageSize: 3, ...q });
  const titles = r.hits.map((h) => docs[h.id - 1]!.title).join(' | ');
  console.log(`${label}: ${r.total} matches; top: ${titles}`);
  return r;
};
await show('q=nurse', { q: 'nurse' });
await show('q=nursing', { q: 'nursing' });
await show('q=staff nurse', { q: 'staff nurse' });
await show('q="staff nurse"', { q: '"staff nurse"' });
await show('q=physio*', { q: 'physio*' });
const hl = await engine.search({ q: 'midwife', pageSize: 1 });
console.log(`highlight sample: ${hl.hits[0]?.highlights.title ?? '-'} / ${(hl.hits[0]?.highlights.description ?? '-').slice(0, 160)}`);
await show('q=nurse near London 15 km', { q: 'nurse', near: { lat: 51.5072, lon: -0.1276, radiusKm: 15 } });
await show('q=nurse near Leeds 15 km, part time', { q: 'nurse', near: { lat: 53.7997, lon: -1.5492, radiusKm: 15 }, filters: { employmentType: ['part_time'] } });

// Latency: two-word queries around the adverts' own locations, 15 km, one filter.
const located = docs.filter((d) => d.places.length);
const words = ['staff nurse', 'healthcare assistant', 'band 5', 'mental health', 'support worker', 'admin assistant', 'clinical lead', 'community nurse'];
const times: number[] = [];
for (let i = 0; i < 300 && located.length; i++) {
  const d = located[(i * 7919) % located.length]!;
  const t = cpu();
  await engine.search({ q: words[i % words.length], near: { ...d.places[0]!, radiusKm: 15 }, filters: { employmentType: ['full_time'] }, facets: ['sector', 'employmentType'] });
  times.push(cpu() - t);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]?.toFixed(2);
console.log(`search_cpu_p50: ${pct(50)} ms`);
console.log(`search_cpu_p95: ${pct(95)} ms`);
