/**
 * Real-data check for the JobPosting mapper and the employer API: reads a
 * JSONL(.gz) file of schema.org JobPosting objects (e.g. the NHS Jobs
 * export), maps each with fromJobPosting(), then POSTs them all through the
 * employer API in-process (batches of 500) and reports coverage and outcomes.
 *
 *   npx tsx scripts/eval/jobposting-jsonld.ts <file.jsonl[.gz]> [--limit N]
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { createApp } from '../../src/app.ts';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { openDb } from '../../src/db.ts';
import { silentLogger } from '../../src/logger.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import { fromJobPosting } from '../../src/vacancies/job-posting.ts';
import type { RawVacancy } from '../../src/vacancies/model.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: jobposting-jsonld.ts <file.jsonl[.gz]> [--limit N]');
  process.exit(2);
}
const limitArg = process.argv.indexOf('--limit');
const limit = limitArg > 0 ? Number(process.argv[limitArg + 1]) : Infinity;

const input = createReadStream(file);
const lines = createInterface({ input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });

const docs: unknown[] = [];
let badJson = 0;
for await (const line of lines) {
  if (!line.trim()) continue;
  if (docs.length >= limit) break;
  try {
    docs.push(JSON.parse(line));
  } catch {
    badJson++;
  }
}

const errorPaths = new Map<string, number>();
const coverage = new Map<string, number>();
const mapped: RawVacancy[] = [];
const has = (k: string, yes: boolean) => yes && coverage.set(k, (coverage.get(k) ?? 0) + 1);
const t0 = performance.now();
for (const d of docs) {
  const r = fromJobPosting(d);
  if (!r.ok) {
    for (const e of r.errors) errorPaths.set(e.path, (errorPaths.get(e.path) ?? 0) + 1);
    continue;
  }
  const v = r.raw;
  mapped.push(v);
  const sal = typeof v.salary === 'object' ? v.salary : undefined;
  has('reference', !!v.reference);
  has('employer', !!v.employer);
  has('location text', !!v.location);
  has('lat/lon', v.lat != null && v.lon != null);
  has('postcode', !!v.postcode);
  has('salary numbers', sal?.min != null || sal?.max != null);
  has('salary period', !!sal?.period);
  has('salary text only', typeof v.salary === 'string' || (!!sal?.text && sal.min == null));
  has('employmentType', !!v.employmentType);
  has('contract', !!v.contract);
  has('validThrough', !!v.validThrough);
  has('datePosted', !!v.datePosted);
  has('description is HTML', /<[a-z]/i.test(v.description ?? ''));
  has('description still escaped', /&lt;[a-z]/i.test(v.description ?? ''));
}
const mapMs = performance.now() - t0;
const pct = (n: number) => `${((100 * n) / Math.max(1, docs.length)).toFixed(1)}%`;

console.log(`file: ${file}`);
console.log(`documents: ${docs.length} (unparseable lines: ${badJson})`);
console.log(`mapped_ok: ${mapped.length} (${pct(mapped.length)})`);
console.log(`map_rate: ${Math.round(docs.length / (mapMs / 1000))} docs/s`);
for (const [k, n] of [...coverage.entries()].sort()) console.log(`  ${k}: ${n} (${pct(n)})`);
if (errorPaths.size) {
  console.log('rejections by path:');
  for (const [p, n] of [...errorPaths.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${p}: ${n}`);
}

// The same documents through the API, as an employer would send them.
const db = openDb(':memory:');
const taxonomy = createTaxonomy({ versionId: 0, occupations: [], skills: [], relations: [], groups: [], sectors: [] });
const app = createApp({
  db, search: new SqliteEngine(db), taxonomy: () => taxonomy, enricher: () => null, geocoder: null,
  now: Date.now, logger: silentLogger, config: { RATE_LIMIT_PER_MINUTE: 1e9, BODY_LIMIT_BYTES: 256 * 1024 * 1024 },
});
const { key } = createApiKey(db, { employerName: 'Eval' }, Date.now());
const outcomes = new Map<string, number>();
const statuses = new Map<number, number>();
const t1 = performance.now();
for (let i = 0; i < docs.length; i += 500) {
  const res = await app.request('/v1/vacancies/batch', {
    method: 'POST',
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ items: docs.slice(i, i + 500) }),
  });
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  if (res.status !== 200) continue;
  const body = (await res.json()) as { items: { outcome: string }[] };
  for (const r of body.items) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
}
const apiS = (performance.now() - t1) / 1000;
console.log(`api_batch_http_statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
console.log(`api_outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);
console.log(`api_ingest_rate: ${Math.round(docs.length / apiS)} vacancies/s (in-process, includes normalisation)`);
const stored = (db.$client.prepare('SELECT count(*) AS n, sum(lat IS NOT NULL) AS geo, sum(salary_annual_min IS NOT NULL) AS annual FROM vacancies').get() as { n: number; geo: number; annual: number });
console.log(`stored: ${stored.n} | with lat/lon: ${stored.geo} | with annual salary: ${stored.annual}`);
