import { buildCrosswalk, type Crosswalk, type SocIscoCount } from './crosswalk.ts';
import type { Occupation, OccupationRating, OccupationScheme, OccupationSkill, Sector, Skill, SkillGroup, Taxonomy } from './model.ts';

export interface TaxonomyParts {
  versionId: number;
  occupations: Occupation[];
  skills: Skill[];
  relations: OccupationSkill[];
  groups: SkillGroup[];
  sectors: Sector[];
  /** O*NET's full rating vectors, when imported. */
  ratings?: OccupationRating[];
  /** SOC coding-index titles per (SOC, ISCO-08) pair, for the crosswalk (none: no SOC ↔ ISCO links). */
  socIsco?: readonly SocIscoCount[];
  /** ISCO-08 group labels (from the ESCO import), for the crosswalk's explanations. */
  iscoLabels?: ReadonlyMap<string, string>;
}

/**
 * Builds the in-memory Taxonomy from plain arrays (what loadTaxonomy reads
 * from the database, or what a test writes by hand), with the indexes the
 * hot paths need.
 */
export function createTaxonomy(parts: TaxonomyParts): Taxonomy {
  const occupations = new Map(parts.occupations.map((o) => [o.id, o]));
  const skills = new Map(parts.skills.map((s) => [s.id, s]));
  const groups = new Map(parts.groups.map((g) => [g.id, g]));
  const sectors = new Map(parts.sectors.map((s) => [s.code, s]));
  const byOccupation = new Map<string, OccupationSkill[]>();
  const bySkill = new Map<string, string[]>();
  for (const r of parts.relations) {
    if (!occupations.has(r.occupationId) || !skills.has(r.skillId)) continue;
    let list = byOccupation.get(r.occupationId);
    if (!list) byOccupation.set(r.occupationId, (list = []));
    list.push(r);
    let occs = bySkill.get(r.skillId);
    if (!occs) bySkill.set(r.skillId, (occs = []));
    occs.push(r.occupationId);
  }
  // Specificity as inverse document frequency over occupations: a skill every
  // occupation lists ("communication") says little about fit; a skill few
  // list ("HGV class C driving") says a lot. Smoothed so unlisted skills get
  // the highest weight, not infinity.
  const n = Math.max(occupations.size, 1);
  const weights = new Map<string, number>();
  for (const id of skills.keys()) {
    const df = bySkill.get(id)?.length ?? 0;
    weights.set(id, Math.log((n + 1) / (df + 1)) + 1);
  }
  const ratings = new Map<string, OccupationRating[]>();
  for (const r of parts.ratings ?? []) {
    if (!occupations.has(r.occupationId)) continue;
    let list = ratings.get(r.occupationId);
    if (!list) ratings.set(r.occupationId, (list = []));
    list.push(r);
  }
  const byCode = new Map<string, Occupation>();
  for (const o of occupations.values()) byCode.set(`${o.scheme}:${o.code}`, o);
  const empty: readonly never[] = [];
  // Built on first use: most callers (the enricher, importers' checks) never ask.
  let crosswalk: Crosswalk | null = null;
  return {
    versionId: parts.versionId,
    occupations,
    skills,
    groups,
    sectors,
    skillsOf: (id) => byOccupation.get(id) ?? empty,
    occupationsWithSkill: (id) => bySkill.get(id) ?? empty,
    ratingsOf: (id) => ratings.get(id) ?? empty,
    skillWeight: (id) => weights.get(id) ?? Math.log(n + 1) + 1,
    findOccupation(idOrCode: string, scheme?: OccupationScheme) {
      return occupations.get(idOrCode) ?? (scheme ? byCode.get(`${scheme}:${idOrCode}`) : undefined)
        ?? (['soc', 'esco', 'onet'] as const).map((s) => byCode.get(`${s}:${idOrCode}`)).find(Boolean);
    },
    get crosswalk() {
      return (crosswalk ??= buildCrosswalk({ occupations: occupations.values(), socIsco: parts.socIsco ?? [], ...(parts.iscoLabels ? { iscoLabels: parts.iscoLabels } : {}) }));
    },
  };
}
