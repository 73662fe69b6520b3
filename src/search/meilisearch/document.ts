import { stems } from '../../taxonomy/text.ts';
import type { SearchDocument } from '../engine.ts';

/**
 * One Meilisearch document per place a vacancy is at, so `_geoRadius` and
 * `_geoPoint` sorting see every location. All documents of a vacancy share
 * `groupKey` (its duplicate cluster id), which is the index's distinct
 * attribute: one attribute collapses both the locations of one vacancy and
 * the members of one duplicate cluster.
 *
 * Meilisearch does not stem English, so the searchable text is indexed as
 * stems (the light stemmer the taxonomy matcher uses: caring → care,
 * warehouses → warehous) and queries are stemmed the same way; the original
 * title and description are kept for highlighting and cropping only.
 */
export interface MeiliDocument
  extends Pick<
    SearchDocument,
    | 'title'
    | 'description'
    | 'employer'
    | 'skills'
    | 'town'
    | 'region'
    | 'localAuthority'
    | 'sector'
    | 'occupationCode'
    | 'contract'
    | 'employmentType'
    | 'remote'
    | 'salaryAnnualMin'
    | 'salaryAnnualMax'
    | 'datePosted'
    | 'isDemo'
  > {
  /** Primary key `<vacancyId>-<locationIndex>`. */
  docId: string;
  vacancyId: number;
  locationIndex: number;
  /** Duplicate cluster id (the canonical vacancy's id); the distinct attribute. */
  groupKey: number;
  /** Searchable, as stems: title; skill labels (when the engine can resolve them); employer and place names; description. */
  titleStems: string;
  skillStems: string[];
  extraStems: string[];
  descriptionStems: string;
  /**
   * What the vacancy reaches: its annual max, or its min when no max; the
   * salary filter and sort. Absent (not null) when unknown, so Meilisearch
   * sorts it last in either direction.
   */
  salaryReach?: number;
  /** Every place of the vacancy, so a hit's exact distance is the nearest one whichever document won. */
  places: { lat: number; lon: number }[];
  _geo?: { lat: number; lng: number };
}

export const PRIMARY_KEY = 'docId';

/** Characters reserved for the highlight markers (see highlight.ts); stripped from indexed text. */
const MARKER_CHARS = /[\uE000\uE001]/g;

/** Text as the stems Meilisearch indexes, space-separated. */
export function toStemText(text: string): string {
  return stems(text).join(' ');
}

export function toDocId(vacancyId: number, locationIndex: number): string {
  return `${vacancyId}-${locationIndex}`;
}

/**
 * Maps one SearchDocument to its Meilisearch documents: one per place, or a
 * single document without `_geo` when the vacancy has no coordinates (remote
 * or unresolved), so it is still found by text and filters.
 */
export function toMeiliDocuments(
  doc: SearchDocument,
  labelSkill?: (skillId: string) => string | undefined,
): MeiliDocument[] {
  const salaryReach = doc.salaryAnnualMax ?? doc.salaryAnnualMin;
  const base = {
    vacancyId: doc.id,
    groupKey: doc.clusterId,
    title: doc.title.replace(MARKER_CHARS, ''),
    description: doc.description.replace(MARKER_CHARS, ''),
    employer: doc.employer?.replace(MARKER_CHARS, '') ?? null,
    titleStems: toStemText(doc.title),
    skillStems: labelSkill ? doc.skills.flatMap((id) => labelSkill(id) ?? []).map(toStemText) : [],
    extraStems: [doc.employer, doc.town, doc.localAuthority, doc.region].flatMap((t) => (t ? [toStemText(t)] : [])),
    descriptionStems: toStemText(doc.description),
    skills: doc.skills,
    town: doc.town,
    region: doc.region,
    localAuthority: doc.localAuthority,
    sector: doc.sector,
    occupationCode: doc.occupationCode,
    contract: doc.contract,
    employmentType: doc.employmentType,
    remote: doc.remote,
    salaryAnnualMin: doc.salaryAnnualMin,
    salaryAnnualMax: doc.salaryAnnualMax,
    ...(salaryReach != null ? { salaryReach } : {}),
    datePosted: doc.datePosted,
    isDemo: doc.isDemo,
    places: doc.places.map((p) => ({ lat: p.lat, lon: p.lon })),
  };
  if (doc.places.length === 0) return [{ docId: toDocId(doc.id, 0), locationIndex: 0, ...base }];
  return doc.places.map((p, i) => ({
    docId: toDocId(doc.id, i),
    locationIndex: i,
    ...base,
    _geo: { lat: p.lat, lng: p.lon },
  }));
}
