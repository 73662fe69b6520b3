import type { NormalisedVacancy, RawVacancy, SalaryExtra, SalaryFlag, SalaryPeriod } from '../model.ts';
import { AFC_TABLES, lookupAfcBand } from './afc-bands.ts';
import { annualise } from './annualise.ts';
import { lookupTeacherRange, lowestLegalHourly } from './pay-scales.ts';

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
  ['hour', /\b(?:per|an|a|each)\s+(?:hour|hr)\b|\/\s*(?:hour|hr|h)\b|\bp\/?hr?\b|\bhourly\b|\bph\b|\bhour\b|(?<=\d)(?:ph|p\/h|phr|ph\.)(?![a-z])/gi],
  ['day', /\b(?:per|a|each)\s+day\b|\/\s*day\b|\bdaily\b|\bp\/?d\b|\bday\s+rate\b|\bper\s+diem\b|(?<=\d)pd(?![a-z])/gi],
  ['week', /\b(?:per|a|each)\s+week\b|\/\s*(?:week|wk)\b|\bweekly\b|\bp\/?w\b|\bpw\b|(?<=\d)pw(?![a-z])/gi],
  ['month', /\b(?:per|a|each)\s+(?:calendar\s+)?month\b|\/\s*(?:month|mth)\b|\bmonthly\b|\bpcm\b|\bp\/?m\b|(?<=\d)pcm(?![a-z])/gi],
  [
    'year',
    /\b(?:per|a|each)\s+(?:annum|year|yr)\b|\/\s*(?:annum|year|yr|yearly|annual)\b|\bp\.?\s?a\b\.?|\bannum\b|\bannual(?:ly)?\b|\byearly\b|\bsalary\b|\bpa\b|(?<=\d)(?:pa|p\.a\.?)(?![a-z])/gi,
  ],
];

export interface ParseSalaryOptions {
  /** Treat unmarked numbers as money (true for a dedicated salary field; false for prose). */
  field?: boolean;
  /** When the advert was posted (epoch ms): picks the dated pay scale and legal minimum of the time. */
  at?: number | null;
}

type ExtraKind = SalaryExtra['kind'] | 'ote';

/** What pay on top of the basic is called, at the start of the words after an amount ("£5k bonus", "£3,000 car allowance"). */
const EXTRA_AFTER: [ExtraKind, RegExp][] = [
  ['ote', /^(?:ote\b|o\.t\.e\b|on[- ]target)/],
  ['commission', /^(?:commission|comms?\b)/],
  ['bonus', /^(?:bonus(?:es)?\b|incentives?\b|sign(?:ing)?[- ]on\b|golden\s+hello|retention\s+(?:bonus|payment)|welcome\s+bonus|referral)/],
  ['tips', /^(?:tips\b|gratuities|tronc\b|service\s+charge)/],
  ['allowance', /^(?:(?:car|travel|shift|on[- ]call|standby|london|location|relocation|uniform|tool|housing|mileage|unsocial(?:\s+hours)?|weekend|night)\s+)?(?:allowances?\b|weighting\b|supplements?\b|premiums?\b|uplift\b|enhancements?\b)/],
  ['overtime', /^overtime/],
];
/** Qualifiers that may sit between an amount and what it is ("£5k annual bonus", "£40k (uncapped) OTE"). */
const EXTRA_FILLER = /^(?:\s|k\b|\(|\)|-|:|,|p\.?\s?a\.?\b|per\s+(?:annum|year|month)|a\s+year|annual(?:ly)?|yearly|guaranteed|potential|achievable|realistic|uncapped|first[- ]year|performance|discretionary|company|team|personal|quarterly|monthly|cash|sales|typical|average|annualised)+/;
/** The same words before an amount ("OTE £40k", "bonus of up to £5,000", "plus commission c.£10k"). */
const EXTRA_BEFORE =
  /\b(ote|o\.t\.e|on[- ]target(?:\s+earnings)?|commission|bonus(?:es)?|incentives?|tips|gratuities|tronc|allowances?|weighting|supplements?|overtime)\b[\s:,()\-]*(?:(?:of|up\s+to|upto|worth|potential(?:ly)?|at|is|to|around|approx(?:imately)?|c\.?|circa|averag(?:e|ing)|typically|uncapped|realistic|achievable|plus|\+)\b\.?[\s:,()\-]*)*$/;
