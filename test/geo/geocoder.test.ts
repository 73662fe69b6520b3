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
  it('a full postcode with no imported table resolves to its district centroid and says so', () => {
    expect(g.geocode('ST18 0GP')).toMatchObject({ postcode: 'ST18 0GP', region: 'West Midlands', resolved: true, precision: 'district' });
    expect(g.geocode('ST18 0GP')!.lat).toBeCloseTo(52.81, 1);
  });
  it('unknown places are null', () => {
    expect(g.geocode('Multiple locations')).toBeNull();
    expect(g.geocode('Qwxzville')).toBeNull();
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
    expect(g.geocode('LS1 4AP')).toMatchObject({ precision: 'postcode' });
    // BD1's postcodes lie in two authorities: the imported table cannot say, so the bundled district's
    // dominant authority (Bradford) fills in; each full postcode keeps its own.
    expect(g.geocode('BD1')).toMatchObject({ localAuthority: 'E08000032', resolved: true, precision: 'district' });
    expect(g.geocode('BD1 9ZZ')).toMatchObject({ localAuthority: 'E08000035', precision: 'postcode' });
    // A postcode the table gives no authority takes its district's from the bundled table; a town its nearest district's.
    expect(g.geocode('SW1A 1AA')).toMatchObject({ localAuthority: 'E09000033', resolved: true, lat: 51.501 });
    expect(g.geocode('Manchester')).toMatchObject({ localAuthority: 'E08000003', resolved: true });
  });
  it('names a missing column', async () => {
    const db = openDb(':memory:');
    await expect(importPostcodes(db, fixture('postcodes-full.csv'), { columns: { postcode: 'nope', lat: 'latitude', lon: 'longitude' } })).rejects.toThrow(/column "nope"/);
  });
});

describe('bundled reference tables (no import)', () => {
  const g = createGeocoder(null);
  it.each([
    // text, postcode, local authority, region, precision
    ['E17', 'E17', 'Waltham Forest', 'London', 'district'],
    ['SE1 7PB', 'SE1 7PB', 'Southwark', 'London', 'district'],
    ['b16', 'B16', 'Birmingham', 'West Midlands', 'district'],
    ['Leeds LS1', 'LS1', 'Leeds', 'Yorkshire and The Humber', 'district'],
    ['CF10 1AA', 'CF10 1AA', 'Cardiff', 'Wales', 'district'],
    ['EH1', 'EH1', 'City of Edinburgh', 'Scotland', 'district'],
  ])('%s → %s in %s (%s), %s', (text, postcode, la, region, precision) => {
    const p = g.geocode(text)!;
    expect(p).toMatchObject({ postcode, localAuthorityName: la, region, precision, resolved: true });
    expect(p.localAuthority).toMatch(/^[EWSN]\d{8}$/);
  });

  it.each([
    // text, area name, kind, region
    ['Surrey', 'Surrey', 'county', 'South East'],
    ['Hampshire, South East', 'Hampshire', 'county', 'South East'],
    ['Tyne and Wear', 'Tyne and Wear', 'metropolitan-county', 'North East'],
    ['North Tyneside', 'North Tyneside', 'metropolitan-district', 'North East'],
    ['County Durham', 'County Durham', 'unitary-authority', 'North East'],
    ['Co. Durham', 'County Durham', 'unitary-authority', 'North East'],
    ['Redcar & Cleveland', 'Redcar and Cleveland', 'unitary-authority', 'North East'],
    ['West Midlands', 'West Midlands', 'metropolitan-county', 'West Midlands'],
    ['Berkshire', 'Berkshire', 'ceremonial-county', 'South East'],
    ['Location: North Tyneside', 'North Tyneside', 'metropolitan-district', 'North East'],
    ['Mole Valley,', 'Mole Valley', 'district', 'South East'],
    // An authority named before the wider place it is in is the finer answer.
    ['Enfield, London', 'Enfield', 'london-borough', 'London'],
    ['Liverpool City Region', 'Liverpool City Region', 'combined-authority', 'North West'],
    ['East Midlands', 'East Midlands', 'region', 'East Midlands'],
    ['Wales', 'Wales', 'country', 'Wales'],
    ['Scotland', 'Scotland', 'country', 'Scotland'],
  ])('%s → the %s area (%s, %s)', (text, name, kind, region) => {
    const p = g.geocode(text)!;
    expect(p).toMatchObject({ resolved: true, precision: 'area', region, area: { name, kind } });
    expect(p.area!.radiusKm).toBeGreaterThan(0);
    expect(p.lat).toBeTypeOf('number');
  });

  it('an area that is one local authority carries its code; wider areas name none', () => {
    expect(g.geocode('North Tyneside')!.localAuthority).toBe('E08000022');
    expect(g.geocode('Surrey')!.localAuthority).toBeNull();
  });

  it('a county centroid lies inside the county (Surrey is south-west of London, not in it)', () => {
    const p = g.geocode('Surrey')!;
    expect(p.lat!).toBeGreaterThan(51.1);
    expect(p.lat!).toBeLessThan(51.45);
    expect(p.lon!).toBeLessThan(-0.1);
  });

  it.each([
    // text, town, local authority, precision
    ['Derby Derbyshire East Midlands', 'Derby', 'Derby', 'town'],
    ['Knutsford Cheshire North West', 'Knutsford', 'Cheshire East', 'town'],
    ['Milton Keynes Buckinghamshire South East', 'Milton Keynes', 'Milton Keynes', 'town'],
    ['Tunbridge Wells', 'Royal Tunbridge Wells', 'Tunbridge Wells', 'town'],
    ['Burton On Trent', 'Burton upon Trent', 'East Staffordshire', 'town'],
    ['Clacton', 'Clacton-on-Sea', 'Tendring', 'town'],
    ['St Leonards', 'St Leonards on Sea', 'Hastings', 'neighbourhood'],
    ['Chingford', 'Chingford', 'Waltham Forest', 'neighbourhood'],
    ['Mayfair, London', 'Mayfair', 'Westminster', 'neighbourhood'],
    ['City of London', 'City of London', 'City of London', 'town'],
    ['Leeds,', 'Leeds', 'Leeds', 'town'],
    ['Durham', 'Durham', 'County Durham', 'town'],
    ['Newport, Wales', 'Newport', 'Newport', 'town'],
  ])('%s → %s (%s, %s)', (text, town, la, precision) => {
    expect(g.geocode(text)).toMatchObject({ town, localAuthorityName: la, precision, resolved: true });
  });

  it('a country is never a village of that name', () => {
    // GeoNames has a village called Wales near Sheffield.
    expect(g.geocode('Wales')!.lon!).toBeLessThan(-3);
  });

  it('bare "London" names the London region: its extent, the same point as ever, no invented borough', () => {
    for (const text of ['London', 'London Office', 'London, United Kingdom', 'London - Hybrid', 'London (Remote)', 'London | Remote', 'Greater London']) {
      const p = g.geocode(text)!;
      expect(p, text).toMatchObject({ town: 'London', region: 'London', localAuthority: null, resolved: true, precision: 'area', area: { code: 'E12000007', kind: 'region' } });
      expect(p.area!.radiusKm, text).toBeGreaterThan(20);
      // A radius search from "London" is centred where it always was (GeoNames' London, by Charing Cross).
      expect(p.lat, text).toBeCloseTo(51.5085, 3);
      expect(p.lon, text).toBeCloseTo(-0.1257, 3);
    }
    // A borough or neighbourhood given with it is still the finer answer.
    expect(g.geocode('Enfield, London')).toMatchObject({ localAuthorityName: 'Enfield' });
    expect(g.geocode('Mayfair, London')).toMatchObject({ localAuthorityName: 'Westminster', precision: 'neighbourhood' });
  });
});

