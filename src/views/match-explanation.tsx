import type { FC } from 'hono/jsx';
import type { MatchesJson } from '../routes/participants/json.ts';
import { isOccupationEvidence } from '../matching/vacancy-needs.ts';
import { describeValue, formatNumber, formatPercent } from './format.ts';

/**
 * Why a vacancy fits a participant, in words: skills they have (with the
 * advert's words and why we think they have them), skills missing,
 * requirements, their preferences and the score. One component for the
 * match cards and the vacancy page, so both explain a fit the same way.
 */
export type Match = MatchesJson['items'][number];

const REQUIREMENT_WORDS: Record<string, string> = {
  met: 'has it',
  missing: 'missing',
  unverified: 'not recorded',
  offered: 'employer provides it',
};

/** Advert words are quoted as the advert's; a need that comes from the vacancy's occupation says so instead. */
const evidenceOf = (e: string) => (isOccupationEvidence(e) ? e : `advert: “${e}”`);

/** Matched skills listed before the rest fold away (the explanation lists them most important first). */
const MATCHED_SHOWN = 6;

/**
 * A need met by the skill itself is ✓ (held: the same profile that pivots
 * read, so it is never "to learn" there). One met only by a related skill of
 * the same group is ≈: not held, partial credit for the related one.
 */
const MatchedSkillItem: FC<{ s: Match['match']['explanation']['matched'][number] }> = ({ s }) =>
  s.via === 'group' ? (
    <li>
      <span class="muted" title="Not held: partial credit for a related skill">≈</span> {s.label}{' '}
      <span class="muted">(not held; related: {s.held.label})</span>
      <br />
      <span class="small muted">
        {evidenceOf(s.evidence)} · related skill: {s.held.why}
      </span>
    </li>
  ) : (
    <li>
      <span class="ok">✓</span> <strong>{s.label}</strong>
      <br />
      <span class="small muted">
        {evidenceOf(s.evidence)} · they have it: {s.held.why}
      </span>
    </li>
  );

/** The ranking's parts in words: why this vacancy sits where it does in the list. */
/** What the explanation needs of the list's ranking (the vacancy page has no list, only the same weights). */
export type Ranking = Pick<MatchesJson['applied']['ranking'], 'fitMargin' | 'tieBreakWeights'>;

function orderWords(m: Match, r: Ranking): string {
  const weights = r.tieBreakWeights;
  const c = m.components;
  const parts = [
    c.relevance != null ? `search words ${formatNumber(c.relevance, 2)} × ${formatNumber(weights.relevance, 2)}` : null,
    `distance ${formatNumber(c.distance, 2)} × ${formatNumber(weights.distance, 2)}`,
    `recency ${formatNumber(c.recency, 2)} × ${formatNumber(weights.recency, 2)}`,
  ].filter(Boolean);
  const conditions = c.conditions < 1 ? ` × conditions ${formatNumber(c.conditions, 2)}` : '';
  const reach = c.reach < 1 ? ` × reach ${formatNumber(c.reach, 2)}` : '';
  return (
    `Order ${formatNumber(m.rank, 3)} = fit ${formatNumber(c.match, 3)}${conditions}${reach} + ${formatNumber(r.fitMargin, 2)} × tie-break ${formatNumber(c.tieBreak, 2)} (${parts.join(' + ')}). ` +
    'Distance is 1 at their door and 0 at the edge of their travel range; recency halves every 14 days; ' +
    (c.relevance != null ? 'search words is how high the search ranked it; ' : '') +
    'conditions multiplies the fit by the factor of each preference the advert does not meet' +
    (c.reach < 1 ? `; reach by the factor of each step up it asks (${m.stepUp.steps.map((s) => s.words).join('; ')}).` : '.')
  );
}

export const PREFERENCE_NAMES: Record<string, string> = { hours: 'Hours', shifts: 'Shifts', salary: 'Pay', travel: 'Travel', remote: 'Remote work' };

