import type { Skill, Taxonomy } from '../model.ts';
import { stemWord, stems } from '../text.ts';
import { EVALUATIVE, SKILL_TAIL } from './lexicons.ts';

/**
 * Maps a skill phrase from an advert to the taxonomy skill it means, when
 * no label matches it exactly: token overlap over every label and
 * alternative label, on the same light stems the spotter uses, each shared
 * stem weighted by how rare it is among labels (IDF), so "managing the
 * budget" meets "manage budgets" and "team working" meets "Teamwork"'s
 * alternative "team working". Prefers no answer to a weak one.
 */
export interface PhraseMapper {
  map(phrase: string): { skill: Skill; score: number; exact: boolean } | null;
}

interface LabelEntry {
  skill: Skill;
  stems: string[];
  preferred: boolean;
}

const SCHEME_RANK: Record<string, number> = { fp: 0, soc: 0, esco: 1, onet: 2 };
const schemeRank = (id: string) => SCHEME_RANK[id.slice(0, Math.max(0, id.indexOf(':')))] ?? 9;

// Grammar only: the spotter's STOP_WORDS also drop "team", "time" and "work", which are the skill in "team working".
const FUNCTION_WORDS = new Set(
  ('a an and or the of to in on at for with by from as is are be been being it its this that these those we you they our your ' +
    'their not no but if then than so such can could will would should may might must shall do does did have has had')
    .split(' ')
    .map(stemWord),
);

/** Stems that carry the phrase's meaning: no function words, praise or "skills". */
export function contentStems(phrase: string): string[] {
  return stems(phrase).filter((s) => !FUNCTION_WORDS.has(s) && !EVALUATIVE.has(s) && !SKILL_TAIL.has(s));
}

export function createPhraseMapper(taxonomy: Taxonomy, minScore = 0.5): PhraseMapper {
  const exact = new Map<string, LabelEntry>();
  const byStem = new Map<string, LabelEntry[]>();
  let labels = 0;
  const add = (label: string, skill: Skill, preferred: boolean) => {
    const s = [...new Set(contentStems(label))];
    if (s.length === 0 || s.length > 8) return;
    const entry = { skill, stems: s, preferred };
    const key = [...s].sort().join(' ');
    const prev = exact.get(key);
    // As in the spotter: a one-word synonym from a big imported taxonomy ("operate") names too many things.
    const weakSynonym = s.length === 1 && !preferred && !skill.id.startsWith('fp:');
    if (!weakSynonym && (!prev || better(entry, prev))) exact.set(key, entry);
    labels++;
    for (const x of s) {
      const list = byStem.get(x);
      if (list) list.push(entry);
      else byStem.set(x, [entry]);
    }
  };
  for (const skill of taxonomy.skills.values()) {
    add(skill.label, skill, true);
    for (const alt of skill.altLabels) add(alt, skill, false);
  }
  const idf = (s: string) => Math.log(1 + labels / (1 + (byStem.get(s)?.length ?? 0)));
  // Adverts repeat their phrases ("communication", "team working"): answers are kept, up to a bound.
  const cache = new Map<string, ReturnType<PhraseMapper['map']>>();
  const lookup = (phrase: string): ReturnType<PhraseMapper['map']> => {
      const s = [...new Set(contentStems(phrase))];
      if (s.length === 0) return null;
      const hit = exact.get([...s].sort().join(' '));
      if (hit) return { skill: hit.skill, score: 1, exact: true };
      // One word ("operate", "confident") says too little to name a skill by overlap: exact labels only.
      if (s.length < 2) return null;
      const weight = new Map(s.map((x) => [x, idf(x)]));
      const total = [...weight.values()].reduce((a, b) => a + b, 0);
      const seen = new Set<LabelEntry>();
      let best: { entry: LabelEntry; score: number } | null = null;
      // Candidates come through the phrase's rarest stems: a stem on thousands of labels ("manage") says
      // little and costs much, and any label worth the floor shares a rarer stem too.
      const byRarity = s.filter((x) => byStem.has(x)).sort((a, b) => byStem.get(a)!.length - byStem.get(b)!.length);
      const through = byRarity.filter((x, k) => k < 2 && (k === 0 || byStem.get(x)!.length <= 1500));
      for (const x of through) {
        const list = byStem.get(x)!;
        if (list.length > 5000) continue;
        for (const e of list) {
          if (seen.has(e)) continue;
          seen.add(e);
          let shared = 0;
          let sharedCount = 0;
          let union = total;
          for (const y of e.stems) {
            const w = weight.get(y);
            if (w !== undefined) {
              shared += w;
              sharedCount++;
            } else union += idf(y);
          }
          if (sharedCount < Math.min(2, e.stems.length)) continue;
          const score = shared / union;
          if (!best || score > best.score || (score === best.score && better(e, best.entry))) best = { entry: e, score };
        }
      }
      return best && best.score >= minScore ? { skill: best.entry.skill, score: best.score, exact: false } : null;
  };
  return {
    map(phrase) {
      const key = phrase.toLowerCase();
      let hit = cache.get(key);
      if (hit === undefined) {
        if (cache.size > 50_000) cache.clear();
        cache.set(key, (hit = lookup(phrase)));
      }
      return hit;
    },
  };
}

function better(a: LabelEntry, b: LabelEntry): boolean {
  if (a.preferred !== b.preferred) return a.preferred;
  return schemeRank(a.skill.id) < schemeRank(b.skill.id);
}
