import type { SearchDocument } from '../engine.ts';

/**
 * One Meilisearch document per place a vacancy is at, so `_geoRadius` and
 * `_geoPoint` sorting see every location. All documents of a vacancy share
 * `groupKey` (its duplicate cluster id), which is the index's distinct
 * attribute: one attribute collapses both the locations of one vacancy and
 * the members of one duplicate cluster.
 */
export interface MeiliDocument {
  /** Primary key `<vacancyId>-<locationIndex>`. */
  docId: string;
  vacancyId: number;
  locationIndex: number;
  /** Duplicate cluster id (the canonical vacancy's id); the distinct attribute. */
  groupKey: number;
  title: string;
  description: string;
  employer: string | null;
  /** Skill labels (searchable) when the engine was given a label resolver. */
  skillLabels: string[];
  skills: string[];
  town: string | null;
  region: string | null;
  localAuthority: string | null;
  sector: string | null;
  occupationCode: string | null;
  contract: string | null;
  employmentType: string | null;
  remote: string | null;
  salaryAnnualMin: number | null;
  salaryAnnualMax: number | null;
  /**
   * What the vacancy reaches: its annual max, or its min when no max; the
   * salary filter and sort. Absent (not null) when unknown, so Meilisearch
   * sorts it last in either direction.
   */
  salaryReach?: number;
  datePosted: number;
  isDemo: boolean;
  /** Every place of the vacancy, so a hit's exact distance is the nearest one whichever document won. */
  places: { lat: number; lon: number }[];
  _geo?: { lat: number; lng: number };
}

export const PRIMARY_KEY = 'docId';

/** Characters reserved for the highlight markers (see highlight.ts); stripped from indexed text. */
const MARKER_CHARS = /[\uE000\uE001]/g;

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
    skillLabels: labelSkill ? doc.skills.flatMap((id) => labelSkill(id) ?? []) : [],
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
