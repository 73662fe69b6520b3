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
 *   search_docs  one compact row per document (~100 bytes: cluster, first
 *                place, other places as JSON, facet fields, salary, date).
 *                Every match is joined to it by rowid to compute exact
 *                distance, collapse clusters, count facets and sort; kept
 *                apart from the text so thousands of rows fit in a few pages.
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
 * (DESIGN.md, "Scale").
 *
 * Rebuild writes into *_next tables and swaps them in with a rename inside one
 * short transaction, so searches keep answering from the old index meanwhile;
 * upserts and removes that arrive during a rebuild go to both.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Db } from '../db.ts';
import type {
  EngineHealth,
  FacetField,
  SearchDocument,
  SearchEngine,
  SearchHit,
  SearchQuery,
  SearchResult,
} from './engine.ts';
import { parseUserQuery, toFtsExpression, type QueryTerm } from './fts-query.ts';
import { boundingBox, coveringCellTokens, haversineKm, placeCellTokens, type LatLon } from './geo.ts';

const TOKENIZE = `porter unicode61 remove_diacritics 2`;
const RANK = 'bm25(8.0, 1.0, 3.0, 0.0)';
const FACETS: FacetField[] = ['sector', 'contract', 'remote', 'employmentType'];
const MAX_PAGE_SIZE = 100;
const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';

/** Filter token: kind prefix + hex of the value (injective, porter-proof: ends in a digit). */
function tagToken(kind: string, value: string): string {
  return `z${kind}${Buffer.from(value, 'utf8').toString('hex')}0`;
}
const TAG_KIND = { sector: 's', contract: 'c', employmentType: 'e', remote: 'r', occupationCode: 'o' } as const;

type FilterKind = keyof typeof TAG_KIND;
/** Order in which a filter is fused with the geo cells: most selective first. */
const FUSE_ORDER: FilterKind[] = ['occupationCode', 'sector', 'contract', 'employmentType', 'remote'];

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

interface Tables {
  docs: string;
  text: string;
  fts: string;
}
const LIVE: Tables = { docs: 'search_docs', text: 'search_text', fts: 'search_fts' };
const NEXT: Tables = { docs: 'search_docs_next', text: 'search_text_next', fts: 'search_fts_next' };

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

/** One candidate row: [id, cluster, lat, lon, places, sector, contract, employmentType, remote, salaryTop, date, rank]. */
type Row = [number, number, number | null, number | null, string | null, string | null, string | null, string | null, string | null, number | null, number, number | null];

interface Candidate {
  id: number;
  cluster: number;
  score: number;
  distanceKm: number | null;
  salary: number | null;
  date: number;
  facet: Record<FacetField, string | null>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Escapes everything, then turns the private markers into <mark> tags. */
function renderMarked(s: string): string {
  return escapeHtml(s).replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}
const stripMarkers = (s: string) => s.replace(/[\u0001\u0002]/g, ' ');

/** Reads current title + description for ids (for highlighting). */
export type TextSource = (ids: number[]) => Map<number, { title: string; description: string }>;

export interface SqliteEngineOptions {
  /** Description snippet length in tokens. */
  snippetTokens?: number;
  /** Where highlight text comes from; without one the engine stores the text itself. */
  textSource?: TextSource;
}

export class SqliteEngine implements SearchEngine {
  readonly name = 'sqlite' as const;
  private readonly c: Database;
  private writes: WriteStatements;
  /** Set while a rebuild runs: writes go to both index generations. */
  private nextWrites: WriteStatements | null = null;
  private readonly snippetTokens: number;
  private readonly textSource: TextSource;
  /** Search SQL varies only with which filters are present: a handful of shapes, prepared once. */
  private readonly statements = new Map<string, Statement>();
  private readonly storeText: boolean;

