import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { DAY_MS, fixedClock } from '../../src/clock.ts';
import { silentLogger } from '../../src/logger.ts';
import { dayOf, findArea, readDemandSeries, readDemandState, rebuildDemandHistory, windowTotals } from '../../src/pivots/demand-history.ts';
import { liveVacanciesEverywhere, liveVacanciesNear, regionAt } from '../../src/pivots/local-demand.ts';
import { expireClosed, expireUnseen } from '../../src/scrape/expiry.ts';
import { drainOutbox, rebuildIndex } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import { prepareDedupeIndex } from '../../src/vacancies/dedupe/cluster.ts';
import { listClusterSources } from '../../src/vacancies/queries.ts';
import { enqueueIndex } from '../../src/vacancies/store.ts';
import { fillVacancies } from '../../scripts/bench/lib/fill-store.ts';
import { expectNoFullScans, openTracedDb, planMatching, type TracedDb } from '../helpers/query-plans.ts';

/*
 * Every query on a hot path, planned without a full scan of a table, and the
 * key ones pinned to the index they are meant to use. Each case runs the real
 * code path (mostly through the app) and checks the plan of every statement
 * it ran, so a changed query is caught here, not at 250k rows in production.
 */

const NOW = Date.parse('2026-03-01T09:00:00Z');
let t: TracedDb;
let request: (method: string, path: string, token: string, body?: unknown) => Response | Promise<Response>;
let coachToken: string;
let employerKey: string;
let participantId: number;

const advert = (reference: string, title = 'Care Assistant') => ({
  reference,
  title,
  description: `${title}: supporting residents with daily living in a fictional care home.`,
  location: 'Leeds',
  lat: 53.8,
  lon: -1.55,
  salary: '£12.00 per hour',
});

beforeAll(async () => {
  t = openTracedDb();
  const db = t.db;
  fillVacancies(db, 2000, { now: NOW, employers: 3 });
  const engine = new SqliteEngine(db);
  await rebuildIndex(db, engine, undefined, 1000, () => NOW);
  rebuildDemandHistory(db, { to: NOW });
  // What a server does at start-up (one read of the dedupe signatures), not per request.
  prepareDedupeIndex(db);
  const taxonomy = createTaxonomy({ versionId: 0, occupations: [], skills: [], relations: [], groups: [], sectors: [] });
  const app = createApp({
    db,
    search: engine,
    taxonomy: () => taxonomy,
    enricher: () => null,
    geocoder: null,
    now: fixedClock(NOW),
    logger: silentLogger,
    config: { RATE_LIMIT_PER_MINUTE: 100_000, BODY_LIMIT_BYTES: 1_000_000 },
  });
  coachToken = createCoach(db, { name: 'Ann', org: 'north' }, NOW).token;
  employerKey = createApiKey(db, { employerName: 'Fictional Employer 1' }, NOW).key;
  request = (method, path, token, body) =>
    app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const res = await request('POST', '/v1/participants', coachToken, {
    name: 'Jordan Example',
    location: '53.80,-1.55',
    maxTravelKm: 20,
    history: [{ title: 'Warehouse worker', years: 3 }],
  });
  expect(res.status).toBe(201);
  participantId = ((await res.json()) as { id: number }).id;
}, 60_000);

async function ok(res: Response | Promise<Response>, status = 200): Promise<void> {
  const r = await res;
  expect(r.status, await r.clone().text()).toBe(status);
}

