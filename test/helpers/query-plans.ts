import { expect } from 'vitest';
import { openDb, type Db } from '../../src/db.ts';

/**
 * Query-plan checks: run a real code path on a database that records every
 * statement, then ask SQLite how it plans each one (EXPLAIN QUERY PLAN). No
 * ANALYZE, as in production, so the planner's choices here are its choices
 * there; the table sizes do not matter, only the plan.
 */
export interface TracedDb {
  db: Db;
  /** Runs `fn` and returns the statements it ran (parameters inlined), without transaction control. */
  capture(fn: () => unknown): Promise<string[]>;
}

export function openTracedDb(): TracedDb {
  let sink: string[] | null = null;
  const db = openDb(':memory:', { onStatement: (sql) => sink?.push(sql) });
  return {
    db,
    async capture(fn) {
      const seen: string[] = [];
      sink = seen;
      try {
        await fn();
      } finally {
        sink = null;
      }
      return seen.filter((s) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)\b/i.test(s));
    },
  };
}

/** The plan's lines, e.g. `SEARCH vacancies USING INDEX vacancies_cluster_idx (cluster_id=?)`. */
export function planOf(db: Db, sql: string): string[] {
  return (db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
}

/**
 * Plan lines that read a whole table or index (`SCAN x`, or a search by
 * vacancy status alone, which is one in disguise), except what is
 * small by nature or driven by its own index: constant rows, subqueries,
 * virtual tables (json_each's list, an FTS5 MATCH), and the tables in `allow`.
 */
export function fullScans(plan: readonly string[], allow: readonly string[] = []): string[] {
  return plan.filter((line) => {
    // Most vacancies are live: a lookup by status alone reads most of the table.
    if (/USING (COVERING )?INDEX vacancies_status_idx \(status=\?\)$/.test(line)) return true;
    const m = /^SCAN (\S+)/.exec(line);
    if (!m) return false;
    const what = m[1]!;
    if (what === 'CONSTANT' || what.startsWith('(') || allow.includes(what)) return false;
    return !/VIRTUAL TABLE/.test(line);
  });
}

export interface PlanReport {
  sql: string;
  plan: string[];
}

/**
 * Asserts that none of `statements` scans a table (beyond `allow`), and
 * returns their plans so a test can also pin the index each one uses.
 */
export function expectNoFullScans(
  db: Db,
  statements: readonly string[],
  allow: readonly string[] = [],
  /**
   * Indexes walked in their own order under a LIMIT by design (the walk stops
   * at the LIMIT, and the code bounds how far it may go): their SCAN lines
   * pass only in a statement with a LIMIT and no sort of its own.
   */
  orderedWalks: readonly string[] = [],
): PlanReport[] {
  const reports = [...new Set(statements)].map((sql) => ({ sql, plan: planOf(db, sql) }));
  const isOrderedWalk = (r: PlanReport, line: string) =>
    orderedWalks.some((ix) => new RegExp(`^SCAN \\S+ USING (COVERING )?INDEX ${ix}$`).test(line)) &&
    /\bLIMIT\b/i.test(r.sql) &&
    !r.plan.some((l) => l.includes('USE TEMP B-TREE FOR ORDER BY'));
  const offending = reports
    .map((r) => ({ sql: r.sql.replace(/\s+/g, ' ').slice(0, 300), scans: fullScans(r.plan, allow).filter((line) => !isOrderedWalk(r, line)) }))
    .filter((r) => r.scans.length);
  expect(offending).toEqual([]);
  return reports;
}

/**
 * The plan of the statement (among `reports`) whose SQL matches `pattern`.
 * Statements are recorded with their parameters inlined, so one prepared
 * statement run with several values appears several times: they must all
 * be planned alike.
 */
export function planMatching(reports: readonly PlanReport[], pattern: RegExp): string[] {
  const hits = reports.filter((r) => pattern.test(r.sql));
  expect(hits.length, `statements matching ${pattern}`).toBeGreaterThan(0);
  const plans = new Set(hits.map((h) => JSON.stringify(h.plan)));
  expect([...plans], `plans of the statements matching ${pattern}`).toHaveLength(1);
  return hits[0]!.plan;
}
