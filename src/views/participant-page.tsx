import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import type { PivotResult } from '../pivots/pivots.ts';
import type { MatchesJson, TransitionsJson } from '../routes/participants/json.ts';
import { describeValue, formatKm, formatMoney, formatNumber, formatPercent, participantTitle } from './format.ts';
import { Layout } from './layout.tsx';
import type { ParticipantForm, ParticipantJson } from './participant-form-data.ts';
import { ParticipantFormView } from './participant-form.tsx';
import { Matches, type MatchForm } from './participant-matches.tsx';
import { Pivots } from './participant-pivots.tsx';
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
  notice?: string | null;
}

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
      <p>
        <a href={`/participants/${p.id}/shortlist`}>Shortlist ({props.shortlisted.size})</a>: stages, printable list, share link
      </p>
      <Matches p={p} matches={props.matches} form={props.matchForm} errors={props.matchErrors} shortlisted={props.shortlisted} />
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
