import type { Context } from 'hono';
import { badRequest, ProblemError } from '../errors.ts';

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
  try {
    // Some Windows tools prefix a UTF-8 byte order mark; it is not part of the JSON.
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (err) {
    throw badRequest(`The request body is not valid JSON: ${err instanceof Error ? err.message : 'parse error'}`);
  }
}
