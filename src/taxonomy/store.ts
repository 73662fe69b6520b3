import type Database from 'better-sqlite3';
import type { Db } from '../db.ts';
import { createTaxonomy } from './build.ts';
import type { SocIscoCount } from './crosswalk.ts';
import type { Occupation, OccupationRating, OccupationScheme, OccupationSkill, Sector, Skill, SkillGroup, SkillType, Taxonomy } from './model.ts';
import { SKILL_TYPES } from './model.ts';
import { SIC_2007_SECTIONS } from './sectors.ts';

/**
 * Reading and writing the taxonomy tables (schema/taxonomy.ts). Importers
 * write through a TaxonomyWriter (prepared statements, one transaction per
 * import, as the 60 s ESCO budget needs); everything else reads the whole
 * taxonomy once with loadTaxonomy().
 */

export type TaxonomySource = 'bundled' | 'esco' | 'onet' | 'soc-index';

export interface TaxonomyVersion {
  id: number;
  source: string;
  label: string;
  importedAt: number;
  counts: Record<string, number>;
}

export type OccupationInput = Occupation;

export interface RelationInput extends OccupationSkill {
  importance?: number | null;
  level?: number | null;
}

export interface SocIndexEntry {
  title: string;
  normTitle: string;
  qualifier: string | null;
  industry: string | null;
  socCode: string;
  iscoCode: string | null;
}

/** Prepared upserts bound to one taxonomy version. Call inside a transaction. */
export interface TaxonomyWriter {
  versionId: number;
  occupation(o: OccupationInput): void;
  /** Inserts only when the id is new (keeps a richer existing row, e.g. the bundled SOC ones). */
  occupationIfAbsent(o: OccupationInput): void;
  skill(s: Skill): void;
  group(g: SkillGroup): void;
  relation(r: RelationInput): void;
  /** One O*NET rating (occupation_ratings). */
  rating(r: OccupationRating): void;
  iscoGroup(code: string, label: string): void;
  socIndexEntry(e: SocIndexEntry): void;
  /** Drops the relations of every occupation whose id starts with `prefix`, before re-importing them. */
  clearRelations(prefix: string): void;
  /** Drops the ratings of every occupation whose id starts with `prefix`, before re-importing them. */
  clearRatings(prefix: string): void;
  clearSocIndex(): void;
}

/** Starts a taxonomy version; `counts` is filled in by finishTaxonomyVersion. */
export function createTaxonomyVersion(db: Db, source: TaxonomySource, label: string, now: number): number {
  const info = db.$client
    .prepare('INSERT INTO taxonomy_versions (source, label, imported_at, counts) VALUES (?, ?, ?, ?)')
    .run(source, label, now, '{}');
  return Number(info.lastInsertRowid);
}

export function finishTaxonomyVersion(db: Db, versionId: number, counts: Record<string, number>): void {
  db.$client.prepare('UPDATE taxonomy_versions SET counts = ? WHERE id = ?').run(JSON.stringify(counts), versionId);
}

export function listTaxonomyVersions(db: Db): TaxonomyVersion[] {
  const rows = db.$client
    .prepare('SELECT id, source, label, imported_at AS importedAt, counts FROM taxonomy_versions ORDER BY id')
    .all() as { id: number; source: string; label: string; importedAt: number; counts: string }[];
  return rows.map((r) => ({ ...r, counts: safeJson<Record<string, number>>(r.counts, {}) }));
}

/** Row counts per table and occupations per scheme: what `taxonomy status` prints. */
export function countTaxonomy(db: Db): Record<string, number> {
  const c = db.$client;
  const one = (sql: string) => Number((c.prepare(sql).pluck().get() as number | bigint | undefined) ?? 0);
  const out: Record<string, number> = {
    occupations: one('SELECT count(*) FROM occupations'),
    skills: one('SELECT count(*) FROM skills'),
    relations: one('SELECT count(*) FROM occupation_skills'),
    skillGroups: one('SELECT count(*) FROM skill_groups'),
    sectors: one('SELECT count(*) FROM sectors'),
    iscoGroups: one('SELECT count(*) FROM isco_groups'),
    socIndexTitles: one('SELECT count(*) FROM soc_index'),
  };
  for (const r of c.prepare('SELECT scheme, count(*) AS n FROM occupations GROUP BY scheme').all() as {
    scheme: string;
    n: number;
  }[])
    out[`occupations.${r.scheme}`] = r.n;
  return out;
}

