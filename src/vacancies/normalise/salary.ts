import type { NormalisedVacancy, RawVacancy, SalaryPeriod } from '../model.ts';
import { lookupAfcBand } from './afc-bands.ts';
import { annualise } from './annualise.ts';

export type Salary = NormalisedVacancy['salary'];

/**
 * Salary from free text ("£25k-£30k", "£11.44 per hour", "Band 5",
 * "Competitive"), from a structured min/max/period object, or from a
 * baseSalary that is a plain string. Numbers that cannot be found are null;
 * the original text is always kept. Annualised figures follow the one
 * convention in annualise.ts.
 *
 * Conventions decided here:
 * - "up to £X" → max only; "from £X", "£X+" → min only.
 * - "£X basic, OTE £Y" → min X, max Y; "OTE £Y" alone → max Y (on-target
 *   earnings are a ceiling, not a floor).
 * - "pro rata" figures are already full-time equivalents and are kept as is.
 * - With no stated period the magnitude decides: ≥ 10,000 a year, ≥ 1,000 a
 *   month, ≥ 150 a day, else an hour.
 * - Sanity guards: an amount that cannot belong to its stated period is moved
 *   (an hourly "£25,000" is annual; a yearly "£11.44" is hourly).
 */

const NO_NUMBER_WORDS =
  /\b(?:competitive|compet[ae]tive|completitve|negotiable|neg|doe|bank(?:\s+rates?)?|various|on\s+experience|dependant\s+(?:on|upon)\s+experience|dependent\s+upon\s+experience|n\/a|please\s+see\s+(?:description|advert)|national\s+pay\s+scales?|d\.o\.e|depending\s+(?:on|upon)\s+(?:experience|skills)|dependent\s+on\s+experience|commensurate|attractive|excellent|market\s+rate|unspecified|not\s+(?:specified|disclosed|stated)|tbc|tba|to\s+be\s+(?:confirmed|agreed|discussed)|undisclosed|voluntary|unpaid)\b/i;

const AMOUNT_RE = /(£|\$|€|\bgbp\s?|\busd\s?|\beur\s?)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(k|m)\b)?(\+)?/gi;

interface Amount {
  value: number;
  start: number;
  end: number;
  currency: string | null;
  k: boolean;
  plus: boolean;
  money: boolean;
}

const CURRENCY_OF: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR', gbp: 'GBP', usd: 'USD', eur: 'EUR' };

const PERIOD_RES: [SalaryPeriod, RegExp][] = [
  ['hour', /\b(?:per|an|a|each)\s+(?:hour|hr)\b|\/\s*(?:hour|hr|h)\b|\bp\/?hr?\b|\bhourly\b|\bph\b|\bhour\b/gi],
  ['day', /\b(?:per|a|each)\s+day\b|\/\s*day\b|\bdaily\b|\bp\/?d\b|\bday\s+rate\b|\bper\s+diem\b/gi],
  ['week', /\b(?:per|a|each)\s+week\b|\/\s*(?:week|wk)\b|\bweekly\b|\bp\/?w\b|\bpw\b/gi],
  ['month', /\b(?:per|a|each)\s+(?:calendar\s+)?month\b|\/\s*(?:month|mth)\b|\bmonthly\b|\bpcm\b|\bp\/?m\b/gi],
  [
    'year',
    /\b(?:per|a|each)\s+(?:annum|year|yr)\b|\/\s*(?:annum|year|yr|yearly|annual)\b|\bp\.?\s?a\b\.?|\bannum\b|\bannual(?:ly)?\b|\byearly\b|\bsalary\b|\bpa\b/gi,
  ],
];

export interface ParseSalaryOptions {
  /** Treat unmarked numbers as money (true for a dedicated salary field; false for prose). */
  field?: boolean;
}

