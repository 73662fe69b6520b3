import { OUTSIDE_SCHOOL_HOURS, type MustPreference, type ShiftPattern } from '../participants/preferences.ts';
import type { Participant } from '../participants/store.ts';
import type { Vacancy } from '../vacancies/model.ts';

/**
 * Whether a vacancy's terms suit what the participant wants (issue 14 item
 * 4): hours, shift patterns, pay, travel and remote work. Each preference is
 *
 *   met       the advert says enough to tell, and it suits them
 *   not met   the advert says enough to tell, and it does not
 *   unknown   the advert does not say, or they stated no preference
 *
 * A preference not met multiplies the fit the list is ordered by with its
 * factor below (rank.ts), so a vacancy they cannot work moves down however
 * well their skills fit; unknown counts as met (many adverts leave hours or
 * pay out). Where the participant says "must", a vacancy that does not meet
 * it is left out instead (participant-matches.ts).
 *
 * The factors are ours: a mismatch in hours or shifts (a parent who must
 * collect children at three, offered nights) rules a job out more often
 * than a trip a little past their limit or on-site work when they hoped for
 * remote. Pay is graded: (pay / floor)², at least PREFERENCE_FACTORS.salary,
 * so 95% of their floor costs a tenth and 75% nearly half.
 */
export const PREFERENCE_FACTORS: Record<MustPreference, number> = {
  hours: 0.6,
  shifts: 0.6,
  salary: 0.5,
  travel: 0.8,
  remote: 0.75,
};

/** Hours a week from which a job counts as full-time, and below which as part-time. */
export const FULL_TIME_FROM_HOURS = 35;
export const PART_TIME_BELOW_HOURS = 30;
/** More hours than wanted by more than this is not met (a 16-hour wish and a 20-hour job is close enough). */
export const HOURS_TOLERANCE = 5;
/** The most hours a week a school-hours job can ask (five days of about 9:15 to 2:45). */
export const SCHOOL_HOURS_MAX = 30;

export type PreferenceStatus = 'met' | 'not met' | 'unknown';

export interface PreferenceCheck {
  preference: MustPreference;
  status: PreferenceStatus;
  /** A hard limit: a vacancy that does not meet it is left out. */
  must: boolean;
  /** Multiplier on the fit (1 unless not met). */
  factor: number;
  /** What was compared, in words ("wants school hours; advert: 37.5 h/week, weekends"). */
  words: string;
}

export interface PreferenceFit {
  checks: PreferenceCheck[];
  /** Product of the factors: 1 when nothing is known to clash. */
  factor: number;
  /** A must-preference the vacancy does not meet (it is left out). */
  excluded: boolean;
}

type Prefs = Pick<Participant, 'hoursPerWeek' | 'hoursPattern' | 'avoidShifts' | 'salaryFloor' | 'maxTravelKm' | 'remote' | 'must'>;
type Terms = Pick<Vacancy, 'hoursPerWeek' | 'employmentType' | 'shifts' | 'salary' | 'remote'>;

export function checkPreferences(p: Prefs, v: Terms, distanceKm: number | null): PreferenceFit {
  const must = new Set(p.must);
  const checks: PreferenceCheck[] = [];
  const add = (preference: MustPreference, status: PreferenceStatus, words: string, factor = PREFERENCE_FACTORS[preference]) =>
    checks.push({ preference, status, must: must.has(preference), factor: status === 'not met' ? factor : 1, words });

  const h = hoursCheck(p, v);
  if (h) add('hours', h.status, h.words);
  const s = shiftsCheck(p, v);
  if (s) add('shifts', s.status, s.words);
  if (p.salaryFloor != null) {
    const reach = v.salary.annualMax ?? v.salary.annualMin;
    add('salary', reach == null ? 'unknown' : reach >= p.salaryFloor ? 'met' : 'not met',
      `lowest pay £${Math.round(p.salaryFloor).toLocaleString('en-GB')} a year; advert: ${reach == null ? 'no pay stated' : `up to £${Math.round(reach).toLocaleString('en-GB')} a year`}`,
      reach == null || p.salaryFloor <= 0 ? 1 : Math.max(PREFERENCE_FACTORS.salary, Math.min(1, (reach / p.salaryFloor) ** 2)));
  }
  if (p.maxTravelKm != null && v.remote !== 'remote') {
    add('travel', distanceKm == null ? 'unknown' : distanceKm <= p.maxTravelKm ? 'met' : 'not met',
      `travels up to ${p.maxTravelKm} km; advert: ${distanceKm == null ? 'distance unknown' : `${Math.round(distanceKm * 10) / 10} km away`}`);
  }
  const r = remoteCheck(p, v);
  if (r) add('remote', r.status, r.words);

  let factor = 1;
  for (const c of checks) factor *= c.factor;
  return { checks, factor, excluded: checks.some((c) => c.must && c.status === 'not met') };
}

