import type { Db } from '../../db.ts';
import type { VacancyEnricher } from '../../vacancies/enricher.ts';
import type { Taxonomy } from '../model.ts';
import { loadSocIndex } from '../store.ts';
import { createClassifier, type Classifier } from './classifier.ts';
import { createSkillSpotter, type SkillSpotter } from './skill-spotter.ts';

export interface TaxonomyEnricher extends VacancyEnricher {
  readonly classifier: Classifier;
  readonly spotter: SkillSpotter;
}

/**
 * The VacancyEnricher over a loaded taxonomy: occupation/sector classifier
 * and skill spotter. Pass the database to use the SOC 2020 coding index when
 * one was imported. Build once at start-up (about a second with all of ESCO)
 * and rebuild after a taxonomy import.
 */
export function createEnricher(taxonomy: Taxonomy, db?: Db | null): TaxonomyEnricher {
  const classifier = createClassifier(taxonomy, db ? loadSocIndex(db) : []);
  const spotter = createSkillSpotter(taxonomy);
  return {
    classifier,
    spotter,
    classify(input) {
      const { occupation, sector } = classifier.classify(input);
      return { occupation, sector };
    },
    spotSkills: (text) => spotter.spot(text),
  };
}
