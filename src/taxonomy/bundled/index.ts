/**
 * The bundled UK taxonomy: loaded on first start so the service works out of
 * the box without ESCO or O*NET imports.
 */
import { BUNDLED_OCCUPATIONS } from './occupations.ts';
import { BUNDLED_SECTORS } from './sectors.ts';
import { BUNDLED_SKILL_GROUPS } from './skill-groups.ts';
import { BUNDLED_SKILLS } from './skills.ts';

export { BUNDLED_SECTORS, BUNDLED_SKILL_GROUPS, BUNDLED_SKILLS, BUNDLED_OCCUPATIONS };
export { BRIDGING_COURSES } from './courses.ts';
export type { BridgingCourse, BundledOccupation, BundledSector, BundledSkill, BundledSkillGroup } from './types.ts';

/**
 * Version label of the bundled data. Bump it whenever the data changes so a
 * loader can tell that the stored bundled taxonomy is stale and re-import.
 */
export const BUNDLED_TAXONOMY_VERSION = 'flightpath-uk-2026.11.1';

/** All of it in one object, in the shape a loader takes (groups, skills, occupations, sectors). */
export const BUNDLED_TAXONOMY = {
  groups: BUNDLED_SKILL_GROUPS,
  skills: BUNDLED_SKILLS,
  occupations: BUNDLED_OCCUPATIONS,
  sectors: BUNDLED_SECTORS,
} as const;