/** Their preferences against the advert's terms: each met, not met (and what that does to the order) or not known. */
const PreferenceList: FC<{ m: Match }> = ({ m }) =>
  m.preferences.checks.length ? (
    <ul class="small" data-preferences>
      {m.preferences.checks.map((c) => (
        <li>
          <span class={c.status === 'not met' ? 'gap' : c.status === 'met' ? 'ok' : ''}>
            {PREFERENCE_NAMES[c.preference] ?? c.preference}: {c.status}
            {c.status === 'not met' ? ` (fit × ${formatNumber(c.factor, 2)})` : ''}
            {c.must ? ' · a must' : ''}
          </span>{' '}
          <span class="muted">{c.words}</span>
        </li>
      ))}
    </ul>
  ) : null;

export const MatchExplanation: FC<{
  m: Match;
  open: boolean;
  ranking: Ranking;
  /** In the matches list the explanation also says why the card sits where it does; alone on a vacancy page there is no list. */
  inList?: boolean;
}> = ({ m, open, ranking, inList = true }) => {
  const e = m.match.explanation;
  return (
    <details open={open}>
      <summary>
        Why this fits: {e.matched.length} skills matched, {e.gap.missingSkills} missing
        {e.gap.missingRequirements.length ? `, lacks ${e.gap.missingRequirements.join(', ')}` : ''}
      </summary>
      <div class="why">
        <div>
          <h4>Skills they have</h4>
          {e.matched.length ? (
            <ul>
              {e.matched.slice(0, MATCHED_SHOWN).map((s) => (
                <MatchedSkillItem s={s} />
              ))}
            </ul>
          ) : (
            <p class="small">None we could recognise.</p>
          )}
          {e.matched.length > MATCHED_SHOWN ? (
            <details>
              <summary class="small">{e.matched.length - MATCHED_SHOWN} more matched skills</summary>
              <ul>
                {e.matched.slice(MATCHED_SHOWN).map((s) => (
                  <MatchedSkillItem s={s} />
                ))}
              </ul>
            </details>
          ) : null}
        </div>
        <div>
          <h4>Skills missing</h4>
          {e.missing.length ? (
            <ul>
              {e.missing.map((s) => (
                <li>
                  <span class="gap">✗</span> {s.label}
                  {s.required ? <strong class="gap"> (required)</strong> : null}
                  <br />
                  <span class="small muted">{evidenceOf(s.evidence)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="small">None.</p>
          )}
          {e.gap.missingSkills > e.missing.length ? (
            <p class="small muted">and {e.gap.missingSkills - e.missing.length} more</p>
          ) : null}
        </div>
        <div>
          <h4>Requirements</h4>
          {e.requirements.length ? (
            <ul>
              {e.requirements.map((r) => (
                <li>
                  <span class={r.status === 'missing' ? 'gap' : r.status === 'met' ? 'ok' : ''}>
                    {r.needs ?? describeValue(r.kind)}: {REQUIREMENT_WORDS[r.status] ?? r.status}
                  </span>
                  <br />
                  <span class="small muted">{evidenceOf(r.evidence)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="small">None stated.</p>
          )}
        </div>
        <div>
          <h4>Their preferences</h4>
          {m.preferences.checks.length ? <PreferenceList m={m} /> : <p class="small">None recorded.</p>}
          <h4>Score</h4>
          <p class="small">
            Fit {formatPercent(m.match.score)}: covers {formatPercent(m.match.coverage)} of the vacancy’s needs (gap{' '}
            {formatPercent(e.gap.missingShare)})
            {m.match.evidence < 1 ? `, held down to ${formatPercent(m.match.evidence)} for little evidence` : ''}
            {m.match.requirementFactor < 1 ? `, × ${formatNumber(m.match.requirementFactor, 2)} for missing requirements` : ''}.
          </p>
          {inList ? (
            <p class="small">
              {orderWords(m, ranking)} A fit more than {formatNumber(ranking.fitMargin * 100, 0)} points higher is always listed first;{' '}
              {m.components.relevance != null ? 'distance, recency and the search words' : 'distance and recency'} only order vacancies of
              similar fit.
            </p>
          ) : null}
          {'note' in e && e.note ? <p class="small muted">{e.note}</p> : null}
        </div>
      </div>
    </details>
  );
};
