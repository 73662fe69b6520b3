import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.ts';
import { closeDb, openDb, writeTransaction } from '../../src/db.ts';
import { fixedClock } from '../../src/clock.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { clusterAll } from '../../src/vacancies/dedupe/cluster.ts';
import { ingestVacancy } from '../../src/vacancies/ingest.ts';
import type { RawVacancy } from '../../src/vacancies/model.ts';

const P = [
  'We are looking for a reliable Warehouse Operative to join our busy distribution centre on a permanent basis.',
  'You will pick and pack customer orders accurately, load and unload deliveries, and keep the warehouse clean and safe.',
  'Previous warehouse experience is an advantage but full training is given, including manual handling and health and safety.',
  'Shifts are four on four off, days and nights, with overtime available at time and a half during peak season.',
  'Benefits include 28 days holiday, a pension scheme, free parking on site, a subsidised canteen and an employee discount.',
];
const base: RawVacancy = { title: 'Warehouse Operative', employer: 'Northern Logistics', location: 'Leeds', salary: '£12.50 per hour', description: P.join('\n\n') };

function setup() {
  const db = openDb(':memory:');
  const deps = { db, now: fixedClock(Date.UTC(2025, 3, 1)), geocoder: createGeocoder(null) };
  return { db, ingest: (source: string, raw: RawVacancy) => ingestVacancy(deps, { source, raw }) };
}

describe('near-duplicate clustering at ingest', () => {
  it('clusters reordered text, a changed agency and a changed reference with the earliest', () => {
    const { ingest } = setup();
    const a = ingest('scrape:a', { ...base, reference: 'A-1', description: P.join('\n\n') + '\nRef: WH-1001' });
    const reordered = ingest('scrape:b', { ...base, reference: 'B-1', description: [P[1], P[0], P[2], P[4], P[3]].join('\n\n') });
    const agency = ingest('scrape:c', { ...base, reference: 'C-1', employer: 'Best Recruitment Ltd', description: P.join('\n\n') + '\nBest Recruitment is acting as an employment business.' });
    const reference = ingest('scrape:d', { ...base, reference: 'D-1', description: P.join('\n\n') + '\nRef: WH-2002' });
    const exact = ingest('scrape:e', { ...base, reference: 'E-1', description: P.join('\n\n') + '\nRef: WH-1001' });
    expect(a.clusterId).toBe(a.id);
    for (const r of [reordered, agency, reference, exact]) expect(r.clusterId).toBe(a.id);
  });
  it('keeps apart the same job in another town and another role on the same template', () => {
    const { ingest } = setup();
    const a = ingest('scrape:a', { ...base, reference: 'A-1' });
    const town = ingest('scrape:a', { ...base, reference: 'A-2', location: 'Manchester' });
    const role = ingest('scrape:a', { ...base, reference: 'A-3', title: 'Forklift Driver', description: P.join('\n\n').replace(/Warehouse Operative/g, 'Forklift Driver') });
    const other = ingest('scrape:a', { ...base, reference: 'A-4', title: 'Senior Warehouse Operative' });
    expect([a.clusterId, town.clusterId, role.clusterId, other.clusterId]).toEqual([a.id, town.id, role.id, other.id]);
  });
  it('finds a duplicate whose original another connection ingested after this one built its band index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-dedupe-'));
    try {
      const open = () => {
        const db = openDb(join(dir, 'v.db'));
        const deps = { db, now: fixedClock(Date.UTC(2025, 3, 1)), geocoder: createGeocoder(null) };
        return { db, ingest: (source: string, raw: RawVacancy) => ingestVacancy(deps, { source, raw }) };
      };
      const server = open();
      const importer = open();
      const first = server.ingest('scrape:a', { ...base, reference: 'A-1', title: 'Cleaner', description: P.slice(2).join('\n\n') });
      expect(first.clusterId).toBe(first.id);
      const original = importer.ingest('import:x', { ...base, reference: 'X-1' });
      const repost = server.ingest('scrape:b', { ...base, reference: 'B-1', employer: 'Agency Ltd' });
      expect(repost.clusterId).toBe(original.id);
      closeDb(server.db);
      closeDb(importer.db);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('a vacancy whose text changed is found by its new text, not its old', () => {
    const { ingest } = setup();
    const other = 'Join our kitchen team preparing fresh meals for a busy restaurant; food hygiene level two, evenings and weekends, staff meals and tips.';
    const a = ingest('scrape:a', { ...base, reference: 'A-1', description: other.repeat(3) });
    ingest('scrape:a', { ...base, reference: 'A-1', description: P.join('\n\n') });
    expect(ingest('scrape:b', { ...base, reference: 'B-1', employer: 'Agency Ltd' }).clusterId).toBe(a.id);
    const stale = ingest('scrape:c', { ...base, reference: 'C-1', employer: 'Agency Two', description: other.repeat(3) + ' Apply now.' });
    expect(stale.clusterId).toBe(stale.id);
  });
  it('re-ingesting unchanged content changes nothing', () => {
    const { db, ingest } = setup();
    ingest('scrape:a', { ...base, reference: 'A-1' });
    const bands = db.$client.prepare('SELECT count(*) AS n FROM dedupe_sigs').get();
    expect(ingest('scrape:a', { ...base, reference: 'A-1' }).outcome).toBe('unchanged');
    expect(db.$client.prepare('SELECT count(*) AS n FROM dedupe_sigs').get()).toEqual(bands);
  });
});

