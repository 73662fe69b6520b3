import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { FieldError } from '../errors.ts';
import type { SearchPageView } from '../routes/search-page-view.ts';
import type { SearchResponse } from '../routes/search.ts';
import { CONTRACTS, EMPLOYMENT_TYPES, REMOTE } from '../vacancies/model.ts';
import { describeValue, formatDate, formatKm, formatNumber, formatSalary, SECTOR_OPTIONS, sectorTitle } from './format.ts';
import { describedBy, ErrorSummary, FieldErrorText, fieldErrorFor, LabelWithHint } from './form-errors.tsx';
import { Layout } from './layout.tsx';
import { ShortlistButton } from './shortlist-button.tsx';
import { vacancyPath } from './vacancy-path.ts';

/**
 * The search form's fields, as the query string carries them (strings; '' = not set).
 * `participant` is not a filter: it names who the coach is searching for (links and Shortlist buttons are theirs).
 */
export const SEARCH_FIELDS = ['q', 'near', 'radiusKm', 'sector', 'contract', 'remote', 'employmentType', 'salaryMin', 'postedWithinDays', 'sort', 'page', 'participant'] as const;
export type SearchForm = Partial<Record<(typeof SEARCH_FIELDS)[number], string>>;

export interface SearchPageProps {
  coach: { name: string; org: string };
  form: SearchForm;
  view: Pick<SearchPageView, 'result' | 'errors' | 'forParticipant' | 'shortlisted' | 'nearFromParticipant'>;
  notice?: string | null;
}

/** The "posted within" choices, in days: the recency a coach asks for (an advert gets most applications in its first fortnight). */
export const POSTED_WITHIN_DAYS = [1, 3, 7, 14, 30] as const;

/** `/?…` for the form with some fields changed ('' or null removes one); always back to page 1 unless a page is given. */
export function searchHref(form: SearchForm, changes: SearchForm & { page?: string }): string {
  const merged: SearchForm = { ...form, page: '', ...changes };
  const params = new URLSearchParams();
  for (const k of SEARCH_FIELDS) {
    const v = merged[k];
    // An empty Near stays in a participant's links: it means "everywhere", where leaving it out means "their area".
    const keepEmpty = k === 'near' && v === '' && !!merged.participant;
    if (v != null && (v !== '' || keepEmpty) && !(k === 'page' && v === '1')) params.set(k, v);
  }
  const qs = params.toString();
  return qs ? `/?${qs}` : '/';
}

const FIELD_LABELS: Record<string, string> = {
  q: 'What',
  near: 'Near',
  radiusKm: 'Within (km)',
  salaryMin: 'Salary at least',
  postedWithinDays: 'Posted within',
  sector: 'Sector',
  contract: 'Contract',
  remote: 'Remote working',
  employmentType: 'Hours',
  sort: 'Order',
  page: 'Page',
};

const FACET_LABELS: Record<string, string> = { sector: 'Sector', contract: 'Contract', remote: 'Remote working', employmentType: 'Hours' };
const FACET_ORDER = ['sector', 'contract', 'remote', 'employmentType'] as const;

const facetValueLabel = (field: string, value: string) => (field === 'sector' ? `${value} · ${sectorTitle(value)}` : describeValue(value));

const Facets: FC<{ form: SearchForm; facets: SearchResponse['facets'] }> = ({ form, facets }) => (
  <nav class="facets" aria-label="Filter results">
    <h2 class="small">Refine</h2>
    {FACET_ORDER.map((field) => {
      const counts = Object.entries(facets[field] ?? {}).sort((a, b) => b[1] - a[1]);
      const active = form[field] ?? '';
      if (!counts.length && !active) return null;
      return (
        <section>
          <h3>{FACET_LABELS[field]}</h3>
          <ul>
            {active ? (
              <li>
                <a href={searchHref(form, { [field]: '' })}>× Any {FACET_LABELS[field]?.toLowerCase()}</a>
              </li>
            ) : null}
            {counts.map(([value, n]) => (
              <li>
                <a href={searchHref(form, { [field]: value })} aria-current={active === value ? 'true' : undefined}>
                  {facetValueLabel(field, value)}
                </a>{' '}
                <span class="muted">({formatNumber(n)})</span>
              </li>
            ))}
          </ul>
        </section>
      );
    })}
  </nav>
);

