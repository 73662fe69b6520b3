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
