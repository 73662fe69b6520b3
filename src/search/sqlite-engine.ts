/**
 * The embedded search engine: SQLite FTS5 in the same database file as the
 * store. The index is derived data, so its tables are created here (IF NOT
 * EXISTS), not by drizzle migrations, and `rebuild` can always recreate it.
 *
 * Layout, and why:
 *
 *   search_fts   FTS5, contentless (`content=''`, `contentless_delete=1`),
 *                porter + unicode61, detail=full. Columns:
 *                  title (weight 8), body (1), extra = employer + town +
 *                  region (3), tags (0).
 *                `tags` holds filter tokens: sector, contract, employment
 *                type, remote, occupation; the grid cell of every place at
 *                three sizes (src/search/geo.ts); and each cell fused with
 *                each filter value (one token for "this cell ∧ permanent").
 *                A query with a radius and a filter is ONE MATCH expression:
 *                  tags: ("<cell1>∧permanent" OR … ~12 cells)
 *                  AND {title body extra}: ("care" AND "assistant")
 *                so FTS5 intersects short posting lists and computes BM25
 *                only for documents already inside the area and filters. The
 *                naive layout (text MATCH, then R*Tree/box post-filter)
 *                computes BM25 for every nationwide text match first: ~7×
 *                slower (DESIGN.md, "Performance notes"). Fusing matters too:
 *                bm25() scans the full posting list of every phrase in the
 *                query once for its IDF, and a bare "permanent" token sits
 *                in 60% of documents; measured at 100k, fusing took the
 *                rank step from ~6 ms to ~3.5 ms at p50.
 *                Tags go first in the expression (the narrow list drives).
 *                detail=full stays: BM25 and phrase queries need positions
 *                (with detail=column FTS5 re-tokenizes each matched row to
 *                rank it, which costs more than it saves).
 *                Contentless: the text is not stored a second time inside
 *                FTS5, and deleting needs no old values (contentless_delete).
 *                No prefix index (prefix='2 3'): measured at 60k it took a
 *                rebuild from 17.8 to 30.3 s of CPU and the FTS data from 91
 *                to 224 MB, and `ca*`, `car*` got no faster: a prefix query
 *                costs what ranking its matches costs, not the expansion.
 *                Prefix queries are bounded instead (fts-query.ts).
 *   search_docs  one compact row per document (~100 bytes: cluster, first
 *                place, other places as JSON, facet fields, salary, date).
 *                Every match is joined to it by rowid to compute exact
 *                distance, collapse clusters, count facets and sort; kept
 *                apart from the text so thousands of rows fit in a few pages.
 *                Its date index (date, lat, lon, places, occupation) serves
 *                "newest nearby" without a MATCH where the area is dense
 *                (sqlite-search.ts, newestNearByDate).
 *   search_text  title + description, read only for the page of hits being
 *                highlighted (copied into a tiny temp FTS5 table so that
 *                highlight() stems exactly as the index does). Only when no
 *                `textSource` is given: the app passes one that reads the
 *                vacancies table, so the 3–4 KB description is not stored a
 *                second time (~20 µs less per document on ingest and about a
 *                third less disk). The contract tests run without it.
 *
 * Ranking computes BM25 over the whole (already narrowed) match: total,
 * facets and cluster collapse need the whole match anyway. Merging: automerge
 * 16 and a 32 MB pending-terms hash (see createTables) — one segment per
 * ingest transaction, less merge work; `optimize` after a rebuild.
 *
 * Browsing with no text, radius or token filter counts, facets and pages in
 * SQL (see browse()), so an empty search of the whole index stays cheap.
 * Known cost: a text query with no radius and only common words is
 * O(matches) (every match is read to count facets and collapse clusters):
 * fine for a region, slow for a national index; that is Meilisearch's job
 * (DESIGN.md, "Scale"). Such a search runs on a worker thread with its own
 * read-only connection (sqlite-search-pool.ts, the reading code is in
 * sqlite-search.ts), so it holds up neither the writer nor other requests,
 * and one over its time budget is stopped with a 503.
 *
 * Rebuild writes into *_next tables and swaps them in with a rename inside one
 * short transaction, so searches keep answering from the old index meanwhile;
 * upserts and removes that arrive during a rebuild go to both.
 */
