import type { NormalisedVacancy, VacancySkill } from './model.ts';

/**
 * Taxonomy-driven enrichment, used by the normalisation pipeline and by
 * participant profiles (job titles → occupations). Implemented over the
 * current taxonomy by src/taxonomy (createEnricher); the pipeline works
 * without one, it just classifies nothing.
 */
export interface ClassifyInput {
  title: string;
  description: string;
  employer: string | null;
}

/** An advert for enrichAdvert; `text`, when the caller has built it already, is `title + '\n' + description`. */
export interface AdvertInput extends ClassifyInput {
  text?: string;
}

export interface VacancyEnricher {
  /** Occupation and SIC 2007 section, each with a confidence and the words that decided it. */
  classify(input: ClassifyInput): { occupation: NormalisedVacancy['occupation']; sector: NormalisedVacancy['sector'] };
  /**
   * Taxonomy skills in the text, each with its evidence span, a confidence and
   * whether the employer requires it. `text` keeps line breaks so sections
   * ("Essential criteria:") can be told apart.
   */
  spotSkills(text: string): VacancySkill[];
  /**
   * Both at once for an advert: classify(input) and spotSkills of
   * `title + '\n' + description`, over one reading of its words (the
   * pipeline's hot path).
   */
  enrichAdvert(input: AdvertInput): {
    occupation: NormalisedVacancy['occupation'];
    sector: NormalisedVacancy['sector'];
    skills: VacancySkill[];
  };
}
