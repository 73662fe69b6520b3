import { SIC_2007_SECTIONS } from '../taxonomy/sectors.ts';

/** Display helpers shared by the page components: plain functions of their arguments. */

/** How a participant is named on the coach pages: name, else their reference, else their id. */
export const participantTitle = (p: { id: number; name: string | null; reference: string | null }): string => p.name ?? p.reference ?? `Participant ${p.id}`;

const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const gbpPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
// Built once: toLocaleDateString(locale, options) builds a formatter on every call, about
// 0.3 ms each, which a caseload page of 50 rows with two dates each paid on every request.
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** Number formats by fraction digits, built on first use for the same reason. */
const fractions = new Map<number, Intl.NumberFormat>();

export function formatMoney(amount: number, currency: string | null = 'GBP'): string {
  if (currency && currency !== 'GBP') return `${whole.format(amount)} ${currency}`;
  // Hourly rates keep their pence (£13.00 beside £12.50); yearly pay reads better whole.
  return amount < 100 ? gbpPence.format(amount) : gbp.format(amount);
}

const PERIOD_WORDS: Record<string, string> = { hour: 'an hour', day: 'a day', week: 'a week', month: 'a month', year: 'a year' };

export interface SalaryLike {
  min: number | null;
  max: number | null;
  currency: string | null;
  period: string | null;
  annualMin: number | null;
  annualMax: number | null;
  text: string | null;
}

/** The advert's own salary words when it has them, else the figures; with the annual equivalent when the period is not a year. */
export function formatSalary(s: SalaryLike): string {
  const range = (a: number | null, b: number | null, cur: string | null) =>
    a != null && b != null && a !== b ? `${formatMoney(a, cur)}–${formatMoney(b, cur)}` : a != null ? formatMoney(a, cur) : b != null ? formatMoney(b, cur) : null;
  const stated = s.text?.trim() || (() => {
    const r = range(s.min, s.max, s.currency);
    return r ? `${r}${s.period ? ` ${PERIOD_WORDS[s.period] ?? `per ${s.period}`}` : ''}` : null;
  })();
  if (!stated) return 'Salary not stated';
  const annual = range(s.annualMin, s.annualMax, 'GBP');
  return annual && s.period !== 'year' ? `${stated} (about ${annual} a year)` : stated;
}

export function formatKm(km: number | null | undefined): string | null {
  if (km == null) return null;
  return km < 10 ? `${km.toFixed(1)} km` : `${Math.round(km)} km`;
}

export function formatDate(iso: string | number | null | undefined): string | null {
  if (iso == null) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return day.format(d);
}

/** 0.42 → "42%"; change ratios with a sign: +12%, −8%. */
export function formatPercent(x: number | null | undefined, signed = false): string {
  if (x == null || !Number.isFinite(x)) return '–';
  const p = Math.round(x * 100);
  if (!signed) return `${p}%`;
  return p > 0 ? `+${p}%` : p < 0 ? `−${Math.abs(p)}%` : '0%';
}

export function formatNumber(x: number | null | undefined, digits = 0): string {
  if (x == null || !Number.isFinite(x)) return '–';
  let f = fractions.get(digits);
  if (!f) fractions.set(digits, (f = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return f.format(x);
}

const SECTOR_TITLES = new Map(SIC_2007_SECTIONS.map((s) => [s.code, s.title]));

/** "Q" → "Human health and social work activities" (the code itself when unknown). */
export function sectorTitle(code: string | null | undefined): string {
  if (!code) return 'Sector not known';
  return SECTOR_TITLES.get(code) ?? code;
}

export const SECTOR_OPTIONS: readonly { code: string; title: string }[] = SIC_2007_SECTIONS.map((s) => ({ code: s.code, title: s.title }));

const WORDS: Record<string, string> = {
  full_time: 'Full time',
  part_time: 'Part time',
  permanent: 'Permanent',
  temporary: 'Temporary',
  fixed_term: 'Fixed term',
  contract: 'Contract',
  apprenticeship: 'Apprenticeship',
  internship: 'Internship',
  volunteer: 'Volunteer',
  zero_hours: 'Zero hours',
  onsite: 'On site',
  hybrid: 'Hybrid',
  remote: 'Remote',
  any: 'Any',
};

/** An enum value in words: `full_time` → "Full time". */
export function describeValue(v: string | null | undefined): string {
  if (!v) return '';
  return WORDS[v] ?? v.replace(/_/g, ' ').replace(/^./, (ch) => ch.toUpperCase());
}

const COUNTRY_NAMES = new Intl.DisplayNames(['en-GB'], { type: 'region' });

/** A place as pages show it: its own words, and a note when it is outside the UK ("Toronto, outside the UK (Canada)"). */
export function describePlace(p: { text: string; outsideUk?: { country: string | null } }): string {
  if (!p.outsideUk) return p.text;
  let country: string | undefined;
  try {
    country = p.outsideUk.country ? COUNTRY_NAMES.of(p.outsideUk.country) : undefined;
  } catch {
    // A stored code ICU does not know: say only that it is abroad.
  }
  return `${p.text}, outside the UK${country ? ` (${country})` : ''}`;
}

/** An external link only when it is http(s): adverts come from employers and scrapers, and a `javascript:` URL must never become a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
