import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { openDb, type Db } from '../../src/db.ts';
import { countTurns } from '../helpers/count-turns.ts';
import type { EngineHealth, SearchDocument, SearchEngine, SearchQuery, SearchResult } from '../../src/search/engine.ts';
import { loadSearchDocuments } from '../../src/search/load-documents.ts';
import { backoffMs, drainOutbox, outboxBacklog, rebuildIndex, SERVER_DRAIN_BATCH, startOutboxDrainer } from '../../src/search/outbox.ts';
import { SqliteEngine } from '../../src/search/sqlite-engine.ts';
import type { NormalisedVacancy } from '../../src/vacancies/model.ts';
import { getVacancy } from '../../src/vacancies/queries.ts';
import { setVacancyStatus, upsertVacancies, upsertVacancy } from '../../src/vacancies/store.ts';

const NOW = Date.parse('2026-03-01T09:00:00Z');

function vacancy(ref: string, title: string, over: Partial<NormalisedVacancy> = {}): NormalisedVacancy {
  return {
    sourceRef: ref,
    url: null,
    applyUrl: null,
    title,
    titleOriginal: title,
    descriptionText: `${title}: a fictional advert for the outbox tests.`,
    descriptionHtml: null,
    employerName: 'Fictional Ltd',
    endEmployerName: null,
    location: { text: 'Leeds', lat: 53.8, lon: -1.55, postcode: null, town: 'Leeds', localAuthority: 'Leeds', region: 'Yorkshire and The Humber', resolved: true },
    extraLocations: [],
    remote: 'onsite',
    employmentType: 'full_time',
    contract: 'permanent',
    hoursPerWeek: null,
    shifts: [],
    salary: { min: null, max: null, currency: null, period: null, annualMin: null, annualMax: null, text: null },
    datePosted: NOW,
    validThrough: null,
    requestedStatus: 'live',
    occupation: null,
    sector: null,
    skills: [],
    requirements: [],
    fingerprint: null,
    ...over,
  };
}

/**
 * A real engine that can be switched off: while down every write throws (as
 * an unreachable Meilisearch would); it records what it was asked to do and
 * otherwise delegates to a working SqliteEngine.
 */
class FlakyEngine implements SearchEngine {
  readonly name = 'sqlite' as const;
  down = false;
  upserted: number[] = [];
  removed: number[] = [];
  constructor(private readonly inner: SearchEngine) {}
  async upsert(docs: SearchDocument[]): Promise<void> {
    if (this.down) throw new Error('connection refused');
    this.upserted.push(...docs.map((d) => d.id));
    await this.inner.upsert(docs);
  }
  async remove(ids: number[]): Promise<void> {
    if (this.down) throw new Error('connection refused');
    this.removed.push(...ids);
    await this.inner.remove(ids);
  }
  search(q: SearchQuery): Promise<SearchResult> {
    return this.inner.search(q);
  }
  count(): Promise<number> {
    return this.inner.count();
  }
  rebuild(batches: AsyncIterable<SearchDocument[]> | Iterable<SearchDocument[]>): Promise<void> {
    return this.inner.rebuild(batches);
  }
  async health(): Promise<EngineHealth> {
    return this.down ? { ok: false, engine: 'sqlite', detail: 'down' } : this.inner.health();
  }
}

function setup() {
  const db = openDb(':memory:');
  const engine = new FlakyEngine(new SqliteEngine(db));
  const clock = fixedClock(NOW);
  return { db, engine, clock };
}

const add = (db: Db, ref: string, title: string, over: Partial<NormalisedVacancy> = {}) =>
  upsertVacancy(db, { source: 'import:test', vacancy: vacancy(ref, title, over) }, NOW).id;
const pending = (db: Db) => outboxBacklog(db, () => NOW).pending;
const titles = async (engine: SearchEngine, q: string) => (await engine.search({ q })).hits.map((h) => h.id);

