import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { participantHistory, participants, type ParticipantHistoryRow, type ParticipantRow } from '../../schema/participants.ts';
import type { Db } from '../db.ts';
import type { HoursPattern, MustPreference, ShiftPattern } from './preferences.ts';
import type { TargetOccupation } from './targets.ts';
import type { ResolvedHistoryEntry, ResolvedLocation } from './validation.ts';

export type RemotePreference = 'onsite' | 'hybrid' | 'remote' | 'any';

export interface Participant {
  id: number;
  org: string;
  createdByCoachId: number;
  reference: string | null;
  name: string | null;
  location: ResolvedLocation | null;
  maxTravelKm: number | null;
  hoursPerWeek: number | null;
  salaryFloor: number | null;
  remote: RemotePreference | null;
  hoursPattern: HoursPattern | null;
  avoidShifts: ShiftPattern[];
  /** Preferences that are hard limits. */
  must: MustPreference[];
  history: ResolvedHistoryEntry[];
  skills: { add: string[]; remove: string[] };
  licences: string[];
  qualifications: string[];
  /** What they want to do (targets.ts). */
  targets: TargetOccupation[];
  createdAt: number;
  updatedAt: number;
}

/** Everything a create or update may set (already validated and resolved). */
export interface ParticipantFields {
  reference?: string | null;
  name?: string | null;
  location?: ResolvedLocation | null;
  maxTravelKm?: number | null;
  hoursPerWeek?: number | null;
  salaryFloor?: number | null;
  remote?: RemotePreference | null;
  hoursPattern?: HoursPattern | null;
  avoidShifts?: ShiftPattern[];
  must?: MustPreference[];
  history?: ResolvedHistoryEntry[];
  skillsAdd?: string[];
  skillsRemove?: string[];
  licences?: string[];
  qualifications?: string[];
  targets?: TargetOccupation[];
}

export function insertParticipant(db: Db, owner: { org: string; coachId: number }, f: ParticipantFields, now: number): number {
  return db.transaction((tx) => {
    const row = tx
      .insert(participants)
      .values({
        org: owner.org,
        createdByCoachId: owner.coachId,
        ...columns(f),
        skillsAdd: f.skillsAdd ?? [],
        skillsRemove: f.skillsRemove ?? [],
        licences: f.licences ?? [],
        qualifications: f.qualifications ?? [],
        targets: f.targets ?? [],
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: participants.id })
      .get();
    if (f.history) writeHistory(tx as unknown as Db, row.id, f.history);
    return row.id;
  });
}

/** Applies the fields given; returns false when the participant is not in `org`. */
export function updateParticipantRow(db: Db, org: string, id: number, f: ParticipantFields, now: number): boolean {
  return db.transaction((tx) => {
    const cols = columns(f);
    const res = tx
      .update(participants)
      .set({
        ...cols,
        ...(f.skillsAdd !== undefined ? { skillsAdd: f.skillsAdd } : {}),
        ...(f.skillsRemove !== undefined ? { skillsRemove: f.skillsRemove } : {}),
        ...(f.licences !== undefined ? { licences: f.licences } : {}),
        ...(f.qualifications !== undefined ? { qualifications: f.qualifications } : {}),
        ...(f.targets !== undefined ? { targets: f.targets } : {}),
        updatedAt: now,
      })
      .where(and(eq(participants.id, id), eq(participants.org, org)))
      .run();
    if (res.changes === 0) return false;
    if (f.history) {
      tx.delete(participantHistory).where(eq(participantHistory.participantId, id)).run();
      writeHistory(tx as unknown as Db, id, f.history);
    }
    return true;
  });
}

function columns(f: ParticipantFields) {
  const out: Partial<typeof participants.$inferInsert> = {};
  if (f.reference !== undefined) out.reference = f.reference;
  if (f.name !== undefined) out.name = f.name;
  if (f.location !== undefined) {
    out.locationText = f.location?.text ?? null;
    out.lat = f.location?.lat ?? null;
    out.lon = f.location?.lon ?? null;
    out.locationResolved = f.location?.resolved ?? false;
  }
  if (f.maxTravelKm !== undefined) out.maxTravelKm = f.maxTravelKm;
  if (f.hoursPerWeek !== undefined) out.hoursPerWeek = f.hoursPerWeek;
  if (f.salaryFloor !== undefined) out.salaryFloor = f.salaryFloor;
  if (f.remote !== undefined) out.remote = f.remote;
  if (f.hoursPattern !== undefined) out.hoursPattern = f.hoursPattern;
  if (f.avoidShifts !== undefined) out.avoidShifts = [...new Set(f.avoidShifts)];
  if (f.must !== undefined) out.mustPreferences = [...new Set(f.must)];
  return out;
}

