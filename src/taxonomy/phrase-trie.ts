import type { Lexicon, WordScan } from './lexicon.ts';
import type { Token } from './text.ts';

/** One match of a phrase: token positions [from, to) and what was stored at that phrase. */
export interface PhraseMatch<T> {
  from: number;
  to: number;
  values: readonly T[];
}

// Token ids stay below 2^21 (the vocabulary cap; far beyond any real one).
const TOKEN_BITS = 2 ** 21;

/**
 * Edges below the root: (node, token id) → child node, one flat open-addressing
 * table over typed arrays. Much lighter than a Map per node with ~100k labels
 * (all of ESCO), and unlike a Map keyed by node * 2^21 + token it needs no
 * boxed number per probe (matchIds probes it for every word that starts a phrase).
 */
class EdgeTable {
  // Slot q holds [node, token, child] at 3q..3q+2, side by side so a probe touches one cache line
  // (the table is megabytes with all of ESCO and cold by the time the next advert comes).
  // node 0 marks an empty slot: edges out of the root live in rootNext.
  private slots = new Int32Array(3 << 10);
  private shift = 32 - 10;
  private count = 0;
  // A Bloom filter of the edges, two bits each, about 8 bits per edge: small enough to stay in cache
  // where the table (megabytes with ESCO) does not, so the walks that stop (most: "care" is a label
  // and starts many, but is rarely followed by a word that continues one) cost no table probe. ~3% false positives.
  private bloom = new Int32Array(1 << 7);
  private bloomShift = 32 - 12;

  get(node: number, token: number): number {
    const h = Math.imul(node ^ Math.imul(token, 0x27d4eb2f), 0x165667b1);
    const bloom = this.bloom;
    const a = h >>> this.bloomShift;
    const b = Math.imul(h, 0x9e3779b1) >>> this.bloomShift;
    if ((bloom[a >>> 5]! & (1 << (a & 31))) === 0 || (bloom[b >>> 5]! & (1 << (b & 31))) === 0) return -1;
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    for (let p = slotOf(node, token, this.shift); slots[3 * p] !== 0; p = (p + 1) & mask) {
      if (slots[3 * p] === node && slots[3 * p + 1] === token) return slots[3 * p + 2]!;
    }
    return -1;
  }

  /** Adds an edge known to be absent. */
  set(node: number, token: number, child: number): void {
    if ((this.count + 1) * 2 > this.slots.length / 3) {
      const old = this.slots;
      this.slots = new Int32Array(old.length * 2);
      this.shift--;
      // The filter doubles with the table: 2^(k+2) bits for 2^k slots, so at least 8 bits per edge.
      this.bloom = new Int32Array(this.bloom.length * 2);
      this.bloomShift--;
      for (let q = 0; q < old.length; q += 3) if (old[q] !== 0) this.place(old[q]!, old[q + 1]!, old[q + 2]!);
    }
    this.place(node, token, child);
    this.count++;
  }

  private place(node: number, token: number, child: number): void {
    const h = Math.imul(node ^ Math.imul(token, 0x27d4eb2f), 0x165667b1);
    const a = h >>> this.bloomShift;
    const b = Math.imul(h, 0x9e3779b1) >>> this.bloomShift;
    this.bloom[a >>> 5]! |= 1 << (a & 31);
    this.bloom[b >>> 5]! |= 1 << (b & 31);
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let p = slotOf(node, token, this.shift);
    while (slots[3 * p] !== 0) p = (p + 1) & mask;
    slots[3 * p] = node;
    slots[3 * p + 1] = token;
    slots[3 * p + 2] = child;
  }
}

function slotOf(node: number, token: number, shift: number): number {
  return Math.imul(Math.imul(node, 0x9e3779b1) ^ token, 0x85ebca6b) >>> shift;
}

/**
 * A trie over token stems: the word-level equivalent of an Aho-Corasick
 * automaton for dictionary matching. Matching is leftmost-longest and never
 * overlapping, and because it walks whole tokens it can never match inside
 * another word ("art" in "start").
 */
export class PhraseTrie<T> {
  private readonly vocab = new Map<string, number>();
  private readonly edges = new EdgeTable();
  // Edges out of the root, by token id: every known word probes the root, so
  // it gets an array instead of a Map probe (-1: no edge).
  private rootNext = new Int32Array(1024).fill(-1);
  private readonly values: (T[] | undefined)[] = [undefined];
  private nodes = 1;
  // Lexicon word id → token id (-2: not looked up yet), for the lexicon generation below.
  private byWord = new Int32Array(0);
  private byWordGeneration = -1;
  private scratchIds = new Int32Array(256);

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
      let next: number | undefined;
      if (node === 0) {
        if (id >= this.rootNext.length) {
          const grown = new Int32Array(Math.max(id + 1, this.rootNext.length * 2)).fill(-1);
          grown.set(this.rootNext);
          this.rootNext = grown;
        }
        next = this.rootNext[id]!;
        if (next < 0) {
          next = this.nodes++;
          this.rootNext[id] = next;
          this.values.push(undefined);
        }
      } else {
        next = this.edges.get(node, id);
        if (next < 0) {
          next = this.nodes++;
          this.edges.set(node, id, next);
          this.values.push(undefined);
        }
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
      const next = this.step(node, id);
      if (next < 0) return undefined;
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

  private step(node: number, id: number): number {
    return node === 0 ? (this.rootNext[id] ?? -1) : this.edges.get(node, id);
  }

  /**
   * Token ids (-1: no phrase has the word) of the scanned words [from, to),
   * one array read per word once the lexicon word was seen. The array
   * returned is a view of a buffer the next call on this trie overwrites.
   */
  idsOfScan(lexicon: Lexicon, scan: WordScan, from = 0, to = scan.n): Int32Array {
    if (scan.generation !== lexicon.generation) throw new Error('word scan is from an older lexicon generation');
    if (this.byWordGeneration !== lexicon.generation) {
      this.byWord = new Int32Array(0);
      this.byWordGeneration = lexicon.generation;
    }
    if (this.byWord.length < lexicon.size) {
      const grown = new Int32Array(Math.max(lexicon.size, this.byWord.length * 2, 1024)).fill(-2);
      grown.set(this.byWord);
      this.byWord = grown;
    }
    const count = Math.max(0, to - from);
    if (this.scratchIds.length < count) this.scratchIds = new Int32Array(Math.max(count, this.scratchIds.length * 2));
    const ids = this.scratchIds;
    const byWord = this.byWord;
    const words = scan.words;
    for (let k = 0; k < count; k++) {
      const w = words[from + k]!;
      let id = byWord[w]!;
      if (id === -2) {
        id = this.vocab.get(lexicon.stem(w)) ?? -1;
        byWord[w] = id;
      }
      ids[k] = id;
    }
    return ids.subarray(0, count);
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
        const next = node === 0 ? (this.rootNext[id] ?? -1) : this.edges.get(node, id);
        if (next < 0) break;
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
