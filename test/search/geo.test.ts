import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundingBox, coveringCellTokens, haversineKm, placeCellTokens } from '../../src/search/geo.ts';

describe('geo cells', () => {
  it('haversine matches known UK distances', () => {
    // Leeds–York about 35.5 km, London–Manchester about 262 km (great circle).
    expect(haversineKm({ lat: 53.7997, lon: -1.5492 }, { lat: 53.959, lon: -1.0815 })).toBeCloseTo(35.5, 0);
    expect(Math.abs(haversineKm({ lat: 51.5072, lon: -0.1276 }, { lat: 53.4808, lon: -2.2426 }) - 262)).toBeLessThan(2);
  });

  it('every point inside the circle is in one of the covering cells (so the index never drops a match)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 49.5, max: 59, noNaN: true }),
        fc.double({ min: -8, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lat, lon, radiusKm, f, bearing) => {
          const cells = coveringCellTokens({ lat, lon }, radiusKm);
          if (!cells) return; // too big for any level: the engine falls back to the bounding box
          // A point at distance f·r along `bearing` (small-distance approximation, kept inside by 0.98).
          const d = f * radiusKm * 0.98;
          const p = {
            lat: lat + (d / 111.195) * Math.cos(bearing),
            lon: lon + (d / (111.195 * Math.cos((lat * Math.PI) / 180))) * Math.sin(bearing),
          };
          if (haversineKm({ lat, lon }, p) > radiusKm) return;
          const own = placeCellTokens(p);
          expect(cells.some((c) => own.includes(c))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('covers a 15 km radius with a handful of fine cells', () => {
    const cells = coveringCellTokens({ lat: 53.8, lon: -1.55 }, 15)!;
    expect(cells.length).toBeGreaterThan(4);
    expect(cells.length).toBeLessThanOrEqual(20);
    expect(cells.every((c) => c.startsWith('zg1'))).toBe(true);
  });

  it('the bounding box contains the circle', () => {
    const b = boundingBox({ lat: 55, lon: -3 }, 50);
    expect(haversineKm({ lat: 55, lon: -3 }, { lat: b.maxLat, lon: -3 })).toBeCloseTo(50, 0);
    expect(haversineKm({ lat: 55, lon: -3 }, { lat: 55, lon: b.maxLon })).toBeGreaterThanOrEqual(50);
  });
});
