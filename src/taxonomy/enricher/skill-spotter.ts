import type { VacancySkill } from '../../vacancies/model.ts';
import type { Skill, Taxonomy } from '../model.ts';
import { Lexicon, WordScan } from '../lexicon.ts';
import { PhraseTrie } from '../phrase-trie.ts';
import { STOP_WORDS, stems } from '../text.ts';
import { createRequiredLookup } from './requirement-context.ts';

/**
 * Dictionary skill spotting: ONE token trie over every skill label and
 * alternative label of the loaded taxonomy (all of ESCO included), matched
 * leftmost-longest over lightly stemmed tokens, so "Managing budgets" finds
 * "manage budgets" and "forklift truck licence" beats "forklift".
 *
 * One hit per scheme and span: when the bundled taxonomy and ESCO both know
 * "manual handling", both ids come back, so matching works in whichever
 * scheme the participant's profile and the occupation use.
 */
export interface SkillSpotter {
  spot(text: string): VacancySkill[];
  /** The same over `text` already scanned with the spotter's lexicon (the enricher's one scan per advert). */
  spotScanned(text: string, scan: WordScan): VacancySkill[];
  /** Distinct label phrases in the automaton. */
  readonly phrases: number;
  readonly buildMs: number;
}

interface Hit {
  skill: Skill;
  /** 0–1, before context and repetition. */
  confidence: number;
  /**
   * One-word labels are checked against the advert's own word: "packaging"
   * must not match "package" (the stems meet), nor the acronym "LESS" the
   * word "less". `surface` is the label's word without a plural ending;
   * `upper` asks for the word in capitals.
   */
  surface: string | null;
  upper: boolean;
}

