/**
 * Real-data check of the scrapers: `npm run eval -- scrapers <data/jobs dir> [--max N]`
 *
 * 1. The feed parser over every *.rss / *.atom file in <dir>/feeds/: items
 *    read against <item>/<entry> elements counted in the raw XML, and the
 *    share of items with each field.
 * 2. JSON-LD extraction end to end: pages built here, at run time, around
 *    the real JobPosting objects in <dir>/nhs-jobs-jsonld.dev.jsonl.gz (four
 *    publisher shapes: plain, @graph, array, pretty-printed with raw
 *    newlines), served from 127.0.0.1 with a sitemap, crawled by runScrape
 *    into an in-memory database; the share of each field that came through,
 *    counted against the objects that had it. Nothing is written to disk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseFeed, type FeedOptions } from '../../scrapers/parsers/feed.ts';
import { parseSources } from '../../scrapers/sources.ts';
import { fixedClock } from '../../src/clock.ts';
import { openDb } from '../../src/db.ts';
import { silentLogger } from '../../src/logger.ts';
import { runScrape } from '../../src/scrape/run-scrape.ts';

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');

/** Per-feed options, as an operator would set them in sources.json for these boards. */
function feedOptions(file: string): FeedOptions {
  if (file.startsWith('wwr-')) return { titleEmployerSeparator: ': ', fields: { location: 'region', contract: 'type' } };
  if (file.startsWith('research-computing')) return { titleEmployerSeparator: ' - ', titleEmployerPosition: 'after', labels: { location: 'Location' } };
  return {};
}

function evalFeeds(dir: string) {
  const files = readdirSync(dir).filter((f) => /\.(rss|atom|xml)$/.test(f)).sort();
  const fields = ['title', 'url', 'reference', 'description', 'employer', 'location', 'datePosted', 'contract'] as const;
  const rows: string[][] = [];
  const total = { raw: 0, items: 0, errors: 0, have: Object.fromEntries(fields.map((f) => [f, 0])) as Record<string, number> };
  let parseMs = 0;
  let bytes = 0;
  for (const f of files) {
    const xml = readFileSync(join(dir, f), 'utf8');
    bytes += xml.length;
    const raw = (xml.match(/<item[\s>]/g)?.length ?? 0) + (xml.match(/<entry[\s>]/g)?.length ?? 0);
    const t0 = performance.now();
    const r = parseFeed(xml, 'https://feed.example/', feedOptions(f));
    parseMs += performance.now() - t0;
    const have = Object.fromEntries(fields.map((k) => [k, r.items.filter((i) => i[k] != null && i[k] !== '').length]));
    rows.push([f, r.format, String(raw), String(r.items.length), String(r.errors.length), ...fields.map((k) => pct(have[k]!, r.items.length))]);
    total.raw += raw;
    total.items += r.items.length;
    total.errors += r.errors.length;
    for (const k of fields) total.have[k]! += have[k]!;
  }
  rows.push(['ALL', '', String(total.raw), String(total.items), String(total.errors), ...fields.map((k) => pct(total.have[k]!, total.items))]);
  console.log('\n## feed parser over real feeds\n');
  console.log(`| file | format | <item>s | parsed | errors | ${fields.join(' | ')} |`);
  console.log(`|${Array(5 + fields.length).fill('---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\neval_feed_items_recall: ${pct(total.items, total.raw)}`);
  console.log(`eval_feed_parse_rate: ${((bytes / 1e6) / (parseMs / 1000)).toFixed(1)} MB/s`);
}

type Obj = Record<string, any>;

function page(obj: Obj, i: number): string {
  const shape = i % 4;
  let ld: string;
  if (shape === 0) ld = JSON.stringify(obj);
  else if (shape === 1) ld = JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'NHS Jobs' }, { ...obj, '@context': undefined }] });
  else if (shape === 2) ld = JSON.stringify([{ '@context': 'https://schema.org', '@type': 'BreadcrumbList', itemListElement: [] }, obj]);
  // Pretty-printed by a template that does not escape newlines inside strings, as some sites do.
  else ld = JSON.stringify(obj, null, 2).replace(/\\n/g, '\n');
  const title = String(obj['title'] ?? '').replace(/[<&]/g, ' ');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} – NHS Jobs</title>
