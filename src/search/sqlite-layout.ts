/**
 * The names and tokens the embedded engine's writer (sqlite-engine.ts) and
 * its readers (sqlite-search.ts, in-process or in a worker thread) must agree
 * on. The layout itself, and why it is so, is explained in sqlite-engine.ts.
 */

export const TOKENIZE = `porter unicode61 remove_diacritics 2`;
export const RANK = 'bm25(8.0, 1.0, 3.0, 0.0)';

/** Filter token: kind prefix + hex of the value (injective, porter-proof: ends in a digit). */
export function tagToken(kind: string, value: string): string {
  return `z${kind}${Buffer.from(value, 'utf8').toString('hex')}0`;
}
export const TAG_KIND = { sector: 's', contract: 'c', employmentType: 'e', remote: 'r', occupationCode: 'o' } as const;

export type FilterKind = keyof typeof TAG_KIND;
/** Order in which a filter is fused with the geo cells: most selective first. */
export const FUSE_ORDER: FilterKind[] = ['occupationCode', 'sector', 'contract', 'employmentType', 'remote'];

export interface Tables {
  docs: string;
  text: string;
  fts: string;
}
export const LIVE: Tables = { docs: 'search_docs', text: 'search_text', fts: 'search_fts' };
export const NEXT: Tables = { docs: 'search_docs_next', text: 'search_text_next', fts: 'search_fts_next' };

/** Reads current title + description for ids (for highlighting). */
export type TextSource = (ids: number[]) => Map<number, { title: string; description: string }>;