/** Free text → salary. Never throws. */
export function parseSalaryText(input: string, opts: ParseSalaryOptions = { field: true }): Salary {
  const text = input.replace(/\s+/g, ' ').trim().slice(0, 500);
  const empty: Salary = { min: null, max: null, currency: null, period: null, annualMin: null, annualMax: null, text: text || null };
  if (!text) return empty;
  const lower = text.toLowerCase().replace(/[–—−]/g, '-');
  const amounts = findAmounts(lower, opts.field !== false);
  if (!amounts.some((a) => a.money)) {
    const band = parseBand(lower);
    if (band) return { ...band, text };
  }
  if (amounts.length === 0) return empty;

  const first = amounts[0]!;
  let min: number | null = first.value;
  let max: number | null = first.value;
  let last = first;
  const second = amounts[1];
  if (second && isRangeGap(lower.slice(first.end, second.start))) {
    let a = first.value;
    let b = second.value;
    if (second.k && !first.k && a < 1000) a *= 1000;
    if (first.k && !second.k && b < 1000) b *= 1000;
    min = Math.min(a, b);
    max = Math.max(a, b);
    last = second;
  } else {
    const before = lower.slice(Math.max(0, first.start - 30), first.start);
    const oteAmount = amounts.find(
      (x) => /\b(?:ote|on[- ]target(?:\s+earnings)?)\s*:?\s*(?:of\s+)?$/.test(lower.slice(Math.max(0, x.start - 24), x.start)) || /^\s*\(?(?:ote|on[- ]target)\b/.test(lower.slice(x.end, x.end + 14)),
    );
    if (/\b(?:up\s*to|upto|to\s+a\s+max(?:imum)?\s+of|max(?:imum)?|not\s+exceeding|capped\s+at)\s*:?\s*$/.test(before)) {
      min = null;
    } else if (/\b(?:from|starting(?:\s+(?:at|from|salary))?|min(?:imum)?|at\s+least|in\s+excess\s+of|over|above|plus)\s*:?\s*$/.test(before) || (first.plus && !/^\s*[a-z]/.test(lower.slice(first.end)))) {
      max = null;
    }
    if (oteAmount) {
      if (oteAmount === first) {
        min = null;
        max = first.value;
      } else {
        max = Math.max(oteAmount.value, first.value);
        min = first.value;
        last = oteAmount;
      }
    }
  }

  let period = findPeriod(lower, first.start, last.end);
  const biggest = Math.max(min ?? 0, max ?? 0);
  if (first.k || last.k) period = period ?? 'year';
  if (!period) period = biggest >= 10_000 ? 'year' : biggest >= 1_000 ? 'month' : biggest >= 150 ? 'day' : 'hour';
  period = guardPeriod(period, biggest, (min ?? max ?? 0) % 1 !== 0);

  const currency = amounts.find((a) => a.currency)?.currency ?? currencyWord(lower) ?? 'GBP';
  return finish({ min, max, currency, period, text });
}

/** A source's salary (string or structured) → salary. Never throws. */
export function parseSalary(input: RawVacancy['salary'] | null | undefined): Salary {
  if (input == null) return { min: null, max: null, currency: null, period: null, annualMin: null, annualMax: null, text: null };
  if (typeof input === 'string') return parseSalaryText(input);
  const fromText = input.text ? parseSalaryText(input.text) : null;
  let min = input.min ?? null;
  let max = input.max ?? null;
  if (min == null && max == null) {
    if (!fromText) return { min: null, max: null, currency: input.currency?.toUpperCase() ?? null, period: input.period ?? null, annualMin: null, annualMax: null, text: null };
    return { ...fromText, currency: input.currency?.toUpperCase() ?? fromText.currency, period: fromText.min ?? fromText.max ? fromText.period : (input.period ?? fromText.period) };
  }
  if (min != null && max != null && min > max) [min, max] = [max, min];
  const biggest = Math.max(min ?? 0, max ?? 0);
  let period: SalaryPeriod =
    input.period ?? fromText?.period ?? (biggest >= 10_000 ? 'year' : biggest >= 1_000 ? 'month' : biggest >= 150 ? 'day' : 'hour');
  period = guardPeriod(period, biggest, (min ?? max ?? 0) % 1 !== 0);
  return finish({ min, max, currency: input.currency?.toUpperCase() ?? fromText?.currency ?? 'GBP', period, text: input.text ?? null });
}

function finish(s: { min: number | null; max: number | null; currency: string | null; period: SalaryPeriod; text: string | null }): Salary {
  const round = (v: number | null) => (v == null ? null : Math.round(v * 100) / 100);
  return {
    min: round(s.min),
    max: round(s.max),
    currency: s.currency,
    period: s.period,
    annualMin: annualise(s.min, s.period),
    annualMax: annualise(s.max, s.period),
    text: s.text,
  };
}

/** Moves an amount to the period it must belong to (see the conventions above). */
function guardPeriod(period: SalaryPeriod, value: number, hasPence: boolean): SalaryPeriod {
  if (value <= 0) return period;
  switch (period) {
    case 'hour':
      return value >= 5_000 ? 'year' : value >= 300 ? 'day' : 'hour';
    case 'day':
      return value >= 10_000 ? 'year' : value < 40 ? 'hour' : 'day';
    case 'week':
      return value >= 10_000 ? 'year' : value < 60 ? 'hour' : 'week';
    case 'month':
      return value >= 25_000 ? 'year' : value < 100 ? 'hour' : 'month';
    case 'year':
      if (value >= 1_000) return 'year';
      if (value < 150 || hasPence) return 'hour';
      return 'day';
  }
}

function findAmounts(lower: string, field: boolean): Amount[] {
  const out: Amount[] = [];
  for (const m of lower.matchAll(AMOUNT_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const sym = m[1]?.trim() ?? '';
    const digits = m[2]!.replace(/,/g, '');
    let value = Number(digits + (m[3] ?? ''));
    const k = m[4] === 'k';
    if (k) value *= 1000;
    if (m[4] === 'm') value *= 1_000_000;
    if (!Number.isFinite(value) || value <= 0) continue;
    // Glued to letters ("B2B", "2nd") or a piece of a longer token: not an amount.
    const prev = lower[start - 1] ?? ' ';
    if (!sym && /[a-z0-9.]/.test(prev)) continue;
    const before = lower.slice(Math.max(0, start - 12), start);
    const after = lower.slice(end, end + 14);
    const money = !!sym || k;
    if (!money) {
      if (/\b(?:band|grade|level|nvq|step|point|spine|scale|step|year|ks|key stage)\s*$/.test(before)) continue;
      if (/^\s*(?:hours?|hrs?\b|%|days?|weeks?|months?|years?|yrs?|x\b|am|pm|st|nd|rd|th|-\s*\d+\s*hours|\/\s*\d)/.test(after)) continue;
      if (/^\s*(?:to|-)\s*\d+(?:\.\d+)?\s*(?:hours?|hrs?)\b/.test(after)) continue;
      if (value >= 1900 && value <= 2100 && !digits.includes(',')) continue;
      if (!field) continue;
    }
    out.push({ value, start, end, currency: sym ? (CURRENCY_OF[sym] ?? null) : null, k, plus: m[5] === '+', money });
  }
  // In a salary field with symbols present, unmarked numbers right after a
  // marked one may be its range partner ("£30 - 35k", "£25,000 - 30,000"); other unmarked ones are noise.
  if (out.some((a) => a.money)) {
    return out.filter((a, i) => a.money || (i > 0 && out[i - 1]!.money && isRangeGap(lower.slice(out[i - 1]!.end, a.start))));
  }
  return out;
}

function isRangeGap(gap: string): boolean {
  return /^\s*(?:-+|to|and|up\s+to|upto|–|\/)\s*$/.test(gap);
}

function findPeriod(lower: string, from: number, to: number): SalaryPeriod | null {
  let best: { period: SalaryPeriod; dist: number } | null = null;
  for (const [period, re] of PERIOD_RES) {
    re.lastIndex = 0;
    for (const m of lower.matchAll(re)) {
      // Prefer what follows the amounts ("£12 per hour"), then what precedes them ("Hourly rate: £12").
      const dist = m.index >= to ? m.index - to : m.index < from ? from - m.index + 1000 : 0;
      if (!best || dist < best.dist) best = { period, dist };
    }
  }
  return best?.period ?? null;
}

function currencyWord(lower: string): string | null {
  if (/\b(?:gbp|sterling|pounds?)\b/.test(lower)) return 'GBP';
  if (/\b(?:eur|euros?)\b/.test(lower)) return 'EUR';
  if (/\b(?:usd|dollars?)\b/.test(lower)) return 'USD';
  return null;
}

const BAND_RE = /\b(?:afc\s+|agenda\s+for\s+change\s+)?band\s*:?\s*(\d[a-d]?)\b(?:\s*(?:-|\/|to|or|&)\s*(?:band\s*)?(\d[a-d]?)\b)?/;

/** "Band 5", "Band 8a", "Band 5/6": the Agenda for Change range (afc-bands.ts). */
function parseBand(lower: string): Omit<Salary, 'text'> | null {
  const m = BAND_RE.exec(lower);
  if (!m) return null;
  const lo = bandRange(m[1]!);
  const hi = m[2] ? bandRange(m[2]) : lo;
  if (!lo || !hi) return null;
  const min = Math.min(lo.min, hi.min);
  const max = Math.max(lo.max, hi.max);
  return { min, max, currency: 'GBP', period: 'year', annualMin: min, annualMax: max };
}

function bandRange(band: string): { min: number; max: number } | null {
  if (band === '8') {
    const a = lookupAfcBand('8a');
    const d = lookupAfcBand('8d');
    return a && d ? { min: a.min, max: d.max } : null;
  }
  return lookupAfcBand(band);
}

/** True when a salary text says there is pay but gives no figure ("Competitive", "DOE"). */
export function isUnquantifiedSalary(text: string): boolean {
  return NO_NUMBER_WORDS.test(text);
}

/**
 * A labelled salary line in advert prose ("Salary: £24,000", "Pay rate - £12.50
 * per hour"), for sources without a salary field. Only labelled lines count:
 * prose is full of other money ("a £4 billion portfolio").
 */
export function findSalaryInText(text: string): string | null {
  const m = /(?:^|\n)\s*(?:•\s*)?(?:salary|pay(?:\s+rate)?|rate\s+of\s+pay|hourly\s+rate|wage|remuneration|day\s+rate|compensation)\s*(?:range)?\s*[:\-–]\s*([^\n]{2,120})/i.exec(text);
  if (m) return m[1]!.trim();
  const inline = /(?:£|€|\$)\s?\d[\d,.]*\s?k?(?:\s*(?:-|–|to)\s*(?:£|€|\$)?\s?\d[\d,.]*\s?k?)?\s*(?:per\s+(?:annum|year|hour|day|week|month)|p\.?a\.?\b|an\s+hour|a\s+year|pro\s+rata|\/\s*(?:hour|hr|annum|year|day))/i.exec(text);
  return inline ? inline[0] : null;
}
