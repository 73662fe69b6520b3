/**
 * The search engine interface. Two implementations: the embedded SQLite FTS5
 * engine (default, same database file) and Meilisearch (production). The
 * index is derived from the vacancies table and always rebuildable; the
 * outbox drainer is the only writer in normal operation.
 */

/** What the engine indexes for one vacancy. Built by toSearchDocument(). */
export interface SearchDocument {
  id: number;
  title: string;
  description: string;
  employer: string | null;
  /** Every place the vacancy is at; the first is the main one. */
  places: { lat: number; lon: number }[];
  town: string | null;
  region: string | null;
  localAuthority: string | null;
  /** SIC 2007 section letter. */
  sector: string | null;
  occupationCode: string | null;
  contract: string | null;
  employmentType: string | null;
  remote: string | null;
  salaryAnnualMin: number | null;
  salaryAnnualMax: number | null;
  /** Epoch ms; falls back to first seen. */
  datePosted: number;
  /** Taxonomy skill ids found in the advert. */
  skills: string[];
  /** Near-duplicate cluster (the canonical vacancy's id); search shows a cluster once. */
  clusterId: number;
  isDemo: boolean;
}

export type SearchSort = 'relevance' | 'date' | 'distance' | 'salary';

export interface SearchQuery {
  /** Words, "quoted phrases" and prefix* terms; empty means everything. */
  q?: string;
  near?: { lat: number; lon: number; radiusKm: number };
  filters?: {
    sector?: string[];
    contract?: string[];
    employmentType?: string[];
    remote?: string[];
    occupationCode?: string[];
    /** Annual salary the vacancy reaches at least (its max, or min when no max). */
    salaryMin?: number;
    /** Epoch ms: only vacancies posted at or after. */
    postedAfter?: number;
    /** Restrict to these ids (matching uses this to re-rank a candidate set). */
    ids?: number[];
  };
  sort?: SearchSort;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** Facet fields to count over the whole match: 'sector', 'contract', 'remote', 'employmentType'. */
  facets?: FacetField[];
  /** Show each duplicate cluster once (default true). */
  collapseClusters?: boolean;
  /**
   * Highlight snippets (default true). A caller gathering candidates rather
   * than showing a page passes false: no snippets are built, and a page may
   * hold up to BULK_PAGE_SIZE hits, so one query replaces ten pages (each
   * page re-runs the whole query).
   */
  highlight?: boolean;
}

/** Most hits per page for a search shown to people. */
export const MAX_PAGE_SIZE = 100;
/** Most hits per page for a search with `highlight: false`. */
export const BULK_PAGE_SIZE = 1000;

/** The page size an engine serves for `query`: its pageSize (default 20), at most the cap its highlighting allows. */
export function pageSizeOf(query: Pick<SearchQuery, 'pageSize' | 'highlight'>): number {
  const cap = query.highlight === false ? BULK_PAGE_SIZE : MAX_PAGE_SIZE;
  return Math.min(cap, Math.max(1, Math.floor(query.pageSize ?? 20)));
}

export type FacetField = 'sector' | 'contract' | 'remote' | 'employmentType';

export interface SearchHit {
  id: number;
  /** Higher is better; comparable within one result only. */
  score: number;
  /** Exact great-circle distance to the nearest of the vacancy's places, when `near` was given. */
  distanceKm: number | null;
  /** Snippets with matched terms wrapped in <mark>…</mark>; everything else HTML-escaped. */
  highlights: { title?: string; description?: string };
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Partial<Record<FacetField, Record<string, number>>>;
}

export interface EngineHealth {
  ok: boolean;
  engine: string;
  detail?: string;
}

export interface SearchEngine {
  readonly name: 'sqlite' | 'meilisearch';
  /** Adds or replaces documents by id. Idempotent. */
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(ids: number[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  count(): Promise<number>;
  /** Replaces the whole index with these documents; searches keep answering throughout. */
  rebuild(docs: AsyncIterable<SearchDocument[]> | Iterable<SearchDocument[]>): Promise<void>;
  health(): Promise<EngineHealth>;
  close?(): Promise<void>;
}
