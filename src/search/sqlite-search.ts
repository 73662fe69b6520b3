/**
 * Reads the embedded engine's index (layout: sqlite-engine.ts). Runs on any
 * connection to the database file: the engine's own (in-process, and for
 * ':memory:' databases) or a worker thread's read-only one (sqlite-search-pool.ts),
 * so a long search never holds up the writer or the event loop.
 */
import type { Database, Statement } from 'better-sqlite3';
import { pageSizeOf, type FacetField, type SearchHit, type SearchQuery, type SearchResult } from './engine.ts';
import { parseBoundedQuery, toFtsExpression, type QueryTerm } from './fts-query.ts';
import { boundingBox, coveringCellTokens, haversineKm, type LatLon } from './geo.ts';
import { FUSE_ORDER, LIVE, TAG_KIND, TOKENIZE, tagToken, type FilterKind, type TextSource } from './sqlite-layout.ts';

/**
 * How many of the newest documents newestNearByDate reads at most before it
 * leaves a sparse area to the MATCH path. Measured at 250k (62 towns, each
 * ~1.6% of the index): 12k sent 79% of 16 km radii back to MATCH, 50k 29%,
 * 100k 5%; reading 100k entries of the covering index costs ~15 ms.
 */
export const DATE_SCAN_ROWS = 100_000;

/** The docs column each token filter is made from (sqlite-engine.ts, documentFilterTokens). */
const FILTER_COLUMN: Record<FilterKind, string> = {
  sector: 'sector',
  contract: 'contract',
  employmentType: 'employment_type',
  remote: 'remote',
  occupationCode: 'occupation_code',
};

const FACETS: FacetField[] = ['sector', 'contract', 'remote', 'employmentType'];
const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';

/** A document inside a bounding box (the exact radius is checked on the rows); one with several places is checked on each. */
const IN_BOX = '((d.lat BETWEEN ? AND ? AND d.lon BETWEEN ? AND ?) OR d.places IS NOT NULL)';
const boxParams = (b: ReturnType<typeof boundingBox>) => [b.minLat, b.maxLat, b.minLon, b.maxLon];

/** A Row's columns of the docs table `d`, all but the rank. */
const ROW_COLUMNS = `d.id, d.cluster_id, d.lat, d.lon, d.places, d.sector, d.contract, d.employment_type, d.remote, d.salary_top, d.date_posted`;
/** One candidate row: [id, cluster, lat, lon, places, sector, contract, employmentType, remote, salaryTop, date, rank]. */
type Row = [number, number, number | null, number | null, string | null, string | null, string | null, string | null, string | null, number | null, number, number | null];

interface Candidate {
  id: number;
  cluster: number;
  score: number;
  /** Relevance band (see bandRelevance); 0 until a relevance sort sets it. */
  band: number;
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

export interface SqliteSearcherOptions {
  /** Description snippet length in tokens. */
  snippetTokens?: number;
  /** The bound of the date-ordered scan (DATE_SCAN_ROWS); smaller in tests, to reach its fallback. */
  dateScanRows?: number;
  /** Where highlight text comes from; without one, the engine's own stored copy (search_text). */
  textSource?: TextSource;
}

export class SqliteSearcher {
  private readonly snippetTokens: number;
  private readonly dateScanRows: number;
  private readonly textSource: TextSource;
  /** Search SQL varies only with which filters are present: a handful of shapes, prepared once. */
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly c: Database,
    opts: SqliteSearcherOptions = {},
  ) {
    this.snippetTokens = opts.snippetTokens ?? 32;
    this.dateScanRows = opts.dateScanRows ?? DATE_SCAN_ROWS;
    this.textSource = opts.textSource ?? ((ids) => this.readStoredText(ids));
    // Scratch space for highlighting, in the connection's own temp schema (so a
    // read-only connection has it too). External content, so clearing it is a
    // cheap 'delete-all' instead of re-tokenizing the previous page's text to delete it.
    this.c.exec(`CREATE TABLE IF NOT EXISTS temp.search_highlight_text (rowid INTEGER PRIMARY KEY, title TEXT, body TEXT);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_highlight USING fts5(title, body,
        content='search_highlight_text', content_rowid='rowid', tokenize='${TOKENIZE}')`);
  }

  /** Forgets prepared statements (the connection is the caller's). */
  reset(): void {
    this.statements.clear();
  }

