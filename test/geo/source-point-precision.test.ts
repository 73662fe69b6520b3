import { describe, expect, it } from 'vitest';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { sourcePointPrecision } from '../../src/geo/source-point-precision.ts';
import { openDb } from '../../src/db.ts';

/**
 * A source's own point is as precise as the finest thing its names resolve
 * to near it; with nothing named, nothing found, or names far from the
 * point, it is only a 'point'. Strings and points written for the test
 * (the points are the places' own, to a few hundred metres).
 */
describe('sourcePointPrecision (bundled tables only)', () => {
  const g = createGeocoder(null);
  it.each([
    // what the source names, its point, the precision
    ['Arlesey, SG15 6SN', 52.0105, -0.2624, 'postcode'],
    ['LS1 4AP', 53.7995, -1.5475, 'postcode'],
    ['Brighton, BN3', 50.8392, -0.1769, 'district'],
    ['BD1', 53.794, -1.752, 'district'],
    ['Whitehaven', 54.5484, -3.5857, 'town'],
    ['Mayfair, London', 51.5099, -0.1478, 'neighbourhood'],
    ['Surrey', 51.25, -0.45, 'area'],
    ['London', 51.5074, -0.1278, 'area'],
    // A full postcode the bundled table lacks the district of, and a town it cannot find: the town decides.
    ['Salford, M50 1SY', 53.4824, -2.3149, 'town'],
    // Named, but far from the point: which one the point stands for is unknown.
    ['Maidstone, Kent ME14 1PA', 51.5218, 0.1721, 'point'],
    ['Jersey, JE1', 24.5917, -1.05, 'point'],
    ['Whitehaven', 50.3755, -4.1427, 'point'],
    // Nothing found.
    ['Bordesley Nowhere Street', 52.47, -1.87, 'point'],
  ])('%s at %f,%f → %s', (text, lat, lon, precision) => {
    expect(sourcePointPrecision(lat, lon, g.geocode(text))).toBe(precision);
  });
  it('nothing named: point', () => expect(sourcePointPrecision(53.8, -1.55, null)).toBe('point'));
  it('a place abroad (not resolved): point', () => expect(sourcePointPrecision(48.85, 2.35, g.geocode('Paris, France'))).toBe('point'));
});

describe('sourcePointPrecision with an imported postcode table', () => {
  it('a full postcode found in the table → postcode; an outward code → district', () => {
    const db = openDb(':memory:');
    db.$client.prepare("INSERT INTO postcodes (postcode, outward, lat, lon, town, region, local_authority) VALUES ('LS1 4AP', 'LS1', 53.7997, -1.5492, 'Leeds', 'Yorkshire and The Humber', 'E08000035')").run();
    const g = createGeocoder(db);
    expect(g.geocode('LS1 4AP')?.precision).toBe('postcode');
    expect(sourcePointPrecision(53.7995, -1.5475, g.geocode('LS1 4AP'))).toBe('postcode');
    expect(sourcePointPrecision(53.7995, -1.5475, g.geocode('LS1'))).toBe('district');
  });
});
