import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
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

/** Never page text: scripts, styles and templates are code, not advert. */
const NOT_TEXT = 'script, style, noscript, template';

/** Reads one selector spec ("sel", "sel@attr" or { selector, attr, html, exclude, stripLabel }) from a page or within an element. */
export function readSelector($: CheerioAPI, spec: SelectorSpec, scope?: Cheerio<AnyNode>): string | undefined {
  const s: SelectorObject = typeof spec === 'string' ? splitAttr(spec) : spec;
  const found = scope ? (scope.is(s.selector) ? scope : scope.find(s.selector)) : $(s.selector);
  const first = found.first();
  if (!first.length) return undefined;
  if (s.attr) return label(cleanText(first.attr(s.attr)), s);
  const el = first.clone();
  el.find(NOT_TEXT).remove();
  if (s.exclude) el.find(s.exclude).remove();
  if (s.html) return (el.html() ?? '').trim() || undefined;
  return label(cleanText(textWithBreaks($, el)), s);
}

/** Block elements become spaces, so "<dt>Salary</dt><dd>£20k</dd>" reads "Salary £20k", not "Salary£20k". */
function textWithBreaks($: CheerioAPI, el: Cheerio<AnyNode>): string {
  el.find('br, p, div, li, dt, dd, tr, td, th, h1, h2, h3, h4, h5, h6').each((_, e) => {
    $(e).prepend(' ').append(' ');
  });
  return el.text();
}

function label(text: string | undefined, s: { stripLabel?: boolean | string | undefined }): string | undefined {
  if (!text || !s.stripLabel) return text;
  const re = s.stripLabel === true
    ? /^[A-Za-z][\w &/()'-]{0,30}?\s*[:\-–]\s+/
    : new RegExp(`^\\s*${s.stripLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[:\\-–]?\\s*`, 'i');
  return cleanText(text.replace(re, ''));
}

type SelectorObject = Exclude<SelectorSpec, string>;

function splitAttr(spec: string): SelectorObject {
  const m = /^(.*\S)\s*@([\w:-]+)$/.exec(spec);
  return m ? { selector: m[1]!, attr: m[2]! } : { selector: spec };
}

/**
 * A detail page → RawVacancy by the source's selectors, or an error message
 * when the page has no title (not a job page, or the board changed its markup).
 */
export function parseDetail(html: string, url: string, detail: NonNullable<CssSourceConfig['detail']>): RawVacancy | string {
  const $ = loadHtml(html);
  const v = readFields($, detail, url);
  if (!v.title) return 'no title found by the detail.title selector';
  return { ...v, title: v.title, reference: v.reference ?? url.slice(0, 200), url } as RawVacancy;
}

/** The configured fields, read from a page or from inside one element of it; absent fields stay absent. */
function readFields($: CheerioAPI, fields: Partial<NonNullable<CssSourceConfig['detail']>>, url: string, scope?: Cheerio<AnyNode>): Partial<RawVacancy> {
  const get = (spec: SelectorSpec | undefined) => (spec ? readSelector($, spec, scope) : undefined);
  const description = fields.description
    ? readSelector($, typeof fields.description === 'string' && !fields.description.includes('@')
        ? { selector: fields.description, html: true }
        : fields.description, scope)
    : undefined;
  const v: Partial<RawVacancy> = {
    title: get(fields.title)?.slice(0, 500),
    reference: get(fields.reference)?.slice(0, 200),
    description,
    employer: get(fields.employer)?.slice(0, 300),
    location: get(fields.location)?.slice(0, 500),
    salary: get(fields.salary)?.slice(0, 500),
    validThrough: toIsoDate(get(fields.closingDate)?.replace(/^(closing( date)?|closes|apply by)\s*:?\s*/i, ''))?.slice(0, 100),
    datePosted: toIsoDate(get(fields.datePosted)?.replace(/^(posted( on)?|date posted)\s*:?\s*/i, ''))?.slice(0, 100),
    contract: get(fields.contract)?.slice(0, 100),
    employmentType: get(fields.employmentType)?.slice(0, 100),
    applyUrl: resolveUrl(get(fields.applyUrl), url) ?? undefined,
  };
  for (const k of Object.keys(v) as (keyof RawVacancy)[]) if (v[k] === undefined) delete v[k];
  return v;
}

type CardConfig = { item?: string | undefined; link: string; next?: string | undefined; fields?: Partial<CssSourceConfig['listing']['fields']> | undefined };

export interface ListingCards extends ListingPage {
  /** One vacancy per `item` that has a title; a card's link (if any) is its url. */
  vacancies: RawVacancy[];
}

/** A listing page whose cards carry the advert (`listing.fields`) → a vacancy per card, plus links and the next page. Pure. */
export function parseListingCards(html: string, url: string, cfg: CardConfig): ListingCards {
  const page = parseListing(html, url, cfg);
  const $ = loadHtml(html);
  const vacancies: RawVacancy[] = [];
  const f = cfg.fields ?? {};
  if (cfg.item) {
    $(cfg.item).each((_, node) => {
      const el = $(node);
      const a = el.is(cfg.link) ? el : el.find(cfg.link).first();
      const link = resolveUrl(a.attr('href'), url) ?? undefined;
      const v = readFields($, f, link ?? url, el);
      if (!v.title) return;
      // No link and no reference: the card's own words identify it (stable across runs while it is listed).
      v.reference ??= link ?? `${url}#${slugOf([v.title, v.employer, v.location].filter(Boolean).join(' '))}`;
      if (link) v.url = link;
      vacancies.push(v as RawVacancy);
    });
  }
  return { ...page, vacancies };
}

function slugOf(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 120);
}
