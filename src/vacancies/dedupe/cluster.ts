import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db.ts';
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
  byKeys: Statement;
  byHash: Statement;
  deleteBands: Statement;
  insertBand: Statement;
  setCluster: Statement;
}
const cache = new WeakMap<Db, Statements>();
function statements(db: Db): Statements {
  let s = cache.get(db);
  if (s) return s;
  const c = db.$client;
  const keys = Array.from({ length: 16 }, () => '?').join(',');
  s = {
    // The description is read only for rows without a stored fingerprint (written before dedupe existed).
    row: c.prepare(
      `SELECT id, first_seen, title, lat, lon, town, fingerprint, cluster_id, content_hash, employer_name,
         CASE WHEN fingerprint IS NULL THEN description_text ELSE '' END AS description_text, location_text
       FROM vacancies WHERE id = ?`,
    ),
    byKeys: c.prepare(`SELECT DISTINCT vacancy_id FROM dedupe_bands WHERE band_key IN (${keys}) AND vacancy_id <> ? LIMIT ${MAX_CANDIDATES}`),
    byHash: c.prepare(`SELECT id FROM vacancies WHERE content_hash = ? AND id <> ? LIMIT ${MAX_CANDIDATES}`),
    deleteBands: c.prepare('DELETE FROM dedupe_bands WHERE vacancy_id = ?'),
    insertBand: c.prepare('INSERT INTO dedupe_bands (band_key, vacancy_id) VALUES (?, ?)'),
    setCluster: c.prepare('UPDATE vacancies SET cluster_id = ? WHERE id = ? AND cluster_id IS NOT ?'),
  };
  cache.set(db, s);
  return s;
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
  const me = toDedupeRow(r);
  const keys = bandKeys(me.sig);
  const ids = new Set<number>();
  for (const x of st.byKeys.all(...keys, id) as { vacancy_id: number }[]) ids.add(x.vacancy_id);
  for (const x of st.byHash.all(r.content_hash, id) as { id: number }[]) ids.add(x.id);
  let best: { cluster: number; score: number } | null = null;
  for (const cid of ids) {
    const c = st.row.get(cid) as VacancyDedupeRow | undefined;
    if (!c) continue;
    const other = toDedupeRow(c);
    const exact = c.content_hash === r.content_hash;
    if (!exact && !isNearDuplicate(me, other)) continue;
    const score = exact ? 2 : similarity(me.sig, other.sig);
    // Only join clusters whose canonical came first, so canonicals stay the earliest.
    const cluster = c.cluster_id ?? c.id;
    if (cluster === id) continue;
    if (!best || score > best.score) best = { cluster, score };
  }
  st.deleteBands.run(id);
  for (const k of keys) st.insertBand.run(k, id);
  const cluster = best?.cluster ?? id;
  st.setCluster.run(cluster, id, cluster);
  return cluster;
}

export interface ClusterAllOptions {
  now: number;
  /**
   * Also rebuild the dedupe_bands table (ingest keeps it current; rebuild
   * after bulk loads that bypassed ingest). Default false.
   */
  rebuildBands?: boolean;
  onProgress?: (done: number, total: number) => void;
}

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

  let changed = 0;
  let duplicates = 0;
  const roots = new Set<number>();
  const setCluster = c.prepare('UPDATE vacancies SET cluster_id = ? WHERE id = ?');
  const enqueue = c.prepare("INSERT INTO index_outbox (vacancy_id, op, enqueued_at) VALUES (?, 'upsert', ?)");
  c.transaction(() => {
    for (let i = 0; i < n; i++) {
      const root = find(i);
      roots.add(root);
      if (root !== i) duplicates++;
      const cluster = rows[root]!.id;
      if (current[i] !== cluster) {
        setCluster.run(cluster, rows[i]!.id);
        enqueue.run(rows[i]!.id, opts.now);
        changed++;
      }
    }
  })();
  if (opts.rebuildBands) rebuildBandTable(db, rows.map((r) => r.id), keys);
  return { vacancies: n, clusters: roots.size, duplicates, changed };
}

/** Rewrites dedupe_bands in one transaction, indexes dropped during the load and rebuilt after. */
function rebuildBandTable(db: Db, ids: number[], keys: Float64Array): void {
  const c = db.$client;
  c.transaction(() => {
    c.exec('DROP INDEX IF EXISTS dedupe_bands_key_vacancy_idx; DROP INDEX IF EXISTS dedupe_bands_vacancy_idx; DELETE FROM dedupe_bands;');
    const insert = c.prepare('INSERT INTO dedupe_bands (band_key, vacancy_id) VALUES (?, ?)');
    for (let i = 0; i < ids.length; i++) for (let b = 0; b < BANDS_COUNT; b++) insert.run(keys[i * BANDS_COUNT + b]!, ids[i]!);
    // Same definitions as the migration (schema/dedupe.ts).
    c.exec('CREATE INDEX dedupe_bands_key_vacancy_idx ON dedupe_bands (band_key, vacancy_id); CREATE INDEX dedupe_bands_vacancy_idx ON dedupe_bands (vacancy_id);');
  })();
}

function sameTokens(ta: Set<string>, tb: Set<string>, a: string, b: string): boolean {
  if (!ta.size || !tb.size) return a.trim().toLowerCase() === b.trim().toLowerCase();
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return inter / (ta.size + tb.size - inter) >= TITLE_JACCARD;
}

export { encodeFingerprint };
