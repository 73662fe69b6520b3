import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { labelledIndexes, tickDigits, valueTicks } from '../../src/views/chart-scale.ts';
import { CHART, LineChart, type ChartPoint } from '../../src/views/line-chart.tsx';
import { monthlyAverages, monthPoint } from '../../src/views/monthly-points.ts';
import { describeTrend } from '../../src/views/trend-summary.ts';

const render = async (points: ChartPoint[], extra: { table?: 'visible' | 'details'; digits?: number } = {}) =>
  load(
    await (
      <LineChart id="care" title="Care: live vacancies a day" points={points} xLabel="Month" yLabel="Live a day" unit="live vacancies a day" {...extra} />
    ).toString(),
  );

const SIX: ChartPoint[] = [
  monthPoint('2026-01', 12),
  monthPoint('2026-02', 10),
  monthPoint('2026-03', 14),
  monthPoint('2026-04', 18),
  monthPoint('2026-05', 22),
  monthPoint('2026-06', 20),
];

describe('LineChart', () => {
  it('draws one dot per point, the line through them, from zero, higher values higher', async () => {
    const $ = await render(SIX);
    const dots = $('svg .dots circle')
      .toArray()
      .map((c) => ({ x: Number($(c).attr('cx')), y: Number($(c).attr('cy')) }));
    expect(dots).toHaveLength(6);
    // Left to right in order, across the whole plot.
    expect(dots[0]!.x).toBe(CHART.left);
    expect(dots[5]!.x).toBe(CHART.width - CHART.right);
    expect(dots.map((d) => d.x)).toEqual([...dots.map((d) => d.x)].sort((a, b) => a - b));
    // SVG y grows downwards: 22 (May) is the highest dot, 10 (Feb) the lowest.
    const ys = dots.map((d) => d.y);
    expect(Math.min(...ys)).toBe(dots[4]!.y);
    expect(Math.max(...ys)).toBe(dots[1]!.y);
    expect($('svg polyline.line').attr('points')).toBe(dots.map((d) => `${d.x},${d.y}`).join(' '));
    // The value axis starts at zero and reaches past the highest value.
    const yTicks = $('svg .y-axis text').toArray().map((t) => $(t).text());
    expect(yTicks[0]).toBe('0');
    expect(Number(yTicks.at(-1))).toBeGreaterThanOrEqual(22);
  });

  it('labels both axes and the periods, always naming the latest', async () => {
    const $ = await render(SIX);
    const names = $('svg text.axis-name').toArray().map((t) => $(t).text());
    expect(names).toEqual(['Live a day', 'Month']);
    const ticks = $('svg .x-axis text').toArray().map((t) => $(t).text());
    expect(ticks.at(-1)).toBe('Jun 2026');
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks.every((t) => SIX.some((p) => p.tick === t))).toBe(true);
  });

  it('has a text alternative that states the trend in words', async () => {
    const $ = await render(SIX);
    const svg = $('svg');
    expect(svg.attr('role')).toBe('img');
    expect(svg.attr('viewBox')).toBe(`0 0 ${CHART.width} ${CHART.height}`);
    expect(svg.attr('width')).toBe('100%');
    expect(svg.attr('aria-labelledby')).toBe('care-title care-desc');
    expect($('#care-title').text()).toBe('Care: live vacancies a day');
    expect($('#care-desc').text()).toBe(
      'From 12 live vacancies a day in January 2026 to 20 in June 2026, up 67%, over 6 points. Highest 22 in May 2026; lowest 10 in February 2026.',
    );
  });

  it('puts the same numbers in a table, in the details when asked', async () => {
    const $ = await render(SIX, { table: 'details' });
    const rows = $('details table tbody tr')
      .toArray()
      .map((r) => [$(r).find('th').text(), $(r).find('td').text()]);
    expect(rows).toEqual(SIX.map((p) => [p.label, String(p.value)]));
    expect($('table thead th').toArray().map((t) => $(t).text())).toEqual(['Month', 'Live a day']);
    const open = await render(SIX);
    expect(open('details').length).toBe(0);
    expect(open('figure > table tbody tr').length).toBe(6);
  });

  it('says there is no data instead of drawing an empty chart', async () => {
    const $ = await render([]);
    expect($('svg').length).toBe(0);
    expect($('table').length).toBe(0);
    expect($('figure').text()).toContain('No data yet.');
  });

  it('draws a single point in the middle, with a one-row table and no line', async () => {
    const $ = await render([monthPoint('2026-03', 4)]);
    const dot = $('svg .dots circle');
    expect(dot.length).toBe(1);
    expect(Number(dot.attr('cx'))).toBe(CHART.left + (CHART.width - CHART.left - CHART.right) / 2);
    expect($('svg polyline').length).toBe(0);
    expect($('svg .x-axis text').text()).toBe('Mar 2026');
    expect($('#care-desc').text()).toBe('Only March 2026 so far: 4 live vacancies a day.');
    expect($('table tbody tr').length).toBe(1);
  });

  it('keeps a flat zero series on the baseline', async () => {
    const $ = await render([monthPoint('2026-01', 0), monthPoint('2026-02', 0)]);
    const ys = $('svg .dots circle').toArray().map((c) => Number($(c).attr('cy')));
    expect(ys).toEqual([CHART.height - CHART.bottom, CHART.height - CHART.bottom]);
    expect($('#care-desc').text()).toContain('unchanged');
  });
});