  constructor(db: Db, opts: SqliteEngineOptions = {}) {
    this.c = db.$client;
    this.snippetTokens = opts.snippetTokens ?? 32;
    this.storeText = !opts.textSource;
    this.textSource = opts.textSource ?? ((ids) => this.readStoredText(ids));
    createTables(this.c, LIVE);
    // Scratch space for highlighting. External content, so clearing it is a cheap 'delete-all'
    // instead of re-tokenizing the previous page's text to delete it.
    this.c.exec(`CREATE TABLE IF NOT EXISTS temp.search_highlight_text (rowid INTEGER PRIMARY KEY, title TEXT, body TEXT);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_highlight USING fts5(title, body,
        content='search_highlight_text', content_rowid='rowid', tokenize='${TOKENIZE}')`);
    this.writes = prepareWrites(this.c, LIVE);
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    this.c.transaction(() => {
      for (const d of docs) {
        writeDoc(this.writes, d, this.storeText);
        if (this.nextWrites) writeDoc(this.nextWrites, d, this.storeText);
      }
    })();
  }

  async remove(ids: number[]): Promise<void> {
    if (!ids.length) return;
    this.c.transaction(() => {
      for (const id of ids) {
        removeDoc(this.writes, id, this.storeText);
        if (this.nextWrites) removeDoc(this.nextWrites, id, this.storeText);
      }
    })();
  }

  async count(): Promise<number> {
    return this.c.prepare(`SELECT count(*) FROM ${LIVE.docs}`).pluck().get() as number;
  }

  async health(): Promise<EngineHealth> {
    try {
      const n = await this.count();
      return { ok: true, engine: 'sqlite', detail: `${n} documents` };
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
        c.transaction(() => {
          for (const d of batch) writeDoc(next, d, this.storeText);
        })();
      }
      // One segment per level is much faster to query after a bulk load.
      c.prepare(`INSERT INTO ${NEXT.fts}(${NEXT.fts}) VALUES ('optimize')`).run();
      c.transaction(() => {
        dropTables(c, LIVE);
        c.exec(`ALTER TABLE ${NEXT.docs} RENAME TO ${LIVE.docs}`);
        c.exec(`ALTER TABLE ${NEXT.text} RENAME TO ${LIVE.text}`);
        c.exec(`ALTER TABLE ${NEXT.fts} RENAME TO ${LIVE.fts}`);
      })();
    } catch (err) {
      dropTables(c, NEXT);
      throw err;
    } finally {
      this.nextWrites = null;
      this.writes = prepareWrites(c, LIVE);
    }
  }

  /** The database belongs to the caller; nothing of the engine's own to release. */
  async close(): Promise<void> {
    this.statements.clear();
  }