const EXTRA_KIND_OF: [ExtraKind, RegExp][] = [
  ['ote', /^(?:ote|o\.t\.e|on[- ]target)/],
  ['commission', /^commission/],
  ['bonus', /^(?:bonus|incentive)/],
  ['tips', /^(?:tips|gratuities|tronc)/],
  ['allowance', /^(?:allowance|weighting|supplement)/],
  ['overtime', /^overtime/],
];
/** Mentions with no figure ("+ bonus", "plus tips"): kept as kinds, amount null. */
const EXTRA_MENTION: [SalaryExtra['kind'], RegExp][] = [
  ['bonus', /\bbonus(?:es)?\b/],
  ['commission', /\bcommission\b/],
  ['tips', /\b(?:tips|gratuities|tronc)\b/],
  ['allowance', /\b(?:allowances?|london\s+weighting)\b/],
  ['overtime', /\bovertime\b/],
];

/** Free text → salary. Never throws. */
export function parseSalaryText(input: string, opts: ParseSalaryOptions = { field: true }): Salary {
  const text = input.replace(/\s+/g, ' ').trim().slice(0, 500);
  const empty: Salary = { min: null, max: null, currency: null, period: null, annualMin: null, annualMax: null, text: text || null };
  if (!text) return empty;
  const lower = text.toLowerCase().replace(/[–—−]/g, '-');
  const all = findAmounts(lower, opts.field !== false);
  if (!all.some((a) => a.money)) {
    const scaled = parseScale(lower, opts.at);
    if (scaled) return { ...scaled, text };
  }
  if (all.length === 0) return withMentions(empty, lower);

  const kinds = classifyExtras(lower, all);
  const amounts = all.filter((_, i) => kinds[i] == null);
  const oteAmounts = all.filter((_, i) => kinds[i] === 'ote');
  const extras: SalaryExtra[] = all.flatMap((a, i) => (kinds[i] && kinds[i] !== 'ote' ? [{ kind: kinds[i] as SalaryExtra['kind'], amount: a.value }] : []));
  const currency = all.find((a) => a.currency)?.currency ?? currencyWord(lower) ?? 'GBP';

  const basic = amounts.length ? readRange(lower, amounts) : null;
  const ote = oteAmounts.length ? readRange(lower, oteAmounts) : null;
  // Only extras ("£5,000 bonus"): no basic pay to state.
  if (!basic && !ote) return withMentions({ ...empty, extras }, lower);
  const span = (basic ?? ote)!;
  const biggest = Math.max(span.min ?? 0, span.max ?? 0);
  let period = findPeriod(lower, span.first.start, span.last.end);
  if (span.first.k || span.last.k) period = period ?? 'year';
  if (!period) period = biggest >= 10_000 ? 'year' : biggest >= 1_000 ? 'month' : biggest >= 150 ? 'day' : 'hour';
  period = guardPeriod(period, biggest, (span.min ?? span.max ?? 0) % 1 !== 0);

  const out = finish({ min: basic?.min ?? null, max: basic?.max ?? null, currency, period, text }, opts.at);
  if (ote) {
    // OTE is usually annual even when the basic is hourly ("£11 per hour, OTE £30k").
    const otePeriod = guardPeriod(basic ? (ote.first.k || ote.last.k ? 'year' : period) : period, Math.max(ote.min ?? 0, ote.max ?? 0), false);
    out.ote = { min: ote.min, max: ote.max, annualMin: annualise(ote.min, otePeriod), annualMax: annualise(ote.max, otePeriod) };
    if (!basic) out.period = otePeriod;
  }
  if (extras.length) out.extras = extras;
  return withMentions(out, lower);
}

interface Range {
  min: number | null;
  max: number | null;
  first: Amount;
  last: Amount;
}

/** The first amount, with its range partner when the next one follows as a range ("20-30K", "£7 per hour to £8.50 per hour"). */
function readRange(lower: string, amounts: Amount[]): Range {
  const first = amounts[0]!;
  const second = amounts[1];
  if (second && isRangeGap(lower.slice(first.end, second.start))) {
    let a = first.value;
    let b = second.value;
    // Shorthand: the unit or thousands written once ("20-30K", "£30k - 35", "30-45000").
    if (second.k && !first.k && a < 1000) a *= 1000;
    if (first.k && !second.k && b < 1000) b *= 1000;
    if (!first.k && !second.k && a < 1000 && Number.isInteger(a) && b >= 10_000 && a * 1000 <= b && a * 4000 >= b) a *= 1000;
    return { min: Math.min(a, b), max: Math.max(a, b), first, last: second };
  }
  let min: number | null = first.value;
  let max: number | null = first.value;
  const before = lower.slice(Math.max(0, first.start - 30), first.start);
  if (/\b(?:up\s*to|upto|to\s+a\s+max(?:imum)?\s+of|max(?:imum)?|not\s+exceeding|capped\s+at)\s*:?\s*$/.test(before)) {
    min = null;
  } else if (/\b(?:from|starting(?:\s+(?:at|from|salary))?|min(?:imum)?|at\s+least|in\s+excess\s+of|over|above|plus)\s*:?\s*$/.test(before) || (first.plus && !/^\s*[a-z]/.test(lower.slice(first.end)))) {
    max = null;
  }
  return { min, max, first, last: first };
}

