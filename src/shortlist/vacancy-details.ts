import type { Vacancy } from '../vacancies/model.ts';

/**
 * What a shortlist shows of a vacancy: enough to decide and to apply, for a
 * printed page or a shared link. Kept as a snapshot when shortlisted, and
 * read fresh from the store while the vacancy row is there (the store keeps
 * closed vacancies with their last details, so a closed one still shows).
 */
export interface ShortlistVacancy {
  title: string;
  employer: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  remote: string | null;
  salary: { min: number | null; max: number | null; currency: string | null; period: string | null; annualMin: number | null; annualMax: number | null; text: string | null };
  hoursPerWeek: number | null;
  contract: string | null;
  /** Closing date, epoch ms. */
  validThrough: number | null;
  /** Where to apply: the apply link, else the advert. */
  applyUrl: string | null;
  url: string | null;
}

export function detailsOf(v: Vacancy): ShortlistVacancy {
  const s = v.salary;
  return {
    title: v.title,
    employer: v.endEmployerName ?? v.employerName,
    place: v.location ? (v.location.town ?? v.location.text) : null,
    lat: v.location?.lat ?? null,
    lon: v.location?.lon ?? null,
    remote: v.remote,
    salary: { min: s.min, max: s.max, currency: s.currency, period: s.period, annualMin: s.annualMin, annualMax: s.annualMax, text: s.text },
    hoursPerWeek: v.hoursPerWeek,
    contract: v.contract,
    validThrough: v.validThrough,
    applyUrl: v.applyUrl ?? v.url,
    url: v.url,
  };
}

/** Closed for the participant: closed or expired in the store, gone from it, or past its closing date. */
export function isClosed(v: Vacancy | null, now: number): boolean {
  if (!v) return true;
  return v.status !== 'live' || (v.validThrough != null && v.validThrough < now);
}
