import type { OccupationScheme, Taxonomy } from '../taxonomy/model.ts';
import type { Vacancy } from '../vacancies/model.ts';

/**
 * What a vacancy needs, as weighted skills. Two sources, each given a fixed
 * share of the total so that neither drowns the other (an ESCO occupation
 * lists ~60 skills, an advert names 5–15):
 *
 *  - the advert's own skills (what this employer asked for): share 0.6,
 *    each weighted by specificity × (1.5 if required, else 1) × (0.5 + 0.5 · confidence);
 *  - the skills of the vacancy's occupation (what the job usually takes):
 *    share 0.4, essential weighted by specificity × 1, optional × 0.3.
 *
 * With only one source present it takes the whole weight. A skill named by
 * both gets both shares (both say it matters). Specificity is
 * taxonomy.skillWeight: rare skills weigh more than ubiquitous ones.
 */
export const ADVERT_SHARE = 0.6;
export const OCCUPATION_SHARE = 0.4;
export const REQUIRED_BOOST = 1.5;
export const OPTIONAL_OCCUPATION_FACTOR = 0.3;

export interface Need {
  skillId: string;
  /** Share of the vacancy's total need (all needs of a vacancy sum to 1). */
  importance: number;
  /** Required by the advert ("essential", "must have"). */
  required: boolean;
  /** The advert text that evidences it, or "required by occupation X". */
  evidence: string;
  fromAdvert: boolean;
}

interface OccupationNeeds {
  ids: string[];
  raw: Float64Array;
  essential: Uint8Array;
  total: number;
  title: string;
}

const occupationNeedCache = new WeakMap<Taxonomy, Map<string, OccupationNeeds | null>>();

/** The vacancy's occupation in the taxonomy, whatever scheme it was coded in. */
export function vacancyOccupationId(taxonomy: Taxonomy, vacancy: Pick<Vacancy, 'occupation'>): string | null {
  const occ = vacancy.occupation;
  if (!occ) return null;
  const scheme = (['soc', 'esco', 'onet'] as const).includes(occ.scheme as OccupationScheme)
    ? (occ.scheme as OccupationScheme)
    : undefined;
  return taxonomy.findOccupation(occ.code, scheme)?.id ?? null;
}

function occupationNeeds(taxonomy: Taxonomy, occupationId: string): OccupationNeeds | null {
  let cache = occupationNeedCache.get(taxonomy);
  if (!cache) occupationNeedCache.set(taxonomy, (cache = new Map()));
  const hit = cache.get(occupationId);
  if (hit !== undefined) return hit;
  const rels = taxonomy.skillsOf(occupationId);
  const o = taxonomy.occupations.get(occupationId);
  let result: OccupationNeeds | null = null;
  if (o && rels.length) {
    const ids: string[] = [];
    const raw = new Float64Array(rels.length);
    const essential = new Uint8Array(rels.length);
    let total = 0;
    rels.forEach((r, i) => {
      ids.push(r.skillId);
      const w = taxonomy.skillWeight(r.skillId) * (r.relation === 'essential' ? 1 : OPTIONAL_OCCUPATION_FACTOR);
      raw[i] = w;
      essential[i] = r.relation === 'essential' ? 1 : 0;
      total += w;
    });
    result = { ids, raw, essential, total, title: o.title };
  }
  cache.set(occupationId, result);
  return result;
}

/** The vacancy's needs, importance summing to 1 (empty when nothing is known). */
export function vacancyNeeds(taxonomy: Taxonomy, vacancy: Pick<Vacancy, 'skills' | 'occupation'>): Map<string, Need> {
  const needs = new Map<string, Need>();
  const advert = vacancy.skills.filter((s) => taxonomy.skills.has(s.id));
  const occId = vacancyOccupationId(taxonomy, vacancy);
  const occ = occId ? occupationNeeds(taxonomy, occId) : null;
  const advertShare = advert.length ? (occ ? ADVERT_SHARE : 1) : 0;
  const occShare = occ ? 1 - advertShare : 0;

  if (advert.length) {
    const raws = advert.map(
      (s) => taxonomy.skillWeight(s.id) * (s.required ? REQUIRED_BOOST : 1) * (0.5 + 0.5 * clamp01(s.confidence)),
    );
    const total = raws.reduce((a, b) => a + b, 0);
    advert.forEach((s, i) => {
      const importance = (advertShare * (raws[i] ?? 0)) / total;
      const cur = needs.get(s.id);
      if (cur) {
        cur.importance += importance;
        cur.required ||= s.required;
      } else {
        needs.set(s.id, { skillId: s.id, importance, required: s.required, evidence: s.evidence, fromAdvert: true });
      }
    });
  }
  if (occ && occ.total > 0) {
    for (let i = 0; i < occ.ids.length; i++) {
      const id = occ.ids[i] as string;
      const importance = (occShare * (occ.raw[i] ?? 0)) / occ.total;
      const cur = needs.get(id);
      if (cur) cur.importance += importance;
      else {
        const kind = occ.essential[i] ? 'required' : 'often asked';
        needs.set(id, { skillId: id, importance, required: false, evidence: `${kind} by occupation ${occ.title}`, fromAdvert: false });
      }
    }
  }
  return needs;
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1;
}
