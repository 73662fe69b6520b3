import { describe, expect, it } from 'vitest';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { finestNamed, placeFineness, placeSegments } from '../../scripts/eval/normalise-classes.ts';

/**
 * The normalise eval's "named at the finest level the string gives"
 * (issue 17): the finest place any part of a string names alone, against
 * what the geocoder made of the whole string.
 */
describe('finest level a place string gives', () => {
  const g = createGeocoder(null);
  const geocode = (t: string) => g.geocode(t);

  it('splits a string as boards separate its parts', () => {
    expect(placeSegments('Woking, Surrey')).toEqual(['Woking', 'Surrey']);
    expect(placeSegments('Leeds | West Yorkshire (Hybrid)')).toEqual(['Leeds', 'West Yorkshire', 'Hybrid']);
    expect(placeSegments('Bristol - Avonmouth')).toEqual(['Bristol', 'Avonmouth']);
  });

  it('orders postcode, district, neighbourhood, town, authority, county, region; a point or nothing lowest', () => {
    const f = (t: string) => placeFineness(geocode(t));
    // Without an imported postcode directory a full postcode is its district's centroid, and says so.
    expect(f('SE1 7PB')).toBe(f('SE1'));
    expect(placeFineness({ resolved: true, precision: 'postcode' })).toBeGreaterThan(f('SE1'));
    expect(f('SE1')).toBeGreaterThan(f('Chingford'));
    expect(f('Chingford')).toBeGreaterThan(f('Woking'));
    expect(f('Woking')).toBeGreaterThan(f('North Tyneside'));
    expect(f('North Tyneside')).toBeGreaterThan(f('Surrey'));
    expect(f('Surrey')).toBeGreaterThan(f('South East'));
    expect(placeFineness(null)).toBeLessThan(placeFineness({ resolved: true, precision: 'point' }));
  });

  it('finds the finest part: a town inside a county string, the county when that is all it names', () => {
    expect(finestNamed(geocode, 'Woking, Surrey')).toEqual({ fineness: placeFineness(geocode('Woking')), part: 'Woking, Surrey' });
    expect(finestNamed(geocode, 'Surrey, South East').fineness).toBe(placeFineness(geocode('Surrey')));
    // A coarser whole than a part alone is what the eval counts as a miss.
    const whole = { resolved: true, precision: 'area' as const, area: { code: 'x', name: 'Surrey', kind: 'county', radiusKm: 30 } };
    expect(placeFineness(whole)).toBeLessThan(finestNamed(geocode, 'Woking, Surrey').fineness);
  });
});
