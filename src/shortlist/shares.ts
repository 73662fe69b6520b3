import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { shortlistShares } from '../../schema/shortlist.ts';
import type { Coach } from '../auth/coaches.ts';
import { hashSecret } from '../auth/tokens.ts';
import { writeTransaction } from '../db.ts';
import { notFound } from '../errors.ts';
import { auditParticipant } from '../participants/audit.ts';
import type { Participant } from '../participants/store.ts';
import type { ShortlistDeps } from './shortlist.ts';

const DAY_MS = 86_400_000;
export const DEFAULT_SHARE_DAYS = 14;

/** A share link as the coach sees it (the token itself only once, when created). */
export interface ShareLink {
  id: number;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  active: boolean;
}

const toLink = (r: typeof shortlistShares.$inferSelect, now: number): ShareLink => ({
  id: r.id,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  revokedAt: r.revokedAt,
  active: r.revokedAt == null && r.expiresAt > now,
});

/**
 * A read-only link to the participant's shortlist: 32 random bytes, so it
 * cannot be guessed, stored only as its SHA-256 (a database copy cannot
 * open it), expiring after `days`.
 */
export function createShareLink(deps: ShortlistDeps, coach: Coach, p: Participant, days = DEFAULT_SHARE_DAYS): { token: string; link: ShareLink } {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  const row = writeTransaction(deps.db, () => {
    const r = deps.db
      .insert(shortlistShares)
      .values({ participantId: p.id, tokenHash: hashSecret(token), createdByCoachId: coach.id, createdAt: now, expiresAt: now + days * DAY_MS })
      .returning()
      .get();
    auditParticipant(deps.db, { coachId: coach.id, action: 'participant.share.create', participantId: p.id, ids: [r.id] }, now);
    return r;
  });
  return { token, link: toLink(row, now) };
}

export function listShareLinks(deps: ShortlistDeps, p: Participant): ShareLink[] {
  const now = deps.now();
  return deps.db.select().from(shortlistShares).where(eq(shortlistShares.participantId, p.id)).orderBy(desc(shortlistShares.id)).all().map((r) => toLink(r, now));
}

/** Revokes a link of this participant at once; 404 for a link of anyone else. */
export function revokeShareLink(deps: ShortlistDeps, coach: Coach, p: Participant, shareId: number): ShareLink {
  const now = deps.now();
  const row = writeTransaction(deps.db, () => {
    const r = deps.db
      .update(shortlistShares)
      .set({ revokedAt: now })
      .where(and(eq(shortlistShares.id, shareId), eq(shortlistShares.participantId, p.id), isNull(shortlistShares.revokedAt)))
      .returning()
      .get();
    const found = r ?? deps.db.select().from(shortlistShares).where(and(eq(shortlistShares.id, shareId), eq(shortlistShares.participantId, p.id))).get();
    if (found && r) auditParticipant(deps.db, { coachId: coach.id, action: 'participant.share.revoke', participantId: p.id, ids: [r.id] }, now);
    return found;
  });
  if (!row) throw notFound('Share link');
  return toLink(row, now);
}

/**
 * The participant id a token opens, or null when it is unknown, revoked or
 * expired (all answered alike). The opening is audited against the share.
 */
export function openShareLink(deps: ShortlistDeps, token: string): { participantId: number; org: string; expiresAt: number } | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const now = deps.now();
  const r = deps.db.$client
    .prepare(
      `SELECT s.id, s.participant_id, s.expires_at, s.revoked_at, p.org FROM shortlist_shares s JOIN participants p ON p.id = s.participant_id
       WHERE s.token_hash = ?`,
    )
    .get(hashSecret(token)) as { id: number; participant_id: number; expires_at: number; revoked_at: number | null; org: string } | undefined;
  if (!r || r.revoked_at != null || r.expires_at <= now) return null;
  auditParticipant(deps.db, { actor: `share:${r.id}`, action: 'participant.shared.viewed', participantId: r.participant_id }, now);
  return { participantId: r.participant_id, org: r.org, expiresAt: r.expires_at };
}
