import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/db.ts';
import { RankableCache } from '../../src/vacancies/rankable-cache.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { getRankableVacanciesByIds, getVacanciesByIds, rankableCacheOf } from '../../src/vacancies/queries.ts';
import { setVacancyStatus, upsertVacancy } from '../../src/vacancies/store.ts';
import type { RankableVacancy, Vacancy } from '../../src/vacancies/model.ts';
import { bundledStore } from '../helpers/bundled-store.ts';

const now = Date.parse('2026-03-01T09:00:00Z');

const RANKABLE_FIELDS = [
  'id', 'status', 'title', 'datePosted', 'firstSeen', 'remote', 'employmentType', 'hoursPerWeek', 'shifts', 'salary', 'occupation', 'requirements', 'skills',
] as const satisfies readonly (keyof RankableVacancy)[];

const pick = (v: Vacancy) => Object.fromEntries(RANKABLE_FIELDS.map((k) => [k, v[k]]));

describe('getRankableVacanciesByIds', () => {
  it('reads exactly the ranking fields getVacanciesByIds reads, in the order asked, skipping missing ids', () => {
    const { db, enricher, geocoder } = bundledStore(now);
    const deps = { now, enricher, geocoder };
    const raws = [
      {
        reference: 'r1', title: 'Forklift Driver', location: 'Leeds', datePosted: '2026-02-20',
        description: 'Counterbalance forklift licence required. Loading and unloading, stock rotation. Night shifts, 40 hours a week.',
        salary: '£12.50 - £13.20 per hour', employmentType: 'FULL_TIME',
      },
      { reference: 'r2', title: 'Care Assistant', location: 'E17', description: 'Personal care and moving and handling. Weekends. Driving licence essential.', salary: 'OTE £28,000' },
      { reference: 'r3', title: 'Zzyzxq', description: 'Nothing we know.' },
    ];
    const ids = raws.map((raw) => upsertVacancy(db, { source: 'import:t', vacancy: normaliseVacancy(deps, raw) }, now).id);
    setVacancyStatus(db, ids[2]!, 'closed', now);

    const asked = [ids[2]!, 999_999, ids[0]!, ids[1]!];
    const lean = getRankableVacanciesByIds(db, asked);
    const full = getVacanciesByIds(db, asked);
    expect(lean.map((v) => v.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(lean).toEqual(full.map(pick));
    // The fixture exercises the parsed columns, so equality above means something.
    const [closed, forklift, care] = lean;
    expect(closed!.status).toBe('closed');
    expect(forklift!.skills.length).toBeGreaterThan(0);
    expect(forklift!.occupation?.code).toBeTruthy();
    expect(forklift!.salary.annualMin).toBeGreaterThan(20_000);
    expect(forklift!.datePosted).toBe(Date.parse('2026-02-20'));
    expect(care!.requirements.length).toBeGreaterThan(0);
    // Only the ranking fields: the advert's text stays on disk.
    expect(Object.keys(forklift!).sort()).toEqual([...RANKABLE_FIELDS].sort());
    expect(getRankableVacanciesByIds(db, [])).toEqual([]);
  });
});

describe('ranking rows kept between calls', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const advert = (reference: string, title: string, description: string) => ({ reference, title, location: 'Leeds', description, salary: '£24,000' });

  it('a second read of unchanged vacancies comes from the cache; every write that changes a ranking field is seen', () => {
    const { db, enricher, geocoder } = bundledStore(now);
    const deps = { now, enricher, geocoder };
    const put = (raw: ReturnType<typeof advert>, at = now) => upsertVacancy(db, { source: 'import:t', vacancy: normaliseVacancy(deps, raw) }, at).id;
    const a = put(advert('a', 'Forklift Driver', 'Counterbalance forklift licence required. Loading and unloading.'));
    const b = put(advert('b', 'Care Assistant', 'Personal care and moving and handling.'));
    const cache = rankableCacheOf(db);

    const first = getRankableVacanciesByIds(db, [a, b]);
    expect(cache.misses).toBe(2);
    const again = getRankableVacanciesByIds(db, [b, a]);
    expect(cache.hits).toBe(2);
    expect(again[1]).toBe(first[0]); // the same parsed object, not a re-read
    expect(again.map((v) => v.id)).toEqual([b, a]);

    // New content (a re-sent advert that changed): its content hash changes.
    put(advert('a', 'Forklift Driver', 'Reach truck licence required. Night shifts. Loading and unloading.'), now + 1000);
    // Status and first-seen are outside the content hash; both are in the key.
    setVacancyStatus(db, b, 'closed', now + 2000);
    let [fresh, closed] = getRankableVacanciesByIds(db, [a, b]);
    expect(fresh).toEqual(getVacanciesByIds(db, [a]).map(pick)[0]);
    expect(fresh).not.toEqual(first[0]);
    expect(closed!.status).toBe('closed');
    db.$client.prepare('UPDATE vacancies SET first_seen = ? WHERE id = ?').run(now - 5 * 86_400_000, b);
    [closed] = getRankableVacanciesByIds(db, [b]);
    expect(closed!.firstSeen).toBe(now - 5 * 86_400_000);

    // Erased and a different vacancy stored under the same id: never the old one.
    db.$client.prepare('DELETE FROM vacancies WHERE id = ?').run(b);
    expect(getRankableVacanciesByIds(db, [b])).toEqual([]);
    const c = put(advert('c', 'Delivery Driver', 'Multi-drop van deliveries, Category B licence.'));
    expect(getRankableVacanciesByIds(db, [c])[0]!.title).toBe(getVacanciesByIds(db, [c])[0]!.title);
  });

  it('a write by another connection (an import beside the server) is seen at the next read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-rankable-'));
    dirs.push(dir);
    const path = join(dir, 'store.db');
    const { enricher, geocoder } = bundledStore(now);
    const db = openDb(path);
    try {
      const id = upsertVacancy(db, { source: 'import:t', vacancy: normaliseVacancy({ now, enricher, geocoder }, advert('a', 'Forklift Driver', 'Forklift licence.')) }, now).id;
      expect(getRankableVacanciesByIds(db, [id])[0]!.status).toBe('live');
      const other = new Database(path);
      other.prepare("UPDATE vacancies SET status = 'expired', content_hash = content_hash WHERE id = ?").run(id);
      other.close();
      expect(getRankableVacanciesByIds(db, [id])[0]!.status).toBe('expired');
    } finally {
      closeDb(db);
    }
  });

  it('keeps at most its capacity, dropping the least recently used first', () => {
    const cache = new RankableCache(2);
    const v = (id: number) => ({ id }) as never;
    cache.set(1, 'k', v(1));
    cache.set(2, 'k', v(2));
    expect(cache.get(1, 'k')).toEqual({ id: 1 }); // 1 is now the most recent
    cache.set(3, 'k', v(3));
    expect(cache.size).toBe(2);
    expect(cache.get(2, 'k')).toBeUndefined();
    expect(cache.get(1, 'k')).toEqual({ id: 1 });
    expect(cache.get(3, 'other key')).toBeUndefined();
  });
});
