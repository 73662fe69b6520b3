import { DAY_MS } from '../clock.ts';
import { writeTransaction, type Db } from '../db.ts';
import { prepared } from '../prepared.ts';

/**
 * Demand history: live and new vacancies per day × sector / occupation ×
 * area, derived from the vacancy store (schema/demand.ts). A vacancy is live
 * on day d when it was first seen on or before d and is still live, or was
 * closed (else last seen) on or after d. Near-duplicate clusters count once
 * (the canonical vacancy only).
 *
 * Computed set-based in SQLite, in four statements: (1) +1/−1 events per
 * vacancy at its first and day-after-last live day, grouped at the finest
 * grain; (2) rolled up to the seven dimension × area combinations; (3) a
 * running sum turns events into segments of constant live count; (4) the
 * segments are expanded to one row per day. Cost grows with the output
 * (days × groups with something live), not with days × vacancies.
 */

/** Cells of the live-vacancy grid (schema/demand.ts demand_cells), in degrees. */
export const CELL_DEG = 0.05;
/** History kept by a default rebuild: at most two years back. */
export const DEFAULT_HISTORY_DAYS = 730;

export const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);
export const isoDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface DemandState {
  fromDay: number;
  toDay: number;
  updatedAt: number;
}

export interface DemandBuildSummary {
  fromDay: number;
  toDay: number;
  rows: number;
  cells: number;
  ms: number;
}

export function readDemandState(db: Db): DemandState | null {
  const r = prepared(db, 'SELECT from_day AS fromDay, to_day AS toDay, updated_at AS updatedAt FROM demand_state WHERE id = 1').get() as
    | DemandState
    | undefined;
  return r ?? null;
}

/**
 * Recomputes the whole history between `from` and `to` (epoch ms; default
 * from the earliest first-seen date, at most two years back, to `to`), and
 * the live-cell grid. Replaces what was there for those days.
 */
export function rebuildDemandHistory(db: Db, opts: { from?: number; to: number } & DemandWriteOptions): DemandBuildSummary {
  const toDay = dayOf(opts.to);
  let fromDay: number;
  if (opts.from != null) fromDay = dayOf(opts.from);
  else {
    const first = db.$client.prepare('SELECT min(first_seen) FROM vacancies').pluck().get() as number | null;
    fromDay = Math.max(first == null ? toDay : dayOf(first), toDay - DEFAULT_HISTORY_DAYS);
  }
  return computeDemandRange(db, Math.min(fromDay, toDay), toDay, opts.to, false, opts);
}

/**
 * Refreshes the recent days after a scrape or import: from the day before
 * the last refresh up to today (a vacancy closed today changes only today;
 * the extra day absorbs a refresh that ran just before midnight). With no
 * history yet it backfills everything.
 */
export function updateDemandHistory(db: Db, now: number, opts: DemandWriteOptions = {}): DemandBuildSummary {
  const state = readDemandState(db);
  if (!state) return rebuildDemandHistory(db, { ...opts, to: now });
  const today = dayOf(now);
  const from = Math.min(state.toDay, today) - 1;
  // From the stored day before (cheap: only vacancies starting or ending in
  // the range are read), unless the history does not reach back that far.
  return computeDemandRange(db, from, today, now, from - 1 >= state.fromDay, opts);
}

const CANONICAL = '(v.cluster_id IS NULL OR v.cluster_id = v.id)';
const OCC = "CASE WHEN v.occupation_code IS NULL THEN '' ELSE coalesce(v.occupation_scheme, 'soc') || ':' || v.occupation_code END";
/** Last live day of a vacancy that is no longer live (never before its first day). */
const END_DAY = `max(coalesce(v.closed_at, v.last_seen) / ${DAY_MS}, v.first_seen / ${DAY_MS})`;

/** Rows of demand_daily written per transaction: a few hundred ms of lock, so other writers wait little. */
export const DEMAND_ROWS_PER_WRITE = 20_000;

export interface DemandWriteOptions {
  /** Rows of demand_daily per write transaction (default DEMAND_ROWS_PER_WRITE). */
  rowsPerWrite?: number;
  /**
   * 'computed' once the rows are ready (called inside the read snapshot, before any write);
   * 'written' after each write transaction, with the rows written so far and in all.
   */
  onProgress?: (stage: 'computed' | 'written', done: number, total: number) => void;
}

