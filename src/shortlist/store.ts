import { and, asc, eq } from 'drizzle-orm';
import { shortlistEvents, shortlistItems } from '../../schema/shortlist.ts';
import type { Db } from '../db.ts';
import type { EndReason, Stage } from './stages.ts';
import type { ShortlistVacancy } from './vacancy-details.ts';

/** A stored shortlist entry with its stage history, oldest change first. */
export interface ShortlistRow {
  id: number;
  participantId: number;
  vacancyId: number;
  stage: Stage;
  reason: EndReason | null;
  reasonText: string | null;
  note: string | null;
  snapshot: ShortlistVacancy;
  createdByCoachId: number;
  createdAt: number;
  updatedAt: number;
  events: { fromStage: Stage | null; stage: Stage; reason: EndReason | null; reasonText: string | null; coachId: number; at: number }[];
}

type ItemRow = typeof shortlistItems.$inferSelect;

function eventsOf(db: Db, itemIds: number[]): Map<number, ShortlistRow['events']> {
  const out = new Map<number, ShortlistRow['events']>();
  if (!itemIds.length) return out;
  const rows = db.$client
    .prepare(
      `SELECT item_id, from_stage, stage, reason, reason_text, coach_id, at FROM shortlist_events
       WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY at, id`,
    )
    .all(JSON.stringify(itemIds)) as { item_id: number; from_stage: string | null; stage: string; reason: string | null; reason_text: string | null; coach_id: number; at: number }[];
  for (const r of rows) {
    const list = out.get(r.item_id) ?? [];
    list.push({ fromStage: r.from_stage as Stage | null, stage: r.stage as Stage, reason: r.reason as EndReason | null, reasonText: r.reason_text, coachId: r.coach_id, at: r.at });
    out.set(r.item_id, list);
  }
  return out;
}

const toRow = (r: ItemRow, events: ShortlistRow['events']): ShortlistRow => ({
  ...r,
  stage: r.stage as Stage,
  reason: r.reason as EndReason | null,
  snapshot: r.snapshot as unknown as ShortlistVacancy,
  events,
});

export function listShortlistRows(db: Db, participantId: number): ShortlistRow[] {
  const items = db.select().from(shortlistItems).where(eq(shortlistItems.participantId, participantId)).orderBy(asc(shortlistItems.createdAt), asc(shortlistItems.id)).all();
  const events = eventsOf(db, items.map((i) => i.id));
  return items.map((i) => toRow(i, events.get(i.id) ?? []));
}

export function findShortlistRow(db: Db, participantId: number, itemId: number): ShortlistRow | null {
  const r = db.select().from(shortlistItems).where(and(eq(shortlistItems.participantId, participantId), eq(shortlistItems.id, itemId))).get();
  return r ? toRow(r, eventsOf(db, [r.id]).get(r.id) ?? []) : null;
}

export function findShortlistRowByVacancy(db: Db, participantId: number, vacancyId: number): ShortlistRow | null {
  const r = db.select().from(shortlistItems).where(and(eq(shortlistItems.participantId, participantId), eq(shortlistItems.vacancyId, vacancyId))).get();
  return r ? findShortlistRow(db, participantId, r.id) : null;
}

/** Adds the entry at `suggested` with its first event. Call inside a transaction. */
export function insertShortlistRow(
  db: Db,
  e: { participantId: number; vacancyId: number; note: string | null; snapshot: ShortlistVacancy; coachId: number },
  now: number,
): number {
  const { id } = db
    .insert(shortlistItems)
    .values({
      participantId: e.participantId,
      vacancyId: e.vacancyId,
      stage: 'suggested',
      note: e.note,
      snapshot: e.snapshot as unknown as Record<string, unknown>,
      createdByCoachId: e.coachId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: shortlistItems.id })
    .get();
  db.insert(shortlistEvents).values({ itemId: id, participantId: e.participantId, fromStage: null, stage: 'suggested', coachId: e.coachId, at: now }).run();
  return id;
}

/** Changes stage and/or note; a stage change is recorded as an event by `coachId`. Call inside a transaction. */
export function updateShortlistRow(
  db: Db,
  row: ShortlistRow,
  change: { stage?: Stage; reason?: EndReason | null; reasonText?: string | null; note?: string | null },
  coachId: number,
  now: number,
): void {
  const stageChanged = change.stage !== undefined && (change.stage !== row.stage || change.reason !== row.reason || (change.reasonText ?? null) !== row.reasonText);
  db.update(shortlistItems)
    .set({
      ...(change.stage !== undefined ? { stage: change.stage, reason: change.reason ?? null, reasonText: change.reasonText ?? null } : {}),
      ...(change.note !== undefined ? { note: change.note } : {}),
      updatedAt: now,
    })
    .where(eq(shortlistItems.id, row.id))
    .run();
  if (stageChanged) {
    db.insert(shortlistEvents)
      .values({ itemId: row.id, participantId: row.participantId, fromStage: row.stage, stage: change.stage!, reason: change.reason ?? null, reasonText: change.reasonText ?? null, coachId, at: now })
      .run();
  }
}

/** The vacancy ids on a participant's shortlist (the match cards mark them). */
export function shortlistedVacancyIds(db: Db, participantId: number): number[] {
  return db.select({ id: shortlistItems.vacancyId }).from(shortlistItems).where(eq(shortlistItems.participantId, participantId)).all().map((r) => r.id);
}
