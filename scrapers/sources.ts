import { readFileSync } from 'node:fs';
import { z } from 'zod';

/*
 * The sources file: a JSON array of sources (or { "sources": [...] }). Every
 * option is documented in scrapers/sources.example.json. Validation errors
 * name the source and the field, e.g. `sources[2] "acme": listing.link: …`.
 */

const HttpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

/** A CSS selector, optionally with `@attr` to read an attribute: "a.title@href", "meta[itemprop=x]@content". */
export const SelectorSpec = z.union([
  z.string().min(1),
  z.strictObject({
    selector: z.string().min(1),
    attr: z.string().min(1).optional(),
    /** Keep inner HTML rather than text (descriptions). */
    html: z.boolean().optional(),
    /** Sub-elements to drop before reading ("form, nav, .apply"). */
    exclude: z.string().min(1).optional(),
    /** Drop a leading label: true for any short "Label:" prefix, or the label's own words ("Location"). */
    stripLabel: z.union([z.boolean(), z.string().min(1).max(60)]).optional(),
  }),
]);
export type SelectorSpec = z.infer<typeof SelectorSpec>;

const Listing = z.strictObject({
  /** One element per job on a listing page (optional; links are then searched page-wide). */
  item: z.string().min(1).optional(),
  /** The detail link, inside `item` when given. */
  link: z.string().min(1).default('a'),
  /** The next-page link. */
  next: z.string().min(1).optional(),
  maxPages: z.number().int().positive().max(1000).default(50),
});

const Defaults = z
  .object({
    employer: z.string().max(300),
    location: z.string().max(500),
    salary: z.string().max(500),
    contract: z.string().max(100),
    employmentType: z.string().max(100),
  })
  .partial();

const Politeness = {
  /** Free text for the operator; ignored. (Unknown keys are errors, so typos are caught.) */
  $comment: z.string().optional(),
  enabled: z.boolean().default(true),
  /** Per-host concurrency for this source (the fetcher default is 2). */
  concurrency: z.number().int().min(1).max(8).optional(),
  /** Minimum gap between requests to one host, ms (default 1000). */
  delayMs: z.number().int().min(0).max(60_000).optional(),
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
  /** Most detail pages or items taken from this source per run. */
  maxItems: z.number().int().positive().optional(),
  /** Values used when a page does not give them (a single employer's career site). */
  defaults: Defaults.optional(),
};

const Name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, "-" or "_" (used in scrape:<name>)');

export const JsonLdSource = z
  .object({
    name: Name,
    type: z.literal('jsonld'),
    ...Politeness,
    /** A listing page to start from … */
    start: HttpUrl.optional(),
    listing: Listing.optional(),
    /** … or a sitemap (or sitemap index) listing the detail pages. */
    sitemap: HttpUrl.optional(),
    /** Only detail URLs matching this regular expression are followed. */
    include: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (!s.start && !s.sitemap) ctx.addIssue({ code: 'custom', path: ['start'], message: 'give "start" (a listing page) or "sitemap"' });
    if (s.start && !s.listing) ctx.addIssue({ code: 'custom', path: ['listing'], message: 'a "start" page needs "listing": { "link": … }' });
    if (s.include) checkRegex(s.include, ['include'], ctx);
  });

const FeedFieldMap = z
  .strictObject({
    employer: z.string().min(1),
    location: z.string().min(1),
    postcode: z.string().min(1),
    salary: z.string().min(1),
    validThrough: z.string().min(1),
    datePosted: z.string().min(1),
    contract: z.string().min(1),
    employmentType: z.string().min(1),
    hoursPerWeek: z.string().min(1),
    reference: z.string().min(1),
  })
  .partial();

export const FeedSource = z.strictObject({
  name: Name,
  type: z.literal('feed'),
  ...Politeness,
  url: HttpUrl,
  titleEmployerSeparator: z.string().min(1).optional(),
  titleEmployerPosition: z.enum(['before', 'after']).optional(),
  /** Fields read from "Label: value" lines in the description, e.g. { "location": "Location" }. */
  labels: FeedFieldMap.optional(),
  /**
   * Fields read from item elements by path (scrapers/parsers/xml-path.ts): a child ("location"), a nested
   * element ("a10:content/Vacancy/Salary"), a category by attribute ("category[@domain=location]"), an attribute
   * ("enclosure/@url").
   */
  fields: FeedFieldMap.optional(),
});

const DetailFields = z.strictObject({
  title: SelectorSpec,
  employer: SelectorSpec.optional(),
  location: SelectorSpec.optional(),
  salary: SelectorSpec.optional(),
  description: SelectorSpec.optional(),
  closingDate: SelectorSpec.optional(),
  datePosted: SelectorSpec.optional(),
  reference: SelectorSpec.optional(),
  contract: SelectorSpec.optional(),
  employmentType: SelectorSpec.optional(),
  applyUrl: SelectorSpec.optional(),
});