describe('outbox drainer', () => {
  it('applies pending rows, deleting them only after the engine confirms', async () => {
    const { db, engine, clock } = setup();
    const a = add(db, 'a', 'Care Assistant');
    const b = add(db, 'b', 'Forklift Driver');
    expect(pending(db)).toBe(2);
    const s = await drainOutbox(db, engine, { now: clock });
    expect(s).toMatchObject({ rows: 2, upserted: 2, removed: 0 });
    expect(pending(db)).toBe(0);
    expect(await engine.count()).toBe(2);
    expect(await titles(engine, 'forklift')).toEqual([b]);
    expect(await titles(engine, 'care')).toEqual([a]);
  });

  it('indexes a vacancy written several times once, in its latest state', async () => {
    const { db, engine, clock } = setup();
    const id = add(db, 'a', 'Care Assistant');
    add(db, 'a', 'Senior Care Assistant');
    add(db, 'a', 'Head Chef');
    expect(pending(db)).toBe(3);
    await drainOutbox(db, engine, { now: clock });
    expect(engine.upserted).toEqual([id]);
    expect(await titles(engine, 'chef')).toEqual([id]);
    expect(await titles(engine, 'care')).toEqual([]);
  });

  it('removes closed and expired vacancies from the index', async () => {
    const { db, engine, clock } = setup();
    const a = add(db, 'a', 'Care Assistant');
    const b = add(db, 'b', 'Care Worker');
    await drainOutbox(db, engine, { now: clock });
    expect((await titles(engine, 'care')).sort()).toEqual([a, b].sort());
    setVacancyStatus(db, a, 'closed', NOW);
    setVacancyStatus(db, b, 'expired', NOW);
    const s = await drainOutbox(db, engine, { now: clock });
    expect(s.removed).toBe(2);
    expect(await titles(engine, 'care')).toEqual([]);
    expect(await engine.count()).toBe(0);
    // Reopened: back in the index.
    setVacancyStatus(db, b, 'live', NOW);
    await drainOutbox(db, engine, { now: clock });
    expect(await titles(engine, 'care')).toEqual([b]);
  });

  it('loses nothing while the engine is down, backs off, then catches up', async () => {
    const { db, engine, clock } = setup();
    engine.down = true;
    const ids = upsertVacancies(
      db,
      Array.from({ length: 25 }, (_, i) => ({ source: 'import:test', vacancy: vacancy(`v${i}`, `Warehouse Operative ${i}`) })),
      NOW,
    ).map((r) => r.id);
    const failed = await drainOutbox(db, engine, { now: clock, batchSize: 10 });
    expect(failed.error).toBe('connection refused');
    expect(failed.rows).toBe(0);
    const backlog = outboxBacklog(db, () => NOW + 5000);
    expect(backlog).toEqual({ pending: 25, oldestAgeMs: 5000, failing: 10 });
    const row = db.$client.prepare('SELECT attempts, last_error, not_before FROM index_outbox ORDER BY id LIMIT 1').get();
    expect(row).toEqual({ attempts: 1, last_error: 'connection refused', not_before: NOW + backoffMs(1) });

    // Within the backoff, the failed rows wait; the engine is still down for the rest.
    const second = await drainOutbox(db, engine, { now: clock, batchSize: 10 });
    expect(second.error).toBe('connection refused');
    expect(pending(db)).toBe(25);

    engine.down = false;
    // Rows not yet due are left alone...
    const partial = await drainOutbox(db, engine, { now: clock, batchSize: 10 });
    expect(partial.rows).toBe(5);
    expect(pending(db)).toBe(20);
    // ...and picked up once their backoff has passed.
    clock.advance(backoffMs(2));
    const rest = await drainOutbox(db, engine, { now: clock, batchSize: 10 });
    expect(rest.rows).toBe(20);
    expect(pending(db)).toBe(0);
    expect(await engine.count()).toBe(25);
    expect(new Set(engine.upserted)).toEqual(new Set(ids));
  });

  it("an operator's drain (ignoreBackoff) applies rows still backing off, which the timer drainer leaves", async () => {
    const { db, engine, clock } = setup();
    engine.down = true;
    upsertVacancies(db, Array.from({ length: 12 }, (_, i) => ({ source: 'import:test', vacancy: vacancy(`b${i}`, `Porter ${i}`) })), NOW);
    expect((await drainOutbox(db, engine, { now: clock, batchSize: 100 })).error).toBe('connection refused');
    engine.down = false;
    // Within the backoff the timer's drain does nothing...
    expect((await drainOutbox(db, engine, { now: clock })).rows).toBe(0);
    expect(pending(db)).toBe(12);
    // ...`index drain` applies them at once.
    const now = await drainOutbox(db, engine, { now: clock, ignoreBackoff: true });
    expect(now.rows).toBe(12);
    expect(pending(db)).toBe(0);
    expect(await engine.count()).toBe(12);
  });

  it('backs off exponentially, capped', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(50)).toBe(5 * 60_000);
  });

  it("the server's drainer indexes a backlog in batches of SERVER_DRAIN_BATCH, the event loop turning between them", async () => {
    const { db, engine } = setup();
    upsertVacancies(db, Array.from({ length: 1000 }, (_, i) => ({ source: 'import:test', vacancy: vacancy(`b${i}`, 'Warehouse Operative') })), NOW);
    const drainer = startOutboxDrainer({ db, engine, intervalMs: 60_000, now: () => NOW });
    const { result: drained, turns } = await countTurns(() => drainer.drainNow());
    await drainer.stop();
    expect(drained).toMatchObject({ rows: 1000, upserted: 1000, batches: 1000 / SERVER_DRAIN_BATCH });
    expect(await engine.count()).toBe(1000);
    // One turn at least between each two batches: one synchronous pass over the backlog would give none.
    expect(turns).toBeGreaterThanOrEqual(1000 / SERVER_DRAIN_BATCH - 1);
  });

  it('runs on a timer and stop() waits for the batch in flight', async () => {
    const { db, engine } = setup();
    add(db, 'a', 'Care Assistant');
    const drainer = startOutboxDrainer({ db, engine, intervalMs: 5, now: () => NOW });
    for (let i = 0; i < 200 && pending(db) > 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(pending(db)).toBe(0);
    expect(await engine.count()).toBe(1);
    add(db, 'b', 'Forklift Driver');
    await drainer.stop();
    // Stopped: nothing more is drained by the timer.
    await new Promise((r) => setTimeout(r, 30));
    expect(pending(db)).toBe(1);
    // At shutdown the server drains what is left directly.
    expect((await drainOutbox(db, engine, { now: () => NOW })).rows).toBe(1);
    expect(await engine.count()).toBe(2);
  });

  it('rebuilds the index from the live vacancies in the store', async () => {
    const { db, engine, clock } = setup();
    const ids = Array.from({ length: 30 }, (_, i) => add(db, `r${i}`, `Support Worker ${i}`));
    setVacancyStatus(db, ids[0]!, 'closed', NOW);
    await drainOutbox(db, engine, { now: clock });
    // Damage the index: rebuild must restore it from the store.
    await engine.remove([ids[1]!, ids[2]!]);
    expect(await engine.count()).toBe(27);
    const progress: [number, number][] = [];
    const n = await rebuildIndex(db, engine, (done, total) => progress.push([done, total]), 10);
    expect(n).toBe(29);
    expect(progress.at(-1)).toEqual([29, 29]);
    expect(progress.length).toBe(3);
    expect(await engine.count()).toBe(29);
  });
});

