import { createMiddleware } from 'hono/factory';
import type { Db } from '../db.ts';
import { forbidden, unauthorized } from '../errors.ts';
import { findCoachByToken, type Coach } from '../auth/coaches.ts';

export type CoachEnv = { Variables: { coach: Coach } };

/** Reads the bearer token, so every auth middleware words its errors alike. */
export function bearerToken(header: string | undefined): string {
  if (!header) throw unauthorized('Send an Authorization: Bearer <token> header');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m?.[1]) throw unauthorized('The Authorization header must be "Bearer <token>"');
  return m[1];
}

/** Coach routes: a valid coach (or operator) token; sets c.var.coach. */
export function coachAuth(db: Db) {
  return createMiddleware<CoachEnv>(async (c, next) => {
    const coach = findCoachByToken(db, bearerToken(c.req.header('Authorization')));
    if (!coach) throw unauthorized('Unknown or revoked coach token');
    c.set('coach', coach);
    await next();
  });
}

/** Operator routes (admin API): an operator token. Use after coachAuth. */
export function requireOperator() {
  return createMiddleware<CoachEnv>(async (c, next) => {
    if (c.var.coach.role !== 'operator') throw forbidden('This needs an operator token');
    await next();
  });
}
