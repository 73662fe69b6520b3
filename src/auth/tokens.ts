import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets shown once and stored only as a SHA-256. A secret looks like
 * `fp_emp_<prefix>_<rest>`: the prefix (not secret) finds the row without a
 * table scan; the hash comparison is constant-time.
 */
export interface IssuedSecret {
  secret: string;
  prefix: string;
  hash: string;
}

export function issueSecret(kind: 'emp' | 'coach'): IssuedSecret {
  const prefix = randomBytes(6).toString('hex');
  const rest = randomBytes(24).toString('base64url');
  const secret = `fp_${kind}_${prefix}_${rest}`;
  return { secret, prefix, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The prefix of a well-formed secret, or null. */
export function secretPrefix(secret: string, kind: 'emp' | 'coach'): string | null {
  const m = new RegExp(`^fp_${kind}_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}$`).exec(secret);
  return m?.[1] ?? null;
}

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
