import { DAY_MS } from '../clock.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import type { RemotePreference } from '../participants/store.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { RankableVacancy, Vacancy } from '../vacancies/model.ts';
import { measureFit, scoreMatch, type MatchFit, type MatchResult } from './score.ts';
import { DEFAULT_TRAVEL_KM } from '../geo/resolve-place.ts';
import { checkPreferences, type PreferenceFit } from './preferences.ts';
import { checkStepUp, WITHIN_REACH, type StepBasis, type StepUp } from './step-up.ts';

const NO_PREFERENCES: PreferenceFit = { checks: [], factor: 1, excluded: false };

/**
 * Ranking candidate vacancies for one participant, fit first:
 *
 *   order = fit × conditions × reach + FIT_MARGIN × tie-break   (the number the list is sorted by)
 *
 *   fit        the match score (score.ts): can they do it? 0–1
 *   conditions the product of the factors of their preferences the
 *              vacancy does not meet (preferences.ts: hours, shifts, pay,
 *              travel, remote); 1 when none clashes or none is known
 *   reach      the product of the factors of the steps up it asks of them
 *              (step-up.ts: skill level, pay, seniority); 1 within reach
 *   tie-break  a blend, 0–1, of
 *                relevance  the search engine's text relevance, as rank
 *                           within the candidate set (engine scores are
 *                           only comparable within one result)        0.40
 *                distance   1 − distance / radius                     0.35
 *                recency    0.5^(age in days / 14): most applications
 *                           to an advert arrive in its first two weeks 0.25
 *              without a text query the relevance weight is shared out
 *              among the others in proportion.
 *
 * Because the tie-break is at most 1, a vacancy whose fit (under their
 * conditions) is more than FIT_MARGIN higher is always listed first: a closer or newer but clearly
 * poorer fit never outranks it (the ranking is lexicographic in spirit),
 * and distance, recency and the search words order vacancies of similar fit.
 *
 * A remote vacancy counts as near (distance 1) only for a participant who
 * wants or accepts remote work (remote, hybrid or any); for one who wants
 * on-site work it counts as out of range (0), and where we do not know
 * what they want, as an unknown distance (halfway).
 *
 * A vacancy with no skills or occupation we know cannot be judged; it takes
 * a fit of NO_BASIS_MATCH, below FIT_FLOOR, so it shows only with the wider
 * results, with its explanation saying why it could not be judged.
 */
export const FIT_MARGIN = 0.1;
/** Fits below this are shown only when the coach asks for wider results. */
export const FIT_FLOOR = 0.2;
export const TIE_BREAK_WEIGHTS = { relevance: 0.4, distance: 0.35, recency: 0.25 } as const;
export const RECENCY_HALF_LIFE_DAYS = 14;
export const NO_BASIS_MATCH = 0.15;
/** Distance value of a vacancy whose distance we cannot tell. */
export const UNKNOWN_DISTANCE = 0.5;

/** A vacancy to rank: what ranking reads of it (a full Vacancy where the caller has one). */
export interface Candidate<V extends RankableVacancy = Vacancy> {
  vacancy: V;
  /** Position in the engine's relevance order (0 = best), or null when not from a text query. */
  relevanceRank: number | null;
  distanceKm: number | null;
}

export interface RankComponents {
  /** The fit the list is ordered by first (the match score, or NO_BASIS_MATCH when it cannot be judged). */
  match: number;
  relevance: number | null;
  distance: number;
  recency: number;
  /** The blend of relevance, distance and recency, 0–1. */
  tieBreak: number;
  /** Product of the factors of the preferences not met (preferences.ts); 1 when none clashes. */
  conditions: number;
  /** Product of the factors of the steps up it asks of them (step-up.ts); 1 when within reach. */
  reach: number;
}

/** A candidate in ranked order, with the numbers it is ordered by. */
export interface RankedCandidate<V extends RankableVacancy = Vacancy> {
  vacancy: V;
  /** The order value: fit × conditions + FIT_MARGIN × tie-break. The list is sorted by it, highest first. */
  rank: number;
  components: RankComponents;
  distanceKm: number | null;
  fit: MatchFit;
  /** Their preferences checked against the vacancy's terms (all met when no preferences were given). */
  preferences: PreferenceFit;
  /** How far above them it reaches (within reach when no basis was given). */
  stepUp: StepUp;
}

