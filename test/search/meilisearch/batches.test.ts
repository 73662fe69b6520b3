import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../../../src/search/engine.ts';
import { planWriteBatches } from '../../../src/search/meilisearch/batches.ts';

function doc(id: number, places: number, title = `Job ${id}`): SearchDocument {
  return {
    id, title, description: '', employer: null,
    places: Array.from({ length: places }, (_, i) => ({ lat: 50 + i, lon: -1 })),
    town: null, region: null, localAuthority: null, sector: null, occupationCode: null, contract: null,
    employmentType: null, remote: null, salaryAnnualMin: null, salaryAnnualMax: null, datePosted: 0,
    skills: [], clusterId: id, isDemo: false,
  };
}

describe('planWriteBatches', () => {
  it('fills batches up to the size without splitting a vacancy', () => {
    const batches = planWriteBatches([doc(1, 2), doc(2, 0), doc(3, 3), doc(4, 1), doc(5, 1)], 4);
    expect(batches.map((b) => b.meili.map((d) => d.docId))).toEqual([
      ['1-0', '1-1', '2-0'],
      ['3-0', '3-1', '3-2', '4-0'],
      ['5-0'],
    ]);
    expect(batches.map((b) => [...b.placeCounts])).toEqual([[[1, 2], [2, 1]], [[3, 3], [4, 1]], [[5, 1]]]);
  });

  it('gives a vacancy bigger than the batch size a batch of its own', () => {
    const batches = planWriteBatches([doc(1, 1), doc(2, 5), doc(3, 1)], 3);
    expect(batches.map((b) => b.meili.length)).toEqual([1, 5, 1]);
  });

  it('keeps only the last version of a vacancy that appears twice', () => {
    const batches = planWriteBatches([doc(1, 1, 'old'), doc(2, 1), doc(1, 2, 'new')], 10);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.meili.map((d) => [d.docId, d.title])).toEqual([['2-0', 'Job 2'], ['1-0', 'new'], ['1-1', 'new']]);
    expect(batches[0]!.placeCounts.get(1)).toBe(2);
  });

  it('plans nothing for no documents', () => {
    expect(planWriteBatches([], 1000)).toEqual([]);
  });
});
