import { index, integer, sqliteTable } from 'drizzle-orm/sqlite-core';

/**
 * LSH band keys of each vacancy's MinHash fingerprint (src/vacancies/dedupe):
 * two vacancies sharing any key are near-duplicate candidates. Lets ingest
 * find candidates with one indexed lookup instead of scanning every vacancy.
 * Derived data: `clusterAll` rebuilds it.
 */
export const dedupeBands = sqliteTable(
  'dedupe_bands',
  {
    bandKey: integer('band_key').notNull(),
    vacancyId: integer('vacancy_id').notNull(),
  },
  // (band_key, vacancy_id) covers the candidate lookup: no table visits per band hit.
  (t) => [index('dedupe_bands_key_vacancy_idx').on(t.bandKey, t.vacancyId), index('dedupe_bands_vacancy_idx').on(t.vacancyId)],
);
