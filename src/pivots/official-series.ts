import type { Db } from '../db.ts';
import { addMonths } from './official-import.ts';

/**
 * Growth from the imported official series (ONS vacancies by SIC 2007
 * section). Levels are compared as three-month totals: a rolling-quarter
 * series (VACS02) directly, a single-month series (X06) summed over the
 * three months ending at the period. Seasonally adjusted series are
 * preferred; for an unadjusted one the quarter-on-quarter change mixes in
 * seasonal swings, which year on year does not.
 */

export interface OfficialLevel {
  periodEnd: string;
  /** Thousands, three-month average. */
  value: number;
}

export interface OfficialGrowth {
  series: string;
  seasonallyAdjusted: boolean;
  sic: string;
  latest: OfficialLevel;
  quarterBefore: OfficialLevel | null;
  yearBefore: OfficialLevel | null;
  /** latest / quarterBefore. */
  quarterRatio: number | null;
  /** latest / yearBefore. */
  yearRatio: number | null;
  /** Same for all vacancies (B-S), for the share. */
  all: { latest: number | null; quarterRatio: number | null; yearRatio: number | null };
}

interface SeriesInfo {
  series: string;
  months: number;
  sa: boolean;
}

/** The preferred series: seasonally adjusted first, then the one reaching furthest. */
export function preferredSeries(db: Db): SeriesInfo | null {
  const r = db.$client
    .prepare(
      `SELECT series, max(months) AS months, max(seasonally_adjusted) AS sa, max(period_end) AS latest
       FROM official_vacancies GROUP BY series ORDER BY sa DESC, latest DESC LIMIT 1`,
    )
    .get() as { series: string; months: number; sa: number } | undefined;
  return r ? { series: r.series, months: r.months, sa: r.sa === 1 } : null;
}

/** Latest period of the series at or before `asOf` (`YYYY-MM`), for a section. */
function latestPeriod(db: Db, s: SeriesInfo, sic: string, asOf?: string): string | null {
  return (db.$client
    .prepare('SELECT max(period_end) FROM official_vacancies WHERE series = ? AND sic = ? AND period_end <= ?')
    .pluck()
    .get(s.series, sic, asOf ?? '9999-12') ?? null) as string | null;
}

/** Three-month average level ending at `periodEnd`, or null when any month is missing. */
export function levelAt(db: Db, s: SeriesInfo, sic: string, periodEnd: string): number | null {
  if (s.months >= 3) {
    return (db.$client.prepare('SELECT value FROM official_vacancies WHERE series = ? AND sic = ? AND period_end = ?').pluck().get(s.series, sic, periodEnd) ??
      null) as number | null;
  }
  const months = [periodEnd, addMonths(periodEnd, -1), addMonths(periodEnd, -2)];
  const rows = db.$client
    .prepare(`SELECT value FROM official_vacancies WHERE series = ? AND sic = ? AND period_end IN (?, ?, ?)`)
    .pluck()
    .all(s.series, sic, ...months) as number[];
  return rows.length === 3 ? rows.reduce((a, b) => a + b, 0) / 3 : null;
}

/** Official growth of section `sic` at its latest period (at or before `asOf`, `YYYY-MM`). Null without data. */
export function officialGrowth(db: Db, sic: string, opts: { asOf?: string } = {}): OfficialGrowth | null {
  const s = preferredSeries(db);
  if (!s) return null;
  const period = latestPeriod(db, s, sic, opts.asOf);
  if (!period) return null;
  const at = (code: string, p: string) => levelAt(db, s, code, p);
  const latest = at(sic, period);
  if (latest == null) return null;
  const q = at(sic, addMonths(period, -3));
  const y = at(sic, addMonths(period, -12));
  const allLatest = at('B-S', period);
  const allQ = at('B-S', addMonths(period, -3));
  const allY = at('B-S', addMonths(period, -12));
  const ratio = (a: number | null, b: number | null) => (a != null && b != null && b > 0 ? a / b : null);
  return {
    series: s.series,
    seasonallyAdjusted: s.sa,
    sic,
    latest: { periodEnd: period, value: latest },
    quarterBefore: q == null ? null : { periodEnd: addMonths(period, -3), value: q },
    yearBefore: y == null ? null : { periodEnd: addMonths(period, -12), value: y },
    quarterRatio: ratio(latest, q),
    yearRatio: ratio(latest, y),
    all: { latest: allLatest, quarterRatio: ratio(allLatest, allQ), yearRatio: ratio(allLatest, allY) },
  };
}

/** Every imported series with its shape and latest period. */
export function listSeries(db: Db): (SeriesInfo & { latest: string; sections: string[] })[] {
  const rows = db.$client
    .prepare('SELECT series, max(months) AS months, max(seasonally_adjusted) AS sa, max(period_end) AS latest, group_concat(DISTINCT sic) AS sics FROM official_vacancies GROUP BY series ORDER BY series')
    .all() as { series: string; months: number; sa: number; latest: string; sics: string }[];
  return rows.map((r) => ({ series: r.series, months: r.months, sa: r.sa === 1, latest: r.latest, sections: r.sics.split(',').sort() }));
}
