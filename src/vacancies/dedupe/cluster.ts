import type { Statement } from 'better-sqlite3';
import { writeTransaction, type Db } from '../../db.ts';
import { enqueueIndex, setCluster } from '../store.ts';
import { BandIndex, encodeBandKeys } from './band-index.ts';
import { BANDS as BANDS_COUNT, bandKeys, computeMinHash, decodeFingerprint, encodeFingerprint, similarity, words } from './fingerprint.ts';

/**
 * Near-duplicate clusters: the same job on several boards or from several
 * agencies. Two vacancies are duplicates when their fingerprints are similar
 * (estimated Jaccard ≥ SIMILARITY), their titles say the same job, and their
 * places agree; or when their content hashes are equal (exact). Each
 * vacancy's `cluster_id` is its cluster's canonical vacancy: the earliest
 * seen (then lowest id), so a cluster keeps its id as reposts arrive.
 */
export const SIMILARITY = 0.5;
/** Different towns are different jobs, even with the same advert text. */
export const SAME_PLACE_KM = 10;
const TITLE_JACCARD = 0.75;
const MAX_CANDIDATES = 50;

export interface DedupeRow {
  id: number;
  firstSeen: number;
  title: string;
  lat: number | null;
  lon: number | null;
  town: string | null;
  sig: Uint32Array;
}

const STOP = new Set(['the', 'a', 'an', 'and', 'of', 'in', 'at', 'for', 'to', 'with', 'job', 'role', 'vacancy']);
function titleTokens(title: string): Set<string> {
  return new Set(words(title, 30).filter((w) => !STOP.has(w)));
}

export function sameJobTitle(a: string, b: string): boolean {
  const ta = titleTokens(a);
  const tb = titleTokens(b);
  if (!ta.size || !tb.size) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return inter / (ta.size + tb.size - inter) >= TITLE_JACCARD;
}

export function samePlace(a: Pick<DedupeRow, 'lat' | 'lon' | 'town'>, b: Pick<DedupeRow, 'lat' | 'lon' | 'town'>): boolean {
  if (a.lat != null && a.lon != null && b.lat != null && b.lon != null) {
    const k = Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
    const dKm = Math.sqrt((a.lat - b.lat) ** 2 + ((a.lon - b.lon) * k) ** 2) * 111.2;
    return dKm <= SAME_PLACE_KM;
  }
  if (a.town && b.town) return a.town.trim().toLowerCase() === b.town.trim().toLowerCase();
  return true;
}

export function isNearDuplicate(a: DedupeRow, b: DedupeRow): boolean {
  return sameJobTitle(a.title, b.title) && samePlace(a, b) && similarity(a.sig, b.sig) >= SIMILARITY;
}

interface Statements {
  row: Statement;
  byHash: Statement;
  writeSig: Statement;
  sigsSince: Statement;
}
const cache = new WeakMap<Db, Statements>();
function statements(db: Db): Statements {
  let s = cache.get(db);
  if (s) return s;
  const c = db.$client;
  s = {
    // The description is read only for rows without a stored fingerprint (written before dedupe existed).
    row: c.prepare(
      `SELECT id, first_seen, title, lat, lon, town, fingerprint, cluster_id, content_hash, employer_name,
         CASE WHEN fingerprint IS NULL THEN description_text ELSE '' END AS description_text, location_text
       FROM vacancies WHERE id = ?`,
    ),
    byHash: c.prepare(`SELECT id FROM vacancies WHERE content_hash = ? AND id <> ? LIMIT ${MAX_CANDIDATES}`),
    writeSig: c.prepare(
      `INSERT INTO dedupe_sigs (vacancy_id, seq, band_keys) VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM dedupe_sigs), ?)
       ON CONFLICT (vacancy_id) DO UPDATE SET seq = excluded.seq, band_keys = excluded.band_keys`,
    ),
    sigsSince: c.prepare('SELECT vacancy_id, seq, band_keys FROM dedupe_sigs WHERE seq > ? ORDER BY seq'),
  };
  cache.set(db, s);
  return s;
}