/** For each amount: the kind of extra pay it is, or null for basic pay. */
function classifyExtras(lower: string, amounts: Amount[]): (ExtraKind | null)[] {
  const kinds = amounts.map((a, i): ExtraKind | null => {
    const afterEnd = amounts[i + 1]?.start ?? lower.length;
    const after = lower.slice(a.end, Math.min(afterEnd, a.end + 60)).replace(EXTRA_FILLER, '');
    for (const [kind, re] of EXTRA_AFTER) if (re.test(after)) return kind;
    const beforeStart = i > 0 ? amounts[i - 1]!.end : 0;
    const m = EXTRA_BEFORE.exec(lower.slice(Math.max(beforeStart, a.start - 60), a.start));
    if (m) for (const [kind, re] of EXTRA_KIND_OF) if (re.test(m[1]!)) return kind;
    return null;
  });
  // A range's lower bound shares the kind of its upper bound ("OTE £35k - £45k", "£30k - £45k OTE"), unless called basic.
  for (let i = amounts.length - 2; i >= 0; i--) {
    const next = kinds[i + 1];
    if (kinds[i] == null && next && isRangeGap(lower.slice(amounts[i]!.end, amounts[i + 1]!.start)) && !/^\s*basic/.test(lower.slice(amounts[i]!.end))) kinds[i] = next;
  }
  for (let i = 1; i < amounts.length; i++) {
    const prev = kinds[i - 1];
    if (kinds[i] == null && prev && isRangeGap(lower.slice(amounts[i - 1]!.end, amounts[i]!.start))) kinds[i] = prev;
  }
  return kinds;
}

