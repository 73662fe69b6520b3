import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { vacancies } from '../../schema/vacancies.ts';
import type { Vacancy, VacancyStatus } from './model.ts';
import { rowToVacancy } from './store.ts';

export function getVacancy(db: Db, id: number): Vacancy | null {
  const row = db.select().from(vacancies).where(eq(vacancies.id, id)).get();
  return row ? rowToVacancy(row) : null;
}

/** Vacancies by id, in the order asked (search hits come back ranked). Missing ids are skipped. */
export function getVacanciesByIds(db: Db, ids: readonly number[]): Vacancy[] {
  if (ids.length === 0) return [];
  const byId = new Map<number, Vacancy>();
  // SQLite caps bound parameters; 500 at a time stays far below it.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const row of db.select().from(vacancies).where(inArray(vacancies.id, chunk)).all()) {
      byId.set(row.id, rowToVacancy(row));
    }
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface ListVacanciesFilter {
  employerId?: number;
  source?: string;
  status?: VacancyStatus;
  limit: number;
  offset: number;
}

export function listVacancies(db: Db, f: ListVacanciesFilter): { items: Vacancy[]; total: number } {
  const conds: SQL[] = [];
  if (f.employerId != null) conds.push(eq(vacancies.employerId, f.employerId));
  if (f.source) conds.push(eq(vacancies.source, f.source));
  if (f.status) conds.push(eq(vacancies.status, f.status));
  const where = conds.length ? and(...conds) : undefined;
  const rows = db.select().from(vacancies).where(where).orderBy(desc(vacancies.updatedAt), desc(vacancies.id))
    .limit(f.limit).offset(f.offset).all();
  const total = db.select({ n: count() }).from(vacancies).where(where).get()?.n ?? 0;
  return { items: rows.map(rowToVacancy), total };
}

export interface ClusterSource {
  id: number;
  source: string;
  employer: string | null;
  url: string | null;
  applyUrl: string | null;
}

/**
 * Every live vacancy of each duplicate cluster (keyed by cluster id), so a
 * cluster shown once in search can still offer all its sources and apply
 * links. A vacancy alone is its own cluster.
 *
 * One statement for the whole page, through the cluster index and the
 * primary key. `+status` matters: without it SQLite plans this through the
 * status index and reads every live vacancy once per cluster (4 s for a
 * page of 20 at 60k).
 */
export function listClusterSources(db: Db, clusterIds: readonly number[]): Map<number, ClusterSource[]> {
  const out = new Map<number, ClusterSource[]>();
  const ids = [...new Set(clusterIds)];
  for (const cid of ids) out.set(cid, []);
  if (!ids.length) return out;
  const stmt = db.$client.prepare(
    `SELECT id, coalesce(cluster_id, id) AS cluster, source, employer_name, url, apply_url FROM vacancies
     WHERE +status = 'live' AND (cluster_id IN (SELECT value FROM json_each(@ids)) OR id IN (SELECT value FROM json_each(@ids)))
     ORDER BY first_seen, id`,
  );
  type Row = { id: number; cluster: number; source: string; employer_name: string | null; url: string | null; apply_url: string | null };
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const wanted = new Set(chunk);
    for (const r of stmt.all({ ids: JSON.stringify(chunk) }) as Row[]) {
      const source = { id: r.id, source: r.source, employer: r.employer_name, url: r.url, applyUrl: r.apply_url };
      // A vacancy is listed under its own cluster, and under its own id when asked
      // by it (a canonical whose cluster_id was never set, or stale ids from the index).
      if (wanted.has(r.cluster)) out.get(r.cluster)!.push(source);
      if (r.id !== r.cluster && wanted.has(r.id)) out.get(r.id)!.push(source);
    }
  }
  return out;
}