interface IndexState {
  index: BandIndex;
  /** PRAGMA data_version when last caught up: it changes when another connection commits. */
  dataVersion: number;
  /** Highest dedupe_sigs.seq read so far. Own writes do not move it: a rolled-back write may reuse its seq. */
  lastSeq: number;
}
const indexes = new WeakMap<Db, IndexState>();

/**
 * This connection's band index, current with dedupe_sigs: built on first use
 * (one read of the table), then caught up by seq whenever another connection
 * (a CLI import beside the server) has committed since.
 */
function bandIndex(db: Db, st: Statements): BandIndex {
  const c = db.$client;
  const version = c.pragma('data_version', { simple: true }) as number;
  let state = indexes.get(db);
  if (!state) {
    // After the migration from dedupe_bands (or rows loaded around ingest), fill the table once.
    if (!c.prepare('SELECT 1 FROM dedupe_sigs LIMIT 1').get() && c.prepare('SELECT 1 FROM vacancies LIMIT 1').get()) fillSigTable(db);
    const { n } = c.prepare('SELECT count(*) AS n FROM dedupe_sigs').get() as { n: number };
    state = { index: new BandIndex(Math.ceil((n * BANDS_COUNT * 4) / 3) + 1), dataVersion: version, lastSeq: 0 };
    indexes.set(db, state);
    const all = c.prepare('SELECT vacancy_id, seq, band_keys FROM dedupe_sigs').iterate() as IterableIterator<SigRow>;
    addSigs(state, all);
  } else if (state.dataVersion !== version) {
    state.dataVersion = version;
    addSigs(state, st.sigsSince.iterate(state.lastSeq) as IterableIterator<SigRow>);
  }
  return state.index;
}

/**
 * Builds this connection's band index now (about 1.5 s of CPU for 250k vacancies) rather than in
 * the first ingest's transaction: for a server's start-up.
 */
export function prepareDedupeIndex(db: Db): void {
  bandIndex(db, statements(db));
}

interface SigRow {
  vacancy_id: number;
  seq: number;
  band_keys: Buffer;
}

function addSigs(state: IndexState, rows: IterableIterator<SigRow>): void {
  const index = state.index;
  for (const r of rows) {
    const b = r.band_keys;
    for (let o = 0; o + 4 <= b.length; o += 4) index.add(b.readUInt32LE(o), r.vacancy_id);
    if (r.seq > state.lastSeq) state.lastSeq = r.seq;
  }
}

interface Loaded {
  raw: VacancyDedupeRow;
  row: DedupeRow;
  keys: number[];
}

/**
 * Candidates sharing a band key with `keys`, in the order the former SQL
 * lookup gave them (keys ascending, ids ascending within a key, first
 * MAX_CANDIDATES distinct): ties in the best match go to the same vacancy.
 * Index entries whose vacancy no longer has that key are skipped.
 */
function bandCandidates(st: Statements, index: BandIndex, keys: readonly number[], self: number): Map<number, Loaded> {
  const out = new Map<number, Loaded>();
  const loaded = new Map<number, Loaded | null>();
  const ids: number[] = [];
  for (const k of [...keys].sort((a, b) => a - b)) {
    ids.length = 0;
    index.collect(k % 4294967296, ids);
    if (ids.length > 1) ids.sort((a, b) => a - b);
    let prev = -1;
    for (const cid of ids) {
      if (cid === prev || cid === self) continue;
      prev = cid;
      if (out.has(cid)) continue;
      let entry = loaded.get(cid);
      if (entry === undefined) {
        const raw = st.row.get(cid) as VacancyDedupeRow | undefined;
        const row = raw ? toDedupeRow(raw) : null;
        entry = raw && row ? { raw, row, keys: bandKeys(row.sig) } : null;
        loaded.set(cid, entry);
      }
      if (!entry || !entry.keys.includes(k)) continue;
      out.set(cid, entry);
      if (out.size >= MAX_CANDIDATES) return out;
    }
  }
  return out;
}

interface VacancyDedupeRow {
  id: number;
  first_seen: number;
  title: string;
  lat: number | null;
  lon: number | null;
  town: string | null;
  fingerprint: string | null;
  cluster_id: number | null;
  content_hash: string;
  employer_name: string | null;
  description_text: string;
  location_text: string | null;
}

