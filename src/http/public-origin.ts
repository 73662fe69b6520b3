import type { Context } from 'hono';

/**
 * Where the service is, as the coach's browser sees it. Everything that
 * needs "this site" (the pages' CSRF check, Secure cookies, absolute URLs in
 * the API docs) asks here, so none of them trusts the Host header: with a
 * forged Host a request could otherwise name any site it likes as "this one".
 */
export interface OriginSettings {
  /** The configured public origin (PUBLIC_URL, or the bound address). */
  publicUrl: string;
  /** TRUST_PROXY: a proxy in front sets X-Forwarded-Proto/-Host, and clients cannot. */
  trustProxy: boolean;
}

/** The first value of a comma-separated forwarded header, or null. */
const firstOf = (value: string | undefined): string | null => value?.split(',')[0]?.trim() || null;

/**
 * The origin this request was made to: the public origin, or, behind a
 * trusted proxy, what its X-Forwarded-Proto and X-Forwarded-Host say (a
 * proxy serving several names). A malformed forwarded value falls back to
 * the public origin rather than to anything the client chose.
 */
export function requestOrigin(c: Context, settings: OriginSettings): string {
  if (settings.trustProxy) {
    const host = firstOf(c.req.header('X-Forwarded-Host'));
    const proto = firstOf(c.req.header('X-Forwarded-Proto')) ?? new URL(settings.publicUrl).protocol.replace(':', '');
    if (host || c.req.header('X-Forwarded-Proto')) {
      try {
        const origin = new URL(`${proto}://${host ?? new URL(settings.publicUrl).host}`);
        if (origin.protocol === 'http:' || origin.protocol === 'https:') return origin.origin;
      } catch {
        // fall through to the configured origin
      }
    }
  }
  return settings.publicUrl;
}

/** Cookies are Secure whenever the browser reached the service over https. */
export const isSecureOrigin = (origin: string): boolean => origin.startsWith('https:');

/**
 * The settings from config. Without PUBLIC_URL (tests building an app
 * in-process) the origin is http://localhost, the one app.request() uses;
 * the server always passes one (PUBLIC_URL or its bound address).
 */
export function originSettingsOf(config: { PUBLIC_URL?: string | undefined; TRUST_PROXY?: boolean | undefined }): OriginSettings {
  return { publicUrl: config.PUBLIC_URL ?? 'http://localhost', trustProxy: config.TRUST_PROXY ?? false };
}
