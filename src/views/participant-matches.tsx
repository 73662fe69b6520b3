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
import { MatchExplanation, PREFERENCE_NAMES, type Match } from './match-explanation.tsx';
import type { ParticipantJson } from './participant-form-data.ts';
import { ShortlistButton } from './shortlist-button.tsx';
import { vacancyPath } from './vacancy-path.ts';

/** The participant page's matches section: the filter form, one card per match with its explanation, paging. */
type Ranking = MatchesJson['applied']['ranking'];

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

const MatchCard: FC<{ m: Match; open: boolean; ranking: Ranking; participantId: number; shortlisted: boolean }> = ({
  m,
  open,
  ranking,
  participantId,
  shortlisted,
}) => {
  const v = m.vacancy;
  const place = v.location ? (v.location.town ?? v.location.text) : v.remote === 'remote' ? 'Remote' : null;
  return (
    <li class="card">
      <h3>
        <span class="score" title="Fit: how much of what the vacancy needs they already have. The list is ordered by fit first">
          {m.match.coverage == null ? 'fit ?' : `${formatPercent(m.components.match)} fit`}
        </span>{' '}
        {/* Their own page, with the whole advert, every source's apply link and this same explanation. */}
        <a href={vacancyPath(v.id, participantId)}>{v.title}</a>
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
      {m.stepUp.steps.length ? (
        <p class="meta small gap" data-step-up>A step up for them: {m.stepUp.steps.map((s) => s.words).join('; ')}</p>
      ) : null}
      {m.highlights.description ? <p class="snippet small">{raw(m.highlights.description)}</p> : null}
      <ShortlistButton participantId={participantId} vacancyId={v.id} title={v.title} shortlisted={shortlisted} />
      <MatchExplanation m={m} open={open} ranking={ranking} />
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
