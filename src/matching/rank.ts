import { DAY_MS } from '../clock.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { Vacancy } from '../vacancies/model.ts';
import { scoreMatch, type MatchResult } from './score.ts';
import { DEFAULT_TRAVEL_KM } from '../geo/resolve-place.ts';

/**
 * Ranking candidate vacancies for one participant: a blend of
 *
 *   match      the match score (score.ts): can they do it?          0.55
 *   relevance  the search engine's text relevance to the query,
 *              as rank within the candidate set (engine scores are
 *              only comparable within one result)                  0.20
 *   distance   1 − distance / radius (remote jobs count as near;
 *              unknown distance as halfway)                         0.15
 *   recency    0.5^(age in days / 14): most applications to an
 *              advert arrive in its first two weeks                 0.10
 *
 * Without a text query the relevance weight is shared out among the others
 * in proportion. A vacancy with no skills or occupation we know cannot be
 * scored; it takes a match value of NO_BASIS_MATCH (low, but not zero, so
 * a very near, very new advert still surfaces, with its explanation saying
 * why it could not be judged).
 */
export const RANK_WEIGHTS = { match: 0.55, relevance: 0.2, distance: 0.15, recency: 0.1 } as const;
export const RECENCY_HALF_LIFE_DAYS = 14;
export const NO_BASIS_MATCH = 0.15;

export interface Candidate {
  vacancy: Vacancy;
  /** Position in the engine's relevance order (0 = best), or null when not from a text query. */
  relevanceRank: number | null;
  distanceKm: number | null;
}

export interface RankedMatch {
  vacancy: Vacancy;
  /** The blended rank score, 0–1. */
  rank: number;
  components: { match: number; relevance: number | null; distance: number; recency: number };
  distanceKm: number | null;
  match: MatchResult;
}

export interface RankOptions {
  now: number;
  radiusKm: number | null;
  /** Whether the candidates came from a text query (relevance counts only then). */
  textQuery: boolean;
}

export function rankCandidates(taxonomy: Taxonomy, profile: SkillProfile, candidates: readonly Candidate[], opts: RankOptions): RankedMatch[] {
  const W = RANK_WEIGHTS;
  const relWeight = opts.textQuery ? W.relevance : 0;
  const scale = 1 / (W.match + relWeight + W.distance + W.recency);
  const radius = opts.radiusKm && opts.radiusKm > 0 ? opts.radiusKm : DEFAULT_TRAVEL_KM;
  const ranked = candidates.filter((c) => c.relevanceRank != null);
  const n = Math.max(1, ranked.length);
  const out: RankedMatch[] = candidates.map((c) => {
    const match = scoreMatch(taxonomy, profile, c.vacancy);
    const m = match.coverage == null ? NO_BASIS_MATCH * match.requirementFactor : match.score;
    const relevance = opts.textQuery ? (c.relevanceRank == null ? 0 : 1 - c.relevanceRank / n) : null;
    const distance =
      c.vacancy.remote === 'remote' ? 1 : c.distanceKm == null ? 0.5 : Math.max(0, 1 - c.distanceKm / radius);
    const posted = c.vacancy.datePosted ?? c.vacancy.firstSeen;
    const ageDays = Math.max(0, (opts.now - posted) / DAY_MS);
    const recency = Math.pow(0.5, ageDays / RECENCY_HALF_LIFE_DAYS);
    const rank = scale * (W.match * m + relWeight * (relevance ?? 0) + W.distance * distance + W.recency * recency);
    return { vacancy: c.vacancy, rank, components: { match: m, relevance, distance, recency }, distanceKm: c.distanceKm, match };
  });
  out.sort((a, b) => b.rank - a.rank || a.vacancy.id - b.vacancy.id);
  return out;
}
