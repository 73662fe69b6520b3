import { queryTooCostly } from './search-errors.ts';

/**
 * Turns what a coach types into a safe FTS5 expression. Every token is
 * quoted, so FTS5 operators (OR, NOT, NEAR(, ^, :, *, parentheses) typed by a
 * user are just words, and nothing a user types can cause a syntax error.
 * Supported: plain words (all must match, stemmed), "quoted phrases"
 * (unbalanced quotes run to the end), and prefix* terms.
 *
 * Syntax cannot fail, but cost can: `a*` expands to every word starting with
 * "a" (at 60k adverts: all of them), and each further term multiplies the
 * work (`a* ` ×32 took minutes). So parseBoundedQuery refuses, with a 422
 * naming `q`, queries over QUERY_LIMITS; repeated terms count once.
 */

export type QueryTerm =
  | { kind: 'word'; tokens: string[] }
  | { kind: 'phrase'; tokens: string[] }
  | { kind: 'prefix'; tokens: string[] };

const MAX_TOKEN_LENGTH = 64;

export const QUERY_LIMITS = {
  /** Words in all, counting each word of a phrase. */
  maxWords: 16,
  maxPrefixTerms: 3,
  /** Letters before the `*`. */
  minPrefixLength: 3,
} as const;

/** Runs of letters/digits: the same characters the unicode61 tokenizer keeps. */
function wordTokens(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/[\p{L}\p{N}\p{M}\p{Co}]+/gu)) {
    const t = m[0];
    if (/[\p{L}\p{N}\p{Co}]/u.test(t)) out.push(t.slice(0, MAX_TOKEN_LENGTH).toLowerCase());
  }
  return out;
}

export function parseUserQuery(q: string | undefined | null): QueryTerm[] {
  const s = (q ?? '').slice(0, 1000);
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      const end = s.indexOf('"', i + 1);
      const body = end === -1 ? s.slice(i + 1) : s.slice(i + 1, end);
      i = end === -1 ? s.length : end + 1;
      const tokens = wordTokens(body);
      if (tokens.length) terms.push({ kind: tokens.length > 1 ? 'phrase' : 'word', tokens });
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/u.test(s[j]!) && s[j] !== '"') j++;
    const chunk = s.slice(i, j);
    i = j;
    const tokens = wordTokens(chunk);
    if (!tokens.length) continue;
    if (/\*$/.test(chunk)) terms.push({ kind: 'prefix', tokens });
    // "e-mail", "c++": several tokens from one chunk are matched as a phrase, as FTS5 would.
    else terms.push({ kind: tokens.length > 1 ? 'phrase' : 'word', tokens });
  }
  // A repeated term changes nothing in an AND but would be evaluated again.
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.kind}:${t.tokens.join(' ')}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Why the terms are too costly to run, in words a coach understands; null when they are fine. */
export function describeQueryCost(terms: QueryTerm[]): string | null {
  const words = terms.reduce((n, t) => n + t.tokens.length, 0);
  if (words > QUERY_LIMITS.maxWords) {
    return `too many words: at most ${QUERY_LIMITS.maxWords} per search (this one has ${words})`;
  }
  const prefixes = terms.filter((t) => t.kind === 'prefix');
  const short = prefixes.find((t) => Array.from(t.tokens.at(-1)!).length < QUERY_LIMITS.minPrefixLength);
  if (short) {
    return `"${short.tokens.join(' ')}*" is too short: a prefix* needs at least ${QUERY_LIMITS.minPrefixLength} letters before the *`;
  }
  if (prefixes.length > QUERY_LIMITS.maxPrefixTerms) {
    return `too many prefix* terms: at most ${QUERY_LIMITS.maxPrefixTerms} per search (this one has ${prefixes.length})`;
  }
  return null;
}

/** parseUserQuery, refusing with a 422 on `q` what is too costly to run. */
export function parseBoundedQuery(q: string | undefined | null): QueryTerm[] {
  const terms = parseUserQuery(q);
  const problem = describeQueryCost(terms);
  if (problem) throw queryTooCostly(problem);
  return terms;
}

/**
 * Free text that is not a coach's query (a participant's past job title)
 * as a query parseBoundedQuery always accepts: its distinct words, plain (no
 * phrases or prefixes), cut to QUERY_LIMITS.maxWords. A 200-character
 * title can hold 30 words; refusing it would fail the whole matches read.
 */
export function toBoundedWordQuery(text: string): string {
  return [...new Set(wordTokens(text.slice(0, 1000)))].slice(0, QUERY_LIMITS.maxWords).join(' ');
}

const quote = (tokens: string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;

/** The terms ANDed (or OR'd, for highlighting) as an FTS5 expression; null when there are none. */
export function toFtsExpression(terms: QueryTerm[], op: 'AND' | 'OR' = 'AND'): string | null {
  if (!terms.length) return null;
  return terms.map((t) => (t.kind === 'prefix' ? `${quote(t.tokens)} *` : quote(t.tokens))).join(` ${op} `);
}
