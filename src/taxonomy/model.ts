/**
 * The taxonomy as the rest of the code sees it: occupations, skills, how they
 * relate, skill groups and SIC 2007 sections. Loaded from the database into
 * memory by loadTaxonomy() (matching and transitions are hot paths).
 *
 * Ids are scheme-prefixed and stable across imports:
 *   occupations `soc:6135`, `esco:<uuid>`, `onet:29-1141.00`
 *   skills      `fp:manual-handling` (bundled), `esco:<uuid>`, `onet:2.A.1.a`
 */
import type { Crosswalk } from './crosswalk.ts';

export type OccupationScheme = 'soc' | 'esco' | 'onet';

export const SKILL_TYPES = [
  'transversal',
  'cross-sector',
  'sector-specific',
  'occupation-specific',
  'knowledge',
  'licence',
] as const;
export type SkillType = (typeof SKILL_TYPES)[number];

export interface Occupation {
  id: string;
  scheme: OccupationScheme;
  code: string;
  title: string;
  altTitles: string[];
  description: string | null;
  /**
   * Preparation needed, on one 1–5 scale: SOC 2020 skill level (1–4), O*NET
   * job zone (1–5), ESCO via its ISCO-08 major group's skill level.
   */
  skillLevel: number | null;
  /** Typical annual full-time pay in GBP, where known (with its source in the data file). */
  typicalPayAnnual: number | null;
  /** SIC 2007 section letter the occupation mostly works in. */
  sector: string | null;
  /** ISCO-08 unit group, where the source gives one (ESCO): what the crosswalk (crosswalk.ts) meets SOC in. */
  iscoGroup?: string | null;
}

export interface Skill {
  id: string;
  label: string;
  altLabels: string[];
  type: SkillType;
  /** Skill group (a node of the skill hierarchy); partial credit is given within a group. */
  groupId: string | null;
  description: string | null;
}

export interface OccupationSkill {
  occupationId: string;
  skillId: string;
  relation: 'essential' | 'optional';
  /** 0–1: how central the skill is to the occupation (O*NET importance, or 1 essential / 0.5 optional). */
  weight: number;
}

/** Which part of O*NET's content model a rating belongs to (occupation_ratings). */
export type RatingDomain = 'skills' | 'knowledge' | 'activities';

/**
 * One of an occupation's full O*NET ratings, whatever its importance (the
 * relations above keep only the ones that make needs): Skills and Knowledge
 * with importance (1–5) and level (0–7); activities are detailed work
 * activities with the occupation's task weight as importance and no level.
 */
export interface OccupationRating {
  occupationId: string;
  elementId: string;
  domain: RatingDomain;
  importance: number | null;
  level: number | null;
}

export interface SkillGroup {
  id: string;
  label: string;
  parentId: string | null;
}

export interface Sector {
  /** SIC 2007 section letter A–U. */
  code: string;
  title: string;
}

export interface Taxonomy {
  /** The taxonomy version this snapshot was loaded from. */
  versionId: number;
  occupations: ReadonlyMap<string, Occupation>;
  skills: ReadonlyMap<string, Skill>;
  groups: ReadonlyMap<string, SkillGroup>;
  sectors: ReadonlyMap<string, Sector>;
  skillsOf(occupationId: string): readonly OccupationSkill[];
  occupationsWithSkill(skillId: string): readonly string[];
  /** Specificity: higher for rare skills (few occupations need them) than for ubiquitous ones. */
  skillWeight(skillId: string): number;
  /** An occupation's full O*NET ratings (empty for other schemes, or when none were imported). */
  ratingsOf?(occupationId: string): readonly OccupationRating[];
  /** By id (`soc:6135`) or by code within a scheme. */
  findOccupation(idOrCode: string, scheme?: OccupationScheme): Occupation | undefined;
  /** Occupation links between schemes (ESCO ↔ ISCO-08 ↔ SOC 2020), from what was imported (crosswalk.ts). */
  readonly crosswalk: Crosswalk;
}
