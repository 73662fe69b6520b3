import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { openDb } from '../../src/db.ts';
import { runScrape } from '../../src/scrape/run-scrape.ts';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.ts';
import { fixtureSources, scrapeDeps } from '../scrape/helpers.ts';

let site: FixtureSite;
beforeAll(async () => {
  site = await startFixtureSite();
});
afterAll(() => site.close());

async function setup(sourcesJson: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'fp-admin-'));
  const sourcesFile = join(dir, 'sources.json');
  writeFileSync(sourcesFile, typeof sourcesJson === 'string' ? sourcesJson : JSON.stringify(sourcesJson));
  const db = openDb(':memory:');
  const { deps, now } = scrapeDeps(db);
  const { app } = createTestApp({
    db,
    taxonomy: () => {
      throw new Error('the admin API does not use the taxonomy');
    },
    now,
    config: { RATE_LIMIT_PER_MINUTE: 600 },
    sourcesFile,
  });
  const operator = createCoach(db, { name: 'Ops', org: 'flightpath', role: 'operator' }, now()).token;
  const coach = createCoach(db, { name: 'Coach', org: 'org-a' }, now()).token;
  const get = (path: string, token?: string) => app.request(path, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  return { db, deps, now, get, operator, coach };
}

describe('admin API', () => {
  it('is for operator tokens only', async () => {
    const { get, coach } = await setup([]);
    expect((await get('/v1/admin/sources')).status).toBe(401);
    expect((await get('/v1/admin/scrape-runs', coach)).status).toBe(403);
    const res = await get('/v1/admin/sources', coach);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('lists configured sources with their last run, hiding settings such as API headers', async () => {
    const sources = fixtureSources(site.origin).filter((s) => ['rss', 'metro'].includes(s.name));
    const json = [
      ...sources.map((s) => (s.name === 'metro' ? { ...s, headers: { Authorization: 'Bearer sk_live_secret' } } : s)),
      { name: 'later', type: 'feed', enabled: false, url: `${site.origin}/feeds/jobs.atom` },
    ];
    const { get, operator, deps, now } = await setup(json);
    await runScrape(deps, { sources });
    now.advance(60_000);
    site.down.add('/api/jobs');
    await runScrape(deps, { sources, only: 'metro' });
    site.down.clear();
    const res = await get('/v1/admin/sources', operator);
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(JSON.stringify(body)).not.toContain('sk_live_secret');
    expect(body.problems).toEqual([]);
    expect(body.sources.map((s: any) => [s.name, s.type, s.enabled, s.lastRun?.status ?? null])).toEqual([
      ['rss', 'feed', true, 'ok'],
      ['metro', 'json-api', true, 'failed'],
      ['later', 'feed', false, null],
    ]);
    expect(body.sources[0].url).toBe(`${site.origin}/feeds/jobs.rss`);
    expect(body.sources[0].lastRun).toMatchObject({
      pages: { fetched: 1, notModified: 0, skipped: 0 },
      vacancies: { new: 3, updated: 0, unchanged: 0, expired: 0 },
      errorCount: 1,
      errors: [{ url: `${site.origin}/feeds/jobs.rss`, message: 'item 4: no title' }],
      fatal: null,
    });
    expect(body.sources[1].lastRun.fatal).toMatch(/HTTP 500/);
  });

  it('lists runs newest first, filtered by source and limited, with stats and errors', async () => {
    const sources = fixtureSources(site.origin);
    const { get, operator, deps, now } = await setup(sources);
    await runScrape(deps, { sources });
    now.advance(60_000);
    await runScrape(deps, { sources, only: 'council' });
    let body = (await (await get('/v1/admin/scrape-runs?limit=3', operator)).json()) as any;
    expect(body.runs.map((r: any) => r.source)).toEqual(['council', 'metro', 'council']);
    body = (await (await get('/v1/admin/scrape-runs?source=council', operator)).json()) as any;
    expect(body.runs).toHaveLength(2);
    expect(body.runs[0]).toMatchObject({
      source: 'council',
      status: 'ok',
      vacancies: { new: 0, unchanged: 2 },
      errors: [{ url: `${site.origin}/council/vacancy/3.html`, message: 'no title found by the detail.title selector' }],
    });
    expect(body.runs[0].startedAt).toMatch(/^2026-11-20T02:01:00/);
    expect(typeof body.runs[0].durationMs).toBe('number');
  });

  it('rejects bad query parameters by name', async () => {
    const { get, operator } = await setup([]);
    const res = await get('/v1/admin/scrape-runs?limit=0&colour=red', operator);
    expect(res.status).toBe(422);
    const body = (await res.json()) as any;
    expect(body.errors.map((e: any) => e.path).sort()).toEqual(['colour', 'limit']);
  });

  it('reports an invalid sources file instead of failing', async () => {
    const { get, operator } = await setup('[{"name": "x", "type": "feed"}]');
    const body = (await (await get('/v1/admin/sources', operator)).json()) as any;
    expect(body.sources).toEqual([]);
    expect(body.problems).toEqual([expect.stringMatching(/^sources\[0\] "x": url: /)]);
  });
});
