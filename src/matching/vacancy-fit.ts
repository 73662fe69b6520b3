import type { Clock } from '../clock.ts';
import { DEFAULT_TRAVEL_KM } from '../geo/resolve-place.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import type { Participant } from '../participants/store.ts';
import { haversineKm } from '../search/geo.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { Vacancy } from '../vacancies/model.ts';
import { describeConditions, type MatchItem } from './participant-matches.ts';
import { explainRanked, rankCandidates } from './rank.ts';
import { stepBasisOf } from './step-up.ts';
import { profileSource } from './transitions.ts';
import { vacancyOccupationId } from './vacancy-needs.ts';

export interface VacancyFitDeps {
  taxonomy: () => Taxonomy;
  now: Clock;
}

/** Distance from where they live to the nearest of the vacancy's places, as the engine measures it for a match card. */
export function distanceToVacancy(p: Pick<Participant, 'location'>, v: Pick<Vacancy, 'location' | 'extraLocations'>): number | null {
  const home = p.location;
  if (!home?.resolved || home.lat == null || home.lon == null) return null;
  let best: number | null = null;
  for (const place of [v.location, ...v.extraLocations]) {
    if (place?.lat == null || place.lon == null) continue;
    const d = haversineKm({ lat: home.lat, lon: home.lon }, { lat: place.lat, lon: place.lon });
    if (best == null || d < best) best = d;
  }
  return best;
}

/**
 * How one vacancy fits one participant, explained exactly as a card in
 * their matches list is (the vacancy page shows it for a vacancy reached
 * from anywhere, not only from the list). The same ranking runs on a
 * candidate set of one: the fit, preferences and requirements are the
 * list's; only the relevance part of the tie-break is absent, as when the
 * list is browsed without search words.
 */
export function fitOfVacancy(deps: VacancyFitDeps, p: Participant, profile: SkillProfile, v: Vacancy): MatchItem {
  const distanceKm = distanceToVacancy(p, v);
  const [ranked] = rankCandidates(deps.taxonomy(), profile, [{ vacancy: v, relevanceRank: null, distanceKm }], {
    now: deps.now(),
    radiusKm: p.maxTravelKm ?? DEFAULT_TRAVEL_KM,
    textQuery: false,
    remotePreference: p.remote,
    preferences: p,
    stepBasis: stepBasisOf(profileSource(deps.taxonomy(), profile, p), p, profile.targets),
  });
  const taxonomy = deps.taxonomy();
  const occ = vacancyOccupationId(taxonomy, v);
  const target = occ && profile.targets.includes(occ) ? { occupationId: occ, title: taxonomy.occupations.get(occ)?.title ?? occ } : null;
  return { ranked: explainRanked(taxonomy, profile, ranked!), hit: undefined, conditions: describeConditions(v, p), target };
}
