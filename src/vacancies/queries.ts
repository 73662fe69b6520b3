import { and, count, desc, eq, getTableColumns, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { prepared } from '../prepared.ts';
import { vacancies } from '../../schema/vacancies.ts';
import type { RankableVacancy, Vacancy, VacancyStatus } from './model.ts';
import { RankableCache, rankKey } from './rankable-cache.ts';
import { rowToRankable, rowToVacancy, type RankableRow } from './store.ts';

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

/*
 * Candidates to rank are read as RankableVacancy: the columns ranking uses,
 * a third of the table's. The descriptions are most of a row (about 5 KB of
 * 7) and the other columns each cost a value to build: for the ~1,000
 * candidates of a participant's matches at 250k, full rows through drizzle
 * took about 70 ms of a ~90 ms call, these columns about 10. Values go
 * through drizzle's own column codecs (JSON), once per column rather than
 * through its per-query selection machinery.
 */
const RANKABLE_KEYS = [
  'id', 'status', 'title', 'datePosted', 'firstSeen', 'remote', 'employmentType', 'hoursPerWeek', 'shifts',
  'salaryMin', 'salaryMax', 'salaryCurrency', 'salaryPeriod', 'salaryAnnualMin', 'salaryAnnualMax', 'salaryText', 'salaryOte', 'salaryExtras', 'salaryScale', 'salaryFlags',
  'occupationCode', 'occupationScheme', 'occupationConfidence', 'classificationEvidence', 'requirements', 'skills',
] as const satisfies readonly (keyof RankableRow)[];
const RANKABLE_COLUMNS = RANKABLE_KEYS.map((key) => getTableColumns(vacancies)[key]);
const RANKABLE_SQL = `SELECT ${RANKABLE_COLUMNS.map((c) => `"${c.name}"`).join(', ')} FROM vacancies WHERE id IN (SELECT value FROM json_each(?))`;

const RANK_KEY_SQL = `SELECT id, content_hash, status, first_seen FROM vacancies INDEXED BY vacancies_rank_key_idx
  WHERE id IN (SELECT value FROM json_each(?))`;
/** Parsed ranking rows kept per database (rankable-cache.ts): 20k vacancies, about 80 MB of heap (demo adverts at 250k). */
export const RANKABLE_CACHE_CAPACITY = 20_000;
const rankableCaches = new WeakMap<Db, RankableCache>();

/** The database's cache of parsed ranking rows (made on first use). */
export function rankableCacheOf(db: Db): RankableCache {
  let cache = rankableCaches.get(db);
  if (!cache) rankableCaches.set(db, (cache = new RankableCache(RANKABLE_CACHE_CAPACITY)));
  return cache;
}

/**
 * What ranking reads of these vacancies, in the order asked; missing ids are
 * skipped. Read the few shown in full with getVacanciesByIds. Rows whose key
 * (content hash, status, first seen) is unchanged since an earlier call come
 * from the cache; only the others are read from the table.
 */
export function getRankableVacanciesByIds(db: Db, ids: readonly number[]): RankableVacancy[] {
  if (ids.length === 0) return [];
  const cache = rankableCacheOf(db);
  const byId = new Map<number, RankableVacancy>();
  const toRead = new Map<number, string>();
  for (const [id, hash, status, firstSeen] of prepared(db, RANK_KEY_SQL, 'raw').all(JSON.stringify(ids)) as [number, string, string, number][]) {
    const key = rankKey(hash, status, firstSeen);
    const hit = cache.get(id, key);
    if (hit) byId.set(id, hit);
    else toRead.set(id, key);
  }
  if (toRead.size) {
    for (const values of prepared(db, RANKABLE_SQL, 'raw').all(JSON.stringify([...toRead.keys()])) as unknown[][]) {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < RANKABLE_KEYS.length; i++) {
        const v = values[i];
        row[RANKABLE_KEYS[i]!] = v == null ? null : RANKABLE_COLUMNS[i]!.mapFromDriverValue(v);
      }
      const vacancy = rowToRankable(row as RankableRow);
      byId.set(vacancy.id, vacancy);
      // Cached under the key read above: had the row changed in between, the next call reads it again.
      const key = toRead.get(vacancy.id);
      if (key !== undefined) cache.set(vacancy.id, key, vacancy);
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