describe('chart scale', () => {
  it('has round value ticks from zero covering the largest value', () => {
    expect(valueTicks(22)).toEqual([0, 10, 20, 30]);
    expect(valueTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(valueTicks(3)).toEqual([0, 1, 2, 3]);
    expect(valueTicks(0.4)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(valueTicks(0)).toEqual([0, 1]);
    // Whole counts: one start is not split into quarters.
    expect(valueTicks(1, { whole: true })).toEqual([0, 1]);
    expect(valueTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(valueTicks(6, { whole: true })).toEqual([0, 2, 4, 6]);
  });

  it('labels ticks with the decimals their step needs', () => {
    expect(tickDigits([0, 0.25, 0.5])).toBe(2);
    expect(tickDigits([0, 2.5, 5])).toBe(1);
    expect(tickDigits([0, 10, 20])).toBe(0);
  });

  it('steps a count axis in whole numbers, labelled without decimals', async () => {
    const $ = await render([monthPoint('2026-03', 1)]);
    expect($('svg .y-axis text').toArray().map((t) => $(t).text())).toEqual(['0', '1']);
  });

  it('labels at most the room allows, counting back from the latest', () => {
    expect(labelledIndexes(3, 4)).toEqual([0, 1, 2]);
    expect(labelledIndexes(12, 4)).toEqual([2, 5, 8, 11]);
    expect(labelledIndexes(0, 4)).toEqual([]);
  });
});

describe('monthly points and trend words', () => {
  it('averages a daily series per calendar month, over the days it covers', () => {
    // 2026-01-30 is day 20483: two January days, then three February days.
    const first = Date.parse('2026-01-30T00:00:00Z') / 86_400_000;
    expect(monthlyAverages(first, [4, 6, 1, 2, 3])).toEqual([
      { label: 'January 2026', tick: 'Jan 2026', value: 5 },
      { label: 'February 2026', tick: 'Feb 2026', value: 2 },
    ]);
    expect(monthlyAverages(first, [])).toEqual([]);
  });

  it('says which way a series went', () => {
    expect(describeTrend([monthPoint('2026-01', 0), monthPoint('2026-02', 5)], 'starts')).toContain('up from none');
    expect(describeTrend([monthPoint('2026-01', 10), monthPoint('2026-02', 5)], 'starts')).toContain('down 50%');
    expect(describeTrend([], 'starts')).toBe('No data yet.');
  });
});