function writeHistory(db: Db, participantId: number, history: ResolvedHistoryEntry[]): void {
  if (!history.length) return;
  db.insert(participantHistory)
    .values(
      history.map((h, position) => ({
        participantId,
        position,
        title: h.title,
        occupationInput: h.occupationInput,
        occupationId: h.occupationId,
        resolvedBy: h.resolvedBy,
        confidence: h.confidence,
        years: h.years,
        endedYearsAgo: h.endedYearsAgo,
      })),
    )
    .run();
}

/** The participant, only if it belongs to `org` (anything else reads as absent). */
export function findParticipant(db: Db, org: string, id: number): Participant | null {
  const row = db.select().from(participants).where(and(eq(participants.id, id), eq(participants.org, org))).get();
  if (!row) return null;
  const history = db
    .select()
    .from(participantHistory)
    .where(eq(participantHistory.participantId, id))
    .orderBy(asc(participantHistory.position))
    .all();
  return toParticipant(row, history);
}

export function listParticipantRows(db: Db, org: string, page: { limit: number; offset: number }): { items: Participant[]; total: number } {
  const rows = db.select().from(participants).where(eq(participants.org, org)).orderBy(desc(participants.updatedAt), desc(participants.id))
    .limit(page.limit).offset(page.offset).all();
  const total = db.select({ n: count() }).from(participants).where(eq(participants.org, org)).get()?.n ?? 0;
  const ids = rows.map((r) => r.id);
  const hist = ids.length
    ? db.select().from(participantHistory).where(inArray(participantHistory.participantId, ids)).orderBy(asc(participantHistory.position)).all()
    : [];
  const byId = new Map<number, ParticipantHistoryRow[]>();
  for (const h of hist) {
    let l = byId.get(h.participantId);
    if (!l) byId.set(h.participantId, (l = []));
    l.push(h);
  }
  return { items: rows.map((r) => toParticipant(r, byId.get(r.id) ?? [])), total };
}

/**
 * Erases the participant and every row about them: any table with a
 * `participant_id` column (so tables added later by other areas, such as
 * shortlists, are covered without being listed here), then the participant.
 * One transaction: erasure is all or nothing. Returns false when absent.
 */
export function eraseParticipantRows(db: Db, org: string, id: number): boolean {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const owned = sqlite.prepare('SELECT id FROM participants WHERE id = ? AND org = ?').get(id, org);
    if (!owned) return false;
    for (const table of tablesReferencingParticipants(db)) {
      sqlite.prepare(`DELETE FROM "${table.replace(/"/g, '""')}" WHERE participant_id = ?`).run(id);
    }
    sqlite.prepare('DELETE FROM participants WHERE id = ?').run(id);
    return true;
  })();
}

export function tablesReferencingParticipants(db: Db): string[] {
  const sqlite = db.$client;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_\\_%' ESCAPE '\\'")
    .all() as { name: string }[];
  return tables
    .map((t) => t.name)
    .filter((name) => {
      if (name === 'participants') return false;
      const cols = sqlite.prepare(`PRAGMA table_info("${name.replace(/"/g, '""')}")`).all() as { name: string }[];
      return cols.some((c) => c.name === 'participant_id');
    });
}

function toParticipant(row: ParticipantRow, history: ParticipantHistoryRow[]): Participant {
  return {
    id: row.id,
    org: row.org,
    createdByCoachId: row.createdByCoachId,
    reference: row.reference,
    name: row.name,
    location: row.locationText != null ? { text: row.locationText, lat: row.lat, lon: row.lon, resolved: row.locationResolved } : null,
    maxTravelKm: row.maxTravelKm,
    hoursPerWeek: row.hoursPerWeek,
    salaryFloor: row.salaryFloor,
    remote: row.remote,
    hoursPattern: row.hoursPattern,
    avoidShifts: row.avoidShifts as ShiftPattern[],
    must: row.mustPreferences as MustPreference[],
    history: history.map((h) => ({
      title: h.title,
      occupationInput: h.occupationInput,
      occupationId: h.occupationId,
      resolvedBy: h.resolvedBy as ResolvedHistoryEntry['resolvedBy'],
      confidence: h.confidence,
      years: h.years,
      endedYearsAgo: h.endedYearsAgo,
    })),
    skills: { add: row.skillsAdd, remove: row.skillsRemove },
    licences: row.licences,
    qualifications: row.qualifications,
    targets: row.targets,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
