/** Decimals a tick label needs for this step: 0.25 → 2, 2.5 → 1, 10 → 0. */
export function tickDigits(ticks: readonly number[]): number {
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  for (let d = 0; d < 4; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 4;
}

/**
 * The value axis of a chart: round steps from zero to at least the largest
 * value. Counts start at zero so the height of the line is the size of the
 * number, never a zoomed-in wobble made to look like a surge.
 */
export function valueTicks(max: number, opts: { target?: number; whole?: boolean } = {}): number[] {
  const target = opts.target ?? 4;
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  // Counts of whole things (starts) never get a tick at 0.25 of one.
  const step = opts.whole ? Math.max(1, Math.ceil(nice)) : nice;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2 && ticks.length <= target + 2; v += step) ticks.push(Number(v.toPrecision(12)));
  // The top tick must reach the largest value, or the line would leave the plot.
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

/**
 * Which points get a label on the time axis: at most `room` of them, evenly
 * spaced and counted back from the latest, so the most recent period is
 * always named.
 */
export function labelledIndexes(count: number, room: number): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(count / Math.max(1, room)));
  const out: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) out.unshift(i);
  return out;
}