function hoursCheck(p: Prefs, v: Terms): { status: PreferenceStatus; words: string } | null {
  const pattern = p.hoursPattern;
  if (pattern == null && p.hoursPerWeek == null) return null;
  const wanted =
    pattern === 'school_hours' ? 'school hours' : pattern === 'part_time' ? 'part-time' : pattern === 'full_time' ? 'full-time' : '';
  const wantWords = [wanted, p.hoursPerWeek != null ? `about ${p.hoursPerWeek} h/week` : ''].filter(Boolean).join(', ');
  const offered = v.hoursPerWeek;
  const type = v.employmentType;
  const advert = [offered != null ? `${offered} h/week` : '', type ? type.replace('_', '-') : ''].filter(Boolean).join(', ') || 'hours not stated';
  const words = `wants ${wantWords}; advert: ${advert}`;
  const fullTime = (offered != null && offered >= FULL_TIME_FROM_HOURS) || (offered == null && type === 'full_time');
  const partTime = (offered != null && offered < PART_TIME_BELOW_HOURS) || (offered == null && type === 'part_time');
  if (offered == null && type == null) return { status: 'unknown', words };
  let ok = true;
  if (pattern === 'school_hours') ok = !fullTime && (offered == null || offered <= SCHOOL_HOURS_MAX);
  else if (pattern === 'part_time') ok = !fullTime;
  else if (pattern === 'full_time') ok = !partTime;
  if (ok && p.hoursPerWeek != null && offered != null) ok = offered <= p.hoursPerWeek + HOURS_TOLERANCE;
  if (ok && pattern == null && p.hoursPerWeek != null && offered == null) {
    // Only the contract type is known: a part-timer offered full-time hours, or the other way round.
    ok = p.hoursPerWeek < PART_TIME_BELOW_HOURS ? !fullTime : p.hoursPerWeek >= FULL_TIME_FROM_HOURS ? !partTime : true;
  }
  return { status: ok ? 'met' : 'not met', words };
}

function shiftsCheck(p: Prefs, v: Terms): { status: PreferenceStatus; words: string } | null {
  const avoid = new Set<ShiftPattern>(p.avoidShifts);
  if (p.hoursPattern === 'school_hours') for (const s of OUTSIDE_SCHOOL_HOURS) avoid.add(s);
  if (!avoid.size) return null;
  const clash = v.shifts.filter((s) => avoid.has(s as ShiftPattern));
  const words = `cannot work ${[...avoid].map(shiftWord).join(', ')}; advert: ${v.shifts.length ? v.shifts.map(shiftWord).join(', ') : 'no shift pattern stated'}`;
  return { status: clash.length ? 'not met' : v.shifts.length ? 'met' : 'unknown', words };
}

function remoteCheck(p: Prefs, v: Terms): { status: PreferenceStatus; words: string } | null {
  if (p.remote == null || p.remote === 'any') return null;
  const words = `wants ${p.remote === 'onsite' ? 'on-site' : p.remote} work; advert: ${v.remote == null ? 'not stated' : v.remote === 'onsite' ? 'on-site' : v.remote}`;
  if (v.remote == null) return { status: 'unknown', words };
  // Hybrid suits someone who wants remote work; on-site does not. Fully remote does not suit someone who wants on-site work.
  const ok = p.remote === 'remote' ? v.remote !== 'onsite' : p.remote === 'onsite' ? v.remote !== 'remote' : true;
  return { status: ok ? 'met' : 'not met', words };
}

function shiftWord(s: string): string {
  return s === 'on_call' ? 'on call' : s;
}
