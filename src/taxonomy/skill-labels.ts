import type { Taxonomy } from './model.ts';
import { normaliseKey } from './text.ts';

/**
 * The one label → skill index: every skill's preferred and alternative
 * labels under their lookup key (normaliseKey: stems, so "Operating
 * forklifts" reads as "operate forklift"). Each key keeps all the skills
 * that share it, preferred labels before alternative ones, so a caller can
 * ask for the first skill of a kind (the bundled `fp:` skill for a course
 * lookup) without an index of its own. Built once per taxonomy snapshot.
 */
const indexes = new WeakMap<Taxonomy, Map<string, string[]>>();

function skillsByLabel(taxonomy: Taxonomy): Map<string, string[]> {
  let idx = indexes.get(taxonomy);
  if (idx) return idx;
  idx = new Map();
  const add = (label: string, id: string) => {
    const k = normaliseKey(label);
    if (!k) return;
    const ids = idx!.get(k);
    if (!ids) idx!.set(k, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  for (const s of taxonomy.skills.values()) add(s.label, s.id);
  for (const s of taxonomy.skills.values()) for (const a of s.altLabels) add(a, s.id);
  indexes.set(taxonomy, idx);
  return idx;
}

/** The skill a label names (preferred labels win over alternative ones); `where` narrows the candidates. */
export function findSkillByLabel(taxonomy: Taxonomy, label: string, where?: (skillId: string) => boolean): string | undefined {
  const ids = skillsByLabel(taxonomy).get(normaliseKey(label));
  if (!ids) return undefined;
  return where ? ids.find(where) : ids[0];
}