function toDedupeRow(r: VacancyDedupeRow): DedupeRow {
  const sig =
    decodeFingerprint(r.fingerprint) ??
    computeMinHash({ title: r.title, employerName: r.employer_name, place: r.town ?? r.location_text, descriptionText: r.description_text });
  return { id: r.id, firstSeen: r.first_seen, title: r.title, lat: r.lat, lon: r.lon, town: r.town, sig };
}

/**
 * After a vacancy is created or changed: index its band keys and put it in
 * the cluster of its most similar earlier duplicate (or its own). One
 * indexed lookup; call inside the upsert's transaction. Returns the cluster id.
 */
export function assignCluster(db: Db, id: number): number {
  const st = statements(db);
  const r = st.row.get(id) as VacancyDedupeRow | undefined;
  if (!r) return id;
  const index = bandIndex(db, st);
  const me = toDedupeRow(r);
  const keys = bandKeys(me.sig);
  const candidates: Map<number, Pick<Loaded, 'raw' | 'row'>> = bandCandidates(st, index, keys, id);
  for (const x of st.byHash.all(r.content_hash, id) as { id: number }[]) {
    if (candidates.has(x.id)) continue;
    const raw = st.row.get(x.id) as VacancyDedupeRow | undefined;
    if (raw) candidates.set(x.id, { raw, row: toDedupeRow(raw) });
  }
  let best: { cluster: number; score: number } | null = null;
  for (const { raw: c, row: other } of candidates.values()) {
    const exact = c.content_hash === r.content_hash;
    if (!exact && !isNearDuplicate(me, other)) continue;
    const score = exact ? 2 : similarity(me.sig, other.sig);
    // Only join clusters whose canonical came first, so canonicals stay the earliest.
    const cluster = c.cluster_id ?? c.id;
    if (cluster === id) continue;
    if (!best || score > best.score) best = { cluster, score };
  }
  st.writeSig.run(id, encodeBandKeys(keys));
  for (const k of keys) index.add(k % 4294967296, id);
  const cluster = best?.cluster ?? id;
  setCluster(db, id, cluster);
  return cluster;
}

export interface ClusterAllOptions {
  now: number;
  /**
   * Also rebuild the dedupe_sigs table behind ingest's band index (ingest
   * keeps it current; rebuild after bulk loads that bypassed ingest). Default false.
   */
  rebuildBands?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Rows per write transaction (default DEDUPE_ROWS_PER_WRITE). */
  rowsPerWrite?: number;
  /** After each write transaction: what it wrote ('clusters': changed vacancies, 'bands': signature rows). */
  onWrite?: (what: 'clusters' | 'bands', done: number, total: number) => void;
}

/**
 * Rows written per transaction by clusterAll and the band rebuild: a short
 * hold of the write lock, so the server's writers (which wait up to the busy
 * timeout) get their turn between batches instead of behind the whole table.
 */
export const DEDUPE_ROWS_PER_WRITE = 2000;

export interface ClusterAllResult {
  vacancies: number;
  clusters: number;
  duplicates: number;
  changed: number;
}

/**
 * Re-clusters every vacancy in one pass, in bounded memory: per LSH band, rows
 * are sorted by band key so equal keys sit together (no hash map of 4M
 * buckets), each row is verified against the earlier rows of its group, and
 * union-find merges verified pairs; canonical = earliest first seen. Vacancies
 * whose cluster changed are updated and queued for the search index.
 */
