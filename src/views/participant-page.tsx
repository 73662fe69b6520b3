import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { FieldError } from '../errors.ts';
import type { GrowthSignal } from '../pivots/growth.ts';
import type { PivotResult, PivotSuggestion } from '../pivots/pivots.ts';
import type { MatchesJson, TransitionsJson } from '../routes/participants/json.ts';
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
import { Layout } from './layout.tsx';
import type { ParticipantForm, ParticipantJson } from './participant-form-data.ts';
import { ParticipantFormView } from './participant-form.tsx';

type Match = MatchesJson['items'][number];

/** The matches filter form's fields (a GET form on the participant page). */
export const MATCH_FIELDS = ['q', 'sector', 'radiusKm', 'page'] as const;
export type MatchForm = Partial<Record<(typeof MATCH_FIELDS)[number], string>>;

export interface ParticipantPageProps {
  coach: { name: string; org: string };
  participant: ParticipantJson;
  matches: MatchesJson | null;
  matchForm: MatchForm;
  matchErrors: readonly FieldError[];
  transitions: TransitionsJson;
  pivots: PivotResult;
  editForm: ParticipantForm;
  editErrors: readonly FieldError[];
  notice?: string | null;
}

const who = (p: ParticipantJson) => p.name ?? p.reference ?? `Participant ${p.id}`;

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

function matchesHref(participantId: number, form: MatchForm, page: number): string {
  const params = new URLSearchParams();
  for (const k of MATCH_FIELDS) {
    const v = k === 'page' ? (page > 1 ? String(page) : '') : form[k];
    if (v) params.set(k, v);
  }
  const qs = params.toString();
  return `/participants/${participantId}${qs ? `?${qs}` : ''}#matches`;
}

