import type { Participant } from '../participants/store.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import type { RankableVacancy } from '../vacancies/model.ts';
import { GUARD_THRESHOLDS } from './transition-guards.ts';
import type { TransitionSource } from './transitions.ts';
import { vacancyOccupationId } from './vacancy-needs.ts';

/**
 * How far above the participant a vacancy reaches (issue 14). Skill overlap
 * alone put a "Senior Sales Engineer", a "Nurse Unit Manager" and an "AI
 * Technical Lead" in the first five matches of a stock controller and a
 * care worker on real adverts: they share generic skills (attention to
 * detail, safeguarding), but the job asks for years of training, a
 * registration or seniority the overlap does not see. The transitions guard
 * occupations against exactly this (transition-guards.ts); the same
 * thresholds guard each vacancy:
 *
 *   skill level  the vacancy's occupation more than maxLevelUp (1) above
 *                the highest they have worked at            × STEP_FACTORS.level
 *   pay          its lowest pay more than maxPayRatio (1.75) × their pay
 *                level (their last job's typical pay)        × STEP_FACTORS.pay
 *   seniority    a senior title word (senior, lead, head, principal,
 *                director, chief) when none of their own jobs had one
 *                                                            × STEP_FACTORS.seniority
 *
 * The factors multiply the fit the list is ordered by (rank.ts) and the fit
 * the floor is held against, so such a vacancy sinks below vacancies they
 * could start and, when its fit was modest, shows only with the wider
 * results. A vacancy in an occupation they are aiming for is not guarded:
 * the step is the plan. A check that cannot be made (level or pay unknown)
 * passes.
 */
export const STEP_FACTORS = { level: 0.5, pay: 0.6, seniority: 0.7 } as const;

/** Title words that say the job is above the entry and experienced grades. */
const SENIOR_TITLE = /\b(senior|snr|sr|lead|head|principal|director|chief)\b(?!\s+generation)/i;

/** What the participant's reach is measured from, computed once per participant. */
export interface StepBasis {
  /** Highest skill level (1–5) of the occupations they have worked in, or null. */
  skillLevel: number | null;
  /** Their pay level: their last job's typical annual pay, else their floor as full-time pay; null when unknown. */
  currentPay: number | null;
  /** One of their own job titles carries a senior word (then senior titles are in reach). */
  heldSenior: boolean;
  /** Occupations they are aiming for: never guarded. */
  targets: readonly string[];
}

export type StepReason = 'level' | 'pay' | 'seniority';

export interface StepUp {
  /** Product of the factors of the steps it takes; 1 when it is within reach. */
  factor: number;
  steps: { reason: StepReason; factor: number; words: string }[];
}

export const WITHIN_REACH: StepUp = { factor: 1, steps: [] };

/** Whether a job title reads as senior (used for their history and for adverts alike). */
export function hasSeniorTitle(title: string | null | undefined): boolean {
  return !!title && SENIOR_TITLE.test(title);
}

/** Their reach, read from the source the transitions read (profileSource: their occupations' level and pay). */
export function stepBasisOf(source: Pick<TransitionSource, 'skillLevel' | 'currentPayAnnual'>, p: Participant, targets: readonly string[]): StepBasis {
  return {
    skillLevel: source.skillLevel,
    currentPay: source.currentPayAnnual ?? null,
    heldSenior: p.history.some((h) => hasSeniorTitle(h.title)),
    targets,
  };
}

export function checkStepUp(taxonomy: Taxonomy, basis: StepBasis, v: RankableVacancy): StepUp {
  const occupationId = vacancyOccupationId(taxonomy, v);
  if (occupationId && basis.targets.includes(occupationId)) return WITHIN_REACH;
  const steps: StepUp['steps'] = [];
  const toLevel = occupationId ? (taxonomy.occupations.get(occupationId)?.skillLevel ?? null) : null;
  if (toLevel != null && basis.skillLevel != null && toLevel - basis.skillLevel > GUARD_THRESHOLDS.maxLevelUp) {
    steps.push({
      reason: 'level',
      factor: STEP_FACTORS.level,
      words: `its occupation is at skill level ${toLevel}, ${toLevel - basis.skillLevel} above the ${basis.skillLevel} they have worked at`,
    });
  }
  const pay = v.salary.annualMin ?? v.salary.annualMax;
  if (pay != null && basis.currentPay && pay / basis.currentPay > GUARD_THRESHOLDS.maxPayRatio) {
    steps.push({
      reason: 'pay',
      factor: STEP_FACTORS.pay,
      words: `it pays at least ${Math.round((pay / basis.currentPay) * 100)}% of their pay level (more than ${Math.round(GUARD_THRESHOLDS.maxPayRatio * 100)}%)`,
    });
  }
  if (!basis.heldSenior && hasSeniorTitle(v.title)) {
    steps.push({ reason: 'seniority', factor: STEP_FACTORS.seniority, words: 'its title is a senior one and none of their jobs was' });
  }
  return steps.length ? { factor: steps.reduce((f, s) => f * s.factor, 1), steps } : WITHIN_REACH;
}
