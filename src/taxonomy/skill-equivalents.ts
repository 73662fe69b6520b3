import type { Taxonomy } from './model.ts';
import { contentKey, skillsNamed, skillsWithContentWords } from './skill-labels.ts';
import { normaliseKey } from './text.ts';

/**
 * The same skill in another scheme's ids. The bundled taxonomy (`fp:`),
 * ESCO (`esco:`) and O*NET (`onet:`) number their skills separately, so a
 * participant whose history is ESCO-coded holds `esco:` skills while a
 * SOC-coded vacancy's occupation needs `fp:` ones, and nothing would ever
 * meet. Two skills of different schemes are taken to be one skill when
 * their labels read the same (the one label index, skill-labels.ts), tried
 * from the surest reading to the loosest, the first that names anything in
 * the other scheme deciding:
 *
 *   1. the same preferred label (same lookup key: stems, src/taxonomy/text.ts);
 *   2. preferred labels of the same content words ("Forklift driving",
 *      "operate forklift");
 *   3. its preferred label is one of the other's synonyms;
 *   4. one of its synonyms is the other's preferred label.
 *
 * Synonyms are ESCO's and O*NET's alternative labels. The bundled
 * taxonomy's alternatives are not: they are phrasings spotted in adverts
 * ("outdoor activities" for leading group activities), so they never link.
 * Synonym against synonym is never enough either (ESCO's overlap widely).
 * A reading that names several skills of the other scheme says nothing
 * about which, so it links none of them and the looser readings are not
 * tried (as findSkillInOtherWords answers nothing for two candidates).
 */

/** `fp`, `esco`, `onet`: a skill id's scheme. */
export function skillScheme(id: string): string {
  const i = id.indexOf(':');
  return i > 0 ? id.slice(0, i) : '';
}

interface EquivalenceCache {
  multiScheme: boolean;
  preferredKey: Map<string, string>;
  answers: Map<string, readonly string[]>;
}

const caches = new WeakMap<Taxonomy, EquivalenceCache>();

function cacheOf(taxonomy: Taxonomy): EquivalenceCache {
  let c = caches.get(taxonomy);
  if (!c) {
    const schemes = new Set<string>();
    for (const id of taxonomy.skills.keys()) {
      schemes.add(skillScheme(id));
      if (schemes.size > 1) break;
    }
    caches.set(taxonomy, (c = { multiScheme: schemes.size > 1, preferredKey: new Map(), answers: new Map() }));
  }
  return c;
}

/** Whether a scheme's alternative labels are synonyms of the skill (ESCO, O*NET) rather than advert phrasings (bundled). */
function altLabelsAreSynonyms(scheme: string): boolean {
  return scheme !== 'fp';
}

export function equivalentSkills(taxonomy: Taxonomy, skillId: string): readonly string[] {
  const c = cacheOf(taxonomy);
  const hit = c.answers.get(skillId);
  if (hit) return hit;
  const s = taxonomy.skills.get(skillId);
  const out: string[] = [];
  if (s && c.multiScheme) {
    const own = skillScheme(skillId);
    const other = (id: string) => skillScheme(id) !== own;
    const labelOf = (id: string) => taxonomy.skills.get(id)?.label ?? '';
    const synonymsOf = (id: string) => (altLabelsAreSynonyms(skillScheme(id)) ? (taxonomy.skills.get(id)?.altLabels ?? []) : []);
    const preferredKey = (id: string) => {
      let k = c.preferredKey.get(id);
      if (k === undefined) c.preferredKey.set(id, (k = normaliseKey(labelOf(id))));
      return k;
    };
    const ownKey = preferredKey(skillId);
    const ownContent = contentKey(s.label);
    const named = skillsNamed(taxonomy, s.label).filter(other);
    const readings: (() => readonly string[])[] = [
      () => named.filter((id) => preferredKey(id) === ownKey),
      () => (ownContent ? skillsWithContentWords(taxonomy, s.label).filter((id) => other(id) && contentKey(labelOf(id)) === ownContent) : []),
      () => named.filter((id) => synonymsOf(id).some((alt) => normaliseKey(alt) === ownKey)),
      () => synonymsOf(skillId).flatMap((alt) => {
        const k = normaliseKey(alt);
        return skillsNamed(taxonomy, alt).filter((id) => other(id) && preferredKey(id) === k);
      }),
    ];
    const decided = new Set<string>();
    for (const read of readings) {
      const found = new Map<string, Set<string>>();
      for (const id of read()) {
        const scheme = skillScheme(id);
        if (decided.has(scheme)) continue;
        let set = found.get(scheme);
        if (!set) found.set(scheme, (set = new Set()));
        set.add(id);
      }
      for (const [scheme, ids] of found) {
        decided.add(scheme);
        if (ids.size === 1) out.push([...ids][0]!);
      }
    }
  }
  c.answers.set(skillId, out);
  return out;
}
