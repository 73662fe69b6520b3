import { loadSources, SourcesFileError, type Source } from '../../scrapers/sources.ts';
import type { Db } from '../db.ts';
import { lastRunBySource, listRuns, type ScrapeRun } from './runs.ts';

/** A run as the admin API shows it: ISO times, stats grouped, errors with their URLs. */
export function toRunJson(r: ScrapeRun) {
  return {
    id: r.id,
    source: r.source,
    status: r.status,
    startedAt: new Date(r.startedAt).toISOString(),
    finishedAt: r.finishedAt == null ? null : new Date(r.finishedAt).toISOString(),
    durationMs: r.finishedAt == null ? null : r.finishedAt - r.startedAt,
    pages: { fetched: r.pagesFetched, notModified: r.pagesNotModified, skipped: r.pagesSkipped },
    vacancies: { new: r.vacanciesNew, updated: r.vacanciesUpdated, unchanged: r.vacanciesUnchanged, expired: r.vacanciesExpired, skippedClosed: r.skippedClosed },
    errorCount: r.errorCount,
    errors: r.errors,
    fatal: r.fatal,
  };
}
export type RunJson = ReturnType<typeof toRunJson>;

/** Where a source starts crawling. Headers and other settings are not shown: they may hold API keys. */
function entryUrl(s: Source): string | null {
  switch (s.type) {
    case 'jsonld':
      return s.start ?? s.sitemap ?? null;
    case 'css':
      return s.start;
    case 'feed':
    case 'json-api':
      return s.url;
  }
}

/**
 * The configured sources with each one's latest run. A missing or invalid
 * sources file is reported in `problems` rather than failing the request,
 * so the operator sees what to fix.
 */
export function describeSources(db: Db, file: string | null) {
  let sources: Source[] = [];
  let problems: string[] = [];
  if (!file) problems = ['no sources file is configured (SOURCES_FILE)'];
  else {
    try {
      sources = loadSources(file);
    } catch (err) {
      problems = err instanceof SourcesFileError ? err.problems : [String(err)];
    }
  }
  const last = lastRunBySource(db);
  return {
    file,
    problems,
    sources: sources.map((s) => {
      const run = last.get(s.name);
      return { name: s.name, type: s.type, enabled: s.enabled, url: entryUrl(s), lastRun: run ? toRunJson(run) : null };
    }),
  };
}

export function describeRuns(db: Db, q: { source?: string; limit: number }) {
  return { runs: listRuns(db, q).map(toRunJson) };
}