/**
 * Replaces days fromDay..toDay. `incremental`: the live counts of the day
 * before are taken from the stored history and only vacancies starting or
 * ending in the range are read; otherwise every vacancy live at the start
 * is carried in from the vacancy table.
 *
 * The work (reading every vacancy, the roll-ups, the day expansion: tens of
 * seconds at 250k) runs in a read transaction into TEMP tables, which take
 * no lock on the database file, so writers carry on meanwhile. The result is
 * then written a span of days at a time, each span in its own short
 * transaction: a reader sees every day either as before or as rebuilt. The
 * range and the live cells are recorded last.
 */
function computeDemandRange(db: Db, fromDay: number, toDay: number, now: number, incremental = false, opts: DemandWriteOptions = {}): DemandBuildSummary {
  const c = db.$client;
  const t0 = performance.now();
  const total = readSnapshot(db, () => {
    c.exec(`CREATE TEMP TABLE IF NOT EXISTS dh_ev (sector TEXT, occ TEXT, la TEXT, region TEXT, day INTEGER, dl INTEGER, dn INTEGER);
            CREATE TEMP TABLE IF NOT EXISTS dh_g (area_type TEXT, area TEXT, dim TEXT, key TEXT, day INTEGER, dl INTEGER, dn INTEGER);
            CREATE TEMP TABLE IF NOT EXISTS dh_days (d INTEGER PRIMARY KEY);
            CREATE TEMP TABLE IF NOT EXISTS dh_out (area_type TEXT, area TEXT, dim TEXT, key TEXT, day INTEGER, live INTEGER, new INTEGER);
            CREATE INDEX IF NOT EXISTS temp.dh_out_day ON dh_out (day);
            CREATE TEMP TABLE IF NOT EXISTS dh_cells (cell_lat INTEGER, cell_lon INTEGER, occupation TEXT, sector TEXT, region TEXT, live INTEGER);
            DELETE FROM dh_ev; DELETE FROM dh_g; DELETE FROM dh_days; DELETE FROM dh_out; DELETE FROM dh_cells;`);
    c.prepare(
      `WITH RECURSIVE days(d) AS (SELECT ? UNION ALL SELECT d + 1 FROM days WHERE d < ?) INSERT INTO dh_days SELECT d FROM days`,
    ).run(fromDay, toDay);
    // (1) Events at the finest grain. Starts before the range are carried in
    // at its first day (live, not new); ends after it are dropped.
    if (incremental) {
      c.prepare(
        `INSERT INTO dh_ev
         SELECT sector, occ, la, region, day, sum(dl), sum(dn) FROM (
           SELECT coalesce(v.sector, '') AS sector, ${OCC} AS occ, coalesce(v.local_authority, '') AS la, coalesce(v.region, '') AS region,
                  v.first_seen / ${DAY_MS} AS day, 1 AS dl, 1 AS dn
           FROM vacancies v
           WHERE ${CANONICAL} AND v.first_seen >= :fromMs AND v.first_seen < :toEndMs
           UNION ALL
           SELECT coalesce(v.sector, ''), ${OCC}, coalesce(v.local_authority, ''), coalesce(v.region, ''), ${END_DAY} + 1, -1, 0
           FROM vacancies v
           WHERE ${CANONICAL} AND v.status <> 'live' AND ${END_DAY} >= :from - 1 AND ${END_DAY} < :to AND v.first_seen / ${DAY_MS} <= :to
         ) GROUP BY sector, occ, la, region, day`,
      ).run({ from: fromDay, to: toDay, fromMs: fromDay * DAY_MS, toEndMs: (toDay + 1) * DAY_MS });
    } else c.prepare(
      `INSERT INTO dh_ev
       SELECT sector, occ, la, region, day, sum(dl), sum(dn) FROM (
         SELECT coalesce(v.sector, '') AS sector, ${OCC} AS occ, coalesce(v.local_authority, '') AS la, coalesce(v.region, '') AS region,
                max(v.first_seen / ${DAY_MS}, :from) AS day, 1 AS dl,
                CASE WHEN v.first_seen / ${DAY_MS} >= :from THEN 1 ELSE 0 END AS dn
         FROM vacancies v
         WHERE ${CANONICAL} AND v.first_seen / ${DAY_MS} <= :to AND (v.status = 'live' OR ${END_DAY} >= :from)
         UNION ALL
         SELECT coalesce(v.sector, ''), ${OCC}, coalesce(v.local_authority, ''), coalesce(v.region, ''), ${END_DAY} + 1, -1, 0
         FROM vacancies v
         WHERE ${CANONICAL} AND v.status <> 'live' AND v.first_seen / ${DAY_MS} <= :to AND ${END_DAY} >= :from AND ${END_DAY} < :to
       ) GROUP BY sector, occ, la, region, day`,
    ).run({ from: fromDay, to: toDay });
    // (2) Roll up to every dimension × area kept (see schema/demand.ts).
    const combos: [areaType: string, area: string, dim: string, key: string, where: string][] = [
      ['all', "''", 'all', "''", '1'],
      ['region', 'region', 'all', "''", "region <> ''"],
      ['la', 'la', 'all', "''", "la <> ''"],
      ['all', "''", 'sector', 'sector', "sector <> ''"],
      ['region', 'region', 'sector', 'sector', "sector <> '' AND region <> ''"],
      ['la', 'la', 'sector', 'sector', "sector <> '' AND la <> ''"],
      ['all', "''", 'occupation', 'occ', "occ <> ''"],
    ];
    c.exec(
      `INSERT INTO dh_g ` +
        combos
          .map(([at, area, dim, key, where]) => `SELECT '${at}', ${area}, '${dim}', ${key}, day, sum(dl), sum(dn) FROM dh_ev WHERE ${where} GROUP BY ${area}, ${key}, day`)
          .join(' UNION ALL '),
    );
    // Incremental: what was live the day before enters on the first day.
    if (incremental) {
      c.prepare('INSERT INTO dh_g SELECT area_type, area, dim, key, ?, live, 0 FROM demand_daily WHERE day = ? AND live > 0').run(fromDay, fromDay - 1);
    }
    // (3) + (4): running sums → constant segments → one row per day.
    const rows = c
      .prepare(
        `WITH g AS (SELECT area_type, area, dim, key, day, sum(dl) AS dl, sum(dn) AS dn FROM dh_g GROUP BY 1, 2, 3, 4, 5),
         s AS (
           SELECT area_type, area, dim, key, day, dn,
                  sum(dl) OVER (PARTITION BY area_type, area, dim, key ORDER BY day ROWS UNBOUNDED PRECEDING) AS live,
                  coalesce(lead(day) OVER (PARTITION BY area_type, area, dim, key ORDER BY day) - 1, :to) AS seg_end
           FROM g)
         INSERT INTO dh_out (area_type, area, dim, key, day, live, new)
         SELECT s.area_type, s.area, s.dim, s.key, d.d, s.live, CASE WHEN d.d = s.day THEN s.dn ELSE 0 END
         FROM s JOIN dh_days d ON d.d BETWEEN s.day AND s.seg_end
         WHERE s.live > 0 OR (d.d = s.day AND s.dn > 0)`,
      )
      .run({ to: toDay }).changes;
    c.exec(`INSERT INTO dh_cells ${LIVE_CELLS_SELECT}`);
    c.exec('DELETE FROM dh_ev; DELETE FROM dh_g; DELETE FROM dh_days;');
    opts.onProgress?.('computed', 0, rows);
    return rows;
  });

  // Spans of whole days of about rowsPerWrite rows, each replaced in one transaction, in
  // primary-key order so the B-tree is appended to, not split at random.
  const perDay = total / (toDay - fromDay + 1);
  const span = Math.max(1, Math.floor((opts.rowsPerWrite ?? DEMAND_ROWS_PER_WRITE) / Math.max(1, perDay)));
  const del = c.prepare('DELETE FROM demand_daily WHERE day BETWEEN ? AND ?');
  const copy = c.prepare('INSERT INTO demand_daily (area_type, area, dim, key, day, live, new) SELECT * FROM dh_out WHERE day BETWEEN ? AND ? ORDER BY 1, 2, 3, 4, 5');
  let written = 0;
  for (let a = fromDay; a <= toDay; a += span) {
    const b = Math.min(toDay, a + span - 1);
    written += writeTransaction(db, () => {
      del.run(a, b);
      return copy.run(a, b).changes;
    });
    opts.onProgress?.('written', written, total);
  }
  const cells = writeTransaction(db, () => {
    c.exec('DELETE FROM demand_cells');
    const n = c.prepare('INSERT INTO demand_cells (cell_lat, cell_lon, occupation, sector, region, live) SELECT * FROM dh_cells').run().changes;
    const prev = readDemandState(db);
    c.prepare(
      `INSERT INTO demand_state (id, from_day, to_day, updated_at) VALUES (1, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET from_day = excluded.from_day, to_day = excluded.to_day, updated_at = excluded.updated_at`,
    ).run(prev ? Math.min(prev.fromDay, fromDay) : fromDay, prev ? Math.max(prev.toDay, toDay) : toDay, now);
    return n;
  });
  c.exec('DELETE FROM dh_out; DELETE FROM dh_cells;');
  return { fromDay, toDay, rows: written, cells, ms: Math.round(performance.now() - t0) };
}

