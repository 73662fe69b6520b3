import type { Db } from '../db.ts';
import type { Checked } from '../errors.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { SIC_2007_SECTIONS } from '../taxonomy/sectors.ts';
import { dayOf, isoDay, readDemandSeries, readDemandState, type AreaRef } from './demand-history.ts';
import { growthSignals, type GrowthSignal } from './growth.ts';

/** Longest series one request may ask for. */
export const MAX_TREND_DAYS = 731;

export interface SectorTrend {
  code: string;
  title: string;
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
  from: string;
  to: string;
  /** One date per point; every series below is aligned with it. */
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

/**
 * Daily live and new vacancies per SIC section in one area, as aligned
 * arrays ready for a chart, each with its growth signal (growth.ts).
 */
export function sectorTrends(deps: TrendDeps, q: TrendsOptions): TrendsResult {
  const { area, fromDay, toDay } = q;
  const state = readDemandState(deps.db);
  const n = toDay - fromDay + 1;
  const dates = Array.from({ length: n }, (_, i) => isoDay(fromDay + i));
  const fill = (rows: { key: string; day: number; live: number; new: number }[]) => {
    const by = new Map<string, { live: number[]; new: number[] }>();
    for (const r of rows) {
      let s = by.get(r.key);
      if (!s) by.set(r.key, (s = { live: new Array<number>(n).fill(0), new: new Array<number>(n).fill(0) }));
      s.live[r.day - fromDay] = r.live;
      s.new[r.day - fromDay] = r.new;
    }
    return by;
  };
  const sectorRows = fill(readDemandSeries(deps.db, { area, dim: 'sector', fromDay, toDay }));
  const allRows = fill(readDemandSeries(deps.db, { area, dim: 'all', fromDay, toDay })).get('') ?? {
    live: new Array<number>(n).fill(0),
    new: new Array<number>(n).fill(0),
  };
  const growth = growthSignals(deps.db, { dim: 'sector', area, keys: [...sectorRows.keys()], now: deps.now(), options: q.windowDays ? { windowDays: q.windowDays } : {} });
  const titles = new Map([...SIC_2007_SECTIONS.map((s) => [s.code, s.title] as const), ...[...deps.taxonomy().sectors.values()].map((s) => [s.code, s.title] as const)]);
  return {
    area,
    from: isoDay(fromDay),
    to: isoDay(toDay),
    dates,
    all: allRows,
    sectors: [...sectorRows].map(([code, s]) => ({ code, title: titles.get(code) ?? code, live: s.live, new: s.new, growth: growth.get(code) ?? null })),
    history: { from: state ? isoDay(state.fromDay) : null, to: state ? isoDay(state.toDay) : null },
  };
}
