import type { FC } from 'hono/jsx';
import type { FieldError } from '../errors.ts';
import { formatDate, formatNumber, participantTitle } from './format.ts';
import { Layout } from './layout.tsx';
import type { ParticipantForm, ParticipantJson } from './participant-form-data.ts';
import { ErrorSummary } from './form-errors.tsx';
import { ATTENTION_FLAGS, ATTENTION_WORDS, type AttentionFlag } from '../participants/attention.ts';
import { CASELOAD_SORTS, type CaseloadSort } from '../participants/caseload.ts';
import { STAGES, STAGE_WORDS, type Stage } from '../shortlist/stages.ts';
import { ParticipantFormView } from './participant-form.tsx';
import type { FormSuggestions } from '../taxonomy/form-suggestions.ts';

/** One caseload row, as the page shows it (the route names the last job from the taxonomy). */
export interface CaseloadRow {
  id: number;
  name: string | null;
  reference: string | null;
  locationText: string | null;
  lastJob: string | null;
  createdAt: number;
  latestActivityAt: number;
  stageCounts: Record<Stage, number>;
  shortlisted: number;
  flags: AttentionFlag[];
}

export interface CaseloadFilters {
  sort: CaseloadSort;
  stage: Stage | null;
  flag: AttentionFlag | null;
  q: string | null;
}

export interface ParticipantsPageProps {
  coach: { name: string; org: string };
  list: { items: CaseloadRow[]; total: number; page: number; pageSize: number };
  filters: CaseloadFilters;
  /** Problems with the caseload query itself (an unknown sort or stage in a hand-edited URL). */
  filterErrors?: readonly FieldError[];
  form: ParticipantForm;
  errors: readonly FieldError[];
  suggestions?: FormSuggestions;
  notice?: string | null;
}

const who = participantTitle;

const SORT_WORDS: Record<CaseloadSort, string> = {
  activity: 'Latest activity (longest waiting first)',
  name: 'Name (A–Z)',
  added: 'Added (newest first)',
};

/** The caseload URL for these filters (defaults left out, so links stay short). */
export function caseloadHref(f: CaseloadFilters, page = 1): string {
  const q = new URLSearchParams();
  if (f.q) q.set('q', f.q);
  if (f.stage) q.set('stage', f.stage);
  if (f.flag) q.set('flag', f.flag);
  if (f.sort !== 'activity') q.set('sort', f.sort);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/participants?${s}` : '/participants';
}

/** Page numbers to link: the first, the last, and two either side of the current one, with gaps as null. */
export function pageLinks(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

const stageSummary = (counts: Record<Stage, number>) =>
  STAGES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STAGE_WORDS[s].toLowerCase()}`).join(', ');

const SortHeader: FC<{ filters: CaseloadFilters; sort: CaseloadSort; label: string }> = ({ filters, sort, label }) => {
  const current = filters.sort === sort;
  return (
    <th scope="col" aria-sort={current ? (sort === 'added' ? 'descending' : 'ascending') : undefined}>
      {current ? (
        <span>
          {label} <span class="muted small">(sorted)</span>
        </span>
      ) : (
        <a href={caseloadHref({ ...filters, sort })}>
          {label} <span class="visually-hidden">: sort by this</span>
        </a>
      )}
    </th>
  );
};