/**
 * Runs `fn` in a read transaction: one snapshot of the database for all its
 * statements, and no write lock (its writes must go to TEMP tables). Inside
 * another transaction it runs in that one.
 */
function readSnapshot<T>(db: Db, fn: () => T): T {
  return db.$client.inTransaction ? fn() : db.$client.transaction(fn).deferred();
}

const LIVE_CELLS_SELECT = `SELECT CAST((v.lat + 90) / ${CELL_DEG} AS INTEGER), CAST((v.lon + 180) / ${CELL_DEG} AS INTEGER), ${OCC}, coalesce(v.sector, ''), coalesce(v.region, ''), count(*)
       FROM vacancies v
       WHERE v.status = 'live' AND v.lat IS NOT NULL AND v.lon IS NOT NULL AND ${CANONICAL}
       GROUP BY 1, 2, 3, 4, 5`;

export interface DemandRow {
  key: string;
  day: number;
  live: number;
  new: number;
}

export interface AreaRef {
  type: 'all' | 'region' | 'la';
  /** '' for all. */
  name: string;
}

/** Daily rows of one dimension in one area (all keys, or the given ones), by key then day. */
export function readDemandSeries(
  db: Db,
  q: { area: AreaRef; dim: 'all' | 'sector' | 'occupation'; fromDay: number; toDay: number; keys?: readonly string[] },
): DemandRow[] {
  if (q.keys && !q.keys.length) return [];
  const keyFilter = q.keys ? ' AND key IN (SELECT value FROM json_each(?))' : '';
  const params: unknown[] = [q.area.type, q.area.name, q.dim, q.fromDay, q.toDay, ...(q.keys ? [JSON.stringify(q.keys)] : [])];
  return prepared(
    db,
    `SELECT key, day, live, new FROM demand_daily
     WHERE area_type = ? AND area = ? AND dim = ? AND day BETWEEN ? AND ?${keyFilter} ORDER BY key, day`,
  ).all(...params) as DemandRow[];
}

