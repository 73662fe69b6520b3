import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import { forbidden } from '../errors.ts';
import { clientAddress } from './client-address.ts';
import { isSecureOrigin, requestOrigin, type OriginSettings } from './public-origin.ts';
import { findCoachByToken, type Coach } from '../auth/coaches.ts';
import type { CoachEnv } from './coach-auth.ts';
import { createSession, endSession, findSessionCoach, SESSION_ABSOLUTE_MS } from '../auth/sessions.ts';
import type { SigninThrottle } from '../auth/signin-throttle.ts';

/**
 * Sign-in for the coach pages.
 *
 * The coach pastes their token once; it is checked and traded for a
 * server-side session (src/auth/sessions.ts), and the cookie holds only the
 * session's random id. So the cookie is no API credential, signing out ends
 * the session for good, and a revoked token ends its sessions. The cookie is
 * HttpOnly (page scripts cannot read it; the pages have none anyway),
 * SameSite=Strict (never sent on a request started by another site, the
 * first CSRF defence), Path=/, Secure when the public origin is https, and
 * lasts no longer than the session's absolute expiry.
 *
 * The second CSRF defence: every POST from a page must carry an Origin (or,
 * failing that, a Referer) equal to the public origin; see assertSameOrigin.
 */
export const SESSION_COOKIE = 'fp_session';
export const SESSION_MAX_AGE_S = SESSION_ABSOLUTE_MS / 1000;

/** What the page session functions need. */
export interface PageAuthDeps {
  db: Db;
  now: Clock;
  origin: OriginSettings;
  throttle: SigninThrottle;
}

/** The coach the session cookie belongs to, or null (absent, unknown, expired, or the token revoked). */
export function sessionCoach(c: Context, deps: Pick<PageAuthDeps, 'db' | 'now'>): Coach | null {
  const id = getCookie(c, SESSION_COOKIE);
  return id ? findSessionCoach(deps.db, id, deps.now()) : null;
}

/** A local path to return to after signing in; anything else (other hosts, `//evil`, `/\evil`) becomes `/`. */
export function safeNext(next: string | undefined | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\r\n\t]/.test(next) || next.length > 2000) return '/';
  return next;
}

/** Where a signed-out request is sent: /signin, remembering the page asked for. */
export function signinPath(c: Context): string {
  const url = new URL(c.req.url);
  const here = url.pathname + url.search;
  return here === '/' ? '/signin' : `/signin?next=${encodeURIComponent(here)}`;
}

const cookieOptions = (c: Context, origin: OriginSettings) =>
  ({ path: '/', httpOnly: true, sameSite: 'Strict', secure: isSecureOrigin(requestOrigin(c, origin)) }) as const;

/**
 * Pages middleware: sets c.var.coach from the session cookie, or redirects
 * to /signin (303: a browser follows it with a GET whatever the method was).
 */
export function pageSession(deps: Pick<PageAuthDeps, 'db' | 'now' | 'origin'>) {
  return createMiddleware<CoachEnv>(async (c, next) => {
    const coach = sessionCoach(c, deps);
    if (!coach) {
      // A stale or ended session is dropped so the sign-in page starts clean.
      if (getCookie(c, SESSION_COOKIE) !== undefined) deleteCookie(c, SESSION_COOKIE, cookieOptions(c, deps.origin));
      return c.redirect(signinPath(c), 303);
    }
    c.set('coach', coach);
    await next();
  });
}

export type SignInResult = { ok: true; coach: Coach } | { ok: false; reason: 'unknown-token' } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks the token (unless this client has failed too often lately); on
 * success starts a session and sets its cookie.
 */
export function signIn(c: Context, deps: PageAuthDeps, token: string): SignInResult {
  const client = clientAddress(c, deps.origin.trustProxy);
  const allowed = deps.throttle.check(client);
  if (!allowed.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: allowed.retryAfterSeconds };
  const t = token.trim();
  const coach = t ? findCoachByToken(deps.db, t) : null;
  if (!coach) {
    deps.throttle.recordFailure(client);
    return { ok: false, reason: 'unknown-token' };
  }
  const id = createSession(deps.db, coach.id, deps.now());
  setCookie(c, SESSION_COOKIE, id, { ...cookieOptions(c, deps.origin), maxAge: SESSION_MAX_AGE_S });
  return { ok: true, coach };
}

/** Ends the session (server-side, so a copied cookie is dead too) and clears the cookie. */
export function signOut(c: Context, deps: Pick<PageAuthDeps, 'db' | 'origin'>): void {
  const id = getCookie(c, SESSION_COOKIE);
  if (id) endSession(deps.db, id);
  deleteCookie(c, SESSION_COOKIE, cookieOptions(c, deps.origin));
}

/** The origin of an Origin or Referer header value, or null when it is absent, "null" or not a URL. */
function originOf(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * CSRF check for page POSTs: the Origin header (or the Referer when a
 * browser omits Origin) must be the public origin: scheme, host and port.
 * The Host header plays no part (a forged Host would make any origin "this
 * site"), and X-Forwarded-* only with TRUST_PROXY. A request with neither
 * header is refused: every browser that renders these pages sends Origin on
 * POST.
 */
export function assertSameOrigin(c: Context, origin: OriginSettings): void {
  const source = originOf(c.req.header('Origin') ?? c.req.header('Referer'));
  if (!source || source !== requestOrigin(c, origin)) {
    throw forbidden('This form must be sent from a flightpath page (the Origin header did not match this site).');
  }
}

/** Middleware form of assertSameOrigin, for every POST under the page paths. */
export function sameOriginPosts(origin: OriginSettings) {
  return createMiddleware(async (c, next) => {
    if (c.req.method === 'POST') assertSameOrigin(c, origin);
    await next();
  });
}
