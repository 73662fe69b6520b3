/**
 * Scraper benchmarks (standalone: `npx tsx scripts/bench/scrape.ts [--pages 5000] [--parse 3000]`).
 *
 * 1. Parsing: realistic 30–50 KB job detail pages generated here (site chrome,
 *    inline CSS and scripts, a long description, JSON-LD or microdata),
 *    parsed by the jsonld adapter's pure parse; target ≥ 300 pages/s per core.
 * 2. Crawling: a local site of 5,000 detail pages behind 50 paginated
 *    listing pages, served on 127.0.0.1 by this script, crawled end to end by
 *    runScrape (fetch, parse, normalise, store) with per-host concurrency 2.
 *    The server counts requests in flight: the maximum is measured, not assumed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseDetail } from '../../scrapers/parsers/css.ts';
import { parseJobPage } from '../../scrapers/parsers/job-page.ts';
import { parseSources } from '../../scrapers/sources.ts';
import { openDb } from '../../src/db.ts';
import { silentLogger } from '../../src/logger.ts';
import { runScrape } from '../../src/scrape/run-scrape.ts';
import { numberArg, report } from './lib/args.ts';
import { createRandom, type Random } from '../../src/random.ts';

const PAGES = numberArg('pages', 5000);
const PARSE = numberArg('parse', 3000);
const PER_LISTING = 100;

const pick = <T>(rng: Random, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const TITLES = ['Care Assistant', 'Warehouse Operative', 'HGV Class 2 Driver', 'Kitchen Porter', 'Customer Service Adviser', 'Forklift Driver', 'Cleaner', 'Retail Assistant', 'Support Worker', 'Administrator', 'Electrician', 'Chef de Partie'];
const TOWNS = [['Leeds', 'LS1 4AP'], ['Bradford', 'BD1 1HY'], ['Wakefield', 'WF1 2EB'], ['Halifax', 'HX1 1UJ'], ['Huddersfield', 'HD1 2TA'], ['York', 'YO1 7HH']] as const;
const SENTENCES = [
  'You will join a friendly team that values reliability, good communication and a positive attitude.',
  'Full training is provided, including manual handling, health and safety and food hygiene certificates.',
  'We offer 28 days holiday, a contributory pension, free parking and an employee assistance programme.',
  'Shifts are rotating between early, late and night patterns with some weekend work on a rota.',
  'A full UK driving licence is desirable because the role involves travel between our sites.',
  'Previous experience is welcome but not essential: we value transferable skills from any sector.',
  'You will keep accurate records, follow procedures and escalate concerns to your supervisor.',
  'Successful applicants will need an enhanced DBS check, which we pay for.',
];

function description(rng: Random, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const heading = pick(rng, ['About the role', 'What you will do', 'About you', 'What we offer', 'How to apply']);
    const para = Array.from({ length: 4 + Math.floor(rng() * 4) }, () => pick(rng, SENTENCES)).join(' ');
    const items = Array.from({ length: 3 + Math.floor(rng() * 3) }, () => `<li>${pick(rng, SENTENCES)}</li>`).join('');
    const chunk = `<h3>${heading}</h3><p>${para}</p><ul>${items}</ul>`;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('\n');
}

function chrome(rng: Random, kb: number): { head: string; nav: string; footer: string } {
  const css = Array.from({ length: Math.floor(kb * 6) }, (_, i) => `.c${i}{margin:${i % 7}px;padding:${i % 5}px;color:#${(i * 2654435761 % 0xffffff).toString(16).padStart(6, '0')}}`).join('\n');
  const script = `window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)};gtag('js',new Date());` + 'var cfg={"features":[' + Array.from({ length: kb * 20 }, (_, i) => `"f${i}"`).join(',') + ']};';
  const nav = '<nav class="site-nav"><ul>' + Array.from({ length: 60 }, (_, i) => `<li class="nav-item"><a href="/category/${i}">Category ${i} jobs</a></li>`).join('') + '</ul></nav>';
  const footer = '<footer><div class="links">' + Array.from({ length: 80 }, (_, i) => `<a href="/info/${i}">Useful link ${i}</a>`).join(' | ') + `</div><p>© ${2026} Example Jobs Ltd ${rng().toFixed(3)}</p></footer>`;
  return { head: `<style>${css}</style><script>${script}</script>`, nav, footer };
}

/** One detail page of about 30–50 KB; `kind` decides how the posting is marked up. */
function detailPage(i: number, kind: 'jsonld' | 'microdata'): string {
  const rng = createRandom(i + 1);
  const title = `${pick(rng, TITLES)} ${i}`;
  const [town, postcode] = pick(rng, TOWNS);
  const desc = description(rng, 6000 + Math.floor(rng() * 8000));
  const c = chrome(rng, 6 + Math.floor(rng() * 6));
  const min = 21000 + Math.floor(rng() * 10) * 1000;
  const posting = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title,
    description: desc,
    identifier: { '@type': 'PropertyValue', name: 'Example', value: `EX-${i}` },
    datePosted: '2026-11-10',
    validThrough: '2027-03-31',
    employmentType: 'FULL_TIME',
    hiringOrganization: { '@type': 'Organization', name: `Employer ${i % 300}` },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: town, postalCode: postcode, addressCountry: 'GB' } },
    baseSalary: { '@type': 'MonetaryAmount', currency: 'GBP', value: { '@type': 'QuantitativeValue', minValue: min, maxValue: min + 3000, unitText: 'YEAR' } },
  };
  const body =
    kind === 'jsonld'
      ? `<main><h1 class="title">${title}</h1><p class="employer">Employer ${i % 300}</p><p class="location">${town}</p><div class="description">${desc}</div></main>`
      : `<main itemscope itemtype="https://schema.org/JobPosting"><h1 itemprop="title">${title}</h1>
         <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Employer ${i % 300}</span></div>
         <div itemprop="jobLocation" itemscope itemtype="https://schema.org/Place"><div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="addressLocality">${town}</span> <span itemprop="postalCode">${postcode}</span></div></div>
         <meta itemprop="datePosted" content="2026-11-10"><div itemprop="description">${desc}</div></main>`;
  const ld = kind === 'jsonld' ? `<script type="application/ld+json">${JSON.stringify(posting)}</script>` : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} – Example Jobs</title>${c.head}${ld}</head><body>${c.nav}${body}<aside>${description(rng, 2000)}</aside>${c.footer}</body></html>`;
}

function listingPage(n: number, total: number): string {
  const pages = Math.ceil(total / PER_LISTING);
  const links = Array.from({ length: PER_LISTING }, (_, k) => n * PER_LISTING + k)
    .filter((i) => i < total)
    .map((i) => `<li class="job"><a href="/job/${i}">Job ${i}</a></li>`)
    .join('\n');
  const next = n + 1 < pages ? `<a class="next" href="/jobs?page=${n + 1}">Next</a>` : '';
  return `<!doctype html><html><body><ul>${links}</ul>${next}</body></html>`;
}

// ---- 1. parsing
{
  const sampleCount = 200;
  const ld = Array.from({ length: sampleCount }, (_, i) => detailPage(i, 'jsonld'));
  const md = Array.from({ length: sampleCount }, (_, i) => detailPage(i, 'microdata'));
  const avgKb = ld.reduce((s, p) => s + p.length, 0) / sampleCount / 1024;
  report('scrape_detail_page_size', avgKb, 'KB');
  const time = (label: string, fn: (i: number) => unknown) => {
    for (let i = 0; i < 100; i++) fn(i);
    const t0 = performance.now();
    for (let i = 0; i < PARSE; i++) fn(i);
    report(label, PARSE / ((performance.now() - t0) / 1000), 'pages/s');
  };
  time('scrape_parse_jsonld', (i) => {
    const r = parseJobPage(ld[i % sampleCount]!, `https://jobs.example/job/${i}`);
    if (r.vacancies.length !== 1) throw new Error('parse failed');
  });
  time('scrape_parse_microdata', (i) => {
    const r = parseJobPage(md[i % sampleCount]!, `https://jobs.example/job/${i}`);
    if (r.vacancies.length !== 1) throw new Error(`microdata parse failed: ${r.errors.join('; ')}`);
  });
  const detail = { title: 'h1.title', employer: '.employer', location: '.location', description: '.description' };
  time('scrape_parse_css', (i) => {
    const r = parseDetail(ld[i % sampleCount]!, `https://jobs.example/job/${i}`, detail);
    if (typeof r === 'string') throw new Error(r);
  });
}

