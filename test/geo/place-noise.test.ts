import { describe, expect, it } from 'vitest';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { stripPlaceNoise } from '../../src/geo/place-noise.ts';

describe('stripPlaceNoise', () => {
  it.each([
    // Work modes beside a place, however they are set off.
    ['San Francisco-Hybrid', 'San Francisco'],
    ['London (Remote)', 'London'],
    ['Leeds | Remote', 'Leeds'],
    ['Bristol - On-site', 'Bristol'],
    ['Remote - AMER', 'AMER'],
    ['Remote (Europe)', 'Europe'],
    ['NYC Hybrid Available', 'NYC'],
    ['Fully remote, Manchester', 'Manchester'],
    ['Work from home - Bristol', 'Bristol'],
    ['Working from home, Derby', 'Derby'],
    ['Home-based, Norwich', 'Norwich'],
    ['Field based - Kent', 'Kent'],
    ['Site-based, Crewe', 'Crewe'],
    ['Hybrid working, Leeds', 'Leeds'],
    ['Leeds - 2 days a week in the office', 'Leeds'],
    ['Flexible working location, Hull', 'Hull'],
    ['Leeds, Remote', 'Leeds'],
    // A bracket about how one works goes whole.
    ['Leeds (Hybrid - 3 days in office)', 'Leeds'],
    ['Hybrid (3 days in office), Leeds', 'Leeds'],
    ['Manchester (Remote within UK)', 'Manchester'],
    // Lead-ins.
    ['Based in Leeds', 'Leeds'],
    ['Location: York', 'York'],
    ['Job location - Hull', 'Hull'],
    ['Place of work: Bath', 'Bath'],
    ['Working from Leeds', 'Leeds'],
    ['Office in Manchester', 'Manchester'],
    ['Site: Sheffield', 'Sheffield'],
    ['Town: Bath', 'Bath'],
    ['In Leeds', 'Leeds'],
    ['At Leeds', 'Leeds'],
    // A workplace before or after the name.
    ['Montreal HQ', 'Montreal'],
    ['London Office', 'London'],
    ['San Francisco Office (HQ)', 'San Francisco'],
    ['*HQ - San Francisco, CA', 'San Francisco, CA'],
    ['Head Office: Leeds', 'Leeds'],
    // Nothing left: names no place.
    ['*HQ', ''],
    ['Headquarters', ''],
    ['Head Office', ''],
    ['Remote', ''],
    ['Anywhere', ''],
    ['Fully Remote', ''],
    ['Location: Remote', ''],
    // The places either side of a removed word stay apart.
    ['Leeds - Remote - York', 'Leeds - York'],
    ['Leeds / Remote / York', 'Leeds / York'],
    ['Orange County HQ / Remote Considered', 'Orange County HQ / Considered'],
    ['Colchester & Ipswich,, CO4 5JL', 'Colchester & Ipswich, CO4 5JL'],
    // Words that are part of a place stay, and no word is cut inside.
    ['Office Park, Leeds', 'Office Park, Leeds'],
    ['Workington', 'Workington'],
    ['Worksop, Nottinghamshire', 'Worksop, Nottinghamshire'],
    ['Sitwell Street, Derby', 'Sitwell Street, Derby'],
    ['Homerton', 'Homerton'],
    ['Virginia Water', 'Virginia Water'],
    ['Sutton-in-Ashfield', 'Sutton-in-Ashfield'],
    ['Newcastle upon Tyne', 'Newcastle upon Tyne'],
    ['Near Sawrey', 'Sawrey'],
    ['Atherstone', 'Atherstone'],
    ['Frome', 'Frome'],
    ['City of London', 'City of London'],
  ])('%s → %s', (text, expected) => {
    expect(stripPlaceNoise(text)).toBe(expected);
  });

  it('is idempotent: what it leaves has no more noise in it', () => {
    for (const text of ['London (Remote)', '*HQ - San Francisco, CA', 'Based in Leeds', 'Leeds - Remote - York', 'San Francisco Office (HQ)', 'Office Park, Leeds']) {
      const once = stripPlaceNoise(text);
      expect(stripPlaceNoise(once)).toBe(once);
    }
  });
});

describe('the geocoder takes the same noise off', () => {
  const geocoder = createGeocoder(null);
  it.each([
    ['Workington', 'Workington'],
    ['At Leeds', 'Leeds'],
    ['Work from home - Derby', 'Derby'],
    ['Office in Manchester', 'Manchester'],
    ['Location: York', 'York'],
  ])('%s → the town %s', (text, town) => {
    expect(geocoder.geocode(text)).toMatchObject({ town, resolved: true });
  });
  it.each([
    ['San Francisco Office (HQ)', 'US'],
    ['NYC Hybrid Available', 'US'],
    ['*HQ - San Francisco, CA', 'US'],
  ])('%s → outside the UK (%s)', (text, country) => {
    expect(geocoder.geocode(text)).toMatchObject({ resolved: false, outsideUk: { country } });
  });
});
