import { checkRequirement, describeLicence, type RequirementStatus } from '../participants/licences.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { RequirementKind, Vacancy } from '../vacancies/model.ts';
import { vacancyNeeds } from './vacancy-needs.ts';

/**
 * Match score of a participant for a vacancy: the weighted share of what the
 * vacancy needs (vacancy-needs.ts) that the participant already has, times a
 * factor for each requirement flag they lack.
 *
 *   credit(skill)  = min(1, strength / FULL_CREDIT_AT)           held directly
 *                  = GROUP_CREDIT · min(1, strength_g / FULL_CREDIT_AT)
 *                                   a different skill of the same group
 *   coverage       = Σ importance · credit   (importances sum to 1)
 *   score          = coverage · Π penalty(missing requirement)
 *
 * FULL_CREDIT_AT: a skill from one recent year in a job where it is
 * essential (strength ≈ 0.58) earns nearly full credit; an optional skill
 * from an old short job earns a fraction.
 */
export const FULL_CREDIT_AT = 0.6;
export const GROUP_CREDIT = 0.4;
/** Explanations list at most this many missing skills (the count says how many there were). */
export const MAX_MISSING_LISTED = 10;

export interface MatchedSkill {
  skillId: string;
  label: string;
  importance: number;
  credit: number;
  /** `skill`: held directly; `group`: a related skill of the same group is held. */
  via: 'skill' | 'group';
  /** The vacancy text that evidences the need. */
  evidence: string;
  /** The participant's skill that earns the credit, and why we think they have it. */
  held: { skillId: string; label: string; why: string };
}

export interface MissingSkill {
  skillId: string;
  label: string;
  importance: number;
  required: boolean;
  evidence: string;
}

export interface RequirementResult {
  kind: RequirementKind;
  detail: string | null;
  evidence: string;
  status: RequirementStatus;
  /** What would satisfy it, in words ("Driving licence category C+E"). */
  needs: string | null;
  /** Multiplier applied to the score (1 when met or not a gap). */
  factor: number;
  obtainable: boolean;
}

export interface MatchResult {
  /** 0–1. */
  score: number;
  /** 0–1, or null when the vacancy names no skills we know and has no known occupation. */
  coverage: number | null;
  requirementFactor: number;
  matched: MatchedSkill[];
  /** Ordered by importance; at most MAX_MISSING_LISTED. */
  missing: MissingSkill[];
  requirements: RequirementResult[];
  gap: {
    /** Share of the vacancy's needs not covered (1 − coverage). */
    missingShare: number;
    missingSkills: number;
    missingRequiredSkills: number;
    /** Requirement flags the participant lacks, by name. */
    missingRequirements: string[];
  };
}

type ScorableVacancy = Pick<Vacancy, 'skills' | 'occupation' | 'requirements'>;

export function scoreMatch(taxonomy: Taxonomy, profile: SkillProfile, vacancy: ScorableVacancy): MatchResult {
  const needs = vacancyNeeds(taxonomy, vacancy);
  const matched: MatchedSkill[] = [];
  const missing: MissingSkill[] = [];
  let coverage = 0;
  let missingRequired = 0;
  for (const need of needs.values()) {
    const label = taxonomy.skills.get(need.skillId)?.label ?? need.skillId;
    const own = profile.skills.get(need.skillId);
    if (own) {
      const credit = Math.min(1, own.strength / FULL_CREDIT_AT);
      coverage += need.importance * credit;
      matched.push({
        skillId: need.skillId, label, importance: need.importance, credit, via: 'skill', evidence: need.evidence,
        held: { skillId: own.id, label, why: own.why },
      });
      continue;
    }
    const groupId = taxonomy.skills.get(need.skillId)?.groupId;
    const group = groupId ? profile.groups.get(groupId) : undefined;
    if (group) {
      const credit = GROUP_CREDIT * Math.min(1, group.strength / FULL_CREDIT_AT);
      coverage += need.importance * credit;
      const heldSkill = profile.skills.get(group.skillId);
      matched.push({
        skillId: need.skillId, label, importance: need.importance, credit, via: 'group', evidence: need.evidence,
        held: { skillId: group.skillId, label: taxonomy.skills.get(group.skillId)?.label ?? group.skillId, why: heldSkill?.why ?? '' },
      });
      continue;
    }
    if (need.required) missingRequired++;
    missing.push({ skillId: need.skillId, label, importance: need.importance, required: need.required, evidence: need.evidence });
  }
  matched.sort((a, b) => b.importance * b.credit - a.importance * a.credit);
  // Importance already includes the advert's "required" boost.
  missing.sort((a, b) => b.importance - a.importance);

  const requirements: RequirementResult[] = [];
  const missingRequirements: string[] = [];
  let requirementFactor = 1;
  for (const r of vacancy.requirements) {
    const check = checkRequirement(profile.licences, r.kind, r.detail);
    const factor = check.status === 'missing' ? check.penalty : 1;
    requirementFactor *= factor;
    const needsLabel = check.needs ? describeLicence(check.needs) : null;
    if (check.status === 'missing') missingRequirements.push(needsLabel ?? r.kind);
    requirements.push({
      kind: r.kind, detail: r.detail, evidence: r.evidence, status: check.status, needs: needsLabel, factor,
      obtainable: check.obtainable,
    });
  }

  const hasNeeds = needs.size > 0;
  const cov = hasNeeds ? Math.min(1, coverage) : null;
  return {
    score: (cov ?? 0) * requirementFactor,
    coverage: cov,
    requirementFactor,
    matched,
    missing: missing.slice(0, MAX_MISSING_LISTED),
    requirements,
    gap: {
      missingShare: hasNeeds ? 1 - Math.min(1, coverage) : 0,
      missingSkills: missing.length,
      missingRequiredSkills: missingRequired,
      missingRequirements,
    },
  };
}
