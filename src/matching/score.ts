import { checkRequirement, describeLicence, type RequirementStatus } from '../participants/licences.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { RequirementKind, Vacancy } from '../vacancies/model.ts';
import { denseProfile, skillIndex, type HeldSkill } from './skill-index.ts';
import { forEachNeed } from './vacancy-needs.ts';

/**
 * Match score of a participant for a vacancy: the weighted share of what the
 * vacancy needs (vacancy-needs.ts) that the participant already has, times a
 * factor for each requirement flag they lack.
 *
 *   credit(skill)  = min(1, strength / FULL_CREDIT_AT)           held directly
 *                  = GROUP_CREDIT · min(1, strength_g / FULL_CREDIT_AT)
 *                                   a different skill of the same group
 *                                   (never for a licence or certificate)
 *                  = GROUP_CREDIT   a licence type when the licence is
 *                                   recorded without its type
 *   coverage       = Σ importance · credit   (importances sum to 1)
 *   evidence       = min(1, Σ specificity of the known needs / (EVIDENCE_FULL × ln(N + 1)))
 *   score          = coverage · evidence · Π penalty(missing requirement)
 *
 * `evidence` keeps a vacancy we know little about from looking perfect: an
 * advert whose only recognised skill is "teamwork" is fully "covered" by
 * anyone, which says nothing. ln(N + 1) is the specificity of the rarest
 * skill in a taxonomy of N occupations (specificity.ts), so EVIDENCE_FULL
 * = 2 asks for two of the rarest skills' worth, about three job-specific
 * ones; generic skills hardly count toward it. A vacancy with a known
 * occupation clears it easily.
 *
 * FULL_CREDIT_AT: a skill from one recent year in a job where it is
 * essential (strength ≈ 0.58) earns nearly full credit; an optional skill
 * from an old short job earns a fraction.
 */
export const FULL_CREDIT_AT = 0.6;
export const GROUP_CREDIT = 0.4;
export const EVIDENCE_FULL = 2;
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
  /** The participant's skill that earns the credit, and why we think they have it (shared between matches: read only). */
  held: HeldSkill;
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
  /** 0–1: how much we know about what the vacancy needs (1 = enough to judge). */
  evidence: number;
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

const missingScratch = {
  skill: new Int32Array(MAX_MISSING_LISTED),
  imp: new Float64Array(MAX_MISSING_LISTED),
  req: new Array<boolean>(MAX_MISSING_LISTED).fill(false),
  ev: new Array<string>(MAX_MISSING_LISTED).fill(''),
};

type ScorableVacancy = Pick<Vacancy, 'skills' | 'occupation' | 'requirements'>;

/** The numbers of a match, without its explanation. */
export type MatchFit = Pick<MatchResult, 'score' | 'coverage' | 'evidence' | 'requirementFactor'>;

/**
 * The match score alone: the same computation as scoreMatch, building none
 * of the explanation (ranking scores every candidate and explains only the
 * ones shown; rank.ts).
 */
export function measureFit(taxonomy: Taxonomy, profile: SkillProfile, vacancy: ScorableVacancy): MatchFit {
  return assess(taxonomy, profile, vacancy, null);
}

export function scoreMatch(taxonomy: Taxonomy, profile: SkillProfile, vacancy: ScorableVacancy): MatchResult {
  const why: Explanation = { matched: [], listed: 0, missingCount: 0, missingRequired: 0, requirements: [], missingRequirements: [] };
  const fit = assess(taxonomy, profile, vacancy, why);
  return explained(taxonomy, fit, why);
}

/** What scoreMatch gathers beside the numbers; the most important missing needs wait in missingScratch. */
interface Explanation {
  matched: MatchedSkill[];
  listed: number;
  missingCount: number;
  missingRequired: number;
  requirements: RequirementResult[];
  missingRequirements: string[];
}

