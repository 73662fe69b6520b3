import { DAY_MS } from '../clock.ts';
import type { ChartPoint } from './trend-summary.ts';

const LONG = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2026-03" → "March 2026". */
export const monthLabel = (month: string): string => LONG.format(Date.parse(`${month}-01T00:00:00Z`));
/** "2026-03" → "Mar 2026". */
export const monthTick = (month: string): string => SHORT.format(Date.parse(`${month}-01T00:00:00Z`));

/** A month ("2026-03") and its count as a chart point. */
export const monthPoint = (month: string, value: number): ChartPoint => ({ label: monthLabel(month), tick: monthTick(month), value });

/**
 * A daily series (days since the epoch, from `firstDay`) → one point per
 * calendar month: the average per day over the days of that month that the
 * series covers. An average rather than a sum, so a month the series enters
 * or leaves part-way compares fairly with a whole one.
 */
export function monthlyAverages(firstDay: number, daily: readonly number[], digits = 1): ChartPoint[] {
  const months: { month: string; sum: number; days: number }[] = [];
  daily.forEach((v, i) => {
    const month = new Date((firstDay + i) * DAY_MS).toISOString().slice(0, 7);
    const cur = months[months.length - 1];
    if (cur?.month === month) {
      cur.sum += v;
      cur.days += 1;
    } else months.push({ month, sum: v, days: 1 });
  });
  const round = 10 ** digits;
  return months.map((m) => monthPoint(m.month, Math.round((m.sum / m.days) * round) / round));
}
