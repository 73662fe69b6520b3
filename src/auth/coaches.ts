import { and, eq, isNull } from 'drizzle-orm';
import { coaches } from '../../schema/auth.ts';
import type { Db } from '../db.ts';
import { hashesEqual, issueSecret, secretPrefix, hashSecret } from './tokens.ts';

export interface Coach {
  id: number;
  name: string;
  org: string;
  role: 'coach' | 'operator';
}

/** Creates a coach (or operator) and returns their bearer token: shown once, never stored. */
export function createCoach(
  db: Db,
  input: { name: string; org: string; role?: 'coach' | 'operator' },
  now: number,
): { coach: Coach; token: string } {
  const { secret, prefix, hash } = issueSecret('coach');
  const row = db
    .insert(coaches)
    .values({ name: input.name, org: input.org, role: input.role ?? 'coach', tokenPrefix: prefix, tokenHash: hash, createdAt: now })
    .returning()
    .get();
  return { coach: { id: row.id, name: row.name, org: row.org, role: row.role }, token: secret };
}

/** The coach a bearer token belongs to, or null (unknown, malformed or revoked). */
export function findCoachByToken(db: Db, token: string): Coach | null {
  const prefix = secretPrefix(token, 'coach');
  if (!prefix) return null;
  const hash = hashSecret(token);
  const rows = db.select().from(coaches).where(and(eq(coaches.tokenPrefix, prefix), isNull(coaches.revokedAt))).all();
  const row = rows.find((r) => hashesEqual(r.tokenHash, hash));
  return row ? { id: row.id, name: row.name, org: row.org, role: row.role } : null;
}
