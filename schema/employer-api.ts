import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { vacancies } from './vacancies.ts';

/**
 * What an employer last sent for a vacancy (our RawVacancy shape, after
 * JobPosting mapping). PATCH merges into this and re-ingests, so a partial
 * update means the same as re-sending the whole vacancy with those fields
 * changed, and re-normalisation never works from already-normalised values.
 */
export const employerSubmissions = sqliteTable('employer_submissions', {
  vacancyId: integer('vacancy_id').primaryKey().references(() => vacancies.id, { onDelete: 'cascade' }),
  /** JSON RawVacancy. */
  raw: text('raw', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  updatedAt: integer('updated_at').notNull(),
});
