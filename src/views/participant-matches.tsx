import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { FieldError } from '../errors.ts';
import type { MatchesJson } from '../routes/participants/json.ts';
import { ErrorSummary, fieldErrorFor } from './form-errors.tsx';
import {
  describeValue,
  formatDate,
  formatKm,
  formatMoney,
  formatNumber,
  formatPercent,
  formatSalary,
  safeHref,
  SECTOR_OPTIONS,
  sectorTitle,
} from './format.ts';
import type { ParticipantJson } from './participant-form-data.ts';

/** The participant page's matches section: the filter form, one card per match with its explanation, paging. */
type Match = MatchesJson['items'][number];

/** The matches filter form's fields (a GET form on the participant page). */
export const MATCH_FIELDS = ['q', 'sector', 'radiusKm', 'wider', 'page'] as const;
export type MatchForm = Partial<Record<(typeof MATCH_FIELDS)[number], string>>;


function matchesHref(participantId: number, form: MatchForm, page: number): string {
  const params = new URLSearchParams();
  for (const k of MATCH_FIELDS) {
    const v = k === 'page' ? (page > 1 ? String(page) : '') : form[k];
    if (v) params.set(k, v);
  }
  const qs = params.toString();
  return `/participants/${participantId}${qs ? `?${qs}` : ''}#matches`;
}

const REQUIREMENT_WORDS: Record<string, string> = {
  met: 'has it',
  missing: 'missing',
  unverified: 'not recorded',
  offered: 'employer provides it',
};

/** Advert words are quoted as the advert's; a need that comes from the vacancy's occupation says so instead. */
const evidenceOf = (e: string) => (/^required by occupation\b/i.test(e) ? e : `advert: “${e}”`);

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
type Ranking = MatchesJson['applied']['ranking'];

function orderWords(m: Match, r: Ranking): string {
  const weights = r.tieBreakWeights;
  const c = m.components;
  const parts = [
    c.relevance != null ? `search words ${formatNumber(c.relevance, 2)} × ${formatNumber(weights.relevance, 2)}` : null,
    `distance ${formatNumber(c.distance, 2)} × ${formatNumber(weights.distance, 2)}`,
    `recency ${formatNumber(c.recency, 2)} × ${formatNumber(weights.recency, 2)}`,
  ].filter(Boolean);
  const conditions = c.conditions < 1 ? ` × conditions ${formatNumber(c.conditions, 2)}` : '';
  return (
    `Order ${formatNumber(m.rank, 3)} = fit ${formatNumber(c.match, 3)}${conditions} + ${formatNumber(r.fitMargin, 2)} × tie-break ${formatNumber(c.tieBreak, 2)} (${parts.join(' + ')}). ` +
    'Distance is 1 at their door and 0 at the edge of their travel range; recency halves every 14 days; ' +
    (c.relevance != null ? 'search words is how high the search ranked it; ' : '') +
    'conditions multiplies the fit by the factor of each preference the advert does not meet.'
  );
}

const PREFERENCE_NAMES: Record<string, string> = { hours: 'Hours', shifts: 'Shifts', salary: 'Pay', travel: 'Travel', remote: 'Remote work' };

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