type Result = SearchResponse['results'][number];

/** One result; with a participant chosen its page link is theirs and it offers to shortlist for them, coming back to this spot. */
const ResultItem: FC<{ r: Result; forParticipant: SearchPageView['forParticipant']; shortlisted: boolean; back: string }> = ({ r, forParticipant, shortlisted, back }) => {
  const place = r.location ? r.location.town ?? r.location.text : r.remote === 'remote' ? 'Remote' : null;
  const bits = [r.employer, place, formatKm(r.distanceKm) ? `${formatKm(r.distanceKm)} away` : null].filter(Boolean);
  const terms = [describeValue(r.contract), describeValue(r.employmentType), r.remote && r.remote !== 'onsite' ? describeValue(r.remote) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <li class="result" id={`r-${r.id}`}>
      <h3>
        {/* The engine's snippets are HTML-escaped with only <mark> added: the one field rendered raw. */}
        <a href={vacancyPath(r.id, forParticipant?.id)}>{r.highlights.title ? raw(r.highlights.title) : r.title}</a>
        {r.isDemo ? <span class="tag"> demo</span> : null}
      </h3>
      <p class="meta">{bits.join(' · ')}</p>
      <p class="meta">
        <strong>{formatSalary(r.salary)}</strong>
        {terms ? ` · ${terms}` : ''}
        {r.sector ? ` · ${sectorTitle(r.sector)}` : ''}
        {r.datePosted ? ` · posted ${formatDate(r.datePosted)}` : ''}
      </p>
      {r.highlights.description ? <p class="snippet">{raw(r.highlights.description)}</p> : null}
      {r.sources.length > 1 ? <p class="meta small">Advertised in {r.sources.length} places</p> : null}
      {forParticipant ? (
        <ShortlistButton participantId={forParticipant.id} vacancyId={r.id} title={r.title} shortlisted={shortlisted} back={`${back}#r-${r.id}`} />
      ) : null}
    </li>
  );
};

const Select: FC<{ id: string; label: string; value: string; options: readonly { value: string; label: string }[]; error?: string | null }> = ({
  id,
  label,
  value,
  options,
  error,
}) => (
  <div class={error ? 'field invalid' : 'field'}>
    <label for={id}>{label}</label>
    <select id={id} name={id} aria-invalid={error ? 'true' : undefined}>
      <option value="">Any</option>
      {options.map((o) => (
        <option value={o.value} selected={o.value === value}>
          {o.label}
        </option>
      ))}
    </select>
    {error ? <span class="error-text">{error}</span> : null}
  </div>
);

const TextField: FC<{ id: string; label: string; value: string; hint?: string; type?: string; error?: string | null; inputmode?: 'decimal' | 'numeric' }> = ({
  id,
  label,
  value,
  hint,
  type = 'text',
  error,
  inputmode,
}) => (
  <div class={error ? 'field invalid' : 'field'}>
    <LabelWithHint id={id} label={label} hint={hint} />
    <input
      type={type}
      id={id}
      name={id}
      value={value}
      inputmode={inputmode}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(id, hint, error)}
    />
    <FieldErrorText id={id} error={error} />
  </div>
);

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: describeValue(v) }));

