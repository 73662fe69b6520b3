import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../helpers/test-app.ts';
import { fixedClock } from '../../../src/clock.ts';
import { openDb } from '../../../src/db.ts';
import { createMeilisearchEngine } from '../../../src/search/meilisearch/create.ts';
import { drainOutbox, outboxBacklog } from '../../../src/search/outbox.ts';
import { normaliseVacancy } from '../../../src/vacancies/normalise.ts';
import { upsertVacancy } from '../../../src/vacancies/store.ts';

/**
 * The outbox with Meilisearch down (a loopback port nothing listens on): the
 * drain fails, every row stays with its error and a backoff, and the backlog
 * is what /readyz reports. Catching up needs a real Meilisearch: the
 * contract suite (MEILI_HOST) covers the engine side of that.
 */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('outbox drain to Meilisearch while it is down', () => {
  it('keeps every row, records the error, and /readyz reports degraded with the backlog', async () => {
    const clock = fixedClock('2026-03-01T09:00:00Z');
    const db = openDb(':memory:');
    for (const title of ['Care Assistant', 'Forklift Driver', 'Chef']) {
      upsertVacancy(db, { source: 'employer:1', vacancy: normaliseVacancy({ now: clock() }, { reference: title, title, description: `${title} wanted.` }) }, clock());
    }
    const engine = createMeilisearchEngine(
      { MEILI_HOST: `http://127.0.0.1:${await closedPort()}`, MEILI_API_KEY: 'k', MEILI_INDEX_PREFIX: 'test_' },
      { now: clock },
    );
    const before = outboxBacklog(db, clock);
    expect(before.pending).toBe(3);

    const summary = await drainOutbox(db, engine, { now: clock });
    expect(summary.rows).toBe(0);
    expect(summary.error).toBeTruthy();

    clock.advance(60_000);
    const after = outboxBacklog(db, clock);
    expect(after).toEqual({ pending: 3, failing: 3, oldestAgeMs: 60_000 });
    const rows = db.$client.prepare('SELECT attempts, last_error FROM index_outbox').all() as { attempts: number; last_error: string }[];
    expect(rows.every((r) => r.attempts === 1 && r.last_error.length > 0)).toBe(true);
    expect((await engine.health()).ok).toBe(false);

    // What an operator sees: /readyz degraded, with the backlog.
    const { app } = createTestApp({
      db,
      search: engine,
      taxonomy: () => {
        throw new Error('/readyz does not use the taxonomy');
      },
      now: clock,
      config: { RATE_LIMIT_PER_MINUTE: 600 },
    });
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; search: { ok: boolean; engine: string }; outbox: { backlog: number; oldestAgeSeconds: number } };
    expect(body.status).toBe('degraded');
    expect(body.search).toMatchObject({ ok: false, engine: 'meilisearch' });
    expect(body.outbox).toEqual({ backlog: 3, oldestAgeSeconds: 60 });
  });

  it('refuses to start without MEILI_HOST', () => {
    expect(() => createMeilisearchEngine({ MEILI_HOST: undefined, MEILI_API_KEY: undefined, MEILI_INDEX_PREFIX: 'x_' })).toThrow(/MEILI_HOST/);
  });
});
