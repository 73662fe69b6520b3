import { describe, expect, it } from 'vitest';
import { createCoach } from '../../src/auth/coaches.ts';
import { fixedClock } from '../../src/clock.ts';
import { openDb } from '../../src/db.ts';
import { ProblemError } from '../../src/errors.ts';
import { createWorkLimiter } from '../../src/http/work-limiter.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { buildFixtureTaxonomy } from '../matching/fixture-taxonomy.ts';

const NOW = Date.parse('2026-03-01T09:00:00Z');

/** A piece of work that finishes when told to. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('work limiter', () => {
  it('runs at most `concurrency` at once, queues up to maxQueued, refuses the rest with 503 and Retry-After', async () => {
    const limiter = createWorkLimiter({ concurrency: 2, maxQueued: 1, what: 'matching' });
    const gates = [gate(), gate(), gate()];
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const work = (k: number) => async () => {
      running++;
      most = Math.max(most, running);
      await gates[k]!.opened;
      running--;
      done.push(k);
      return k;
    };
    const admitted = [0, 1, 2].map((k) => limiter.run(work(k)));
    const refused = await limiter.run(async () => 99).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).status).toBe(503);
    expect((refused as ProblemError).headers['Retry-After']).toBe('2');
    expect((refused as ProblemError).detail).toContain('matching is busy');
    await Promise.resolve();
    expect(limiter.running).toBe(2);
    expect(limiter.waiting).toBe(1);
    gates[1]!.open();
    gates[0]!.open();
    gates[2]!.open();
    expect(await Promise.all(admitted)).toEqual([0, 1, 2]);
    expect(most).toBe(2);
    expect(done).toHaveLength(3);
    // Room again once the work is done.
    expect(await limiter.run(async () => 'again')).toBe('again');
  });

  it('refuses a matches request with problem+json while matching is saturated, and serves it after', async () => {
    const db = openDb(':memory:');
    const taxonomy = buildFixtureTaxonomy();
    const matchLimiter = createWorkLimiter({ concurrency: 1, maxQueued: 0, what: 'matching' });
    const { app } = createTestApp({ db, search: new SqliteEngine(db), taxonomy: () => taxonomy, now: fixedClock(NOW), matchLimiter });
    const { token } = createCoach(db, { name: 'Ann', org: 'north-works' }, NOW);
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const created = await app.request('/v1/participants', { method: 'POST', headers: auth, body: JSON.stringify({ reference: 'P-1', history: [{ title: 'Warehouse operative', years: 3 }] }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };

    const busy = gate();
    const holding = matchLimiter.run(() => busy.opened);
    const refused = await app.request(`/v1/participants/${id}/matches`, { headers: auth });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(((await refused.json()) as { detail: string }).detail).toContain('matching is busy');
    // The participant itself (no matches) is not held up.
    expect((await app.request(`/v1/participants/${id}`, { headers: auth })).status).toBe(200);

    busy.open();
    await holding;
    const served = await app.request(`/v1/participants/${id}/matches`, { headers: auth });
    expect(served.status).toBe(200);
  });
});