<script type="application/ld+json">${ld.replace(/<\/script/gi, '<\\/script')}</script></head>
<body><header><nav><a href="/">Home</a></nav></header><main><h1>${title}</h1><p>See the advert details.</p></main><footer>© NHS</footer></body></html>`;
}

async function evalJsonLd(file: string, max: number) {
  const objs: Obj[] = gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, max)
    .map((l) => JSON.parse(l) as Obj);
  const pages = objs.map(page);
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/robots.txt') return res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    if (u.pathname === '/sitemap.xml') {
      const origin = `http://${req.headers.host}`;
      const urls = pages.map((_, i) => `<url><loc>${origin}/vacancy/${i}</loc></url>`).join('\n');
      return res.writeHead(200, { 'Content-Type': 'application/xml' }).end(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`);
    }
    const m = /^\/vacancy\/(\d+)$/.exec(u.pathname);
    const body = m ? pages[Number(m[1])] : undefined;
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = openDb(':memory:');
  // The adverts closed years ago: crawl "as of" before the first was posted, so none is skipped as closed.
  const now = fixedClock('2018-01-01T00:00:00Z');
  const t0 = performance.now();
  const summary = await runScrape(
    { db, now, logger: silentLogger, fetch: { userAgent: 'flightpath-eval/1.0', minDelayMs: 0, perHostConcurrency: 4 } },
    { sources: parseSources([{ name: 'nhs-eval', type: 'jsonld', sitemap: `${origin}/sitemap.xml` }]) },
  );
  const secs = (performance.now() - t0) / 1000;
  server.close();
  const r = summary.results[0]!;
  const rows = db.$client.prepare("SELECT * FROM vacancies WHERE source = 'scrape:nhs-eval'").all() as Obj[];
  // Stored under the posting's own url (the advert URL), which every object here has.
  const byUrl = new Map(rows.map((v) => [v['url'] as string, v]));
  const rowOf = (o: Obj, i: number) => byUrl.get(typeof o['url'] === 'string' && o['url'] ? o['url'] : `${origin}/vacancy/${i}`);

  const has = (v: unknown) => v != null && v !== '' && !(typeof v === 'string' && !v.trim());
  const checks: [string, (o: Obj) => boolean, (v: Obj) => boolean][] = [
    ['title', (o) => has(o['title']), (v) => has(v['title'])],
    ['description', (o) => has(o['description']), (v) => has(v['description_text'])],
    ['employer', (o) => has(o['hiringOrganization']?.name), (v) => has(v['employer_name'])],
    ['location text', (o) => has(o['jobLocation']), (v) => has(v['location_text'])],
    ['town', (o) => has(o['jobLocation']?.address?.addressLocality), (v) => has(v['town'])],
    ['postcode', (o) => has(o['jobLocation']?.address?.postalCode), (v) => has(v['postcode'])],
    ['lat/lon', (o) => has(o['jobLocation']?.geo?.latitude), (v) => v['lat'] != null && v['lon'] != null],
    ['salary min/max', (o) => has(o['baseSalary']?.value?.minValue) || has(o['baseSalary']?.value?.maxValue), (v) => v['salary_min'] != null || v['salary_max'] != null],
    ['salary text', (o) => has(o['baseSalary']?.value?.value), (v) => has(v['salary_text']) || v['salary_min'] != null],
    ['datePosted', (o) => has(o['datePosted']), (v) => v['date_posted'] != null],
    ['validThrough', (o) => has(o['validThrough']), (v) => v['valid_through'] != null],
    ['employmentType', (o) => has(o['employmentType']), (v) => has(v['employment_type']) || has(v['contract'])],
    ['url', (o) => has(o['url']), (v) => has(v['url'])],
  ];
  console.log('\n## JSON-LD extraction over pages built around real NHS Jobs JobPosting objects\n');
  console.log(`objects: ${objs.length}, source run: ${r.status}, pages fetched: ${r.stats.pagesFetched}, vacancies stored: ${rows.length}, errors: ${r.errorCount}`);
  const errs = new Map<string, number>();
  for (const e of r.errors) errs.set(e.message.replace(/\d+/g, 'N').slice(0, 120), (errs.get(e.message.replace(/\d+/g, 'N').slice(0, 120)) ?? 0) + 1);
  for (const [m, n] of [...errs].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  error ×${n}: ${m}`);
  console.log('\n| field | objects with it | came through | share |\n|---|---|---|---|');
  const byShape = [0, 0, 0, 0];
  objs.forEach((o, i) => {
    if (rowOf(o, i)) byShape[i % 4]!++;
  });
  for (const [name, inObj, inRow] of checks) {
    let n = 0;
    let got = 0;
    objs.forEach((o, i) => {
      if (!inObj(o)) return;
      n++;
      const v = rowOf(o, i);
      if (v && inRow(v)) got++;
    });
    console.log(`| ${name} | ${n} | ${got} | ${pct(got, n)} |`);
  }
  const shapes = ['plain', '@graph', 'array', 'raw newlines'];
  console.log(`\nstored by page shape: ${shapes.map((s, k) => `${s} ${pct(byShape[k]!, objs.filter((_, i) => i % 4 === k).length)}`).join(', ')}`);
  console.log(`eval_jsonld_vacancies_stored: ${pct(rows.length, objs.length)}`);
  console.log(`eval_jsonld_crawl_rate: ${(r.stats.pagesFetched / secs).toFixed(0)} pages/s (fetch + parse + normalise + store, one process)`);
}

export async function run(args: string[]): Promise<void> {
  const dir = args.find((a) => !a.startsWith('--'));
  const maxArg = args.find((a) => a.startsWith('--max='));
  const max = maxArg ? Number(maxArg.slice(6)) : Infinity;
  if (!dir) {
    console.error('usage: npm run eval -- scrapers <dir with feeds/ and nhs-jobs-jsonld.dev.jsonl.gz> [--max=N]');
    process.exitCode = 2;
    return;
  }
  evalFeeds(join(dir, 'feeds'));
  await evalJsonLd(join(dir, 'nhs-jobs-jsonld.dev.jsonl.gz'), max);
}

if (import.meta.url === `file://${process.argv[1]}`) await run(process.argv.slice(2));
