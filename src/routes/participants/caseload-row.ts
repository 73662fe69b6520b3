import type { CaseloadEntry } from '../../participants/caseload.ts';
import type { Taxonomy } from '../../taxonomy/model.ts';
import type { CaseloadRow } from '../../views/participants-page.tsx';

/** A caseload entry as the page shows it: the last job by its typed title, else its occupation's name. */
export function toCaseloadRow(taxonomy: Taxonomy, e: CaseloadEntry): CaseloadRow {
  const occupation = e.lastJobOccupationId ? taxonomy.occupations.get(e.lastJobOccupationId)?.title ?? null : null;
  return {
    id: e.id,
    name: e.name,
    reference: e.reference,
    locationText: e.locationText,
    lastJob: e.lastJobTitle ?? occupation,
    createdAt: e.createdAt,
    latestActivityAt: e.latestActivityAt,
    stageCounts: e.stageCounts,
    shortlisted: e.shortlisted,
    flags: e.flags,
  };
}
