import type { FC } from 'hono/jsx';

export interface SparklineProps {
  values: readonly number[];
  width?: number;
  height?: number;
  /** What the line shows, for screen readers (the numbers are printed beside it too). */
  label: string;
}

/** Averages of consecutive runs, so a year of days draws as about a year of weeks. */
export function downsample(values: readonly number[], maxPoints: number): number[] {
  if (values.length <= maxPoints) return [...values];
  const size = Math.ceil(values.length / maxPoints);
  const out: number[] = [];
  for (let i = 0; i < values.length; i += size) {
    const run = values.slice(i, i + size);
    out.push(run.reduce((a, b) => a + b, 0) / run.length);
  }
  return out;
}

/** A small inline SVG line: no script, no external asset; a flat baseline when every value is equal. */
export const Sparkline: FC<SparklineProps> = ({ values, width = 160, height = 32, label }) => {
  const pts = downsample(values, 60);
  const pad = 2;
  const max = Math.max(...pts, 0);
  const min = Math.min(...pts, 0);
  const span = max - min || 1;
  const step = pts.length > 1 ? (width - 2 * pad) / (pts.length - 1) : 0;
  const points = pts
    .map((v, i) => `${(pad + i * step).toFixed(1)},${(height - pad - ((v - min) / span) * (height - 2 * pad)).toFixed(1)}`)
    .join(' ');
  return (
    <svg class="spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} />
      {pts.length ? <polyline points={points} /> : null}
    </svg>
  );
};
