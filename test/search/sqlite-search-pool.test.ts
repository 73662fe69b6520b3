import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/errors.ts';
import type { FacetField } from '../../src/search/engine.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { SqliteSearchPool } from '../../src/search/sqlite-search-pool.ts';
import { describeEngineContract } from './engine-contract.ts';
import { COSTLY_QUERY, fillIndex, openTempDb } from './temp-search-db.ts';

describeEngineContract('sqlite (searches on worker threads)', async () => {
  const temp = openTempDb();
  const searchPool = new SqliteSearchPool({ dbPath: temp.path, size: 2, budgetMs: 20_000, text: 'stored' });
  const engine = new SqliteEngine(temp.db, { searchPool });
  return {
    engine,
    cleanup: async () => {
      await engine.close();
      temp.cleanup();
    },
  };
});

const costly = { ...COSTLY_QUERY, facets: [...COSTLY_QUERY.facets] as FacetField[] };

async function rejection(p: Promise<unknown>): Promise<ProblemError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('search worker pool', () => {
  let temp: ReturnType<typeof openTempDb>;
  let pool: SqliteSearchPool;
  let engine: SqliteEngine;
  let expectedTotal: number;

  beforeAll(async () => {
    temp = openTempDb();
    pool = new SqliteSearchPool({ dbPath: temp.path, size: 1, budgetMs: 20_000, text: 'stored' });
    engine = new SqliteEngine(temp.db, { searchPool: pool });
    await fillIndex(engine, 3000);
    // The same search in-process, on the writer's connection: what the workers must answer.
    expectedTotal = (await new SqliteEngine(temp.db).search(costly)).total;
    expect(expectedTotal).toBeGreaterThan(1000);
  });

  afterAll(async () => {
    await engine.close();
    temp.cleanup();
  });

  it('answers from a worker what the in-process engine answers', async () => {
    const r = await engine.search(costly);
    expect(r.total).toBe(expectedTotal);
    expect(r.hits).toHaveLength(20);
    expect(r.hits[0]!.highlights.description).toContain('<mark>');
  });

  it('keeps the main thread and the writer free while a search runs', async () => {
    const order: string[] = [];
    const searching = engine.search(costly).then((r) => {
      order.push('search');
      return r;
    });
    // Main-thread work started after the search: done before the worker answers.
    // In-process, the search would have run to its end before this line.
    const health = await engine.health();
    order.push('health');
    await engine.upsert([]);
    await engine.remove([999_999]);
    order.push('write');
    expect(health.ok).toBe(true);
    expect((await searching).total).toBe(expectedTotal);
    expect(order).toEqual(['health', 'write', 'search']);
  });

  it('stops a search over its budget with a 503 and Retry-After, replaces the worker and answers the next query', async () => {
    const replacedBefore = pool.replaced;
    const error = await rejection(pool.search(costly, { budgetMs: 1 }));
    expect(error.status).toBe(503);
    expect(error.headers['Retry-After']).toMatch(/^\d+$/);
    expect(error.detail).toMatch(/longer than its 1 ms budget/);
    expect(pool.replaced).toBe(replacedBefore + 1);
    // The replacement answers the same query in full once it has time.
    expect((await pool.search(costly)).total).toBe(expectedTotal);
    expect(pool.health()).toMatchObject({ ok: true });
  });

  it('refuses a query too costly to run with a 422 before it takes a worker', async () => {
    const error = await rejection(engine.search({ q: 'a* '.repeat(32) }));
    expect(error.status).toBe(422);
    expect(error.errors[0]!.path).toBe('q');
  });

  it('refuses at once with a 503 when the queue is full', async () => {
    const small = new SqliteSearchPool({ dbPath: temp.path, size: 1, budgetMs: 20_000, text: 'stored', maxQueued: 1 });
    try {
      const first = small.search(costly);
      const error = await rejection(small.search(costly));
      expect(error.status).toBe(503);
      expect(error.detail).toMatch(/busy/);
      expect((await first).total).toBe(expectedTotal);
    } finally {
      await small.close();
    }
  });
});

describe('search worker pool that cannot start', () => {
  it('answers 503 with Retry-After and reports unhealthy when its workers cannot open the database', async () => {
    const pool = new SqliteSearchPool({ dbPath: '/nonexistent/flightpath/search.db', size: 1, budgetMs: 20_000, text: 'stored' });
    try {
      const error = await rejection(pool.search({ q: 'care' }));
      expect(error.status).toBe(503);
      expect(error.headers['Retry-After']).toMatch(/^\d+$/);
      expect(error.detail).toMatch(/cannot start/);
      expect(pool.health().ok).toBe(false);
      // And straight away for the next query, while the restart waits.
      expect((await rejection(pool.search({ q: 'care' }))).status).toBe(503);
    } finally {
      await pool.close();
    }
  });
});