// ---- 2. crawling
{
  // Pages are generated once and served by index, so the server's own work
  // (it shares this process) does not weigh on the crawler being measured.
  const served = Array.from({ length: 200 }, (_, i) => detailPage(i, 'jsonld'));
  let active = 0;
  let maxActive = 0;
  let requests = 0;
  const server = createServer((req, res) => {
    active++;
    requests++;
    maxActive = Math.max(maxActive, active);
    res.on('close', () => active--);
    const u = new URL(req.url ?? '/', 'http://x');
    // A little latency, as over a real network, so overlapping requests show.
    setTimeout(() => {
      if (u.pathname === '/robots.txt') {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nDisallow: /admin/\n');
      } else if (u.pathname === '/jobs') {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(listingPage(Number(u.searchParams.get('page') ?? 0), PAGES));
      } else if (u.pathname.startsWith('/job/')) {
        res.writeHead(200, { 'Content-Type': 'text/html' }).end(served[Number(u.pathname.slice(5)) % served.length]);
      } else res.writeHead(404).end();
    }, 2);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sources = parseSources([
    { name: 'bench', type: 'jsonld', start: `${origin}/jobs?page=0`, listing: { item: 'li.job', link: 'a', next: 'a.next', maxPages: 1000 } },
  ]);
  const crawl = async (label: string, dryRun: boolean) => {
    maxActive = 0;
    requests = 0;
    const db = openDb(':memory:');
    const t0 = performance.now();
    const summary = await runScrape(
      { db, now: Date.now, logger: silentLogger, fetch: { userAgent: 'flightpath-bench/1.0', perHostConcurrency: 2, minDelayMs: 0 } },
      { sources, dryRun },
    );
    const secs = (performance.now() - t0) / 1000;
    const r = summary.results[0]!;
    const stored = dryRun ? r.found : r.stats.vacanciesNew;
    if (r.status !== 'ok' || stored !== PAGES) throw new Error(`crawl incomplete: ${JSON.stringify(r.stats)} ${r.fatal ?? ''}`);
    report(`${label}_pages`, r.stats.pagesFetched, 'pages');
    report(`${label}_rate`, r.stats.pagesFetched / secs, 'pages/s');
    report(`${label}_per_host_limit`, 2, 'requests');
    report(`${label}_max_concurrency_observed`, maxActive, 'requests');
    report(`${label}_server_requests`, requests, 'requests');
  };
  // Fetch + parse only (--dry-run): the crawler itself.
  await crawl('scrape_crawl_dry', true);
  // The whole job: fetch, parse, normalise, near-duplicate clustering, store with outbox rows.
  await crawl('scrape_crawl_store', false);
  server.close();
}
