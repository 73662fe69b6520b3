import type { CheerioAPI } from 'cheerio';
import type { RawVacancy } from '../../src/vacancies/model.ts';
import type { CssSourceConfig, SelectorSpec } from '../sources.ts';
import { loadHtml } from './html.ts';
import { cleanText, resolveUrl, toIsoDate } from './text.ts';

export interface ListingPage {
  links: string[];
  next: string | null;
}

type ListingConfig = { item?: string | undefined; link: string; next?: string | undefined };

/** A listing page → detail links (resolved, de-duplicated, in page order) and the next page. Pure. */
export function parseListing(html: string, url: string, cfg: ListingConfig): ListingPage {
  const $ = loadHtml(html);
  const links: string[] = [];
  const push = (href: string | undefined) => {
    const u = resolveUrl(href, url);
    if (u && !links.includes(u)) links.push(u);
  };
  if (cfg.item) {
    $(cfg.item).each((_, el) => {
      const a = $(el).is(cfg.link) ? $(el) : $(el).find(cfg.link).first();
      push(a.attr('href'));
    });
  } else {
    $(cfg.link).each((_, el) => push($(el).attr('href')));
  }
  const nextHref = cfg.next ? $(cfg.next).first().attr('href') : undefined;
  const next = resolveUrl(nextHref, url);
  return { links, next: next && next !== url ? next : null };
}

/** Reads one selector spec ("sel", "sel@attr" or { selector, attr, html }) from a page. */
export function readSelector($: CheerioAPI, spec: SelectorSpec): string | undefined {
  const s = typeof spec === 'string' ? splitAttr(spec) : spec;
  const el = $(s.selector).first();
  if (!el.length) return undefined;
  if (s.attr) return cleanText(el.attr(s.attr));
  if (s.html) return (el.html() ?? '').trim() || undefined;
  return cleanText(el.text());
}

function splitAttr(spec: string): { selector: string; attr?: string; html?: boolean } {
  const m = /^(.*\S)\s*@([\w:-]+)$/.exec(spec);
  return m ? { selector: m[1]!, attr: m[2]! } : { selector: spec };
}

/**
 * A detail page → RawVacancy by the source's selectors, or an error message
 * when the page has no title (not a job page, or the board changed its markup).
 */
export function parseDetail(html: string, url: string, detail: CssSourceConfig['detail']): RawVacancy | string {
  const $ = loadHtml(html);
  const title = readSelector($, detail.title);
  if (!title) return 'no title found by the detail.title selector';
  const get = (spec: SelectorSpec | undefined) => (spec ? readSelector($, spec) : undefined);
  const description = detail.description
    ? readSelector($, typeof detail.description === 'string' && !detail.description.includes('@')
        ? { selector: detail.description, html: true }
        : detail.description)
    : undefined;
  const applyUrl = resolveUrl(get(detail.applyUrl), url) ?? undefined;
  const v: RawVacancy = {
    title: title.slice(0, 500),
    reference: (get(detail.reference) ?? url).slice(0, 200),
    url,
    description,
    employer: get(detail.employer)?.slice(0, 300),
    location: get(detail.location)?.slice(0, 500),
    salary: get(detail.salary)?.slice(0, 500),
    validThrough: toIsoDate(get(detail.closingDate)?.replace(/^(closing( date)?|closes|apply by)\s*:?\s*/i, ''))?.slice(0, 100),
    datePosted: toIsoDate(get(detail.datePosted)?.replace(/^(posted( on)?|date posted)\s*:?\s*/i, ''))?.slice(0, 100),
    contract: get(detail.contract)?.slice(0, 100),
    employmentType: get(detail.employmentType)?.slice(0, 100),
    applyUrl,
  };
  for (const k of Object.keys(v) as (keyof RawVacancy)[]) if (v[k] === undefined) delete v[k];
  return v;
}
