import { createMiddleware } from 'hono/factory';
import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import { unauthorized } from '../errors.ts';
import { tooManyRequests, type RateLimiter } from './rate-limit.ts';
import { findEmployerByApiKey, type EmployerPrincipal } from '../auth/api-keys.ts';
import { bearerToken } from './coach-auth.ts';

export type EmployerEnv = { Variables: { employer: EmployerPrincipal } };

/**
 * Employer routes: `Authorization: Bearer <api key>` → c.var.employer, then
 * the key's rate limit (429 with Retry-After). 401 for a missing, malformed,
 * unknown or revoked key, worded alike so keys cannot be probed.
 */
export function employerAuth(deps: { db: Db; now: Clock; limiter: RateLimiter }) {
  return createMiddleware<EmployerEnv>(async (c, next) => {
    const key = bearerToken(c.req.header('Authorization'));
    const employer = findEmployerByApiKey(deps.db, key, deps.now());
    if (!employer) throw unauthorized('Unknown or revoked API key');
    const taken = deps.limiter.take(`key:${employer.keyId}`);
    if (!taken.ok) throw tooManyRequests(taken.retryAfterSeconds);
    c.set('employer', employer);
    await next();
  });
}
