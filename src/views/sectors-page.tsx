import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import { dayOf } from '../pivots/demand-history.ts';
import type { TrendsResult } from '../pivots/sector-trends.ts';
import { describedBy, ErrorSummary, FieldErrorText, fieldErrorFor, LabelWithHint } from './form-errors.tsx';
import { formatNumber } from './format.ts';
import { Layout } from './layout.tsx';
import { GrowthText } from './growth-text.tsx';
import { LineChart } from './line-chart.tsx';
import { monthlyAverages } from './monthly-points.ts';

export interface SectorsPageProps {
  coach: { name: string; org: string };
  area: string;
  trends: TrendsResult | null;
  errors: readonly FieldError[];
}

const last = (xs: readonly number[]) => xs[xs.length - 1] ?? 0;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const dayOfIso = (iso: string) => dayOf(Date.parse(`${iso}T00:00:00Z`));

/** Monthly averages of a daily series that starts on `from`, as the charts plot and tabulate them. */
const monthsOf = (from: string, daily: readonly number[]) => monthlyAverages(dayOfIso(from), daily);

const CHART_WORDS = { xLabel: 'Month', yLabel: 'Live a day (average)', unit: 'live vacancies a day', digits: 1 } as const;

/**
 * `/sectors`: live vacancies per sector over the last year in an area. A
 * summary table (live now, new lately, growth), then a line chart per
 * sector with its monthly numbers, each starting where that sector's
 * history starts.
 */
export const SectorsPage: FC<SectorsPageProps> = ({ coach, area, trends, errors }) => {
  const sectors = trends ? [...trends.sectors].sort((a, b) => last(b.live) - last(a.live) || a.code.localeCompare(b.code)) : [];
  const areaName = trends ? (trends.area.type === 'all' ? 'all areas' : trends.area.name) : area;
  const error = fieldErrorFor(errors, 'area');
  return (
    <Layout title="Sector trends" coach={coach} section="sectors">
      <h1>Sector trends</h1>
      <ErrorSummary errors={errors} fieldIds={{ area: 'area' }} labels={{ area: 'Area' }} />
      <form method="get" action="/sectors" class="grid" aria-label="Area">
        <div class={error ? 'field invalid' : 'field'}>
          <LabelWithHint id="area" label="Area" hint="“all”, a region (e.g. Yorkshire and The Humber) or a local authority" />
          <input type="text" id="area" name="area" value={area} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy('area', true, error)} />
          <FieldErrorText id="area" error={error} />
        </div>
        <div class="field">
          <button type="submit">Show</button>
        </div>
      </form>
      {trends ? (
        <>
          <p class="lead">
            Live vacancies a day in {areaName}, {trends.dates[0] ?? trends.from} to {trends.to}.
            {trends.history.from ? ` Our history starts ${trends.history.from}; each chart starts where its sector's history does.` : ' No vacancy history yet.'}
          </p>
          {sectors.length ? (
            <>
              <table class="stack">
                <caption class="visually-hidden">Sectors by live vacancies now</caption>
                <thead>
                  <tr>
                    <th scope="col">Sector</th>
                    <th scope="col" class="num">
                      Live now
                    </th>
                    <th scope="col" class="num">
                      New, last 13 weeks
                    </th>
                    <th scope="col">Growth</th>
                  </tr>
                </thead>
                <tbody>
                  {sectors.map((s) => (
                    <tr>
                      <td data-label="Sector">
                        <a href={`#sector-${s.code}`}>{s.title}</a> <span class="muted small">({s.code})</span>
                      </td>
                      <td class="num" data-label="Live now">
                        {formatNumber(last(s.live))}
                      </td>
                      <td class="num" data-label="New, last 13 weeks">
                        {formatNumber(sum(s.new.slice(-91)))}
                      </td>
                      <td data-label="Growth">
                        <GrowthText g={s.growth} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h2>Live vacancies a day, month by month</h2>
              <div class="charts">
                <section aria-labelledby="chart-all-heading">
                  <h3 id="chart-all-heading">All sectors</h3>
                  <LineChart id="chart-all" title={`All vacancies in ${areaName}`} points={monthsOf(trends.dates[0] ?? trends.from, trends.all.live)} {...CHART_WORDS} />
                </section>
                {sectors.map((s) => (
                  <section id={`sector-${s.code}`} aria-labelledby={`sector-${s.code}-heading`}>
                    <h3 id={`sector-${s.code}-heading`}>
                      {s.title} <span class="muted small">({s.code})</span>
                    </h3>
                    <p class="small">
                      <GrowthText g={s.growth} />
                    </p>
                    <LineChart id={`chart-${s.code}`} title={`${s.title}: live vacancies a day in ${areaName}`} points={monthsOf(s.from, s.live)} {...CHART_WORDS} />
                  </section>
                ))}
              </div>
            </>
          ) : (
            <p>No vacancies recorded in this area for these dates.</p>
          )}
        </>
      ) : null}
    </Layout>
  );
};