export function createTaxonomyWriter(db: Db, versionId: number): TaxonomyWriter {
  const c = db.$client;
  const occCols = `(id, scheme, code, title, alt_titles, description, skill_level, typical_pay_annual, sector, isco_group, version_id)
    VALUES (@id, @scheme, @code, @title, @altTitles, @description, @skillLevel, @typicalPayAnnual, @sector, @iscoGroup, @versionId)`;
  const occ = c.prepare(`INSERT INTO occupations ${occCols}
    ON CONFLICT(id) DO UPDATE SET scheme = excluded.scheme, code = excluded.code, title = excluded.title,
      alt_titles = excluded.alt_titles, description = excluded.description, skill_level = excluded.skill_level,
      typical_pay_annual = excluded.typical_pay_annual, sector = excluded.sector, isco_group = excluded.isco_group,
      version_id = excluded.version_id`);
  const occIfAbsent = c.prepare(`INSERT INTO occupations ${occCols} ON CONFLICT(id) DO NOTHING`);
  const skill = c.prepare(`INSERT INTO skills (id, label, alt_labels, type, group_id, description, version_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET label = excluded.label, alt_labels = excluded.alt_labels, type = excluded.type,
      group_id = excluded.group_id, description = excluded.description, version_id = excluded.version_id`);
  const group = c.prepare(`INSERT INTO skill_groups (id, label, parent_id, version_id) VALUES (?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET label = excluded.label, parent_id = excluded.parent_id, version_id = excluded.version_id`);
  const rel = c.prepare(`INSERT INTO occupation_skills (occupation_id, skill_id, relation, weight, importance, level, version_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(occupation_id, skill_id) DO UPDATE SET relation = excluded.relation, weight = excluded.weight,
      importance = excluded.importance, level = excluded.level, version_id = excluded.version_id`);
  const isco = c.prepare(`INSERT INTO isco_groups (code, label, version_id) VALUES (?, ?, ?)
    ON CONFLICT(code) DO UPDATE SET label = excluded.label, version_id = excluded.version_id`);
  const soc = c.prepare(`INSERT INTO soc_index (title, norm_title, qualifier, industry, soc_code, isco_code, version_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const clearRel = c.prepare(`DELETE FROM occupation_skills WHERE occupation_id >= ? AND occupation_id < ?`);
  const rating = c.prepare(`INSERT INTO occupation_ratings (occupation_id, element_id, domain, importance, level, version_id)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT(occupation_id, element_id) DO UPDATE SET domain = excluded.domain, importance = excluded.importance,
      level = excluded.level, version_id = excluded.version_id`);
  const clearRatings = c.prepare(`DELETE FROM occupation_ratings WHERE occupation_id >= ? AND occupation_id < ?`);
  const upTo = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const clearSoc = c.prepare('DELETE FROM soc_index');
  const occParams = (o: OccupationInput) => ({
    id: o.id,
    scheme: o.scheme,
    code: o.code,
    title: o.title,
    altTitles: JSON.stringify(o.altTitles),
    description: o.description,
    skillLevel: o.skillLevel,
    typicalPayAnnual: o.typicalPayAnnual,
    sector: o.sector,
    iscoGroup: o.iscoGroup ?? null,
    versionId,
  });
  return {
    versionId,
    occupation: (o) => void occ.run(occParams(o)),
    occupationIfAbsent: (o) => void occIfAbsent.run(occParams(o)),
    skill: (s) =>
      void skill.run(s.id, s.label, JSON.stringify(s.altLabels), s.type, s.groupId, s.description, versionId),
    group: (g) => void group.run(g.id, g.label, g.parentId, versionId),
    relation: (r) =>
      void rel.run(r.occupationId, r.skillId, r.relation, r.weight, r.importance ?? null, r.level ?? null, versionId),
    rating: (r) => void rating.run(r.occupationId, r.elementId, r.domain, r.importance, r.level, versionId),
    iscoGroup: (code, label) => void isco.run(code, label, versionId),
    socIndexEntry: (e) =>
      void soc.run(e.title, e.normTitle, e.qualifier, e.industry, e.socCode, e.iscoCode, versionId),
    // A range scan on the primary key: `prefix` ≤ id < `prefix` with its last char bumped.
    clearRelations: (prefix) => void clearRel.run(prefix, upTo(prefix)),
    clearRatings: (prefix) => void clearRatings.run(prefix, upTo(prefix)),
    clearSocIndex: () => void clearSoc.run(),
  };
}

/** Makes sure the 21 SIC 2007 sections are present (cheap; runs with every bundled load). */
export function ensureSectors(db: Db): void {
  const stmt = db.$client.prepare('INSERT INTO sectors (code, title) VALUES (?, ?) ON CONFLICT(code) DO UPDATE SET title = excluded.title');
  db.$client.transaction(() => {
    for (const s of SIC_2007_SECTIONS) stmt.run(s.code, s.title);
  })();
}

/**
 * The whole taxonomy, from the database into memory (matching and the
 * enricher are hot paths). Reads raw rows, skipping drizzle's per-row
 * mapping: a full ESCO + O*NET + bundled load is a few hundred thousand rows.
 */
export function loadTaxonomy(db: Db): Taxonomy {
  const c = db.$client;
  const versionId = Number((c.prepare('SELECT max(id) FROM taxonomy_versions').pluck().get() as number | null) ?? 0);
  const occupations: Occupation[] = [];
  for (const r of iterate(c, 'SELECT id, scheme, code, title, alt_titles, description, skill_level, typical_pay_annual, sector, isco_group FROM occupations')) {
    occupations.push({
      id: r[0] as string,
      scheme: r[1] as OccupationScheme,
      code: r[2] as string,
      title: r[3] as string,
      altTitles: safeJson<string[]>(r[4] as string, []),
      description: (r[5] as string | null) ?? null,
      skillLevel: (r[6] as number | null) ?? null,
      typicalPayAnnual: (r[7] as number | null) ?? null,
      sector: (r[8] as string | null) ?? null,
      iscoGroup: (r[9] as string | null) ?? null,
    });
  }
  const skills: Skill[] = [];
  for (const r of iterate(c, 'SELECT id, label, alt_labels, type, group_id, description FROM skills')) {
    skills.push({
      id: r[0] as string,
      label: r[1] as string,
      altLabels: safeJson<string[]>(r[2] as string, []),
      type: asSkillType(r[3] as string),
      groupId: (r[4] as string | null) ?? null,
      description: (r[5] as string | null) ?? null,
    });
  }
  const ratings: OccupationRating[] = [];
  for (const r of iterate(c, 'SELECT occupation_id, element_id, domain, importance, level FROM occupation_ratings')) {
    ratings.push({
      occupationId: r[0] as string,
      elementId: r[1] as string,
      domain: r[2] as OccupationRating['domain'],
      importance: (r[3] as number | null) ?? null,
      level: (r[4] as number | null) ?? null,
    });
  }
  const relations: OccupationSkill[] = [];
  for (const r of iterate(c, 'SELECT occupation_id, skill_id, relation, weight FROM occupation_skills')) {
    relations.push({
      occupationId: r[0] as string,
      skillId: r[1] as string,
      relation: r[2] === 'essential' ? 'essential' : 'optional',
      weight: r[3] as number,
    });
  }
  const groups: SkillGroup[] = [];
  for (const r of iterate(c, 'SELECT id, label, parent_id FROM skill_groups')) {
    groups.push({ id: r[0] as string, label: r[1] as string, parentId: (r[2] as string | null) ?? null });
  }
  const sectors: Sector[] = (c.prepare('SELECT code, title FROM sectors ORDER BY code').all() as Sector[]);
  // The crosswalk's SOC ↔ ISCO-08 evidence: coding-index titles per pair (crosswalk.ts).
  const socIsco = c
    .prepare('SELECT soc_code AS soc, isco_code AS isco, count(*) AS titles FROM soc_index WHERE isco_code IS NOT NULL GROUP BY soc_code, isco_code')
    .all() as SocIscoCount[];
  const iscoLabels = new Map((c.prepare('SELECT code, label FROM isco_groups').raw().all() as [string, string][]));
  return createTaxonomy({
    versionId,
    occupations,
    skills,
    relations,
    ratings,
    groups,
    sectors: sectors.length > 0 ? sectors : [...SIC_2007_SECTIONS],
    socIsco,
    iscoLabels,
  });
}

/** SOC coding index rows, for the classifier (empty when none was imported). */
export function loadSocIndex(db: Db): SocIndexEntry[] {
  const out: SocIndexEntry[] = [];
  for (const r of iterate(db.$client, 'SELECT title, norm_title, qualifier, industry, soc_code, isco_code FROM soc_index')) {
    out.push({
      title: r[0] as string,
      normTitle: r[1] as string,
      qualifier: (r[2] as string | null) ?? null,
      industry: (r[3] as string | null) ?? null,
      socCode: r[4] as string,
      iscoCode: (r[5] as string | null) ?? null,
    });
  }
  return out;
}

function iterate(c: Database.Database, sql: string): IterableIterator<unknown[]> {
  return c.prepare(sql).raw().iterate() as IterableIterator<unknown[]>;
}

function asSkillType(t: string): SkillType {
  return (SKILL_TYPES as readonly string[]).includes(t) ? (t as SkillType) : 'cross-sector';
}

function safeJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
