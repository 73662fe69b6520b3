import type { SkillType } from '../model.ts';
import type { BundledOccupation, BundledSkill } from './types.ts';

/**
 * Compact writers for the bundled data files: the data is hand-written, and a
 * terse row format keeps hundreds of entries readable and reviewable. The
 * output is the plain shape in types.ts.
 */

/** [slug, label, alt labels separated by "|", type override]. */
export type SkillRow = readonly [slug: string, label: string, alt: string, type?: SkillType];

export function defineSkills(group: string, type: SkillType, rows: readonly SkillRow[]): BundledSkill[] {
  return rows.map(([slug, label, alt, override]) => ({
    id: `fp:${slug}`,
    label,
    alt: splitAlt(alt),
    type: override ?? type,
    group,
  }));
}

export interface OccupationRow {
  soc: string;
  title: string;
  /** Job titles as adverts write them, separated by "|". */
  alt: string;
  level: 1 | 2 | 3 | 4;
  pay: number;
  sector: string;
  /** Skill slugs (without the `fp:` prefix), separated by spaces. */
  essential: string;
  optional: string;
  description: string;
}

export function defineOccupations(rows: readonly OccupationRow[]): BundledOccupation[] {
  return rows.map((r) => ({
    soc: r.soc,
    title: r.title,
    alt: splitAlt(r.alt),
    description: r.description,
    skillLevel: r.level,
    pay: r.pay,
    sector: r.sector,
    essential: toSkillIds(r.essential),
    optional: toSkillIds(r.optional),
  }));
}

export function toSkillIds(slugs: string): string[] {
  return slugs.split(/\s+/).filter(Boolean).map((s) => `fp:${s}`);
}

function splitAlt(alt: string): string[] {
  return alt.split('|').map((a) => a.trim()).filter(Boolean);
}
