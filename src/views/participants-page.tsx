import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import { formatDate, formatNumber, participantTitle } from './format.ts';
import { Layout } from './layout.tsx';
import type { ParticipantForm, ParticipantJson } from './participant-form-data.ts';
import { ParticipantFormView } from './participant-form.tsx';

export interface ParticipantsPageProps {
  coach: { name: string; org: string };
  list: { items: ParticipantJson[]; total: number; page: number; pageSize: number };
  form: ParticipantForm;
  errors: readonly FieldError[];
  notice?: string | null;
}

const who = participantTitle;

/** `/participants`: the organisation's caseload, newest change first, and the add form. */
export const ParticipantsPage: FC<ParticipantsPageProps> = ({ coach, list, form, errors, notice }) => {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <Layout title="Participants" coach={coach} section="participants">
      <h1>Participants</h1>
      <p class="lead">Everyone on {coach.org}’s caseload. Personal data: keep only what matching needs.</p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {list.items.length ? (
        <table>
          <caption class="muted small">
            {formatNumber(list.total)} {list.total === 1 ? 'participant' : 'participants'}
            {pages > 1 ? `, page ${list.page} of ${pages}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col">Reference</th>
              <th scope="col">Lives near</th>
              <th scope="col">Last job</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr>
                <td>
                  <a href={`/participants/${p.id}`}>{who(p)}</a>
                </td>
                <td>{p.reference ?? ''}</td>
                <td>{p.location?.text ?? ''}</td>
                <td>{p.history[0] ? (p.history[0].title ?? p.history[0].occupation?.title ?? '') : ''}</td>
                <td>{formatDate(p.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No participants yet. Add the first one below.</p>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label="Pages">
          {list.page > 1 ? (
            <a href={`/participants?page=${list.page - 1}`} rel="prev">
              ← Previous
            </a>
          ) : null}
          <span>
            Page {list.page} of {pages}
          </span>
          {list.page < pages ? (
            <a href={`/participants?page=${list.page + 1}`} rel="next">
              Next →
            </a>
          ) : null}
        </nav>
      ) : null}
      <h2 id="add">Add a participant</h2>
      <ParticipantFormView action="/participants" values={form} errors={errors} submitLabel="Add participant" idPrefix="new" />
    </Layout>
  );
};

export interface ErasePageProps {
  coach: { name: string; org: string };
  participant: ParticipantJson;
}

/** The confirmation step before erasing: a POST form, so a link alone can never erase anyone. */
export const ErasePage: FC<ErasePageProps> = ({ coach, participant }) => (
  <Layout title={`Erase ${who(participant)}`} coach={coach} section="participants">
    <h1>Erase {who(participant)}?</h1>
    <p>
      This deletes {who(participant)} and everything stored about them: their profile, work history, skills and licences. It
      cannot be undone. The audit log keeps only that participant {participant.id} was erased, by whom and when.
    </p>
    <form method="post" action={`/participants/${participant.id}/erase`} class="actions">
      <button type="submit" class="danger">
        Erase permanently
      </button>
      <a href={`/participants/${participant.id}`}>Cancel</a>
    </form>
  </Layout>
);
