import type { Statement } from 'better-sqlite3';
import type { Db } from './db.ts';

const caches = new WeakMap<Db, Map<string, Statement<unknown[]>>>();

/**
 * The statement for `sql` on `db`, prepared once and reused: preparing
 * (parsing and planning) costs more than running the small lookups on the
 * hot read paths. `raw` statements return rows as arrays; a statement's
 * mode is part of it, so the two are cached apart. The cache goes with the
 * database object (closing it frees them).
 */
export function prepared(db: Db, sql: string, mode: 'objects' | 'raw' = 'objects'): Statement<unknown[]> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${mode}\u0000${sql}`;
  let stmt = cache.get(key);
  if (!stmt) {
    stmt = db.$client.prepare<unknown[]>(sql);
    if (mode === 'raw') stmt.raw(true);
    cache.set(key, stmt);
  }
  return stmt;
}
