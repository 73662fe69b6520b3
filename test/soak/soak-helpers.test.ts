import { describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/db.ts';
import { createRandom } from '../../src/random.ts';
import { drainOutbox } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { setVacancyStatus, upsertVacancies, upsertVacancy } from '../../src/vacancies/store.ts';
import { generateVacancy } from '../../scripts/bench/lib/generate.ts';
import { parseImportSummary } from '../../scripts/soak/lib/cli.ts';
import { compareIndexWithStore, indexMismatchCount } from '../../scripts/soak/lib/index-check.ts';
import { runLoad } from '../../scripts/soak/lib/load.ts';
import { percentile, summariseLatencies } from '../../scripts/soak/lib/stats.ts';

const NOW = Date.parse('2026-03-01T09:00:00Z');

describe('soak percentiles', () => {
  it('are nearest-rank: always a sample, the smallest with p% at or below it', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
    // Ten samples: p99 is the largest, p50 the fifth.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });

  it('summarise unsorted latencies without changing them', () => {
    const xs = [30, 10, 20, 1000];
    const s = summariseLatencies(xs);
    expect(s).toEqual({ count: 4, p50: 20, p95: 1000, p99: 1000, max: 1000 });
    expect(xs).toEqual([30, 10, 20, 1000]);
  });
});

describe('the bounded load loop', () => {
  it('stops at the request budget and counts errors and 5xx', async () => {
    const r = await runLoad({
      clients: 3,
      durationMs: 60_000,
      maxRequests: 25,
      request: async (_c, i) => (i % 5 === 0 ? { ok: false, status: 503 } : i % 7 === 0 ? Promise.reject(new Error('reset')) : { ok: true, status: 200 }),
    });
    expect(r.requests).toBe(25);
    // i = 0,5,10,15,20 are 503; i = 7,14,21 throw (status 0).
    expect(r.serverErrors).toBe(5);
    expect(r.errors).toBe(8);
    expect(r.statuses).toEqual({ 200: 17, 503: 5, 0: 3 });
  });

  it('stops by itself when the duration is up', async () => {
    const started = Date.now();
    const r = await runLoad({
      clients: 2,
      durationMs: 150,
      request: () => new Promise((resolve) => setTimeout(() => resolve({ ok: true, status: 200 }), 10)),
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.requests).toBeGreaterThan(2);
    expect(r.errors).toBe(0);
  });
});

describe('parseImportSummary', () => {
  it('reads the line `import vacancies` ends with', () => {
    const out = 'read 12 | created 9 | updated 1 | unchanged 2 | duplicate 3 | rejected 0\nqueued for the search index';
    expect(parseImportSummary(out)).toEqual({ read: 12, created: 9, updated: 1, unchanged: 2, duplicate: 3, rejected: 0 });
    expect(parseImportSummary('error: database is locked')).toBeNull();
  });
});

describe('compareIndexWithStore', () => {
  async function indexedStore(n: number) {
    const db = openDb(':memory:');
    const engine = new SqliteEngine(db);
    const rng = createRandom(5);
    upsertVacancies(db, Array.from({ length: n }, (_, i) => ({ source: 'import:test', vacancy: generateVacancy(rng, i, NOW) })), NOW);
    await drainOutbox(db, engine, { now: () => NOW });
    return { db, engine, rng };
  }

  it('finds nothing to report once the outbox is drained', async () => {
    const { db } = await indexedStore(30);
    const r = compareIndexWithStore(db, { textSample: 30 });
    expect(r.storeLive).toBe(30);
    expect(r.indexed).toBe(30);
    expect(r.textSampled).toBe(30);
    expect(indexMismatchCount(r)).toBe(0);
    closeDb(db);
  });

  it('names vacancies changed, closed or added in the store but not yet in the index', async () => {
    const { db, rng } = await indexedStore(20);
    const ids = db.$client.prepare('SELECT id FROM vacancies ORDER BY id').pluck().all() as number[];
    // Changed behind the index's back (no outbox row): a search_docs column, and the title (only in the FTS text).
    db.$client.prepare("UPDATE vacancies SET sector = 'U' WHERE id = ?").run(ids[3]);
    db.$client.prepare("UPDATE vacancies SET title = 'Completely Different Zookeeper' WHERE id = ?").run(ids[5]);
    setVacancyStatus(db, ids[7]!, 'closed', NOW);
    upsertVacancy(db, { source: 'import:test', vacancy: { ...generateVacancy(rng, 500, NOW), sourceRef: 'new-one' } }, NOW);
    const added = db.$client.prepare("SELECT id FROM vacancies WHERE source_ref = 'new-one'").pluck().get() as number;

    const r = compareIndexWithStore(db, { textSample: 1000 });
    expect(r.missing).toEqual([added]);
    expect(r.extra).toEqual([ids[7]]);
    expect(r.differing).toEqual([ids[3]]);
    expect(r.textMismatch).toEqual([ids[5]]);
    expect(r.ftsMismatchCount).toBe(0);
    expect(indexMismatchCount(r)).toBe(4);
    closeDb(db);
  });

  it('counts FTS rows without a document row', async () => {
    const { db } = await indexedStore(5);
    const id = db.$client.prepare('SELECT min(id) FROM search_docs').pluck().get() as number;
    db.$client.prepare('DELETE FROM search_docs WHERE id = ?').run(id);
    const r = compareIndexWithStore(db);
    expect(r.missing).toEqual([id]);
    expect(r.ftsMismatchCount).toBe(1);
    closeDb(db);
  });
});
