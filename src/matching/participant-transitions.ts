import type { Participant } from '../participants/store.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { computeTransitions, DEFAULT_TRANSITION_OPTIONS, payBasisWords, profileSource, transitionsTo, type Transition } from './transitions.ts';

export interface ParticipantTransitionOptions {
  limit: number;
  /** viable, desirable, or all ranked by similarity. */
  filter: 'viable' | 'desirable' | 'all';
  minSimilarity?: number;
  maxLevelUp?: number;
  minPayRatio?: number;
  maxPayRatio?: number;
}

export interface ParticipantTransitions {
  from: {
    occupations: { id: string; title: string | null; weight: number }[];
    skillCount: number;
    skillLevel: number | null;
    payAnnual: number | null;
    payBasis: string | null;
  };
  /** The guards as applied (defaults filled in). */
  guards: Required<ParticipantTransitionOptions>;
  items: Transition[];
  /** Their target occupations (what they want to do), whatever the similarity or the guards, with their gaps. */
  targets: Transition[];
  note?: string;
}

/**
 * Occupations reachable from a participant: transitions from their whole
 * skill profile (every past job, licences, the coach's additions and
 * removals), not from one job, so a care worker who also drove a van gets
 * destinations that use both.
 */
export function transitionsFor(
  deps: { taxonomy: () => Taxonomy },
  p: Participant,
  profile: SkillProfile,
  q: ParticipantTransitionOptions,
): ParticipantTransitions {
  const taxonomy = deps.taxonomy();
  const source = profileSource(taxonomy, profile, p);
  const opts = {
    limit: q.limit,
    filter: q.filter,
    minSimilarity: q.minSimilarity ?? DEFAULT_TRANSITION_OPTIONS.minSimilarity,
    maxLevelUp: q.maxLevelUp ?? DEFAULT_TRANSITION_OPTIONS.maxLevelUp,
    minPayRatio: q.minPayRatio ?? DEFAULT_TRANSITION_OPTIONS.minPayRatio,
    maxPayRatio: q.maxPayRatio ?? DEFAULT_TRANSITION_OPTIONS.maxPayRatio,
  };
  // minSimilarity goes in only when asked for: O*NET destinations then use
  // their calibrated threshold (onet-similarity.ts), which each transition's
  // guards.similarity.min reports.
  const applied = { ...opts, minSimilarity: q.minSimilarity };
  const items = profile.skills.size ? computeTransitions(taxonomy, source, { ...applied, exclude: [...profile.targets] }) : [];
  const targets = transitionsTo(taxonomy, source, profile.targets, applied);
  return {
    from: {
      occupations: profile.occupations.map((h) => ({
        id: h.occupationId,
        title: taxonomy.occupations.get(h.occupationId)?.title ?? null,
        weight: Math.round(h.weight * 1000) / 1000,
      })),
      skillCount: profile.skills.size,
      skillLevel: source.skillLevel,
      payAnnual: source.payAnnual,
      payBasis: payBasisWords(p, source.payAnnual),
    },
    guards: opts,
    items,
    targets,
    ...(profile.skills.size ? {} : { note: 'No resolved job history or skills yet: add history, licences or skills to see transitions.' }),
  };
}
