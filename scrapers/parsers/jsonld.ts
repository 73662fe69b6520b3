import { decodeEntities } from './text.ts';

export type JsonObject = Record<string, unknown>;

export interface JsonLdResult {
  /** Every JobPosting object found, wherever it was nested (arrays, @graph, mainEntity, itemListElement). */
  postings: JsonObject[];
  /** One message per script block that could not be read even leniently. */
  errors: string[];
}

const SCRIPT = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

/**
 * JSON-LD needs no DOM: the blocks are found by a scan of the raw HTML, which
 * is many times faster than building a tree (see DESIGN.md).
 */
export function extractJsonLd(html: string): JsonLdResult {
  const postings: JsonObject[] = [];
  const errors: string[] = [];
  SCRIPT.lastIndex = 0;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = SCRIPT.exec(html))) {
    n++;
    const parsed = parseLenient(m[1] ?? '');
    if (parsed.ok) collectJobPostings(parsed.value, postings, 0);
    else errors.push(`JSON-LD block ${n}: ${parsed.error}`);
  }
  return { postings, errors };
}

function parseLenient(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  let t = text.trim().replace(/^<!--/, '').replace(/-->$/, '').replace(/^\s*<!\[CDATA\[/, '').replace(/\]\]>\s*$/, '').trim();
  if (!t) return { ok: false, error: 'empty block' };
  try {
    return { ok: true, value: JSON.parse(t) };
  } catch (first) {
    // Real pages put raw newlines and tabs inside strings, leave trailing
    // commas, or HTML-escape the whole block: repair those and try once more.
    t = t.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    if (t.startsWith('{&quot;') || t.includes('&quot;:')) t = decodeEntities(t);
    try {
      return { ok: true, value: JSON.parse(t) };
    } catch {
      return { ok: false, error: (first as Error).message };
    }
  }
}

/** True when a node's @type names JobPosting (plain, prefixed or as a full IRI). */
export function isJobPosting(node: JsonObject): boolean {
  const t = node['@type'];
  const types = Array.isArray(t) ? t : [t];
  return types.some((x) => typeof x === 'string' && /(^|[/:#])JobPosting$/.test(x));
}

function collectJobPostings(node: unknown, out: JsonObject[], depth: number): void {
  if (depth > 8 || node == null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) collectJobPostings(x, out, depth + 1);
    return;
  }
  const obj = node as JsonObject;
  if (isJobPosting(obj)) {
    out.push(obj);
    return;
  }
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'item', 'hasPart']) {
    if (key in obj) collectJobPostings(obj[key], out, depth + 1);
  }
}
