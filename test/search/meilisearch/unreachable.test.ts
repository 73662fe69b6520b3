import { createServer } from 'node:net';
import { MeilisearchRequestError } from 'meilisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { ProblemError } from '../../../src/errors.ts';
import { MeilisearchEngine } from '../../../src/search/meilisearch/engine.ts';
import { searchDocument } from '../engine-contract.ts';

/**
 * Meilisearch down: the engine points at a loopback port nothing listens on
 * (opened then closed), so every call fails with a real connection refusal.
 * No fake server: only the "down" behaviour is testable here.
 */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const doc = searchDocument(1, { title: 'Chef', description: 'Cooking', datePosted: 0 });

describe('MeilisearchEngine with Meilisearch down', () => {
  let engine: MeilisearchEngine;
  const retries: number[] = [];

  beforeAll(async () => {
    const port = await closedPort();
    engine = new MeilisearchEngine({
      host: `http://127.0.0.1:${port}`,
      apiKey: 'write-key',
      searchKey: 'search-key',
      indexPrefix: 'test_',
      now: fixedClock('2026-01-01T00:00:00Z'),
      requestTimeoutMs: 2000,
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 10, onRetry: (_e, attempt) => void retries.push(attempt) },
    });
  });

  it('names the live index from the prefix', () => {
    expect(engine.liveIndexUid).toBe('test_vacancies');
    expect(engine.name).toBe('meilisearch');
  });

  it('reports unhealthy with the reason', async () => {
    const health = await engine.health();
    expect(health.ok).toBe(false);
    expect(health.engine).toBe('meilisearch');
    expect(health.detail).toMatch(/^unreachable at http:\/\/127\.0\.0\.1:\d+: /);
  });

  it('throws on writes after retrying, so the outbox keeps its rows', async () => {
    retries.length = 0;
    await expect(engine.upsert([doc])).rejects.toBeInstanceOf(MeilisearchRequestError);
    expect(retries).toEqual([1, 2]);
    await expect(engine.remove([1])).rejects.toBeInstanceOf(MeilisearchRequestError);
    await expect(engine.rebuild([[doc]])).rejects.toBeInstanceOf(MeilisearchRequestError);
  });

  it('answers searches with a 503 and Retry-After instead of an empty result or a 500', async () => {
    const error = await engine.search({ q: 'chef' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(503);
    expect((error as ProblemError).headers['Retry-After']).toMatch(/^\d+$/);
    expect((error as ProblemError).detail).toMatch(/^Meilisearch did not answer the search: /);
  });

  it('throws on counts instead of answering zero', async () => {
    await expect(engine.count()).rejects.toBeInstanceOf(MeilisearchRequestError);
  });

  it('refuses a query too costly to run with a 422 on q before calling Meilisearch', async () => {
    const error = await engine.search({ q: 'a* '.repeat(32) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as ProblemError).status).toBe(422);
    expect((error as ProblemError).errors.map((e) => e.path)).toEqual(['q']);
  });

  it('answers an empty ids filter without calling Meilisearch', async () => {
    expect(await engine.search({ filters: { ids: [] }, facets: ['sector'] })).toEqual({ total: 0, hits: [], facets: { sector: {} } });
  });

  it('does nothing for empty writes', async () => {
    await expect(engine.upsert([])).resolves.toBeUndefined();
    await expect(engine.remove([])).resolves.toBeUndefined();
  });
});
