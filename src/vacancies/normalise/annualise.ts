import type { SalaryPeriod } from '../model.ts';

/**
 * THE annualising convention, in one place. Annualised figures are
 * full-time-equivalent annual pay so that every vacancy can be compared on
 * one scale (search filters, pay guards in pivots), whatever the period it
 * was advertised in, and whether or not the job is part-time ("pro rata"
 * salaries are already FTE; an hourly rate is scaled to a full-time week).
 */

/** The standard full-time week in the UK public sector (NHS Agenda for Change, local government): 37.5 hours. */
export const HOURS_PER_WEEK = 37.5;
/** A UK annual salary pays every week of the year, paid leave included, so weekly/hourly pay is scaled by 52. */
export const WEEKS_PER_YEAR = 52;
/** A day rate covers a working day of a five-day week; 5 × 52 = 260 paid days, the usual day-rate ↔ salary equivalence. */
export const DAYS_PER_WEEK = 5;
export const MONTHS_PER_YEAR = 12;

const FACTOR: Record<SalaryPeriod, number> = {
  hour: HOURS_PER_WEEK * WEEKS_PER_YEAR,
  day: DAYS_PER_WEEK * WEEKS_PER_YEAR,
  week: WEEKS_PER_YEAR,
  month: MONTHS_PER_YEAR,
  year: 1,
};

/** The convention in words, for the API docs (api-shape.ts) and the README. */
export const ANNUALISATION_NOTE =
  `Full-time-equivalent annual pay: hourly × ${HOURS_PER_WEEK} h × ${WEEKS_PER_YEAR} weeks, daily × ${DAYS_PER_WEEK} days × ${WEEKS_PER_YEAR} weeks, ` +
  `weekly × ${WEEKS_PER_YEAR}, monthly × ${MONTHS_PER_YEAR}; "pro rata" figures are already full-time. Basic pay only: OTE, bonus, ` +
  `commission, tips and allowances are never included. Null when the figures are flagged implausible.`;

/** Full-time-equivalent annual amount, rounded to whole units. */
export function annualise(amount: number | null, period: SalaryPeriod | null): number | null {
  if (amount == null || period == null || !Number.isFinite(amount)) return null;
  return Math.round(amount * FACTOR[period]);
}
