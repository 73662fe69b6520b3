/**
 * The working conditions a participant wants, in one vocabulary shared by
 * the participant API, the store and the match ranking
 * (src/matching/preferences.ts scores and filters by them).
 *
 *   hoursPattern   full_time | part_time | school_hours (part-time daytime
 *                  hours on weekdays, for a parent: no nights, weekends,
 *                  lates, earlies, rotating or split shifts)
 *   avoidShifts    shift patterns they cannot or will not work, named as the
 *                  vacancy normaliser names them (src/vacancies/normalise/terms.ts)
 *   must           which preferences are hard limits: a vacancy known to
 *                  break one is left out rather than ranked lower
 *
 * Hours wanted (hoursPerWeek), the salary floor, the travel limit
 * (maxTravelKm) and the remote preference are participant fields already.
 */
export const HOURS_PATTERNS = ['full_time', 'part_time', 'school_hours'] as const;
export type HoursPattern = (typeof HOURS_PATTERNS)[number];

export const SHIFT_PATTERNS = ['nights', 'weekends', 'days', 'lates', 'earlies', 'rotating', 'split', 'on_call'] as const;
export type ShiftPattern = (typeof SHIFT_PATTERNS)[number];

export const MUST_PREFERENCES = ['hours', 'shifts', 'salary', 'travel', 'remote'] as const;
export type MustPreference = (typeof MUST_PREFERENCES)[number];

/** Shifts school hours rule out, beside anything the participant lists. */
export const OUTSIDE_SCHOOL_HOURS: readonly ShiftPattern[] = ['nights', 'weekends', 'lates', 'earlies', 'rotating', 'split', 'on_call'];
