import * as chrono from 'chrono-node';
import type { FieldError } from '../../errors.ts';
import { DATE_WINDOWS, isInDateWindow, type DateField } from '../date-window.ts';
import { londonToUtc, takeTimeOfDay } from './uk-time.ts';

/**
 * Dates as sources give them: ISO 8601 (with "+0000" offsets), UK day-first
 * numeric dates ("02/12/2026" is 2 December), prose ("2nd December 2026",
 * "12 Jan"), relative phrases ("posted 3 days ago", "yesterday") resolved
 * against the injected clock, and epoch milliseconds. A time of day the text
 * gives ("10:00 pm", "12 noon", "17.00") is UK wall-clock time, so a summer
 * "10:00 pm" is 21:00Z; an ISO date-time without an offset is read the same
 * way. A date with no time is that day's 00:00Z, as an ISO date is. Two
 * different times ("12 noon on midnight") fall back to the date with a note.
 * Unparseable text → null; never throws. The result may lie far outside any
 * plausible range (even be ±Infinity): callers that store it check it against
 * date-window.ts.
 */
const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY };

export interface ReadDate {
  at: number;
  /** True when the text gave a time of day and `at` includes it. */
  timed: boolean;
  /** Why part of the text was not used (an ambiguous time). */
  note?: string;
}

export function parseDate(input: string | null | undefined, now: number): number | null {
  return readDate(input, now)?.at ?? null;
}

/** parseDate with what it made of the text: whether a time of day was used, and a note when one was not. */
export function readDate(input: string | null | undefined, now: number): ReadDate | null {
  if (!input) return null;
  const text = input.trim().slice(0, 200);
  if (!text) return null;
  try {
    // Epoch milliseconds written out ("1748736000000", or "1e+20" from a number turned to text): returned
    // as the number it is, however absurd, so the date window (not a silent null) decides about it.
    if (/^[-+]?\d{10,}$/.test(text) || /^[-+]?\d+(?:\.\d+)?e[-+]?\d+$/i.test(text)) {
      const n = Number(text);
      return Number.isNaN(n) ? null : { at: n, timed: true };
    }
    const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
    if (iso) {
      const [, y, mo, d, h, mi, zone] = iso;
      if (h != null && zone == null) return { at: londonToUtc(Number(y), Number(mo) - 1, Number(d), { hour: Number(h), minute: Number(mi) }), timed: true };
      const t = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (!Number.isNaN(t)) return { at: t, timed: h != null };
    }
    const relative = parseRelative(text.toLowerCase(), now);
    if (relative !== undefined) return relative == null ? null : { at: relative, timed: true };
    // RFC 822 feed dates ("Mon, 13 Jul 2026 09:00:00 +0100") carry their own zone.
    if (/^(?:[a-z]{3},?\s+)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|gmt|ut|utc|z)$/i.test(text)) {
      const t = Date.parse(text);
      if (!Number.isNaN(t)) return { at: t, timed: true };
    }
    const { rest, time, note } = takeTimeOfDay(text);
    const day = readDay(rest, now);
    if (!day) return null;
    const at = time ? londonToUtc(day.year, day.month, day.day, time) : Date.UTC(day.year, day.month, day.day);
    return note ? { at, timed: !!time, note } : { at, timed: !!time };
  } catch {
    return null;
  }
}

/** The calendar day a date string names (month 0-based): UK day-first numbers, else prose via chrono's en-GB reader. */
function readDay(text: string, now: number): { year: number; month: number; day: number } | null {
  const dmy = /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/.-])/.exec(text);
  if (dmy) {
    const d = Number(dmy[1]);
    const m = Number(dmy[2]);
    let y = Number(dmy[3]);
    if (y < 100) y += 2000;
    if (d < 1 || d > 31 || m < 1 || m > 12) return null;
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCDate() === d ? { year: y, month: m - 1, day: d } : null;
  }
  if (!/\d|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(text)) return null;
  // "9 th September": an ordinal set in <sup> loses its join when the markup is stripped.
  const found = chrono.en.GB.parse(text.replace(/\b(\d{1,2})\s+(st|nd|rd|th)\b/gi, '$1$2'), new Date(now))[0];
  if (!found) return null;
  const s = found.start;
  const [year, month, day] = [s.get('year'), s.get('month'), s.get('day')];
  return year != null && month != null && day != null ? { year, month: month - 1, day } : null;
}

