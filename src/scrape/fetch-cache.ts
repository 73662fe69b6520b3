import type { Db } from '../db.ts';
import type { CachedPage, PageMemo, ValidatorLookup, Validators } from '../../scrapers/fetch/fetcher.ts';

/** The per-URL validator store in the database (table fetch_cache). */
export interface FetchCacheStore extends ValidatorLookup {
  save(url: string, source: string, v: Validators, memo: PageMemo, now: number): void;
  forget(url: string): void;
  /** Drops the source's entries for URLs not requested in its last complete run. */
  prune(source: string, keep: ReadonlySet<string>): number;
}

export function createFetchCache(db: Db): FetchCacheStore {
  const c = db.$client;
  const get = c.prepare('SELECT etag, last_modified, memo FROM fetch_cache WHERE url = ?');
  const put = c.prepare(
    `INSERT INTO fetch_cache (url, source, etag, last_modified, memo, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(url) DO UPDATE SET source = excluded.source, etag = excluded.etag, last_modified = excluded.last_modified,
       memo = excluded.memo, fetched_at = excluded.fetched_at`,
  );
  const del = c.prepare('DELETE FROM fetch_cache WHERE url = ?');
  return {
    get(url): CachedPage | null {
      const r = get.get(url) as { etag: string | null; last_modified: string | null; memo: string | null } | undefined;
      if (!r) return null;
      return { etag: r.etag, lastModified: r.last_modified, memo: r.memo ? (JSON.parse(r.memo) as PageMemo) : null };
    },
    save(url, source, v, memo, now) {
      // Without a validator a 304 can never come back: keep nothing.
      if (!v.etag && !v.lastModified) del.run(url);
      else put.run(url, source, v.etag, v.lastModified, JSON.stringify(memo), now);
    },
    forget(url) {
      del.run(url);
    },
    prune(source, keep) {
      const urls = c.prepare('SELECT url FROM fetch_cache WHERE source = ?').pluck().all(source) as string[];
      const gone = urls.filter((u) => !keep.has(u));
      c.transaction(() => gone.forEach((u) => del.run(u)))();
      return gone.length;
    },
  };
}
