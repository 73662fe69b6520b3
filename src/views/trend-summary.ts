import { formatNumber } from './format.ts';

/** A point of a time series as a chart and its table show it. */
export interface ChartPoint {
  /** The period in full, for the table and the text alternative: "March 2026". */
  label: string;
  /** The period short enough for the time axis: "Mar 2026". */
  tick: string;
  value: number;
}

/**
 * The trend of a series in words, for the chart's text alternative: where it
 * starts and ends, the change between, and its highest and lowest points,
 * so a reader who cannot see the line learns what the line says.
 */
export function describeTrend(points: readonly ChartPoint[], unit: string, digits = 0): string {
  const n = (v: number) => formatNumber(v, digits);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 'No data yet.';
  if (points.length === 1) return `Only ${first.label} so far: ${n(first.value)} ${unit}.`;
  const change =
    first.value === last.value
      ? 'unchanged'
      : first.value === 0
        ? 'up from none'
        : `${last.value > first.value ? 'up' : 'down'} ${formatNumber(Math.abs(last.value / first.value - 1) * 100, 0)}%`;
  let high = first;
  let low = first;
  for (const p of points) {
    if (p.value > high.value) high = p;
    if (p.value < low.value) low = p;
  }
  return (
    `From ${n(first.value)} ${unit} in ${first.label} to ${n(last.value)} in ${last.label}, ${change}, over ${points.length} points. ` +
    `Highest ${n(high.value)} in ${high.label}; lowest ${n(low.value)} in ${low.label}.`
  );
}
