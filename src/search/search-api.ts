import type { Clock } from '../clock.ts';
import { DAY_MS } from '../clock.ts';
import type { Db } from '../db.ts';
import type { Contract, EmploymentType, Remote, Vacancy } from '../vacancies/model.ts';
import { getVacanciesByIds, listClusterSources, type ClusterSource } from '../vacancies/queries.ts';
import type { FacetField, SearchEngine, SearchHit, SearchResult, SearchSort } from './engine.ts';

/** What the coach search needs. */
export interface SearchApiDeps {
  db: Db;
  search: SearchEngine;
  now: Clock;
}

const FACETS: FacetField[] = ['sector', 'contract', 'remote', 'employmentType'];

/** A coach's search, already checked (routes/search.ts reads it from a query string). */
export interface SearchOptions {
  q?: string;
  /** A located place and the radius around it. */
  near?: { lat: number; lon: number; radiusKm: number };
  /** SIC 2007 section letters. */
  sector?: string[];
  contract?: Contract[];
  remote?: Remote[];
  employmentType?: EmploymentType[];
  /** Annual salary the vacancy reaches at least. */
  salaryMin?: number;
  postedWithinDays?: number;
  sort?: SearchSort;
  page: number;
  pageSize: number;
}

export interface SearchFound {
  vacancy: Vacancy;
  hit: SearchHit;
  /** Every live advert of this job (the cluster), with its apply links. */
  sources: ClusterSource[];
}

export interface SearchResults {
  total: number;
  page: number;
  pageSize: number;
  items: SearchFound[];
  facets: SearchResult['facets'];
}

/** Options → engine query → hits hydrated from the store, with their duplicate clusters. */
export async function searchFor(deps: SearchApiDeps, p: SearchOptions): Promise<SearchResults> {
  const result = await deps.search.search({
    q: p.q,
    near: p.near,
    filters: {
      ...(p.sector ? { sector: p.sector } : {}),
      ...(p.contract ? { contract: p.contract } : {}),
      ...(p.remote ? { remote: p.remote } : {}),
      ...(p.employmentType ? { employmentType: p.employmentType } : {}),
      ...(p.salaryMin != null ? { salaryMin: p.salaryMin } : {}),
      ...(p.postedWithinDays ? { postedAfter: deps.now() - p.postedWithinDays * DAY_MS } : {}),
    },
    sort: p.sort,
    page: p.page,
    pageSize: p.pageSize,
    facets: FACETS,
  });

  const byId = new Map(getVacanciesByIds(deps.db, result.hits.map((h) => h.id)).map((v) => [v.id, v]));
  const clusters = listClusterSources(deps.db, [...byId.values()].map((v) => v.clusterId ?? v.id));
  const items: SearchFound[] = [];
  for (const h of result.hits) {
    const v = byId.get(h.id);
    // The index can trail the store by a drain interval: skip what closed meanwhile.
    if (!v || v.status !== 'live') continue;
    items.push({ vacancy: v, hit: h, sources: clusters.get(v.clusterId ?? v.id) ?? [] });
  }
  return { total: result.total, page: p.page, pageSize: p.pageSize, items, facets: result.facets };
}
