/**
 * Advert text comes as HTML, as HTML escaped twice (NHS Jobs JSON-LD publishes
 * `&lt;p&gt;`), or as plain text. The pipeline keeps two forms: plain text
 * with its line structure (the skill spotter reads sections such as
 * "Essential criteria:" line by line) and a sanitised HTML for display.
 *
 * Sanitising is one pass of an allowlist tokenizer rather than sanitize-html:
 * sanitize-html measured 0.4–2 ms per 4 KB advert, more than the whole
 * per-advert budget (≥ 3,000 adverts/s with skill spotting). Safety is by
 * construction: the output holds only tags this file writes (allowlisted
 * names, no attributes but a checked, escaped `href`), every text run is
 * re-escaped, and open tags are always closed. A property test checks that
 * sanitize-html, given the same allowlist, leaves our output unchanged.
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

/** Tags kept in the sanitised HTML. */
export const ALLOWED_TAGS = [
  'p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a',
  'table', 'thead', 'tbody', 'tr', 'td', 'th', 'blockquote', 'div',
] as const;
const ALLOWED = new Set<string>(ALLOWED_TAGS);
/** Dropped with everything inside them. */
const DROP_CONTENT = new Set(['script', 'style', 'noscript', 'iframe', 'object', 'svg', 'head', 'title', 'textarea', 'template', 'select', 'math', 'embed']);
/** Tags (kept or not) that separate blocks of text. */
const BLOCK = new Set(['p', 'div', 'ul', 'ol', 'table', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'form', 'hr', 'dl', 'pre', 'address', 'figure']);
/**
 * Opening these closes the open element on top of the stack when it is one of
 * the listed (the HTML parser's implied end tags, as htmlparser2 applies
 * them): so `<p>a<p>b` becomes two paragraphs, not nested ones.
 */
const P_CLOSERS = new Set(['p']);
const IMPLIES_CLOSE: Record<string, Set<string>> = {
  p: P_CLOSERS, div: P_CLOSERS, ul: P_CLOSERS, ol: P_CLOSERS, table: P_CLOSERS, blockquote: P_CLOSERS,
  h1: P_CLOSERS, h2: P_CLOSERS, h3: P_CLOSERS, h4: P_CLOSERS, h5: P_CLOSERS, h6: P_CLOSERS,
  li: new Set(['li']), tr: new Set(['tr', 'th', 'td']), th: new Set(['th']), td: new Set(['thead', 'th', 'td']),
  tbody: new Set(['thead', 'tbody']),
};
/** Elements dropped from the html when they hold nothing but white space (EMPTY_ELEMENT_G). */
const DROPPED_WHEN_EMPTY = new Set(['p', 'li', 'strong', 'b', 'em', 'i', 'u', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EMPTY_ELEMENT_G = /<(p|li|strong|b|em|i|u|div|h[1-6])>\s*<\/\1>/g;
const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:)/i;

// A tag, a comment, a doctype/CDATA or a processing instruction; quoted attribute values may hold '>'.
const TOKEN_RE = /<(?:!--[\s\S]*?(?:-->|$)|![^>]*>?|\?[^>]*>?|(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>)/g;
const HREF_RE = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// One scan, and none of the three replace passes for the usual run of text with nothing to escape.
const escapeText = (s: string) => (/[&<>]/.test(s) ? s.replace(/[&<>]/g, (c) => ESCAPES[c]!) : s);
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

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
  const { text, html } = sanitise(s);
  return { text: tidyText(text), html: html.trim() || null };
}

/** One pass: allowlisted, well-formed HTML and its text with block structure. */
export function sanitise(s: string): { text: string; html: string } {
  // The pieces of each, joined once at the end: `+=` left ropes of a few hundred pieces that their
  // first readers (tidyText, trim) had to flatten, which cost more than the joins do.
  const html: string[] = [];
  const text: string[] = [];
  const stack: string[] = [];
  let last = 0;
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  // Whether the html may hold an empty element (`<p> </p>`) for the final clean-up to drop: the open
  // element of those it drops that nothing but white space has followed yet, if any. Tracked as the
  // html is written, so the clean-up's scan of the whole html runs only for adverts that need it.
  let openEmpty: string | null = null;
  let mayHoldEmpty = false;
  const close = (name: string) => {
    if (name === openEmpty) mayHoldEmpty = true;
    openEmpty = null;
    html.push(`</${name}>`);
  };
  const emitText = (raw: string) => {
    if (!raw) return;
    let t = raw;
    let escaped = raw;
    // The usual run holds no markup character: nothing to replace, decode or escape (a regex scan saved).
    if (raw.includes('&') || raw.includes('<') || raw.includes('>')) {
      t = decodeEntities(raw.includes('<') || raw.includes('>') ? raw.replace(/[<>]/g, ' ') : raw);
      escaped = escapeText(t);
    }
    if (openEmpty !== null && /\S/.test(escaped)) openEmpty = null;
    text.push(t);
    html.push(escaped);
  };
  while ((m = TOKEN_RE.exec(s))) {
    emitText(s.slice(last, m.index));
    last = TOKEN_RE.lastIndex;
    const name = m[2]?.toLowerCase();
    if (!name) continue; // comment, doctype, CDATA, processing instruction
    const closing = m[1] === '/';
    if (!closing && DROP_CONTENT.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'ig');
      end.lastIndex = last;
      const e = end.exec(s);
      last = e ? end.lastIndex : s.length;
      TOKEN_RE.lastIndex = last;
      continue;
    }
    if (name === 'br') {
      text.push('\n');
      html.push('<br />');
      openEmpty = null;
      continue;
    }
    if (name === 'li') text.push(closing ? '\n' : '\n• ');
    else if (BLOCK.has(name) || /^h[1-6]$/.test(name)) text.push('\n\n');
    else if (name === 'tr' && closing) text.push('\n');
    else if ((name === 'td' || name === 'th') && closing) text.push(' ');
    if (!ALLOWED.has(name)) continue;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at < 0) continue;
      while (stack.length > at) close(stack.pop()!);
      continue;
    }
    const implied = IMPLIES_CLOSE[name];
    if (implied) while (stack.length && implied.has(stack[stack.length - 1]!)) close(stack.pop()!);
    if (name === 'a') {
      const h = HREF_RE.exec(m[3] ?? '');
      const href = h ? decodeEntities(h[1] ?? h[2] ?? h[3] ?? '').trim() : '';
      if (!SAFE_HREF.test(href)) continue; // the link's text is kept, the link is not
      html.push(`<a href="${escapeAttr(href)}" rel="nofollow noopener">`);
      openEmpty = null;
      stack.push('a');
      continue;
    }
    html.push(`<${name}>`);
    openEmpty = DROPPED_WHEN_EMPTY.has(name) ? name : null;
    stack.push(name);
  }
  emitText(s.slice(last));
  while (stack.length) close(stack.pop()!);
  // Empty elements left by dropped content carry nothing.
  const joined = html.join('');
  return { text: text.join(''), html: mayHoldEmpty ? joined.replace(EMPTY_ELEMENT_G, '') : joined };
}

