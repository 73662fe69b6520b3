import { beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db.ts';
import { withSpanEvidence } from '../../src/matching/span-evidence.ts';
import { createMentionExtractor, mentionExtractorFor, type MentionExtractor } from '../../src/taxonomy/mentions/extract-mentions.ts';
import { loadServedTaxonomy } from '../../src/taxonomy/served-taxonomy.ts';
import type { Taxonomy } from '../../src/taxonomy/model.ts';

/** Issue 15: explanations quote the advert's skill span, not only the dictionary label the spotter found. */
let taxonomy: Taxonomy;
let extractor: MentionExtractor;
beforeAll(() => {
  taxonomy = loadServedTaxonomy(openDb(':memory:'));
  extractor = createMentionExtractor(taxonomy);
});

const ADVERT =
  'You will be responsible for stock rotation and replenishment, picking and packing customer orders and loading delivery vehicles. ' +
  'Good communication skills are essential.';

describe('withSpanEvidence', () => {
  it("quotes the span that holds the spotter's words or maps to the skill, and keeps what it cannot improve", () => {
    const mentions = extractor.extract(ADVERT);
    const needs = [
      { skillId: 'fp:order-picking', evidence: 'picking and packing', label: 'Order picking' },
      { skillId: 'fp:stock-rotation', evidence: 'stock rotation', label: 'Stock rotation' },
      { skillId: 'fp:forklift-counterbalance', evidence: 'required by occupation Warehouse operatives', label: 'Counterbalance forklift' },
      { skillId: 'fp:first-aid', evidence: 'first aid', label: 'First aid' },
      { skillId: 'fp:stock-rotation', evidence: 'often asked by occupation Warehouse operatives', label: 'Stock rotation' },
    ];
    const quoted = withSpanEvidence(mentions, needs);
    expect(quoted[0]!.evidence).toBe('picking and packing customer orders');
    expect(ADVERT).toContain(quoted[0]!.evidence);
    expect(quoted[1]!.evidence).toBe('stock rotation');
    // Not advert text, and not in the advert at all: left as they were.
    expect(quoted[2]).toBe(needs[2]);
    expect(quoted[3]).toBe(needs[3]);
    expect(quoted[4]).toBe(needs[4]);
    // Everything else on the need is kept.
    expect(quoted[0]).toMatchObject({ skillId: 'fp:order-picking', label: 'Order picking' });
  });

  it('one extractor per taxonomy snapshot', () => {
    expect(mentionExtractorFor(taxonomy)).toBe(mentionExtractorFor(taxonomy));
  });
});
