import { describe, expect, it } from 'vitest';
import { parseUserQuery, toFtsExpression } from '../../src/search/fts-query.ts';

const expr = (q: string) => toFtsExpression(parseUserQuery(q));

describe('user query → FTS5 expression', () => {
  it('quotes every word and ANDs them', () => {
    expect(expr('care assistant')).toBe('"care" AND "assistant"');
    expect(expr('  Care   ')).toBe('"care"');
  });

  it('keeps phrases, prefixes and runs an unbalanced quote to the end', () => {
    expect(expr('"personal care" leeds')).toBe('"personal care" AND "leeds"');
    expect(expr('physio*')).toBe('"physio" *');
    expect(expr('"night shift')).toBe('"night shift"');
  });

  it('turns operators and punctuation into plain words or nothing', () => {
    expect(expr('care OR NOT NEAR(home')).toBe('"care" AND "or" AND "not" AND "near home"');
    expect(expr('title:care')).toBe('"title care"');
    expect(expr('* - -- ^ ( ) 🙂')).toBeNull();
    expect(expr('')).toBeNull();
    expect(expr('e-mail c++')).toBe('"e mail" AND "c"');
  });

  it('ORs terms for highlighting', () => {
    expect(toFtsExpression(parseUserQuery('care home*'), 'OR')).toBe('"care" OR "home" *');
  });

  it('caps very long input', () => {
    const terms = parseUserQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
    expect(terms.length).toBe(32);
  });
});