/** Sanitised HTML → text with structure (kept for callers holding stored HTML). */
export function htmlToText(html: string): string {
  return tidyText(sanitise(html).text);
}

const ODD_SPACE = /[\u00a0\u2007\u202f\t\f\v]/;
const ZERO_WIDTH = /[\u200b\u200c\u200d\ufeff]/;
const RARE_CHARS = new RegExp(`[\\r${ODD_SPACE.source.slice(1, -1)}${ZERO_WIDTH.source.slice(1, -1)}]`);
const RARE_G = new RegExp(`\\r\\n?|${RARE_CHARS.source}`, 'g');
const BULLET_RE = /^\s*(?:[•·▪●◦‣∙*]|-(?=\s)|–(?=\s))\s*/;

/**
 * Collapses spaces inside lines, normalises bullets, keeps at most one blank line between blocks.
 *
 * One pass over the lines found with indexOf, each trimmed by its offsets: a line is copied only when
 * it changes (double spaces, a bullet to rewrite). Splitting the text into lines and trimming each
 * copy cost about as much as sanitising the advert did.
 */
export function tidyText(s: string): string {
  let t = s;
  // Line breaks to \n, odd spaces to spaces, zero-width characters out: one scan finds whether any is
  // there, one replace mends them all (each class scan costs ~3 us on a 2.5 KB advert).
  if (RARE_CHARS.test(t)) t = t.replace(RARE_G, (c) => (c === '\r' || c === '\r\n' ? '\n' : ZERO_WIDTH.test(c) ? '' : ' '));
  const out: string[] = [];
  // Whether the last line written starts as a list item does.
  let lastIsBullet = false;
  let blank = false;
  // Where the next double space is (searched once, and again only when passed): a line holding one
  // is collapsed as String.replace(/ {2,}/g) would.
  let double = t.indexOf('  ');
  const n = t.length;
  for (let from = 0; from <= n; ) {
    let to = t.indexOf('\n', from);
    if (to < 0) to = n;
    const next = to + 1;
    // The line [from, to), trimmed as String.prototype.trim trims (isJsSpace is exactly \s).
    let a = from;
    let b = to;
    while (a < b && isJsSpace(t.charCodeAt(a))) a++;
    while (b > a && isJsSpace(t.charCodeAt(b - 1))) b--;
    from = next;
    if (double >= 0 && double < a) double = t.indexOf('  ', a);
    let line: string;
    if (double >= 0 && double < to) {
      // As before: collapse runs of spaces in the untrimmed line, then trim.
      line = t.slice(a, b).replace(/ {2,}/g, ' ').trim();
    } else {
      if (a === b || (b - a === 1 && t.charCodeAt(a) === 0x2022)) {
        blank = out.length > 0;
        continue;
      }
      line = t.slice(a, b);
    }
    if (!line || line === '•') {
      blank = out.length > 0;
      continue;
    }
    // The line is trimmed, so only these first characters can start a bullet (a regex test per line saved).
    const c0 = line.charCodeAt(0);
    // "• text", as sanitise writes list items, is already what the bullet rewrite would make of it.
    const canonicalBullet = c0 === 0x2022 && line.charCodeAt(1) === 32 && line.length > 2 && !isJsSpace(line.charCodeAt(2));
    if (canonicalBullet || ((c0 === 42 || c0 === 45 || c0 >= 0xb7) && BULLET_RE.test(line))) {
      if (!canonicalBullet) line = '• ' + line.replace(BULLET_RE, '');
      if (line === '• ') continue;
      // Consecutive list items stay together, without a blank line between.
      if (blank && out.length && lastIsBullet) blank = false;
    }
    if (blank) out.push('');
    out.push(line);
    lastIsBullet = line.startsWith('• ');
    blank = false;
  }
  return out.join('\n');
}

/** Exactly the characters JavaScript's \s matches. */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