/** A ranked candidate with the explanation of its fit (matched and missing skills, requirements). */
export interface RankedMatch extends RankedCandidate {
  match: MatchResult;
}

export interface RankOptions {
  now: number;
  radiusKm: number | null;
  /** Whether the candidates came from a text query (relevance counts only then). */
  textQuery: boolean;
  /** What work the participant wants (decides whether a remote vacancy is near). */
  remotePreference?: RemotePreference | null;
  /** What they want of hours, shifts, pay, travel and remote work (none: every vacancy's conditions count as 1). */
  preferences?: Parameters<typeof checkPreferences>[0];
  /** What their reach is measured from (none: every vacancy counts as within reach). */
  stepBasis?: StepBasis;
}

/** The tie-break weights as applied: relevance only with a text query, the rest renormalised to sum to 1. */
export function tieBreakWeights(textQuery: boolean): { relevance: number; distance: number; recency: number } {
  const W = TIE_BREAK_WEIGHTS;
  const rel = textQuery ? W.relevance : 0;
  const total = rel + W.distance + W.recency;
  return { relevance: rel / total, distance: W.distance / total, recency: W.recency / total };
}

/** Whether a participant with this preference would take a fully remote job. */
export function acceptsRemote(pref: RemotePreference | null | undefined): boolean | null {
  if (pref == null) return null;
  return pref !== 'onsite';
}

/**
 * Orders the candidates fit first. Every candidate is scored; none is
 * explained (building the matched and missing skill lists of 1,000
 * vacancies costs more than scoring them, and a page shows twenty):
 * explainRanked adds the explanation to the ones shown.
 */
export function rankCandidates<V extends RankableVacancy>(
  taxonomy: Taxonomy,
  profile: SkillProfile,
  candidates: readonly Candidate<V>[],
  opts: RankOptions,
): RankedCandidate<V>[] {
  const W = tieBreakWeights(opts.textQuery);
  const radius = opts.radiusKm && opts.radiusKm > 0 ? opts.radiusKm : DEFAULT_TRAVEL_KM;
  const remoteOk = acceptsRemote(opts.remotePreference);
  const remoteDistance = remoteOk == null ? UNKNOWN_DISTANCE : remoteOk ? 1 : 0;
  const ranked = candidates.filter((c) => c.relevanceRank != null);
  const n = Math.max(1, ranked.length);
  const out: RankedCandidate<V>[] = candidates.map((c) => {
    const fit = measureFit(taxonomy, profile, c.vacancy);
    const m = fit.coverage == null ? NO_BASIS_MATCH * fit.requirementFactor : fit.score;
    const relevance = opts.textQuery ? (c.relevanceRank == null ? 0 : 1 - c.relevanceRank / n) : null;
    const distance =
      c.vacancy.remote === 'remote' ? remoteDistance : c.distanceKm == null ? UNKNOWN_DISTANCE : Math.max(0, 1 - c.distanceKm / radius);
    const posted = c.vacancy.datePosted ?? c.vacancy.firstSeen;
    const ageDays = Math.max(0, (opts.now - posted) / DAY_MS);
    const recency = Math.pow(0.5, ageDays / RECENCY_HALF_LIFE_DAYS);
    const tieBreak = W.relevance * (relevance ?? 0) + W.distance * distance + W.recency * recency;
    const preferences = opts.preferences ? checkPreferences(opts.preferences, c.vacancy, c.distanceKm) : NO_PREFERENCES;
    const stepUp = opts.stepBasis ? checkStepUp(taxonomy, opts.stepBasis, c.vacancy) : WITHIN_REACH;
    const rank = m * preferences.factor * stepUp.factor + FIT_MARGIN * tieBreak;
    return {
      vacancy: c.vacancy, rank, components: { match: m, relevance, distance, recency, tieBreak, conditions: preferences.factor, reach: stepUp.factor },
      distanceKm: c.distanceKm, fit, preferences, stepUp,
    };
  });
  out.sort((a, b) => b.rank - a.rank || a.vacancy.id - b.vacancy.id);
  return out;
}

/** A ranked candidate with its explanation: the same computation as its fit, so the numbers agree. */
export function explainRanked(taxonomy: Taxonomy, profile: SkillProfile, ranked: RankedCandidate): RankedMatch {
  return { ...ranked, match: scoreMatch(taxonomy, profile, ranked.vacancy) };
}
