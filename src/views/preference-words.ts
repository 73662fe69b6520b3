import type { HoursPattern, MustPreference, ShiftPattern } from '../participants/preferences.ts';

/** The participant's working-condition preferences in a coach's words, for the form and the profile. */
export const HOURS_WORDS: Record<HoursPattern, string> = { full_time: 'Full time', part_time: 'Part time', school_hours: 'School hours (weekday daytime, part time)' };
export const SHIFT_WORDS: Record<ShiftPattern, string> = {
  nights: 'Nights',
  weekends: 'Weekends',
  days: 'Day shifts',
  lates: 'Lates',
  earlies: 'Earlies',
  rotating: 'Rotating shifts',
  split: 'Split shifts',
  on_call: 'On call',
};
export const MUST_WORDS: Record<MustPreference, string> = {
  hours: 'Hours (pattern and hours a week)',
  shifts: 'Shifts they cannot work',
  salary: 'Lowest acceptable pay',
  travel: 'Furthest they will travel',
  remote: 'Remote working',
};
