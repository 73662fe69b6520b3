import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequiredLookup } from '../../src/taxonomy/enricher/requirement-context.ts';

describe('createRequiredLookup', () => {
  it('ends a sentence at . ! ? and ; followed by a space, each sentence with its own verdict', () => {
    const text = 'Forklift wanted! You must hold a DBS check? Excel is desirable; a licence is required. Stock control';
    const ask = createRequiredLookup(text);
    const at = (word: string) => ask(text.indexOf(word));
    expect(at('Forklift')).toBe(false);
    expect(at('DBS')).toBe(true);
    expect(at('Excel')).toBe(false);
    expect(at('licence')).toBe(true);
    expect(at('Stock')).toBe(false);
  });

  it('lets a desirable cue anywhere in the sentence beat a required one, before or after it', () => {
    const text = 'You must know Excel, ideally. Ideally you must know Word. Driving is not required. A must: SQL. Proven Excel';
    const ask = createRequiredLookup(text);
    expect(ask(text.indexOf('Excel'))).toBe(false);
    expect(ask(text.indexOf('Word'))).toBe(false);
    expect(ask(text.indexOf('Driving'))).toBe(false);
    expect(ask(text.indexOf('SQL'))).toBe(true);
    expect(ask(text.indexOf('Proven'))).toBe(true);
  });

  it('does not end a sentence at a stop with no space after it', () => {
    const text = 'Use of v1.2 tools is essential.\nExcel!or Word is helpful';
    const ask = createRequiredLookup(text);
    expect(ask(text.indexOf('tools'))).toBe(true);
    expect(ask(text.indexOf('Word'))).toBe(false);
  });

  it('finds a stop that comes many lines later, and lines asked again out of order', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `Line ${i} mentions Excel`);
    const text = `${lines.join('\n')}\nWhat a job! You must drive. Word is nice to have`;
    const ask = createRequiredLookup(text);
    expect(ask(text.indexOf('Line 3 '))).toBe(false);
    expect(ask(text.indexOf('drive'))).toBe(true);
    expect(ask(text.indexOf('Word'))).toBe(false);
    expect(ask(text.indexOf('Line 7 '))).toBe(false);
    expect(ask(text.indexOf('You must'))).toBe(true);
  });

  it('gives every offset the verdict a fresh lookup gives it, whatever was asked before', () => {
    const piece = fc.constantFrom('Essential:', 'Desirable:', 'must have', 'would be an advantage', 'Excel', 'v1.2', '.', '!', '?', ';', ' ', '  ', '\n', '\n\n', 'word');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }).map((p) => p.join('')), fc.array(fc.nat(), { maxLength: 20 }), (text, picks) => {
        if (!text) return;
        const offsets = picks.map((p) => p % text.length);
        const shared = createRequiredLookup(text);
        for (const offset of offsets) expect(shared(offset)).toBe(createRequiredLookup(text)(offset));
      }),
      { numRuns: 300 },
    );
  });
});
