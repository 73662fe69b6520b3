import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per source per scrape run: what the admin API and the summary
 * table report. Errors are JSON `{ url, message }[]` (capped), read whole.
 */
export const scrapeRuns = sqliteTable(
  'scrape_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    source: text('source').notNull(),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
    /** running → ok | partial (some pages failed: nothing expired) | failed (nothing expired). */
    status: text('status', { enum: ['running', 'ok', 'partial', 'failed'] }).notNull().default('running'),
    pagesFetched: integer('pages_fetched').notNull().default(0),
    pagesNotModified: integer('pages_not_modified').notNull().default(0),
    pagesSkipped: integer('pages_skipped').notNull().default(0),
    vacanciesNew: integer('vacancies_new').notNull().default(0),
    vacanciesUpdated: integer('vacancies_updated').notNull().default(0),
    vacanciesUnchanged: integer('vacancies_unchanged').notNull().default(0),
    vacanciesExpired: integer('vacancies_expired').notNull().default(0),
    /** Adverts found but not stored because their closing date had passed. */
    skippedClosed: integer('skipped_closed').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: text('errors', { mode: 'json' }).$type<{ url: string | null; message: string }[]>(),
    /** Why the run failed outright, when it did. */
    fatal: text('fatal'),
  },
  (t) => [index('scrape_runs_source_idx').on(t.source, t.startedAt)],
);

/**
 * Per-URL validators for conditional requests. `memo` is what the page gave
 * last time (vacancy references, detail links, next page) so a 304 can be
 * replayed without the body. Written only after the page's vacancies are
 * stored, so a killed run never leaves a validator for unstored work.
 */
export const fetchCache = sqliteTable('fetch_cache', {
  url: text('url').primaryKey(),
  source: text('source').notNull(),
  etag: text('etag'),
  lastModified: text('last_modified'),
  memo: text('memo', { mode: 'json' }).$type<{ refs?: string[]; links?: string[]; next?: string | null }>(),
  fetchedAt: integer('fetched_at').notNull(),
});

/** The single-row lock that keeps two scrape runs from overlapping. */
export const scrapeLocks = sqliteTable('scrape_locks', {
  name: text('name').primaryKey(),
  pid: integer('pid').notNull(),
  host: text('host').notNull(),
  acquiredAt: integer('acquired_at').notNull(),
  /** Refreshed while the run is alive; a lock whose heartbeat is old is stale. */
  heartbeatAt: integer('heartbeat_at').notNull(),
});

export type ScrapeRunRow = typeof scrapeRuns.$inferSelect;
