import type { Taxonomy } from '../../taxonomy/model.ts';
import { normaliseKey } from '../../taxonomy/text.ts';

export interface SynonymOptions {
  /** Most terms taken from one occupation (title + alternative titles); ESCO lists dozens, most rare. */
  maxTermsPerOccupation?: number;
  /** Longer terms are phrases nobody types; they only slow Meilisearch's query expansion. */
  maxTermLength?: number;
}

/** As the index and the query see it: stems (synonyms apply to query words, which are stems). */
function normaliseTerm(term: string): string {
  return normaliseKey(term.normalize('NFKC'));
}

/**
 * Meilisearch synonyms from the taxonomy's occupation titles: an
 * occupation's title and its alternative titles all mean each other
 * ("care assistant" ⇄ "carer" ⇄ "support worker"), written as stems like
 * the index and the query. Terms shared by several
 * occupations get the union. Pure; keys and lists are sorted so the result
 * is deterministic (settings updates are then no-ops when nothing changed).
 */
export function synonymsFromTaxonomy(taxonomy: Pick<Taxonomy, 'occupations'>, options: SynonymOptions = {}): Record<string, string[]> {
  const maxTerms = options.maxTermsPerOccupation ?? 16;
  const maxLength = options.maxTermLength ?? 60;
  const sets = new Map<string, Set<string>>();
  for (const occupation of taxonomy.occupations.values()) {
    const terms: string[] = [];
    for (const raw of [occupation.title, ...occupation.altTitles]) {
      const term = normaliseTerm(raw);
      if (term.length < 2 || term.length > maxLength || terms.includes(term)) continue;
      terms.push(term);
      if (terms.length >= maxTerms) break;
    }
    if (terms.length < 2) continue;
    for (const term of terms) {
      let set = sets.get(term);
      if (!set) sets.set(term, (set = new Set()));
      for (const other of terms) if (other !== term) set.add(other);
    }
  }
  const out: Record<string, string[]> = {};
  for (const key of [...sets.keys()].sort()) out[key] = [...sets.get(key)!].sort();
  return out;
}
