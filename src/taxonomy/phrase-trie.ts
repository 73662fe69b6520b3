import { isWordCode, stemWord, type Token } from './text.ts';

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

  get(node: number, token: number): number {
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
      for (let q = 0; q < old.length; q += 3) if (old[q] !== 0) this.place(old[q]!, old[q + 1]!, old[q + 2]!);
    }
    this.place(node, token, child);
    this.count++;
  }

  private place(node: number, token: number, child: number): void {
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
  // Raw word → token id, so a hot caller stems each distinct word once.
  private readonly wordIds = new Map<string, number>();
  // The same for scanIds(), keyed by a hash of the word's letters (ASCII
  // case folded) so the hot path allocates no substring for words it has
  // seen; every hit is verified letter by letter against the stored word.
  // (A typed-array table here measured faster alone but slower in the whole
  // pipeline, where it is cold by the next advert: kept as a Map.)
  private readonly hashSlot = new Map<number, number>();
  private readonly slotWord: string[] = [];
  private readonly slotId: number[] = [];
  private scratchIds = new Int32Array(1024);
  private scratchStarts = new Int32Array(1024);
  private scratchEnds = new Int32Array(1024);

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

  /** Token ids of raw words (as scanWords gives them), stemming each distinct word once. */
  idsOfWords(words: readonly string[]): Int32Array {
    const ids = new Int32Array(words.length);
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      let id = this.wordIds.get(w);
      if (id === undefined) {
        id = this.vocab.get(stemWord(w)) ?? -1;
        if (this.wordIds.size >= 500_000) this.wordIds.clear();
        this.wordIds.set(w, id);
      }
      ids[k] = id;
    }
    return ids;
  }

  /**
   * Scans `text` into words (the same rules as scanWords in text.ts) and
   * their token ids in one pass: the skill spotter's hot path. The arrays
   * returned are views of buffers the next call on this trie overwrites:
   * use them before scanning again. With `limit`, scans text.slice(0, limit)
   * (same words, same offsets) without making that slice.
   */
  scanIds(text: string, limit = text.length): { n: number; ids: Int32Array; starts: Int32Array; ends: Int32Array } {
    // Scratch buffers reused across calls (allocating three typed arrays per advert cost as much as
    // the hashing): the returned views are valid until the next scanIds on this trie.
    const len = Math.max(0, Math.min(text.length, limit));
    const cap = (len >> 1) + 1;
    if (this.scratchIds.length < cap) {
      const size = Math.max(cap, this.scratchIds.length * 2);
      this.scratchIds = new Int32Array(size);
      this.scratchStarts = new Int32Array(size);
      this.scratchEnds = new Int32Array(size);
    }
    const ids = this.scratchIds;
    const starts = this.scratchStarts;
    const ends = this.scratchEnds;
    let n = 0;
    let i = 0;
    while (i < len) {
      let c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      const start = i;
      let h = 0x811c9dc5;
      while (i < len) {
        c = text.charCodeAt(i);
        if (isWordCode(c)) {
          h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
          i++;
        } else if ((c === 39 || c === 0x2019) && i + 1 < len && isWordCode(text.charCodeAt(i + 1))) {
          h = Math.imul(h ^ 39, 0x01000193);
          i++;
        } else break;
      }
      if (i < len) {
        c = text.charCodeAt(i);
        if (c === 43 && i + 1 < len && text.charCodeAt(i + 1) === 43) {
          h = Math.imul(Math.imul(h ^ 43, 0x01000193) ^ 43, 0x01000193);
          i += 2;
        } else if (c === 35) {
          h = Math.imul(h ^ 35, 0x01000193);
          i++;
        }
      }
      h &= 0x3fffffff;
      let id = -2;
      const slot = this.hashSlot.get(h);
      if (slot !== undefined && sameWord(this.slotWord[slot]!, text, start, i)) id = this.slotId[slot]!;
      if (id === -2) {
        const word = text.slice(start, i);
        id = this.vocab.get(stemWord(word)) ?? -1;
        if (slot === undefined) {
          if (this.slotWord.length >= 500_000) {
            this.hashSlot.clear();
            this.slotWord.length = 0;
            this.slotId.length = 0;
          }
          this.hashSlot.set(h, this.slotWord.length);
          this.slotWord.push(word);
          this.slotId.push(id);
        }
      }
      ids[n] = id;
      starts[n] = start;
      ends[n] = i;
      n++;
    }
    return { n, ids: ids.subarray(0, n), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
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

/** Whether text[start, end) is `word`, ignoring ASCII case. */
function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) {
    let a = word.charCodeAt(k);
    let b = text.charCodeAt(start + k);
    if (a >= 65 && a <= 90) a += 32;
    if (b >= 65 && b <= 90) b += 32;
    if (a !== b) return false;
  }
  return true;
}
