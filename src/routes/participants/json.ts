import type { Matches, MatchItem } from '../../matching/participant-matches.ts';
import type { ParticipantTransitions } from '../../matching/participant-transitions.ts';
import { describeLicence } from '../../participants/licences.ts';
import type { SkillProfile } from '../../participants/skill-profile.ts';
import type { Participant } from '../../participants/store.ts';
import type { Taxonomy } from '../../taxonomy/model.ts';
import type { Vacancy } from '../../vacancies/model.ts';

/**
 * The wire shapes of a participant and of what is read about them. The
 * JSON API answers with these, and the participant page renders the same
 * shapes (its view models), so the page shows what the API would.
 */

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
    hoursPattern: p.hoursPattern,
    avoidShifts: p.avoidShifts,
    must: p.must,
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
    targets: p.targets.map((t) => ({ input: t.input, occupation: t.occupationId ? { id: t.occupationId, title: taxonomy.occupations.get(t.occupationId)?.title ?? null } : null })),
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

export type ParticipantJson = ReturnType<typeof toParticipantJson>;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** One match card's JSON (a list item, or the vacancy page's fit for one participant). */
export function toMatchJson({ ranked: r, hit, conditions, target }: MatchItem) {
  const prefs = r.preferences;
  const v: Vacancy = r.vacancy;
  return {
    vacancy: {
      id: v.id,
      title: v.title,
      employer: v.employerName,
      location: v.location ? { text: v.location.text, town: v.location.town, region: v.location.region } : null,
      remote: v.remote,
      contract: v.contract,
      employmentType: v.employmentType,
      hoursPerWeek: v.hoursPerWeek,
      salary: v.salary,
      datePosted: v.datePosted == null ? null : new Date(v.datePosted).toISOString(),
      url: v.url,
      applyUrl: v.applyUrl,
      occupation: v.occupation ? { code: v.occupation.code, scheme: v.occupation.scheme } : null,
      sector: v.sector?.code ?? null,
    },
    rank: round(r.rank),
    components: {
      match: round(r.components.match),
      relevance: r.components.relevance == null ? null : round(r.components.relevance),
      distance: round(r.components.distance),
      recency: round(r.components.recency),
      tieBreak: round(r.components.tieBreak),
      conditions: round(r.components.conditions),
      reach: round(r.components.reach),
    },
    distanceKm: r.distanceKm == null ? null : Math.round(r.distanceKm * 10) / 10,
    highlights: hit?.highlights ?? {},
    conditions,
    /** The target occupation it is in (shown whatever its fit), or null. */
    target,
    /** Their preferences checked against the advert: each met, not met (fit × factor) or unknown. */
    preferences: { factor: round(prefs.factor), checks: prefs.checks.map((c) => ({ ...c, factor: round(c.factor) })) },
    /** The steps up it asks of them (skill level, pay, seniority), each with its factor on the fit; none when within reach. */
    stepUp: { factor: round(r.stepUp.factor), steps: r.stepUp.steps.map((s) => ({ ...s, factor: round(s.factor) })) },
    match: {
      score: round(r.match.score),
      coverage: r.match.coverage == null ? null : round(r.match.coverage),
      evidence: round(r.match.evidence),
      requirementFactor: round(r.match.requirementFactor),
      explanation: {
        matched: r.match.matched.map((m) => ({ ...m, importance: round(m.importance), credit: round(m.credit) })),
        missing: r.match.missing.map((m) => ({ ...m, importance: round(m.importance) })),
        requirements: r.match.requirements,
        gap: { ...r.match.gap, missingShare: round(r.match.gap.missingShare) },
        ...(r.match.coverage == null
          ? { note: 'The vacancy names no skills we recognise and has no known occupation, so fit could not be judged.' }
          : r.match.evidence < 1
            ? { note: 'The vacancy names few skills we recognise and no known occupation, so the score is held down until there is more to judge by.' }
            : {}),
      },
    },
  };
}

export type MatchJson = ReturnType<typeof toMatchJson>;

/** GET /v1/participants/:id/matches and the page's matches section. */
export function toMatchesJson(participantId: number, m: Matches) {
  return { participant: { id: participantId }, applied: m.applied, total: m.total, belowFloor: m.belowFloor, leftOutByMust: m.leftOutByMust, page: m.page, pageSize: m.pageSize, items: m.items.map(toMatchJson) };
}
export type MatchesJson = ReturnType<typeof toMatchesJson>;

/** GET /v1/participants/:id/transitions and the page's transitions section. */
export function toTransitionsJson(participantId: number, t: ParticipantTransitions) {
  return { participant: { id: participantId }, ...t };
}
export type TransitionsJson = ReturnType<typeof toTransitionsJson>;
