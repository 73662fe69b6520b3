import type { Token } from './text.ts';

/** One match of a phrase: token positions [from, to) and what was stored at that phrase. */
export interface PhraseMatch<T> {
  from: number;
  to: number;
  values: readonly T[];
}

// Edge keys pack (node, token id) into one number: node * 2^21 + token.
// One flat Map over all edges is much lighter than a Map per node when the
// trie holds ~100k labels (all of ESCO), and just as fast to probe.
const TOKEN_BITS = 2 ** 21;

/**
 * A trie over token stems: the word-level equivalent of an Aho-Corasick
 * automaton for dictionary matching. Matching is leftmost-longest and never
 * overlapping, and because it walks whole tokens it can never match inside
 * another word ("art" in "start").
 */
export class PhraseTrie<T> {
  private readonly vocab = new Map<string, number>();
  private readonly edges = new Map<number, number>();
  private readonly values: (T[] | undefined)[] = [undefined];
  private nodes = 1;

  get size(): number {
    return this.nodes;
  }

  /** Adds a phrase (its stems, in order) carrying `value`. */
  add(stems: readonly string[], value: T): void {
    if (stems.length === 0) return;
    let node = 0;
    for (const s of stems) {
      let id = this.vocab.get(s);
      if (id === undefined) {
        id = this.vocab.size;
        if (id >= TOKEN_BITS) return; // beyond any real vocabulary; ignore rather than corrupt keys
        this.vocab.set(s, id);
      }
      const key = node * TOKEN_BITS + id;
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.nodes++;
        this.edges.set(key, next);
        this.values.push(undefined);
      }
      node = next;
    }
    const list = this.values[node];
    if (list) list.push(value);
    else this.values[node] = [value];
  }

  /** The values stored at exactly this phrase. */
  get(stems: readonly string[]): readonly T[] | undefined {
    let node = 0;
    for (const s of stems) {
      const id = this.vocab.get(s);
      if (id === undefined) return undefined;
      const next = this.edges.get(node * TOKEN_BITS + id);
      if (next === undefined) return undefined;
      node = next;
    }
    return this.values[node];
  }

  /** Token ids of a token list (-1 for words no phrase contains). */
  idsOf(tokens: readonly Token[]): Int32Array {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = this.vocab.get(tokens[i]!.stem) ?? -1;
    return ids;
  }

  /** The token id of a stem, or -1 when no phrase contains it. */
  idOf(stem: string): number {
    return this.vocab.get(stem) ?? -1;
  }

  /** Leftmost-longest, non-overlapping matches over `tokens`. */
  match(tokens: readonly Token[]): PhraseMatch<T>[] {
    return this.matchIds(this.idsOf(tokens));
  }

  /** The same over token ids (see idOf), for callers that cache word → id. */
  matchIds(ids: ArrayLike<number>): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    const n = ids.length;
    let i = 0;
    while (i < n) {
      let node = 0;
      let bestTo = -1;
      let best: T[] | undefined;
      for (let j = i; j < n; j++) {
        const id = ids[j]!;
        if (id < 0) break;
        const next = this.edges.get(node * TOKEN_BITS + id);
        if (next === undefined) break;
        node = next;
        const v = this.values[node];
        if (v) {
          bestTo = j + 1;
          best = v;
        }
      }
      if (best) {
        out.push({ from: i, to: bestTo, values: best });
        i = bestTo;
      } else i++;
    }
    return out;
  }
}
