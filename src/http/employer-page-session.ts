import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { findEmployerByApiKey, type EmployerPrincipal } from '../auth/api-keys.ts';
import { createEmployerSession, endEmployerSession, findSessionEmployer } from '../auth/employer-sessions.ts';
import type { EmployerEnv } from './employer-auth.ts';
import { clientAddress } from './client-address.ts';
import { SESSION_MAX_AGE_S, type PageAuthDeps } from './page-session.ts';
import { isSecureOrigin, requestOrigin, type OriginSettings } from './public-origin.ts';

/**
 * Sign-in for the employer pages (/employer), built like the coach one
 * (page-session.ts) but apart from it: the employer pastes their API key,
 * it is checked and traded for a server-side employer session, and the
 * cookie holds only that session's random id.
 *
 * The cookie has its own name and Path=/employer, so the browser never sends
 * it to the coach pages and a coach's cookie is never read here. HttpOnly,
 * SameSite=Strict, Secure when the public origin is https, and no longer
 * lived than the session. POSTs are Origin-checked by the router
 * (sameOriginPosts), as on the coach pages.
 */
export const EMPLOYER_SESSION_COOKIE = 'fp_employer_session';
export const EMPLOYER_PAGES_PATH = '/employer';

const cookieOptions = (c: Context, origin: OriginSettings) =>
  ({ path: EMPLOYER_PAGES_PATH, httpOnly: true, sameSite: 'Strict', secure: isSecureOrigin(requestOrigin(c, origin)) }) as const;

/** The employer the session cookie belongs to, or null (absent, unknown, expired, or the key revoked). */
export function sessionEmployer(c: Context, deps: Pick<PageAuthDeps, 'db' | 'now'>): EmployerPrincipal | null {
  const id = getCookie(c, EMPLOYER_SESSION_COOKIE);
  return id ? findSessionEmployer(deps.db, id, deps.now()) : null;
}

/** A path under /employer to return to after signing in; anything else becomes /employer. */
export function safeEmployerNext(next: string | undefined | null): string {
  if (!next || /[\r\n\t\\]/.test(next) || next.length > 2000) return EMPLOYER_PAGES_PATH;
  if (next === EMPLOYER_PAGES_PATH || next.startsWith(`${EMPLOYER_PAGES_PATH}/`) || next.startsWith(`${EMPLOYER_PAGES_PATH}?`)) return next;
  return EMPLOYER_PAGES_PATH;
}

/** Where a signed-out request is sent: /employer/signin, remembering a page other than the list. */
function employerSigninPath(c: Context): string {
  const url = new URL(c.req.url);
  const here = url.pathname + url.search;
  return here === EMPLOYER_PAGES_PATH ? '/employer/signin' : `/employer/signin?next=${encodeURIComponent(here)}`;
}

/** Employer pages middleware: sets c.var.employer from the session cookie, or redirects (303) to the sign-in page. */
export function employerPageSession(deps: Pick<PageAuthDeps, 'db' | 'now' | 'origin'>) {
  return createMiddleware<EmployerEnv>(async (c, next) => {
    const employer = sessionEmployer(c, deps);
    if (!employer) {
      if (getCookie(c, EMPLOYER_SESSION_COOKIE) !== undefined) deleteCookie(c, EMPLOYER_SESSION_COOKIE, cookieOptions(c, deps.origin));
      return c.redirect(employerSigninPath(c), 303);
    }
    c.set('employer', employer);
    await next();
  });
}

export type EmployerSignInResult =
  | { ok: true; employer: EmployerPrincipal }
  | { ok: false; reason: 'unknown-key' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks the API key (unless this client has failed too often lately, with
 * the employer sign-in's own throttle); on success starts a session and sets
 * its cookie. Malformed, unknown and revoked keys fail alike.
 */
export function signInEmployer(c: Context, deps: PageAuthDeps, key: string): EmployerSignInResult {
  const client = clientAddress(c, deps.origin.trustProxy);
  const allowed = deps.throttle.check(client);
  if (!allowed.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: allowed.retryAfterSeconds };
  const k = key.trim();
  const employer = k ? findEmployerByApiKey(deps.db, k, deps.now()) : null;
  if (!employer) {
    deps.throttle.recordFailure(client);
    return { ok: false, reason: 'unknown-key' };
  }
  const id = createEmployerSession(deps.db, employer.keyId, deps.now());
  setCookie(c, EMPLOYER_SESSION_COOKIE, id, { ...cookieOptions(c, deps.origin), maxAge: SESSION_MAX_AGE_S });
  return { ok: true, employer };
}

/** Ends the session server-side (a copied cookie is dead too) and clears the cookie. */
export function signOutEmployer(c: Context, deps: Pick<PageAuthDeps, 'db' | 'origin'>): void {
  const id = getCookie(c, EMPLOYER_SESSION_COOKIE);
  if (id) endEmployerSession(deps.db, id);
  deleteCookie(c, EMPLOYER_SESSION_COOKIE, cookieOptions(c, deps.origin));
}