import type { Database, Statement } from 'better-sqlite3';
import { writeTransactionWhenFree, type Db } from '../db.ts';
import type { EngineHealth, SearchDocument, SearchEngine, SearchQuery, SearchResult } from './engine.ts';
import { placeCellTokens } from './geo.ts';
import { FUSE_ORDER, LIVE, NEXT, RANK, TAG_KIND, TOKENIZE, tagToken, type FilterKind, type Tables, type TextSource } from './sqlite-layout.ts';
import type { SqliteSearchPool } from './sqlite-search-pool.ts';
import { SqliteSearcher } from './sqlite-search.ts';

export type { TextSource } from './sqlite-layout.ts';

function documentFilterTokens(d: SearchDocument): string[] {
  const values: Record<FilterKind, string | null> = {
    sector: d.sector,
    contract: d.contract,
    employmentType: d.employmentType,
    remote: d.remote,
    occupationCode: d.occupationCode,
  };
  return FUSE_ORDER.flatMap((k) => (values[k] ? [tagToken(TAG_KIND[k], values[k])] : []));
}

/**
 * Tags: each filter value, each place's cell at every grid level, and each
 * cell fused with each filter value ("cell ∧ permanent" as one token). The
 * fused tokens matter for speed: FTS5's bm25() scans the whole posting list
 * of every phrase in the query once to compute its IDF, so a plain
 * `contract:permanent` token (60% of all documents) would cost more than the
 * match itself; the fused cell tokens have short lists.
 */
function documentTags(d: SearchDocument): string {
  const filters = documentFilterTokens(d);
  const tags: string[] = [...filters];
  for (const p of d.places) {
    for (const cell of placeCellTokens(p)) {
      tags.push(cell);
      for (const f of filters) tags.push(cell + f);
    }
  }
  return tags.join(' ');
}

function createTables(c: Database, t: Tables): void {
  c.exec(`
    CREATE TABLE IF NOT EXISTS ${t.docs} (
      id INTEGER PRIMARY KEY,
      cluster_id INTEGER NOT NULL,
      lat REAL,
      lon REAL,
      places TEXT,
      sector TEXT,
      contract TEXT,
      employment_type TEXT,
      remote TEXT,
      occupation_code TEXT,
      salary_top REAL,
      date_posted INTEGER NOT NULL,
      is_demo INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${t.text} (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
  `);
  // The live docs' date index (newest nearby, sqlite-search.ts). A rebuild's
  // tables get it after the bulk load, when they are swapped in: building it
  // once is cheaper than keeping it up row by row, and its name stays the live one.
  if (t === LIVE) createDateIndex(c);
  const exists = c.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(t.fts);
  if (!exists) {
    c.exec(`CREATE VIRTUAL TABLE ${t.fts} USING fts5(title, body, extra, tags,
      content='', contentless_delete=1, tokenize='${TOKENIZE}')`);
    c.prepare(`INSERT INTO ${t.fts}(${t.fts}, rank) VALUES ('rank', ?)`).run(RANK);
    // Measured on bulk loads of 3–4 KB adverts: merging less eagerly (16 segments
    // per level instead of 4) and flushing one segment per transaction cut
    // indexing CPU by about a third; search latency at 100k did not get worse.
    c.prepare(`INSERT INTO ${t.fts}(${t.fts}, rank) VALUES ('automerge', 16)`).run();
    c.prepare(`INSERT INTO ${t.fts}(${t.fts}, rank) VALUES ('hashsize', ${32 * 1024 * 1024})`).run();
  }
}

