import type { SearchDocument } from '../engine.ts';
import { toMeiliDocuments, type MeiliDocument } from './document.ts';

export interface WriteBatch {
  meili: MeiliDocument[];
  /** Documents each vacancy now has (to delete the location documents past it). */
  placeCounts: Map<number, number>;
}

/**
 * Splits vacancies into write batches of about `batchSize` Meilisearch
 * documents, never splitting one vacancy's documents across batches (its
 * stale-location delete must follow its own add). When a vacancy appears
 * twice, its last version wins: two versions in different batches would race.
 */
export function planWriteBatches(
  docs: readonly SearchDocument[],
  batchSize: number,
  labelSkill?: (skillId: string) => string | undefined,
): WriteBatch[] {
  const latest = new Map<number, SearchDocument>();
  for (const doc of docs) {
    latest.delete(doc.id);
    latest.set(doc.id, doc);
  }
  const out: WriteBatch[] = [];
  let current: WriteBatch = { meili: [], placeCounts: new Map() };
  for (const doc of latest.values()) {
    const mapped = toMeiliDocuments(doc, labelSkill);
    if (current.meili.length > 0 && current.meili.length + mapped.length > batchSize) {
      out.push(current);
      current = { meili: [], placeCounts: new Map() };
    }
    current.meili.push(...mapped);
    current.placeCounts.set(doc.id, mapped.length);
  }
  if (current.meili.length > 0) out.push(current);
  return out;
}
