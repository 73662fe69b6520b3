import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../schema/audit.ts';
import { writeSoon, type Db } from '../db.ts';

/** The reads: one API call each, or `participant.viewed` for a whole page (with what it showed). */
export type ParticipantReadAction =
  | 'participant.read'
  | 'participant.viewed'
  | 'participant.matches'
  | 'participant.transitions'
  | 'participant.pivots'
  | 'participant.shortlist'
  /** Someone opened a shared shortlist link (actor `share:<id>`). */
  | 'participant.shared.viewed'
  /** A coach asked for a participant of another organisation (answered 404). */
  | 'participant.denied';

export type ParticipantAction =
  | ParticipantReadAction
  | 'participant.create'
  | 'participant.list'
  | 'participant.update'
  | 'participant.erase'
  | 'participant.shortlist.add'
  | 'participant.shortlist.change'
  | 'participant.share.create'
  | 'participant.share.revoke';

/**
 * One audit row per read or change of participant data. `detail` carries
 * field names and ids only, never values: the audit log must not become a
 * second copy of the personal data it protects.
 */
export function auditParticipant(
  db: Db,
  entry: {
    /** The coach acting; or give `actor` for someone else (`operator:cli`). */
    coachId?: number;
    actor?: string;
    action: ParticipantAction;
    participantId: number | null;
    fields?: string[];
    ids?: number[];
    /** What a page showed of them: section names (profile, matches, transitions, pivots). */
    shown?: string[];
  },
  now: number,
): void {
  const detail: Record<string, unknown> = {};
  if (entry.fields) detail.fields = entry.fields;
  if (entry.ids) detail.ids = entry.ids;
  if (entry.shown) detail.shown = entry.shown;
  const row = {
    at: now,
    actor: entry.actor ?? `coach:${entry.coachId ?? 'unknown'}`,
    action: entry.action,
    subjectType: 'participant',
    subjectId: entry.participantId == null ? null : String(entry.participantId),
    detail: Object.keys(detail).length ? detail : null,
  };
  // A change's row is written inside the change's transaction; a read's waits for the lock without holding up the response.
  writeSoon(db, () => db.insert(auditLog).values(row).run());
}

/**
 * Records a refused cross-organisation attempt: the coach asked for a
 * participant who exists but belongs to another organisation. The coach
 * still gets the 404 an unknown id gets (nothing confirms the person
 * exists), but the operator can see who is probing. An id that exists
 * nowhere is not recorded: it is no one's data. `detail.attempted` says
 * what was asked (read, update, erase...).
 */
export function auditDeniedParticipant(
  db: Db,
  entry: { coachId: number; org: string; participantId: number; attempted: ParticipantAction },
  now: number,
): void {
  if (!Number.isSafeInteger(entry.participantId) || entry.participantId <= 0) return;
  const holder = db.$client.prepare('SELECT org FROM participants WHERE id = ?').pluck().get(entry.participantId) as string | undefined;
  if (holder === undefined || holder === entry.org) return;
  const row = { at: now, actor: `coach:${entry.coachId}`, action: 'participant.denied', subjectType: 'participant', subjectId: String(entry.participantId), detail: { attempted: entry.attempted } };
  writeSoon(db, () => db.insert(auditLog).values(row).run());
}

/** After erasure the participant's audit rows keep who, what and when against the bare id, nothing more. */
export function stripParticipantAudit(db: Db, participantId: number): void {
  db.update(auditLog)
    .set({ detail: null })
    .where(and(eq(auditLog.subjectType, 'participant'), eq(auditLog.subjectId, String(participantId))))
    .run();
}
