import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { employers } from './employers.ts';

/**
 * The canonical vacancy: a superset of schema.org JobPosting (see DESIGN.md,
 * "Vacancy model"). Times are epoch milliseconds. List-shaped enrichments
 * (skills, requirements, shifts, extra locations, sources) are JSON text:
 * they are always read whole with their vacancy and never queried by SQL.
 */
export const vacancies = sqliteTable(
  'vacancies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Where it came from: `employer:<id>`, `scrape:<source name>`, `import:<label>`, `demo`. */
    source: text('source').notNull(),
    /** The source's own reference for it (employer reference, advert URL, feed guid). */
    sourceRef: text('source_ref').notNull(),
    employerId: integer('employer_id').references(() => employers.id),
    url: text('url'),
    applyUrl: text('apply_url'),
    title: text('title').notNull(),
    titleOriginal: text('title_original').notNull(),
    descriptionText: text('description_text').notNull().default(''),
    descriptionHtml: text('description_html'),
    employerName: text('employer_name'),
    endEmployerName: text('end_employer_name'),
    locationText: text('location_text'),
    lat: real('lat'),
    lon: real('lon'),
    postcode: text('postcode'),
    town: text('town'),
    localAuthority: text('local_authority'),
    region: text('region'),
    /** False when the location text could not be geocoded (kept as text, flagged). */
    locationResolved: integer('location_resolved', { mode: 'boolean' }).notNull().default(false),
    /** How fine the point is: postcode | district | neighbourhood | town | area (model.ts PlacePrecision). */
    locationPrecision: text('location_precision'),
    /** The named area the text gave ("Surrey", "North Tyneside"): JSON `{ code, name, kind, radiusKm }`. */
    locationArea: text('location_area', { mode: 'json' }).$type<unknown>(),
    /** The local authority's name (`local_authority` holds its GSS code). */
    localAuthorityName: text('local_authority_name'),
    /**
     * Set when the location is outside the UK: JSON `{ country }`, an ISO 3166-1
     * alpha-2 code, or null for a world region ("AMER"). Null for UK places and
     * for rows written before 0023 (not backfilled: re-normalising sets it).
     */
    locationOutsideUk: text('location_outside_uk', { mode: 'json' }).$type<unknown>(),
    /** Further places for a multi-location vacancy: JSON `Place[]`. */
    extraLocations: text('extra_locations', { mode: 'json' }).$type<unknown[]>(),
    remote: text('remote', { enum: ['onsite', 'hybrid', 'remote'] }),
    employmentType: text('employment_type', { enum: ['full_time', 'part_time'] }),
    contract: text('contract'),
    hoursPerWeek: real('hours_per_week'),
    shifts: text('shifts', { mode: 'json' }).$type<string[]>(),
    salaryMin: real('salary_min'),
    salaryMax: real('salary_max'),
    salaryCurrency: text('salary_currency'),
    salaryPeriod: text('salary_period', { enum: ['hour', 'day', 'week', 'month', 'year'] }),
    salaryAnnualMin: real('salary_annual_min'),
    salaryAnnualMax: real('salary_annual_max'),
    salaryText: text('salary_text'),
    /** On-target earnings kept apart from the basic: JSON `{ min, max, annualMin, annualMax }`. */
    salaryOte: text('salary_ote', { mode: 'json' }).$type<unknown>(),
    /** Bonus, commission, tips, allowances, overtime the text names: JSON `SalaryExtra[]`. */
    salaryExtras: text('salary_extras', { mode: 'json' }).$type<unknown[]>(),
    /** The named pay scale the figures come from: JSON `{ name, from, to, table }`. */
    salaryScale: text('salary_scale', { mode: 'json' }).$type<unknown>(),
    /** Why the figures are not used for filtering: JSON `SalaryFlag[]`. */
    salaryFlags: text('salary_flags', { mode: 'json' }).$type<string[]>(),
    datePosted: integer('date_posted'),
    validThrough: integer('valid_through'),
    /** What the date reader left out and why: JSON `DateNote[]` (an ambiguous closing time). */
    dateNotes: text('date_notes', { mode: 'json' }).$type<unknown[]>(),
    status: text('status', { enum: ['live', 'expired', 'closed'] }).notNull().default('live'),
    occupationCode: text('occupation_code'),
    occupationScheme: text('occupation_scheme'),
    occupationConfidence: real('occupation_confidence'),
    /** SIC 2007 section letter (A–U). */
    sector: text('sector'),
    sectorConfidence: real('sector_confidence'),
    /** Why the classifier chose occupation and sector: JSON `{ occupation?: string[], sector?: string[] }`. */
    classificationEvidence: text('classification_evidence', { mode: 'json' }).$type<unknown>(),
    /** JSON `VacancySkill[]`. */
    skills: text('skills', { mode: 'json' }).$type<unknown[]>(),
    /** JSON `Requirement[]`. */
    requirements: text('requirements', { mode: 'json' }).$type<unknown[]>(),
    /** Near-duplicate cluster: the id of the cluster's canonical vacancy (itself when alone). */
    clusterId: integer('cluster_id'),
    /** Fingerprint used by near-duplicate detection (hex MinHash/SimHash, scheme-prefixed). */
    fingerprint: text('fingerprint'),
    contentHash: text('content_hash').notNull(),
    firstSeen: integer('first_seen').notNull(),
    lastSeen: integer('last_seen').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    closedAt: integer('closed_at'),
    /** Consecutive successful scrape runs of its source that did not list it (expiry). */
    missedRuns: integer('missed_runs').notNull().default(0),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('vacancies_source_ref_uq').on(t.source, t.sourceRef),
    // An employer's own list, newest change first, and its total: read from the index in order.
    index('vacancies_employer_list_idx').on(t.employerId, t.source, t.updatedAt),
    index('vacancies_status_idx').on(t.status),
    index('vacancies_cluster_idx').on(t.clusterId),
    index('vacancies_hash_idx').on(t.contentHash),
    index('vacancies_first_seen_idx').on(t.firstSeen),
    index('vacancies_sector_idx').on(t.sector, t.status),
    // What decides a vacancy's ranking columns (src/vacancies/rankable-cache.ts), read
    // without touching the wide rows: a participant's ~1,000 candidates are checked here.
    index('vacancies_rank_key_idx').on(t.id, t.contentHash, t.status, t.firstSeen),
  ],
);

export type VacancyRow = typeof vacancies.$inferSelect;
export type NewVacancyRow = typeof vacancies.$inferInsert;

