import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Index outbox: every vacancy write adds a row here in the same transaction;
 * the drainer applies rows to the search engine and deletes them only after
 * the engine confirms, so a failing engine loses nothing.
 */
export const indexOutbox = sqliteTable(
  'index_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    vacancyId: integer('vacancy_id').notNull(),
    op: text('op', { enum: ['upsert', 'remove'] }).notNull(),
    enqueuedAt: integer('enqueued_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Not retried before this time (backoff after an engine failure). */
    notBefore: integer('not_before').notNull().default(0),
  },
  (t) => [index('index_outbox_not_before_idx').on(t.notBefore)],
);
