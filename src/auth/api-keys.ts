import { and, asc, eq, isNull } from 'drizzle-orm';
import { apiKeys, employers } from '../../schema/index.ts';
import { writeIfFree, writeTransaction, type Db } from '../db.ts';
import { ensureEmployer } from '../employers/employers.ts';
import { endKeySessions } from './employer-sessions.ts';
import { hashesEqual, hashSecret, issueSecret, secretPrefix } from './tokens.ts';

export interface ApiKeyInfo {
  id: number;
  employerId: number;
  employerName: string;
  label: string | null;
  /** The key's public prefix (`fp_emp_<prefix>_…`), to tell keys apart without the secret. */
  prefix: string;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

/** Who a valid key belongs to; set on c.var.employer by employerAuth. */
export interface EmployerPrincipal {
  id: number;
  name: string;
  keyId: number;
}

/**
 * Issues an API key for an employer (created if new). The key is returned
 * once and only its hash is stored: a lost key is revoked and reissued.
 */
export function createApiKey(
  db: Db,
  input: { employerName: string; label?: string | null },
  now: number,
): { key: string; info: ApiKeyInfo } {
  return writeTransaction(db, () => {
    const employer = ensureEmployer(db, input.employerName, now);
    const { secret, prefix, hash } = issueSecret('emp');
    const row = db
      .insert(apiKeys)
      .values({ employerId: employer.id, prefix, hash, label: input.label ?? null, createdAt: now })
      .returning()
      .get();
    return {
      key: secret,
      info: { id: row.id, employerId: employer.id, employerName: employer.name, label: row.label, prefix, createdAt: now, revokedAt: null, lastUsedAt: null },
    };
  });
}

export function listApiKeys(db: Db): ApiKeyInfo[] {
  return db
    .select({
      id: apiKeys.id,
      employerId: apiKeys.employerId,
      employerName: employers.name,
      label: apiKeys.label,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .innerJoin(employers, eq(employers.id, apiKeys.employerId))
    .orderBy(asc(apiKeys.id))
    .all();
}

/**
 * Revokes a key; false when there is no such live key. Takes effect on the next request, and ends the
 * employer page sessions signed in with it (they would be refused anyway; this leaves no dead rows).
 */
export function revokeApiKey(db: Db, id: number, now: number): boolean {
  return writeTransaction(db, () => {
    const revoked = db.$client.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
    if (revoked) endKeySessions(db, id);
    return revoked;
  });
}

/** Last-used is a hint for operators, so it is written at most once a minute per key. */
const LAST_USED_GRANULARITY_MS = 60_000;

/** The employer a bearer key belongs to, or null (malformed, unknown or revoked). */
export function findEmployerByApiKey(db: Db, key: string, now: number): EmployerPrincipal | null {
  const prefix = secretPrefix(key, 'emp');
  if (!prefix) return null;
  const hash = hashSecret(key);
  const rows = db
    .select({ keyId: apiKeys.id, hash: apiKeys.hash, lastUsedAt: apiKeys.lastUsedAt, employerId: employers.id, name: employers.name })
    .from(apiKeys)
    .innerJoin(employers, eq(employers.id, apiKeys.employerId))
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)))
    .all();
  const row = rows.find((r) => hashesEqual(r.hash, hash));
  if (!row) return null;
  if (row.lastUsedAt == null || now - row.lastUsedAt >= LAST_USED_GRANULARITY_MS) {
    // Bookkeeping: skipped rather than waited for when another process (an import) holds the write lock.
    writeIfFree(db, () => db.$client.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(now, row.keyId));
  }
  return { id: row.employerId, name: row.name, keyId: row.keyId };
}
