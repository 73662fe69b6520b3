import { z } from 'zod';

/**
 * Links we hand to API clients and render in pages: absolute http(s) URLs
 * only (and, for applying, mailto:). Everything else (`javascript:`,
 * `data:`, `vbscript:`, relative or entity-encoded tricks) is refused where
 * it enters, because clients put these straight into href attributes.
 *
 * The check parses with the WHATWG URL parser, the same one browsers use, so
 * `JaVaScRiPt:`, leading spaces and `java\tscript:` (the parser drops tabs and
 * newlines inside the scheme) are all seen for what they are. Control
 * characters anywhere are refused outright: no real link contains them, and a
 * client with a different parser could read such a link differently.
 */
const CONTROL = /[\u0000-\u001f\u007f]/;

export function isSafeLink(value: string, opts: { allowMailto?: boolean } = {}): boolean {
  const s = value.trim();
  if (!s || CONTROL.test(s)) return false;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  // Written out as scheme://host: the WHATWG parser also accepts `https:host/`
  // and `https:\\host`, which other parsers read as relative paths.
  if (u.protocol === 'http:' || u.protocol === 'https:') return /^https?:\/\//i.test(s) && u.hostname.length > 0;
  return opts.allowMailto === true && u.protocol === 'mailto:' && u.pathname.includes('@');
}

/** A stored link as read back: null when it would not pass isSafeLink (rows from before the check). */
export function safeLinkOrNull(value: string | null, opts: { allowMailto?: boolean } = {}): string | null {
  return value != null && isSafeLink(value, opts) ? value : null;
}

export const WebUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => isSafeLink(s), 'must be an absolute http:// or https:// address');

export const ApplyUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((s) => isSafeLink(s, { allowMailto: true }), 'must be an absolute http:// or https:// address (or mailto:)');