const Summary: FC<{ p: ParticipantJson }> = ({ p }) => (
  <section aria-labelledby="summary-heading">
    <h2 id="summary-heading">Profile</h2>
    <dl class="summary">
      <dt>Reference</dt>
      <dd>{p.reference ?? '–'}</dd>
      <dt>Lives near</dt>
      <dd>
        {p.location ? p.location.text : '–'}
        {p.location && !p.location.resolved ? <span class="gap"> (we could not place this: distances are not used)</span> : null}
      </dd>
      <dt>Travel</dt>
      <dd>{p.maxTravelKm != null ? `up to ${formatKm(p.maxTravelKm)}` : 'not said (30 km assumed)'}</dd>
      <dt>Hours wanted</dt>
      <dd>{p.hoursPerWeek != null ? `${formatNumber(p.hoursPerWeek, 1)} a week` : '–'}</dd>
      <dt>Lowest pay</dt>
      <dd>{p.salaryFloor != null ? `${formatMoney(p.salaryFloor)} a year` : '–'}</dd>
      <dt>Remote working</dt>
      <dd>{p.remote ? describeValue(p.remote) : '–'}</dd>
      <dt>Work history</dt>
      <dd>
        {p.history.length ? (
          <ul>
            {p.history.map((h) => (
              <li>
                {h.title ?? h.occupation?.title ?? h.occupation?.id}, {formatNumber(h.years, 1)} yrs
                {h.occupation ? (
                  <span class="muted small">
                    {' '}
                    → {h.occupation.title ?? h.occupation.id}
                    {h.resolvedBy && h.resolvedBy !== 'given' && h.confidence != null ? ` (${formatPercent(h.confidence)} sure)` : ''}
                  </span>
                ) : (
                  <span class="gap small"> (no matching occupation found)</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          '–'
        )}
      </dd>
      <dt>Licences</dt>
      <dd>{p.licences.length ? p.licences.map((l) => l.label ?? l.code).join(', ') : '–'}</dd>
      <dt>Qualifications</dt>
      <dd>{p.qualifications.length ? p.qualifications.join(', ') : '–'}</dd>
    </dl>
    {p.profile ? (
      <details>
        <summary>
          Skills we derived ({formatNumber(p.profile.skillCount)}; strongest {p.profile.skills.length} shown)
        </summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Skill</th>
              <th scope="col" class="num">
                Strength
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {p.profile.skills.map((s) => (
              <tr>
                <td>{s.label ?? s.id}</td>
                <td class="num">{formatPercent(s.strength)}</td>
                <td class="small">{s.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    ) : null}
  </section>
);

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

const MatchedSkillItem: FC<{ s: Match['match']['explanation']['matched'][number] }> = ({ s }) => (
  <li>
    <span class="ok">✓</span> <strong>{s.label}</strong>
    {s.via === 'group' ? <span class="muted"> (related: {s.held.label})</span> : null}
    <br />
    <span class="small muted">
      {evidenceOf(s.evidence)} · they have it: {s.held.why}
    </span>
  </li>
);

const MatchCard: FC<{ m: Match; open: boolean }> = ({ m, open }) => {
  const v = m.vacancy;
  const href = safeHref(v.url) ?? safeHref(v.applyUrl);
  const place = v.location ? (v.location.town ?? v.location.text) : v.remote === 'remote' ? 'Remote' : null;
  const e = m.match.explanation;
  return (
    <li class="card">
      <h3>
        <span class="score" title="How much of what the vacancy needs they already have">
          {formatPercent(m.match.score)}
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
      <p class="meta">
        <strong>{formatSalary(v.salary)}</strong>
        {m.conditions.salary === 'below floor' ? <span class="gap"> · below their lowest pay</span> : null}
        {m.conditions.salary === 'meets floor' ? <span class="ok"> · meets their lowest pay</span> : null}
        {v.contract ? ` · ${describeValue(v.contract)}` : ''}
        {v.hoursPerWeek != null ? ` · ${formatNumber(v.hoursPerWeek, 1)} h/week` : ''}
      </p>
      {m.highlights.description ? <p class="snippet small">{raw(m.highlights.description)}</p> : null}
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
            <h4>Score</h4>
            <p class="small">
              Fit {formatPercent(m.match.score)}: covers {formatPercent(m.match.coverage)} of the vacancy’s needs (gap{' '}
              {formatPercent(e.gap.missingShare)})
              {m.match.evidence < 1 ? `, held down to ${formatPercent(m.match.evidence)} for little evidence` : ''}
              {m.match.requirementFactor < 1 ? `, × ${formatNumber(m.match.requirementFactor, 2)} for missing requirements` : ''}. Ranked on
              fit, distance and recency{m.components.relevance != null ? ' and the search words' : ''}.
            </p>
            {'note' in e && e.note ? <p class="small muted">{e.note}</p> : null}
          </div>
        </div>
      </details>
    </li>
  );
};

const Matches: FC<{ p: ParticipantJson; matches: MatchesJson | null; form: MatchForm; errors: readonly FieldError[] }> = ({
  p,
  matches,
  form,
  errors,
}) => {
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
        </p>
      ) : null}
      {matches ? (
        matches.items.length ? (
          <ol class="results cards">
            {matches.items.map((m, i) => (
              <MatchCard m={m} open={i === 0} />
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

const Transitions: FC<{ t: TransitionsJson }> = ({ t }) => (
  <section aria-labelledby="transitions-heading">
    <h2 id="transitions-heading">Jobs their skills transfer to</h2>
    {t.items.length ? (
      <table>
        <thead>
          <tr>
            <th scope="col">Occupation</th>
            <th scope="col" class="num">
              Skill overlap
            </th>
            <th scope="col">Missing essential skills</th>
            <th scope="col" class="num">
              Typical pay
            </th>
          </tr>
        </thead>
        <tbody>
          {t.items.map((x) => (
            <tr>
              <td>
                {x.occupation.title}
                <span class="muted small"> ({x.occupation.code})</span>
              </td>
              <td class="num">{formatPercent(x.similarity)}</td>
              <td class="small">
                {x.gaps.length ? x.gaps.map((g) => g.label).join(', ') : <span class="ok">none</span>}
                {x.missingEssential > x.gaps.length ? ` and ${x.missingEssential - x.gaps.length} more` : ''}
              </td>
              <td class="num">{x.occupation.typicalPayAnnual != null ? formatMoney(x.occupation.typicalPayAnnual) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p>{t.note ?? 'No occupations pass the guards (enough skill overlap, at most one skill level up, pay near their floor).'}</p>
    )}
  </section>
);

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

const PivotItem: FC<{ s: PivotSuggestion; participantId: number }> = ({ s, participantId }) => (
  <li class="pivot">
    <h4>
      {s.occupation.title} <span class="score">{s.score.toFixed(2)}</span>
    </h4>
    <p class="small">
      Skill overlap {formatPercent(s.factors.transferability)} · growth × {formatNumber(s.factors.growth, 2)} ·{' '}
      {formatNumber(s.vacancies.live)} live {s.vacancies.live === 1 ? 'vacancy' : 'vacancies'}
      {s.vacancies.radiusKm != null ? ` within ${formatKm(s.vacancies.radiusKm)}` : ''}
      {s.pay.typicalAnnual != null ? ` · typical pay ${formatMoney(s.pay.typicalAnnual)}` : ''}
      {s.pay.ratio != null ? ` (${formatPercent(s.pay.ratio)} of theirs)` : ''}
    </p>
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

const Pivots: FC<{ pv: PivotResult }> = ({ pv }) => (
  <section aria-labelledby="pivots-heading">
    <h2 id="pivots-heading">Pivot suggestions</h2>
    <p class="small muted">
      Growing sectors they could move into, ranked by skill overlap × growth × local demand × pay. Growth in{' '}
      {pv.area.type === 'all' ? 'all areas' : pv.area.name}
      {pv.history.fromDay ? ` (our vacancy history ${pv.history.fromDay} to ${pv.history.toDay})` : ''}.
    </p>
    {pv.note ? <p>{pv.note}</p> : null}
    {pv.groups.map((g) => (
      <div class="sector">
        <h3>
          <span>{g.sectorTitle ?? sectorTitle(g.sector)}</span> <GrowthText g={g.growth} />
        </h3>
        <ul class="cards">
          {g.items.map((s) => (
            <PivotItem s={s} participantId={pv.participant.id} />
          ))}
        </ul>
      </div>
    ))}
    {!pv.note && !pv.groups.length ? <p>No occupation passes the guards yet.</p> : null}
    {pv.excluded.unreachable ? <p class="small muted">{pv.excluded.note}.</p> : null}
  </section>
);

/** `/participants/:id`: profile, edit form, matches with explanations, transitions, pivots, erase. */
export const ParticipantPage: FC<ParticipantPageProps> = (props) => {
  const p = props.participant;
  return (
    <Layout title={who(p)} coach={props.coach} section="participants">
      <p class="small">
        <a href="/participants">← All participants</a>
      </p>
      <h1>{who(p)}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <Summary p={p} />
      <details open={props.editErrors.length > 0} id="edit">
        <summary>Edit profile</summary>
        <ParticipantFormView action={`/participants/${p.id}`} values={props.editForm} errors={props.editErrors} submitLabel="Save changes" idPrefix="edit" />
      </details>
      <Matches p={p} matches={props.matches} form={props.matchForm} errors={props.matchErrors} />
      <Pivots pv={props.pivots} />
      <Transitions t={props.transitions} />
      <h2>Erase</h2>
      <p>
        <a class="button secondary" href={`/participants/${p.id}/erase`}>
          Erase this participant…
        </a>
      </p>
    </Layout>
  );
};
