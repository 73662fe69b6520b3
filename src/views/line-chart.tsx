import type { FC } from 'hono/jsx';
import { labelledIndexes, tickDigits, valueTicks } from './chart-scale.ts';
import { formatNumber } from './format.ts';
import { describeTrend, type ChartPoint } from './trend-summary.ts';

export type { ChartPoint } from './trend-summary.ts';

export interface LineChartProps {
  /** Unique on the page: the SVG's title and description are referred to by id. */
  id: string;
  /** What the chart shows, e.g. "Care: live vacancies a day, monthly average". */
  title: string;
  points: readonly ChartPoint[];
  /** Names of the axes, shown on the chart and as the table's column headings. */
  xLabel: string;
  yLabel: string;
  /** The values' unit in words, for the text alternative ("live vacancies a day"). */
  unit: string;
  /** Decimals shown for values (default 0). */
  digits?: number;
  /** The numbers' table below the chart, open, or folded in a <details> where the page is long. */
  table?: 'visible' | 'details';
  /** Said instead of a chart when there are no points. */
  emptyText?: string;
}

/**
 * Chart geometry in the SVG's own units. The viewBox is narrow so that,
 * scaled to the width of a 320 px phone, the axis text stays legible; CSS
 * caps how wide it grows on a desk. The margins either side hold half a
 * period label, so labels centred on the first and last points stay inside,
 * and labelRoom (a label's width and a gap) keeps neighbours apart.
 */
export const CHART = { width: 360, height: 210, left: 46, right: 32, top: 26, bottom: 44, labelRoom: 64 } as const;

const plotWidth = CHART.width - CHART.left - CHART.right;
const plotBottom = CHART.height - CHART.bottom;
const plotHeight = plotBottom - CHART.top;

/** Where each point sits: spread across the plot (one point in the middle), height from zero. */
export function chartPositions(points: readonly ChartPoint[], top: number): { x: number; y: number }[] {
  const step = points.length > 1 ? plotWidth / (points.length - 1) : 0;
  return points.map((p, i) => ({
    x: Math.round((points.length > 1 ? CHART.left + i * step : CHART.left + plotWidth / 2) * 10) / 10,
    y: Math.round((plotBottom - (p.value / top) * plotHeight) * 10) / 10,
  }));
}

/**
 * A server-rendered line chart of a time series: value axis from zero with
 * round ticks, the periods labelled along the bottom, the line and its
 * points, a text alternative (role="img" named by its <title> and <desc>,
 * which state the trend in words), and the same numbers in a table.
 * A pure function of its points; no script, no inline style (the pages'
 * CSP allows only the stylesheet, so the look comes from classes).
 */
export const LineChart: FC<LineChartProps> = ({ id, title, points, xLabel, yLabel, unit, digits = 0, table = 'visible', emptyText = 'No data yet.' }) => {
  const summary = describeTrend(points, unit, digits);
  const numbers = (
    <table class="chart-table">
      <caption class="visually-hidden">{title}: the numbers</caption>
      <thead>
        <tr>
          <th scope="col">{xLabel}</th>
          <th scope="col" class="num">
            {yLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr>
            <th scope="row">{p.label}</th>
            <td class="num">{formatNumber(p.value, digits)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!points.length) {
    return (
      <figure class="chart" id={id}>
        <figcaption>{title}</figcaption>
        <p class="muted">{emptyText}</p>
      </figure>
    );
  }
  // Values shown without decimals are counts: their axis steps in whole numbers.
  const ticks = valueTicks(Math.max(...points.map((p) => p.value)), { whole: digits === 0 });
  const tickDecimals = tickDigits(ticks);
  const top = ticks[ticks.length - 1]!;
  const at = chartPositions(points, top);
  const labelled = labelledIndexes(points.length, Math.floor(plotWidth / CHART.labelRoom));
  const yOf = (v: number) => Math.round((plotBottom - (v / top) * plotHeight) * 10) / 10;
  return (
    <figure class="chart" id={id}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <text class="axis-name" x={CHART.left - 40} y={14}>
          {yLabel}
        </text>
        <g class="y-axis">
          {ticks.map((t) => (
            <g>
              <line class="grid" x1={CHART.left} x2={CHART.width - CHART.right} y1={yOf(t)} y2={yOf(t)} />
              <text x={CHART.left - 6} y={yOf(t) + 4} text-anchor="end">
                {formatNumber(t, tickDecimals)}
              </text>
            </g>
          ))}
        </g>
        <line class="axis" x1={CHART.left} x2={CHART.left} y1={CHART.top} y2={plotBottom} />
        <line class="axis" x1={CHART.left} x2={CHART.width - CHART.right} y1={plotBottom} y2={plotBottom} />
        <g class="x-axis">
          {labelled.map((i) => (
            <text x={at[i]!.x} y={plotBottom + 16} text-anchor="middle">
              {points[i]!.tick}
            </text>
          ))}
        </g>
        <text class="axis-name" x={CHART.left + plotWidth / 2} y={CHART.height - 6} text-anchor="middle">
          {xLabel}
        </text>
        {points.length > 1 ? <polyline class="line" points={at.map((p) => `${p.x},${p.y}`).join(' ')} /> : null}
        <g class="dots">
          {at.map((p) => (
            <circle cx={p.x} cy={p.y} r={3} />
          ))}
        </g>
      </svg>
      {table === 'details' ? (
        <details>
          <summary>The numbers</summary>
          {numbers}
        </details>
      ) : (
        numbers
      )}
    </figure>
  );
};
