import type { AppDeps } from '../app-deps.ts';
import type { Coach } from '../auth/coaches.ts';
import type { FieldError } from '../errors.ts';
import { auditParticipantRead, loadParticipant } from '../participants/service.ts';
import { searchFor } from '../search/search-api.ts';
import { shortlistedVacancyIds } from '../shortlist/store.ts';
import { participantTitle } from '../views/format.ts';
import type { SearchForm } from '../views/search-page.tsx';
import { idOf } from './participants/queries.ts';
import { readSearchQuery, toSearchJson, type SearchResponse } from './search.ts';

/** Results per search page. */
export const SEARCH_PAGE_SIZE = 20;

/** Everything the search page shows. */
export interface SearchPageView {
  result: SearchResponse | null;
  errors: FieldError[];
  /** The participant the coach is searching for (`participant=`): named on the page, each result offers to shortlist for them. */
  forParticipant: { id: number; title: string } | null;
  /** Vacancy ids already on that participant's shortlist. */
  shortlisted: Set<number>;
}

/**
 * The search page's reads: the form checked as /v1/search checks its query,
 * the search, and with `participant=` that participant (404 unless the
 * coach's organisation holds them) and their shortlist, audited as one
 * page view of them. The participant field is the page's own, not a search
 * filter, so it is taken out before the search reads the form.
 */
export async function viewSearchPage(deps: AppDeps, coach: Coach, form: SearchForm): Promise<SearchPageView> {
  const { participant: participantField, ...searchForm } = form;
  const p = participantField ? loadParticipant(deps, coach, idOf(participantField)) : null;
  const query = readSearchQuery(deps, searchForm);
  const result = query.ok ? toSearchJson(await searchFor(deps, { ...query.value, pageSize: SEARCH_PAGE_SIZE })) : null;
  if (p) auditParticipantRead(deps, coach, p, 'participant.viewed', ['search']);
  return {
    result,
    errors: query.ok ? [] : query.errors,
    forParticipant: p ? { id: p.id, title: participantTitle(p) } : null,
    shortlisted: new Set(p ? shortlistedVacancyIds(deps.db, p.id) : []),
  };
}
