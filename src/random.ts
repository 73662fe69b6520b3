/** A seeded random number generator: same seed, same sequence. Returns numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: tiny and fast, with plenty of variety for generated demo,
 * benchmark and test data. Not for anything secret (tokens use node:crypto).
 */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
