import type { Context } from 'hono';
import { badRequest, ProblemError, validationFailed } from '../errors.ts';

/** `application/json`, `application/ld+json` and any other `+json` type. */
const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/**
 * Reads a JSON request body: 415 unless the Content-Type is JSON, 400 when
 * the body is empty or not valid JSON. Returns whatever JSON value it held;
 * the caller validates its shape.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new ProblemError(415, 'Unsupported Media Type', 'Send the body as JSON with Content-Type: application/json (or application/ld+json)');
  }
  let text: string;
  try {
    text = await c.req.text();
  } catch (err) {
    if (err instanceof ProblemError) throw err;
    throw badRequest('The request body could not be read');
  }
  if (!text.trim()) throw badRequest('The request body is empty; send a JSON document');
  let value: unknown;
  try {
    // Some Windows tools prefix a UTF-8 byte order mark; it is not part of the JSON.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (err) {
    throw badRequest(`The request body is not valid JSON: ${err instanceof Error ? err.message : 'parse error'}`);
  }
  const tooDeep = findTooDeep(value, MAX_JSON_DEPTH);
  if (tooDeep !== null) {
    throw validationFailed([{ path: tooDeep, message: `is nested more than ${MAX_JSON_DEPTH} levels deep; no vacancy or JobPosting needs that many` }]);
  }
  return value;
}

/**
 * Deepest nesting of objects and arrays a body may have. A JobPosting inside
 * a batch inside an @graph is about 8 levels; 32 leaves room for odd JSON-LD
 * and keeps every recursive reader after this one (the JobPosting mapper,
 * zod, JSON.stringify, the logger) far from the stack limit, which a body
 * nested 10,000 deep would otherwise overflow (a 500).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * The dotted path of the first value nested deeper than `max`, or null.
 * Iterative, so it cannot itself overflow; V8's JSON.parse is iterative too.
 */
export function findTooDeep(value: unknown, max: number): string | null {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return path;
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
    for (const [k, x] of entries) {
      if (typeof x === 'object' && x !== null) stack.push({ v: x, depth: depth + 1, path: path ? `${path}.${k}` : k });
    }
  }
  return null;
}
