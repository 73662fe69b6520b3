import type { Occupation, Taxonomy } from '../taxonomy/model.ts';
import type { VacancyEnricher } from '../vacancies/enricher.ts';
import { findGivenOccupation, resolveTitle } from './resolve-occupation.ts';

/**
 * Target occupations: what the participant wants to do ("HGV driver" for a
 * stock controller training for a C licence). A goal is not a skill: it
 * adds nothing to the skill profile, but matches, transitions and pivots
 * show the targets and their gaps even when similarity alone would not
 * reach them (issue 16 item 7).
 */
export interface TargetOccupation {
  /** As the coach gave it: a job title or an occupation code. */
  input: string;
  occupationId: string | null;
}

export const MAX_TARGETS = 5;

/** A code or id (`soc:8211`, `8211`) as given, else the title read like a job-history title. */
export function resolveTarget(taxonomy: Taxonomy, enricher: VacancyEnricher | null, input: string): string | null {
  return findGivenOccupation(taxonomy, input)?.id ?? resolveTitle(taxonomy, enricher, input).occupationId;
}

/**
 * The targets as occupations of the taxonomy loaded now: one stored under
 * another release is read again from what the coach typed. Duplicates and
 * targets that no longer resolve are left out.
 */
export function targetOccupations(taxonomy: Taxonomy, enricher: VacancyEnricher | null, targets: readonly TargetOccupation[]): Occupation[] {
  const out = new Map<string, Occupation>();
  for (const t of targets) {
    const id = t.occupationId && taxonomy.occupations.has(t.occupationId) ? t.occupationId : resolveTarget(taxonomy, enricher, t.input);
    const o = id ? taxonomy.occupations.get(id) : undefined;
    if (o && !out.has(o.id)) out.set(o.id, o);
  }
  return [...out.values()];
}
