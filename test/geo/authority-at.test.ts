import { describe, expect, it } from 'vitest';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { loadReferenceTables } from '../../src/geo/reference-tables.ts';
import { parseLocation } from '../../src/vacancies/normalise/location.ts';

/**
 * A source's point for a postcode whose district the bundled table lacks
 * (M50, Salford Quays, is not in Gibbs' list): the authority comes from the
 * point, the way the bundled table itself assigns a district whose source
 * names no authority.
 */
describe('geocoder.authorityAt', () => {
  const g = createGeocoder(null);
  it.each([
    ['Salford Quays (M50 1SY)', 53.4824, -2.31492, 'Salford'],
    ['Leeds city centre', 53.7965, -1.5479, 'Leeds'],
    ['Cardiff', 51.4816, -3.1791, 'Cardiff'],
    ['Inverness', 57.4778, -4.2247, 'Highland'],
  ])('%s → %s', (_, lat, lon, name) => {
    expect(g.authorityAt!(lat, lon)).toMatchObject({ name, code: expect.stringMatching(/^[EWSN]\d{8}$/) });
  });
  it.each([
    ['Paris', 48.8566, 2.3522],
    ['St Helier, Jersey', 49.1868, -2.1071],
    ['mid-Atlantic', 50, -30],
  ])('%s → none', (_, lat, lon) => {
    expect(g.authorityAt!(lat, lon)).toBeNull();
  });
  it("names each bundled district's own authority from its centroid for at least 89% of them", () => {
    const ref = loadReferenceTables();
    const districts = [...ref.outcodes.values()].filter((o) => o.localAuthority);
    const right = districts.filter((o) => ref.nearestAuthority(o.lat, o.lon)?.code === o.localAuthority).length;
    expect(districts.length).toBeGreaterThan(2500);
    expect(right / districts.length).toBeGreaterThanOrEqual(0.89);
  });
});

describe('parseLocation: a source point with a postcode the table lacks', () => {
  const g = createGeocoder(null);
  it('"Various, Various, M50 1SY" with the source\'s coordinates is in Salford', () => {
    const r = parseLocation(g, { title: 'x', location: 'Various, Various, M50 1SY', town: 'Various, Various', postcode: 'M50 1SY', lat: 53.4824, lon: -2.31492 });
    expect(r.location).toMatchObject({ postcode: 'M50 1SY', localAuthority: 'E08000006', localAuthorityName: 'Salford', region: 'North West', resolved: true });
  });
  it('a postcode the table knows keeps its own authority, wherever the source put the point', () => {
    // LS1 is Leeds; the point is in Bradford.
    const r = parseLocation(g, { title: 'x', location: 'LS1 4AP', postcode: 'LS1 4AP', lat: 53.795, lon: -1.7594 });
    expect(r.location).toMatchObject({ localAuthorityName: 'Leeds' });
  });
  it('no postcode: the point invents no authority ("London" stays the region)', () => {
    const r = parseLocation(g, { title: 'x', location: 'London', town: 'London', lat: 51.5074, lon: -0.1278 });
    expect(r.location).toMatchObject({ localAuthority: null, region: 'London' });
    expect(r.location).not.toHaveProperty('localAuthorityName');
  });
  it('a Jersey postcode with its point stays outside the UK, with no authority', () => {
    const r = parseLocation(g, { title: 'x', location: 'JE2 3QS', postcode: 'JE2 3QS', lat: 49.2018, lon: -2.1072 });
    expect(r.location).toMatchObject({ localAuthority: null, outsideUk: { country: 'JE' } });
  });
});