describe('clusterAll', () => {
  it('rebuilds the same clusters in batch and queues only changed vacancies', () => {
    const { db, ingest } = setup();
    const a = ingest('scrape:a', { ...base, reference: 'A-1' });
    const b = ingest('scrape:b', { ...base, reference: 'B-1', employer: 'Agency Ltd' });
    const c = ingest('scrape:a', { ...base, reference: 'A-2', location: 'Manchester' });
    db.$client.prepare('UPDATE vacancies SET cluster_id = NULL').run();
    db.$client.prepare('DELETE FROM index_outbox').run();
    const r = clusterAll(db, { now: 1 });
    expect(r).toMatchObject({ vacancies: 3, clusters: 2, duplicates: 1, changed: 3 });
    const rows = db.$client.prepare('SELECT id, cluster_id FROM vacancies ORDER BY id').all();
    expect(rows).toEqual([{ id: a.id, cluster_id: a.id }, { id: b.id, cluster_id: a.id }, { id: c.id, cluster_id: c.id }]);
    expect(db.$client.prepare('SELECT count(*) AS n FROM index_outbox').get()).toEqual({ n: 3 });
    expect(clusterAll(db, { now: 2, rebuildBands: true }).changed).toBe(0);
    expect(db.$client.prepare('SELECT count(*) AS n FROM dedupe_sigs').get()).toEqual({ n: 3 });
    // The rebuilt table still finds candidates at ingest.
    expect(ingest('scrape:c', { ...base, reference: 'C-1', employer: 'Other Agency' }).clusterId).toBe(a.id);
  });

  it('writes in bounded batches, so another connection writes between them without waiting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-dedupe-batches-'));
    const path = join(dir, 'fp.db');
    const db = openDb(path);
    const other = openDb(path);
    try {
      const deps = { db, now: fixedClock(Date.UTC(2025, 3, 1)), geocoder: createGeocoder(null) };
      const ids = ['Leeds', 'Leeds', 'York', 'York', 'Hull', 'Hull', 'Bath'].map(
        (location, i) => ingestVacancy(deps, { source: `scrape:${i % 2 ? 'b' : 'a'}`, raw: { ...base, reference: `R-${i}`, location, employer: i % 2 ? 'Agency Ltd' : base.employer } }).id,
      );
      db.$client.prepare('UPDATE vacancies SET cluster_id = NULL').run();
      db.$client.prepare('DELETE FROM dedupe_sigs WHERE vacancy_id = ?').run(ids[6]);
      // Not waiting at all: a write lock held across batches would fail it at once.
      other.$client.pragma('busy_timeout = 0');
      const writes: string[] = [];
      const r = clusterAll(db, {
        now: 2,
        rebuildBands: true,
        rowsPerWrite: 2,
        onWrite(what, done, total) {
          writeTransaction(other, () => createApiKey(other, { employerName: `Beside ${writes.length}` }, 2));
          writes.push(`${what} ${done}/${total}`);
        },
      });
      expect(r).toMatchObject({ vacancies: 7, clusters: 4, duplicates: 3, changed: 7 });
      expect(writes).toEqual(['clusters 2/7', 'clusters 4/7', 'clusters 6/7', 'clusters 7/7', 'bands 2/7', 'bands 4/7', 'bands 6/7', 'bands 7/7']);
      const clusters = db.$client.prepare('SELECT cluster_id FROM vacancies ORDER BY id').pluck().all();
      expect(clusters).toEqual([ids[0], ids[0], ids[2], ids[2], ids[4], ids[4], ids[6]]);
      // Every vacancy has its band row again, each with its own seq.
      expect(db.$client.prepare('SELECT count(*) AS n, count(DISTINCT seq) AS seqs FROM dedupe_sigs').get()).toEqual({ n: 7, seqs: 7 });
    } finally {
      closeDb(other);
      closeDb(db);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
