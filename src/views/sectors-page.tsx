import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import type { TrendsResult } from '../pivots/sector-trends.ts';
import { describedBy, ErrorSummary, FieldErrorText, fieldErrorFor, LabelWithHint } from './form-errors.tsx';
import { formatNumber } from './format.ts';
import { Layout } from './layout.tsx';
import { GrowthText } from './growth-text.tsx';
import { Sparkline } from './sparkline.tsx';

export interface SectorsPageProps {
  coach: { name: string; org: string };
  area: string;
  trends: TrendsResult | null;
  errors: readonly FieldError[];
}

const last = (xs: readonly number[]) => xs[xs.length - 1] ?? 0;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** `/sectors`: live vacancies per sector over the last year in an area, a sparkline each with its numbers and growth. */
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
            Live vacancies a day in {areaName}, {trends.from} to {trends.to}.
            {trends.history.from ? ` Our history starts ${trends.history.from}.` : ' No vacancy history yet.'}
          </p>
          {sectors.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Sector</th>
                  <th scope="col">Live vacancies, last year</th>
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
                    <td>
                      {s.title} <span class="muted small">({s.code})</span>
                    </td>
                    <td>
                      <Sparkline values={s.live} label={`${s.title}: live vacancies a day from ${trends.from} to ${trends.to}, now ${last(s.live)}`} />
                    </td>
                    <td class="num">{formatNumber(last(s.live))}</td>
                    <td class="num">{formatNumber(sum(s.new.slice(-91)))}</td>
                    <td>
                      <GrowthText g={s.growth} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>No vacancies recorded in this area for these dates.</p>
          )}
        </>
      ) : null}
    </Layout>
  );
};