function createDateIndex(c: Database): void {
  c.exec(`CREATE INDEX IF NOT EXISTS ${LIVE.docs}_by_date ON ${LIVE.docs}(date_posted DESC, lat, lon, places, occupation_code)`);
}

interface WriteStatements {
  exists: Statement;
  ftsDelete: Statement;
  ftsInsert: Statement;
  docsUpsert: Statement;
  textUpsert: Statement;
  docsDelete: Statement;
  textDelete: Statement;
}

function prepareWrites(c: Database, t: Tables): WriteStatements {
  return {
    exists: c.prepare(`SELECT 1 FROM ${t.docs} WHERE id = ?`).pluck(),
    ftsDelete: c.prepare(`DELETE FROM ${t.fts} WHERE rowid = ?`),
    ftsInsert: c.prepare(`INSERT INTO ${t.fts}(rowid, title, body, extra, tags) VALUES (?, ?, ?, ?, ?)`),
    docsUpsert: c.prepare(
      `INSERT OR REPLACE INTO ${t.docs} (id, cluster_id, lat, lon, places, sector, contract, employment_type, remote,
       occupation_code, salary_top, date_posted, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    textUpsert: c.prepare(`INSERT OR REPLACE INTO ${t.text} (id, title, body) VALUES (?, ?, ?)`),
    docsDelete: c.prepare(`DELETE FROM ${t.docs} WHERE id = ?`),
    textDelete: c.prepare(`DELETE FROM ${t.text} WHERE id = ?`),
  };
}

function writeDoc(s: WriteStatements, d: SearchDocument, storeText: boolean): void {
  if (s.exists.get(d.id)) s.ftsDelete.run(d.id);
  const first = d.places[0];
  const extra = [d.employer, d.town, d.region].filter(Boolean).join(' ');
  s.ftsInsert.run(d.id, d.title, d.description, extra, documentTags(d));
  s.docsUpsert.run(
    d.id,
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
  );
  if (storeText) s.textUpsert.run(d.id, d.title, d.description);
}

function removeDoc(s: WriteStatements, id: number, storeText: boolean): void {
  if (!s.exists.get(id)) return;
  s.ftsDelete.run(id);
  s.docsDelete.run(id);
  if (storeText) s.textDelete.run(id);
}

export interface SqliteEngineOptions {
  /** Description snippet length in tokens. */
  snippetTokens?: number;
  /** The in-process searcher's date-scan bound (sqlite-search.ts, DATE_SCAN_ROWS); for tests. */
  dateScanRows?: number;
  /** Where highlight text comes from; without one the engine stores the text itself. */
  textSource?: TextSource;
  /**
   * Worker threads that run searches on their own read-only connections, so a
   * slow search holds up neither writes nor the event loop and can be stopped
   * at its time budget. Its text source must be the same as `textSource`'s.
   * Without one, searches run on the engine's connection (':memory:' databases).
   * The engine owns it from here on: close() closes it.
   */
  searchPool?: SqliteSearchPool;
}

export class SqliteEngine implements SearchEngine {
  readonly name = 'sqlite' as const;
  private readonly c: Database;
  private writes: WriteStatements;
  /** Set while a rebuild runs: writes go to both index generations. */
  private nextWrites: WriteStatements | null = null;
  private readonly storeText: boolean;
  private readonly inProcess: SqliteSearcher;
  private readonly pool: SqliteSearchPool | null;

  constructor(private readonly db: Db, opts: SqliteEngineOptions = {}) {
    this.c = db.$client;
    this.storeText = !opts.textSource;
    createTables(this.c, LIVE);
    this.writes = prepareWrites(this.c, LIVE);
    this.inProcess = new SqliteSearcher(this.c, { snippetTokens: opts.snippetTokens, dateScanRows: opts.dateScanRows, textSource: opts.textSource });
    this.pool = opts.searchPool ?? null;
  }

  /** Starts the search workers now instead of on the first search (no-op in-process). */
  startSearchWorkers(): void {
    this.pool?.start();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.pool ? this.pool.search(query) : this.inProcess.search(query);
  }

  /*
   * Index writes read (does the doc exist?) then write, so they take the
   * write lock first (BEGIN IMMEDIATE): a deferred transaction that read
   * while another process (an import, the API) wrote fails its upgrade at
   * once with "database is locked", whatever the busy timeout. That left
   * whole outbox batches backing off during the writes soak at 250k. The
   * lock is waited for without blocking the event loop (writeTransactionWhenFree).
   */
  async upsert(docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    await writeTransactionWhenFree(this.db, () => {
      for (const d of docs) {
        writeDoc(this.writes, d, this.storeText);
        if (this.nextWrites) writeDoc(this.nextWrites, d, this.storeText);
      }
    });
  }

  async remove(ids: number[]): Promise<void> {
    if (!ids.length) return;
    await writeTransactionWhenFree(this.db, () => {
      for (const id of ids) {
        removeDoc(this.writes, id, this.storeText);
        if (this.nextWrites) removeDoc(this.nextWrites, id, this.storeText);
      }
    });
  }

  async count(): Promise<number> {
    return this.c.prepare(`SELECT count(*) FROM ${LIVE.docs}`).pluck().get() as number;
  }

  async health(): Promise<EngineHealth> {
    try {
      const n = await this.count();
      const workers = this.pool?.health();
      if (workers && !workers.ok) return { ok: false, engine: 'sqlite', detail: `${n} documents; ${workers.detail}` };
      return { ok: true, engine: 'sqlite', detail: workers ? `${n} documents; ${workers.detail}` : `${n} documents` };
    } catch (err) {
      return { ok: false, engine: 'sqlite', detail: err instanceof Error ? err.message : String(err) };
    }
  }

  async rebuild(batches: AsyncIterable<SearchDocument[]> | Iterable<SearchDocument[]>): Promise<void> {
    if (this.nextWrites) throw new Error('A rebuild is already running');
    const c = this.c;
    dropTables(c, NEXT);
    createTables(c, NEXT);
    const next = prepareWrites(c, NEXT);
    this.nextWrites = next;
    try {
      for await (const batch of batches) {
        await writeTransactionWhenFree(this.db, () => {
          for (const d of batch) writeDoc(next, d, this.storeText);
        });
      }
      // One segment per level is much faster to query after a bulk load.
      c.prepare(`INSERT INTO ${NEXT.fts}(${NEXT.fts}) VALUES ('optimize')`).run();
      await writeTransactionWhenFree(this.db, () => {
        dropTables(c, LIVE);
        c.exec(`ALTER TABLE ${NEXT.docs} RENAME TO ${LIVE.docs}`);
        c.exec(`ALTER TABLE ${NEXT.text} RENAME TO ${LIVE.text}`);
        c.exec(`ALTER TABLE ${NEXT.fts} RENAME TO ${LIVE.fts}`);
        createDateIndex(c);
      });
    } catch (err) {
      dropTables(c, NEXT);
      throw err;
    } finally {
      this.nextWrites = null;
      this.writes = prepareWrites(c, LIVE);
    }
  }

  /** Stops the search workers; the database belongs to the caller. */
  async close(): Promise<void> {
    this.inProcess.reset();
    await this.pool?.close();
  }

  /** Merges the FTS index into as few segments as possible (after big loads). */
  optimize(): void {
    this.c.prepare(`INSERT INTO ${LIVE.fts}(${LIVE.fts}) VALUES ('optimize')`).run();
  }
}

function dropTables(c: Database, t: Tables): void {
  c.exec(`DROP TABLE IF EXISTS ${t.fts}; DROP TABLE IF EXISTS ${t.docs}; DROP TABLE IF EXISTS ${t.text};`);
}