describe('query plans on the hot paths', () => {
  it('coach search: auth by token prefix, hits hydrated by primary key, cluster sources in one indexed statement', async () => {
    const statements = await t.capture(() => ok(request('GET', '/v1/search?q=vacancy&near=53.8,-1.55&radiusKm=15', coachToken)));
    const plans = expectNoFullScans(t.db, statements);
    expect(planMatching(plans, /from "coaches"/)).toContainEqual(expect.stringContaining('USING INDEX coaches_token_prefix_idx'));
    expect(planMatching(plans, /^select "id", "source", "source_ref".* from "vacancies"/)).toEqual([
      'SEARCH vacancies USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
    const sources = planMatching(plans, /coalesce\(cluster_id, id\) AS cluster/);
    expect(sources).toContain('SEARCH vacancies USING INDEX vacancies_cluster_idx (cluster_id=?)');
    expect(sources).toContain('SEARCH vacancies USING INTEGER PRIMARY KEY (rowid=?)');
    expect(sources.join('\n')).not.toContain('vacancies_status_idx');
  });

  it('cluster sources for a whole page are one statement, however many clusters', async () => {
    const statements = await t.capture(() => listClusterSources(t.db, Array.from({ length: 20 }, (_, i) => 1 + i * 50)));
    expect(statements).toHaveLength(1);
    expectNoFullScans(t.db, statements);
  });

  it("a participant's matches, browsing and with a text query", async () => {
    const browse = await t.capture(() => ok(request('GET', `/v1/participants/${participantId}/matches`, coachToken)));
    const query = await t.capture(() => ok(request('GET', `/v1/participants/${participantId}/matches?q=vacancy`, coachToken)));
    // "Newest nearby" walks the docs' date index newest first and stops at its
    // LIMIT, over at most DATE_SCAN_ROWS entries (sqlite-search.ts); every
    // other statement must find its rows by key.
    const plans = expectNoFullScans(t.db, [...browse, ...query], [], ['search_docs_by_date']);
    expect(plans.some((p) => p.plan.some((l) => l.includes('search_docs_by_date')))).toBe(true);
    expect(plans.some((p) => p.plan.includes('SEARCH participants USING INTEGER PRIMARY KEY (rowid=?)'))).toBe(true);
    // The candidates' ranking keys come from the covering index, not the wide rows (rankable-cache.ts).
    expect(planMatching(plans, /SELECT id, content_hash, status, first_seen FROM vacancies/)).toContainEqual(
      expect.stringContaining('USING COVERING INDEX vacancies_rank_key_idx'),
    );
  });

  it("a participant's pivots and the sector trends read the demand tables by key", async () => {
    const statements = [
      ...(await t.capture(() => ok(request('GET', `/v1/participants/${participantId}/pivots`, coachToken)))),
      ...(await t.capture(() => ok(request('GET', '/v1/sectors/trends?area=Yorkshire and The Humber', coachToken)))),
    ];
    // The imported ONS series are a small table (a few thousand rows at most), read whole by design.
    expectNoFullScans(t.db, statements, ['official_vacancies']);
  });

  it('the caseload list reads one page of the organisation in order', async () => {
    const statements = await t.capture(() => ok(request('GET', '/v1/participants', coachToken)));
    const plans = expectNoFullScans(t.db, statements);
    const page = planMatching(plans, /from "participants" where .* order by/);
    expect(page).toEqual(['SEARCH participants USING INDEX participants_org_updated_idx (org=?)']);
  });

  it('employer upserts find by (source, reference); the employer list is read in index order', async () => {
    const statements = [
      ...(await t.capture(() => ok(request('POST', '/v1/vacancies/batch', employerKey, { items: [advert('P-1'), advert('P-2')] })))),
      // Again unchanged, then changed: the shortcut and the update path.
      ...(await t.capture(() => ok(request('POST', '/v1/vacancies/batch', employerKey, { items: [advert('P-1'), advert('P-2', 'Senior Carer')] })))),
      ...(await t.capture(() => ok(request('POST', '/v1/vacancies', employerKey, advert('P-3')), 201))),
    ];
    const plans = expectNoFullScans(t.db, statements);
    expect(plans.find((p) => /api_keys/.test(p.sql) && /^select/i.test(p.sql))?.plan).toContainEqual(
      expect.stringContaining('USING INDEX api_keys_prefix_idx'),
    );
    const lookups = plans.filter((p) => /FROM vacancies (v )?.*WHERE v?\.?source = .* AND v?\.?source_ref = /.test(p.sql));
    expect(lookups.length).toBeGreaterThanOrEqual(2);
    for (const l of lookups) expect(l.plan.join('\n')).toMatch(/USING (COVERING )?INDEX vacancies_source_ref_uq \(source=\? AND source_ref=\?\)/);
    // Dedupe's exact-duplicate lookup.
    expect(planMatching(plans, /WHERE content_hash = .* AND id <> /)).toEqual([
      'SEARCH vacancies USING COVERING INDEX vacancies_hash_idx (content_hash=?)',
    ]);

    const list = [
      ...(await t.capture(() => ok(request('GET', '/v1/vacancies', employerKey)))),
      ...(await t.capture(() => ok(request('GET', '/v1/vacancies?status=live', employerKey)))),
    ];
    const listPlans = expectNoFullScans(t.db, list);
    const pages = listPlans.filter((p) => /from "vacancies"/.test(p.sql));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const p of pages) {
      expect(p.plan.join('\n')).toContain('vacancies_employer_list_idx (employer_id=? AND source=?)');
      // In index order: no sort of every one of the employer's vacancies per page.
      expect(p.plan.join('\n')).not.toContain('TEMP B-TREE');
    }
  });

  it('the outbox drain reads the oldest rows in id order and their vacancies by primary key', async () => {
    const engine = new SqliteEngine(t.db);
    enqueueIndex(t.db, [5, 6, 7], NOW);
    const statements = await t.capture(() => drainOutbox(t.db, engine, { now: () => NOW }));
    // The outbox is scanned on purpose, in rowid order with a LIMIT: it stops at the batch size.
    const plans = expectNoFullScans(t.db, statements, ['index_outbox']);
    expect(planMatching(plans, /FROM index_outbox NOT INDEXED/)).toEqual(['SCAN index_outbox']);
    expect(planMatching(plans, /^SELECT id, status, title/)).toContainEqual('SEARCH vacancies USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('local demand, the region, and the demand history reads use their keys', async () => {
    const today = dayOf(NOW);
    const statements = await t.capture(() => {
      liveVacanciesNear(t.db, { lat: 53.8, lon: -1.55 }, 30, ['soc2020:6135']);
      liveVacanciesEverywhere(t.db, ['soc2020:6135', 'soc2020:8211']);
      regionAt(t.db, { lat: 53.8, lon: -1.55 });
      readDemandState(t.db);
      readDemandSeries(t.db, { area: { type: 'region', name: 'Yorkshire and The Humber' }, dim: 'sector', fromDay: today - 90, toDay: today });
      windowTotals(t.db, { area: { type: 'all', name: '' }, dim: 'occupation', fromDay: today - 91, toDay: today, keys: ['soc2020:6135'] });
      findArea(t.db, 'Leeds');
    });
    const plans = expectNoFullScans(t.db, statements);
    // Both local-demand reads seek the covering (occupation, cell) index: near a point by the box of cells, everywhere by its prefix.
    const near = planMatching(plans, /FROM demand_cells WHERE occupation IN .* AND cell_lat BETWEEN/);
    expect(near.join('\n')).toMatch(/SEARCH demand_cells USING COVERING INDEX demand_cells_occupation_cell_idx \(occupation=\? AND cell_lat>\? AND cell_lat<\?\)/);
    const everywhere = planMatching(plans, /FROM demand_cells WHERE occupation IN \(SELECT value FROM json_each\(.*\)\) GROUP BY/);
    expect(everywhere).toContainEqual('SEARCH demand_cells USING COVERING INDEX demand_cells_occupation_cell_idx (occupation=?)');
    // The region: a range of cells per row, read from the covering (cell, region) index, never the table.
    expect(plans.filter((p) => /FROM demand_cells WHERE cell_lat = /.test(p.sql)).flatMap((p) => p.plan)).toContainEqual(
      expect.stringMatching(/^SEARCH demand_cells USING COVERING INDEX demand_cells_cell_region_idx \(cell_lat=\? AND cell_lon>\? AND cell_lon<\?\)/),
    );
  });

  it("scrape expiry finds a source's live vacancies through (source, source_ref), not the status index", async () => {
    const statements = await t.capture(() => {
      expireUnseen(t.db, 'scrape:source-3', new Set(), 3, NOW);
      expireClosed(t.db, 'scrape:source-3', NOW + 400 * DAY_MS);
    });
    const plans = expectNoFullScans(t.db, statements);
    for (const p of plans.filter((x) => /^SELECT id.* FROM vacancies WHERE source = /.test(x.sql))) {
      expect(p.plan).toEqual(['SEARCH vacancies USING INDEX vacancies_source_ref_uq (source=?)']);
    }
  });
});
