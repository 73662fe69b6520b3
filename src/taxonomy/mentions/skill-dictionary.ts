import type { Skill, Taxonomy } from '../model.ts';
import { STOP_WORDS, stems } from '../text.ts';
import { isEvidenceLabel } from '../enricher/skill-spotter.ts';

/**
 * Every skill label and alternative label of the taxonomy as a stem
 * sequence, for the longest match starting at a word: the seeds that the
 * extractor then grows to the phrase people would mark. The same filter as
 * the pipeline's spotter keeps generic one-word labels ("care", "work") out.
 */
export interface DictionaryHit {
  /** Number of words matched. */
  length: number;
  skill: Skill;
}

export interface SkillDictionary {
  longestAt(wordStems: readonly string[], i: number): DictionaryHit | null;
}

export function createSkillDictionary(taxonomy: Taxonomy): SkillDictionary {
  // A trie over stems: the longest match from a word costs its length, however many labels share the first word.
  interface Node {
    next: Map<string, Node>;
    hit: { skill: Skill; preferred: boolean } | null;
  }
  const root: Node = { next: new Map(), hit: null };
  const add = (label: string, skill: Skill, preferred: boolean) => {
    const s = stems(label);
    // "be responsible", "have patience": a label opening on a function word meets every advert's grammar, not its skills.
    if (!isEvidenceLabel(s) || s.length > 8 || STOP_WORDS.has(s[0]!)) return;
    // As in the spotter: a one-word synonym from a big imported taxonomy is kept only when it looks like a name or acronym.
    if (s.length === 1 && !preferred && !skill.id.startsWith('fp:') && !/^[A-Z0-9][A-Z0-9+#&-]+$|[0-9+#]/.test(label.trim())) return;
    let node = root;
    for (const x of s) {
      let child = node.next.get(x);
      if (!child) node.next.set(x, (child = { next: new Map(), hit: null }));
      node = child;
    }
    if (!node.hit || (preferred && !node.hit.preferred)) node.hit = { skill, preferred };
  };
  for (const skill of taxonomy.skills.values()) {
    add(skill.label, skill, true);
    for (const alt of skill.altLabels) add(alt, skill, false);
  }
  return {
    longestAt(wordStems, i) {
      let node = root;
      let best: DictionaryHit | null = null;
      for (let j = i; j < wordStems.length; j++) {
        const child = node.next.get(wordStems[j]!);
        if (!child) break;
        node = child;
        if (node.hit) best = { length: j - i + 1, skill: node.hit.skill };
      }
      return best;
    },
  };
}
