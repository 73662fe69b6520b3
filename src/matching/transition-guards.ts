/**
 * The guards on an occupation transition, in one place: when a move is
 * *viable* (they could make it with a short course or some on-the-job
 * learning) and when it is *desirable* (worth suggesting).
 *
 * Following Nesta's "Mapping Career Causeways" (Kanders et al., 2020) and
 * the WEF/BCG "Towards a Reskilling Revolution" (2018), with one addition
 * (issue 14): a destination far ABOVE the participant's pay is guarded like
 * one far below. A train driver at 273% of a warehouse operative's pay
 * shares some skills and a short track-safety course, but a pay step that
 * size stands for years of training, selection or seniority the skill
 * overlap does not see.
 *
 *   similarity  ≥ minSimilarity (0.25)          else not viable: too little overlap
 *   skill level ≤ from + maxLevelUp (1)         else not viable: a long training first
 *   pay         ≤ maxPayRatio (1.75) × current  else not viable: far above their pay
 *   pay         ≥ minPayRatio (0.9) × floor     else viable but not desirable: a pay cut
 *
 * Two bases, because they answer different questions: "far above" compares
 * with the pay level they are at (their last job's typical pay), "a cut"
 * with the least they would take (their salary floor, as full-time pay).
 * Each falls back to the other when unknown. A guard that cannot be checked
 * (level or pay unknown) passes.
 */
export const GUARD_THRESHOLDS = {
  minSimilarity: 0.25,
  maxLevelUp: 1,
  minPayRatio: 0.9,
  maxPayRatio: 1.75,
} as const;

export type GuardThresholds = { [K in keyof typeof GUARD_THRESHOLDS]: number };

export interface GuardInput {
  similarity: number;
  fromLevel: number | null;
  toLevel: number | null;
  /** Annual full-time pay a cut is judged against (their floor, else their last job's typical pay). */
  fromPay: number | null;
  /** Annual pay level they are at (their last job's typical pay), for "far above"; defaults to fromPay. */
  fromCurrentPay?: number | null;
  toPay: number | null;
}

export interface TransitionGuards {
  similarity: { value: number; min: number; pass: boolean };
  skillLevel: { from: number | null; to: number | null; diff: number | null; maxUp: number; pass: boolean | null };
  /**
   * `ratio`: to / from (the floor), checked against `min`; `stepRatio`: to /
   * current (their pay level), checked against `max`; `pass`: both within
   * bounds, null when no pay is known.
   */
  pay: {
    from: number | null; current: number | null; to: number | null; ratio: number | null; stepRatio: number | null;
    min: number; max: number; pass: boolean | null;
  };
  /** Why the move is not viable or not desirable, in words; empty when it passes every guard. */
  reasons: string[];
}

export interface GuardVerdict {
  guards: TransitionGuards;
  viable: boolean;
  desirable: boolean;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function guardTransition(input: GuardInput, t: GuardThresholds = GUARD_THRESHOLDS): GuardVerdict {
  const reasons: string[] = [];
  const simPass = input.similarity >= t.minSimilarity;
  if (!simPass) reasons.push(`skill overlap ${pct(input.similarity)} is below the ${pct(t.minSimilarity)} a move needs`);

  const diff = input.toLevel != null && input.fromLevel != null ? input.toLevel - input.fromLevel : null;
  const levelPass = diff == null ? null : diff <= t.maxLevelUp;
  if (levelPass === false) {
    reasons.push(`skill level ${input.toLevel} is ${diff} above the ${input.fromLevel} they reached (at most ${t.maxLevelUp} up): a long training first`);
  }

  const current = input.fromCurrentPay ?? input.fromPay;
  const ratio = input.toPay != null && input.fromPay ? input.toPay / input.fromPay : null;
  const stepRatio = input.toPay != null && current ? input.toPay / current : null;
  const farAbove = stepRatio != null && stepRatio > t.maxPayRatio;
  const farBelow = ratio != null && ratio < t.minPayRatio;
  if (farAbove) {
    reasons.push(`pays ${pct(stepRatio)} of their pay (more than ${pct(t.maxPayRatio)}): a step that size takes more than a short course`);
  }
  if (farBelow) reasons.push(`pays ${pct(ratio)} of their pay (less than ${pct(t.minPayRatio)}): a pay cut`);

  const viable = simPass && levelPass !== false && !farAbove;
  return {
    guards: {
      similarity: { value: round(input.similarity), min: t.minSimilarity, pass: simPass },
      skillLevel: { from: input.fromLevel, to: input.toLevel, diff, maxUp: t.maxLevelUp, pass: levelPass },
      pay: {
        from: input.fromPay, current, to: input.toPay, ratio: ratio == null ? null : round(ratio),
        stepRatio: stepRatio == null ? null : round(stepRatio), min: t.minPayRatio, max: t.maxPayRatio,
        pass: ratio == null && stepRatio == null ? null : !farAbove && !farBelow,
      },
      reasons,
    },
    viable,
    desirable: viable && !farBelow,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
