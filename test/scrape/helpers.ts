import { fixedClock } from '../../src/clock.ts';
import { openDb, type Db } from '../../src/db.ts';
import { silentLogger } from '../../src/logger.ts';
import type { ScrapeDeps } from '../../src/scrape/run-scrape.ts';
import { parseSources, type Source } from '../../scrapers/sources.ts';

export const TEST_UA = 'flightpath-test-bot/1.0';

/** The fixture site's six sources, one of each kind of board. */
export function fixtureSources(origin: string): Source[] {
  return parseSources([
    { name: 'board', type: 'jsonld', start: `${origin}/board/jobs.html`, listing: { item: 'li.job', link: 'a', next: 'a.next' } },
    { name: 'sitemap', type: 'jsonld', sitemap: `${origin}/sitemap-index.xml`, include: '/board/job/' },
    { name: 'rss', type: 'feed', url: `${origin}/feeds/jobs.rss`, titleEmployerSeparator: ': ', fields: { location: 'location' } },
    { name: 'atom', type: 'feed', url: `${origin}/feeds/jobs.atom` },
    {
      name: 'council',
      type: 'css',
      start: `${origin}/council/vacancies.html`,
      listing: { item: 'article.vacancy-card', link: 'a.vacancy-link', next: 'a[rel=next]' },
      detail: { title: 'h1.vacancy-title', employer: '.employer', location: '.location', salary: '.salary', description: '.description', closingDate: '.closing', reference: 'meta[name=job-ref]@content' },
    },
    {
      name: 'metro',
      type: 'json-api',
      url: `${origin}/api/jobs?page={page}`,
      items: 'data.jobs',
      pagination: { type: 'page' },
      fields: { reference: 'id', title: 'title', employer: 'company.name', location: 'locations.*.name', description: 'body', validThrough: 'closes_at' },
      urlTemplate: `${origin}/metro/jobs/{id}`,
    },
  ]);
}

export function scrapeDeps(db: Db = openDb(':memory:'), start = '2026-11-20T02:00:00Z') {
  const now = fixedClock(start);
  const deps: ScrapeDeps = {
    db,
    now,
    logger: silentLogger,
    fetch: { userAgent: TEST_UA, minDelayMs: 0, retries: 1, backoffBaseMs: 1, timeoutMs: 2000, sleep: async () => {} },
  };
  return { deps, now, db };
}

export function vacancyRows(db: Db, source: string) {
  return db.$client
    .prepare('SELECT source_ref, title, status, missed_runs FROM vacancies WHERE source = ? ORDER BY source_ref')
    .all(`scrape:${source}`) as { source_ref: string; title: string; status: string; missed_runs: number }[];
}
