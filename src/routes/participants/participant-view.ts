import type { AppDeps } from '../../app-deps.ts';
import type { Coach } from '../../auth/coaches.ts';
import type { FieldError } from '../../errors.ts';
import { matchesFor } from '../../matching/participant-matches.ts';
import { transitionsFor } from '../../matching/participant-transitions.ts';
import { auditParticipantRead, loadParticipant, profileOf } from '../../participants/service.ts';
import { pivotsFor, type PivotResult } from '../../pivots/pivots.ts';
import { toMatchesJson, toParticipantJson, toTransitionsJson, type MatchesJson, type ParticipantJson, type TransitionsJson } from './json.ts';
import { readMatchesQuery } from './queries.ts';
import { shortlistedVacancyIds } from '../../shortlist/store.ts';
import { admitted } from '../../http/work-limiter.ts';

/** How many of each the participant page shows. */
export const PAGE_SHOWS = { matches: 10, transitions: 10, pivots: 12 } as const;

/** Everything the participant page shows, in the API's shapes. */
export interface ParticipantView {
  participant: ParticipantJson;
  /** Null when the matches form did not check out (its errors are in matchErrors). */
  matches: MatchesJson | null;
  matchErrors: FieldError[];
  transitions: TransitionsJson;
  pivots: PivotResult;
  /** Vacancy ids on the participant's shortlist. */
  shortlisted: Set<number>;
}

/**
 * The participant page's reads: the participant loaded once, their profile
 * built once, matches (with the page's filter form, read as the API reads
 * its query), transitions and pivots from that one profile, and one
 * `participant.viewed` audit row naming the sections shown.
 */
export async function viewParticipant(deps: AppDeps, coach: Coach, id: number, matchForm: Record<string, string | undefined>): Promise<ParticipantView> {
  const p = loadParticipant(deps, coach, id);
  const profile = profileOf(deps, p);
  const matchQuery = readMatchesQuery(deps, matchForm);
  const matches = matchQuery.ok
    ? toMatchesJson(p.id, await admitted(deps, () => matchesFor(deps, p, profile, { ...matchQuery.value, pageSize: PAGE_SHOWS.matches })))
    : null;
  const transitions = toTransitionsJson(p.id, transitionsFor(deps, p, profile, { limit: PAGE_SHOWS.transitions, filter: 'viable' }));
  // The matches' radius also sets the pivots' travel range, within what the pivots accept.
  const radiusKm = matchQuery.ok ? matchQuery.value.radiusKm : undefined;
  const pivots = pivotsFor(deps, p, profile, { limit: PAGE_SHOWS.pivots, ...(radiusKm != null && radiusKm <= 500 ? { radiusKm } : {}) });
  auditParticipantRead(deps, coach, p, 'participant.viewed', ['profile', ...(matches ? ['matches'] : []), 'pivots', 'transitions']);
  return {
    participant: toParticipantJson(deps.taxonomy(), p, profile),
    matches,
    matchErrors: matchQuery.ok ? [] : matchQuery.errors,
    transitions,
    pivots,
    shortlisted: new Set(shortlistedVacancyIds(deps.db, p.id)),
  };
}
