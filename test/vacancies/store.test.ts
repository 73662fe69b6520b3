import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { PublicVacancySchema, toPublicVacancy } from '../../src/vacancies/api-shape.ts';
import type { RawVacancy } from '../../src/vacancies/model.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import { getVacancy } from '../../src/vacancies/queries.ts';
import {
  countMissedRun,
  enqueueIndex,
  insertExpiredCopy,
  setCluster,
  setSeenDates,
  setVacanciesStatus,
  setVacancyStatus,
  touchSeen,
  upsertVacancy,
} from '../../src/vacancies/store.ts';

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

describe('vacancy store: the writes other modules make through it', () => {
  const outboxIds = (db: ReturnType<typeof openDb>) =>
    db.$client.prepare('SELECT vacancy_id FROM index_outbox ORDER BY id').pluck().all() as number[];
  const add = (db: ReturnType<typeof openDb>, ref: string) =>
    upsertVacancy(db, { source: 'scrape:s', vacancy: normaliseVacancy({ now }, { ...raw, reference: ref }) }, now).id;

  it('setVacanciesStatus changes only those not already there, and queues exactly those', () => {
    const db = openDb(':memory:');
    const [a, b, c] = [add(db, 'a'), add(db, 'b'), add(db, 'c')];
    setVacancyStatus(db, a, 'expired', now);
    db.$client.exec('DELETE FROM index_outbox');
    expect(setVacanciesStatus(db, [a, b, c], 'expired', now + 10)).toBe(2);
    expect(outboxIds(db)).toEqual([b, c]);
    expect(getVacancy(db, a)?.closedAt).toBe(now);
    expect(getVacancy(db, b)?.closedAt).toBe(now + 10);
    // Reopening clears the closing time.
    expect(setVacanciesStatus(db, [b], 'live', now + 20)).toBe(1);
    expect(getVacancy(db, b)).toMatchObject({ status: 'live', closedAt: null, updatedAt: now + 20 });
  });

  it('enqueueIndex queues each id once per call; touchSeen refreshes lastSeen and restarts the expiry count', () => {
    const db = openDb(':memory:');
    const a = add(db, 'a');
    db.$client.exec('DELETE FROM index_outbox');
    enqueueIndex(db, [a, a], now);
    expect(outboxIds(db)).toEqual([a, a]);
    countMissedRun(db, [a]);
    countMissedRun(db, [a]);
    const missed = () => db.$client.prepare('SELECT missed_runs FROM vacancies WHERE id = ?').pluck().get(a);
    expect(missed()).toBe(2);
    touchSeen(db, a, now + 99);
    expect(missed()).toBe(0);
    expect(getVacancy(db, a)?.lastSeen).toBe(now + 99);
  });

  it('setCluster reports whether the vacancy moved', () => {
    const db = openDb(':memory:');
    const [a, b] = [add(db, 'a'), add(db, 'b')];
    expect(setCluster(db, b, a)).toBe(true);
    expect(setCluster(db, b, a)).toBe(false);
    expect(getVacancy(db, b)?.clusterId).toBe(a);
  });

  it('insertExpiredCopy copies the content under its own reference and dates, outside dedupe and the index', () => {
    const db = openDb(':memory:');
    const a = add(db, 'a');
    db.$client.exec('DELETE FROM index_outbox');
    const day = 86_400_000;
    const id = insertExpiredCopy(db, a, {
      refSuffix: '~h1',
      descriptionText: 'An old copy.',
      firstSeen: now - 90 * day,
      lastSeen: now - 50 * day,
      validThrough: now - 62 * day,
      closedAt: now - 49 * day,
    });
    const original = getVacancy(db, a)!;
    const copy = getVacancy(db, id)!;
    expect(copy).toMatchObject({
      source: 'scrape:s',
      sourceRef: 'a~h1',
      title: original.title,
      contentHash: original.contentHash,
      descriptionText: 'An old copy.',
      descriptionHtml: null,
      status: 'expired',
      clusterId: null,
      firstSeen: now - 90 * day,
      lastSeen: now - 50 * day,
      createdAt: now - 90 * day,
      updatedAt: now - 49 * day,
      closedAt: now - 49 * day,
      datePosted: now - 90 * day,
      validThrough: now - 62 * day,
    });
    expect(db.$client.prepare('SELECT fingerprint FROM vacancies WHERE id = ?').pluck().get(id)).toBeNull();
    expect(outboxIds(db)).toEqual([]);
    setSeenDates(db, a, now - 5 * day, now);
    expect(getVacancy(db, a)).toMatchObject({ firstSeen: now - 5 * day, lastSeen: now });
  });
});

describe('vacancy store: the only writer', () => {
  it('no other module under src/ writes the vacancies table or the index outbox', () => {
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const writes = /\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+(vacancies|index_outbox)\b|\.(insert|update|delete)\(\s*(vacancies|indexOutbox)\s*\)/i;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(e.name) && writes.test(readFileSync(path, 'utf8'))) offenders.push(relative(root, path));
      }
    };
    walk(root);
    // The outbox drainer deletes and backs off outbox rows it has applied; it adds none.
    expect(offenders.sort()).toEqual(['search/outbox.ts', 'vacancies/store.ts']);
    const outbox = readFileSync(join(root, 'search/outbox.ts'), 'utf8');
    expect(outbox).not.toMatch(/INSERT\s+INTO\s+index_outbox|vacancies\s+SET/i);
  });
});