describe('loadSearchDocuments', () => {
  it('builds each live vacancy\'s document from its stored row, every place with coordinates included', () => {
    const db = openDb(':memory:');
    const id = add(db, 'x', 'Care Assistant', {
      extraLocations: [
        { text: 'York', lat: 53.96, lon: -1.08, postcode: null, town: 'York', localAuthority: null, region: null, resolved: true },
        { text: 'Somewhere', lat: null, lon: null, postcode: null, town: null, localAuthority: null, region: null, resolved: false },
      ],
      sector: { code: 'Q', confidence: 0.8, evidence: ['care'] },
      occupation: { code: '6135', scheme: 'soc2020', confidence: 0.9, evidence: ['care assistant'] },
      skills: [{ id: 'fp:personal-care', label: 'Personal care', evidence: 'personal care', required: true, confidence: 0.9 }],
      salary: { min: 12, max: null, currency: 'GBP', period: 'hour', annualMin: 23400, annualMax: null, text: '£12/h' },
      datePosted: null,
    });
    const closed = add(db, 'y', 'Closed Job');
    setVacancyStatus(db, closed, 'closed', NOW);
    const { docs, live } = loadSearchDocuments(db, [id, closed, 999]);
    expect([...live]).toEqual([id]);
    const v = getVacancy(db, id)!;
    expect(docs).toEqual([
      {
        id,
        title: 'Care Assistant',
        description: 'Care Assistant: a fictional advert for the outbox tests.',
        employer: 'Fictional Ltd',
        places: [{ lat: 53.8, lon: -1.55 }, { lat: 53.96, lon: -1.08 }],
        town: 'Leeds',
        region: 'Yorkshire and The Humber',
        localAuthority: 'Leeds',
        sector: 'Q',
        occupationCode: '6135',
        contract: 'permanent',
        employmentType: 'full_time',
        remote: 'onsite',
        salaryAnnualMin: 23400,
        salaryAnnualMax: null,
        // No posting date: the first time it was seen stands in.
        datePosted: v.firstSeen,
        skills: ['fp:personal-care'],
        clusterId: id,
        isDemo: false,
      },
    ]);
  });
});
