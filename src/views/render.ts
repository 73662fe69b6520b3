import type { Context } from 'hono';
import { STYLESHEET_HASH } from './styles.ts';

/** No scripts, no external anything: only our one inline stylesheet and same-origin forms. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src '${STYLESHEET_HASH}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Sends a rendered page with headers fit for personal data (never cached) and the strict CSP. */
export function sendPage(c: Context, node: { toString(): string | Promise<string> }, status = 200): Response | Promise<Response> {
  const headers = {
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
  };
  const body = node.toString();
  return typeof body === 'string'
    ? c.html(`<!doctype html>${body}`, status as 200, headers)
    : body.then((b) => c.html(`<!doctype html>${b}`, status as 200, headers));
}