describe('vacancy store: place and pay details the normaliser computes', () => {
  const geocoder = createGeocoder(null);
  const cases: { name: string; raw: RawVacancy; place?: Record<string, unknown>; salary?: Record<string, unknown> }[] = [
    {
      name: 'a full postcode with no imported table is a district centroid, with its authority name',
      raw: { title: 'Porter', location: 'SE1 7PB' },
      place: { precision: 'district', localAuthorityName: 'Southwark' },
    },
    {
      name: 'a county is an area, with its kind',
      raw: { title: 'Driver', location: 'Surrey' },
      place: { precision: 'area', area: expect.objectContaining({ name: 'Surrey', kind: expect.any(String) }) },
    },
    {
      name: 'a foreign city is outside the UK, with its country',
      raw: { title: 'Engineer', location: 'Toronto, Canada' },
      place: { resolved: false, outsideUk: { country: 'CA' } },
    },
    {
      name: 'a world region that leaves out the UK is outside it, with no country',
      raw: { title: 'Engineer', location: 'Remote - AMER' },
      place: { outsideUk: { country: null } },
    },
    {
      name: 'a Crown Dependency postcode is located but outside the UK',
      raw: { title: 'Cashier', location: 'JE2 3QS' },
      place: { resolved: true, localAuthority: null, region: null, outsideUk: { country: 'JE' } },
    },
    {
      name: 'a source\'s point with a full postcode it agrees with is postcode-precise',
      raw: { title: 'Nurse', location: 'ARLESEY, SG15 6SN', town: 'ARLESEY', postcode: 'SG15 6SN', lat: 52.0105, lon: -0.2624 },
      place: { precision: 'postcode', lat: 52.0105, localAuthorityName: 'Central Bedfordshire' },
    },
    {
      name: 'a source\'s point with nothing named is only a point, with the authority at it',
      raw: { title: 'Nurse', lat: 53.7965, lon: -1.5479 },
      place: { precision: 'point', resolved: true, localAuthorityName: 'Leeds' },
    },
    {
      name: 'OTE is kept apart from the basic',
      raw: { title: 'Sales Executive', salary: '£25,000 basic, OTE £40,000' },
      salary: { min: 25000, ote: expect.objectContaining({ min: 40000 }) },
    },
    {
      name: 'extras the text names are kept',
      raw: { title: 'Waiter', salary: '£12.50 per hour plus tips' },
      salary: { extras: [{ kind: 'tips', amount: null }] },
    },
    {
      name: 'implausible ranges are flagged and not annualised',
      raw: { title: 'Clerk', salary: '£1,000 - £30,000 per annum' },
      salary: { flags: ['implausible-range'], annualMin: null },
    },
    {
      name: 'a dated teachers\' scale is kept with the figures',
      raw: { title: 'Teacher', salary: 'MPS/UPS', datePosted: '2024-10-01' },
      salary: { scale: expect.objectContaining({ name: expect.any(String) }) },
    },
  ];
  it.each(cases)('$name: stored, read back and shown in the API', ({ raw: r, place, salary }) => {
    const db = openDb(':memory:');
    const v = normaliseVacancy({ now, geocoder }, { reference: 'X', ...r });
    if (place) expect(v.location).toMatchObject(place);
    if (salary) expect(v.salary).toMatchObject(salary);
    const { id } = upsertVacancy(db, { source: 's', vacancy: v }, now);
    const stored = getVacancy(db, id)!;
    // Everything the normaliser said about the place and pay comes back as it was.
    expect(stored.location).toEqual(v.location);
    expect(stored.salary).toEqual(v.salary);
    const out = PublicVacancySchema.parse(toPublicVacancy(stored));
    if (place) expect(out.location).toMatchObject(place);
    if (salary) expect(out.salary).toMatchObject(salary);
  });
  it('an extra place outside the UK keeps its country through the store', () => {
    const db = openDb(':memory:');
    const v = normaliseVacancy({ now, geocoder }, { reference: 'X', title: 'Analyst', location: 'London or Berlin' });
    expect(v.location).not.toHaveProperty('outsideUk');
    expect(v.extraLocations).toEqual([expect.objectContaining({ text: 'Berlin', outsideUk: { country: 'DE' } })]);
    const { id } = upsertVacancy(db, { source: 's', vacancy: v }, now);
    const stored = getVacancy(db, id)!;
    expect(stored.extraLocations).toEqual(v.extraLocations);
    expect(PublicVacancySchema.parse(toPublicVacancy(stored)).extraLocations[0]).toMatchObject({ outsideUk: { country: 'DE' } });
  });
  it('a row written before location_outside_uk existed (the column null) reads as a UK place, not an error', () => {
    const db = openDb(':memory:');
    const v = normaliseVacancy({ now, geocoder }, { reference: 'X', title: 'Engineer', location: 'Toronto, Canada' });
    const { id } = upsertVacancy(db, { source: 's', vacancy: v }, now);
    db.$client.prepare('UPDATE vacancies SET location_outside_uk = NULL WHERE id = ?').run(id);
    expect(getVacancy(db, id)!.location).toEqual({ ...v.location, outsideUk: undefined });
    expect(getVacancy(db, id)!.location).not.toHaveProperty('outsideUk');
  });
  it('a UK place reads back without outsideUk', () => {
    const db = openDb(':memory:');
    const { id } = upsertVacancy(db, { source: 's', vacancy: normaliseVacancy({ now, geocoder }, { ...raw, location: 'Leeds' }) }, now);
    expect(getVacancy(db, id)!.location).not.toHaveProperty('outsideUk');
  });
  it('a vacancy with none of them reads back without the optional keys', () => {
    const db = openDb(':memory:');
    const { id } = upsertVacancy(db, { source: 's', vacancy: normaliseVacancy({ now }, raw) }, now);
    const s = getVacancy(db, id)!.salary;
    expect(Object.keys(s).sort()).toEqual(['annualMax', 'annualMin', 'currency', 'max', 'min', 'period', 'text']);
  });
});
