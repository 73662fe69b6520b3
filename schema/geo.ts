import { index, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Postcodes imported by the operator (`npm run cli -- import postcodes`), from
 * a full-postcode table (e.g. ONS Postcode Directory) or an outward-code
 * (district) table. `postcode` is normalised ("SW1A 1AA" or "SW1A");
 * `outward` lets a district be answered from a full table too; a district
 * only gets a local authority when all its rows agree on one.
 */
export const postcodes = sqliteTable(
  'postcodes',
  {
    postcode: text('postcode').primaryKey(),
    outward: text('outward').notNull(),
    lat: real('lat').notNull(),
    lon: real('lon').notNull(),
    town: text('town'),
    region: text('region'),
    /** Local authority (name or GSS code, as the operator's table gives it). */
    localAuthority: text('local_authority'),
  },
  (t) => [index('postcodes_outward_idx').on(t.outward)],
);

export type PostcodeRow = typeof postcodes.$inferSelect;
