import { isWordCode, stemWord } from './text.ts';

/**
 * The words of one scanned text: lexicon word ids with their offsets, in
 * parallel typed arrays owned by the caller and reused from scan to scan
 * (allocating three arrays per advert cost as much as the hashing).
 */
export class WordScan {
  n = 0;
  /** Lexicon word ids (see Lexicon.stem). */
  words = new Int32Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** The Lexicon generation the ids belong to. */
  generation = -1;

  ensure(capacity: number): void {
    if (this.words.length >= capacity) return;
    const size = Math.max(capacity, this.words.length * 2);
    this.words = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }
}

// Distinct words kept before the lexicon starts again (names, places and typos keep arriving).
const MAX_WORDS = 500_000;

/**
 * Every distinct word the enricher has met, each with a small integer id and
 * its stem, so one scan of an advert serves every dictionary that reads it
 * (skills, sector keywords, occupation titles): each word is hashed once per
 * advert and stemmed once per process, and a dictionary turns a word id into
 * its own token id with one array read (PhraseTrie.idsOf).
 *
 * Words are cut as wordEnd in text.ts cuts them, as scanWords does (the scan
 * inlines the cut; test/taxonomy/spotter.test.ts checks that they agree).
 * A word is identified by two independent 32-bit hashes of its letters (ASCII
 * case folded) rather than by comparing letters: the hot path then touches no
 * stored string. With the lexicon capped at 500,000 words the chance that two
 * different words ever share both hashes is below 1 in 30 million.
 */
export class Lexicon {
  /** Bumped when the lexicon starts again; word ids of an older generation mean nothing. */
  generation = 0;
  // Open addressing: slot q holds [hash1, hash2, id + 1] at 3q..3q+2 (id + 1 = 0 marks an empty slot).
  private slots = new Int32Array(3 << 12);
  private shift = 32 - 12;
  private readonly stems: string[] = [];

  get size(): number {
    return this.stems.length;
  }

  /**
   * Starts again when full. Call it before the first scan of a task, never
   * between scans whose ids are used together: it makes their ids meaningless.
   */
  trim(): void {
    if (this.stems.length >= MAX_WORDS) this.reset();
  }

  /** The stem of a word id from the current generation. */
  stem(id: number): string {
    return this.stems[id]!;
  }

  /**
   * Scans `text` (up to `limit`: the words of text.slice(0, limit), without
   * making that slice) into `out`, adding words it has not met.
   */
  scan(text: string, out: WordScan, limit = text.length): WordScan {
    const len = Math.max(0, Math.min(text.length, limit));
    out.ensure((len >> 1) + 1);
    out.generation = this.generation;
    const { words, starts, ends } = out;
    let n = 0;
    let i = 0;
    while (i < len) {
      let c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      // The word is cut and hashed in one pass over its characters: cut exactly as wordEnd (text.ts)
      // cuts it (letters and digits; an apostrophe between two of them; a "++" or "#" suffix), hashed
      // with ASCII case folded and ’ read as '. Reading each character once, not once to cut and once
      // to hash, takes about a fifth off the scan.
      const start = i;
      let h1 = 0x811c9dc5;
      let h2 = 0x2545f491;
      for (;;) {
        if (c >= 65 && c <= 90) c += 32;
        else if (c === 0x2019) c = 39; // ’ and ' are one word: the stemmer drops both
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15);
        if (++i >= len) break;
        c = text.charCodeAt(i);
        if (isWordCode(c)) continue;
        // An apostrophe joins the word only with a word character after it, which is taken with it.
        if ((c === 39 || c === 0x2019) && i + 1 < len && isWordCode(text.charCodeAt(i + 1))) {
          h1 = Math.imul(h1 ^ 39, 0x01000193);
          h2 = Math.imul(h2 + 39, 0x5bd1e995) ^ (h2 >>> 15);
          c = text.charCodeAt(++i);
          continue;
        }
        if (c === 43 && i + 1 < len && text.charCodeAt(i + 1) === 43) {
          for (let k = 0; k < 2; k++) {
            h1 = Math.imul(h1 ^ 43, 0x01000193);
            h2 = Math.imul(h2 + 43, 0x5bd1e995) ^ (h2 >>> 15);
          }
          i += 2;
        } else if (c === 35) {
          h1 = Math.imul(h1 ^ 35, 0x01000193);
          h2 = Math.imul(h2 + 35, 0x5bd1e995) ^ (h2 >>> 15);
          i++;
        }
        break;
      }
      words[n] = this.idOf(h1, h2 ^ (i - start), text, start, i);
      starts[n] = start;
      ends[n] = i;
      n++;
    }
    out.n = n;
    return out;
  }

  private idOf(h1: number, h2: number, text: string, start: number, end: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let p = Math.imul(h1 ^ h2, 0x9e3779b1) >>> this.shift;
    for (; slots[3 * p + 2] !== 0; p = (p + 1) & mask) {
      if (slots[3 * p] === h1 && slots[3 * p + 1] === h2) return slots[3 * p + 2]! - 1;
    }
    const id = this.stems.length;
    this.stems.push(stemWord(text.slice(start, end)));
    slots[3 * p] = h1;
    slots[3 * p + 1] = h2;
    slots[3 * p + 2] = id + 1;
    if (this.stems.length * 2 > mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.shift--;
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    for (let q = 0; q < old.length; q += 3) {
      if (old[q + 2] === 0) continue;
      let p = Math.imul(old[q]! ^ old[q + 1]!, 0x9e3779b1) >>> this.shift;
      while (slots[3 * p + 2] !== 0) p = (p + 1) & mask;
      slots[3 * p] = old[q]!;
      slots[3 * p + 1] = old[q + 1]!;
      slots[3 * p + 2] = old[q + 2]!;
    }
  }

  private reset(): void {
    this.slots = new Int32Array(3 << 12);
    this.shift = 32 - 12;
    this.stems.length = 0;
    this.generation++;
  }
}
