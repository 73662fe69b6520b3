import type { ContentKind } from '../fetch/content-kind.ts';
import type { FetchOutcome, PageMemo } from '../fetch/fetcher.ts';
import type { RawVacancy } from '../../src/vacancies/model.ts';

export type Fetched = Extract<FetchOutcome, { kind: 'ok' }>;

/** What a page yielded: vacancies to store, detail links and a next page to remember for a 304. */
export interface PageYield {
  vacancies?: RawVacancy[];
  links?: string[];
  next?: string | null;
}

/**
 * The thin I/O an adapter gets from the job: polite fetching, storing a
 * page's vacancies (one transaction per page), error and progress reporting.
 * Adapters hold no state of their own between runs.
 */
export interface CrawlIo {
  /**
   * Fetches a page (conditionally when the run allows). Returns the body, or
   * the memo of a 304, or null when the page was skipped (robots.txt) or
   * failed (recorded; the run becomes partial). With `required`, a failure
   * throws instead: the source fails outright.
   */
  get(url: string, kind: ContentKind, opts?: { required?: boolean; headers?: Record<string, string> }): Promise<
    { kind: 'ok'; page: Fetched } | { kind: 'not-modified'; memo: PageMemo } | null
  >;
  /** Stores what a fetched page gave and remembers its validators. */
  store(page: Fetched, found: PageYield): void;
  /** Records a problem with one URL; `partial` means content may have been missed (no expiry this run). */
  error(url: string | null, message: string, opts?: { partial?: boolean }): void;
  /** Detail pages or items discovered (progress bar total). */
  discovered(n: number): void;
  /** How many more vacancies this run may take (--limit, maxItems); taking fewer than offered marks the run partial. */
  take<T>(items: T[]): T[];
}

export type Adapter<S> = (source: S, io: CrawlIo) => Promise<void>;
