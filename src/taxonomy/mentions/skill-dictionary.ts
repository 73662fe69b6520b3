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
  const byFirst = new Map<string, { stems: string[]; skill: Skill; preferred: boolean }[]>();
  const add = (label: string, skill: Skill, preferred: boolean) => {
    const s = stems(label);
    // "be responsible", "have patience": a label opening on a function word meets every advert's grammar, not its skills.
    if (!isEvidenceLabel(s) || s.length > 8 || STOP_WORDS.has(s[0]!)) return;
    // As in the spotter: a one-word synonym from a big imported taxonomy is kept only when it looks like a name or acronym.
    if (s.length === 1 && !preferred && !skill.id.startsWith('fp:') && !/^[A-Z0-9][A-Z0-9+#&-]+$|[0-9+#]/.test(label.trim())) return;
    const list = byFirst.get(s[0]!);
    const entry = { stems: s, skill, preferred };
    if (list) list.push(entry);
    else byFirst.set(s[0]!, [entry]);
  };
  for (const skill of taxonomy.skills.values()) {
    add(skill.label, skill, true);
    for (const alt of skill.altLabels) add(alt, skill, false);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length || Number(b.preferred) - Number(a.preferred));
  return {
    longestAt(wordStems, i) {
      const list = byFirst.get(wordStems[i]!);
      if (!list) return null;
      for (const e of list) {
        if (i + e.stems.length > wordStems.length) continue;
        let ok = true;
        for (let j = 1; j < e.stems.length && ok; j++) ok = wordStems[i + j] === e.stems[j];
        if (ok) return { length: e.stems.length, skill: e.skill };
      }
      return null;
    },
  };
}
