import { createHash } from 'node:crypto';
import type { Db } from '../../../src/db.ts';
import type { SearchDocument } from '../../../src/search/engine.ts';
import { loadLiveDocumentsAfter } from '../../../src/search/load-documents.ts';

/*
 * "Index == store" for the embedded engine, read straight from its tables.
 *
 * Why here and not in src/search: the SearchEngine interface has no way to
 * list what it holds (ids and per-document content), and adding one only
 * for this check would widen the contract both engines must honour. The
 * embedded index lives in the same SQLite file, so its tables can be read
 * with SQL instead (layout: src/search/sqlite-engine.ts). The engine keeps
 * no copy of the vacancy's content hash, so "content" is compared as what
 * the index holds: every search_docs column (cluster, first place, other
 * places, facets, occupation, salary, date, demo flag) is hashed on both
 * sides, with the store side built by the drainer's own loader
 * (loadLiveDocumentsAfter) and projected as the engine's writeDoc projects
 * it. The contentless FTS table cannot return its text, so its rowids are
 * compared as a set and, for a sample, the store's current title is matched
 * as a phrase against that one row's title column (a stale row, indexed
 * under an old title, fails it).
 */

export interface IndexComparison {
  /** Live vacancies in the store. */
  storeLive: number;
  /** Rows in search_docs. */
  indexed: number;
  /** Live in the store, absent from the index (up to 20 ids shown, counts exact). */
  missing: number[];
  missingCount: number;
  /** In the index, not live in the store. */
  extra: number[];
  extraCount: number;
  /** In both, but the indexed fields differ. */
  differing: number[];
  differingCount: number;
  /** search_docs ids without an FTS row, and FTS rows without a search_docs row. */
  ftsMismatchCount: number;
  /** Sampled documents whose FTS title does not match the store's title. */
  textSampled: number;
  textMismatch: number[];
}

/** The search_docs row the engine writes for a document, as a list (same order as INDEX_COLUMNS). */
function indexedProjection(d: SearchDocument): unknown[] {
  const first = d.places[0];
  return [
    d.clusterId,
    first?.lat ?? null,
    first?.lon ?? null,
    d.places.length > 1 ? JSON.stringify(d.places.map((p) => [p.lat, p.lon])) : null,
    d.sector,
    d.contract,
    d.employmentType,
    d.remote,
    d.occupationCode,
    d.salaryAnnualMax ?? d.salaryAnnualMin,
    d.datePosted,
    d.isDemo ? 1 : 0,
  ];
}
const INDEX_COLUMNS = 'cluster_id, lat, lon, places, sector, contract, employment_type, remote, occupation_code, salary_top, date_posted, is_demo';

const hashOf = (values: unknown[]) => createHash('sha1').update(JSON.stringify(values)).digest('base64');

/** Up to 20 examples kept, the count always exact. */
function collector() {
  const ids: number[] = [];
  let count = 0;
  return {
    add(id: number) {
      count++;
      if (ids.length < 20) ids.push(id);
    },
    get ids() {
      return ids;
    },
    get count() {
      return count;
    },
  };
}

/** FTS5 phrase for a title in the title column, or null when it has no word to match. */
function titlePhrase(title: string): string | null {
  if (!/[\p{L}\p{N}]/u.test(title)) return null;
  return `title : "${title.replaceAll('"', '""')}"`;
}

/**
 * Compares the embedded index with the live vacancies. Drain the outbox
 * first: rows still queued are legitimately missing or stale.
 */
export function compareIndexWithStore(db: Db, opts: { textSample?: number } = {}): IndexComparison {
  const c = db.$client;
  const store = new Map<number, string>();
  const titles = new Map<number, string>();
  for (let after = 0; ; ) {
    const docs = loadLiveDocumentsAfter(db, after, 5000);
    if (!docs.length) break;
    for (const d of docs) {
      store.set(d.id, hashOf(indexedProjection(d)));
      titles.set(d.id, d.title);
    }
    after = docs.at(-1)!.id;
  }

  const missing = collector();
  const extra = collector();
  const differing = collector();
  const seen = new Set<number>();
  const rows = c.prepare(`SELECT id, ${INDEX_COLUMNS} FROM search_docs ORDER BY id`).raw().iterate() as IterableIterator<unknown[]>;
  for (const row of rows) {
    const id = row[0] as number;
    seen.add(id);
    const want = store.get(id);
    if (want == null) extra.add(id);
    else if (want !== hashOf(row.slice(1))) differing.add(id);
  }
  for (const id of store.keys()) if (!seen.has(id)) missing.add(id);

  const ftsIds = new Set(c.prepare('SELECT rowid FROM search_fts').pluck().all() as number[]);
  let ftsMismatchCount = 0;
  for (const id of seen) if (!ftsIds.has(id)) ftsMismatchCount++;
  for (const id of ftsIds) if (!seen.has(id)) ftsMismatchCount++;

  // An even spread over the indexed ids, deterministic so a re-run checks the same rows.
  const textMismatch: number[] = [];
  const both = [...seen].filter((id) => store.has(id));
  const sample = Math.min(opts.textSample ?? 200, both.length);
  // CAST: with a plain bound number FTS5 ignored the rowid constraint beside MATCH (it counted every match).
  const match = c.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ? AND rowid = CAST(? AS INTEGER)').pluck();
  for (let k = 0; k < sample; k++) {
    const id = both[Math.floor((k * both.length) / sample)]!;
    const phrase = titlePhrase(titles.get(id)!);
    if (phrase && (match.get(phrase, id) as number) !== 1) textMismatch.push(id);
  }

  return {
    storeLive: store.size,
    indexed: seen.size,
    missing: missing.ids,
    missingCount: missing.count,
    extra: extra.ids,
    extraCount: extra.count,
    differing: differing.ids,
    differingCount: differing.count,
    ftsMismatchCount,
    textSampled: sample,
    textMismatch,
  };
}

/** Everything that says the index is not the store, summed (0 means equal). */
export function indexMismatchCount(r: IndexComparison): number {
  return r.missingCount + r.extraCount + r.differingCount + r.ftsMismatchCount + r.textMismatch.length;
}

/** Opens the database file, compares, closes. */
export async function compareIndexAtPath(dbPath: string, opts: { textSample?: number } = {}): Promise<IndexComparison> {
  const { openDb, closeDb } = await import('../../../src/db.ts');
  const db = openDb(dbPath);
  try {
    return compareIndexWithStore(db, opts);
  } finally {
    closeDb(db);
  }
}
