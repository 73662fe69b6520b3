import { relationStrength, type SkillProfile } from '../participants/skill-profile.ts';
import { describeCrosswalkOccupation, type CrosswalkLink } from '../taxonomy/crosswalk.ts';
import type { Occupation, Taxonomy } from '../taxonomy/model.ts';
import { equivalentSkills } from '../taxonomy/skill-equivalents.ts';

/**
 * What a participant's profile holds in the other schemes' skill ids, so
 * that a vacancy coded in another scheme is judged on what they can do
 * rather than scoring nothing for want of shared ids. Two readings, the
 * stronger one winning per skill (a skill the profile holds itself is never
 * replaced):
 *
 * 1. Through the occupation crosswalk (src/taxonomy/crosswalk.ts): a past
 *    job in occupation A counts toward each occupation B it links to in
 *    another scheme, as if they had done B, discounted:
 *
 *      contribution = job weight × CROSSWALK_DISCOUNT × link share × need
 *
 *    job weight as in skill-profile.ts (duration × recency); link share the
 *    share of coding-index titles behind the link (the modal SOC unit group
 *    of an ISCO group counts most); need the skill's relation strength in B
 *    (essential 1, optional 0.5), averaged over the link's occupations when
 *    the link is an ISCO group's ESCO occupations (a skill all of them need
 *    counts fully, one of five need it a fifth). Contributions combine as
 *    independent evidence, 1 − Π(1 − c), as the profile's own do. Licences
 *    and certificates are never inferred this way: they are held or not.
 *
 * 2. The same skill under another id (src/taxonomy/skill-equivalents.ts):
 *    a held skill's equivalent in another scheme is held at the same
 *    strength. This needs no crosswalk, so it is the fallback when none was
 *    imported, and the only bridge to O*NET.
 *
 * Used by the match score (skill-index.ts denseProfile) and the candidate
 * pool; the profile itself (what the participant page lists, transitions
 * and pivots read) stays in the participant's own schemes.
 */
export const CROSSWALK_DISCOUNT = 0.8;

export interface CrossSchemeSkill {
  skillId: string;
  strength: number;
  /** Why we think they have it, in words, for the match explanation. */
  why: string;
}

const cache = new WeakMap<SkillProfile, { taxonomy: Taxonomy; skills: ReadonlyMap<string, CrossSchemeSkill> }>();

export function crossSchemeSkills(taxonomy: Taxonomy, profile: SkillProfile): ReadonlyMap<string, CrossSchemeSkill> {
  const hit = cache.get(profile);
  if (hit && hit.taxonomy === taxonomy) return hit.skills;
  const out = new Map<string, CrossSchemeSkill>();
  const skip = (id: string) => profile.skills.has(id) || profile.removed.has(id);

  if (!taxonomy.crosswalk.empty) {
    const acc = new Map<string, { miss: number; best: number; why: () => string }>();
    for (const h of profile.occupations) {
      const from = taxonomy.occupations.get(h.occupationId);
      if (!from) continue;
      for (const link of taxonomy.crosswalk.linksOf(h.occupationId)) {
        for (const [skillId, need] of linkNeeds(taxonomy, link)) {
          if (skip(skillId) || taxonomy.skills.get(skillId)?.type === 'licence') continue;
          const c = h.weight * CROSSWALK_DISCOUNT * link.share * need.strength;
          let a = acc.get(skillId);
          if (!a) acc.set(skillId, (a = { miss: 1, best: 0, why: () => '' }));
          a.miss *= 1 - c;
          if (c > a.best) {
            a.best = c;
            a.why = () => crosswalkWhy(taxonomy, from, link, need.count);
          }
        }
      }
    }
    for (const [skillId, a] of acc) out.set(skillId, { skillId, strength: 1 - a.miss, why: a.why() });
  }

  for (const s of profile.skills.values()) {
    for (const id of equivalentSkills(taxonomy, s.id)) {
      if (skip(id) || (out.get(id)?.strength ?? 0) >= s.strength) continue;
      const label = taxonomy.skills.get(s.id)?.label ?? s.id;
      out.set(id, { skillId: id, strength: s.strength, why: `the same skill as “${label}”${s.why ? `: ${s.why}` : ''}` });
    }
  }
  cache.set(profile, { taxonomy, skills: out });
  return out;
}

/** Per skill of the link's occupations: its relation strength averaged over them, and how many need it. */
function linkNeeds(taxonomy: Taxonomy, link: CrosswalkLink): Map<string, { strength: number; count: number }> {
  const needs = new Map<string, { strength: number; count: number }>();
  const k = link.occupationIds.length;
  for (const id of link.occupationIds) {
    for (const r of taxonomy.skillsOf(id)) {
      const n = needs.get(r.skillId) ?? { strength: 0, count: 0 };
      n.strength += relationStrength(r.relation, r.weight) / k;
      n.count++;
      needs.set(r.skillId, n);
    }
  }
  return needs;
}

/**
 * "through the crosswalk: past job ESCO 'warehouse worker' ≈ SOC 9252 Warehouse operatives (ISCO-08 9333 Freight handlers:
 * 61% of its coding-index titles are in SOC 9252); a skill of that occupation, counted at 80% × 61%".
 */
function crosswalkWhy(taxonomy: Taxonomy, from: Occupation, link: CrosswalkLink, needCount: number): string {
  const isco = `ISCO-08 ${link.isco}${link.iscoLabel ? ` ${link.iscoLabel}` : ''}`;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const counted = `counted at ${pct(CROSSWALK_DISCOUNT)} × ${pct(link.share)}`;
  const fromWords = describeCrosswalkOccupation(from);
  if (link.scheme === 'soc') {
    const to = taxonomy.occupations.get(link.occupationIds[0] ?? '');
    const toWords = to ? describeCrosswalkOccupation(to) : (link.occupationIds[0] ?? '');
    return `through the crosswalk: past job ${fromWords} ≈ ${toWords} (${isco}: ${pct(link.share)} of its coding-index titles are in SOC ${to?.code ?? ''}); a skill of that occupation, ${counted}`;
  }
  const k = link.occupationIds.length;
  return `through the crosswalk: past job ${fromWords} ≈ ${isco} (${pct(link.share)} of SOC ${from.code}’s coding-index titles); needed by ${needCount} of its ${k} ESCO occupation${k === 1 ? '' : 's'}, ${counted}`;
}
