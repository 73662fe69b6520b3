import type { Db } from '../db.ts';

export interface RunError {
  url: string | null;
  message: string;
}

export interface RunStats {
  pagesFetched: number;
  pagesNotModified: number;
  pagesSkipped: number;
  vacanciesNew: number;
  vacanciesUpdated: number;
  vacanciesUnchanged: number;
  vacanciesExpired: number;
  /** Adverts read but not stored because their closing date had passed (a stored live one is expired instead). */
  skippedClosed: number;
}

export type RunStatus = 'running' | 'ok' | 'partial' | 'failed';

export interface ScrapeRun extends RunStats {
  id: number;
  source: string;
  startedAt: number;
  finishedAt: number | null;
  status: RunStatus;
  errorCount: number;
  errors: RunError[];
  fatal: string | null;
}

/** Errors kept per run record; the count is always exact. */
export const MAX_STORED_ERRORS = 200;

export const emptyStats = (): RunStats => ({
  pagesFetched: 0,
  pagesNotModified: 0,
  pagesSkipped: 0,
  vacanciesNew: 0,
  vacanciesUpdated: 0,
  vacanciesUnchanged: 0,
  vacanciesExpired: 0,
  skippedClosed: 0,
});

export function startRun(db: Db, source: string, now: number): number {
  const info = db.$client.prepare("INSERT INTO scrape_runs (source, started_at, status) VALUES (?, ?, 'running')").run(source, now);
  return Number(info.lastInsertRowid);
}

export function finishRun(
  db: Db,
  id: number,
  r: { status: Exclude<RunStatus, 'running'>; stats: RunStats; errors: RunError[]; errorCount: number; fatal: string | null },
  now: number,
): void {
  const s = r.stats;
  db.$client
    .prepare(
      `UPDATE scrape_runs SET finished_at = ?, status = ?, pages_fetched = ?, pages_not_modified = ?, pages_skipped = ?,
       vacancies_new = ?, vacancies_updated = ?, vacancies_unchanged = ?, vacancies_expired = ?, skipped_closed = ?, error_count = ?, errors = ?, fatal = ?
       WHERE id = ?`,
    )
    .run(
      now, r.status, s.pagesFetched, s.pagesNotModified, s.pagesSkipped, s.vacanciesNew, s.vacanciesUpdated,
      s.vacanciesUnchanged, s.vacanciesExpired, s.skippedClosed, r.errorCount, JSON.stringify(r.errors.slice(0, MAX_STORED_ERRORS)), r.fatal, id,
    );
}

/** Runs left 'running' by a killed process: called while holding the lock, so none is really running. */
export function closeInterruptedRuns(db: Db, now: number): number {
  return db.$client
    .prepare("UPDATE scrape_runs SET status = 'failed', finished_at = ?, fatal = 'interrupted (the process stopped before the run finished)' WHERE status = 'running'")
    .run(now).changes;
}

interface RunRowRaw {
  id: number;
  source: string;
  started_at: number;
  finished_at: number | null;
  status: RunStatus;
  pages_fetched: number;
  pages_not_modified: number;
  pages_skipped: number;
  vacancies_new: number;
  vacancies_updated: number;
  vacancies_unchanged: number;
  vacancies_expired: number;
  skipped_closed: number;
  error_count: number;
  errors: string | null;
  fatal: string | null;
}

function toRun(r: RunRowRaw): ScrapeRun {
  return {
    id: r.id,
    source: r.source,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    pagesFetched: r.pages_fetched,
    pagesNotModified: r.pages_not_modified,
    pagesSkipped: r.pages_skipped,
    vacanciesNew: r.vacancies_new,
    vacanciesUpdated: r.vacancies_updated,
    vacanciesUnchanged: r.vacancies_unchanged,
    vacanciesExpired: r.vacancies_expired,
    skippedClosed: r.skipped_closed,
    errorCount: r.error_count,
    errors: r.errors ? (JSON.parse(r.errors) as RunError[]) : [],
    fatal: r.fatal,
  };
}

/** Newest first, optionally for one source. */
export function listRuns(db: Db, opts: { source?: string; limit: number }): ScrapeRun[] {
  const rows = opts.source
    ? db.$client.prepare('SELECT * FROM scrape_runs WHERE source = ? ORDER BY started_at DESC, id DESC LIMIT ?').all(opts.source, opts.limit)
    : db.$client.prepare('SELECT * FROM scrape_runs ORDER BY started_at DESC, id DESC LIMIT ?').all(opts.limit);
  return (rows as RunRowRaw[]).map(toRun);
}

/** The latest run of each source that has one. */
export function lastRunBySource(db: Db): Map<string, ScrapeRun> {
  const rows = db.$client
    .prepare(
      `SELECT r.* FROM scrape_runs r
       WHERE r.id = (SELECT id FROM scrape_runs x WHERE x.source = r.source ORDER BY started_at DESC, id DESC LIMIT 1)`,
    )
    .all() as RunRowRaw[];
  return new Map(rows.map((r) => [r.source, toRun(r)]));
}
