import type { Db } from '../db.ts';
import type { Checked } from '../errors.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { SIC_2007_SECTIONS } from '../taxonomy/sectors.ts';
import { dayOf, isoDay, readDemandSeries, readDemandState, type AreaRef, type DemandRow } from './demand-history.ts';
import { growthSignals, type GrowthSignal } from './growth.ts';

/** Longest series one request may ask for. */
export const MAX_TREND_DAYS = 731;

export interface SectorTrend {
  code: string;
  title: string;
  /** The sector's first day with data in the window: `live` and `new` start here, `dates` from the same day. */
  from: string;
  live: number[];
  new: number[];
  growth: GrowthSignal | null;
}

/** Which series to chart: an area known to the history and a day range (days since the epoch, inclusive). */
export interface TrendsOptions {
  area: AreaRef;
  fromDay: number;
  toDay: number;
  /** Growth window in days (default 91). */
  windowDays?: number;
}

export interface TrendsResult {
  area: AreaRef;
  /** The window asked for. */
  from: string;
  to: string;
  /**
   * One date per point of `all`, from its first day with data in the window
   * (empty when there is none). A sector's series starts at its own `from`,
   * the same date in this array, and runs to `to`.
   */
  dates: string[];
  all: { live: number[]; new: number[] };
  sectors: SectorTrend[];
  history: { from: string | null; to: string | null };
}

type TrendDeps = { db: Db; taxonomy: () => Taxonomy; now: () => number };

/**
 * The day range a trends request means: `to` defaults to the last day of
 * history (never after today), `from` to a year before `to`. Errors name the
 * field when the range is backwards or longer than MAX_TREND_DAYS.
 */
export function trendWindow(deps: Pick<TrendDeps, 'db' | 'now'>, q: { from?: string; to?: string }): Checked<{ fromDay: number; toDay: number }> {
  const state = readDemandState(deps.db);
  const today = dayOf(deps.now());
  const toDay = q.to ? dayOf(Date.parse(`${q.to}T00:00:00Z`)) : state ? Math.min(state.toDay, today) : today;
  const fromDay = q.from ? dayOf(Date.parse(`${q.from}T00:00:00Z`)) : toDay - 364;
  if (fromDay > toDay) return { ok: false, errors: [{ path: 'from', message: 'must not be after to' }] };
  if (toDay - fromDay + 1 > MAX_TREND_DAYS) return { ok: false, errors: [{ path: 'from', message: `at most ${MAX_TREND_DAYS} days per request` }] };
  return { ok: true, value: { fromDay, toDay } };
}

/** One key's daily series from its first day with data up to `toDay`. */
export interface DailySeries {
  firstDay: number;
  live: number[];
  new: number[];
}

/**
 * Demand rows (by key, then day) → one daily series per key, each starting
 * at the key's first row, not at the window's first day. The history stores
 * a row only for days with something live or new, so a key with no row yet
 * has no history yet: filling those days with zeros would draw a sector
 * that our history reached late as a surge from nothing. Days without a row
 * after the first one are real zeros (everything closed) and are kept.
 */
export function seriesFromFirstData(rows: readonly DemandRow[], toDay: number): Map<string, DailySeries> {
  const by = new Map<string, DailySeries>();
  for (const r of rows) {
    let s = by.get(r.key);
    if (!s) {
      const n = toDay - r.day + 1;
      by.set(r.key, (s = { firstDay: r.day, live: new Array<number>(n).fill(0), new: new Array<number>(n).fill(0) }));
    }
    s.live[r.day - s.firstDay] = r.live;
    s.new[r.day - s.firstDay] = r.new;
  }
  return by;
}

/**
 * Daily live and new vacancies per SIC section in one area, ready for a
 * chart, each with its growth signal (growth.ts). Every series starts where
 * its history starts (seriesFromFirstData).
 */
export function sectorTrends(deps: TrendDeps, q: TrendsOptions): TrendsResult {
  const { area, fromDay, toDay } = q;
  const state = readDemandState(deps.db);
  const sectorRows = seriesFromFirstData(readDemandSeries(deps.db, { area, dim: 'sector', fromDay, toDay }), toDay);
  const all = seriesFromFirstData(readDemandSeries(deps.db, { area, dim: 'all', fromDay, toDay }), toDay).get('');
  const dates = all ? Array.from({ length: all.live.length }, (_, i) => isoDay(all.firstDay + i)) : [];
  const growth = growthSignals(deps.db, { dim: 'sector', area, keys: [...sectorRows.keys()], now: deps.now(), options: q.windowDays ? { windowDays: q.windowDays } : {} });
  const titles = new Map([...SIC_2007_SECTIONS.map((s) => [s.code, s.title] as const), ...[...deps.taxonomy().sectors.values()].map((s) => [s.code, s.title] as const)]);
  return {
    area,
    from: isoDay(fromDay),
    to: isoDay(toDay),
    dates,
    all: { live: all?.live ?? [], new: all?.new ?? [] },
    sectors: [...sectorRows].map(([code, s]) => ({
      code,
      title: titles.get(code) ?? code,
      from: isoDay(s.firstDay),
      live: s.live,
      new: s.new,
      growth: growth.get(code) ?? null,
    })),
    history: { from: state ? isoDay(state.fromDay) : null, to: state ? isoDay(state.toDay) : null },
  };
}
