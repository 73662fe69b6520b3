import { hostname } from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/clock.ts';
import { acquireScrapeLock, LockHeldError } from '../../src/scrape/lock.ts';
import { runScrape, type ScrapeProgress } from '../../src/scrape/run-scrape.ts';
import { listRuns } from '../../src/scrape/runs.ts';
import { toRunJson } from '../../src/scrape/admin-view.ts';
import { formatSummaryTable } from '../../src/scrape/summary-table.ts';
import { parseSources } from '../../scrapers/sources.ts';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.ts';
import { fixtureSources, scrapeDeps, TEST_UA, vacancyRows } from './helpers.ts';

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());
beforeEach(() => site.reset());

const byName = (r: { results: { source: string }[] }) => Object.fromEntries(r.results.map((x) => [x.source, x])) as Record<string, any>;

describe('runScrape against the fixture site', () => {
  it('crawls every kind of source and records a run per source', async () => {
    const { deps, db } = scrapeDeps();
    const events: string[] = [];
    const progress: ScrapeProgress = {
      start: (s) => events.push(`start ${s}`),
      total: () => {},
      tick: () => {},
      end: (s, r) => events.push(`end ${s} ${r.status}`),
    };
    site.latencyMs = 5;
    const summary = await runScrape(deps, { sources: fixtureSources(site.origin), progress });
    expect(summary.failed).toBe(false);
    // Measured at the server, across every source of the run: never over the per-host default of 2.
    expect(site.maxActive).toBe(2);
    const r = byName(summary);
    expect(Object.fromEntries(summary.results.map((x) => [x.source, [x.status, x.stats.vacanciesNew]]))).toEqual({
      board: ['ok', 5],
      sitemap: ['ok', 3],
      rss: ['ok', 3],
      atom: ['ok', 2],
      council: ['ok', 2],
      metro: ['ok', 3],
    });
    // Listing (2) + detail pages (6); the robots-disallowed one is skipped, not fetched.
    expect(r.board.stats).toMatchObject({ pagesFetched: 8, pagesSkipped: 1 });
    expect(site.requests.some((q) => q.path.startsWith('/private/'))).toBe(false);
    expect(site.requests.every((q) => q.userAgent === TEST_UA)).toBe(true);
    const boardErrors = r.board.errors.map((e: { url: string; message: string }) => `${new URL(e.url).pathname}: ${e.message}`);
    expect(boardErrors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/board\/job\/105\.html: JSON-LD block 1: /),
        '/board/job/105.html: no schema.org JobPosting (JSON-LD or microdata) on the page',
        '/private/job/107.html: skipped: disallowed by robots.txt',
      ]),
    );
    expect(r.council.errors).toEqual([{ url: `${site.origin}/council/vacancy/3.html`, message: 'no title found by the detail.title selector' }]);
    expect(vacancyRows(db, 'board').map((v) => v.title)).toEqual([
      'Care Assistant (Nights)', 'Warehouse Operative', 'Kitchen Porter', 'Forklift Driver', 'Cleaner',
    ]);
    expect(vacancyRows(db, 'rss').map((v) => v.source_ref)).toEqual(['PC-4411', `${site.origin}/vacancy/4413`, 'https://jobs.pennine.example/vacancy/4412'].sort());
    expect(vacancyRows(db, 'metro').map((v) => v.source_ref)).toEqual(['9001', '9002', '9003']);
    const runs = listRuns(db, { limit: 10 });
    expect(runs).toHaveLength(6);
    expect(runs.every((x) => x.finishedAt != null && x.status === 'ok')).toBe(true);
    expect(events.slice(0, 2)).toEqual(['start board', 'end board ok']);
  });

  it('sends validators on the next run and skips parsing on 304', async () => {
    const { deps, db, now } = scrapeDeps();
    const sources = fixtureSources(site.origin);
    await runScrape(deps, { sources });
    site.requests.length = 0;
    now.advance(DAY_MS);
    const r = byName(await runScrape(deps, { sources }));
    // 105 (malformed JSON-LD) got no validators: it is fetched and its error reported again.
    expect(r.board.stats).toMatchObject({ pagesFetched: 1, pagesNotModified: 7, vacanciesNew: 0, vacanciesUnchanged: 5 });
    expect(r.board.errors.filter((e: { url: string }) => e.url.endsWith('/105.html'))).toHaveLength(2);
    expect(r.atom.stats).toMatchObject({ pagesFetched: 0, pagesNotModified: 1, vacanciesUnchanged: 2 });
    expect(r.rss.stats).toMatchObject({ pagesFetched: 1, pagesNotModified: 0, vacanciesUnchanged: 3 });
    const detail = site.requests.filter((q) => q.path === '/board/job/101.html');
    expect(detail.map((q) => q.status)).toEqual([304, 304]); // board and sitemap sources
    expect(detail[0]!.ifNoneMatch).toMatch(/^"/);
    // Seen through the 304: nothing counts as missed.
    expect(vacancyRows(db, 'board').every((v) => v.missed_runs === 0 && v.status === 'live')).toBe(true);
  });

  it('expires a vacancy after it is missing from N consecutive successful runs, and revives it when it returns', async () => {
    const { deps, db, now } = scrapeDeps();
    const sources = fixtureSources(site.origin).filter((s) => s.name === 'board');
    await runScrape(deps, { sources });
    site.hidden.add('/board/job/102.html');
    now.advance(DAY_MS);
    let r = byName(await runScrape(deps, { sources }));
    expect(r.board.stats.vacanciesExpired).toBe(0);
    const missing = () => vacancyRows(db, 'board').find((v) => v.title === 'Warehouse Operative')!;
    expect(missing()).toMatchObject({ status: 'live', missed_runs: 1 });
    now.advance(DAY_MS);
    r = byName(await runScrape(deps, { sources }));
    expect(r.board.stats.vacanciesExpired).toBe(1);
    expect(missing()).toMatchObject({ status: 'expired', missed_runs: 2 });
    // Its page is no longer linked, so its validators were dropped.
    const cached = db.$client.prepare('SELECT url FROM fetch_cache WHERE source = ?').pluck().all('board') as string[];
    expect(cached.some((u) => u.endsWith('/102.html'))).toBe(false);
    expect(cached.some((u) => u.endsWith('/101.html'))).toBe(true);
    expect(vacancyRows(db, 'board').filter((v) => v.status === 'live')).toHaveLength(4);
    site.hidden.clear();
    now.advance(DAY_MS);
    await runScrape(deps, { sources });
    expect(missing()).toMatchObject({ status: 'live', missed_runs: 0 });
  });

  it('honours expireAfterRuns', async () => {
    const { deps, db } = scrapeDeps();
    const sources = fixtureSources(site.origin).filter((s) => s.name === 'metro');
    await runScrape(deps, { sources });
    site.hidden.add('/api/jobs');
    // The whole API gone is a failed source: nothing expires however often it runs.
    for (let i = 0; i < 3; i++) expect((await runScrape(deps, { sources, expireAfterRuns: 1 })).failed).toBe(true);
    expect(vacancyRows(db, 'metro').every((v) => v.status === 'live' && v.missed_runs === 0)).toBe(true);
  });

  it('isolates a source that fails outright: others complete, nothing of it expires', async () => {
    const { deps, db, now } = scrapeDeps();
    const sources = fixtureSources(site.origin);
    await runScrape(deps, { sources });
    site.down.add('/board/jobs.html');
    site.hidden.add('/board/job/102.html');
    for (let i = 0; i < 3; i++) {
      now.advance(DAY_MS);
      const summary = await runScrape(deps, { sources, expireAfterRuns: 1 });
      expect(summary.failed).toBe(true);
      const r = byName(summary);
      expect(r.board.status).toBe('failed');
      expect(r.board.fatal).toMatch(/board\/jobs\.html: HTTP 500 \(after 2 attempts\)/);
      expect(['rss', 'atom', 'council', 'metro'].map((n) => r[n].status)).toEqual(['ok', 'ok', 'ok', 'ok']);
      // The sitemap source also lost 102: it is healthy, so it does expire there.
      expect(r.sitemap.stats.vacanciesExpired).toBe(i === 0 ? 1 : 0);
    }
    expect(vacancyRows(db, 'board').every((v) => v.status === 'live' && v.missed_runs === 0)).toBe(true);
    expect(listRuns(db, { source: 'board', limit: 1 })[0]).toMatchObject({ status: 'failed', fatal: expect.stringContaining('HTTP 500') });
  });

  it('a partial run (a detail page failing) expires nothing', async () => {
    const { deps, db, now } = scrapeDeps();
    const sources = fixtureSources(site.origin).filter((s) => s.name === 'board');
    await runScrape(deps, { sources });
    site.down.add('/board/job/101.html');
    site.hidden.add('/board/job/102.html');
    for (let i = 0; i < 2; i++) {
      now.advance(DAY_MS);
      const r = byName(await runScrape(deps, { sources, expireAfterRuns: 1 }));
      expect(r.board.status).toBe('partial');
      expect(r.board.errors).toContainEqual({ url: `${site.origin}/board/job/101.html`, message: 'HTTP 500 (after 2 attempts)' });
    }
    expect(vacancyRows(db, 'board').every((v) => v.status === 'live')).toBe(true);
  });

  it('expires vacancies whose closing date has passed', async () => {
    const { deps, db, now } = scrapeDeps();
    const sources = fixtureSources(site.origin).filter((s) => s.name === 'board');
    await runScrape(deps, { sources });
    now.set('2027-02-01T02:00:00Z');
    const r = byName(await runScrape(deps, { sources }));
    // 101 closed 31 Jan, 104 closed 15 Jan; 102 closes 28 Feb.
    expect(r.board.stats.vacanciesExpired).toBe(2);
    expect(vacancyRows(db, 'board').filter((v) => v.status === 'expired').map((v) => v.title).sort()).toEqual(['Care Assistant (Nights)', 'Forklift Driver']);
  });

  it('counts adverts skipped because they have already closed', async () => {
    const { deps, db } = scrapeDeps(undefined, '2027-02-01T02:00:00Z');
    const summary = await runScrape(deps, { sources: fixtureSources(site.origin).filter((s) => s.name === 'board') });
    const r = byName(summary);
    // 101 closed 31 Jan and 104 on 15 Jan: read, not stored, and counted.
    expect(r.board.stats.skippedClosed).toBe(2);
    expect(vacancyRows(db, 'board').map((v) => v.title)).not.toContain('Forklift Driver');
    const table = formatSummaryTable(summary.results);
    const [head, , row] = table.split('\n');
    const col = head!.split(/\s+/).indexOf('closed');
    expect(row!.split(/\s+/)[col]).toBe('2');
    // The run record keeps the count, and the admin view shows it.
    const [run] = listRuns(db, { source: 'board', limit: 1 });
    expect(run!.skippedClosed).toBe(2);
    expect(toRunJson(run!).vacancies.skippedClosed).toBe(2);
  });

  it('a partial run still expires what it can prove closed, and nothing merely unseen', async () => {
    const { deps, db, now } = scrapeDeps();
    const sources = fixtureSources(site.origin).filter((s) => s.name === 'board');
    await runScrape(deps, { sources });
    now.set('2027-02-01T02:00:00Z');
    site.down.add('/board/job/102.html');
    site.hidden.add('/board/job/103.html');
    const r = byName(await runScrape(deps, { sources, expireAfterRuns: 1 }));
    expect(r.board.status).toBe('partial');
    expect(r.board.stats.vacanciesExpired).toBe(2);
    const rows = vacancyRows(db, 'board');
    expect(rows.filter((v) => v.status === 'expired').map((v) => v.title).sort()).toEqual(['Care Assistant (Nights)', 'Forklift Driver']);
    expect(rows.filter((v) => v.status === 'live').length).toBe(rows.length - 2);
  });

  it('a dry run writes nothing', async () => {
    const { deps, db } = scrapeDeps();
    const summary = await runScrape(deps, { sources: fixtureSources(site.origin), dryRun: true });
    expect(byName(summary).board.found).toBe(5);
    const count = (t: string) => (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect([count('vacancies'), count('scrape_runs'), count('fetch_cache'), count('scrape_locks')]).toEqual([0, 0, 0, 0]);
  });

  it('--limit takes at most N vacancies per source and, being partial, expires nothing', async () => {
    const { deps, db, now } = scrapeDeps();
    const sources = fixtureSources(site.origin);
    await runScrape(deps, { sources, only: 'rss' });
    now.advance(DAY_MS);
    const r = byName(await runScrape(deps, { sources, only: 'rss', limit: 1, expireAfterRuns: 1 }));
    expect(r.rss.status).toBe('partial');
    expect(vacancyRows(db, 'rss').every((v) => v.status === 'live')).toBe(true);
    const b = byName(await runScrape(deps, { sources, only: 'board', limit: 2 }));
    expect(b.board.stats.vacanciesNew).toBe(2);
    expect(Object.keys(r)).toEqual(['rss']);
  });

  it('refuses to overlap another run, takes over a dead one, and closes runs it left behind', async () => {
    const { deps, db, now } = scrapeDeps();
    const sources = fixtureSources(site.origin).filter((s) => s.name === 'atom');
    const held = acquireScrapeLock(db, { now: now(), pid: process.pid });
    await expect(runScrape(deps, { sources })).rejects.toBeInstanceOf(LockHeldError);
    held.release();
    // A run killed mid-way: its lock row names a dead process and its run record says running.
    db.$client.prepare('INSERT INTO scrape_locks (name, pid, host, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)').run('scrape', 2 ** 22 + 7, hostname(), now(), now());
    db.$client.prepare("INSERT INTO scrape_runs (source, started_at, status) VALUES ('atom', ?, 'running')").run(now() - 1000);
    const summary = await runScrape(deps, { sources });
    expect(summary.results[0]!.status).toBe('ok');
    const runs = listRuns(db, { source: 'atom', limit: 5 });
    expect(runs.map((x) => x.status)).toEqual(['ok', 'failed']);
    expect(runs[1]!.fatal).toMatch(/interrupted/);
    expect((db.$client.prepare('SELECT count(*) AS n FROM scrape_locks').get() as { n: number }).n).toBe(0);
    // Another host's lock is stale only when its heartbeat is old.
    db.$client.prepare('INSERT INTO scrape_locks (name, pid, host, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)').run('scrape', 1, 'elsewhere', now(), now());
    await expect(runScrape(deps, { sources })).rejects.toThrow(/pid 1 on elsewhere/);
    now.advance(31 * 60_000);
    expect((await runScrape(deps, { sources })).failed).toBe(false);
  });

  it('follows offset, cursor and Link-header pagination in JSON APIs', async () => {
    const { deps, db } = scrapeDeps();
    const fields = { reference: 'id', title: 'title', employer: 'company.name' };
    const sources = parseSources([
      { name: 'offset', type: 'json-api', url: `${site.origin}/api/offset?offset={offset}&limit={limit}`, items: 'results', pagination: { type: 'offset', limit: 2 }, fields },
      { name: 'cursor', type: 'json-api', url: `${site.origin}/api/cursor?cursor={cursor}`, items: 'jobs', pagination: { type: 'cursor', cursor: 'paging.next' }, fields },
      { name: 'linked', type: 'json-api', url: `${site.origin}/api/linked`, pagination: { type: 'next-link' }, fields },
    ]);
    const summary = await runScrape(deps, { sources });
    expect(summary.results.map((r) => [r.source, r.status, r.stats.pagesFetched, r.stats.vacanciesNew])).toEqual([
      ['offset', 'ok', 3, 3], // four items in pages of two; the empty third page ends it
      ['cursor', 'ok', 2, 3],
      ['linked', 'ok', 2, 3],
    ]);
    expect(vacancyRows(db, 'linked').map((v) => v.source_ref)).toEqual(['9001', '9002', '9003']);
    expect(site.requests.filter((q) => q.path === '/api/offset')).toHaveLength(3);
  });

  it('names the configured sources when --source matches none', async () => {
    const { deps } = scrapeDeps();
    await expect(runScrape(deps, { sources: fixtureSources(site.origin), only: 'nope' })).rejects.toThrow(
      'no source named "nope" (configured: board, sitemap, rss, atom, council, metro)',
    );
  });
});
