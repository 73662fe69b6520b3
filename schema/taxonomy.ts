import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The taxonomy store (issue 4): occupations, skills, their relations, skill
 * groups, SIC 2007 sections and the ONS SOC 2020 coding index. Ids are
 * scheme-prefixed and stable across imports (`soc:6135`, `esco:<uuid>`,
 * `onet:11-1011.00`, `fp:manual-handling`), so vacancies and participants
 * keep their references when a release is re-imported: re-imports upsert.
 * Each row records the version that last wrote it. No foreign keys between
 * these tables: bulk imports arrive in file order, and loadTaxonomy() drops
 * dangling relations anyway.
 */
export const taxonomyVersions = sqliteTable('taxonomy_versions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** `bundled`, `esco`, `onet`, `soc-index`. */
  source: text('source').notNull(),
  /** Human label: release, directory or content hash of the bundled data. */
  label: text('label').notNull(),
  importedAt: integer('imported_at').notNull(),
  /** JSON: what the import wrote, `{ occupations, skills, relations, groups, titles }`. */
  counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
});

export const occupations = sqliteTable(
  'occupations',
  {
    id: text('id').primaryKey(),
    scheme: text('scheme', { enum: ['soc', 'esco', 'onet'] }).notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    altTitles: text('alt_titles', { mode: 'json' }).$type<string[]>().notNull(),
    description: text('description'),
    /** 1–5 (see Occupation.skillLevel). */
    skillLevel: integer('skill_level'),
    typicalPayAnnual: real('typical_pay_annual'),
    /** SIC 2007 section letter. */
    sector: text('sector'),
    /** ISCO-08 unit group, where the source gives one (ESCO, SOC coding index). */
    iscoGroup: text('isco_group'),
    versionId: integer('version_id').notNull(),
  },
  (t) => [index('occupations_scheme_code_idx').on(t.scheme, t.code)],
);

export const skills = sqliteTable('skills', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  altLabels: text('alt_labels', { mode: 'json' }).$type<string[]>().notNull(),
  type: text('type').notNull(),
  groupId: text('group_id'),
  description: text('description'),
  versionId: integer('version_id').notNull(),
});

export const occupationSkills = sqliteTable(
  'occupation_skills',
  {
    occupationId: text('occupation_id').notNull(),
    skillId: text('skill_id').notNull(),
    relation: text('relation', { enum: ['essential', 'optional'] }).notNull(),
    /** 0–1. */
    weight: real('weight').notNull(),
    /** O*NET importance (1–5), when the source has it. */
    importance: real('importance'),
    /** O*NET level (0–7), when the source has it. */
    level: real('level'),
    versionId: integer('version_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.occupationId, t.skillId] }), index('occupation_skills_skill_idx').on(t.skillId)],
);

/** Nodes of the skill hierarchy; a skill points at its group, a group at its parent. */
export const skillGroups = sqliteTable('skill_groups', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  parentId: text('parent_id'),
  versionId: integer('version_id').notNull(),
});

/** SIC 2007 sections A–U. */
export const sectors = sqliteTable('sectors', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
});

/** ISCO-08 groups (from the ESCO release): code → label, for display and ESCO occupation context. */
export const iscoGroups = sqliteTable('isco_groups', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  versionId: integer('version_id').notNull(),
});

/** The ONS SOC 2020 coding index: job title → unit group, used by the occupation classifier. */
export const socIndex = sqliteTable(
  'soc_index',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Natural word order: "Strategic development manager". */
    title: text('title').notNull(),
    /** Normalised, stemmed tokens joined by spaces (src/taxonomy/text.ts): the lookup key. */
    normTitle: text('norm_title').notNull(),
    /** The index's qualifier (ADD) and industry (IND) columns, which disambiguate shared titles. */
    qualifier: text('qualifier'),
    industry: text('industry'),
    socCode: text('soc_code').notNull(),
    iscoCode: text('isco_code'),
    versionId: integer('version_id').notNull(),
  },
  (t) => [index('soc_index_norm_idx').on(t.normTitle)],
);

export type OccupationRow = typeof occupations.$inferSelect;
export type SkillRow = typeof skills.$inferSelect;

/**
 * O*NET's full rating vectors (issue 14 item 6), kept apart from
 * occupation_skills: those carry only the elements matching needs (IM ≥ 2.5),
 * while transition similarity compares every rated element. One row per
 * occupation × element: Skills and Knowledge with importance (1–5) and level
 * (0–7); work activities as detailed work activities (DWA ids, which encode
 * their intermediate and generalized activity), with `importance` the
 * occupation's task weight on that DWA (core task 1, supplemental 0.5) and
 * no level.
 */
export const occupationRatings = sqliteTable(
  'occupation_ratings',
  {
    occupationId: text('occupation_id').notNull(),
    elementId: text('element_id').notNull(),
    /** `skills`, `knowledge` or `activities`. */
    domain: text('domain', { enum: ['skills', 'knowledge', 'activities'] }).notNull(),
    importance: real('importance'),
    level: real('level'),
    versionId: integer('version_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.occupationId, t.elementId] })],
);
