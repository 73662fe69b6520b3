import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import type { PivotResult } from '../pivots/pivots.ts';
import type { MatchesJson, TransitionsJson } from '../routes/participants/json.ts';
import { describeValue, formatKm, formatMoney, formatNumber, formatPercent, participantTitle } from './format.ts';
import { Layout } from './layout.tsx';
import { HOURS_WORDS, MUST_WORDS, SHIFT_WORDS } from './preference-words.ts';
import type { ParticipantForm, ParticipantJson } from './participant-form-data.ts';
import { ParticipantFormView } from './participant-form.tsx';
import type { FormSuggestions } from '../taxonomy/form-suggestions.ts';
import { Matches, type MatchForm } from './participant-matches.tsx';
import { Pivots } from './participant-pivots.tsx';
import { Targets } from './participant-targets.tsx';
import { Transitions } from './participant-transitions.tsx';

export interface ParticipantPageProps {
  coach: { name: string; org: string };
  participant: ParticipantJson;
  matches: MatchesJson | null;
  matchForm: MatchForm;
  matchErrors: readonly FieldError[];
  transitions: TransitionsJson;
  pivots: PivotResult;
  /** Vacancy ids on their shortlist. */
  shortlisted: ReadonlySet<number>;
  editForm: ParticipantForm;
  editErrors: readonly FieldError[];
  suggestions?: FormSuggestions;
  notice?: string | null;
}

/** The long page's sections, linked from the top so a coach jumps straight to the one they came for. */
const JUMPS: { href: string; label: string }[] = [
  { href: '#summary-heading', label: 'Profile' },
  { href: '#edit', label: 'Edit' },
  { href: '#shortlist-link', label: 'Shortlist' },
  { href: '#targets-heading', label: 'Aiming for' },
  { href: '#matches', label: 'Matches' },
  { href: '#pivots-heading', label: 'Pivots' },
  { href: '#transitions-heading', label: 'Transferable jobs' },
  { href: '#erase', label: 'Erase' },
];

const who = participantTitle;


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
      <dt>Hours pattern</dt>
      <dd>{p.hoursPattern ? HOURS_WORDS[p.hoursPattern] : '–'}</dd>
      <dt>Cannot work</dt>
      <dd>{p.avoidShifts.length ? p.avoidShifts.map((x) => SHIFT_WORDS[x]).join(', ') : '–'}</dd>
      <dt>Hard limits</dt>
      <dd>{p.must.length ? p.must.map((x) => MUST_WORDS[x]).join(', ') : 'none: preferences only order the matches'}</dd>
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
      <dt>Aiming for</dt>
      <dd>{p.targets.length ? p.targets.map((t) => t.occupation?.title ?? t.input).join(', ') : '–'}</dd>
    </dl>
    {p.profile ? (
      <details>
        <summary>
          Skills we derived ({formatNumber(p.profile.skillCount)}; strongest {p.profile.skills.length} shown)
        </summary>
        <table class="stack">
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
                <td data-label="Skill">{s.label ?? s.id}</td>
                <td class="num" data-label="Strength">{formatPercent(s.strength)}</td>
                <td class="small" data-label="Why">{s.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    ) : null}
  </section>
);
/** `/participants/:id`: profile, edit form, matches with explanations, transitions, pivots, erase. */
export interface EditParticipantPageProps {
  coach: { name: string; org: string };
  participant: ParticipantJson;
  form: ParticipantForm;
  errors: readonly FieldError[];
  suggestions: FormSuggestions;
}

/** `/participants/:id/edit`: the profile form alone (quick to reach and to reload with its errors). */
export const EditParticipantPage: FC<EditParticipantPageProps> = ({ coach, participant, form, errors, suggestions }) => (
  <Layout title={`Edit ${who(participant)}`} coach={coach} section="participants">
    <p class="small">
      <a href={`/participants/${participant.id}`}>← Back to {who(participant)}</a>
    </p>
    <h1>Edit {who(participant)}</h1>
    <ParticipantFormView action={`/participants/${participant.id}/edit`} values={form} errors={errors} submitLabel="Save changes" idPrefix="edit" suggestions={suggestions} />
  </Layout>
);

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
      <nav aria-label="On this page" class="jump">
        <ul>
          {JUMPS.map((j) => (
            <li>
              <a href={j.href}>{j.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <Summary p={p} />
      <details open={props.editErrors.length > 0} id="edit">
        <summary>Edit profile</summary>
        <p class="small">
          <a href={`/participants/${p.id}/edit`}>Open the form on its own page</a>
        </p>
        <ParticipantFormView
          action={`/participants/${p.id}/edit`}
          values={props.editForm}
          errors={props.editErrors}
          submitLabel="Save changes"
          idPrefix="edit"
          suggestions={props.suggestions}
        />
      </details>
      <p id="shortlist-link" tabindex={-1}>
        <a href={`/participants/${p.id}/shortlist`}>Shortlist ({props.shortlisted.size})</a>: stages, printable list, share link
      </p>
      <p>
        <a href={`/?participant=${p.id}`}>Search vacancies for {who(p)}</a>: near where they live to start with, any words and filters, each result with a Shortlist button
      </p>
      <Targets pv={props.pivots} participantId={p.id} />
      <Matches p={p} matches={props.matches} form={props.matchForm} errors={props.matchErrors} shortlisted={props.shortlisted} />
      <Pivots pv={props.pivots} />
      <Transitions t={props.transitions} />
      <h2 id="erase">Erase</h2>
      <p>
        <a class="button secondary" href={`/participants/${p.id}/erase`}>
          Erase this participant…
        </a>
      </p>
    </Layout>
  );
};
