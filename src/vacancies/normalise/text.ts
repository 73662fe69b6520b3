import sanitizeHtml from 'sanitize-html';

/**
 * Advert text comes as HTML, as HTML escaped twice (NHS Jobs JSON-LD publishes
 * `&lt;p&gt;`), or as plain text. The pipeline keeps two forms: plain text
 * with its line structure (the skill spotter reads sections such as
 * "Essential criteria:" line by line) and a sanitised HTML for display.
 */
export interface CleanText {
  text: string;
  html: string | null;
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£', euro: '€', ndash: '–', mdash: '—',
  hellip: '…', bull: '•', middot: '·', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', copy: '©', reg: '®',
  trade: '™', deg: '°', frac12: '½', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', ccedil: 'ç',
  ouml: 'ö', uuml: 'ü', auml: 'ä', times: '×', laquo: '«', raquo: '»', shy: '', zwnj: '', zwj: '',
};

/** Decodes the HTML character references people actually use; unknown ones stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return m;
      return String.fromCodePoint(code);
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

const TAG_RE = /<\/?[a-z][a-z0-9]*\b[^<>]*>/i;
const ESCAPED_TAG_RE = /&lt;\/?[a-z][a-z0-9]*\b[\s\S]{0,200}?&gt;/i;

/** True when the text holds markup (real, or escaped once more). */
export function looksLikeHtml(s: string): boolean {
  return TAG_RE.test(s) || ESCAPED_TAG_RE.test(s);
}

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'blockquote'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // Tracking pixels and embeds have no place in a job advert.
  nonTextTags: ['script', 'style', 'textarea', 'noscript', 'iframe', 'object', 'svg', 'head', 'title'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }) },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.text.trim(),
};

/**
 * HTML (or plain text) → clean text plus sanitised HTML. Never throws.
 * Double escaping is undone first: a description whose only markup is
 * `&lt;p&gt;` is decoded once and then treated as HTML.
 */
export function cleanDescription(input: string | null | undefined): CleanText {
  if (!input) return { text: '', html: null };
  let s = input;
  if (!TAG_RE.test(s) && ESCAPED_TAG_RE.test(s)) s = decodeEntities(s);
  if (!TAG_RE.test(s)) return { text: tidyText(decodeEntities(s)), html: null };
  let html: string;
  try {
    html = sanitizeHtml(s, SANITISE);
  } catch {
    html = '';
  }
  return { text: htmlToText(html), html: html.trim() || null };
}

/**
 * Sanitised HTML → text with structure: list items become "• " lines,
 * paragraphs and headings are separated by a blank line.
 */
export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|ul|ol|table|blockquote)>/gi, '\n\n')
    .replace(/<(p|div|h[1-6]|ul|ol|table|blockquote)\b[^>]*>/gi, '\n\n')
    .replace(/<\/(li|tr)>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return tidyText(decodeEntities(withBreaks));
}

const BULLET_RE = /^\s*(?:[•·▪●◦‣∙*]|-(?=\s)|–(?=\s))\s*/;

/** Collapses spaces inside lines, normalises bullets, keeps at most one blank line between blocks. */
export function tidyText(s: string): string {
  const lines = s.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2007\u202f\t\f\v]/g, ' ').replace(/[\u200b\u200c\u200d\ufeff]/g, '').split('\n');
  const out: string[] = [];
  let blank = false;
  for (const raw of lines) {
    let line = raw.replace(/ {2,}/g, ' ').trim();
    if (!line || line === '•') {
      blank = out.length > 0;
      continue;
    }
    if (BULLET_RE.test(line)) {
      line = '• ' + line.replace(BULLET_RE, '');
      if (line === '• ') continue;
      // Consecutive list items stay together, without a blank line between.
      if (blank && out.length && out[out.length - 1]!.startsWith('• ')) blank = false;
    }
    if (blank) out.push('');
    out.push(line);
    blank = false;
  }
  return out.join('\n');
}
