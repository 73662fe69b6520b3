import { z } from 'zod';
import type { Coach } from '../auth/coaches.ts';
import { parseOr422 } from '../http/validation.ts';
import { profileOf, readParticipant, type ParticipantDeps } from '../participants/service.ts';
import { computeTransitions, DEFAULT_TRANSITION_OPTIONS, profileSource } from './transitions.ts';

export const TransitionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** viable (default), desirable, or all ranked by similarity. */
  filter: z.enum(['viable', 'desirable', 'all']).default('viable'),
  minSimilarity: z.coerce.number().min(0).max(1).optional(),
  maxLevelUp: z.coerce.number().int().min(0).max(4).optional(),
  minPayRatio: z.coerce.number().min(0).max(5).optional(),
});

/**
 * Occupations reachable from a participant: transitions from their whole
 * skill profile (every past job, licences, the coach's additions and
 * removals), not from one job, so a care worker who also drove a van gets
 * destinations that use both.
 */
export function participantTransitions(deps: ParticipantDeps, coach: Coach, id: number, rawQuery: unknown) {
  const q = parseOr422(TransitionsQuerySchema, rawQuery);
  const p = readParticipant(deps, coach, id, 'participant.transitions');
  const taxonomy = deps.taxonomy();
  const profile = profileOf(deps, p);
  const source = profileSource(taxonomy, profile, p.salaryFloor);
  const opts = {
    limit: q.limit,
    filter: q.filter,
    minSimilarity: q.minSimilarity ?? DEFAULT_TRANSITION_OPTIONS.minSimilarity,
    maxLevelUp: q.maxLevelUp ?? DEFAULT_TRANSITION_OPTIONS.maxLevelUp,
    minPayRatio: q.minPayRatio ?? DEFAULT_TRANSITION_OPTIONS.minPayRatio,
  };
  const items = profile.skills.size ? computeTransitions(taxonomy, source, opts) : [];
  return {
    participant: { id: p.id },
    from: {
      occupations: profile.occupations.map((h) => ({
        id: h.occupationId,
        title: taxonomy.occupations.get(h.occupationId)?.title ?? null,
        weight: Math.round(h.weight * 1000) / 1000,
      })),
      skillCount: profile.skills.size,
      skillLevel: source.skillLevel,
      payAnnual: source.payAnnual,
      payBasis: p.salaryFloor != null ? 'salary floor' : source.payAnnual != null ? 'typical pay of most recent occupation' : null,
    },
    guards: opts,
    items,
    ...(profile.skills.size ? {} : { note: 'No resolved job history or skills yet: add history, licences or skills to see transitions.' }),
  };
}
