/**
 * Near-duplicate fingerprints: a 64-value MinHash of the vacancy's shingles
 * (title words, employer, place, word 3-grams of the description), computed
 * with one-permutation hashing (each shingle hashed once, binned by its low
 * bits, min per bin, empty bins filled from the next bin) so a 4 KB advert
 * costs one pass over its words, not 64.
 *
 * Stored as `mh1:` + base64url of the 64 little-endian uint32 values.
 */
export const MINHASH_SIZE = 64;
export const BANDS = 16;
export const ROWS_PER_BAND = MINHASH_SIZE / BANDS;
const PREFIX = 'mh1:';
/** Descriptions are compared on their first words: reposts differ at the end (footers, agency blurbs) more than at the start. */
const MAX_WORDS = 400;

export interface FingerprintInput {
  title: string;
  employerName?: string | null;
  place?: string | null;
  descriptionText: string;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const WORD_RE = /[a-z0-9]+/g;
let wordHashBuffer = new Uint32Array(MAX_WORDS);

export function words(text: string, max = MAX_WORDS): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(lower)) && out.length < max) out.push(m[0]);
  return out;
}

/**
 * FNV-1a of each ASCII-alphanumeric word, lower-cased, in one pass over the
 * text without building strings (the hot path: every advert, every ingest).
 * Equal to hashString(word) for the words `words()` would return. Writes them
 * to wordHashBuffer and returns how many.
 */
function wordHashes(text: string, max: number): number {
  // One buffer for every call (its words are read before the next call): a typed array per advert
  // cost more than hashing its words does.
  if (wordHashBuffer.length < max) wordHashBuffer = new Uint32Array(max);
  const out = wordHashBuffer;
  let n = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i <= text.length && n < max; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (alnum) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h = Math.imul(h ^ c, 0x01000193);
    } else if (inWord) {
      out[n++] = h >>> 0;
      inWord = false;
    }
  }
  return n;
}

export function computeMinHash(input: FingerprintInput): Uint32Array {
  return fillMinHash(input, new Uint32Array(MINHASH_SIZE));
}

/** computeMinHash into `sig` (overwritten). */
function fillMinHash(input: FingerprintInput, sig: Uint32Array): Uint32Array {
  sig.fill(0xffffffff);
  const add = (h: number) => {
    const v = mix(h);
    const bin = v & (MINHASH_SIZE - 1);
    const val = v >>> 6;
    if (val < sig[bin]!) sig[bin] = val;
  };
  for (const w of words(input.title, 30)) add(hashString('t:' + w));
  if (input.employerName) add(hashString('e:' + input.employerName.toLowerCase().trim()));
  if (input.place) add(hashString('p:' + input.place.toLowerCase().trim()));
  const count = wordHashes(input.descriptionText, MAX_WORDS);
  const hs = wordHashBuffer;
  for (let i = 0; i + 2 < count; i++) add(Math.imul(hs[i]!, 0x9e3779b1) ^ Math.imul(hs[i + 1]!, 0x85ebca77) ^ hs[i + 2]!);
  if (count < 3) for (let i = 0; i < count; i++) add(hs[i]!);
  // Densify: an empty bin borrows the next filled bin's value (rotation), so short texts still compare.
  for (let i = 0; i < MINHASH_SIZE; i++) {
    if (sig[i] !== 0xffffffff) continue;
    for (let j = 1; j < MINHASH_SIZE; j++) {
      const v = sig[(i + j) % MINHASH_SIZE]!;
      if (v !== 0xffffffff) {
        sig[i] = (v + j * 0x9e3779b1) >>> 0;
        break;
      }
    }
  }
  return sig;
}

export function encodeFingerprint(sig: Uint32Array): string {
  return PREFIX + Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64url');
}

export function decodeFingerprint(fp: string | null | undefined): Uint32Array | null {
  if (!fp || !fp.startsWith(PREFIX)) return null;
  const buf = Buffer.from(fp.slice(PREFIX.length), 'base64url');
  if (buf.length !== MINHASH_SIZE * 4) return null;
  const out = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}

// computeFingerprint's signature, encoded at once: no typed array is allocated per advert.
const scratchSignature = new Uint32Array(MINHASH_SIZE);

export function computeFingerprint(input: FingerprintInput): string {
  return encodeFingerprint(fillMinHash(input, scratchSignature));
}

/** Share of equal values: an estimate of the shingle sets' Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/**
 * LSH band keys: 16 bands of 4 values, each hashed to a safe integer with its
 * band number. Two signatures sharing a key are candidates. With 16×4 a pair
 * at similarity 0.7 shares a band with probability ≈ 0.99, at 0.4 ≈ 0.34.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h1 = 0x9e3779b9 ^ b;
    let h2 = 0x85ebca6b ^ (b * 31);
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      const v = sig[b * ROWS_PER_BAND + r]!;
      h1 = mix(h1 ^ v);
      h2 = mix(h2 + v + r);
    }
    // 53 bits: fits a JS number and an SQLite integer exactly.
    keys.push((h1 & 0x1fffff) * 0x100000000 + h2);
  }
  return keys;
}
