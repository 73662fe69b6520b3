import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** An organisation that posts vacancies through the API. */
export const employers = sqliteTable('employers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  createdAt: integer('created_at').notNull(),
});
