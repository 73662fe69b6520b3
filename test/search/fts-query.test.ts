import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/errors.ts';
import { describeQueryCost, parseBoundedQuery, parseUserQuery, QUERY_LIMITS, toBoundedWordQuery, toFtsExpression } from '../../src/search/fts-query.ts';

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

  it('counts a repeated term once', () => {
    expect(expr('care care* care "care" care*')).toBe('"care" AND "care" *');
  });
});

describe('query cost bounds', () => {
  const refusal = (q: string) => {
    try {
      parseBoundedQuery(q);
    } catch (error) {
      return error;
    }
    return null;
  };

  it('refuses `a* ` ×32 (issue 11) with a 422 naming q', () => {
    const error = refusal('a* '.repeat(32));
    expect(error).toBeInstanceOf(ProblemError);
    const problem = error as ProblemError;
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([{ path: 'q', message: expect.stringContaining('at least 3 letters before the *') }]);
  });

  it('refuses prefixes shorter than the minimum, however written', () => {
    expect(describeQueryCost(parseUserQuery('a*'))).toMatch(/"a\*" is too short/);
    expect(describeQueryCost(parseUserQuery('care ma*'))).toMatch(/"ma\*" is too short/);
    // The prefix is the last token of a chunk: "e-ma*" is the phrase "e ma" with "ma" as the prefix.
    expect(describeQueryCost(parseUserQuery('e-ma*'))).toMatch(/too short/);
    expect(describeQueryCost(parseUserQuery('man*'))).toBeNull();
  });

  it('allows at most 3 prefix terms and 16 words, counting the words of phrases', () => {
    expect(describeQueryCost(parseUserQuery('man* sup* ass*'))).toBeNull();
    expect(describeQueryCost(parseUserQuery('man* sup* ass* car*'))).toMatch(/too many prefix\* terms: at most 3 .*has 4/);
    const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    expect(describeQueryCost(parseUserQuery(words(QUERY_LIMITS.maxWords)))).toBeNull();
    expect(describeQueryCost(parseUserQuery(words(17)))).toMatch(/too many words: at most 16 .*has 17/);
    expect(describeQueryCost(parseUserQuery(`"${words(10)}" ${words(7).replaceAll('w', 'v')}`))).toMatch(/has 17/);
  });

  it('passes what is within the bounds through unchanged', () => {
    expect(parseBoundedQuery('"personal care" leeds nur*')).toEqual(parseUserQuery('"personal care" leeds nur*'));
    expect(parseBoundedQuery('')).toEqual([]);
  });
});

describe('free text as a bounded query (past job titles in matches)', () => {
  it('keeps the first distinct words, plain, up to the word limit, so the bounds never refuse it', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`);
    const long = `${words.join(' ')} a* "quoted NEAR(x) OR`;
    const q = toBoundedWordQuery(long);
    expect(q.split(' ')).toEqual(words.slice(0, QUERY_LIMITS.maxWords));
    expect(() => parseBoundedQuery(long)).toThrow(ProblemError);
    expect(parseBoundedQuery(q).every((t) => t.kind === 'word')).toBe(true);
    // Operators and prefixes a title may contain are words, not syntax; repeats count once.
    expect(toBoundedWordQuery('Team* Leader "Nights" team leader')).toBe('team leader nights');
    expect(describeQueryCost(parseUserQuery(toBoundedWordQuery('a* b* c* d* e*')))).toBeNull();
  });
});
