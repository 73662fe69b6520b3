import { CARE_SKILLS } from './skills-care.ts';
import { CORE_SKILLS } from './skills-core.ts';
import { FACILITIES_SKILLS } from './skills-facilities.ts';
import { SERVICE_SKILLS } from './skills-services.ts';
import { TRADE_SKILLS } from './skills-trades.ts';
import type { BundledSkill } from './types.ts';

/**
 * Every bundled skill. Alt labels are how the skill spotter finds a skill in
 * advert text, so they are the phrasings UK adverts use, never words so
 * generic they would match everywhere. Wording is the project's own.
 */
export const BUNDLED_SKILLS: readonly BundledSkill[] = [
  ...CORE_SKILLS,
  ...SERVICE_SKILLS,
  ...CARE_SKILLS,
  ...TRADE_SKILLS,
  ...FACILITIES_SKILLS,
];
