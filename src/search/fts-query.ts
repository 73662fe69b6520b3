/**
 * Turns what a coach types into a safe FTS5 expression. Every token is
 * quoted, so FTS5 operators (OR, NOT, NEAR(, ^, :, *, parentheses) typed by a
 * user are just words, and nothing a user types can cause a syntax error.
 * Supported: plain words (all must match, stemmed), "quoted phrases"
 * (unbalanced quotes run to the end), and prefix* terms.
 */

export type QueryTerm =
  | { kind: 'word'; tokens: string[] }
  | { kind: 'phrase'; tokens: string[] }
  | { kind: 'prefix'; tokens: string[] };

const MAX_TERMS = 32;
const MAX_TOKEN_LENGTH = 64;

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
  while (i < s.length && terms.length < MAX_TERMS) {
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
  return terms;
}

const quote = (tokens: string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;

/** The terms ANDed (or OR'd, for highlighting) as an FTS5 expression; null when there are none. */
export function toFtsExpression(terms: QueryTerm[], op: 'AND' | 'OR' = 'AND'): string | null {
  if (!terms.length) return null;
  return terms.map((t) => (t.kind === 'prefix' ? `${quote(t.tokens)} *` : quote(t.tokens))).join(` ${op} `);
}
