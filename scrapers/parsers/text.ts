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

/** A date string as ISO 8601 when it parses, else the original text (normalise reads free text). */
export function toIsoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? s.slice(0, 100) : new Date(t).toISOString();
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
