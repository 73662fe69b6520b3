import type { Occupation, OccupationScheme, Taxonomy } from '../taxonomy/model.ts';
import { normaliseKey } from '../taxonomy/text.ts';
import type { VacancyEnricher } from '../vacancies/enricher.ts';

export interface ResolvedOccupation {
  occupationId: string | null;
  resolvedBy: 'given' | 'classifier' | 'title' | null;
  confidence: number | null;
}

const SCHEMES: readonly OccupationScheme[] = ['soc', 'esco', 'onet'];

/** An occupation given as an id (`soc:6135`) or a code (`6135`, `29-1141.00`), optionally scheme-qualified. */
export function findGivenOccupation(taxonomy: Taxonomy, input: string): Occupation | undefined {
  const s = input.trim();
  const direct = taxonomy.findOccupation(s);
  if (direct) return direct;
  const m = /^(soc|esco|onet):(.+)$/i.exec(s);
  if (m?.[1] && m[2]) return taxonomy.findOccupation(m[2], m[1].toLowerCase() as OccupationScheme);
  return undefined;
}

const titleIndexes = new WeakMap<Taxonomy, Map<string, string>>();

/**
 * Title → occupation by exact match on the normalised title or an
 * alternative title (same stems, any case or inflection). Preferred titles
 * win over alternative ones, and within each, the order of `schemes`.
 */
function titleIndex(taxonomy: Taxonomy): Map<string, string> {
  let idx = titleIndexes.get(taxonomy);
  if (idx) return idx;
  idx = new Map();
  const byScheme = [...taxonomy.occupations.values()].sort((a, b) => SCHEMES.indexOf(a.scheme) - SCHEMES.indexOf(b.scheme));
  for (const o of byScheme) {
    const k = normaliseKey(o.title);
    if (k && !idx.has(k)) idx.set(k, o.id);
  }
  for (const o of byScheme) {
    for (const alt of o.altTitles) {
      const k = normaliseKey(alt);
      if (k && !idx.has(k)) idx.set(k, o.id);
    }
  }
  titleIndexes.set(taxonomy, idx);
  return idx;
}

/** Exact title or alternative-title match, the fallback when no classifier is loaded. */
export function matchOccupationTitle(taxonomy: Taxonomy, title: string): Occupation | undefined {
  const id = titleIndex(taxonomy).get(normaliseKey(title));
  return id ? taxonomy.occupations.get(id) : undefined;
}

/**
 * A job-history entry's occupation: the one given (checked by the caller),
 * else the classifier's reading of the title, else an exact title match.
 * An unresolved title is kept by the caller and flagged; it adds no skills.
 */
export function resolveTitle(taxonomy: Taxonomy, enricher: VacancyEnricher | null, title: string): ResolvedOccupation {
  const exact = matchOccupationTitle(taxonomy, title);
  if (enricher) {
    const { occupation } = enricher.classify({ title, description: '', employer: null });
    const o = occupation ? taxonomy.findOccupation(occupation.code, asScheme(occupation.scheme)) : undefined;
    // A hesitant classifier loses to a title the taxonomy lists word for word.
    if (o && occupation && (occupation.confidence >= 0.5 || !exact)) {
      return { occupationId: o.id, resolvedBy: 'classifier', confidence: occupation.confidence };
    }
  }
  if (exact) return { occupationId: exact.id, resolvedBy: 'title', confidence: 1 };
  return { occupationId: null, resolvedBy: null, confidence: null };
}

function asScheme(s: string): OccupationScheme | undefined {
  return (SCHEMES as readonly string[]).includes(s) ? (s as OccupationScheme) : undefined;
}
