import type { FC } from 'hono/jsx';
import type { PivotResult, PivotSuggestion } from '../pivots/pivots.ts';
import { formatKm, formatMoney, formatNumber, formatPercent, sectorTitle } from './format.ts';
import { GrowthText } from './growth-text.tsx';
import { LineChart } from './line-chart.tsx';
import { monthlyAverages } from './monthly-points.ts';
import { dayOf } from '../pivots/demand-history.ts';
import { MATCH_FIELDS } from './participant-matches.tsx';
import { GUARD_THRESHOLDS } from '../matching/transition-guards.ts';

/** The participant page's pivots section: destinations grouped by sector, each with its factors, gaps and courses. */
/** The participant page's own address for a pivot's "local vacancies" link (the API link's query, shown here). */
export function localVacanciesHref(participantId: number, apiLink: string): string {
  const params = new URL(apiLink, 'http://x').searchParams;
  const keep = new URLSearchParams();
  for (const k of MATCH_FIELDS) {
    const v = params.get(k);
    if (v) keep.set(k, v);
  }
  const qs = keep.toString();
  return `/participants/${participantId}${qs ? `?${qs}` : ''}#matches`;
}

export const PivotItem: FC<{ s: PivotSuggestion; participantId: number }> = ({ s, participantId }) => (
  <li class="pivot">
    <h4>
      {s.occupation.title} <span class="score">{s.score.toFixed(2)}</span>
    </h4>
    <p class="small" data-score-explained>
      Score {s.score.toFixed(2)} = skill overlap {formatNumber(s.factors.transferability, 2)} × growth {formatNumber(s.factors.growth, 2)} × local
      demand {formatNumber(s.factors.localDemand, 2)} × pay {formatNumber(s.factors.pay, 2)}.
    </p>
    <p class="small">
      Skill overlap {formatPercent(s.factors.transferability)} · growth × {formatNumber(s.factors.growth, 2)} ·{' '}
      {s.vacancies.none ? (
        <strong class="gap">
          no live vacancies{s.vacancies.radiusKm != null ? ` within ${formatKm(s.vacancies.radiusKm)}` : ''} yet
        </strong>
      ) : (
        `${formatNumber(s.vacancies.live)} live ${s.vacancies.live === 1 ? 'vacancy' : 'vacancies'}${s.vacancies.radiusKm != null ? ` within ${formatKm(s.vacancies.radiusKm)}` : ''}`
      )}
      {s.pay.typicalAnnual != null ? ` · typical pay ${formatMoney(s.pay.typicalAnnual)}` : ''}
      {s.pay.ratio != null ? ` (${formatPercent(s.pay.ratio)} of theirs)` : ''}
    </p>
    {s.transferability.guards.reasons.length ? (
      // Only a target (what they want to do) is shown past a guard: say what makes it a big step.
      <p class="small">
        <span class="gap">A big step:</span> {s.transferability.guards.reasons.join('; ')}.
      </p>
    ) : null}
    {s.gaps.length ? (
      <p class="small">
        <span class="gap">To learn:</span> {s.gaps.map((g) => g.label).join(', ')}
        {s.missingEssential > s.gaps.length ? ` and ${s.missingEssential - s.gaps.length} more` : ''}
      </p>
    ) : (
      <p class="small ok">No essential skills missing.</p>
    )}
    {s.courses.length ? (
      <ul class="small">
        {s.courses.map((c) => (
          <li>
            <strong>{c.title}</strong> – {c.duration}
            {c.typicalCostGbp == null ? '' : c.typicalCostGbp === 0 ? ', usually free' : `, about ${formatMoney(c.typicalCostGbp)}`} ({c.provider}); covers{' '}
            {c.covers.map((x) => x.label).join(', ')}
          </li>
        ))}
      </ul>
    ) : null}
    <p class="small">
      <a href={localVacanciesHref(participantId, s.vacancies.link)}>See local {s.occupation.title.toLowerCase()} vacancies</a>
    </p>
  </li>
);

const SectorGroup: FC<{ g: PivotResult['groups'][number]; participantId: number; areaName: string | null }> = ({ g, participantId, areaName }) => (
  <div class="sector">
    <h3>
      <span>{g.sectorTitle ?? sectorTitle(g.sector)}</span> <GrowthText g={g.growth} />
    </h3>
    {g.trend && g.sector ? (
      <LineChart
        id={`pivot-chart-${g.sector}`}
        title={`${g.sectorTitle ?? sectorTitle(g.sector)}: live vacancies a day${areaName ? ` in ${areaName}` : ''}`}
        points={monthlyAverages(dayOf(Date.parse(`${g.trend.from}T00:00:00Z`)), g.trend.live)}
        xLabel="Month"
        yLabel="Live a day (average)"
        unit="live vacancies a day"
        digits={1}
        table="details"
      />
    ) : null}
    <ul class="cards">
      {g.items.map((s) => (
        <PivotItem s={s} participantId={participantId} />
      ))}
    </ul>
  </div>
);

/**
 * Sectors growing (or gaining share) in their area come under "Growing sectors"; the others
 * (stable, shrinking or growth unknown) under a heading that says so, so
 * the page never calls a sector growing when it is not.
 */
export const Pivots: FC<{ pv: PivotResult }> = ({ pv }) => {
  const isGrowing = (g: PivotResult['groups'][number]) => g.growth?.label === 'growing' || g.growth?.share?.label === 'gaining share';
  const growing = pv.groups.filter(isGrowing);
  const others = pv.groups.filter((g) => !isGrowing(g));
  return (
  <section aria-labelledby="pivots-heading">
    <h2 id="pivots-heading">Pivot suggestions</h2>
    <p class="small muted">
      Occupations they could move into, ranked by score = skill overlap × growth × local demand × pay (those with no live
      vacancy within their travel range last). Skill overlap: the share of what the occupation needs that their skills already
      cover (0–1, rare skills weigh more). Growth: how fast vacancies in its sector and for the occupation grew over the last 13
      weeks (1 = flat, 0.5–2). Local demand: live vacancies within their travel range, saturating (0 vacancies 0.09, 10
      vacancies 0.52, 100 vacancies 0.91). Pay: the square root of its typical pay over theirs (0.89–1.22; 1 when unknown). Only
      occupations within one skill level and with typical pay between {formatPercent(GUARD_THRESHOLDS.minPayRatio)} and{' '}
      {formatPercent(GUARD_THRESHOLDS.maxPayRatio)} of theirs are suggested. Growth in {pv.area.type === 'all' ? 'all areas' : pv.area.name}
      {pv.history.fromDay ? ` (our vacancy history ${pv.history.fromDay} to ${pv.history.toDay})` : ''}.
    </p>
    {pv.note ? <p>{pv.note}</p> : null}
    {growing.length ? <p class="pivot-heading"><strong>Growing sectors (or gaining share)</strong></p> : null}
    {growing.map((g) => (
      <SectorGroup g={g} participantId={pv.participant.id} areaName={pv.area.type === 'all' ? 'all areas' : pv.area.name} />
    ))}
    {others.length ? <p class="pivot-heading"><strong>Other sectors: stable, shrinking or growth not known</strong></p> : null}
    {others.map((g) => (
      <SectorGroup g={g} participantId={pv.participant.id} areaName={pv.area.type === 'all' ? 'all areas' : pv.area.name} />
    ))}
    {!pv.note && !pv.groups.length ? <p>No occupation passes the guards yet.</p> : null}
    {pv.excluded.unreachable ? <p class="small muted">{pv.excluded.note}.</p> : null}
  </section>
  );
};
