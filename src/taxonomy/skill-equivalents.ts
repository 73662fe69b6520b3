import type { Skill, Taxonomy } from './model.ts';
import { contentStems } from './skill-labels.ts';
import { normaliseKey } from './text.ts';

/**
 * The same skill in another scheme's ids. The bundled taxonomy (`fp:`),
 * ESCO (`esco:`) and O*NET (`onet:`) number their skills separately, so a
 * participant whose history is ESCO-coded holds `esco:` skills while a
 * SOC-coded vacancy's occupation needs `fp:` ones, and nothing would ever
 * meet. Two skills of different schemes are taken to be one skill when a
 * label of one (preferred or alternative) reads as a label of the other:
 * the same lookup key (stems, src/taxonomy/text.ts), else the same content
 * words (skill-labels.ts: "Forklift driving" and "operate forklift"). A key
 * that names several skills of the other scheme says nothing about which,
 * so it links none of them (as findSkillInOtherWords answers nothing for
 * two candidates).
 */

/** `fp`, `esco`, `onet`: a skill id's scheme. */
export function skillScheme(id: string): string {
  const i = id.indexOf(':');
  return i > 0 ? id.slice(0, i) : '';
}

interface EquivalenceIndex {
  exact: Map<string, Map<string, string[]>>;
  loose: Map<string, Map<string, string[]>>;
  cache: Map<string, readonly string[]>;
}

const indexes = new WeakMap<Taxonomy, EquivalenceIndex>();

function keysOf(s: Skill): { exact: Set<string>; loose: Set<string> } {
  const exact = new Set<string>();
  const loose = new Set<string>();
  for (const label of [s.label, ...s.altLabels]) {
    const k = normaliseKey(label);
    if (k) exact.add(k);
    const c = contentStems(label).join(' ');
    if (c) loose.add(c);
  }
  return { exact, loose };
}

function add(m: Map<string, Map<string, string[]>>, key: string, scheme: string, id: string): void {
  let bySchemes = m.get(key);
  if (!bySchemes) m.set(key, (bySchemes = new Map()));
  const ids = bySchemes.get(scheme);
  if (!ids) bySchemes.set(scheme, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

function equivalenceIndex(taxonomy: Taxonomy): EquivalenceIndex {
  let idx = indexes.get(taxonomy);
  if (idx) return idx;
  idx = { exact: new Map(), loose: new Map(), cache: new Map() };
  const schemes = new Set<string>();
  for (const s of taxonomy.skills.values()) schemes.add(skillScheme(s.id));
  // One scheme: nothing to link (the bundled taxonomy alone).
  if (schemes.size > 1) {
    for (const s of taxonomy.skills.values()) {
      const scheme = skillScheme(s.id);
      const { exact, loose } = keysOf(s);
      for (const k of exact) add(idx.exact, k, scheme, s.id);
      for (const k of loose) add(idx.loose, k, scheme, s.id);
    }
  }
  indexes.set(taxonomy, idx);
  return idx;
}

/** The skills of other schemes that are this skill under another id (see above); empty when none or ambiguous. */
export function equivalentSkills(taxonomy: Taxonomy, skillId: string): readonly string[] {
  const idx = equivalenceIndex(taxonomy);
  const hit = idx.cache.get(skillId);
  if (hit) return hit;
  const s = taxonomy.skills.get(skillId);
  let out: string[] = [];
  if (s && idx.exact.size) {
    const own = skillScheme(skillId);
    const { exact, loose } = keysOf(s);
    const found = new Map<string, string>();
    const ambiguous = new Set<string>();
    // Exact keys decide a scheme first; content words only where no exact key did.
    for (const [keys, m] of [[exact, idx.exact], [loose, idx.loose]] as const) {
      const decided = new Set(found.keys());
      for (const k of keys) {
        for (const [scheme, ids] of m.get(k) ?? []) {
          if (scheme === own || decided.has(scheme)) continue;
          if (ids.length !== 1 || (found.has(scheme) && found.get(scheme) !== ids[0])) ambiguous.add(scheme);
          else found.set(scheme, ids[0]!);
        }
      }
    }
    out = [...found].filter(([scheme]) => !ambiguous.has(scheme)).map(([, id]) => id);
  }
  idx.cache.set(skillId, out);
  return out;
}
