import { createTaxonomy } from '../../../src/taxonomy/build.ts';
import type { Occupation, OccupationSkill, Skill, SkillType, Taxonomy } from '../../../src/taxonomy/model.ts';

export interface SyntheticTaxonomyOptions {
  /** Occupation id and code of occupation i. */
  occupation: (i: number) => { id: string; code: string };
  /** A SIC section per occupation (drawn after its level and pay), or none. */
  sector?: () => string;
  /** Extra skills per occupation: min + floor(rnd() * spread), drawn from a power law. */
  skillsPerOccupation: { min: number; spread: number };
  /**
   * Occupations in families of ~20 sharing a core of 14 skills (as ESCO's
   * neighbouring occupations do), so transitions within a family are viable.
   */
  families?: boolean;
}

const N_OCCUPATIONS = 3007;
const N_SKILLS = 13_896;
const N_GROUPS = 640;
const TYPES: SkillType[] = ['transversal', 'cross-sector', 'sector-specific', 'occupation-specific', 'knowledge'];

/**
 * An ESCO-sized taxonomy (3,007 occupations, 13,896 skills, 640 groups) for
 * benchmarks run without `--db`. Skill popularity is heavily skewed in ESCO:
 * a few transversal skills are linked to hundreds of occupations, most skills
 * to one or two; a power law over skill rank gives the same shape.
 */
export function syntheticEscoTaxonomy(rnd: () => number, opts: SyntheticTaxonomyOptions): Taxonomy {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const skills: Skill[] = Array.from({ length: N_SKILLS }, (_, i) => ({
    id: `syn:s${i}`,
    label: `skill ${i}`,
    altLabels: [],
    type: i < 300 ? 'transversal' : pick(TYPES),
    groupId: `syn:g${i % N_GROUPS}`,
    description: null,
  }));
  const occupations: Occupation[] = Array.from({ length: N_OCCUPATIONS }, (_, i) => ({
    ...opts.occupation(i),
    scheme: 'esco',
    title: `occupation ${i}`,
    altTitles: [],
    description: null,
    skillLevel: 1 + Math.floor(rnd() * 4),
    typicalPayAnnual: 18_000 + Math.floor(rnd() * 40_000),
    sector: opts.sector ? opts.sector() : null,
  }));
  const families = opts.families ? Array.from({ length: 150 }, () => Array.from({ length: 14 }, () => Math.floor(Math.pow(rnd(), 1.5) * N_SKILLS))) : [];
  const relations: OccupationSkill[] = [];
  for (const [i, o] of occupations.entries()) {
    const n = opts.skillsPerOccupation.min + Math.floor(rnd() * opts.skillsPerOccupation.spread);
    const seen = new Set<number>();
    for (const s of families.length ? families[i % families.length]! : []) {
      if (seen.has(s) || rnd() < 0.15) continue;
      seen.add(s);
      relations.push({ occupationId: o.id, skillId: `syn:s${s}`, relation: 'essential', weight: 1 });
    }
    for (let k = 0; k < n; k++) {
      const s = Math.floor(Math.pow(rnd(), 2.2) * N_SKILLS);
      if (seen.has(s)) continue;
      seen.add(s);
      const essential = rnd() < 0.55;
      relations.push({ occupationId: o.id, skillId: `syn:s${s}`, relation: essential ? 'essential' : 'optional', weight: essential ? 1 : 0.5 });
    }
  }
  return createTaxonomy({
    versionId: 1,
    occupations,
    skills,
    relations,
    groups: Array.from({ length: N_GROUPS }, (_, i) => ({ id: `syn:g${i}`, label: `group ${i}`, parentId: null })),
    sectors: [],
  });
}
