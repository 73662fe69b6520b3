import type { Taxonomy } from './model.ts';

/**
 * What the participant form suggests as the coach types (a <datalist> each):
 * occupation titles for job titles and skill labels for skills, from the
 * taxonomy the server matches with, so a picked suggestion always resolves.
 * Capped, because a full ESCO release has about 3,000 occupations and
 * 13,000 skills and every option is sent with the page; the bundled
 * taxonomy fits whole.
 */
export const SUGGESTION_LIMIT = 3000;

export interface FormSuggestions {
  occupations: string[];
  skills: string[];
}

const cache = new WeakMap<Taxonomy, FormSuggestions>();

const sortedUnique = (xs: Iterable<string>, limit: number) =>
  [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'en-GB')).slice(0, limit);

export function formSuggestions(taxonomy: Taxonomy, limit = SUGGESTION_LIMIT): FormSuggestions {
  const hit = limit === SUGGESTION_LIMIT ? cache.get(taxonomy) : undefined;
  if (hit) return hit;
  const out = {
    occupations: sortedUnique([...taxonomy.occupations.values()].map((o) => o.title), limit),
    skills: sortedUnique([...taxonomy.skills.values()].map((s) => s.label), limit),
  };
  if (limit === SUGGESTION_LIMIT) cache.set(taxonomy, out);
  return out;
}