function withMentions(s: Salary, lower: string): Salary {
  const extras = [...(s.extras ?? [])];
  for (const [kind, re] of EXTRA_MENTION) if (re.test(lower) && !extras.some((e) => e.kind === kind)) extras.push({ kind, amount: null });
  if (extras.length) s.extras = extras;
  return s;
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

function finish(s: { min: number | null; max: number | null; currency: string | null; period: SalaryPeriod; text: string | null }, at?: number | null): Salary {
  const round = (v: number | null) => (v == null ? null : Math.round(v * 100) / 100);
  const out: Salary = {
    min: round(s.min),
    max: round(s.max),
    currency: s.currency,
    period: s.period,
    annualMin: annualise(s.min, s.period),
    annualMax: annualise(s.max, s.period),
    text: s.text,
  };
  const flags = implausibility(s.min, s.max, s.period, at);
  if (flags.length) {
    out.flags = flags;
    // Kept for the reader, never used to filter or compare.
    out.annualMin = null;
    out.annualMax = null;
  }
  return out;
}

/** Figures no real UK advert pays as basic: a range whose minimum is under a tenth of its maximum, an hourly rate under the legal floor. */
function implausibility(min: number | null, max: number | null, period: SalaryPeriod, at?: number | null): SalaryFlag[] {
  const flags: SalaryFlag[] = [];
  if (min != null && max != null && min > 0 && min < max * 0.1) flags.push('implausible-range');
  const low = min ?? max;
  if (period === 'hour' && low != null && low > 0 && low < lowestLegalHourly(at)) flags.push('below-legal-minimum');
  return flags;
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
    // FTE fractions ("0.6 FTE", "FTE: 0.8") are hours, never money, whatever the field.
    if (/^\s*(?:fte|wte)\b/.test(after) || /\b(?:fte|wte)\s*[:=]?\s*(?:of\s*)?$/.test(before)) continue;
    if (!money) {
      if (/\b(?:band|grade|level|nvq|step|point|spine|scale|step|year|ks|key stage|scp|spinal\s+(?:column\s+)?point|pay\s+point)\s*$/.test(before)) continue;
      // The far end of a grade or point range ("Grade 5 - 6", "L12-16", "SCP 22 to 25").
      const wider = lower.slice(Math.max(0, start - 40), start);
      if (/(?:\b(?:band|grade|level|scale|spine|point|scp|step|nvq)\s*\d+[a-z]?|[a-z]\d{1,2})\s*(?:-|to|–|\/|or|&)\s*[a-z]?\s*$/.test(wider)) continue;
      if (value < 1 && !digits.includes(',')) continue;
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
    // Either side: "£30 - 35k" and "20-30K", "18000 - 26000/annum TO 26K" (a chain of range gaps reaching a marked amount).
    const keep = out.map((a) => a.money);
    const gap = (i: number) => isRangeGap(lower.slice(out[i]!.end, out[i + 1]!.start));
    for (let i = 1; i < out.length; i++) if (!keep[i] && keep[i - 1] && gap(i - 1)) keep[i] = true;
    for (let i = out.length - 2; i >= 0; i--) if (!keep[i] && keep[i + 1] && gap(i)) keep[i] = true;
    return out.filter((_, i) => keep[i]);
  }
  return out;
}

/** A period written after each bound ("£7 per hour to £8.50 per hour", "17.00ph to 27.20ph"). */
const UNIT = String.raw`(?:k|p\.?\s?a\.?|ph|p\/h|phr|pd|pw|pcm|per\s+(?:annum|year|yr|hour|hr|day|week|month)|an?\s+(?:hour|year|day|week)|\/\s*(?:hour|hr|h|annum|year|yr|day|week|month)|hourly|daily|annually)`;
const RANGE_GAP = new RegExp(String.raw`^\s*(?:${UNIT}\s*)?(?:-+|to|and|up\s+to|upto|–|\/)\s*$`);

function isRangeGap(gap: string): boolean {
  return RANGE_GAP.test(gap);
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
  return {
    min, max, currency: 'GBP', period: 'year', annualMin: min, annualMax: max,
    scale: { name: 'Agenda for Change', from: m[1]!, to: m[2] ?? m[1]!, table: AFC_TABLES[AFC_TABLES.length - 1]!.year },
  };
}

const TEACHER_POINTS_RE = /\b([mu])\s?([1-6])\b(?:\s*(?:-|to|\/)\s*([mu])?\s?([1-6])\b)?/;
const MPS_RE = /\b(?:mps|mpr|tms|main\s+pay\s+(?:scale|range)|main\s+scale|teachers?'?\s+main\s+(?:pay\s+)?(?:scale|range))\b/;
const UPS_RE = /\b(?:ups|upr|upper\s+pay\s+(?:scale|range)|upper\s+scale)\b/;
const LEADERSHIP_RE = /\b(?:leadership(?:\s+(?:pay\s+)?(?:scale|range|spine|group))?|lps|lpr)\b(?:\s*:?\s*(?:l\s?)?(\d{1,2})\s*(?:-|to)\s*(?:l\s?)?(\d{1,2}))?|\bl\s?(\d{1,2})\s*(?:-|to)\s*l\s?(\d{1,2})\b/;
const SPINE_RE = /\b(?:scp|spinal\s+(?:column\s+)?points?|pay\s+points?|njc\s+(?:points?|spine))\s*:?\s*(\d{1,2})(?:\s*(?:-|to)\s*(\d{1,2}))?/;

/** A named pay scale with no figures: AfC bands; teachers' MPS/UPS and M1–U3 points (mapped when known); leadership and spine points (recognised only). */
function parseScale(lower: string, at?: number | null): Omit<Salary, 'text'> | null {
  const band = parseBand(lower);
  if (band) return band;
  const none = { min: null, max: null, currency: null, period: null, annualMin: null, annualMax: null };
  const points = TEACHER_POINTS_RE.exec(lower);
  const mps = MPS_RE.test(lower);
  const ups = UPS_RE.test(lower);
  const teacherish = mps || ups || /\b(?:teach|teacher|pay\s+scale|qts|school)\b/.test(lower) || (points && /^[mu]/.test(points[0]) && points[3] != null);
  let from: string | null = null;
  let to: string | null = null;
  if (points && teacherish) {
    from = `${points[1]}${points[2]}`;
    to = `${points[3] ?? points[1]}${points[4] ?? points[2]}`;
  } else if (mps || ups) {
    from = mps ? 'm1' : 'u1';
    to = ups ? 'u3' : 'm6';
  }
  if (from && to) {
    const scale = { name: 'Teachers\' pay (England)', from: from.toUpperCase(), to: to.toUpperCase(), table: null as string | null };
    // Only the outside-London ranges are bundled: a London advert keeps its scale without figures.
    if (/\b(?:london|fringe)\b/.test(lower)) return { ...none, scale };
    const r = lookupTeacherRange(from, to, at);
    if (!r) return { ...none, scale };
    return { min: r.min, max: r.max, currency: 'GBP', period: 'year', annualMin: r.min, annualMax: r.max, scale: { ...scale, name: r.table.name, table: r.table.year } };
  }
  const lead = LEADERSHIP_RE.exec(lower);
  if (lead) {
    const a = lead[1] ?? lead[3];
    const b = lead[2] ?? lead[4];
    return { ...none, scale: { name: 'Teachers\' leadership pay range', from: a ? `L${a}` : null, to: b ? `L${b}` : null, table: null } };
  }
  const spine = SPINE_RE.exec(lower);
  if (spine) return { ...none, scale: { name: 'Spinal column points', from: spine[1]!, to: spine[2] ?? spine[1]!, table: null } };
  return null;
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
