import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BandIndex, encodeBandKeys } from '../../src/vacancies/dedupe/band-index.ts';

describe('BandIndex', () => {
  it('holds every (key, id) pair once, through growth, like a map of sets', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 60 })), { maxLength: 400 }), (pairs) => {
        const index = new BandIndex(16);
        const expected = new Map<number, Set<number>>();
        for (const [k, id] of pairs) {
          // Keys far apart in value but equal in their low bits land in the same slots: collisions are exercised.
          const key = k * 65536;
          index.add(key, id);
          (expected.get(key) ?? expected.set(key, new Set()).get(key)!).add(id);
        }
        let total = 0;
        for (const [key, ids] of expected) {
          const got: number[] = [];
          index.collect(key, got);
          expect(got.sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
          total += ids.size;
        }
        expect(index.entries).toBe(total);
        const none: number[] = [];
        index.collect(41 * 65536, none);
        expect(none).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
  it('stores the low 32 bits of each 53-bit band key', () => {
    const buf = encodeBandKeys([2 ** 40 + 7, 4294967295]);
    expect([buf.readUInt32LE(0), buf.readUInt32LE(4)]).toEqual([7, 4294967295]);
  });
});
