import { randomBytes } from 'node:crypto';
import { writeIfFree, type Db } from '../db.ts';
import type { EmployerPrincipal } from './api-keys.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './sessions.ts';
import { hashSecret } from './tokens.ts';

/**
 * Server-side sessions for the employer pages, the twin of the coach
 * sessions (sessions.ts) in their own table: an employer's session can never
 * be read as a coach's, nor the other way round. Signing in trades the API
 * key for a session id, so the cookie is no API credential; signing out
 * ends the session; revoking the key ends every session made with it (the
 * lookup requires a live key, and revokeApiKey deletes them too).
 * Same idle and absolute limits as the coach sessions.
 */

const LAST_SEEN_GRANULARITY_MS = 60_000;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** Starts a session for the key's holder; returns the id for the cookie (shown to the browser only). */
export function createEmployerSession(db: Db, apiKeyId: number, now: number): string {
  purgeExpiredEmployerSessions(db, now);
  const id = randomBytes(32).toString('base64url');
  db.$client
    .prepare('INSERT INTO employer_sessions (id_hash, api_key_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(hashSecret(id), apiKeyId, now, now, now + SESSION_ABSOLUTE_MS);
  return id;
}

/**
 * The employer a session id belongs to, or null: unknown, malformed, idle
 * too long, past its absolute expiry, or its key revoked. An expired session
 * found here is deleted on the spot.
 */
export function findSessionEmployer(db: Db, id: string, now: number): EmployerPrincipal | null {
  if (!SESSION_ID.test(id)) return null;
  const idHash = hashSecret(id);
  const row = db.$client
    .prepare(
      `SELECT s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt, k.id AS keyId, e.id, e.name
         FROM employer_sessions s
         JOIN api_keys k ON k.id = s.api_key_id
         JOIN employers e ON e.id = k.employer_id
        WHERE s.id_hash = ? AND k.revoked_at IS NULL`,
    )
    .get(idHash) as { lastSeenAt: number; expiresAt: number; keyId: number; id: number; name: string } | undefined;
  if (!row) return null;
  if (now >= row.expiresAt || now - row.lastSeenAt >= SESSION_IDLE_MS) {
    endEmployerSession(db, id);
    return null;
  }
  if (now - row.lastSeenAt >= LAST_SEEN_GRANULARITY_MS) {
    // Bookkeeping: skipped rather than waited for when another process (an import) holds the write lock.
    writeIfFree(db, () => db.$client.prepare('UPDATE employer_sessions SET last_seen_at = ? WHERE id_hash = ?').run(now, idHash));
  }
  return { id: row.id, name: row.name, keyId: row.keyId };
}

/** Sign-out: the session is gone, so the old cookie is worth nothing even if it was copied. */
export function endEmployerSession(db: Db, id: string): void {
  if (SESSION_ID.test(id)) db.$client.prepare('DELETE FROM employer_sessions WHERE id_hash = ?').run(hashSecret(id));
}

/** Ends every session signed in with this key (it was revoked); returns how many. */
export function endKeySessions(db: Db, apiKeyId: number): number {
  return db.$client.prepare('DELETE FROM employer_sessions WHERE api_key_id = ?').run(apiKeyId).changes;
}

/** Deletes sessions past either expiry; called on each sign-in, so the table stays the size of the live sessions. */
export function purgeExpiredEmployerSessions(db: Db, now: number): number {
  return db.$client.prepare('DELETE FROM employer_sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, now - SESSION_IDLE_MS).changes;
}
