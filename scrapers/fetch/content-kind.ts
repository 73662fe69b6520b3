/** What a caller expects back; the fetcher refuses other content types. */
export type ContentKind = 'html' | 'xml' | 'json' | 'text';

const ACCEPT: Record<ContentKind, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  xml: 'application/rss+xml,application/atom+xml,application/xml,text/xml;q=0.9,*/*;q=0.1',
  json: 'application/json,*/*;q=0.1',
  text: 'text/plain,*/*;q=0.1',
};

const ALLOWED: Record<ContentKind, RegExp> = {
  html: /^(text\/html|application\/xhtml\+xml|text\/plain)$/,
  // Many feeds are served as text/html or text/plain by misconfigured servers.
  xml: /^(application\/(x-)?(rss\+xml|atom\+xml|xml|rdf\+xml)|text\/(xml|html|plain))$/,
  json: /^(application\/([a-z.+-]*\+)?json|text\/(json|plain|javascript)|application\/javascript)$/,
  text: /^text\//,
};

export const acceptHeader = (kind: ContentKind) => ACCEPT[kind];

/** True when a response's media type fits; a missing Content-Type is given the benefit of the doubt. */
export function contentTypeFits(kind: ContentKind, contentType: string | null): boolean {
  if (!contentType) return true;
  const media = contentType.split(';')[0]!.trim().toLowerCase();
  return ALLOWED[kind].test(media);
}

/** The charset named in a Content-Type, if TextDecoder knows it. */
export function charsetOf(contentType: string | null): string {
  const m = /charset\s*=\s*"?([\w-]+)"?/i.exec(contentType ?? '');
  const label = m?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

/**
 * The charset to decode a body with: the Content-Type's, else a byte-order
 * mark, else what the document declares in its first bytes (`<meta charset>`,
 * `<meta http-equiv="Content-Type" content="…; charset=…">`, `<?xml encoding=…?>`),
 * else UTF-8. Pages served without a charset but written in windows-1252 would
 * otherwise store U+FFFD for every £.
 */
export function charsetFor(contentType: string | null, body: Uint8Array): string {
  if (/charset\s*=/i.test(contentType ?? '')) return charsetOf(contentType);
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  const head = Buffer.from(body.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  return charsetOf(m ? `text/html; charset=${m[1]}` : null);
}