/** undefined: not a relative phrase; null: relative but vague ("recently"). */
function parseRelative(t: string, now: number): number | null | undefined {
  if (/^(?:posted\s+|added\s+|published\s+)?(?:just\s+now|just\s+posted|new|today|moments?\s+ago|an?\s+(?:few\s+)?(?:minutes?|hours?)\s+ago)$/.test(t)) return now;
  if (/^(?:posted\s+|added\s+)?yesterday$/.test(t)) return now - DAY;
  if (/^(?:posted\s+|added\s+)?recently$/.test(t)) return null;
  const m = /^(?:posted\s+|added\s+|published\s+|reposted\s+)?(?:about\s+|over\s+|over\s+a\s+)?(\d+|an?|one)\+?\s*(minute|hour|day|week|month|year)s?\s+ago$/.exec(t);
  if (m) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : 1;
    return now - n * UNIT_MS[m[2]!]!;
  }
  return undefined;
}

const CLOSING_RE =
  /(?:closing\s+date|closes|closing|deadline|apply\s+(?:by|before)|applications?\s+(?:close|must\s+be\s+received\s+by|should\s+be\s+submitted\s+by)|expiry\s+date|end\s+date)\s*(?:for\s+applications\s*)?(?:is|on|:|-|–|date)?\s*:?\s*([^\n]{3,60})/i;

/**
 * "Closing date: 12th March 2025" (or "… at 5pm on 12 March") anywhere in the advert → epoch ms, with the
 * time when given (UK time); a bare date is its 00:00Z (end of that day is not assumed).
 */
export function findClosingDate(text: string, now: number): number | null {
  return readClosingDate(text, now)?.at ?? null;
}

/** findClosingDate with what readDate made of the date (a note when an ambiguous time was left out). */
export function readClosingDate(text: string, now: number): ReadDate | null {
  const m = CLOSING_RE.exec(text);
  if (!m) return null;
  const snippet = m[1]!.split(/[;]\s|\.\s+(?=[A-Z])/)[0]!.trim();
  if (!/\d/.test(snippet)) return null;
  return readDate(snippet, now);
}

/** A date parsed as parseDate does, kept only when it falls inside the field's window (date-window.ts). */
export function parseDateInWindow(field: DateField, input: string | null | undefined, now: number): number | null {
  return readDateInWindow(field, input, now)?.at ?? null;
}

/** parseDateInWindow with the note readDate gives. */
export function readDateInWindow(field: DateField, input: string | null | undefined, now: number): ReadDate | null {
  const d = readDate(input, now);
  return d != null && isInDateWindow(field, d.at, now) ? d : null;
}

export interface VacancyDates {
  datePosted: number | null;
  validThrough: number | null;
  /** One per bad field, named `datePosted` / `validThrough` (under the caller's prefix). */
  errors: FieldError[];
}

/**
 * Checks the two dates a source gave before anything is stored.
 * `strict` (the employer API): text that is not a date is an error, so a typo
 * is reported instead of silently becoming "no date". `lenient` (scrapers and
 * bulk imports, whose date columns hold "ASAP" or "Ongoing"): such text is
 * left to the pipeline as no date. In both, a date that parses to outside its
 * window is an error: it would poison every read of the vacancy.
 */
export function readVacancyDates(
  raw: { datePosted?: unknown; validThrough?: unknown },
  now: number,
  mode: 'strict' | 'lenient',
  prefix = '',
): VacancyDates {
  const out: VacancyDates = { datePosted: null, validThrough: null, errors: [] };
  for (const field of ['datePosted', 'validThrough'] as const) {
    const value = raw[field];
    if (typeof value !== 'string' || !value.trim()) continue;
    const path = prefix ? `${prefix}.${field}` : field;
    const t = parseDate(value, now);
    if (t == null) {
      if (mode === 'strict') out.errors.push({ path, message: `is not a date we can read ("${value.trim().slice(0, 40)}"); send an ISO 8601 date such as 2025-06-01` });
      continue;
    }
    if (!isInDateWindow(field, t, now)) {
      const shown = Math.abs(t) <= 8.64e15 ? ` (it reads as ${new Date(t).toISOString().slice(0, 10)})` : '';
      out.errors.push({ path, message: `must be ${DATE_WINDOWS[field].text}${shown}` });
      continue;
    }
    out[field] = t;
  }
  return out;
}
