import type { Db } from '../../db.ts';
import type { VacancyEnricher } from '../../vacancies/enricher.ts';
import { Lexicon, WordScan } from '../lexicon.ts';
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
  // One lexicon for both, so an advert's words are scanned and stemmed once for skills, sector and occupation.
  const lexicon = new Lexicon();
  const classifier = createClassifier(taxonomy, db ? loadSocIndex(db) : [], lexicon);
  const spotter = createSkillSpotter(taxonomy, lexicon);
  const scan = new WordScan();
  return {
    classifier,
    spotter,
    classify(input) {
      const { occupation, sector } = classifier.classify(input);
      return { occupation, sector };
    },
    spotSkills: (text) => spotter.spot(text),
    enrichAdvert(input) {
      const title = typeof input?.title === 'string' ? input.title : '';
      const description = typeof input?.description === 'string' ? input.description : '';
      // join, not a template literal: one flat string, where `${a}\n${b}` is a rope V8 reads through an
      // indirection on every charCodeAt of the word scan.
      const given = input?.text;
      // The caller's copy, when it is one (checked cheaply: comparing the whole description would cost what the copy does).
      const fits = typeof given === 'string' && given.length === title.length + 1 + description.length && given.startsWith(title);
      const text = fits ? given : [title, description].join('\n');
      lexicon.trim();
      lexicon.scan(text, scan);
      const { occupation, sector } = classifier.classifyScanned({ title, description, employer: input?.employer ?? null }, scan);
      return { occupation, sector, skills: spotter.spotScanned(text, scan) };
    },
  };
}
