import { XMLParser } from 'fast-xml-parser';
import type { RawVacancy } from '../../src/vacancies/model.ts';
import { cleanText, decodeEntities, hoursFromText, resolveUrl, toIsoDate, unescapeMarkup } from './text.ts';
import { FEED_XML_OPTIONS, readXmlPath } from './xml-path.ts';

/** Feed options an operator may set per source (see sources.example.json). */
export interface FeedOptions {
  /** "Acme Ltd: Warehouse Operative" → employer "Acme Ltd", title "Warehouse Operative". */
  titleEmployerSeparator?: string;
  /** Where the employer sits around the separator: "before" (default) or "after" ("Porter - Acme Ltd"). */
  titleEmployerPosition?: 'before' | 'after';
  /** Fields read from "Label: value" lines of the description, e.g. { "location": "Location" }. */
  labels?: Partial<Record<FeedField, string>>;
  /**
   * Item elements mapped to vacancy fields by path (xml-path.ts), e.g. { "location": "region",
   * "salary": "a10:content/Vacancy/Salary", "location": "category[@domain=location]" }.
   */
  fields?: Partial<Record<FeedField, string>>;
}
export type FeedField =
  | 'employer'
  | 'location'
  | 'postcode'
  | 'salary'
  | 'validThrough'
  | 'datePosted'
  | 'contract'
  | 'employmentType'
  | 'hoursPerWeek'
  | 'reference';

export interface FeedParseResult {
  format: 'rss' | 'atom' | 'rdf' | 'unknown';
  items: RawVacancy[];
  errors: string[];
}

// Description-like elements are kept raw: some feeds put unescaped HTML in
// them, which an XML parser would otherwise shred into elements.
const parser = new XMLParser({
  ...FEED_XML_OPTIONS,
  stopNodes: ['*.description', '*.content:encoded', '*.summary', '*.content'],
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'category',
});

type Node = Record<string, unknown>;

/** RSS 2.0, RSS 1.0 (RDF) and Atom job feeds → RawVacancy, one per item. Pure. */
export function parseFeed(xml: string, url: string, opts: FeedOptions = {}): FeedParseResult {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    return { format: 'unknown', items: [], errors: [`not a readable XML feed: ${(err as Error).message}`] };
  }
  const rss = doc['rss'] as Node | undefined;
  const atom = doc['feed'] as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  let format: FeedParseResult['format'] = 'unknown';
  let nodes: Node[] = [];
  if (rss) {
    format = 'rss';
    nodes = asNodes((rss['channel'] as Node | undefined)?.['item']);
  } else if (atom) {
    format = 'atom';
    nodes = asNodes(atom['entry']);
  } else if (rdf) {
    format = 'rdf';
    nodes = asNodes(rdf['item']);
  } else {
    return { format, items: [], errors: ['no <rss>, <feed> or <rdf:RDF> root element'] };
  }
  const items: RawVacancy[] = [];
  const errors: string[] = [];
  nodes.forEach((node, i) => {
    const v = mapItem(node, url, format === 'atom', opts);
    if (typeof v === 'string') errors.push(`item ${i + 1}: ${v}`);
    else items.push(v);
  });
  return { format, items, errors };
}

function mapItem(n: Node, base: string, atom: boolean, opts: FeedOptions): RawVacancy | string {
  let title = cleanText(decodeEntities(textOf(n['title']) ?? ''));
  if (!title) return 'no title';
  let employer: string | undefined;
  const sep = opts.titleEmployerSeparator;
  if (sep) {
    const after = opts.titleEmployerPosition === 'after';
    const at = after ? title.lastIndexOf(sep) : title.indexOf(sep);
    if (at > 0 && at + sep.length < title.length) {
      const left = title.slice(0, at).trim();
      const right = title.slice(at + sep.length).trim();
      employer = after ? right : left;
      title = after ? left : right;
    }
  }
  const link = atom ? atomLink(n['link']) : textOf(asArray(n['link'])[0]);
  const url = resolveUrl(link, base) ?? undefined;
  const guid = cleanText(textOf(atom ? n['id'] : n['guid']));
  const body = rawText(n['content:encoded']) || rawText(n['content']) || rawText(n['description']) || rawText(n['summary']);
  const field = (f: FeedField) => {
    const el = opts.fields?.[f];
    const label = opts.labels?.[f];
    return (el ? cleanText(decodeEntities(readXmlPath(n, el) ?? '')) : undefined) ?? (label ? labelled(body, label) : undefined);
  };
  const author = atom ? cleanText(textOf((n['author'] as Node | undefined)?.['name'])) : undefined;
  const v: RawVacancy = {
    title: title.slice(0, 500),
    reference: (field('reference') ?? guid ?? url)?.slice(0, 200),
    url,
    description: body || undefined,
    employer: (field('employer') ?? employer ?? author)?.slice(0, 300),
    location: field('location')?.slice(0, 500),
    postcode: field('postcode')?.slice(0, 20),
    salary: field('salary')?.slice(0, 500),
    contract: field('contract')?.slice(0, 100),
    employmentType: field('employmentType')?.slice(0, 100),
    hoursPerWeek: hoursFromText(field('hoursPerWeek')),
    datePosted: toIsoDate(field('datePosted') ?? cleanText(textOf(n['pubDate'] ?? n['published'] ?? n['dc:date'] ?? n['updated']))),
    validThrough: toIsoDate(field('validThrough')),
  };
  for (const k of Object.keys(v) as (keyof RawVacancy)[]) if (v[k] === undefined) delete v[k];
  return v;
}

/** "Location: Leeds" or "<strong>Location:</strong> Leeds" in a description. */
function labelled(body: string, label: string): string | undefined {
  const esc = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${esc}\\s*:\\s*(?:</(?:strong|b|em|span|dt)>\\s*(?:<dd[^>]*>)?)?\\s*([^<\\n]{1,300})`, 'i').exec(body);
  return m ? cleanText(decodeEntities(m[1]!)) : undefined;
}

function asArray(v: unknown): unknown[] {
  return v == null ? [] : Array.isArray(v) ? v : [v];
}
function asNodes(v: unknown): Node[] {
  return asArray(v).filter((x): x is Node => x != null && typeof x === 'object');
}

/** Text of an element that may carry attributes (`{ '#text': …, '@_type': … }`). */
function textOf(v: unknown): string | undefined {
  if (v == null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === 'object') return textOf((v as Node)['#text']);
  return undefined;
}

/** A stop node's raw content: CDATA unwrapped, escaped markup unescaped once. */
function rawText(v: unknown): string {
  const s = textOf(v);
  if (!s) return '';
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(s);
  if (cdata) return cdata[1]!.trim();
  const unwrapped = s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  const t = unescapeMarkup(unwrapped);
  // Plain text with entities (&amp;) is decoded too.
  return (t === unwrapped && !/<[a-z!/]/i.test(t) ? decodeEntities(t) : t).trim();
}

function atomLink(v: unknown): string | undefined {
  const links = asNodes(v);
  const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  return alt ? (alt['@_href'] as string | undefined) : textOf(v);
}
