import { randomBytes } from 'node:crypto';
import { writeIfFree, type Db } from '../db.ts';
import type { Coach } from './coaches.ts';
import { hashSecret } from './tokens.ts';

/**
 * Server-side sessions for the coach pages. Signing in trades the coach
 * token for a session id, so the cookie is not a credential for the API,
 * signing out really ends the session, and revoking the token ends every
 * session made with it.
 */

/** A session ends after this long without a request... */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** ...and this long after sign-in, however busy: the coach pastes the token again. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Last-seen is refreshed at most this often: a write per page view would only slow the pages down. */
const LAST_SEEN_GRANULARITY_MS = 60_000;

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** Starts a session for the coach; returns the id for the cookie (shown to the browser only). */
export function createSession(db: Db, coachId: number, now: number): string {
  purgeExpiredSessions(db, now);
  const id = randomBytes(32).toString('base64url');
  db.$client
    .prepare('INSERT INTO sessions (id_hash, coach_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(hashSecret(id), coachId, now, now, now + SESSION_ABSOLUTE_MS);
  return id;
}

/**
 * The coach a session id belongs to, or null: unknown, malformed, idle too
 * long, past its absolute expiry, or the coach's token revoked. An expired
 * session found here is deleted on the spot.
 */
export function findSessionCoach(db: Db, id: string, now: number): Coach | null {
  if (!SESSION_ID.test(id)) return null;
  const idHash = hashSecret(id);
  const row = db.$client
    .prepare(
      `SELECT s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt, c.id, c.name, c.org, c.role
         FROM sessions s JOIN coaches c ON c.id = s.coach_id
        WHERE s.id_hash = ? AND c.revoked_at IS NULL`,
    )
    .get(idHash) as { lastSeenAt: number; expiresAt: number; id: number; name: string; org: string; role: Coach['role'] } | undefined;
  if (!row) return null;
  if (now >= row.expiresAt || now - row.lastSeenAt >= SESSION_IDLE_MS) {
    endSession(db, id);
    return null;
  }
  if (now - row.lastSeenAt >= LAST_SEEN_GRANULARITY_MS) {
    // Bookkeeping: skipped rather than waited for when another process (an import) holds the write lock.
    writeIfFree(db, () => db.$client.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(now, idHash));
  }
  return { id: row.id, name: row.name, org: row.org, role: row.role };
}

/** Sign-out: the session is gone, so the old cookie is worth nothing even if it was copied. */
export function endSession(db: Db, id: string): void {
  if (SESSION_ID.test(id)) db.$client.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashSecret(id));
}

/** Ends every session of a coach (their token was revoked or reissued); returns how many. */
export function endCoachSessions(db: Db, coachId: number): number {
  return db.$client.prepare('DELETE FROM sessions WHERE coach_id = ?').run(coachId).changes;
}

/** Deletes sessions past either expiry; called on each sign-in, so the table stays the size of the live sessions. */
export function purgeExpiredSessions(db: Db, now: number): number {
  return db.$client.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, now - SESSION_IDLE_MS).changes;
}
