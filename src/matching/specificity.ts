import type { SkillType, Taxonomy } from '../taxonomy/model.ts';

/**
 * How much a skill says about fit, for the match score: rare, job-specific
 * skills a lot, generic ones ("Teamwork", "Communication skills") little, so
 * a generic overlap cannot make a poor fit look good (issue 14).
 *
 *   specificity = max(FLOOR, ln((N + 1) / (df + 1))) × REUSABILITY[type]
 *
 * N is the number of occupations in the taxonomy the server uses and df the
 * number listing the skill: inverse document frequency without the usual
 * "+ 1" offset, so a skill every occupation lists weighs next to nothing
 * rather than a sixth of the rarest (with the offset, Teamwork weighed 3.1
 * against 5.8 for a reach truck licence in the bundled taxonomy).
 *
 * REUSABILITY is the taxonomy's own statement of how transferable a skill
 * is (ESCO's skill reusability level; O*NET basic skills read as
 * transversal). It is needed beside IDF because taxonomies list generic
 * skills for only some occupations (where they are essential), so their df
 * understates how generic they are: adverts name them everywhere.
 *
 * Transition similarity keeps taxonomy.skillWeight (its thresholds were
 * calibrated on it); this weighting is the match score's.
 */
export const REUSABILITY: Record<SkillType, number> = {
  transversal: 0.3,
  'cross-sector': 0.7,
  'sector-specific': 1,
  'occupation-specific': 1,
  knowledge: 1,
  licence: 1,
};
/** Lowest specificity, so a skill every occupation lists still counts for a little. */
export const SPECIFICITY_FLOOR = 0.1;

export function matchSpecificity(taxonomy: Taxonomy, skillId: string): number {
  const n = taxonomy.occupations.size;
  const df = taxonomy.occupationsWithSkill(skillId).length;
  const idf = Math.log((n + 1) / (df + 1));
  const type = taxonomy.skills.get(skillId)?.type;
  return Math.max(SPECIFICITY_FLOOR, idf) * (type ? REUSABILITY[type] : 1);
}
