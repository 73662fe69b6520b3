import { crawlSource } from '../../scrapers/adapters/index.ts';
import type { CrawlIo, Fetched, PageYield } from '../../scrapers/adapters/types.ts';
import { FetchError } from '../../scrapers/fetch/fetch-error.ts';
import { createFetcher, type FetcherOptions } from '../../scrapers/fetch/fetcher.ts';
import type { Source } from '../../scrapers/sources.ts';
import { writeTransaction, type Db } from '../db.ts';
import { ingestVacancy, type IngestDeps } from '../vacancies/ingest.ts';
import { RawVacancySchema, type RawVacancy } from '../vacancies/model.ts';
import { readVacancyDates } from '../vacancies/normalise/dates.ts';
import { setVacancyStatus, touchSeen } from '../vacancies/store.ts';
import { expireClosed, expireUnseen } from './expiry.ts';
import type { FetchCacheStore } from './fetch-cache.ts';
import { emptyStats, type RunError, type RunStats } from './runs.ts';

export interface SourceRunDeps extends IngestDeps {
  db: Db;
  /** Fetcher settings shared by every source (user agent, limits; tests inject sleep). */
  fetch: FetcherOptions;
  cache: FetchCacheStore | null;
}

export interface SourceRunOptions {
  dryRun: boolean;
  /** At most this many vacancies from the source (the run is then partial). */
  limit?: number;
  expireAfterRuns: number;
  onTotal?: (n: number) => void;
  onTick?: (n: number) => void;
}

export interface SourceRunResult {
  source: string;
  status: 'ok' | 'partial' | 'failed';
  stats: RunStats;
  /** Vacancies read from pages (in a dry run, what would have been stored). */
  found: number;
  errors: RunError[];
  errorCount: number;
  fatal: string | null;
}

/**
 * One source, start to finish: crawl with its adapter, store each page's
 * vacancies in their own transaction, and — only after a complete,
 * successful crawl — expire what the source no longer lists.
 */
