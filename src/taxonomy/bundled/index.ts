/**
 * The bundled UK taxonomy: loaded on first start so the service works out of
 * the box without ESCO or O*NET imports.
 */
export { BUNDLED_SECTORS } from './sectors.ts';
export { BUNDLED_SKILL_GROUPS } from './skill-groups.ts';
export { BUNDLED_SKILLS } from './skills.ts';
export { BUNDLED_OCCUPATIONS } from './occupations.ts';
export { BRIDGING_COURSES } from './courses.ts';
export type { BridgingCourse, BundledOccupation, BundledSector, BundledSkill, BundledSkillGroup } from './types.ts';

/**
 * Version label of the bundled data. Bump it whenever the data changes so a
 * loader can tell that the stored bundled taxonomy is stale and re-import.
 */
export const BUNDLED_TAXONOMY_VERSION = 'flightpath-uk-2026.11.1';
