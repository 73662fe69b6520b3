/**
 * Where a shortlisted vacancy has got to. The forward path is the order a
 * placement usually takes; declined and withdrawn end it and need a reason,
 * so the organisation can later see why placements fall through.
 */
export const FORWARD_STAGES = ['suggested', 'discussed', 'applied', 'interview', 'offer', 'started'] as const;
export const ENDING_STAGES = ['declined', 'withdrawn'] as const;
export const STAGES = [...FORWARD_STAGES, ...ENDING_STAGES] as const;
export type Stage = (typeof STAGES)[number];

/** Why a shortlisted vacancy was declined or withdrawn; `other` wants the free text. */
export const END_REASONS = ['not-interested', 'travel', 'hours', 'pay', 'requirements', 'vacancy-closed', 'not-selected', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

export const STAGE_WORDS: Record<Stage, string> = {
  suggested: 'Suggested',
  discussed: 'Discussed',
  applied: 'Applied',
  interview: 'Interview',
  offer: 'Offer',
  started: 'Started',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const REASON_WORDS: Record<EndReason, string> = {
  'not-interested': 'Not interested',
  travel: 'Too far to travel',
  hours: 'Hours do not suit',
  pay: 'Pay too low',
  requirements: 'Does not meet a requirement',
  'vacancy-closed': 'Vacancy closed',
  'not-selected': 'Not selected by the employer',
  other: 'Other',
};

export const isEnding = (s: Stage): boolean => (ENDING_STAGES as readonly string[]).includes(s);
