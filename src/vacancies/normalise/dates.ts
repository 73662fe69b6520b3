import * as chrono from 'chrono-node';

/**
 * Dates as sources give them: ISO 8601 (with "+0000" offsets), UK day-first
 * numeric dates, prose ("12th March 2025"), and relative phrases ("posted 3
 * days ago", "yesterday") resolved against the injected clock. Unparseable
 * text → null; never throws.
 */
const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY };

export function parseDate(input: string | null | undefined, now: number): number | null {
  if (!input) return null;
  const text = input.trim().slice(0, 200);
  if (!text) return null;
  try {
    if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
      const iso = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
      const t = Date.parse(iso);
      if (!Number.isNaN(t)) return t;
    }
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\b|$)/.exec(text);
    if (dmy) {
      const d = Number(dmy[1]);
      const m = Number(dmy[2]);
      let y = Number(dmy[3]);
      if (y < 100) y += 2000;
      if (d >= 1 && d <= 31 && m >= 1 && m <= 12) {
        const t = Date.UTC(y, m - 1, d);
        if (new Date(t).getUTCDate() === d) return t;
      }
    }
    const relative = parseRelative(text.toLowerCase(), now);
    if (relative !== undefined) return relative;
    if (!/\d|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(text)) return null;
    const d = chrono.en.GB.parseDate(text, new Date(now));
    return d && !Number.isNaN(d.getTime()) ? d.getTime() : null;
  } catch {
    return null;
  }
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

/** "Closing date: 12th March 2025" anywhere in the advert → epoch ms (end of that day is not assumed). */
export function findClosingDate(text: string, now: number): number | null {
  const m = CLOSING_RE.exec(text);
  if (!m) return null;
  const snippet = m[1]!.replace(/\b(?:at|by)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\b.*/i, '').replace(/^(?:midnight|noon)\s+(?:on\s+)?/i, '').trim();
  if (!/\d/.test(snippet)) return null;
  return parseDate(snippet.split(/[.;]\s/)[0]!, now);
}
