import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { importPostcodes } from '../../src/geo/import-postcodes.ts';

const fixture = (f: string) => fileURLToPath(new URL(`../fixtures/import/${f}`, import.meta.url));

describe('createGeocoder (towns, no postcode table)', () => {
  const g = createGeocoder(null);
  it.each([
    ['St Albans', 'St Albans', 'East of England'],
    ['Saint Albans', 'St Albans', 'East of England'],
    ['St. Albans', 'St Albans', 'East of England'],
    ['Newcastle upon Tyne', 'Newcastle upon Tyne', 'North East'],
    ['Newcastle', 'Newcastle upon Tyne', 'North East'],
    ['Hull', 'Kingston upon Hull', 'Yorkshire and The Humber'],
    ['Kingston upon Hull', 'Kingston upon Hull', 'Yorkshire and The Humber'],
    ['Crawley, West Sussex', 'Crawley', 'South East'],
    ['Newport, Wales', 'Newport', 'Wales'],
    ['Cardiff', 'Cardiff', 'Wales'],
    ['Glasgow', 'Glasgow', 'Scotland'],
    ['South East London', 'London', 'London'],
    ['Manchester', 'Manchester', 'North West'],
    ['OX1, Oxford, Oxfordshire', 'Oxford', 'South East'],
  ])('%s → %s (%s)', (text, town, region) => {
    const p = g.geocode(text)!;
    expect(p).toMatchObject({ town, region, resolved: true });
    expect(p.lat).toBeTypeOf('number');
  });
  it('a county gives a region but no point', () => {
    expect(g.geocode('Surrey')).toMatchObject({ region: 'South East', resolved: false, lat: null });
  });
  it('a postcode without a table gives the region of its area, unresolved', () => {
    expect(g.geocode('ST18 0GP')).toMatchObject({ postcode: 'ST18 0GP', region: 'West Midlands', resolved: false, lat: null });
  });
  it('unknown places are null', () => {
    expect(g.geocode('Multiple locations')).toBeNull();
    expect(g.geocode('Atlantis')).toBeNull();
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 100 }), (s) => void g.geocode(s)), { numRuns: 500 });
  });
});

describe('postcode table', () => {
  it('imports an outward-code table and answers districts and full postcodes in them', async () => {
    const db = openDb(':memory:');
    const s = await importPostcodes(db, fixture('postcodes-outward.csv'), { columns: { postcode: 'district', lat: 'lat', lon: 'lng', town: 'place', region: 'area' } });
    expect(s).toMatchObject({ read: 4, imported: 2, skipped: 2 });
    const g = createGeocoder(db);
    expect(g.geocode('BD1')).toMatchObject({ lat: 53.794, town: 'Bradford', region: 'Yorkshire and The Humber', resolved: true });
    expect(g.geocode('Somewhere, LS1 9ZZ')).toMatchObject({ postcode: 'LS1 9ZZ', lat: 53.797, resolved: true });
    // Re-runnable: upserts.
    const again = await importPostcodes(db, fixture('postcodes-outward.csv'), { columns: { postcode: 'district', lat: 'lat', lon: 'lng' } });
    expect(again.imported).toBe(2);
    expect(db.$client.prepare('SELECT count(*) AS n FROM postcodes').get()).toEqual({ n: 2 });
  });
  it('imports a full-postcode table, skipping unknown coordinates, and averages a district', async () => {
    const db = openDb(':memory:');
    const s = await importPostcodes(db, fixture('postcodes-full.csv'), { columns: { postcode: 'pcd', lat: 'latitude', lon: 'longitude' } });
    expect(s).toMatchObject({ imported: 3, skipped: 1 });
    const g = createGeocoder(db);
    expect(g.geocode('LS1 4AP')).toMatchObject({ lat: 53.799, lon: -1.545, region: 'Yorkshire and The Humber', resolved: true });
    expect(g.geocode('LS1')!.lat).toBeCloseTo(53.797, 3);
  });
  it('gives the local authority of a postcode, and of a district whose postcodes all share one', async () => {
    const db = openDb(':memory:');
    const s = await importPostcodes(db, fixture('postcodes-la.csv'), { columns: { postcode: 'pcd', lat: 'latitude', lon: 'longitude', localAuthority: 'oslaua' } });
    expect(s.imported).toBe(5);
    const g = createGeocoder(db);
    expect(g.geocode('Leeds LS1 4AP')).toMatchObject({ postcode: 'LS1 4AP', localAuthority: 'E08000035', resolved: true });
    expect(g.geocode('LS1')).toMatchObject({ localAuthority: 'E08000035' });
    // BD1's postcodes lie in two authorities: the district gets none, each postcode its own.
    expect(g.geocode('BD1')).toMatchObject({ localAuthority: null, resolved: true });
    expect(g.geocode('BD1 1AA')).toMatchObject({ localAuthority: 'E08000032' });
    // A postcode the table gives no authority, and a town name (GeoNames has none), stay without.
    expect(g.geocode('SW1A 1AA')).toMatchObject({ localAuthority: null, resolved: true });
    expect(g.geocode('Manchester')).toMatchObject({ localAuthority: null, resolved: true });
  });
  it('names a missing column', async () => {
    const db = openDb(':memory:');
    await expect(importPostcodes(db, fixture('postcodes-full.csv'), { columns: { postcode: 'nope', lat: 'latitude', lon: 'longitude' } })).rejects.toThrow(/column "nope"/);
  });
});
