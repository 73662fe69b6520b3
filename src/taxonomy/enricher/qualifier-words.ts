/**
 * The coding index's qualifier words ("fish", "chip", "shop", "hospital"), found in an advert's text in
 * one pass.
 *
 * A qualified index title counts when its qualifier words occur in the employer name or the advert's
 * opening, as substrings of the lower-cased text ("hospital" is in "hospitals"). A title shared by
 * hundreds of index rows ("Manager", "Engineer") used to search the text once per row and word; here
 * every word gets a number when the classifier is built, and one pass of an Aho-Corasick automaton
 * over the text marks every qualifier word it holds, with the same substring meaning.
 */
export class QualifierWords {
  private readonly ids = new Map<string, number>();
  // Character trie over the words: per node, char code → next node, and the word ending there (-1: none).
  private readonly next: Map<number, number>[] = [new Map()];
  private wordAt: number[] = [-1];

  /** The word's number, given once per distinct word. Words are lower-case. */
  id(word: string): number {
    let id = this.ids.get(word);
    if (id !== undefined) return id;
    id = this.ids.size;
    this.ids.set(word, id);
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let to = this.next[node]!.get(c);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.wordAt.push(-1);
        this.next[node]!.set(c, to);
      }
      node = to;
    }
    this.wordAt[node] = id;
    this.sealed = false;
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  // The trie as an Aho-Corasick automaton over the words' own alphabet (a few dozen characters): one
  // table step per character of the text, where walking the trie from every position cost a few
  // steps each. Built at the first find after words were added.
  private sealed = false;
  private classOf = new Uint8Array(0);
  private alphabet = 0;
  /** node × character class → next state, failure transitions folded in. */
  private delta = new Int32Array(0);
  private ends = new Int32Array(0);
  /** The nearest proper suffix state that ends a word (0: none). */
  private dict = new Int32Array(0);

  private seal(): void {
    const classOf = new Uint8Array(65536);
    let alphabet = 1;
    for (const m of this.next) for (const c of m.keys()) if (classOf[c] === 0) classOf[c] = alphabet++;
    const nodes = this.next.length;
    const delta = new Int32Array(nodes * alphabet);
    const fail = new Int32Array(nodes);
    const dict = new Int32Array(nodes);
    const ends = Int32Array.from(this.wordAt);
    // Breadth first, so a node's failure state (shallower) has all its transitions when it is needed.
    const queue: number[] = [];
    for (const [c, v] of this.next[0]!) {
      delta[classOf[c]!] = v;
      queue.push(v);
    }
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      const children = new Int32Array(alphabet).fill(-1);
      for (const [c, v] of this.next[u]!) children[classOf[c]!] = v;
      for (let k = 1; k < alphabet; k++) {
        const v = children[k]!;
        const viaFail = delta[fail[u]! * alphabet + k]!;
        if (v < 0) delta[u * alphabet + k] = viaFail;
        else {
          delta[u * alphabet + k] = v;
          fail[v] = viaFail;
          dict[v] = ends[viaFail]! >= 0 ? viaFail : dict[viaFail]!;
          queue.push(v);
        }
      }
    }
    this.classOf = classOf;
    this.alphabet = alphabet;
    this.delta = delta;
    this.ends = ends;
    this.dict = dict;
    this.sealed = true;
  }

  /** An empty set to fill with `find` or `FoundWords.addAll`. */
  emptySet(): FoundWords {
    return new FoundWords(this.ids.size);
  }

  /** The numbers of the words in `text` (already lower-case), each once. */
  within(text: string): Int32Array {
    const found = this.find(text);
    return Int32Array.from(found.list());
  }

  /** Which words occur in `text` (already lower-case), added to `into` (a new set by default). */
  find(text: string, into?: FoundWords): FoundWords {
    if (!this.sealed) this.seal();
    const found = into ?? new FoundWords(this.ids.size);
    const { classOf, alphabet, delta, ends, dict } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      // A character no word holds sends the automaton home (class 0 has no transitions).
      state = delta[state * alphabet + classOf[text.charCodeAt(i)]!]!;
      if (state === 0) continue;
      for (let x = ends[state]! >= 0 ? state : dict[state]!; x > 0; x = dict[x]!) found.add(ends[x]!);
    }
    return found;
  }
}

/** The qualifier words one advert holds. */
export class FoundWords {
  private readonly marks: Uint8Array;
  constructor(size: number) {
    this.marks = new Uint8Array(size);
  }
  private readonly order: number[] = [];
  add(id: number): void {
    if (this.marks[id] === 1) return;
    this.marks[id] = 1;
    this.order.push(id);
  }
  addAll(ids: Int32Array): void {
    for (let k = 0; k < ids.length; k++) this.add(ids[k]!);
  }
  /** The words found, in the order first found. */
  list(): readonly number[] {
    return this.order;
  }
  has(id: number): boolean {
    return this.marks[id] === 1;
  }
}
