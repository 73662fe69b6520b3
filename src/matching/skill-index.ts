import { describeLicence, typesOf } from '../participants/licences.ts';
import { licenceSkillIds, type SkillProfile } from '../participants/skill-profile.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { crossSchemeSkills } from './cross-scheme-skills.ts';
import { matchSpecificity } from './specificity.ts';

/**
 * Dense integer numbering of a taxonomy's skills and groups, so the scoring
 * loop (1,000 vacancies × ~60 needs per request) indexes typed arrays
 * instead of hashing 40-character ids. Built once per taxonomy snapshot.
 */
export interface SkillIndex {
  ids: string[];
  index: Map<string, number>;
  labels: string[];
  /** Group number per skill, −1 when none. */
  group: Int32Array;
  /** Specificity per skill for the match score (specificity.ts). */
  weight: Float64Array;
  /** 1 for a licence or certificate (held or not: no partial credit from its group). */
  licence: Uint8Array;
  groupCount: number;
}

const indexes = new WeakMap<Taxonomy, SkillIndex>();

export function skillIndex(taxonomy: Taxonomy): SkillIndex {
  const hit = indexes.get(taxonomy);
  if (hit) return hit;
  const ids = [...taxonomy.skills.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const groupNo = new Map<string, number>();
  const group = new Int32Array(ids.length);
  const labels: string[] = [];
  const weight = new Float64Array(ids.length);
  const licence = new Uint8Array(ids.length);
  ids.forEach((id, i) => {
    const s = taxonomy.skills.get(id);
    licence[i] = s?.type === 'licence' ? 1 : 0;
    labels.push(s?.label ?? id);
    weight[i] = matchSpecificity(taxonomy, id);
    const g = s?.groupId;
    if (g == null) group[i] = -1;
    else {
      let n = groupNo.get(g);
      if (n === undefined) groupNo.set(g, (n = groupNo.size));
      group[i] = n;
    }
  });
  const idx: SkillIndex = { ids, index, labels, group, weight, licence, groupCount: groupNo.size };
  indexes.set(taxonomy, idx);
  return idx;
}

/** A skill the participant has, and why we think they have it. */
export interface HeldSkill {
  readonly skillId: string;
  readonly label: string;
  readonly why: string;
}

/** A profile as dense arrays over one taxonomy's skill numbering. */
export interface DenseProfile {
  /** Strength per skill number (0 = not held). */
  strength: Float64Array;
  /** Per group number: the strongest held skill's strength and number (−1 none). */
  groupStrength: Float64Array;
  groupSkill: Int32Array;
  /**
   * Each held skill as the explanations show it, by skill number (a sparse
   * array): built once per profile and shared by every match that cites it,
   * rather than one object per match (1,000 vacancies × their matched needs).
   */
  held: (HeldSkill | undefined)[];
  /**
   * Licence skills of a type the participant may hold: they have the licence
   * recorded without its type (a "forklift licence" and the counterbalance
   * one), by skill number → what they hold, in words.
   */
  maybeType: Map<number, string>;
}

const dense = new WeakMap<SkillProfile, { taxonomy: Taxonomy; d: DenseProfile }>();

/** Computed once per profile (a profile is built per request and scored against many vacancies). */
export function denseProfile(taxonomy: Taxonomy, profile: SkillProfile): DenseProfile {
  const hit = dense.get(profile);
  if (hit && hit.taxonomy === taxonomy) return hit.d;
  const si = skillIndex(taxonomy);
  const strength = new Float64Array(si.ids.length);
  const groupStrength = new Float64Array(si.groupCount);
  const groupSkill = new Int32Array(si.groupCount).fill(-1);
  const held: (HeldSkill | undefined)[] = new Array(si.ids.length);
  const hold = (id: string, s: number, why: string) => {
    const i = si.index.get(id);
    if (i === undefined || (strength[i] as number) >= s) return;
    strength[i] = s;
    held[i] = { skillId: id, label: si.labels[i] as string, why };
    const g = si.group[i] as number;
    if (g >= 0 && (groupSkill[g] === -1 || (groupStrength[g] as number) < s)) {
      groupStrength[g] = s;
      groupSkill[g] = i;
    }
  };
  for (const s of profile.skills.values()) hold(s.id, s.strength, s.why);
  // Their skills in the other schemes' ids (crosswalked occupations, the same skill under another id), so a
  // vacancy coded in another scheme is judged on what they can do (cross-scheme-skills.ts).
  for (const s of crossSchemeSkills(taxonomy, profile).values()) hold(s.skillId, s.strength, s.why);
  const maybeType = new Map<number, string>();
  for (const code of profile.unstatedTypes) {
    for (const typed of typesOf(code)) {
      for (const id of licenceSkillIds(taxonomy, typed)) {
        const i = si.index.get(id);
        if (i !== undefined && !strength[i]) maybeType.set(i, `holds: ${describeLicence(code)} (type not recorded)`);
      }
    }
  }
  const d = { strength, groupStrength, groupSkill, held, maybeType };
  dense.set(profile, { taxonomy, d });
  return d;
}
