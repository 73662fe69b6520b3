import type { FC } from 'hono/jsx';
import { PIVOT_WORDS } from '../outcomes/outcomes-csv.ts';
import type { OrganisationOutcomes } from '../outcomes/outcomes.ts';
import { formatNumber, formatPercent } from './format.ts';
import { Layout } from './layout.tsx';
import { LineChart } from './line-chart.tsx';
import { monthPoint } from './monthly-points.ts';

export interface OutcomesPageProps {
  coach: { name: string; org: string };
  outcomes: OrganisationOutcomes;
}

const shareOf = (n: number, total: number) => (total ? formatPercent(n / total) : '–');

/** A breakdown of the starts as a table that stacks on phones. */
const StartsTable: FC<{ caption: string; heading: string; rows: readonly { key: string; title: string; starts: number }[]; total: number }> = ({ caption, heading, rows, total }) => (
  <table class="stack">
    <caption class="visually-hidden">{caption}</caption>
    <thead>
      <tr>
        <th scope="col">{heading}</th>
        <th scope="col" class="num">
          Starts
        </th>
        <th scope="col" class="num">
          Share of starts
        </th>
      </tr>
    </thead>
    <tbody>
      {rows.map((r) => (
        <tr>
          <td data-label={heading}>{r.title}</td>
          <td class="num" data-label="Starts">
            {formatNumber(r.starts)}
          </td>
          <td class="num" data-label="Share of starts">
            {shareOf(r.starts, total)}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/**
 * `/outcomes`: the organisation's job starts (shortlisted vacancies moved to
 * Started): per month as a chart with its table, by sector, by destination
 * occupation, and how many were a move into another sector.
 */
export const OutcomesPage: FC<OutcomesPageProps> = ({ coach, outcomes: o }) => {
  const known = o.pivots.pivot + o.pivots.sameSector;
  return (
    <Layout title="Outcomes" coach={coach} section="outcomes">
      <h1>Outcomes for {o.org}</h1>
      <p class="lead">
        Job starts of the organisation’s participants: shortlisted vacancies a coach has moved to Started. {formatNumber(o.total)}{' '}
        {o.total === 1 ? 'start' : 'starts'} so far.
      </p>
      <p>
        <a href="/outcomes.csv" download>
          Download these tables (CSV)
        </a>
      </p>
      {o.total ? (
        <>
          <h2>Starts per month</h2>
          <LineChart
            id="starts-chart"
            title={`Job starts per month, ${o.org}`}
            points={o.months.map((m) => monthPoint(m.month, m.starts))}
            xLabel="Month"
            yLabel="Starts"
            unit="starts"
          />
          <h2>Sector pivots</h2>
          <p data-pivot-share>
            {known
              ? `${formatNumber(o.pivots.pivot)} of ${formatNumber(known)} starts (${formatPercent(o.pivots.share)}) were a sector pivot: into a different sector from the participant’s last job.`
              : 'No start yet where both the sector of the participant’s last job and the vacancy’s sector are known.'}
            {o.pivots.unknown ? ` ${formatNumber(o.pivots.unknown)} more ${o.pivots.unknown === 1 ? 'start is' : 'starts are'} left out: ${PIVOT_WORDS.unknown.toLowerCase()}.` : ''}
          </p>
          <h2>Starts by sector</h2>
          <StartsTable caption="Starts by the vacancy’s sector" heading="Sector" rows={o.bySector.map((s) => ({ key: s.code ?? '', title: s.title, starts: s.starts }))} total={o.total} />
          <h2>Starts by destination occupation</h2>
          <StartsTable caption="Starts by the vacancy’s occupation" heading="Occupation" rows={o.byOccupation.map((s) => ({ key: s.id ?? '', title: s.title, starts: s.starts }))} total={o.total} />
        </>
      ) : (
        <p>No job starts yet. When a coach moves a shortlisted vacancy to Started, it is counted here.</p>
      )}
    </Layout>
  );
};