/** `/`: vacancy search with filters, facets as links, and pagination. A plain GET form. */
export const SearchPage: FC<SearchPageProps> = ({ coach, form, view, notice }) => {
  const { result, errors, forParticipant, shortlisted, nearFromParticipant } = view;
  const err = (f: string) => fieldErrorFor(errors, f);
  const pages = result ? Math.max(1, Math.min(1000, Math.ceil(result.total / result.pageSize))) : 1;
  const page = result?.page ?? 1;
  return (
    <Layout title={form.q ? `Search: ${form.q}` : 'Vacancy search'} coach={coach} section="search">
      <h1>Vacancy search</h1>
      {forParticipant ? (
        <p class="notice for-participant">
          Searching for <strong>{forParticipant.title}</strong>: each result can be shortlisted for them.{' '}
          {nearFromParticipant ? (
            <>
              Near where they live ({form.near}), within {form.radiusKm} km:{' '}
              <a href={searchHref(form, { near: '', radiusKm: '' })}>search everywhere</a>.{' '}
            </>
          ) : null}
          <a href={`/participants/${forParticipant.id}`}>Back to {forParticipant.title}</a> ·{' '}
          <a href={searchHref(form, { participant: '', ...(nearFromParticipant ? { near: '', radiusKm: '' } : {}) })}>Search without a participant</a>
        </p>
      ) : null}
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={FIELD_LABELS} />
      <form method="get" action="/" role="search" aria-label="Vacancies">
        {forParticipant ? <input type="hidden" name="participant" value={String(forParticipant.id)} /> : null}
        <div class="grid">
          <TextField id="q" label="What" value={form.q ?? ''} type="search" hint='Words, "a phrase" or fork*' error={err('q')} />
          <TextField id="near" label="Near" value={form.near ?? ''} hint="Town, postcode or lat,lon" error={err('near')} />
          <TextField id="radiusKm" label="Within (km)" value={form.radiusKm ?? ''} hint="Default 15 km" inputmode="decimal" error={err('radiusKm')} />
          <TextField id="salaryMin" label="Salary at least" value={form.salaryMin ?? ''} hint="£ a year, e.g. 22000" inputmode="numeric" error={err('salaryMin')} />
        </div>
        <div class="grid">
          <Select id="sector" label="Sector" value={form.sector ?? ''} options={SECTOR_OPTIONS.map((s) => ({ value: s.code, label: `${s.code} · ${s.title}` }))} error={err('sector')} />
          <Select id="contract" label="Contract" value={form.contract ?? ''} options={options(CONTRACTS)} error={err('contract')} />
          <Select id="remote" label="Remote working" value={form.remote ?? ''} options={options(REMOTE)} error={err('remote')} />
          <Select id="employmentType" label="Hours" value={form.employmentType ?? ''} options={options(EMPLOYMENT_TYPES)} error={err('employmentType')} />
          <Select
            id="postedWithinDays"
            label="Posted within"
            value={form.postedWithinDays ?? ''}
            options={POSTED_WITHIN_DAYS.map((d) => ({ value: String(d), label: d === 1 ? 'the last day' : `the last ${d} days` }))}
            error={err('postedWithinDays')}
          />
          <Select
            id="sort"
            label="Order"
            value={form.sort ?? ''}
            options={[
              { value: 'relevance', label: 'Best match' },
              { value: 'date', label: 'Newest' },
              { value: 'distance', label: 'Nearest' },
              { value: 'salary', label: 'Highest salary' },
            ]}
            error={err('sort')}
          />
        </div>
        <div class="actions">
          <button type="submit">Search</button>
          <a href={forParticipant ? `/?participant=${forParticipant.id}` : '/'}>Clear</a>
        </div>
      </form>

      {result ? (
        <div class="layout">
          <Facets form={form} facets={result.facets} />
          <section aria-labelledby="results-heading">
            <h2 id="results-heading">
              {formatNumber(result.total)} {result.total === 1 ? 'vacancy' : 'vacancies'}
              {pages > 1 ? <span class="muted small"> · page {page} of {formatNumber(pages)}</span> : null}
            </h2>
            {result.results.length ? (
              <ol class="results" start={(page - 1) * result.pageSize + 1}>
                {result.results.map((r) => (
                  <ResultItem r={r} forParticipant={forParticipant} shortlisted={shortlisted.has(r.id)} back={searchHref(form, { page: form.page ?? '' })} />
                ))}
              </ol>
            ) : (
              <p>No vacancies match. Try fewer words, a wider radius or fewer filters.</p>
            )}
            {pages > 1 ? (
              <nav class="pager" aria-label="Pages">
                {page > 1 ? (
                  <a href={searchHref(form, { page: String(page - 1) })} rel="prev">
                    ← Previous
                  </a>
                ) : null}
                <span>
                  Page {page} of {formatNumber(pages)}
                </span>
                {page < pages ? (
                  <a href={searchHref(form, { page: String(page + 1) })} rel="next">
                    Next →
                  </a>
                ) : null}
              </nav>
            ) : null}
          </section>
        </div>
      ) : null}
    </Layout>
  );
};
