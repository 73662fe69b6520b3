import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { getVacancy } from '../../src/vacancies/queries.ts';
import { setVacancyStatus, upsertVacancy } from '../../src/vacancies/store.ts';

const now = Date.parse('2026-03-01T09:00:00Z');
const raw = { reference: 'REF-1', title: 'Care Assistant', description: 'Support residents with daily living.' };

function pendingOutbox(db: ReturnType<typeof openDb>): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM index_outbox').get() as { n: number }).n;
}

describe('vacancy store', () => {
  it('creates once, then reports unchanged without queueing a re-index', () => {
    const db = openDb(':memory:');
    const v = normaliseVacancy({ now }, raw);
    const first = upsertVacancy(db, { source: 'employer:1', vacancy: v }, now);
    const again = upsertVacancy(db, { source: 'employer:1', vacancy: v }, now + 1000);
    expect(first.outcome).toBe('created');
    expect(again).toEqual({ id: first.id, outcome: 'unchanged', contentHash: first.contentHash });
    expect(pendingOutbox(db)).toBe(1);
    expect(getVacancy(db, first.id)?.lastSeen).toBe(now + 1000);
  });

  it('updates changed content and queues it in the same transaction', () => {
    const db = openDb(':memory:');
    const a = upsertVacancy(db, { source: 's', vacancy: normaliseVacancy({ now }, raw) }, now);
    const b = upsertVacancy(db, { source: 's', vacancy: normaliseVacancy({ now }, { ...raw, title: 'Senior Care Assistant' }) }, now);
    expect(b.outcome).toBe('updated');
    expect(b.contentHash).not.toBe(a.contentHash);
    expect(getVacancy(db, a.id)?.title).toBe('Senior Care Assistant');
    expect(pendingOutbox(db)).toBe(2);
  });

  it('the same reference from two sources is two vacancies', () => {
    const db = openDb(':memory:');
    const v = normaliseVacancy({ now }, raw);
    const a = upsertVacancy(db, { source: 'employer:1', vacancy: v }, now);
    const b = upsertVacancy(db, { source: 'employer:2', vacancy: v }, now);
    expect(a.id).not.toBe(b.id);
  });

  it('closing keeps the vacancy and its history', () => {
    const db = openDb(':memory:');
    const { id } = upsertVacancy(db, { source: 's', vacancy: normaliseVacancy({ now }, raw) }, now);
    expect(setVacancyStatus(db, id, 'closed', now + 5)).toBe(true);
    expect(setVacancyStatus(db, id, 'closed', now + 6)).toBe(false);
    const v = getVacancy(db, id);
    expect(v?.status).toBe('closed');
    expect(v?.closedAt).toBe(now + 5);
    expect(v?.firstSeen).toBe(now);
  });
});

describe('vacancy store: closing time', () => {
  it('an update to a closed vacancy keeps its first closing time', () => {
    const db = openDb(':memory:');
    const closed = { ...raw, status: 'closed' as const };
    const { id } = upsertVacancy(db, { source: 's', vacancy: normaliseVacancy({ now }, closed) }, now);
    upsertVacancy(db, { source: 's', vacancy: normaliseVacancy({ now }, { ...closed, title: 'Care Assistant (nights)' }) }, now + 60_000);
    const v = getVacancy(db, id);
    expect(v?.status).toBe('closed');
    expect(v?.closedAt).toBe(now);
    expect(v?.title).toBe('Care Assistant (nights)');
  });
});
