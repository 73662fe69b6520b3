import { z } from 'zod';
import type { Db } from '../db.ts';
import { validationFailed } from '../errors.ts';
import { parseOr422 } from '../http/validation.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { SIC_2007_SECTIONS } from '../taxonomy/sectors.ts';
import { dayOf, findArea, isoDay, readDemandSeries, readDemandState, type AreaRef } from './demand-history.ts';
import { growthSignals, type GrowthSignal } from './growth.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(ISO_DAY, 'a date as YYYY-MM-DD')
  .refine((s) => {
    // Date.parse rolls 2026-02-31 over into March: insist on a round trip.
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'not a real date');

export const TrendsQuerySchema = z.strictObject({
  /** "all" (default), a region name or a local authority name. */
  area: z.string().trim().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Growth window in days (default 91). */
  windowDays: z.coerce.number().int().min(7).max(365).optional(),
});

/** Longest series one request may ask for. */
export const MAX_TREND_DAYS = 731;

export interface SectorTrend {
  code: string;
  title: string;
  live: number[];
  new: number[];
  growth: GrowthSignal | null;
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

/**
 * Daily live and new vacancies per SIC section in one area, as aligned
 * arrays ready for a chart, each with its growth signal (growth.ts).
 * Defaults: the last year of history.
 */
export function sectorTrends(deps: { db: Db; taxonomy: () => Taxonomy; now: () => number }, raw: unknown): TrendsResult {
  const q = parseOr422(TrendsQuerySchema, raw);
  const area = findArea(deps.db, q.area ?? 'all');
  if (!area) throw validationFailed([{ path: 'area', message: 'no such area in the vacancy history: "all", a region or a local authority name' }]);
  const state = readDemandState(deps.db);
  const today = dayOf(deps.now());
  const toDay = q.to ? dayOf(Date.parse(`${q.to}T00:00:00Z`)) : state ? Math.min(state.toDay, today) : today;
  const fromDay = q.from ? dayOf(Date.parse(`${q.from}T00:00:00Z`)) : toDay - 364;
  if (fromDay > toDay) throw validationFailed([{ path: 'from', message: 'must not be after to' }]);
  if (toDay - fromDay + 1 > MAX_TREND_DAYS) throw validationFailed([{ path: 'from', message: `at most ${MAX_TREND_DAYS} days per request` }]);

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