export function clusterAll(db: Db, opts: ClusterAllOptions): ClusterAllResult {
  const c = db.$client;
  // Band rows newer than this were written by ingest after the read below began: the rebuild keeps them.
  const seqAtRead = c.prepare('SELECT coalesce(max(seq), 0) FROM dedupe_sigs').pluck().get() as number;
  const rows: DedupeRow[] = [];
  const current: (number | null)[] = [];
  const hashes: string[] = [];
  const iter = c
    .prepare(
      `SELECT id, first_seen, title, lat, lon, town, fingerprint, cluster_id, content_hash, employer_name,
         CASE WHEN fingerprint IS NULL THEN description_text ELSE '' END AS description_text, location_text
       FROM vacancies ORDER BY first_seen, id`,
    )
    .iterate() as IterableIterator<VacancyDedupeRow>;
  for (const r of iter) {
    rows.push(toDedupeRow(r));
    current.push(r.cluster_id);
    hashes.push(r.content_hash);
  }
  const n = rows.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    // The earlier row (lower index: sorted by first seen) stays the root.
    if (ra < rb) parent[rb] = ra;
    else if (rb < ra) parent[ra] = rb;
  };

  const byHash = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const h = byHash.get(hashes[i]!);
    if (h !== undefined) union(h, i);
    else byHash.set(hashes[i]!, i);
  }
  byHash.clear();

  const keys = new Float64Array(n * BANDS_COUNT);
  for (let i = 0; i < n; i++) keys.set(bandKeys(rows[i]!.sig), i * BANDS_COUNT);
  const titleCache: (Set<string> | undefined)[] = new Array(n);
  const tokens = (i: number) => (titleCache[i] ??= titleTokens(rows[i]!.title));
  const verify = (a: number, b: number) => {
    const ra = rows[a]!;
    const rb = rows[b]!;
    return similarity(ra.sig, rb.sig) >= SIMILARITY && samePlace(ra, rb) && sameTokens(tokens(a), tokens(b), ra.title, rb.title);
  };
  // Per band, pack (low 32 bits of the key, row index) into one float and sort natively:
  // equal keys end up adjacent, in row order. Low-bit collisions only add candidates that fail verification.
  const packed = new Float64Array(n);
  const SHIFT = 2 ** 21;
  if (n >= SHIFT) throw new Error(`clusterAll handles up to ${SHIFT - 1} vacancies per run`);
  for (let b = 0; b < BANDS_COUNT; b++) {
    for (let i = 0; i < n; i++) packed[i] = (keys[i * BANDS_COUNT + b]! % 4294967296) * SHIFT + i;
    packed.sort();
    for (let start = 0; start < n; ) {
      const k = Math.floor(packed[start]! / SHIFT);
      let end = start + 1;
      while (end < n && Math.floor(packed[end]! / SHIFT) === k) end++;
      for (let j = start + 1; j < end; j++) {
        const i = packed[j]! % SHIFT;
        for (let q = j - 1; q >= start && j - q <= MAX_CANDIDATES; q--) {
          const other = packed[q]! % SHIFT;
          if (find(other) === find(i)) continue;
          if (verify(other, i)) union(other, i);
        }
      }
      start = end;
    }
    opts.onProgress?.(Math.round(((b + 1) / BANDS_COUNT) * n), n);
  }

  let duplicates = 0;
  const roots = new Set<number>();
  const moves: [id: number, cluster: number][] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    roots.add(root);
    if (root !== i) duplicates++;
    const cluster = rows[root]!.id;
    if (current[i] !== cluster) moves.push([rows[i]!.id, cluster]);
  }
  // Bounded batches: each vacancy's move and its index entry commit together, and a write from
  // elsewhere in between (an ingest clusters the vacancy it stores itself) is simply overwritten.
  const perWrite = Math.max(1, opts.rowsPerWrite ?? DEDUPE_ROWS_PER_WRITE);
  for (let start = 0; start < moves.length; start += perWrite) {
    const batch = moves.slice(start, start + perWrite);
    writeTransaction(db, () => {
      for (const [id, cluster] of batch) setCluster(db, id, cluster);
      enqueueIndex(db, batch.map(([id]) => id), opts.now);
    });
    opts.onWrite?.('clusters', start + batch.length, moves.length);
  }
  if (opts.rebuildBands) rebuildSigTable(db, rows.map((r) => r.id), keys, { seqAtRead, perWrite, onWrite: opts.onWrite });
  return { vacancies: n, clusters: roots.size, duplicates, changed: moves.length };
}

