import type { Taxonomy } from '../taxonomy/model.ts';
import { describeLicence } from './licences.ts';
import type { SkillProfile } from './skill-profile.ts';
import type { Participant } from './store.ts';

/** Skills listed in a participant's profile summary. */
export const PROFILE_SKILLS_LISTED = 30;

/** The API shape of a participant; with `profile`, the strongest skills we derived and why. */
export function toParticipantJson(taxonomy: Taxonomy, p: Participant, profile?: SkillProfile) {
  const label = (id: string) => taxonomy.skills.get(id)?.label ?? null;
  return {
    id: p.id,
    reference: p.reference,
    name: p.name,
    location: p.location,
    maxTravelKm: p.maxTravelKm,
    hoursPerWeek: p.hoursPerWeek,
    salaryFloor: p.salaryFloor,
    remote: p.remote,
    history: p.history.map((h) => {
      const o = h.occupationId ? taxonomy.occupations.get(h.occupationId) : undefined;
      return {
        title: h.title,
        occupation: h.occupationId ? { id: h.occupationId, title: o?.title ?? null } : null,
        resolved: h.occupationId != null,
        resolvedBy: h.resolvedBy,
        confidence: h.confidence,
        years: h.years,
        endedYearsAgo: h.endedYearsAgo,
      };
    }),
    skills: {
      add: p.skills.add.map((id) => ({ id, label: label(id) })),
      remove: p.skills.remove.map((id) => ({ id, label: label(id) })),
    },
    licences: p.licences.map((code) => ({ code, label: describeLicence(code) })),
    qualifications: p.qualifications,
    createdByCoachId: p.createdByCoachId,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
    ...(profile
      ? {
          profile: {
            skillCount: profile.skills.size,
            skills: [...profile.skills.values()]
              .sort((a, b) => b.strength - a.strength || taxonomy.skillWeight(b.id) - taxonomy.skillWeight(a.id))
              .slice(0, PROFILE_SKILLS_LISTED)
              .map((s) => ({ id: s.id, label: label(s.id), strength: Math.round(s.strength * 1000) / 1000, why: s.why })),
          },
        }
      : {}),
  };
}
