import type { SkillType } from '../model.ts';

/**
 * The shape of the bundled UK taxonomy, written by the project (no copied
 * datasets): SOC 2020 unit-group codes and titles are cited facts (ONS, OGL);
 * everything else is our own wording.
 */
export interface BundledSkillGroup {
  /** `fpg:<slug>` */
  id: string;
  label: string;
  parent: string | null;
}

export interface BundledSkill {
  /** `fp:<slug>` */
  id: string;
  label: string;
  /** Synonyms and common phrasings spotted in adverts. */
  alt: string[];
  type: SkillType;
  group: string;
}

export interface BundledOccupation {
  /** SOC 2020 unit group, 4 digits. */
  soc: string;
  title: string;
  /** Job titles seen in adverts that mean this occupation. */
  alt: string[];
  description: string;
  /** SOC 2020 skill level 1–4. */
  skillLevel: 1 | 2 | 3 | 4;
  /** Typical full-time annual pay, GBP (rounded, order of magnitude from ONS ASHE). */
  pay: number;
  /** SIC 2007 section letter. */
  sector: string;
  essential: string[];
  optional: string[];
}

/** A short course or licence that bridges a skill gap (pivot suggestions). */
export interface BridgingCourse {
  id: string;
  title: string;
  /** Skill ids (bundled) the course gives. */
  skills: string[];
  /** Typical duration, human-readable, and in days for sorting. */
  duration: string;
  durationDays: number;
  /** Typical cost to the learner in GBP (0 when commonly funded). */
  typicalCostGbp: number | null;
  provider: string;
  notes: string;
}

/** A SIC 2007 section (ONS, OGL v3): letter A–U and its title. */
export interface BundledSector {
  code: string;
  title: string;
}