const MatchCard: FC<{ m: Match; open: boolean; ranking: Ranking; participantId: number; shortlisted: boolean }> = ({
  m,
  open,
  ranking,
  participantId,
  shortlisted,
}) => {
  const v = m.vacancy;
  const href = safeHref(v.url) ?? safeHref(v.applyUrl);
  const place = v.location ? (v.location.town ?? v.location.text) : v.remote === 'remote' ? 'Remote' : null;
  const e = m.match.explanation;
  return (
    <li class="card">
      <h3>
        <span class="score" title="Fit: how much of what the vacancy needs they already have. The list is ordered by fit first">
          {m.match.coverage == null ? 'fit ?' : `${formatPercent(m.components.match)} fit`}
        </span>{' '}
        {href ? (
          <a href={href} rel="noopener noreferrer">
            {v.title}
          </a>
        ) : (
          v.title
        )}
      </h3>
      <p class="meta">
        {[v.employer, place, m.distanceKm != null ? `${formatKm(m.distanceKm)} away` : null, v.datePosted ? `posted ${formatDate(v.datePosted)}` : null]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {m.target ? (
        <p class="small">
          <strong>One of their goals: {m.target.title}</strong> (shown whatever the fit; what is missing below is the plan)
        </p>
      ) : null}
      <p class="meta small">
        List order {formatNumber(m.rank, 3)}: fit first, then {m.components.relevance != null ? 'search words, ' : ''}distance and recency
        among similar fits
        {v.remote === 'remote'
          ? ranking.remoteCountsAsNear
            ? ' · remote: counted as near (they accept remote work)'
            : ranking.remoteCountsAsNear === false
              ? ' · remote: not counted as near (they want on-site work)'
              : ' · remote: distance unknown (remote preference not recorded)'
          : ''}
      </p>
      <p class="meta">
        <strong>{formatSalary(v.salary)}</strong>
        {m.conditions.salary === 'below floor' ? <span class="gap"> · below their lowest pay</span> : null}
        {m.conditions.salary === 'meets floor' ? <span class="ok"> · meets their lowest pay</span> : null}
        {v.contract ? ` · ${describeValue(v.contract)}` : ''}
        {v.hoursPerWeek != null ? ` · ${formatNumber(v.hoursPerWeek, 1)} h/week` : ''}
      </p>
      {m.components.conditions < 1 ? (
        <p class="meta small gap">Not what they asked for: {m.preferences.checks.filter((c) => c.status === 'not met').map((c) => PREFERENCE_NAMES[c.preference]).join(', ')}</p>
      ) : null}
      {m.highlights.description ? <p class="snippet small">{raw(m.highlights.description)}</p> : null}
      {shortlisted ? (
        <p class="small">
          <span class="ok">✓</span> On the <a href={`/participants/${participantId}/shortlist`}>shortlist</a>
        </p>
      ) : (
        <form method="post" action={`/participants/${participantId}/shortlist`} class="shortlist-add">
          <input type="hidden" name="vacancyId" value={String(v.id)} />
          <button type="submit" class="secondary" aria-label={`Shortlist ${v.title}`}>
            Shortlist
          </button>
        </form>
      )}
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
            <p class="small">
              {orderWords(m, ranking)} A fit more than {formatNumber(ranking.fitMargin * 100, 0)} points higher is always listed first;{' '}
              {m.components.relevance != null ? 'distance, recency and the search words' : 'distance and recency'} only order vacancies of
              similar fit.
            </p>
            {'note' in e && e.note ? <p class="small muted">{e.note}</p> : null}
          </div>
        </div>
      </details>
    </li>
  );
};

export const Matches: FC<{
  p: ParticipantJson;
  matches: MatchesJson | null;
  form: MatchForm;
  errors: readonly FieldError[];
  /** Vacancy ids already on the participant's shortlist (their cards link to it instead of offering the button). */
  shortlisted: ReadonlySet<number>;
}> = ({ p, matches, form, errors, shortlisted }) => {
  const pages = matches ? Math.max(1, Math.ceil(matches.total / matches.pageSize)) : 1;
  const page = matches?.page ?? 1;
  const a = matches?.applied;
  return (
    <section aria-labelledby="matches">
      <h2 id="matches" tabindex={-1}>
        Top matches
      </h2>
      <form method="get" action={`/participants/${p.id}#matches`} aria-label="Filter matches">
        <ErrorSummary errors={errors} fieldIds={{ q: 'm-q', sector: 'm-sector', radiusKm: 'm-radiusKm' }} />
        <div class="grid">
          <div class={fieldErrorFor(errors, 'q') ? 'field invalid' : 'field'}>
            <label for="m-q">Words</label>
            <input type="search" id="m-q" name="q" value={form.q ?? ''} />
          </div>
          <div class="field">
            <label for="m-sector">Sector</label>
            <select id="m-sector" name="sector">
              <option value="">Any</option>
              {SECTOR_OPTIONS.map((s) => (
                <option value={s.code} selected={form.sector === s.code}>
                  {s.code} · {s.title}
                </option>
              ))}
            </select>
          </div>
          <div class={fieldErrorFor(errors, 'radiusKm') ? 'field invalid' : 'field'}>
            <label for="m-radiusKm">Within (km)</label>
            <input type="text" inputmode="decimal" id="m-radiusKm" name="radiusKm" value={form.radiusKm ?? ''} />
          </div>
          <div class="field">
            <label>
              <input type="checkbox" name="wider" value="true" checked={form.wider === 'true' || form.wider === 'on' || form.wider === '1'} /> Wider
              results (include weak fits)
            </label>
          </div>
          <div class="field">
            <button type="submit">Update matches</button>
          </div>
        </div>
      </form>
      {a ? (
        <p class="small muted">
          {a.near ? `Within ${formatKm(a.near.radiusKm)} of ${a.near.source === 'participant' ? 'where they live' : 'the place given'}` : 'Anywhere (no location)'}
          {a.salaryMin != null ? ` · paying at least ${formatMoney(a.salaryMin)} a year${a.salaryMinSource ? `: ${a.salaryMinSource}` : ''}` : ''}
          {a.q ? ` · words “${a.q}”` : ''}
          {a.sector?.length ? ` · ${a.sector.map(sectorTitle).join(', ')}` : ''}
          {` · candidates: ${a.candidatePool}`}
          {` · ordered by ${a.ranking.order}`}
        </p>
      ) : null}
      {matches && a?.ranking.fitFloor != null ? (
        <p class="small">
          {matches.belowFloor > 0 ? (
            <>
              {formatNumber(matches.belowFloor)} weaker {matches.belowFloor === 1 ? 'fit' : 'fits'} (below {formatPercent(a.ranking.fitFloor)}, or
              not judged) hidden: <a href={matchesHref(p.id, { ...form, wider: 'true' }, 1)}>show wider results</a>
            </>
          ) : a.ranking.wider ? (
            <>
              Wider results: weak fits (below {formatPercent(a.ranking.fitFloor)}) included.{' '}
              <a href={matchesHref(p.id, { ...form, wider: '' }, 1)}>Hide them</a>
            </>
          ) : null}
        </p>
      ) : null}
      {matches ? (
        matches.items.length ? (
          <ol class="results cards">
            {matches.items.map((m, i) => (
              <MatchCard m={m} open={i === 0} ranking={matches.applied.ranking} participantId={p.id} shortlisted={shortlisted.has(m.vacancy.id)} />
            ))}
          </ol>
        ) : (
          <p>No live vacancies match yet. Try a wider radius or fewer words.</p>
        )
      ) : null}
      {matches && pages > 1 ? (
        <nav class="pager" aria-label="Match pages">
          {page > 1 ? <a href={matchesHref(p.id, form, page - 1)}>← Previous</a> : null}
          <span>
            Page {page} of {pages} ({formatNumber(matches.total)} matches)
          </span>
          {page < pages ? <a href={matchesHref(p.id, form, page + 1)}>Next →</a> : null}
        </nav>
      ) : null}
    </section>
  );
};
