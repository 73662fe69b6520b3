import { blob, index, integer, sqliteTable } from 'drizzle-orm/sqlite-core';

/**
 * LSH band keys of each vacancy's MinHash fingerprint (src/vacancies/dedupe),
 * one row per vacancy: the compact, persisted source of the in-memory band
 * index that ingest probes (src/vacancies/dedupe/band-index.ts). One row per
 * vacancy, written at the end of the id range, instead of 16 rows scattered
 * through a 4M-row index: an ingest commit writes two pages, not sixteen.
 * `seq` grows with every write so another process can catch up on what
 * changed since it last read. Derived data: `clusterAll` rebuilds it.
 */
export const dedupeSigs = sqliteTable(
  'dedupe_sigs',
  {
    vacancyId: integer('vacancy_id').primaryKey(),
    seq: integer('seq').notNull(),
    /** BANDS little-endian uint32 values: the low 32 bits of each band key. */
    bandKeys: blob('band_keys', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('dedupe_sigs_seq_idx').on(t.seq)],
);

