import type { Taxonomy } from './model.ts';
import { normaliseKey, stems, stemWord, STOP_WORDS } from './text.ts';

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

/** Every skill with a label (preferred or alternative) that reads as `label`, preferred labels first. */
export function skillsNamed(taxonomy: Taxonomy, label: string): readonly string[] {
  return skillsByLabel(taxonomy).get(normaliseKey(label)) ?? [];
}

/**
 * Skills typed in other words. A coach writes what the person did ("Operate
 * a forklift", "Using spreadsheets"); labels name the skill ("Forklift
 * driving", "Spreadsheets"). Both sides are reduced to their content words:
 * stems without the stop words and without the light verbs that only say
 * "does this" (operate, use, drive, perform, carry out), sorted, so word
 * order and grammar do not matter.
 */
const LIGHT_VERBS: ReadonlySet<string> = new Set(['operate', 'operating', 'operation', 'operations', 'drive', 'driving', 'perform', 'performing', 'carry', 'carrying', 'out', 'using', 'doing', 'undertake', 'undertaking'].map(stemWord));

function contentStems(text: string): string[] {
  return [...new Set(stems(text).filter((s) => !STOP_WORDS.has(s) && !LIGHT_VERBS.has(s)))].sort();
}

interface LooseIndex {
  /** Content key → skill ids, preferred labels first. */
  byKey: Map<string, string[]>;
  /** Every label with its content stems, for nearest-label suggestions. */
  labels: { skillId: string; stems: string[] }[];
}

const looseIndexes = new WeakMap<Taxonomy, LooseIndex>();

function looseIndex(taxonomy: Taxonomy): LooseIndex {
  let idx = looseIndexes.get(taxonomy);
  if (idx) return idx;
  const built: LooseIndex = { byKey: new Map(), labels: [] };
  const add = (label: string, id: string) => {
    const st = contentStems(label);
    if (!st.length) return;
    built.labels.push({ skillId: id, stems: st });
    const k = st.join(' ');
    const ids = built.byKey.get(k);
    if (!ids) built.byKey.set(k, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  for (const s of taxonomy.skills.values()) add(s.label, s.id);
  for (const s of taxonomy.skills.values()) for (const a of s.altLabels) add(a, s.id);
  looseIndexes.set(taxonomy, built);
  return built;
}

/**
 * The skill a phrase names: its exact label first, else the one skill
 * whose label has the same content words. Two skills sharing those words
 * is no answer (the caller offers the nearest labels instead).
 */
export function findSkillInOtherWords(taxonomy: Taxonomy, text: string): string | undefined {
  const exact = findSkillByLabel(taxonomy, text);
  if (exact) return exact;
  const st = contentStems(text);
  if (!st.length) return undefined;
  const ids = looseIndex(taxonomy).byKey.get(st.join(' '));
  return ids?.length === 1 ? ids[0] : undefined;
}

/** A label's content words as one key (see above): "Forklift driving" and "operate forklift" share one. Empty when none. */
export function contentKey(text: string): string {
  return contentStems(text).join(' ');
}

/** Every skill with a label of the same content words as `text`, preferred labels first. */
export function skillsWithContentWords(taxonomy: Taxonomy, text: string): readonly string[] {
  const k = contentKey(text);
  return k ? (looseIndex(taxonomy).byKey.get(k) ?? []) : [];
}

/** The preferred labels of up to `limit` skills whose labels share most content words with `text` (Dice ≥ 0.4), best first. */
export function nearestSkillLabels(taxonomy: Taxonomy, text: string, limit = 3): string[] {
  const want = contentStems(text);
  if (!want.length) return [];
  const wantSet = new Set(want);
  const best = new Map<string, number>();
  for (const l of looseIndex(taxonomy).labels) {
    let shared = 0;
    for (const s of l.stems) if (wantSet.has(s)) shared++;
    if (!shared) continue;
    const dice = (2 * shared) / (want.length + l.stems.length);
    if (dice >= 0.4 && dice > (best.get(l.skillId) ?? 0)) best.set(l.skillId, dice);
  }
  return [...best.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([id]) => taxonomy.skills.get(id)?.label ?? id);
}