  /** Merges the FTS index into as few segments as possible (after big loads). */
  optimize(): void {
    this.c.prepare(`INSERT INTO ${LIVE.fts}(${LIVE.fts}) VALUES ('optimize')`).run();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const pageSize = Math.min(Math.max(1, Math.floor(query.pageSize ?? 20)), MAX_PAGE_SIZE);
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const f = query.filters ?? {};
    const near = query.near;
    const terms = parseUserQuery(query.q);
    const textExpr = toFtsExpression(terms);
    const sort = query.sort ?? (textExpr ? 'relevance' : near ? 'distance' : 'date');

    // 1. Everything that can be a token goes into the MATCH expression.
    const parts: string[] = [];
    const none = (kind: string) => [tagToken(kind, '\u0000none')];
    const filterValues = (k: FilterKind) => {
      const values = f[k];
      if (!values) return null;
      // An empty list means "none allowed": match nothing.
      return values.length ? values.map((v) => tagToken(TAG_KIND[k], v)) : none(TAG_KIND[k]);
    };
    const orGroup = (tokens: string[]) => `tags : (${tokens.map((t) => `"${t}"`).join(' OR ')})`;
    let box: ReturnType<typeof boundingBox> | null = null;
    let fused: FilterKind | null = null;
    if (near) {
      const cells = coveringCellTokens(near, near.radiusKm);
      if (!cells) box = boundingBox(near, near.radiusKm);
      else if (!cells.length) parts.push(orGroup(['zgnone0']));
      else {
        // Fuse the cells with the most selective filter when the token count stays small.
        fused = FUSE_ORDER.find((k) => (filterValues(k)?.length ?? Infinity) * cells.length <= 64) ?? null;
        const values = fused ? filterValues(fused)! : [''];
        parts.push(orGroup(cells.flatMap((c) => values.map((v) => c + v))));
      }
    }
    for (const k of FUSE_ORDER) {
      const values = filterValues(k);
      if (values && k !== fused) parts.push(orGroup(values));
    }
    // Tags first: FTS5 evaluates AND children in order, and the narrow geo list drives best.
    if (textExpr) parts.push(`{title body extra} : (${textExpr})`);
    const match = parts.length ? parts.join(' AND ') : null;

    // 2. The rest is plain SQL on the compact docs table.
    const where: string[] = [];
    const params: unknown[] = [];
    if (match) {
      where.push(`${LIVE.fts} MATCH ?`);
      params.push(match);
    }
    if (f.salaryMin != null) {
      where.push('d.salary_top >= ?');
      params.push(f.salaryMin);
    }
    if (f.postedAfter != null) {
      where.push('d.date_posted >= ?');
      params.push(f.postedAfter);
    }
    if (f.ids) {
      where.push('d.id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(f.ids));
    }
    if (box) {
      where.push('((d.lat BETWEEN ? AND ? AND d.lon BETWEEN ? AND ?) OR d.places IS NOT NULL)');
      params.push(box.minLat, box.maxLat, box.minLon, box.maxLon);
    }
    if (near) where.push('d.lat IS NOT NULL');
    if (!match && !near) {
      return this.browse(where, params, sort, query.collapseClusters !== false, query.facets ?? [], page, pageSize);
    }
    const wantRank = textExpr !== null && sort === 'relevance';
    const cols = `d.id, d.cluster_id, d.lat, d.lon, d.places, d.sector, d.contract, d.employment_type, d.remote, d.salary_top, d.date_posted`;
    const sql = match
      ? `SELECT ${cols}, ${wantRank ? `${LIVE.fts}.rank` : 'NULL'} FROM ${LIVE.fts} JOIN ${LIVE.docs} d ON d.id = ${LIVE.fts}.rowid
         WHERE ${where.join(' AND ')}`
      : `SELECT ${cols}, NULL FROM ${LIVE.docs} d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const rows = this.stmt(sql).raw().all(...params) as Row[];

    // 3. Exact distance (nearest place), then order, collapse, facets, page.
    const candidates: Candidate[] = [];
    for (const r of rows) {
      let distanceKm: number | null = null;
      if (near) {
        distanceKm = nearestDistance(near, r);
        if (distanceKm === null || distanceKm > near.radiusKm) continue;
      }
      candidates.push({
        id: r[0],
        cluster: r[1],
        score: r[11] == null ? 0 : -r[11],
        distanceKm,
        salary: r[9],
        date: r[10],
        facet: { sector: r[5], contract: r[6], employmentType: r[7], remote: r[8] },
      });
    }
    candidates.sort(comparator(sort, near != null));
    const shown = query.collapseClusters === false ? candidates : collapse(candidates);

    const facets: SearchResult['facets'] = {};
    for (const field of query.facets ?? []) {
      if (!FACETS.includes(field)) continue;
      const counts: Record<string, number> = {};
      for (const cnd of shown) {
        const v = cnd.facet[field];
        if (v != null) counts[v] = (counts[v] ?? 0) + 1;
      }
      facets[field] = counts;
    }

    const pageHits = shown.slice((page - 1) * pageSize, page * pageSize);
    const highlights = this.highlight(pageHits.map((h) => h.id), terms);
    const hits: SearchHit[] = pageHits.map((h) => ({
      id: h.id,
      score: h.score,
      distanceKm: h.distanceKm == null ? null : Math.round(h.distanceKm * 100) / 100,
      highlights: highlights.get(h.id) ?? {},
    }));
    return { total: shown.length, hits, facets };
  }

  /**
   * No text, no radius, no token filter: possibly the whole index, so count,
   * facet and page in SQL instead of reading every row (reading 250k rows into
   * JS costs over a second). Collapsed counts are distinct clusters.
   */
  private browse(
    where: string[],
    params: unknown[],
    sort: NonNullable<SearchQuery['sort']>,
    collapseClusters: boolean,
    facetFields: FacetField[],
    page: number,
    pageSize: number,
  ): SearchResult {
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countExpr = collapseClusters ? 'count(DISTINCT d.cluster_id)' : 'count(*)';
    const total = this.stmt(`SELECT ${countExpr} FROM ${LIVE.docs} d ${w}`).pluck().get(...params) as number;
    const facets: SearchResult['facets'] = {};
    const column: Record<FacetField, string> = {
      sector: 'd.sector',
      contract: 'd.contract',
      remote: 'd.remote',
      employmentType: 'd.employment_type',
    };
    for (const field of facetFields) {
      if (!FACETS.includes(field)) continue;
      const col = column[field];
      const rows = this.stmt(
        `SELECT ${col}, ${countExpr} FROM ${LIVE.docs} d ${w ? `${w} AND` : 'WHERE'} ${col} IS NOT NULL GROUP BY ${col}`,
      )
        .raw()
        .all(...params) as [string, number][];
      facets[field] = Object.fromEntries(rows);
    }
    const order =
      sort === 'salary'
        ? 'd.salary_top IS NULL, d.salary_top DESC, d.date_posted DESC, d.id ASC'
        : 'd.date_posted DESC, d.id ASC';
    const pageSql = this.stmt(`SELECT d.id, d.cluster_id FROM ${LIVE.docs} d ${w} ORDER BY ${order} LIMIT ?`).raw();
    const want = page * pageSize;
    // Fetch a little more than the page end; duplicates are rare, so one round almost always does.
    let limit = want + 50;
    let ids: number[] = [];
    for (;;) {
      const rows = pageSql.all(...params, limit) as [number, number][];
      const seen = new Set<number>();
      ids = [];
      for (const [id, cluster] of rows) {
        if (collapseClusters) {
          if (seen.has(cluster)) continue;
          seen.add(cluster);
        }
        ids.push(id);
        if (ids.length >= want) break;
      }
      if (ids.length >= want || rows.length < limit) break;
      limit *= 4;
    }
    const pageIds = ids.slice((page - 1) * pageSize, want);
    const highlights = this.highlight(pageIds, []);
    return {
      total,
      hits: pageIds.map((id) => ({ id, score: 0, distanceKm: null, highlights: highlights.get(id) ?? {} })),
      facets,
    };
  }

  private stmt(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.c.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private readStoredText(ids: number[]): ReturnType<TextSource> {
    const rows = this.c
      .prepare(`SELECT id, title, body FROM ${LIVE.text} WHERE id IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(JSON.stringify(ids)) as [number, string, string][];
    return new Map(rows.map(([id, title, description]) => [id, { title, description }]));
  }

  /**
   * Highlights the page of hits: title and a window of the description around
   * the first likely match are copied into a temp FTS5 table with the same
   * tokenizer, so marks follow stemming exactly (caring → care). The window
   * (found by a cheap prefix scan) keeps this to ~1 ms for 20 hits instead of
   * re-tokenizing 20 whole adverts. Terms are OR'd so every term that occurs
   * is marked even when the others matched elsewhere (employer, town).
   */
  private highlight(ids: number[], terms: QueryTerm[]): Map<number, SearchHit['highlights']> {
    const out = new Map<number, SearchHit['highlights']>();
    if (!ids.length) return out;
    const texts = [...this.textSource(ids)].map(([id, t]) => [id, t.title, t.description] as const);
    for (const [id, title, body] of texts) {
      out.set(id, { title: escapeHtml(title), description: escapeHtml(leadingWords(body, this.snippetTokens)) });
    }
    const anyTerm = toFtsExpression(terms, 'OR');
    if (!anyTerm) return out;
    const probe = termProbe(terms);
    const c = this.c;
    c.transaction(() => {
      c.exec(`INSERT INTO temp.search_highlight(search_highlight) VALUES ('delete-all'); DELETE FROM temp.search_highlight_text;`);
      const content = this.stmt('INSERT INTO temp.search_highlight_text(rowid, title, body) VALUES (?, ?, ?)');
      const index = this.stmt('INSERT INTO temp.search_highlight(rowid, title, body) VALUES (?, ?, ?)');
      for (const [id, title, body] of texts) {
        const t = stripMarkers(title);
        const b = stripMarkers(matchWindow(body, probe));
        content.run(id, t, b);
        index.run(id, t, b);
      }
    })();
    const marked = this
      .stmt(
        `SELECT rowid, highlight(search_highlight, 0, ?, ?), snippet(search_highlight, 1, ?, ?, '…', ?)
         FROM temp.search_highlight WHERE search_highlight MATCH ?`,
      )
      .raw()
      .all(MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, this.snippetTokens, `{title body} : (${anyTerm})`) as [
      number,
      string,
      string,
    ][];
    for (const [id, title, snippet] of marked) {
      const prev = out.get(id);
      out.set(id, {
        title: renderMarked(title),
        description: snippet.includes(MARK_OPEN) ? renderMarked(snippet) : (prev?.description ?? ''),
      });
    }
    return out;
  }
}

/** Word-start regex for the first few letters of each query token (stems share them). */
function termProbe(terms: QueryTerm[]): RegExp {
  const prefixes = new Set(terms.flatMap((t) => t.tokens.map((tok) => Array.from(tok).slice(0, 3).join('').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...prefixes].join('|')})`, 'iu');
}

const WINDOW_BEFORE = 200;
const WINDOW_LENGTH = 800;

/** The part of the text around the first probe hit (or its start), cut at spaces. */
function matchWindow(text: string, probe: RegExp): string {
  if (text.length <= WINDOW_LENGTH) return text;
  const at = text.search(probe);
  let start = Math.max(0, (at < 0 ? 0 : at) - WINDOW_BEFORE);
  let end = Math.min(text.length, start + WINDOW_LENGTH);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  return text.slice(start, end);
}

function dropTables(c: Database, t: Tables): void {
  c.exec(`DROP TABLE IF EXISTS ${t.fts}; DROP TABLE IF EXISTS ${t.docs}; DROP TABLE IF EXISTS ${t.text};`);
}

function nearestDistance(c: LatLon, r: Row): number | null {
  const placesJson = r[4];
  if (placesJson) {
    let best: number | null = null;
    for (const [lat, lon] of JSON.parse(placesJson) as [number, number][]) {
      const d = haversineKm(c, { lat, lon });
      if (best === null || d < best) best = d;
    }
    return best;
  }
  if (r[2] == null || r[3] == null) return null;
  return haversineKm(c, { lat: r[2], lon: r[3] });
}

function comparator(sort: NonNullable<SearchQuery['sort']>, hasNear: boolean): (a: Candidate, b: Candidate) => number {
  // Ties go to the lower id, so a cluster's canonical (first-created) vacancy represents it.
  const byDate = (a: Candidate, b: Candidate) => b.date - a.date || a.id - b.id;
  switch (sort) {
    case 'relevance':
      return (a, b) => b.score - a.score || byDate(a, b);
    case 'distance':
      return hasNear ? (a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || byDate(a, b) : byDate;
    case 'salary':
      return (a, b) => (b.salary ?? -Infinity) - (a.salary ?? -Infinity) || byDate(a, b);
    default:
      return byDate;
  }
}

/** Keeps the first (best-ordered) member of each duplicate cluster. */
function collapse(sorted: Candidate[]): Candidate[] {
  const seen = new Set<number>();
  return sorted.filter((c) => (seen.has(c.cluster) ? false : (seen.add(c.cluster), true)));
}

function leadingWords(text: string, n: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > n ? `${words.slice(0, n).join(' ')}…` : words.join(' ');
}