describe('places outside the UK', () => {
  const g = createGeocoder(null);
  it.each([
    // text, ISO country (null: a world region without the UK)
    ['Palo Alto', 'US'],
    ['Redwood City', 'US'],
    ['San Francisco-Hybrid', 'US'],
    ['New York City-Hybrid', 'US'],
    ['NYC Hybrid Available', 'US'],
    ['Montreal HQ', 'CA'],
    ['Toronto (Remote)', 'CA'],
    ['Cologne', 'DE'],
    ['Berlin, Germany', 'DE'],
    ['Mapbox Minsk', 'BY'],
    ['Acme Helsinki Office', 'FI'],
    ['Remote - AMER', null],
    ['APAC | Remote', null],
    // A UK namesake does not win against a foreign qualifier.
    ['Cambridge, MA', 'US'],
    ['London, Ontario', 'CA'],
    ['Richmond, VA', 'US'],
    ['Perth, Australia', 'AU'],
    // A bare name a world city owns (millions against a UK village of a few thousand).
    ['Melbourne', 'AU'],
    ['Houston', 'US'],
  ])('%s → outside the UK (%s), no UK point', (text, country) => {
    const p = g.geocode(text)!;
    expect(p).toMatchObject({ resolved: false, lat: null, lon: null, localAuthority: null, region: null, outsideUk: { country } });
  });

  it.each([
    // UK towns that share a name with a world city stay British; a UK qualifier picks the UK namesake.
    ['Perth', 'Scotland'],
    ['Boston', 'East Midlands'],
    ['Hull', 'Yorkshire and The Humber'],
    ['Richmond', 'Yorkshire and The Humber'],
    ['Melbourne, Derbyshire', 'East Midlands'],
    ['Washington', 'North East'],
    ['Victoria', 'London'],
  ])('%s stays in the UK (%s)', (text, region) => {
    const p = g.geocode(text)!;
    expect(p).toMatchObject({ resolved: true, region });
    expect(p.outsideUk).toBeUndefined();
  });

  it('a bare first word of a UK name is never read as a foreign city ("Kingston" is not Jamaica)', () => {
    expect(g.geocode('Kingston')?.outsideUk).toBeUndefined();
  });

  it('words that name a workplace but no place name none', () => {
    for (const text of ['Headquarters', '*HQ', 'Head Office', 'Remote', 'Hybrid']) expect(g.geocode(text), text).toBeNull();
  });
});

describe('Crown Dependencies (Jersey, Guernsey, the Isle of Man)', () => {
  const g = createGeocoder(null);
  it.each([
    // text, country, precision
    ['Jersey, JE2 4XX', 'JE', 'district'],
    ['St Helier', 'JE', 'town'],
    ['Jersey', 'JE', 'area'],
    ['Guernsey, GY1 2AB', 'GG', 'district'],
    ['Alderney', 'GG', 'area'],
    ['Isle of Man', 'IM', 'area'],
    ['IM1 1AA', 'IM', 'district'],
  ])('%s is located but outside the UK (%s): no UK authority or region', (text, country, precision) => {
    const p = g.geocode(text)!;
    expect(p).toMatchObject({ resolved: true, precision, localAuthority: null, region: null, outsideUk: { country } });
    expect(p.lat).toBeTypeOf('number');
  });

  it('a UK town sharing a name with a Crown Dependency town stays the UK one', () => {
    expect(g.geocode('Douglas')).toMatchObject({ region: 'Scotland', resolved: true });
    expect(g.geocode('Ramsey')).toMatchObject({ region: 'East of England', resolved: true });
  });
});