/** Sum of daily live counts (live-days) and of new vacancies over a window, per key. */
export function windowTotals(
  db: Db,
  q: { area: AreaRef; dim: 'all' | 'sector' | 'occupation'; fromDay: number; toDay: number; keys?: readonly string[] },
): Map<string, { liveDays: number; new: number }> {
  const params: unknown[] = [q.area.type, q.area.name, q.dim, q.fromDay, q.toDay];
  let keyFilter = '';
  if (q.keys) {
    if (q.keys.length === 0) return new Map();
    // One statement for any number of keys (a list of ? would be one per length).
    keyFilter = ' AND key IN (SELECT value FROM json_each(?))';
    params.push(JSON.stringify(q.keys));
  }
  const rows = prepared(
    db,
    `SELECT key, sum(live) AS liveDays, sum(new) AS n FROM demand_daily
     WHERE area_type = ? AND area = ? AND dim = ? AND day BETWEEN ? AND ?${keyFilter} GROUP BY key`,
  ).all(...params) as { key: string; liveDays: number; n: number }[];
  return new Map(rows.map((r) => [r.key, { liveDays: r.liveDays, new: r.n }]));
}

/** Region and local authority names present in the history (for resolving `area=`). */
export function findArea(db: Db, name: string): AreaRef | null {
  const t = name.trim();
  if (!t || t.toLowerCase() === 'all') return { type: 'all', name: '' };
  // Exact spelling first (an index lookup), then any case (a scan, rare).
  for (const collate of ['', ' COLLATE NOCASE']) {
    for (const type of ['region', 'la'] as const) {
      const hit = db.$client
        .prepare(`SELECT area FROM demand_daily WHERE area_type = ? AND area = ?${collate} LIMIT 1`)
        .pluck()
        .get(type, t) as string | undefined;
      if (hit) return { type, name: hit };
    }
  }
  return null;
}
