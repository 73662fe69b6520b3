/**
 * The value axis of a chart: round steps from zero to at least the largest
 * value. Counts start at zero so the height of the line is the size of the
 * number, never a zoomed-in wobble made to look like a surge.
 */
export function valueTicks(max: number, target = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
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
