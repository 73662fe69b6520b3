import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createCoach } from '../../src/auth/coaches.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Db } from '../../src/db.ts';
import { silentLogger } from '../../src/logger.ts';
import type { SearchEngine } from '../../src/search/engine.ts';
import { MeilisearchEngine } from '../../src/search/meilisearch/engine.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { SqliteSearchPool } from '../../src/search/sqlite-search-pool.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import { CONTRACT_NOW } from './engine-contract.ts';
import { COSTLY_QUERY, fillIndex, openTempDb } from './temp-search-db.ts';

/**
 * Issue 11 (4, 9) through the HTTP API: a query too costly to run is a 422 on
 * `q`; a search the engine cannot answer (over its time budget, Meilisearch
 * down) is a 503 problem+json with Retry-After, never a plain 500; and the
 * server keeps answering while a search runs.
 */

function appFor(db: Db, search: SearchEngine) {
  const app = createApp({
    db,
    search,
    taxonomy: () => createTaxonomy({ versionId: 0, occupations: [], skills: [], relations: [], groups: [], sectors: [] }),
    enricher: () => null,
    geocoder: null,
    now: fixedClock(CONTRACT_NOW),
    logger: silentLogger,
    config: { RATE_LIMIT_PER_MINUTE: 10_000, BODY_LIMIT_BYTES: 1_000_000 },
  });
  const { token } = createCoach(db, { name: 'Test Coach', org: 'Fictional Works' }, CONTRACT_NOW);
  return async (path: string) => app.request(path, { headers: { Authorization: `Bearer ${token}` } });
}

const costlyPath = `/v1/search?q=${encodeURIComponent(COSTLY_QUERY.q)}`;

async function expectProblem(res: Response, status: number): Promise<{ detail?: string; errors?: { path: string; message: string }[] }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as { status: number; detail?: string; errors?: { path: string; message: string }[] };
  expect(body.status).toBe(status);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return body;
}

describe('GET /v1/search on the pooled embedded engine', () => {
  let temp: ReturnType<typeof openTempDb>;
  let engine: SqliteEngine;
  let tight: SqliteEngine;
  let get: ReturnType<typeof appFor>;
  let getTight: ReturnType<typeof appFor>;

  beforeAll(async () => {
    temp = openTempDb();
    engine = new SqliteEngine(temp.db, {
      searchPool: new SqliteSearchPool({ dbPath: temp.path, size: 1, budgetMs: 20_000, text: 'stored' }),
    });
    // A second engine on the same file whose searches may run 1 ms only.
    tight = new SqliteEngine(temp.db, {
      searchPool: new SqliteSearchPool({ dbPath: temp.path, size: 1, budgetMs: 1, text: 'stored' }),
    });
    await fillIndex(engine, 3000);
    get = appFor(temp.db, engine);
    getTight = appFor(temp.db, tight);
  });

  afterAll(async () => {
    await engine.close();
    await tight.close();
    temp.cleanup();
  });

  it('refuses `a* ` ×32 with a 422 naming q', async () => {
    const body = await expectProblem(await get(`/v1/search?q=${encodeURIComponent('a* '.repeat(32))}`), 422);
    expect(body.errors).toEqual([{ path: 'q', message: expect.stringMatching(/at least 3 letters before the \*/) }]);
  });

  it('answers 503 with Retry-After when a search overruns its budget', async () => {
    const res = await getTight(costlyPath);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await expectProblem(res, 503);
    expect(body.detail).toMatch(/budget/);
  });

  it('answers /healthz while a search runs', async () => {
    const order: string[] = [];
    const searching = get(costlyPath).then((res) => {
      order.push('search');
      return res;
    });
    const health = await get('/healthz');
    order.push('healthz');
    expect(health.status).toBe(200);
    expect((await searching).status).toBe(200);
    expect(order).toEqual(['healthz', 'search']);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('GET /v1/search with Meilisearch down', () => {
  it('answers 503 problem+json with Retry-After', async () => {
    const temp = openTempDb();
    try {
      const engine = new MeilisearchEngine({
        host: `http://127.0.0.1:${await closedPort()}`,
        indexPrefix: 'test_',
        now: fixedClock(CONTRACT_NOW),
        requestTimeoutMs: 2000,
        retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
      });
      const res = await appFor(temp.db, engine)('/v1/search?q=chef');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = await expectProblem(res, 503);
      expect(body.detail).toMatch(/Meilisearch did not answer/);
    } finally {
      temp.cleanup();
    }
  });
});