  search(query: SearchQuery): SearchResult {
    const pageSize = pageSizeOf(query);
    const withSnippets = query.highlight !== false;
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const f = query.filters ?? {};
    const near = query.near;
    const terms = parseBoundedQuery(query.q);
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
    const docsWhere: string[] = [];
    const docsParams: unknown[] = [];
    if (f.salaryMin != null) {
      docsWhere.push('d.salary_top >= ?');
      docsParams.push(f.salaryMin);
    }
    if (f.postedAfter != null) {
      docsWhere.push('d.date_posted >= ?');
      docsParams.push(f.postedAfter);
    }
    if (f.ids) {
      docsWhere.push('d.id IN (SELECT value FROM json_each(?))');
      docsParams.push(JSON.stringify(f.ids));
    }
    if (box) {
      docsWhere.push(IN_BOX);
      docsParams.push(...boxParams(box));
    }
    if (near) docsWhere.push('d.lat IS NOT NULL');
    const where = match ? [`${LIVE.fts} MATCH ?`, ...docsWhere] : docsWhere;
    const params = match ? [match, ...docsParams] : docsParams;
    if (!match && !near) {
      return this.browse(where, params, sort, query.collapseClusters !== false, query.facets ?? [], page, pageSize, withSnippets);
    }
    const wantRank = textExpr !== null && sort === 'relevance';
    const sql = match
      ? `SELECT ${ROW_COLUMNS}, ${wantRank ? `${LIVE.fts}.rank` : 'NULL'} FROM ${LIVE.fts} JOIN ${LIVE.docs} d ON d.id = ${LIVE.fts}.rowid
         WHERE ${where.join(' AND ')}`
      : `SELECT ${ROW_COLUMNS}, NULL FROM ${LIVE.docs} d ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const collapseClusters = query.collapseClusters !== false;
    // 3. Exact distance (nearest place), then order, collapse, facets, page.
    const toCandidates = (rows: Row[]): Candidate[] => {
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
          band: 0,
          distanceKm,
          salary: r[9],
          date: r[10],
          facet: { sector: r[5], contract: r[6], employmentType: r[7], remote: r[8] },
        });
      }
      return candidates;
    };
    let shown: Candidate[];
    let total: number;
    const newestNear =
      near && !textExpr && query.exactTotal === false && sort === 'date' && !query.facets?.length
        ? this.newestNearByDate(near, box, f, docsWhere, docsParams, page * pageSize, collapseClusters, toCandidates)
        : null;
    if (newestNear) {
      shown = newestNear;
      total = shown.length;
    } else if (query.exactTotal === false && sort === 'date' && !query.facets?.length) {
      // Newest first needs no relevance and no count: SQLite orders the
      // matches and only the page's rows (plus what the radius and the
      // clusters drop) become JS values. A radius of 20k matches costs
      // ~25 ms this way against ~80 ms reading them all.
      const want = page * pageSize;
      const ordered = this.stmt(`${sql} ORDER BY d.date_posted DESC, d.id ASC LIMIT ?`).raw();
      for (let limit = want + 50; ; limit *= 4) {
        const rows = ordered.all(...params, limit) as Row[];
        const candidates = toCandidates(rows);
        shown = collapseClusters ? collapse(candidates) : candidates;
        if (shown.length >= want || rows.length < limit) break;
      }
      total = shown.length;
    } else {
      const candidates = toCandidates(this.stmt(sql).raw().all(...params) as Row[]);
      if (sort === 'relevance') bandRelevance(candidates);
      candidates.sort(comparator(sort, near != null));
      shown = collapseClusters ? collapse(candidates) : candidates;
      total = shown.length;
    }

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
    const highlights = withSnippets ? this.highlight(pageHits.map((h) => h.id), terms) : new Map<number, SearchHit['highlights']>();
    const hits: SearchHit[] = pageHits.map((h) => ({
      id: h.id,
      score: h.score,
      distanceKm: h.distanceKm == null ? null : Math.round(h.distanceKm * 100) / 100,
      highlights: highlights.get(h.id) ?? {},
    }));
    return { total, hits, facets };
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
    withSnippets: boolean,
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
    const highlights = withSnippets ? this.highlight(pageIds, []) : new Map<number, SearchHit['highlights']>();
    return {
      total,
      hits: pageIds.map((id) => ({ id, score: 0, distanceKm: null, highlights: highlights.get(id) ?? {} })),
      facets,
    };
  }

  /**
   * The newest documents within a radius, with no text (the candidate pool's
   * "newest nearby" and "newest in these occupations nearby"), read in date
   * order from the date index of the docs table (which holds the box's and the
   * occupation filter's columns), keeping those inside the box and filters,
   * over at most the dateScanRows newest documents. Where the area holds a
   * fair share of the index this finds the page after a few thousand entries,
   * where the cell tokens' MATCH reads and sorts every document in the area.
   * Measured at 250k, 500 newest within 30 km: p50 42 → 13 ms, p95 145 → 38
   * ms; within 50 km 76 → 20 ms; 300 newest in 17 occupations within 40 km
   * 69 → 17 ms. Null when the scan ends short of `want` within its bound (a
   * sparse area, where MATCH reads few documents): the MATCH path answers.
   */
  private newestNearByDate(
    near: LatLon & { radiusKm: number },
    /** The box the docs conditions already hold (a radius too big for cell tokens), else null. */
    box: ReturnType<typeof boundingBox> | null,
    f: NonNullable<SearchQuery['filters']>,
    docsWhere: readonly string[],
    docsParams: readonly unknown[],
    want: number,
    collapseClusters: boolean,
    toCandidates: (rows: Row[]) => Candidate[],
  ): Candidate[] | null {
    const conds = [...docsWhere];
    const args = [...docsParams];
    if (!box) {
      conds.push(IN_BOX);
      args.push(...boxParams(boundingBox(near, near.radiusKm)));
    }
    // The token filters, as the docs columns they were made from (an empty list allows nothing).
    for (const k of FUSE_ORDER) {
      const values = f[k];
      if (!values) continue;
      conds.push(`d.${FILTER_COLUMN[k]} IN (SELECT value FROM json_each(?))`);
      args.push(JSON.stringify(values));
    }
    // The bound, as a date: the dateScanRows-th newest (an index-only read).
    const oldest = this.stmt(`SELECT date_posted FROM ${LIVE.docs} INDEXED BY ${LIVE.docs}_by_date ORDER BY date_posted DESC LIMIT 1 OFFSET ?`)
      .pluck()
      .get(this.dateScanRows - 1) as number | undefined;
    // A small index is read whole.
    if (oldest !== undefined) {
      conds.push('d.date_posted >= ?');
      args.push(oldest);
    }
    const scan = this.stmt(
      `SELECT ${ROW_COLUMNS}, NULL FROM ${LIVE.docs} d INDEXED BY ${LIVE.docs}_by_date WHERE ${conds.join(' AND ')} ORDER BY d.date_posted DESC, d.id ASC LIMIT ?`,
    ).raw();
    for (let limit = want + 50; ; limit *= 4) {
      const rows = scan.all(...args, limit) as Row[];
      const candidates = toCandidates(rows);
      const shown = collapseClusters ? collapse(candidates) : candidates;
      if (shown.length >= want) return shown;
      // Short within the bound: the whole of a small index (complete), else a sparse area.
      if (rows.length < limit) return oldest === undefined ? shown : null;
    }
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

/** Relevance bands per best score: matches within a tenth of each other are equally relevant. */
const RELEVANCE_BANDS = 10;

/**
 * BM25 tells apart adverts that a reader would call equally relevant by
 * tiny margins (a shorter employer name, a repeated word: "Assistant Care
 * Assistant" above "Care Assistant"), which would otherwise decide the order
 * over freshness. So relevance is banded relative to the best match, and
 * within a band the newest vacancy comes first, as in Meilisearch, whose
 * ranking rules compare matches by kind (words, proximity, field), not by
 * term frequency. Computed once per candidate, not per comparison.
 */
function bandRelevance(candidates: Candidate[]): void {
  let best = 0;
  for (const c of candidates) if (c.score > best) best = c.score;
  if (best <= 0) return;
  for (const c of candidates) c.band = Math.floor((c.score / best) * RELEVANCE_BANDS - 1e-9);
}

function comparator(sort: NonNullable<SearchQuery['sort']>, hasNear: boolean): (a: Candidate, b: Candidate) => number {
  // Ties go to the lower id, so a cluster's canonical (first-created) vacancy represents it.
  const byDate = (a: Candidate, b: Candidate) => b.date - a.date || a.id - b.id;
  switch (sort) {
    case 'relevance':
      return (a, b) => b.band - a.band || byDate(a, b);
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