/** `/participants`: the organisation's caseload, who needs attention first, with search, sort, filters and the add form. */
export const ParticipantsPage: FC<ParticipantsPageProps> = ({ coach, list, filters, filterErrors = [], form, errors, suggestions, notice }) => {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const filtered = Boolean(filters.q || filters.stage || filters.flag);
  const errorOf = (field: string) => filterErrors.find((e) => e.path === field)?.message;
  return (
    <Layout title="Participants" coach={coach} section="participants">
      <h1>Participants</h1>
      <p class="lead">Everyone on {coach.org}’s caseload. Personal data: keep only what matching needs.</p>
      <p>
        <a href="#add">Add a participant</a>
      </p>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <form method="get" action="/participants" class="caseload-filters" role="search" aria-label="Caseload">
        <ErrorSummary errors={filterErrors} fieldIds={{ sort: 'caseload-sort', stage: 'caseload-stage', flag: 'caseload-flag', q: 'caseload-q', page: 'caseload-q' }} labels={{ sort: 'Sort by', stage: 'Stage', flag: 'Needs attention', q: 'Name or reference', page: 'Page' }} />
        <div class="grid">
          <div class="field">
            <label for="caseload-q">Name or reference</label>
            <input type="search" id="caseload-q" name="q" value={filters.q ?? ''} maxlength={100} />
          </div>
          <div class={`field${errorOf('stage') ? ' invalid' : ''}`}>
            <label for="caseload-stage">With a vacancy at stage</label>
            <select id="caseload-stage" name="stage">
              <option value="">Any stage</option>
              {STAGES.map((s) => (
                <option value={s} selected={filters.stage === s}>
                  {STAGE_WORDS[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="caseload-flag">Needs attention</label>
            <select id="caseload-flag" name="flag">
              <option value="">Everyone</option>
              {ATTENTION_FLAGS.map((f) => (
                <option value={f} selected={filters.flag === f}>
                  {ATTENTION_WORDS[f]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="caseload-sort">Sort by</label>
            <select id="caseload-sort" name="sort">
              {CASELOAD_SORTS.map((s) => (
                <option value={s} selected={filters.sort === s}>
                  {SORT_WORDS[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <button type="submit">Show</button> {filtered ? <a href={caseloadHref({ sort: filters.sort, stage: null, flag: null, q: null })}>Clear</a> : null}
          </div>
        </div>
      </form>
      {list.items.length ? (
        <table class="stack caseload">
          <caption class="muted small">
            {formatNumber(list.total)} {list.total === 1 ? 'participant' : 'participants'}
            {filtered ? ' match' : ''}
            {pages > 1 ? `, page ${list.page} of ${pages}` : ''}
          </caption>
          <thead>
            <tr>
              <SortHeader filters={filters} sort="name" label="Participant" />
              <SortHeader filters={filters} sort="activity" label="Latest activity" />
              <th scope="col">Shortlist</th>
              <th scope="col">Last job</th>
              <SortHeader filters={filters} sort="added" label="Added" />
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr>
                <td data-label="Participant">
                  <a href={`/participants/${p.id}`}>{who(p)}</a>
                  {p.reference && p.name ? <span class="muted small"> {p.reference}</span> : null}
                  {p.flags.map((f) => (
                    <>
                      {' '}
                      <span class={`tag flag-${f}`}>{ATTENTION_WORDS[f]}</span>
                    </>
                  ))}
                  {p.locationText ? <span class="hint">Lives near {p.locationText}</span> : null}
                </td>
                <td data-label="Latest activity">{formatDate(p.latestActivityAt)}</td>
                <td data-label="Shortlist">{p.shortlisted ? stageSummary(p.stageCounts) : <span class="muted">None yet</span>}</td>
                <td data-label="Last job">{p.lastJob ?? ''}</td>
                <td data-label="Added">{formatDate(p.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : filtered || list.page > 1 ? (
        <p>
          No participants match. <a href={caseloadHref({ sort: filters.sort, stage: null, flag: null, q: null })}>Show everyone</a>
        </p>
      ) : (
        <p>No participants yet. Add the first one below.</p>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label="Pages">
          {list.page > 1 ? (
            <a href={caseloadHref(filters, list.page - 1)} rel="prev">
              ← Previous
            </a>
          ) : null}
          <ul class="pages">
            {pageLinks(list.page, pages).map((n) =>
              n === null ? (
                <li aria-hidden="true">…</li>
              ) : (
                <li>
                  {n === list.page ? (
                    <a href={caseloadHref(filters, n)} aria-current="page">
                      <span class="visually-hidden">Page </span>
                      {n}
                    </a>
                  ) : (
                    <a href={caseloadHref(filters, n)}>
                      <span class="visually-hidden">Page </span>
                      {n}
                    </a>
                  )}
                </li>
              ),
            )}
          </ul>
          {list.page < pages ? (
            <a href={caseloadHref(filters, list.page + 1)} rel="next">
              Next →
            </a>
          ) : null}
        </nav>
      ) : null}
      <h2 id="add">Add a participant</h2>
      <ParticipantFormView action="/participants" values={form} errors={errors} submitLabel="Add participant" idPrefix="new" suggestions={suggestions} />
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
