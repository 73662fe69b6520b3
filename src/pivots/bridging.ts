import { BRIDGING_COURSES, type BridgingCourse } from '../taxonomy/bundled/index.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { findSkillByLabel } from '../taxonomy/skill-labels.ts';

export interface GapSkill {
  skillId: string;
  label: string;
}

export interface BridgingSuggestion {
  id: string;
  title: string;
  duration: string;
  durationDays: number;
  typicalCostGbp: number | null;
  provider: string;
  notes: string;
  /** The gap skills this course covers (the destination's ids). */
  covers: GapSkill[];
}

const isBundled = (skillId: string) => skillId.startsWith('fp:');

/**
 * Bundled skill id for a gap skill: itself when bundled (`fp:`), else the
 * bundled skill whose label or alternative label reads the same (an ESCO
 * "operate forklift" gap finds the forklift courses).
 */
function bundledIdOf(taxonomy: Taxonomy, gap: GapSkill): string | null {
  if (isBundled(gap.skillId)) return gap.skillId;
  const skill = taxonomy.skills.get(gap.skillId);
  for (const l of [gap.label, ...(skill?.altLabels ?? [])]) {
    const hit = findSkillByLabel(taxonomy, l, isBundled);
    if (hit) return hit;
  }
  return null;
}

/**
 * Courses and licences that bridge the gaps, chosen greedily: the course
 * covering most still-open gaps first (shorter first on a tie), until no
 * course covers anything more or `max` are chosen.
 */
export function bridgingCoursesFor(
  taxonomy: Taxonomy,
  gaps: readonly GapSkill[],
  opts: { max?: number; courses?: readonly BridgingCourse[] } = {},
): BridgingSuggestion[] {
  const courses = opts.courses ?? BRIDGING_COURSES;
  const open = new Map<string, GapSkill[]>();
  for (const g of gaps) {
    const id = bundledIdOf(taxonomy, g);
    if (!id) continue;
    const list = open.get(id) ?? [];
    list.push(g);
    open.set(id, list);
  }
  const out: BridgingSuggestion[] = [];
  while (open.size && out.length < (opts.max ?? 4)) {
    let best: BridgingCourse | null = null;
    let bestCover: string[] = [];
    for (const c of courses) {
      if (out.some((o) => o.id === c.id)) continue;
      const cover = c.skills.filter((s) => open.has(s));
      if (cover.length > bestCover.length || (cover.length === bestCover.length && cover.length > 0 && best && c.durationDays < best.durationDays)) {
        best = c;
        bestCover = cover;
      }
    }
    if (!best || bestCover.length === 0) break;
    const covers = bestCover.flatMap((s) => open.get(s) ?? []);
    for (const s of bestCover) open.delete(s);
    out.push({
      id: best.id,
      title: best.title,
      duration: best.duration,
      durationDays: best.durationDays,
      typicalCostGbp: best.typicalCostGbp,
      provider: best.provider,
      notes: best.notes,
      covers,
    });
  }
  return out;
}
