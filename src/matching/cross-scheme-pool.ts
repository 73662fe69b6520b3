import type { SkillProfile } from '../participants/skill-profile.ts';
import type { OccupationScheme, Taxonomy } from '../taxonomy/model.ts';
import { crossSchemeSkills } from './cross-scheme-skills.ts';
import { FULL_CREDIT_AT } from './score.ts';
import { computeTransitions, profileSource, type PayBasis } from './transitions.ts';

/**
 * Occupations in schemes other than the participant's own, for the no-query
 * candidate pool (participant-matches.ts): vacancies coded in another scheme
 * (a SOC-coded advert for someone whose history resolved to ESCO) are never
 * left out just because of the scheme. Two sources:
 *
 *  - the crosswalk links of their past and target occupations
 *    (src/taxonomy/crosswalk.ts), strongest first: job weight × link share;
 *  - without links (no crosswalk imported, or O*NET), the occupations of
 *    other schemes closest to what they can do, by shared skills: the
 *    transition similarity over their profile read in those schemes' ids
 *    (cross-scheme-skills.ts), viable destinations only.
 */
export const CROSS_SCHEME_CANDIDATES = { crosswalked: 30, sharedSkills: 15 } as const;

const schemesCache = new WeakMap<Taxonomy, ReadonlySet<OccupationScheme>>();

function schemesOf(taxonomy: Taxonomy): ReadonlySet<OccupationScheme> {
  let s = schemesCache.get(taxonomy);
  if (!s) {
    const found = new Set<OccupationScheme>();
    for (const o of taxonomy.occupations.values()) found.add(o.scheme);
    schemesCache.set(taxonomy, (s = found));
  }
  return s;
}

/** Occupation ids in other schemes, best first, at most the two shares of CROSS_SCHEME_CANDIDATES. */
export function crossSchemeOccupations(taxonomy: Taxonomy, profile: SkillProfile, pay: PayBasis): string[] {
  const own = new Set<OccupationScheme>();
  for (const h of profile.occupations) {
    const o = taxonomy.occupations.get(h.occupationId);
    if (o) own.add(o.scheme);
  }
  const others = [...schemesOf(taxonomy)].filter((s) => !own.has(s));
  if (!own.size || !others.length) return [];

  const score = new Map<string, number>();
  const origins = [...profile.occupations.map((h) => ({ id: h.occupationId, weight: h.weight })), ...profile.targets.map((id) => ({ id, weight: 1 }))];
  for (const { id, weight } of origins) {
    for (const link of taxonomy.crosswalk.linksOf(id)) {
      for (const to of link.occupationIds) score.set(to, Math.max(score.get(to) ?? 0, weight * link.share));
    }
  }
  const out = [...score].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, CROSS_SCHEME_CANDIDATES.crosswalked).map(([id]) => id);

  const cross = crossSchemeSkills(taxonomy, profile);
  if (cross.size) {
    const base = profileSource(taxonomy, profile, pay);
    const skills = new Map(base.skills);
    for (const s of cross.values()) skills.set(s.skillId, Math.max(skills.get(s.skillId) ?? 0, Math.min(1, s.strength / FULL_CREDIT_AT)));
    const groups = new Map<string, number>();
    for (const [id, h] of skills) {
      const g = taxonomy.skills.get(id)?.groupId;
      if (g && (groups.get(g) ?? 0) < h) groups.set(g, h);
    }
    const near = computeTransitions(taxonomy, { ...base, skills, groups, schemes: others, exclude: [...base.exclude, ...out] }, {
      limit: CROSS_SCHEME_CANDIDATES.sharedSkills,
      maxGaps: 0,
    });
    for (const t of near) out.push(t.occupation.id);
  }
  return out;
}
