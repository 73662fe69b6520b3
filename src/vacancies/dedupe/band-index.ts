/**
 * The LSH band index ingest probes for near-duplicate candidates: band key
 * (its low 32 bits) → vacancy ids, as an open-addressing multimap over two
 * typed arrays (8 bytes a slot, no per-entry objects: 4M keys for 250k
 * vacancies). A lookup is 16 probes into memory instead of 16 seeks into a
 * 4M-row SQLite index, and an ingest adds one row to `dedupe_sigs` instead
 * of writing 16 rows at random places in that index (its commit cost was
 * most of the 300–900 µs per vacancy).
 *
 * The index may hold more than the truth (a vacancy's old keys after its
 * text changed, a rolled-back ingest, two keys equal in their low 32 bits):
 * callers check each candidate's current band keys. It never holds less
 * than `dedupe_sigs`, which it follows by `seq` (see cluster.ts).
 */
export class BandIndex {
  private keys: Uint32Array;
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    let cap = 1 << 4;
    while (cap < capacity) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.ids = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get entries(): number {
    return this.count;
  }

  /** Adds (key, id) unless present. Ids are vacancy ids (≥ 1; 0 marks an empty slot). */
  add(key: number, id: number): void {
    if ((this.count + 1) * 4 > this.keys.length * 3) this.grow();
    this.insert(key >>> 0, id);
  }

  /** Pushes every id stored under `key` (in slot order, possibly repeated across calls) onto `out`. */
  collect(key: number, out: number[]): void {
    const k = key >>> 0;
    const keys = this.keys;
    const ids = this.ids;
    const mask = this.mask;
    for (let s = slotOf(k, mask); ids[s] !== 0; s = (s + 1) & mask) if (keys[s] === k) out.push(ids[s]!);
  }

  private insert(k: number, id: number): void {
    const keys = this.keys;
    const ids = this.ids;
    const mask = this.mask;
    let s = slotOf(k, mask);
    for (; ids[s] !== 0; s = (s + 1) & mask) if (keys[s] === k && ids[s] === id) return;
    keys[s] = k;
    ids[s] = id;
    this.count++;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.ids = new Int32Array(oldIds.length * 2);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (let s = 0; s < oldIds.length; s++) if (oldIds[s] !== 0) this.insert(oldKeys[s]!, oldIds[s]!);
  }
}

/** Band keys are hash outputs already (uniform bits); folding the high half in costs nothing. */
function slotOf(k: number, mask: number): number {
  return (k ^ (k >>> 15)) & mask;
}

/** The stored form of a vacancy's band keys: their low 32 bits, little-endian. */
export function encodeBandKeys(keys: readonly number[]): Buffer {
  const buf = Buffer.allocUnsafe(keys.length * 4);
  for (let i = 0; i < keys.length; i++) buf.writeUInt32LE(keys[i]! % 4294967296, i * 4);
  return buf;
}
