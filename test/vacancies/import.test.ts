import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/db.ts';
import { fixedClock } from '../../src/clock.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { importVacancies } from '../../src/vacancies/import/import-vacancies.ts';
import { parseMappingSpec, recordToRaw } from '../../src/vacancies/import/to-raw.ts';

const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/import/${f}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fp-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function open(name: string) {
  const db = openDb(join(dir, name));
  return { db, deps: { db, now: fixedClock(Date.UTC(2025, 3, 22)), geocoder: createGeocoder(db) } };
}

describe('importVacancies', () => {
  it('imports JSONL (JobPosting and our shape), rejects bad rows to a file, and is idempotent', async () => {
    const { db, deps } = open('jsonl.db');
    const rejectsPath = join(dir, 'rejects.jsonl');
    const rejects = createWriteStream(rejectsPath);
    const s = await importVacancies(deps, { file: fixture('vacancies.jsonl'), source: 'import:test', rejects });
    await new Promise<void>((r) => rejects.end(r));
    expect(s).toMatchObject({ read: 4, created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(Object.keys(s.reasons).join('\n')).toMatch(/title/);
    const lines = readFileSync(rejectsPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number; errors: unknown[] });
    expect(lines.map((l) => l.n)).toEqual([3, 4]);
    const nurse = db.$client.prepare("SELECT salary_min, salary_max, town, lat, description_text FROM vacancies WHERE source_ref = 'JP-1'").get();
    expect(nurse).toMatchObject({ salary_min: 29970, salary_max: 36483, town: 'Leeds', description_text: 'Band 5 nurse for our ward.' });
    const again = await importVacancies(deps, { file: fixture('vacancies.jsonl'), source: 'import:test' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
    expect(db.$client.prepare('SELECT count(*) AS n FROM vacancies').get()).toEqual({ n: 2 });
    closeDb(db);
  });
  it('rejects records whose dates fall outside the window, with the reason, and stores the rest', async () => {
    const { db, deps } = open('dates.db');
    const file = join(dir, 'dates.jsonl');
    const now = Date.UTC(2025, 3, 22);
    const records = [
      { reference: 'OK-1', title: 'Porter', datePosted: '2025-04-01', validThrough: '2025-05-01' },
      { reference: 'BAD-1', title: 'Zzyzxq Assistant', datePosted: '1000000000 days ago' },
      { reference: 'BAD-2', title: 'Forever Cleaner', validThrough: '9999-12-31' },
      { '@context': 'https://schema.org', '@type': 'JobPosting', identifier: 'BAD-3', title: 'Numeric Date Driver', datePosted: 1e20 },
      { '@context': 'https://schema.org', '@type': 'JobPosting', identifier: 'OK-2', title: 'Epoch Date Driver', datePosted: now - 86_400_000 },
      // Date text that is no date at all is not a reason to lose the vacancy: it is stored without one.
      { reference: 'OK-3', title: 'Vague Gardener', datePosted: 'ASAP', validThrough: 'Ongoing' },
    ];
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const rejectsPath = join(dir, 'dates-rejects.jsonl');
    const rejects = createWriteStream(rejectsPath);
    const s = await importVacancies(deps, { file, source: 'import:dates', rejects });
    await new Promise<void>((r) => rejects.end(r));
    expect(s).toMatchObject({ read: 6, created: 3, rejected: 3 });
    expect(Object.values(s.reasons).reduce((a, b) => a + b, 0)).toBe(3);
    expect(Object.keys(s.reasons).every((r) => /^(datePosted|validThrough): must be /.test(r))).toBe(true);
    const rejected = readFileSync(rejectsPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { n: number; errors: { path: string }[] });
    expect(rejected.map((l) => [l.n, l.errors.map((e) => e.path)])).toEqual([[2, ['datePosted']], [3, ['validThrough']], [4, ['datePosted']]]);
    const stored = db.$client.prepare("SELECT source_ref, date_posted FROM vacancies WHERE source = 'import:dates' ORDER BY source_ref").all();
    expect(stored).toEqual([
      { source_ref: 'OK-1', date_posted: Date.UTC(2025, 3, 1) },
      { source_ref: 'OK-2', date_posted: now - 86_400_000 },
      { source_ref: 'OK-3', date_posted: null },
    ]);
    closeDb(db);
  });
  it('reads gzip', async () => {
    const { db, deps } = open('gz.db');
    expect(await importVacancies(deps, { file: fixture('vacancies.jsonl.gz'), source: 'import:gz' })).toMatchObject({ created: 2, rejected: 2 });
    closeDb(db);
  });
  it('reads a JSON array with brackets and quotes inside strings', async () => {
    const { db, deps } = open('json.db');
    const s = await importVacancies(deps, { file: fixture('vacancies.json'), source: 'import:json' });
    expect(s).toMatchObject({ read: 2, created: 2, rejected: 0 });
    expect(db.$client.prepare("SELECT description_text FROM vacancies WHERE source_ref = 'ARR-1'").get()).toEqual({ description_text: 'Fresh food, "quoted" [brackets] and {braces}.' });
    closeDb(db);
  });
  it('reads CSV with a column mapping and quoted multi-line fields', async () => {
    const { db, deps } = open('csv.db');
    const mapping = parseMappingSpec('title=Job Title,salary=Pay,location=Where,reference=Ref,description=Details');
    const s = await importVacancies(deps, { file: fixture('vacancies.csv'), source: 'import:csv', mapping, batchSize: 1 });
    expect(s).toMatchObject({ read: 3, created: 2, rejected: 1 });
    const driver = db.$client.prepare("SELECT description_text, salary_min, salary_max, requirements, town FROM vacancies WHERE source_ref = 'CSV-1'").get() as Record<string, unknown>;
    expect(driver).toMatchObject({ description_text: 'Line one\nFull UK driving licence required, "category B".', salary_min: 11.5, salary_max: 12, town: 'Wakefield' });
    expect(String(driver['requirements'])).toContain('driving_licence');
    closeDb(db);
  });
  it('rejects an unknown mapping field', () => {
    expect(() => parseMappingSpec('titel=Job Title')).toThrow(/unknown field "titel"/);
  });
  it('maps a JobPosting with NHS-style quirks (coordinate without leading zero, salary text in value) as published', () => {
    const r = recordToRaw({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Staff Nurse',
      description: '<p>Ward nursing.</p>',
      datePosted: '2025-03-01',
      jobLocation: { '@type': 'Place', address: { addressLocality: 'Arlesey' }, geo: { latitude: '52.0105', longitude: '-.262406' } },
      baseSalary: { '@type': 'MonetaryAmount', currency: 'GBP', value: { '@type': 'QuantitativeValue', value: '£28,407 to £34,581 a year', minValue: 28407, maxValue: 34581, unitText: 'YEAR' } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.raw.lat).toBeCloseTo(52.0105, 6);
    expect(r.raw.lon).toBeCloseTo(-0.262406, 6);
    expect(r.raw.salary).toMatchObject({ min: 28407, max: 34581, text: '£28,407 to £34,581 a year' });
  });
});
