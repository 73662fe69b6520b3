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

/*
 * "Index == store" for Meilisearch, read over its HTTP API. Meilisearch
 * keeps the whole document, so here content is compared in full: every
 * document of the live index (one per vacancy location) is fetched, its
 * JSON hashed with sorted keys, and compared with the documents the engine
 * would write for the store's vacancy now (toMeiliDocuments over the
 * drainer's own loader, with skill labels from the same taxonomy). A
 * missing location document, a stale one left past a vacancy's places, a
 * stale title or salary: each shows as a differing vacancy.
 */

export interface MeiliIndexComparison {
  /** Live vacancies in the store. */
  storeLive: number;
  /** Vacancies with at least one document in the index. */
  indexed: number;
  /** Documents in the index, and documents the store implies. */
  documents: number;
  expectedDocuments: number;
  missing: number[];
  missingCount: number;
  extra: number[];
  extraCount: number;
  differing: number[];
  differingCount: number;
}

/**
 * JSON with object keys sorted at every level, so field order never matters,
 * and fractions rounded to 1e-7: Meilisearch's JSON parser does not
 * round-trip every double exactly (a coordinate came back as
 * -1.8110528922267255 for -1.8110528922267257), a last-bit difference no
 * search can see. Rounding to significant digits is not enough (…5944|6 and
 * …5945 round apart at 15 digits); on a 1e-7 grid a 1-ulp difference lands
 * on two sides of a boundary about once in 10^8 values.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && !Number.isInteger(v)) return Math.round(v * 1e7) / 1e7;
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/** One hash per vacancy over its documents (sorted by docId), each as JSON would carry it. */
function vacancyHash(docs: readonly object[]): string {
  const h = createHash('sha1');
  for (const d of [...docs].map((x) => canonicalJson(JSON.parse(JSON.stringify(x)))).sort()) h.update(d).update('\n');
  return h.digest('base64');
}

export interface MeiliTarget {
  host: string;
  apiKey: string;
  indexUid: string;
}

/** Compares the live Meilisearch index with the live vacancies. Drain the outbox first. */
export async function compareMeiliIndexWithStore(db: Db, target: MeiliTarget): Promise<MeiliIndexComparison> {
  const { Meilisearch } = await import('meilisearch');
  const { toMeiliDocuments } = await import('../../../src/search/meilisearch/document.ts');
  const { loadTaxonomy } = await import('../../../src/taxonomy/store.ts');
  const taxonomy = loadTaxonomy(db);
  const labelSkill = (id: string) => taxonomy.skills.get(id)?.label;

  const store = new Map<number, string>();
  let expectedDocuments = 0;
  for (let after = 0; ; ) {
    const docs = loadLiveDocumentsAfter(db, after, 2000);
    if (!docs.length) break;
    for (const d of docs) {
      const meili = toMeiliDocuments(d, labelSkill);
      expectedDocuments += meili.length;
      store.set(d.id, vacancyHash(meili));
    }
    after = docs.at(-1)!.id;
  }

  const client = new Meilisearch({ host: target.host, apiKey: target.apiKey, timeout: 60_000 });
  const index = client.index(target.indexUid);
  const byVacancy = new Map<number, object[]>();
  let documents = 0;
  for (let offset = 0; ; ) {
    const page = await index.getDocuments<{ vacancyId: number }>({ offset, limit: 1000 });
    for (const doc of page.results) {
      let list = byVacancy.get(doc.vacancyId);
      if (!list) byVacancy.set(doc.vacancyId, (list = []));
      list.push(doc);
    }
    documents += page.results.length;
    offset += page.results.length;
    if (page.results.length === 0 || offset >= page.total) break;
  }

  const missing = collector();
  const extra = collector();
  const differing = collector();
  for (const [id, docs] of byVacancy) {
    const want = store.get(id);
    if (want == null) extra.add(id);
    else if (want !== vacancyHash(docs)) differing.add(id);
  }
  for (const id of store.keys()) if (!byVacancy.has(id)) missing.add(id);
  return {
    storeLive: store.size,
    indexed: byVacancy.size,
    documents,
    expectedDocuments,
    missing: missing.ids,
    missingCount: missing.count,
    extra: extra.ids,
    extraCount: extra.count,
    differing: differing.ids,
    differingCount: differing.count,
  };
}

/** Everything that says the Meilisearch index is not the store, summed (0 means equal). */
export function meiliMismatchCount(r: MeiliIndexComparison): number {
  return r.missingCount + r.extraCount + r.differingCount;
}

/** Opens the database file, compares with the Meilisearch index, closes. */
export async function compareMeiliIndexAtPath(dbPath: string, target: MeiliTarget): Promise<MeiliIndexComparison> {
  const { openDb, closeDb } = await import('../../../src/db.ts');
  const db = openDb(dbPath);
  try {
    return await compareMeiliIndexWithStore(db, target);
  } finally {
    closeDb(db);
  }
}

/** Documents a full Meilisearch index of the store holds: one per place of each live vacancy, one for a vacancy without. */
export function meiliDocumentCount(db: Db): number {
  let n = 0;
  for (let after = 0; ; ) {
    const docs = loadLiveDocumentsAfter(db, after, 5000);
    if (!docs.length) return n;
    for (const d of docs) n += Math.max(1, d.places.length);
    after = docs.at(-1)!.id;
  }
}
