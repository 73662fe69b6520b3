import type { AppDeps } from '../app-deps.ts';
import type { Coach } from '../auth/coaches.ts';
import type { FieldError } from '../errors.ts';
import { auditParticipantRead, loadParticipant } from '../participants/service.ts';
import { DEFAULT_TRAVEL_KM, resolvePlace } from '../geo/resolve-place.ts';
import type { Participant } from '../participants/store.ts';
import { searchFor } from '../search/search-api.ts';
import { shortlistedVacancyIds } from '../shortlist/store.ts';
import { participantTitle } from '../views/format.ts';
import type { SearchForm } from '../views/search-page.tsx';
import { idOf } from './participants/queries.ts';
import { MAX_SEARCH_RADIUS_KM, readSearchQuery, toSearchJson, type SearchResponse } from './search.ts';

/** Results per search page. */
export const SEARCH_PAGE_SIZE = 20;

/** Everything the search page shows. */
export interface SearchPageView {
  /** The form as searched: with a participant and no Near of the coach's, their area and travel limit filled in. */
  form: SearchForm;
  /** Near and Within came from the participant's profile (the page says so, and how to search everywhere). */
  nearFromParticipant: boolean;
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
 *
 * Searching for a participant starts where they live: with no Near in the
 * form at all, Near is their place and Within their travel limit, as their
 * matches are (a coach looks for work the person can reach). Near given
 * empty (`near=`) is the coach clearing it: everywhere.
 */
export async function viewSearchPage(deps: AppDeps, coach: Coach, requested: SearchForm): Promise<SearchPageView> {
  const p = requested.participant ? loadParticipant(deps, coach, idOf(requested.participant)) : null;
  const area = p && requested.near === undefined ? areaOf(deps, p) : null;
  const form: SearchForm = area ? { ...requested, near: area.near, radiusKm: requested.radiusKm ?? area.radiusKm } : requested;
  // The participant is not a filter, and an empty field (Near cleared) is not set.
  const searchForm = Object.fromEntries(Object.entries(form).filter(([k, v]) => k !== 'participant' && v !== ''));
  const query = readSearchQuery(deps, searchForm);
  const result = query.ok ? toSearchJson(await searchFor(deps, { ...query.value, pageSize: SEARCH_PAGE_SIZE })) : null;
  if (p) auditParticipantRead(deps, coach, p, 'participant.viewed', ['search']);
  return {
    form,
    nearFromParticipant: area != null,
    result,
    errors: query.ok ? [] : query.errors,
    forParticipant: p ? { id: p.id, title: participantTitle(p) } : null,
    shortlisted: new Set(p ? shortlistedVacancyIds(deps.db, p.id) : []),
  };
}

/**
 * Where a participant's search starts: the place they gave as they wrote it
 * (it resolved when it was saved; its coordinates if it no longer does),
 * within their travel limit. None when their place is unknown.
 */
function areaOf(deps: AppDeps, p: Participant): { near: string; radiusKm: string } | null {
  const at = p.location;
  if (!at?.resolved || at.lat == null || at.lon == null) return null;
  const near = at.text && resolvePlace(deps.geocoder, at.text) ? at.text : `${at.lat},${at.lon}`;
  return { near, radiusKm: String(Math.min(p.maxTravelKm ?? DEFAULT_TRAVEL_KM, MAX_SEARCH_RADIUS_KM)) };
}
