const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', pound: '£', euro: '€', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', bull: '•', copy: '©', reg: '®', trade: '™',
};

/** Decodes the HTML entities that escaped markup in feeds and JSON-LD actually uses. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Collapses whitespace; undefined for empty results so optional fields stay absent. */
export function cleanText(s: string | null | undefined): string | undefined {
  if (s == null) return undefined;
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** Markup text that arrived escaped (`&lt;p&gt;…`) is unescaped once; real markup is left alone. */
export function unescapeMarkup(s: string): string {
  if (/<[a-z!/]/i.test(s)) return s;
  return /&lt;\/?[a-z]/i.test(s) ? decodeEntities(s) : s;
}

/**
 * A date string as ISO 8601 when it names its own instant (an ISO date, ISO with a zone, an RFC 822 feed date), else the
 * original text for the normaliser, which reads UK day-first dates and UK times. Date.parse is not used on
 * the rest: it reads "02/12/2026" month-first and gives "12 Jan" the year 2001.
 */
export function toIsoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const zoned =
    /^\d{4}-\d{2}-\d{2}$/.test(s) ||
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(s) ||
    /^(?:[a-z]{3},?\s+)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|gmt|ut|utc|z)$/i.test(s);
  const t = zoned ? Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
  return Number.isNaN(t) ? s.slice(0, 100) : new Date(t).toISOString();
}

/** "37.5", "37.5 hours per week", "Full time, 37 hrs": a bare number or one given in hours, never "9 to 5". */
export function hoursFromText(s: string | undefined): number | undefined {
  const m = s ? /^\s*(\d{1,3}(?:\.\d+)?)\s*$|(\d{1,3}(?:\.\d+)?)\s*(?:hours?|hrs?)\b/i.exec(s) : null;
  const h = m ? Number(m[1] ?? m[2]) : NaN;
  return h > 0 && h <= 168 ? h : undefined;
}

/** Resolves a link against the page it was found on; null for javascript:, mailto: and junk. */
export function resolveUrl(href: string | undefined | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}