export const CssSource = z
  .strictObject({
    name: Name,
    type: z.literal('css'),
    ...Politeness,
    start: HttpUrl,
    listing: Listing.extend({
      /**
       * Per-item field selectors, read inside each `item`: boards that show the whole advert on
       * the listing card. Without `detail` the cards are the vacancies; with it they fill in
       * whatever a detail page lacks, and stand in when a detail page fails or refuses bots.
       */
      fields: DetailFields.partial().optional(),
    }),
    detail: DetailFields.optional(),
  })
  .superRefine((s, ctx) => {
    if (!s.detail && !s.listing.fields) ctx.addIssue({ code: 'custom', path: ['detail'], message: 'give "detail" selectors, or "listing.fields" for a listing-only board' });
    if (s.listing.fields && !s.listing.item) ctx.addIssue({ code: 'custom', path: ['listing', 'item'], message: '"listing.fields" are read inside each "listing.item"' });
    if (s.listing.fields && !s.detail && !s.listing.fields.title) ctx.addIssue({ code: 'custom', path: ['listing', 'fields', 'title'], message: 'a listing-only board needs a title selector' });
  });

const FIELD_NAMES = ['reference', 'title', 'description', 'url', 'applyUrl', 'employer', 'location', 'postcode', 'town', 'region', 'hoursPerWeek', 'salary',
  'salaryMin', 'salaryMax', 'salaryCurrency', 'salaryPeriod', 'datePosted', 'validThrough', 'contract', 'employmentType'] as const;
export type ApiField = (typeof FIELD_NAMES)[number];

export const JsonApiSource = z
  .object({
    name: Name,
    type: z.literal('json-api'),
    ...Politeness,
    /** URL template: {page}, {offset}, {limit} and {cursor} are filled in by the pagination. */
    url: z.string().regex(/^https?:\/\//, 'an http(s) URL template'),
    headers: z.record(z.string(), z.string()).optional(),
    /** Dotted path to the array of jobs in each response ("" = the response itself). */
    items: z.string().default(''),
    pagination: z
      .discriminatedUnion('type', [
        z.strictObject({ type: z.literal('none') }),
        z.strictObject({ type: z.literal('page'), start: z.number().int().min(0).default(1) }),
        z.strictObject({ type: z.literal('offset'), limit: z.number().int().positive().max(1000).default(50) }),
        /** `cursor`: dotted path to the next cursor in each response; stops when absent. */
        z.strictObject({ type: z.literal('cursor'), cursor: z.string().min(1) }),
        /** `next`: dotted path to the next page's URL; without it the Link rel="next" header is used. */
        z.strictObject({ type: z.literal('next-link'), next: z.string().min(1).optional() }),
      ])
      .default({ type: 'none' }),
    maxPages: z.number().int().positive().max(10_000).default(100),
    /** Vacancy field → dotted path in each item ("locations.0.name", "tags.*" joins a list). */
    fields: z.partialRecord(z.enum(FIELD_NAMES), z.string().min(1)).refine((f) => !!f.title, 'needs at least "title"'),
    /** A template for the advert URL when items only carry an id: "https://acme.example/jobs/{id}". */
    urlTemplate: z.string().optional(),
  });

export const SourceSchema = z.discriminatedUnion('type', [JsonLdSource, FeedSource, CssSource, JsonApiSource]);
export type Source = z.infer<typeof SourceSchema>;
export type JsonLdSourceConfig = z.infer<typeof JsonLdSource>;
export type FeedSourceConfig = z.infer<typeof FeedSource>;
export type CssSourceConfig = z.infer<typeof CssSource>;
export type JsonApiSourceConfig = z.infer<typeof JsonApiSource>;

function checkRegex(re: string, path: string[], ctx: z.RefinementCtx) {
  try {
    new RegExp(re);
  } catch (err) {
    ctx.addIssue({ code: 'custom', path, message: `not a valid regular expression: ${(err as Error).message}` });
  }
}

export class SourcesFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: invalid sources file\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'SourcesFileError';
  }
}

/** Validates parsed JSON; throws SourcesFileError whose lines name each source and field. */
export function parseSources(json: unknown, file = 'sources'): Source[] {
  const list = Array.isArray(json) ? json : (json as { sources?: unknown } | null)?.sources;
  if (!Array.isArray(list)) throw new SourcesFileError(file, ['expected an array of sources, or { "sources": [...] }']);
  const problems: string[] = [];
  const out: Source[] = [];
  const names = new Set<string>();
  list.forEach((entry, i) => {
    const label = `sources[${i}]${typeof entry?.name === 'string' ? ` "${entry.name}"` : ''}`;
    const r = SourceSchema.safeParse(entry);
    if (!r.success) {
      for (const issue of r.error.issues) problems.push(`${label}: ${issue.path.join('.') || '(source)'}: ${issue.message}`);
      return;
    }
    if (names.has(r.data.name)) problems.push(`${label}: name: duplicate source name`);
    names.add(r.data.name);
    out.push(r.data);
  });
  if (problems.length) throw new SourcesFileError(file, problems);
  return out;
}

/** Reads and validates a sources file. */
export function loadSources(file: string): Source[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SourcesFileError(file, [`cannot read: ${(err as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SourcesFileError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
  return parseSources(json, file);
}
