import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Demand history (issue 5): a daily series derived from the vacancy store,
 * rebuildable at any time (src/pivots/demand-history.ts). One row per day ×
 * dimension × area with something live or new; absent rows mean zero.
 *
 *   dim        'all' (key ''), 'sector' (SIC 2007 letter) or 'occupation'
 *              (`scheme:code`, e.g. `soc:6135`)
 *   area_type  'all' (area ''), 'region' or 'la' (local authority).
 *              Occupations are kept at 'all' only: with ESCO's 3,000
 *              occupations, per region or local authority they are too
 *              sparse to say anything and would multiply the table
 *              (local demand for an occupation comes from demand_cells).
 *   day        UTC day number (epoch ms / 86 400 000, floored)
 *   live       vacancies live on that day (near-duplicate clusters once)
 *   new        vacancies first seen that day
 */
export const demandDaily = sqliteTable(
  'demand_daily',
  {
    areaType: text('area_type').notNull(),
    area: text('area').notNull(),
    dim: text('dim').notNull(),
    key: text('key').notNull(),
    day: integer('day').notNull(),
    live: integer('live').notNull(),
    new: integer('new').notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaType, t.area, t.dim, t.key, t.day] }), index('demand_daily_day_idx').on(t.day)],
);

/**
 * Live vacancies per map cell (0.05° × 0.05°, about 5.5 × 3.4 km in the UK)
 * and occupation, refreshed with the history: counting "live vacancies within
 * someone's travel range" per occupation becomes a sum over a few dozen
 * cells instead of a scan of the vacancy table.
 */
export const demandCells = sqliteTable(
  'demand_cells',
  {
    cellLat: integer('cell_lat').notNull(),
    cellLon: integer('cell_lon').notNull(),
    occupation: text('occupation').notNull(),
    sector: text('sector').notNull(),
    region: text('region').notNull(),
    live: integer('live').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cellLat, t.cellLon, t.occupation, t.sector, t.region] }),
    // Covering indexes, so neither lookup reads the table (in a dense city
    // the cells near someone hold thousands of rows, one per occupation):
    // local demand for given occupations in a box of cells (and, by its
    // prefix, everywhere for a participant without a location), ...
    index('demand_cells_occupation_cell_idx').on(t.occupation, t.cellLat, t.cellLon, t.live),
    // ... and the region most live vacancies near someone belong to.
    index('demand_cells_cell_region_idx').on(t.cellLat, t.cellLon, t.region, t.live),
  ],
);

/** What the history covers and when it was last refreshed (one row, id 1). */
export const demandState = sqliteTable('demand_state', {
  id: integer('id').primaryKey(),
  fromDay: integer('from_day').notNull(),
  toDay: integer('to_day').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Official vacancy statistics (ONS Vacancy Survey by SIC 2007 section),
 * imported by `import ons-vacancies`. `sic` is a section letter, `B-S` (all
 * vacancies) or a division (`G45`). `months` is the period length: 3 for the
 * rolling quarters of VACS02, 1 for X06 single months.
 */
export const officialVacancies = sqliteTable(
  'official_vacancies',
  {
    series: text('series').notNull(),
    sic: text('sic').notNull(),
    /** Last month of the period, `YYYY-MM`. */
    periodEnd: text('period_end').notNull(),
    months: integer('months').notNull(),
    /** Thousands of vacancies. */
    value: real('value').notNull(),
    seasonallyAdjusted: integer('seasonally_adjusted', { mode: 'boolean' }).notNull(),
    importedAt: integer('imported_at').notNull(),
    file: text('file').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.sic, t.periodEnd] })],
);
