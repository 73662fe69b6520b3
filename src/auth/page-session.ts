import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Db } from '../db.ts';
import { forbidden } from '../errors.ts';
import { findCoachByToken, type Coach } from './coaches.ts';
import type { CoachEnv } from './coach-auth.ts';

/**
 * Sign-in for the coach pages.
 *
 * The cookie holds the coach token itself (the same bearer token the API
 * takes), not a signed session id. The token is already a high-entropy
 * secret checked against its stored hash on every request, so revoking it
 * (`coaches revoke`) signs every browser out at once, and there is no
 * server-side signing key or session table to manage or leak. A signed
 * cookie would add a key and still need the token check behind it. The
 * cookie is HttpOnly (page scripts cannot read it; the pages have none
 * anyway), SameSite=Strict (never sent on a request started by another
 * site, the first CSRF defence), Path=/, Secure when served over https, and
 * lasts a working day: after that the coach pastes the token again.
 *
 * The second CSRF defence: every POST from a page must carry an Origin (or,
 * failing that, a Referer) of this host; see assertSameOrigin.
 */
export const SESSION_COOKIE = 'fp_session';
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

/** The coach the session cookie belongs to, or null (absent, malformed or revoked token). */
export function sessionCoach(c: Context, db: Db): Coach | null {
  const token = getCookie(c, SESSION_COOKIE);
  return token ? findCoachByToken(db, token) : null;
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

/**
 * Pages middleware: sets c.var.coach from the session cookie, or redirects
 * to /signin (303: a browser follows it with a GET whatever the method was).
 */
export function pageSession(db: Db) {
  return createMiddleware<CoachEnv>(async (c, next) => {
    const coach = sessionCoach(c, db);
    if (!coach) {
      // A stale or revoked token is dropped so the sign-in page starts clean.
      if (getCookie(c, SESSION_COOKIE) !== undefined) deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.redirect(signinPath(c), 303);
    }
    c.set('coach', coach);
    await next();
  });
}

const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https';

/** Checks the token; on success sets the session cookie and returns the coach. */
export function signIn(c: Context, db: Db, token: string): Coach | null {
  const t = token.trim();
  const coach = t ? findCoachByToken(db, t) : null;
  if (!coach) return null;
  setCookie(c, SESSION_COOKIE, t, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    maxAge: SESSION_MAX_AGE_S,
  });
  return coach;
}

export function signOut(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
}

/**
 * CSRF check for page POSTs: the Origin header (or the Referer when a
 * browser omits Origin) must name this host. A request with neither is
 * refused: every browser that renders these pages sends Origin on POST.
 * Compares host only, so a TLS-terminating proxy (https outside, http here)
 * still passes.
 */
export function assertSameOrigin(c: Context): void {
  const source = c.req.header('Origin') ?? c.req.header('Referer');
  const host = c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim() || c.req.header('Host') || new URL(c.req.url).host;
  let sourceHost: string | null = null;
  if (source && source !== 'null') {
    try {
      sourceHost = new URL(source).host;
    } catch {
      sourceHost = null;
    }
  }
  if (!sourceHost || sourceHost !== host) {
    throw forbidden('This form must be sent from a flightpath page (the Origin header did not match this site).');
  }
}
