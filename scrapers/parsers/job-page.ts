import type { RawVacancy } from '../../src/vacancies/model.ts';
import { fromJobPosting } from '../../src/vacancies/job-posting.ts';
import { loadHtml } from './html.ts';
import { extractJsonLd, type JsonObject } from './jsonld.ts';
import { extractMicrodata } from './microdata.ts';
import { resolveUrl } from './text.ts';

const MICRODATA = /itemtype\s*=\s*["']?https?:\/\/schema\.org\/JobPosting/i;

export interface JobPageResult {
  vacancies: RawVacancy[];
  /** Why something on the page could not be read (malformed JSON-LD, a posting without a title, no posting at all). */
  errors: string[];
  via: 'json-ld' | 'microdata' | 'none';
}

/**
 * A detail page → its JobPostings: JSON-LD first (no DOM needed), microdata
 * only when there is none. The advert URL is the reference when the posting
 * has none of its own; several postings on one page keep theirs. Pure.
 */
export function parseJobPage(html: string, url: string): JobPageResult {
  const ld = extractJsonLd(html);
  let postings: JsonObject[] = ld.postings;
  let via: JobPageResult['via'] = postings.length ? 'json-ld' : 'none';
  const errors = [...ld.errors];
  const marker = postings.length ? null : MICRODATA.exec(html);
  if (marker) {
    // An item's properties are all inside its element, so the DOM is built
    // from that element's start tag on: the head, inline CSS/JS and
    // navigation before it are never parsed.
    const start = html.lastIndexOf('<', marker.index);
    postings = extractMicrodata(loadHtml(start > 0 ? html.slice(start) : html));
    if (postings.length) via = 'microdata';
  }
  if (!postings.length) {
    errors.push('no schema.org JobPosting (JSON-LD or microdata) on the page');
    return { vacancies: [], errors, via };
  }
  const vacancies: RawVacancy[] = [];
  postings.forEach((p, i) => {
    const r = fromJobPosting(withPageLinks(p, url));
    if (!r.ok) {
      errors.push(`JobPosting ${i + 1}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      return;
    }
    const raw = { ...r.raw };
    const own = resolveUrl(raw.url, url);
    raw.url = (own ?? url).slice(0, 2000);
    // The advert URL identifies a scraped job; a page with several postings falls back to their own ids.
    if (postings.length === 1) raw.reference = (own ?? url).slice(0, 200);
    else raw.reference = (own ?? (raw.reference ? `${url}#${raw.reference}` : `${url}#${i + 1}`)).slice(0, 200);
    vacancies.push(raw);
  });
  return { vacancies, errors, via };
}

/**
 * Pages publish relative or unsafe links; the mapper accepts only absolute
 * http(s) ones. Links are resolved against the page first, and a link that
 * resolves to no http(s) address is dropped (the page itself is the advert).
 */
function withPageLinks(posting: Record<string, unknown>, pageUrl: string): Record<string, unknown> {
  const link = (v: unknown) => (typeof v === 'string' ? (resolveUrl(v, pageUrl) ?? undefined) : v);
  const out: Record<string, unknown> = { ...posting, url: link(posting['url']) };
  const contact = posting['applicationContact'];
  const fix = (c: unknown) => (c && typeof c === 'object' && !Array.isArray(c) ? { ...(c as Record<string, unknown>), url: link((c as Record<string, unknown>)['url']) } : c);
  if (contact !== undefined) out['applicationContact'] = Array.isArray(contact) ? contact.map(fix) : fix(contact);
  return out;
}
