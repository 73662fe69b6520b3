import type { FC } from 'hono/jsx';
import type { GrowthSignal } from '../pivots/growth.ts';
import { formatNumber, formatPercent } from './format.ts';

/** A growth signal in words and numbers (the participant page's pivots and the sectors page). */
/** Small averages keep two decimals so 0.04 does not read as 0. */
const formatAverage = (x: number) => formatNumber(x, x < 1 ? 2 : 1);

/** "growing +14% (avg 32 live a day vs 28, own history)" in words and numbers. */
export const GrowthText: FC<{ g: GrowthSignal | null }> = ({ g }) => {
  if (!g || g.label === 'unknown') {
    return <span class="tag">growth unknown</span>;
  }
  const basis =
    g.source === 'own history' && g.recent && g.previous
      ? `avg ${formatAverage(g.recent.avgLive)} live a day in the last 13 weeks vs ${formatAverage(g.previous.avgLive)} before`
      : g.official
        ? `ONS ${g.official.latest.period}: ${formatNumber(g.official.latest.thousands, 0)}k vacancies`
        : g.source;
  return (
    <span>
      <span class={`tag ${g.label}`}>
        {g.label} {formatPercent(g.change, true)}
      </span>{' '}
      <span class="small muted">
        ({basis}
        {g.yearOnYear ? `; ${formatPercent(g.yearOnYear.change, true)} on a year ago` : ''})
      </span>
    </span>
  );
};
