import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { coaches } from './auth.ts';
import { participants } from './participants.ts';
import { vacancies } from './vacancies.ts';

/**
 * A participant's shortlist: vacancies a coach put forward, each with the
 * stage it has reached. Personal data (it says where someone applied), so
 * every table carries `participant_id` and is erased with the participant
 * (src/participants/store.ts erases every table with that column).
 */
export const shortlistItems = sqliteTable(
  'shortlist_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
    /** No cascade: vacancies are never deleted (closed ones keep their row and history). */
    vacancyId: integer('vacancy_id').notNull().references(() => vacancies.id),
    /** suggested → discussed → applied → interview → offer → started, or declined / withdrawn. */
    stage: text('stage').notNull(),
    /** Why it was declined or withdrawn (one of a short list), null otherwise. */
    reason: text('reason'),
    reasonText: text('reason_text'),
    /** The coach's note for the participant (shown on the printed and shared pages). */
    note: text('note'),
    /**
     * The vacancy as it was when shortlisted (title, employer, place, pay, hours, closing date,
     * how to apply): shown if the vacancy row is ever unreadable, so the list never loses an entry.
     */
    snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdByCoachId: integer('created_by_coach_id').notNull().references(() => coaches.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('shortlist_items_participant_vacancy_idx').on(t.participantId, t.vacancyId)],
);

/** Every stage change of a shortlist item: when, by which coach, from what to what. */
export const shortlistEvents = sqliteTable(
  'shortlist_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id').notNull().references(() => shortlistItems.id, { onDelete: 'cascade' }),
    participantId: integer('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    stage: text('stage').notNull(),
    reason: text('reason'),
    reasonText: text('reason_text'),
    coachId: integer('coach_id').notNull().references(() => coaches.id),
    at: integer('at').notNull(),
  },
  (t) => [
    index('shortlist_events_item_idx').on(t.itemId, t.at),
    // The caseload's latest activity: the newest event per participant.
    index('shortlist_events_participant_idx').on(t.participantId, t.at),
  ],
);

/**
 * Read-only links to one participant's shortlist. Only the token's SHA-256
 * is stored, so the database cannot hand a link out again.
 */
export const shortlistShares = sqliteTable(
  'shortlist_shares',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdByCoachId: integer('created_by_coach_id').notNull().references(() => coaches.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('shortlist_shares_token_idx').on(t.tokenHash), index('shortlist_shares_participant_idx').on(t.participantId)],
);
