import type { FC } from 'hono/jsx';
import type { Vacancy } from '../vacancies/model.ts';
import { describeValue, formatDate } from './format.ts';
import { Layout } from './layout.tsx';
import { StatusMessages } from './status-messages.tsx';

export interface EmployerVacanciesPageProps {
  employer: { name: string };
  vacancies: readonly Vacancy[];
  total: number;
  notice?: string | null;
  /** Something that could not be done (a Close for a vacancy that is not theirs). */
  error?: string | null;
  /** The vacancy just posted or closed, marked in the list. */
  highlightId?: number | null;
}

const STATUS_WORDS: Record<string, string> = { live: 'Open', closed: 'Closed', expired: 'Past its closing date' };

/** The employer's own vacancies, newest change first, each open one with a Close button (a POST form). */
export const EmployerVacanciesPage: FC<EmployerVacanciesPageProps> = ({ employer, vacancies, total, notice, error, highlightId }) => (
  <Layout title="Your vacancies" coach={null} employer={employer} employerSection="vacancies" brandHref="/employer">
    <h1>Your vacancies</h1>
    <StatusMessages notice={notice} error={error} />
    <p>
      <a class="button" href="/employer/vacancies/new">
        Post a vacancy
      </a>
    </p>
    {vacancies.length ? (
      <table class="stack employer-vacancies">
        <caption class="muted small">
          {total === 1 ? '1 vacancy' : `${total} vacancies`}
          {total > vacancies.length ? `, the ${vacancies.length} most recently changed shown` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Job title</th>
            <th scope="col">Reference</th>
            <th scope="col">Status</th>
            <th scope="col">Posted</th>
            <th scope="col">Closing date</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {vacancies.map((v) => (
            <tr id={`v-${v.id}`} class={v.id === highlightId ? 'highlight' : undefined}>
              <td data-label="Job title">
                <strong>{v.titleOriginal || v.title}</strong>
                {v.location?.text ? <span class="muted small where">{v.location.text}</span> : null}
              </td>
              <td data-label="Reference" class="break">
                {v.sourceRef}
              </td>
              <td data-label="Status">
                <span class={v.status === 'live' ? 'tag open' : 'tag closed'}>{STATUS_WORDS[v.status] ?? describeValue(v.status)}</span>
              </td>
              <td data-label="Posted">{formatDate(v.datePosted ?? v.createdAt)}</td>
              <td data-label="Closing date">{formatDate(v.validThrough) ?? 'None given'}</td>
              <td>
                {v.status === 'live' ? (
                  <form method="post" action={`/employer/vacancies/${v.id}/close`} class="inline">
                    <button type="submit" class="secondary" aria-label={`Close ${v.titleOriginal || v.title} (${v.sourceRef})`}>
                      Close
                    </button>
                  </form>
                ) : v.closedAt != null ? (
                  <span class="muted small">Closed {formatDate(v.closedAt)}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p>You have no vacancies here yet. Post one and coaches will find it in their searches straight away.</p>
    )}
    <p class="muted small">A closed vacancy leaves coaches’ searches at once; it stays listed here.</p>
  </Layout>
);
