import type { Settings } from 'meilisearch';
import { PRIMARY_KEY } from './document.ts';

export { PRIMARY_KEY };

/**
 * Common English words that carry no meaning in a job search. Kept short on
 * purpose: words like "part", "time", "home" or "no" matter in adverts.
 */
export const STOP_WORDS = [
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'is', 'it',
  'of', 'on', 'or', 'the', 'to', 'with', 'our', 'we', 'you', 'your',
] as const;

export const FILTERABLE_ATTRIBUTES = [
  'sector',
  'contract',
  'employmentType',
  'remote',
  'occupationCode',
  'salaryAnnualMin',
  'salaryAnnualMax',
  'salaryReach',
  'datePosted',
  'groupKey',
  'vacancyId',
  'locationIndex',
  'isDemo',
  '_geo',
] as const;

/** vacancyId only breaks ties, as in the embedded engine. */
export const SORTABLE_ATTRIBUTES = ['datePosted', 'salaryReach', '_geo', 'vacancyId'] as const;

/**
 * Most important first: a title match beats a skill, employer or place match,
 * which beat the description. All stems (see document.ts).
 */
export const SEARCHABLE_ATTRIBUTES = ['titleStems', 'skillStems', 'extraStems', 'descriptionStems'] as const;

export const FACET_ATTRIBUTES = ['sector', 'contract', 'remote', 'employmentType'] as const;

export interface IndexSettingsOptions {
  synonyms?: Record<string, string[]>;
  /** Upper bound of `total` and of how deep pagination reaches. */
  maxTotalHits?: number;
  maxValuesPerFacet?: number;
}

/**
 * The index settings, as one object so a rebuild's fresh index gets exactly
 * the live one's settings. `sort` comes first in the ranking rules so an
 * explicit date, salary or distance sort is strict (as in the embedded
 * engine); without a sort parameter the rule is a no-op and the text rules
 * decide.
 */
export function buildIndexSettings(options: IndexSettingsOptions = {}): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    // Not the stems: they exist only to be searched.
    displayedAttributes: [
      'docId', 'vacancyId', 'locationIndex', 'groupKey', 'title', 'description', 'employer',
      'sector', 'contract', 'employmentType', 'remote', 'salaryReach', 'datePosted', 'places', '_geo',
    ],
    // The last two break relevance ties newest first, then by the lower id,
    // as the embedded engine does; without them Meilisearch falls back to its
    // internal document order, which says nothing to a coach.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'datePosted:desc', 'vacancyId:asc'],
    distinctAttribute: 'groupKey',
    stopWords: [...STOP_WORDS],
    synonyms: options.synonyms ?? {},
    typoTolerance: {
      enabled: true,
      // Words under six letters get no typos: one typo away they are something
      // else entirely ("NG7", "DBS"; "carer" → care, career; the prefix
      // "clean" → clear). Measured on the engines eval at 10k, Meilisearch's
      // default of five made "carer" match 5,841 adverts to the embedded
      // engine's 203, and "clean*" 3,031 to 214. Numbers never do.
      minWordSizeForTypos: { oneTypo: 6, twoTypos: 9 },
      disableOnNumbers: true,
    },
    pagination: { maxTotalHits: options.maxTotalHits ?? 10_000 },
    faceting: { maxValuesPerFacet: options.maxValuesPerFacet ?? 100 },
  };
}
