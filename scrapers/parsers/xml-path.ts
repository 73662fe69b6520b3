import { XMLParser } from 'fast-xml-parser';

/**
 * A small path language into a parsed feed item, so an operator can point a
 * field at a nested element without code: ATS feeds wrap each vacancy in a
 * content element (`a10:content/Vacancy/Salary`) or tag it with categories
 * (`category[@domain=location]`).
 *
 *   step        element name; a namespace prefix may be left off (`content` finds `a10:content`)
 *   a/b or a.b  child b of a
 *   a[2]        the second a (1-based)
 *   a[@k=v]     the first a whose attribute k is v (quotes optional)
 *   …/@k        attribute k of the element reached
 *
 * A path that runs into an element kept as raw text (feed descriptions and
 * Atom content are, because many hold unescaped HTML) parses that text as XML
 * and carries on inside it.
 */
export type XmlNode = Record<string, unknown>;

interface Step {
  name: string;
  attr?: string;
  where?: { attr: string; value: string };
  index?: number;
}

const STEP = /^([^[\]@]*)(?:\[(?:(\d+)|@([^=\]]+)=["']?([^"'\]]*)["']?)\])?(?:@(.+))?$/;

function parsePath(path: string): Step[] | null {
  const steps: Step[] = [];
  for (const raw of path.split(/[/.](?![^[]*\])/)) {
    const part = raw.trim();
    if (!part) continue;
    const m = STEP.exec(part);
    if (!m) return null;
    const step: Step = { name: m[1]!.trim() };
    if (m[2]) step.index = Number(m[2]);
    if (m[3]) step.where = { attr: m[3].trim(), value: m[4] ?? '' };
    if (m[5]) step.attr = m[5].trim();
    steps.push(step);
  }
  return steps.length ? steps : null;
}

/** How every feed's XML is read: attributes as `@_name`, values as text, entities decoded. */
export const FEED_XML_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
} as const;

// Raw text reached mid-path is parsed with every element kept as structure.
const innerParser = new XMLParser(FEED_XML_OPTIONS);

const asList = (v: unknown): unknown[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const isNode = (v: unknown): v is XmlNode => v != null && typeof v === 'object' && !Array.isArray(v);

function asNode(v: unknown): XmlNode | null {
  if (isNode(v)) return v;
  if (typeof v !== 'string' || !v.includes('<')) return null;
  const text = v.replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1');
  try {
    const parsed = innerParser.parse(text) as unknown;
    return isNode(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function child(node: XmlNode, name: string): unknown {
  if (name in node) return node[name];
  const key = Object.keys(node).find((k) => !k.startsWith('@_') && k.slice(k.indexOf(':') + 1) === name);
  return key === undefined ? undefined : node[key];
}

function textOf(v: unknown): string | undefined {
  if (v == null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  if (isNode(v)) return textOf(v['#text']);
  return undefined;
}

/** The text at `path` inside a feed item, or undefined when the path leads nowhere (never throws). */
export function readXmlPath(item: XmlNode, path: string): string | undefined {
  const steps = parsePath(path);
  if (!steps) return undefined;
  let current: unknown = item;
  for (const step of steps) {
    if (step.name) {
      const node = asNode(Array.isArray(current) ? current[0] : current);
      if (!node) return undefined;
      let candidates = asList(child(node, step.name));
      const where = step.where;
      if (where) candidates = candidates.filter((c) => isNode(c) && String(c[`@_${where.attr}`] ?? '') === where.value);
      current = step.index ? candidates[step.index - 1] : candidates[0];
    }
    if (step.attr) {
      const node = Array.isArray(current) ? current[0] : current;
      return isNode(node) ? textOf(node[`@_${step.attr}`]) : undefined;
    }
    if (current === undefined) return undefined;
  }
  return textOf(current);
}