/** One pass over the vacancy's needs and requirements; with `why`, also records what explains the numbers. */
function assess(taxonomy: Taxonomy, profile: SkillProfile, vacancy: ScorableVacancy, why: Explanation | null): MatchFit {
  const si = skillIndex(taxonomy);
  const dp = denseProfile(taxonomy, profile);
  const matched = why?.matched;
  // Missing needs: only the MAX_MISSING_LISTED most important become
  // objects, kept in order by insertion into small scratch buffers.
  const top = missingScratch;
  let listed = 0;
  let coverage = 0;
  let known = 0;
  const hasNeeds = forEachNeed(taxonomy, vacancy, (i, importance, required, evidence) => {
    known += si.weight[i] as number;
    const own = dp.strength[i] as number;
    if (own > 0) {
      const credit = own >= FULL_CREDIT_AT ? 1 : own / FULL_CREDIT_AT;
      coverage += importance * credit;
      if (!matched) return;
      const held = dp.held[i] as HeldSkill;
      matched.push({ skillId: held.skillId, label: held.label, importance, credit, via: 'skill', evidence, held });
      return;
    }
    // A licence or certificate is held or not: First Aid at Work earns no
    // credit toward Paediatric First Aid, nor one forklift licence toward
    // another (so the card never shows one the coach did not add).
    // Except a licence recorded without its type toward one of its types
    // (≈, not ✓: the coach checks which truck their forklift licence covers).
    const maybe = dp.maybeType.size ? dp.maybeType.get(i) : undefined;
    if (maybe !== undefined) {
      const credit = GROUP_CREDIT;
      coverage += importance * credit;
      if (!matched) return;
      const skillId = si.ids[i] as string;
      matched.push({ skillId, label: si.labels[i] as string, importance, credit, via: 'group', evidence, held: { skillId, label: si.labels[i] as string, why: maybe } });
      return;
    }
    const g = si.licence[i] ? -1 : (si.group[i] as number);
    const held = g >= 0 ? (dp.groupSkill[g] as number) : -1;
    if (held >= 0) {
      const gs = dp.groupStrength[g] as number;
      const credit = GROUP_CREDIT * (gs >= FULL_CREDIT_AT ? 1 : gs / FULL_CREDIT_AT);
      coverage += importance * credit;
      matched?.push({
        skillId: si.ids[i] as string, label: si.labels[i] as string, importance, credit, via: 'group', evidence,
        held: dp.held[held] as HeldSkill,
      });
      return;
    }
    if (!why) return;
    if (required) why.missingRequired++;
    why.missingCount++;
    if (listed === MAX_MISSING_LISTED && importance <= (top.imp[listed - 1] as number)) return;
    let k = listed < MAX_MISSING_LISTED ? listed++ : listed - 1;
    while (k > 0 && (top.imp[k - 1] as number) < importance) {
      top.imp[k] = top.imp[k - 1] as number;
      top.skill[k] = top.skill[k - 1] as number;
      top.req[k] = top.req[k - 1] as boolean;
      top.ev[k] = top.ev[k - 1] as string;
      k--;
    }
    top.imp[k] = importance;
    top.skill[k] = i;
    top.req[k] = required;
    top.ev[k] = evidence;
  });
  if (why) why.listed = listed;

  let requirementFactor = 1;
  for (const r of vacancy.requirements) {
    const check = checkRequirement(profile.licences, r.kind, r.detail, profile.unstatedTypes);
    const factor = check.status === 'missing' ? check.penalty : 1;
    requirementFactor *= factor;
    if (!why) continue;
    const needsLabel = check.needs ? describeLicence(check.needs) : null;
    if (check.status === 'missing') why.missingRequirements.push(needsLabel ?? r.kind);
    why.requirements.push({
      kind: r.kind, detail: r.detail, evidence: r.evidence, status: check.status, needs: needsLabel, factor,
      obtainable: check.obtainable,
    });
  }

  const cov = hasNeeds ? Math.min(1, coverage) : null;
  const evidence = Math.min(1, known / (EVIDENCE_FULL * Math.log(taxonomy.occupations.size + 1)));
  return { score: (cov ?? 0) * evidence * requirementFactor, coverage: cov, evidence, requirementFactor };
}

/** The match result from one assess pass with an explanation: call it before the next pass reuses missingScratch. */
function explained(taxonomy: Taxonomy, fit: MatchFit, why: Explanation): MatchResult {
  const si = skillIndex(taxonomy);
  const top = missingScratch;
  why.matched.sort((a, b) => b.importance * b.credit - a.importance * a.credit);
  // Most important first (importance already includes the advert's "required" boost).
  const missing: MissingSkill[] = [];
  for (let k = 0; k < why.listed; k++) {
    const i = top.skill[k] as number;
    missing.push({
      skillId: si.ids[i] as string,
      label: si.labels[i] as string,
      importance: top.imp[k] as number,
      required: top.req[k] as boolean,
      evidence: top.ev[k] as string,
    });
  }
  return {
    ...fit,
    matched: why.matched,
    missing,
    requirements: why.requirements,
    gap: {
      missingShare: fit.coverage == null ? 0 : 1 - fit.coverage,
      missingSkills: why.missingCount,
      missingRequiredSkills: why.missingRequired,
      missingRequirements: why.missingRequirements,
    },
  };
}
