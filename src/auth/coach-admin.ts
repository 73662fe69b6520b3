import { asc } from 'drizzle-orm';
import { coaches } from '../../schema/auth.ts';
import { writeTransaction, type Db } from '../db.ts';
import { endCoachSessions } from './sessions.ts';

/** Operator views of coach tokens (the CLI's `coaches list` / `coaches revoke`). */
export interface CoachInfo {
  id: number;
  name: string;
  org: string;
  role: 'coach' | 'operator';
  tokenPrefix: string;
  createdAt: number;
  revokedAt: number | null;
}

export function listCoaches(db: Db): CoachInfo[] {
  return db
    .select({
      id: coaches.id,
      name: coaches.name,
      org: coaches.org,
      role: coaches.role,
      tokenPrefix: coaches.tokenPrefix,
      createdAt: coaches.createdAt,
      revokedAt: coaches.revokedAt,
    })
    .from(coaches)
    .orderBy(asc(coaches.id))
    .all();
}

/**
 * Revokes a coach's token and ends their page sessions (a session made with
 * a revoked token would otherwise outlive it); false when there is no such
 * live token.
 */
export function revokeCoach(db: Db, id: number, now: number): boolean {
  return writeTransaction(db, () => {
    const revoked = db.$client.prepare('UPDATE coaches SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
    if (revoked) endCoachSessions(db, id);
    return revoked;
  });
}