/**
 * Rewrites every vacancy's dedupe_sigs row, perWrite rows per transaction,
 * then drops rows whose vacancy is gone. Seqs continue past the old ones, so
 * other connections catch up on every row; this connection rebuilds its
 * index. A row ingest rewrote after clusterAll read the vacancies (its seq
 * is past seqAtRead) is newer than these keys and stays.
 */
function rebuildSigTable(
  db: Db,
  ids: number[],
  keys: Float64Array,
  { seqAtRead, perWrite, onWrite }: { seqAtRead: number; perWrite: number; onWrite: ClusterAllOptions['onWrite'] },
): void {
  const c = db.$client;
  const maxSeq = c.prepare('SELECT coalesce(max(seq), 0) FROM dedupe_sigs').pluck();
  const upsert = c.prepare(
    `INSERT INTO dedupe_sigs (vacancy_id, seq, band_keys) VALUES (?, ?, ?)
     ON CONFLICT (vacancy_id) DO UPDATE SET seq = excluded.seq, band_keys = excluded.band_keys WHERE dedupe_sigs.seq <= ?`,
  );
  for (let start = 0; start < ids.length; start += perWrite) {
    const end = Math.min(ids.length, start + perWrite);
    writeTransaction(db, () => {
      const m = maxSeq.get() as number;
      for (let i = start; i < end; i++) {
        const buf = Buffer.alloc(BANDS_COUNT * 4);
        for (let b = 0; b < BANDS_COUNT; b++) buf.writeUInt32LE(keys[i * BANDS_COUNT + b]! % 4294967296, b * 4);
        upsert.run(ids[i]!, m + 1 + i - start, buf, seqAtRead);
      }
    });
    onWrite?.('bands', end, ids.length);
  }
  const orphans = c.prepare(
    'DELETE FROM dedupe_sigs WHERE vacancy_id >= ? AND vacancy_id < ? AND NOT EXISTS (SELECT 1 FROM vacancies v WHERE v.id = dedupe_sigs.vacancy_id)',
  );
  const top = (c.prepare('SELECT coalesce(max(vacancy_id), 0) FROM dedupe_sigs').pluck().get() as number) + 1;
  for (let lo = 0; lo < top; lo += perWrite * 10) writeTransaction(db, () => orphans.run(lo, lo + perWrite * 10));
  indexes.delete(db);
}

/** Every vacancy's band keys into the (empty) dedupe_sigs table. */
function fillSigTable(db: Db): void {
  const c = db.$client;
  const insert = c.prepare('INSERT INTO dedupe_sigs (vacancy_id, seq, band_keys) VALUES (?, ?, ?) ON CONFLICT (vacancy_id) DO NOTHING');
  const iter = c
    .prepare(
      `SELECT id, first_seen, title, lat, lon, town, fingerprint, cluster_id, content_hash, employer_name,
         CASE WHEN fingerprint IS NULL THEN description_text ELSE '' END AS description_text, location_text
       FROM vacancies`,
    )
    .iterate() as IterableIterator<VacancyDedupeRow>;
  const rows: [number, Buffer][] = [];
  for (const r of iter) rows.push([r.id, encodeBandKeys(bandKeys(toDedupeRow(r).sig))]);
  const maxSeq = c.prepare('SELECT coalesce(max(seq), 0) FROM dedupe_sigs').pluck();
  // Seqs past any an ingest wrote in between, so connections following by seq miss none.
  const run = (from: number, to: number) => {
    const m = maxSeq.get() as number;
    for (let i = from; i < to; i++) insert.run(rows[i]![0], m + 1 + i - from, rows[i]![1]);
  };
  // Inside an ingest's transaction it is one write anyway; alone, it commits in bounded batches.
  if (c.inTransaction) run(0, rows.length);
  else for (let i = 0; i < rows.length; i += DEDUPE_ROWS_PER_WRITE) writeTransaction(db, () => run(i, Math.min(rows.length, i + DEDUPE_ROWS_PER_WRITE)));
}

function sameTokens(ta: Set<string>, tb: Set<string>, a: string, b: string): boolean {
  if (!ta.size || !tb.size) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return inter / (ta.size + tb.size - inter) >= TITLE_JACCARD;
}

export { encodeFingerprint };
