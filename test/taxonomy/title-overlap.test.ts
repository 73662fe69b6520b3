import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TitleOverlapIndex, type OverlapTitle } from '../../src/taxonomy/enricher/title-overlap.ts';

// The obvious computation: every title's idf-weighted Jaccard × factor (0 when it shares no word).
function scoresByBruteForce(titles: OverlapTitle[], index: TitleOverlapIndex, q: string[]): number[] {
  const qSum = q.reduce((n, s) => n + index.idf(s), 0);
  return titles.map((t) => {
    // Words in over 2,000 titles do not count as shared (none here are that common).
    const shared = q.filter((s) => t.stems.includes(s)).reduce((n, s) => n + index.idf(s), 0);
    if (shared === 0) return 0;
    const sum = t.stems.reduce((n, s) => n + index.idf(s), 0);
    return (shared / (qSum + sum - shared)) * t.factor;
  });
}

describe('title overlap index', () => {
  const words = ['care', 'assist', 'senior', 'nurse', 'staff', 'ward', 'driver', 'hgv', 'van', 'kitchen', 'porter', 'chef', 'support', 'work'];
  const titleArb = fc.record({
    stems: fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }),
    factor: fc.constantFrom(1, 0.93, 0.88, 0.85),
  });

  it('finds the same best title as scoring every title, though it walks only the rarer words', () => {
    fc.assert(
      fc.property(fc.array(titleArb, { minLength: 1, maxLength: 60 }), fc.uniqueArray(fc.constantFrom(...words, 'unknownword'), { minLength: 1, maxLength: 4 }), fc.constantFrom(0, 0.2, 0.34, 0.6), (titles, q, min) => {
        const index = new TitleOverlapIndex(titles);
        const got = index.best(q, min);
        const scores = scoresByBruteForce(titles, index, q);
        const top = Math.max(...scores);
        if (top === 0 || top < min) expect(got).toBeNull();
        else {
          // A best title: sums taken in another order may differ in the last bit, so exact ties may fall either way.
          expect(got?.score).toBeCloseTo(top, 12);
          expect(scores[got!.title]).toBeCloseTo(top, 12);
        }
        // The index is reused from query to query: asking again gives the same answer.
        expect(index.best(q, min)).toEqual(got);
      }),
      { numRuns: 400 },
    );
  });

  it('weighs rare words above common ones, and gives a tie to the earlier title', () => {
    const index = new TitleOverlapIndex([
      { stems: ['care', 'assist'], factor: 1 },
      { stems: ['care', 'work'], factor: 1 },
      { stems: ['care', 'home', 'manag'], factor: 1 },
      { stems: ['kitchen', 'porter'], factor: 1 },
      { stems: ['kitchen', 'porter'], factor: 1 },
    ]);
    expect(index.idf('care')).toBeLessThan(index.idf('porter'));
    expect(index.best(['care', 'assist', 'senior'], 0.2)?.title).toBe(0);
    // Two equal titles tie: the earlier wins.
    expect(index.best(['porter'], 0.2)?.title).toBe(3);
    expect(index.best(['kitchen', 'porter'], 0.2)).toEqual({ title: 3, score: 1 });
    expect(index.best(['zebra'], 0.2)).toBeNull();
  });
});