/** A word without its plural ending, lower-cased, for the one-word check. */
function surfaceOf(word: string): string {
  const w = word.toLowerCase().replace(/['’]/g, '');
  if (/(?:s|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}

const FUNCTION_WORDS = new Set(stems('and or of to for with in on at by the a an as from'));

// One-word labels that are too generic to be evidence of a skill on their own.
const GENERIC_SINGLE = new Set(
  stems(
    'work working care caring support supporting service services help helping team teams manage managing ' +
      'management lead leading plan planning drive driving develop development organise organising monitor ' +
      'monitoring communicate report reporting order ordering check checking process processing control ' +
      'sell selling serve serving write writing read reading listen listening learn learning teach teaching ' +
      'build building design designing test testing train training clean cleaning cook cooking move moving ' +
      'handle handling operate operating repair repairing maintain maintenance install installation deliver ' +
      'delivery research analysis analyse coordinate coordination business office quality safety health ' +
      'security customer customers sales marketing finance law data computer computers internet email phone ' +
      'telephone english maths mathematics science art music history design engineering logistics transport ' +
      'retail hospitality construction administration admin production manufacturing education',
  ),
);

const SCHEME_RANK: Record<string, number> = { fp: 0, soc: 0, esco: 1, onet: 2 };

function schemeOf(id: string): string {
  const i = id.indexOf(':');
  return i > 0 ? id.slice(0, i) : id;
}

/** Whether a label phrase is specific enough to count as evidence. */
export function isEvidenceLabel(labelStems: readonly string[]): boolean {
  if (labelStems.length === 0 || labelStems.length > 10) return false;
  if (labelStems.every((s) => STOP_WORDS.has(s))) return false;
  // Fragments such as "and procedures" are split-label debris, not skills.
  if (FUNCTION_WORDS.has(labelStems[0]!) || FUNCTION_WORDS.has(labelStems[labelStems.length - 1]!)) return false;
  if (labelStems.length === 1) {
    const s = labelStems[0]!;
    if (s.length <= 2 && !/[+#]/.test(s)) return false;
    if (GENERIC_SINGLE.has(s) || /^\d+$/.test(s)) return false;
  }
  return true;
}

export function createSkillSpotter(taxonomy: Taxonomy, lexicon = new Lexicon()): SkillSpotter {
  const t0 = performance.now();
  // Gather every phrase with its candidate skills, then keep the best per scheme.
  const byPhrase = new Map<string, { phrase: string[]; cands: { skill: Skill; preferred: boolean; label: string }[] }>();
  const add = (label: string, skill: Skill, preferred: boolean) => {
    const s = stems(label);
    if (!isEvidenceLabel(s)) return;
    // A one-word synonym from a big imported taxonomy ("access" for Microsoft
    // Access, "bank" for economics) is wrong more often than right; keep it
    // only when it is an acronym or a tool-like name ("HACCP", "C#", "3D").
    if (s.length === 1 && !preferred && !skill.id.startsWith('fp:') && !/^[A-Z0-9][A-Z0-9+#&-]+$|[0-9+#]/.test(label.trim())) return;
    const key = s.join(' ');
    let e = byPhrase.get(key);
    if (!e) byPhrase.set(key, (e = { phrase: s, cands: [] }));
    if (!e.cands.some((c) => c.skill.id === skill.id && (c.preferred || !preferred))) e.cands.push({ skill, preferred, label: label.trim() });
  };
  for (const skill of taxonomy.skills.values()) {
    add(skill.label, skill, true);
    for (const alt of skill.altLabels) add(alt, skill, false);
  }
  const trie = new PhraseTrie<Hit>();
  for (const { phrase, cands } of byPhrase.values()) {
    const perScheme = new Map<string, { skill: Skill; preferred: boolean; label: string }[]>();
    for (const c of cands) {
      const scheme = schemeOf(c.skill.id);
      const list = perScheme.get(scheme);
      if (list) list.push(c);
      else perScheme.set(scheme, [c]);
    }
    const hits: Hit[] = [];
    for (const [scheme, list] of perScheme) {
      // The skill whose preferred label this is wins; an alt label shared by
      // several skills is ambiguous and counts for less.
      list.sort((a, b) => Number(b.preferred) - Number(a.preferred));
      const best = list[0]!;
      const preferredCount = list.filter((c) => c.preferred).length;
      let confidence = best.preferred ? 0.9 : 0.8;
      if (phrase.length === 1) confidence -= 0.15;
      if (list.length > 1 && !(best.preferred && preferredCount === 1)) confidence -= 0.2;
      if (scheme === 'fp') confidence += 0.05;
      const single = phrase.length === 1;
      hits.push({
        skill: best.skill,
        confidence: Math.max(0.1, Math.min(0.95, confidence)),
        surface: single ? surfaceOf(best.label) : null,
        upper: single && /^[A-Z0-9]{2,}$/.test(best.label) && /[A-Z]/.test(best.label),
      });
    }
    hits.sort((a, b) => (SCHEME_RANK[schemeOf(a.skill.id)] ?? 9) - (SCHEME_RANK[schemeOf(b.skill.id)] ?? 9));
    for (const h of hits) trie.add(phrase, h);
  }
  const buildMs = performance.now() - t0;
  const scratch = new WordScan();
  // surfaceOf per lexicon word (its ids ignore ASCII case and apostrophe style, as surfaceOf does).
  const surfaces = new Map<number, string>();
  let surfacesGeneration = -1;
  const surfaceOfScanned = (scan: WordScan, k: number, text: string): string => {
    if (surfacesGeneration !== scan.generation) {
      surfaces.clear();
      surfacesGeneration = scan.generation;
    }
    const w = scan.words[k]!;
    let surface = surfaces.get(w);
    if (surface === undefined) surfaces.set(w, (surface = surfaceOf(text.slice(scan.starts[k]!, scan.ends[k]!))));
    return surface;
  };

  return {
    phrases: byPhrase.size,
    buildMs,
    spot(text: string): VacancySkill[] {
      if (typeof text !== 'string' || text.length === 0) return [];
      lexicon.trim();
      return this.spotScanned(text, lexicon.scan(text, scratch));
    },
    spotScanned(text: string, scan: WordScan): VacancySkill[] {
      if (typeof text !== 'string' || text.length === 0) return [];
      const { starts, ends } = scan;
      const matches = trie.matchIds(trie.idsOfScan(lexicon, scan));
      if (matches.length === 0) return [];
      const isRequired = createRequiredLookup(text);
      const found = new Map<string, VacancySkill & { mentions: number }>();
      for (const m of matches) {
        const start = starts[m.from]!;
        const end = ends[m.to - 1]!;
        // Asked only once a hit survives the one-word checks: most one-word matches do not.
        let requiredHere: boolean | undefined;
        for (const hit of m.values) {
          if (hit.surface !== null) {
            if (surfaceOfScanned(scan, m.from, text) !== hit.surface) continue;
            if (hit.upper) {
              const word = text.slice(start, end);
              if (word !== word.toUpperCase()) continue;
            }
          }
          const required = (requiredHere ??= isRequired(start));
          const prev = found.get(hit.skill.id);
          if (prev) {
            prev.mentions++;
            if (required && !prev.required) {
              prev.required = true;
              prev.evidence = text.slice(start, end);
            }
            prev.confidence = Math.max(prev.confidence, hit.confidence);
            continue;
          }
          found.set(hit.skill.id, {
            id: hit.skill.id,
            label: hit.skill.label,
            evidence: text.slice(start, end),
            required,
            confidence: hit.confidence,
            mentions: 1,
          });
        }
      }
      const out: VacancySkill[] = [];
      for (const f of found.values()) {
        // A skill the advert names more than once is more surely wanted.
        const confidence = Math.min(0.99, f.confidence + Math.min(0.1, 0.05 * (f.mentions - 1)));
        out.push({ id: f.id, label: f.label, evidence: f.evidence, required: f.required, confidence: round2(confidence) });
      }
      return out;
    },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