export async function runSource(deps: SourceRunDeps, source: Source, opts: SourceRunOptions): Promise<SourceRunResult> {
  const tag = `scrape:${source.name}`;
  const stats = emptyStats();
  const errors: RunError[] = [];
  let errorCount = 0;
  let partial = false;
  let found = 0;
  const seen = new Set<number>();
  const budget = Math.min(opts.limit ?? Infinity, source.maxItems ?? Infinity);
  let taken = 0;
  const cache = opts.dryRun ? null : deps.cache;
  // A --limit run samples fresh pages: replaying a 304 would skip the limit.
  const conditional = !!cache && opts.limit == null;
  const fetcher = createFetcher({
    ...deps.fetch,
    ...(source.concurrency ? { perHostConcurrency: source.concurrency } : {}),
    ...(source.delayMs != null ? { minDelayMs: source.delayMs } : {}),
    ...(source.timeoutMs ? { timeoutMs: source.timeoutMs } : {}),
    validators: cache,
  });
  const c = deps.db.$client;
  const findRef = c.prepare('SELECT id, status FROM vacancies WHERE source = ? AND source_ref = ?');

  // Pages with problems are not given validators: they are fetched and reported again next run.
  const troubled = new Set<string>();
  const error: CrawlIo['error'] = (url, message, o) => {
    errorCount++;
    if (url) troubled.add(url);
    if (errors.length < 500) errors.push({ url, message });
    if (o?.partial) partial = true;
  };

  /** A 304's vacancies were seen again; false when one has gone from the store (refetch then). */
  const replay = (refs: string[]): boolean => {
    const rows = refs.map((r) => findRef.get(tag, r) as { id: number; status: string } | undefined);
    if (rows.some((r) => !r)) return false;
    const now = deps.now();
    writeTransaction(deps.db, () => {
      for (const r of rows as { id: number; status: string }[]) {
        touchSeen(deps.db, r.id, now);
        if (r.status === 'expired') setVacancyStatus(deps.db, r.id, 'live', now);
        seen.add(r.id);
        stats.vacanciesUnchanged++;
      }
    });
    opts.onTick?.(refs.length);
    return true;
  };

  const requested = new Set<string>();
  const io: CrawlIo = {
    async get(url, kind, o) {
      requested.add(url);
      try {
        let out = await fetcher.fetch(url, { kind, conditional, headers: o?.headers });
        if (out.kind === 'not-modified') {
          if (out.memo.refs?.length && !replay(out.memo.refs)) {
            cache?.forget(url);
            out = await fetcher.fetch(url, { kind, conditional: false, headers: o?.headers });
          } else {
            stats.pagesNotModified++;
            return { kind: 'not-modified', memo: out.memo };
          }
        }
        if (out.kind === 'skipped') {
          stats.pagesSkipped++;
          if (o?.required) throw new Error(`${url}: ${out.reason}`);
          error(url, `skipped: ${out.reason}`);
          opts.onTick?.(1);
          return null;
        }
        if (out.kind !== 'ok') return null;
        stats.pagesFetched++;
        return { kind: 'ok', page: out };
      } catch (err) {
        if (o?.required) throw err;
        error(url, err instanceof Error ? err.message : String(err), { partial: true });
        opts.onTick?.(1);
        return null;
      }
    },
    store(page: Fetched, y: PageYield) {
      const vacancies = (y.vacancies ?? []).map((v) => withDefaults(v, source));
      found += vacancies.length;
      const refs: string[] = [];
      if (opts.dryRun) {
        opts.onTick?.(y.vacancies ? Math.max(1, vacancies.length) : 0);
        return;
      }
      const now = deps.now();
      writeTransaction(deps.db, () => {
        for (const raw of vacancies) {
          const parsed = RawVacancySchema.safeParse(raw);
          if (!parsed.success) {
            error(page.url, `invalid vacancy "${raw.title}": ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
            continue;
          }
          // A date outside the plausible window (date-window.ts) is reported in the run, never stored.
          const dates = readVacancyDates(parsed.data, now, 'lenient');
          if (dates.errors.length) {
            error(page.url, `invalid vacancy "${raw.title}": ${dates.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
            continue;
          }
          // Already closed (read UK day-first, as the normaliser reads it): storing it would only revive it until
          // expiry runs again; a stored live copy is proven closed.
          if (dates.validThrough != null && dates.validThrough < now) {
            stats.skippedClosed++;
            const stored = findRef.get(tag, parsed.data.reference ?? '') as { id: number; status: string } | undefined;
            if (stored?.status === 'live' && setVacancyStatus(deps.db, stored.id, 'expired', now)) stats.vacanciesExpired++;
            continue;
          }
          const r = ingestVacancy(deps, { source: tag, raw: parsed.data });
          seen.add(r.id);
          refs.push(parsed.data.reference ?? '');
          if (r.outcome === 'created') stats.vacanciesNew++;
          else if (r.outcome === 'updated') stats.vacanciesUpdated++;
          else stats.vacanciesUnchanged++;
        }
        // Validators land with the vacancies they vouch for, or not at all.
        if (troubled.has(page.url)) cache?.forget(page.url);
        else cache?.save(page.url, source.name, page.validators, { refs: refs.filter(Boolean), links: y.links, next: y.next ?? null }, now);
      });
      opts.onTick?.(y.vacancies ? Math.max(1, vacancies.length) : 0);
    },
    error,
    discovered(n) {
      opts.onTotal?.(n);
    },
    take(items) {
      const room = Math.max(0, budget - taken);
      if (items.length > room) partial = true;
      const out = items.slice(0, room);
      taken += out.length;
      return out;
    },
  };

  let fatal: string | null = null;
  try {
    await crawlSource(source, io);
  } catch (err) {
    fatal = err instanceof FetchError ? `${err.url}: ${err.message}` : err instanceof Error ? err.message : String(err);
  }
  const status = fatal ? 'failed' : partial ? 'partial' : 'ok';
  // A closing date that has passed is proof on its own, so even a partial run expires those;
  // "not seen" is proof only after a complete crawl.
  if (status !== 'failed' && !opts.dryRun) stats.vacanciesExpired += expireClosed(deps.db, tag, deps.now());
  if (status === 'ok' && !opts.dryRun) {
    const now = deps.now();
    stats.vacanciesExpired += expireUnseen(deps.db, tag, seen, opts.expireAfterRuns, now);
    // Validators for pages the source no longer links to would only grow the table.
    deps.cache?.prune(source.name, requested);
  }
  return { source: source.name, status, stats, found, errors, errorCount, fatal };
}

function withDefaults(v: RawVacancy, source: Source): RawVacancy {
  const d = source.defaults;
  if (!d) return v;
  return {
    ...v,
    employer: v.employer ?? d.employer,
    location: (v.location ?? v.town ?? v.postcode) ? v.location : d.location,
    salary: v.salary ?? d.salary,
    contract: v.contract ?? d.contract,
    employmentType: v.employmentType ?? d.employmentType,
  };
}
