import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { coaches } from './auth.ts';

/**
 * Participants: people on an employability programme, kept by a coach's
 * organisation. Personal data, so minimal: no date of birth, contact details
 * or free-text notes. Readable and changeable only by coaches of `org`;
 * every read and change is audited; DELETE erases the row and every row that
 * refers to it (any table with a `participant_id` column).
 */
export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The coaches' organisation the participant belongs to. */
    org: text('org').notNull(),
    createdByCoachId: integer('created_by_coach_id').notNull().references(() => coaches.id),
    /** The programme's own reference for the person (caseload id), if any. */
    reference: text('reference'),
    name: text('name'),
    /** As the coach typed it: place name, postcode or "lat,lon". */
    locationText: text('location_text'),
    lat: real('lat'),
    lon: real('lon'),
    /** False when the location text could not be resolved (kept as text, flagged). */
    locationResolved: integer('location_resolved', { mode: 'boolean' }).notNull().default(false),
    maxTravelKm: real('max_travel_km'),
    hoursPerWeek: real('hours_per_week'),
    /** Lowest acceptable annual pay, GBP. */
    salaryFloor: real('salary_floor'),
    remote: text('remote', { enum: ['onsite', 'hybrid', 'remote', 'any'] }),
    /** Hours pattern wanted: `full_time`, `part_time`, `school_hours` (part-time, days, no weekends), or null. */
    hoursPattern: text('hours_pattern', { enum: ['full_time', 'part_time', 'school_hours'] }),
    /** Shift patterns they cannot or will not work (`nights`, `weekends`…). JSON `string[]`. */
    avoidShifts: text('avoid_shifts', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Preferences that are hard limits (`hours`, `shifts`, `salary`, `travel`, `remote`): vacancies breaking them are left out. JSON `string[]`. */
    mustPreferences: text('must_preferences', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Skill ids the coach added (they win over the history). JSON `string[]`. */
    skillsAdd: text('skills_add', { mode: 'json' }).$type<string[]>().notNull(),
    /** Skill ids the coach removed (they win over the history). JSON `string[]`. */
    skillsRemove: text('skills_remove', { mode: 'json' }).$type<string[]>().notNull(),
    /** Canonical licence codes (`driving:C+E`, `forklift`, `sia`…). JSON `string[]`. */
    licences: text('licences', { mode: 'json' }).$type<string[]>().notNull(),
    /** Qualification names as given. JSON `string[]`. */
    qualifications: text('qualifications', { mode: 'json' }).$type<string[]>().notNull(),
    /** Target occupations: what they want to do, as given and as resolved. JSON `{ input, occupationId }[]` (src/participants/targets.ts). */
    targets: text('targets', { mode: 'json' }).$type<{ input: string; occupationId: string | null }[]>().notNull().default([]),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('participants_org_idx').on(t.org, t.id),
    // The caseload list: most recently changed first, a page at a time.
    index('participants_org_updated_idx').on(t.org, t.updatedAt),
  ],
);

/**
 * Job history, one row per past (or current) job, most recent first. The
 * original text is kept beside the occupation it resolved to, so a later
 * taxonomy can re-resolve it.
 */
export const participantHistory = sqliteTable(
  'participant_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    participantId: integer('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
    /** 0 = most recent. */
    position: integer('position').notNull(),
    title: text('title'),
    /** The occupation as given by the coach (id or code), if given. */
    occupationInput: text('occupation_input'),
    /** Resolved taxonomy occupation id (`soc:6135`, `esco:<uuid>`), or null when unresolved. */
    occupationId: text('occupation_id'),
    /** How it was resolved: `given`, `classifier`, `title`, or null. */
    resolvedBy: text('resolved_by'),
    confidence: real('confidence'),
    years: real('years').notNull(),
    /** Years since the job ended (0 = current or just ended); null = inferred from the order. */
    endedYearsAgo: real('ended_years_ago'),
  },
  (t) => [index('participant_history_participant_idx').on(t.participantId, t.position)],
);

export type ParticipantRow = typeof participants.$inferSelect;
export type ParticipantHistoryRow = typeof participantHistory.$inferSelect;
