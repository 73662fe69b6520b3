import type { Occupation, OccupationRating, Taxonomy } from '../taxonomy/model.ts';

/**
 * Occupation similarity over O*NET's own ratings (issue 14 item 6), used by
 * transitions.ts for O*NET destinations instead of the coverage measure
 * calibrated on ESCO (which, on O*NET's dense graded ratings, put home
 * health aides next to skincare specialists).
 *
 * Three domains, each a rating vector per occupation:
 *
 *   skills      35 Skills elements       rating = importance × level (below)
 *   knowledge   33 Knowledge elements    rating = importance × level
 *   activities  detailed work activities (DWAs) from the task statements,
 *               rolled up to their intermediate activities (IWAs): O*NET's
 *               work-activity taxonomy, standing in for the Work Activities
 *               ratings file, which this release copy lacks
 *
 * Importance and level together, as O*NET advises reading them (an element
 * can be important at a basic level): rating = ((IM − 1) / 4) · (LV / 7),
 * both scales taken to 0–1 and multiplied, so an element counts only when
 * it is both important and needed at some level.
 *
 * Similarity from A to B, per domain:
 *
 *   skills, knowledge:  shape(A, B) × reach(A → B)
 *     shape  cosine of the two rating vectors after subtracting each
 *            element's mean over all occupations (every occupation rates
 *            every element, so raw vectors all look alike; what sets an
 *            occupation apart is what it needs more, or less, than most),
 *            clipped at 0
 *     reach  share of B's importance-weighted level that A already reaches:
 *            1 − Σ imp_B · max(0, LV_B − LV_A) / Σ imp_B · LV_B. Asymmetric:
 *            a nursing assistant reaches most of what a home health aide
 *            needs, not everything a registered nurse does
 *   activities: cosine of tf-idf vectors over DWAs and, at half weight, over
 *            IWAs (near activities count, exact ones count more); tf = task
 *            weight (core 1, supplemental 0.5), idf = ln(N / df)
 *
 * combined with ONET_DOMAIN_WEIGHTS over the domains both sides have.
 *
 * Thresholds are not fixed numbers: they are percentiles of this measure's
 * own distribution over every ordered pair of rated O*NET occupations
 * (ONET_CALIBRATION), computed once per taxonomy snapshot, so a new release
 * recalibrates itself. `scripts/eval/transitions.ts --scheme onet` prints the
 * distribution.
 */
export const ONET_DOMAIN_WEIGHTS = { activities: 0.5, skills: 0.3, knowledge: 0.2 } as const;
/** Weight of the IWA-level part of the activity vector, against 1 for the DWA level. */
export const ONET_IWA_WEIGHT = 0.5;

/**
 * Where the thresholds sit on the distribution of pairwise similarity:
 * `viable` is the similarity a move needs (the guard's minSimilarity for
 * O*NET destinations), the given quantile of all ordered pairs.
 */
export const ONET_CALIBRATION = { viableQuantile: 0.95 } as const;

/** Quantiles reported for the calibration distribution. */
export const ONET_REPORTED_QUANTILES = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99] as const;

type Domain = 'skills' | 'knowledge';

interface DenseVectors {
  /** Element ids, in vector order. */
  elements: string[];
  /** Per occupation (index into occs): rating, centred rating, importance (0–1), level (0–7); null when unrated. */
  rating: (Float64Array | null)[];
  centred: (Float64Array | null)[];
  importance: (Float64Array | null)[];
  level: (Float64Array | null)[];
  mean: Float64Array;
  norm: Float64Array;
  /** Per element: a typical working level (median level where importance ≥ 3.5), for a participant's skill. */
  typicalLevel: Float64Array;
}

interface SparseVector {
  keys: string[];
  values: Float64Array;
}

export interface OnetCalibration {
  /** Similarity a move needs to be viable. */
  viable: number;
  /** Number of ordered pairs the distribution is over. */
  pairs: number;
  quantiles: { q: number; value: number }[];
}

export interface OnetIndex {
  versionId: number;
  occs: Occupation[];
  /** Occupation id → index into occs (rated O*NET occupations only). */
  position: Map<string, number>;
  skills: DenseVectors;
  knowledge: DenseVectors;
  /** Normalised activity vectors (DWA and IWA parts together), null when the occupation has no DWAs. */
  activities: (SparseVector | null)[];
  /** Activity key → the occupations having it and their weights: one source's dot products in one pass. */
  activityPostings: Map<string, { occ: Int32Array; value: Float64Array }>;
  idf: Map<string, number>;
  calibration: OnetCalibration;
}

/** The rating vector a transition starts from: an occupation's, or one built for a participant. */
export interface OnetSourceVector {
  skills: { importance: Float64Array; level: Float64Array; centred: Float64Array; norm: number } | null;
  knowledge: { importance: Float64Array; level: Float64Array; centred: Float64Array; norm: number } | null;
  activities: Map<string, number> | null;
}

export interface OnetSimilarity {
  similarity: number;
  domains: { skills: number | null; knowledge: number | null; activities: number | null };
}

/** Similarity from one source to every rated occupation (index as in OnetIndex.occs); NaN where a domain is missing. */
export interface OnetSimilarities {
  similarity: Float64Array;
  skills: Float64Array;
  knowledge: Float64Array;
  activities: Float64Array;
}

const indexes = new WeakMap<Taxonomy, OnetIndex>();

/** The O*NET index of a taxonomy snapshot, or null when it holds no O*NET ratings. */
export function onetIndex(taxonomy: Taxonomy): OnetIndex | null {
  const cached = indexes.get(taxonomy);
  if (cached && cached.versionId === taxonomy.versionId) return cached;
  if (!taxonomy.ratingsOf) return null;
  const occs: Occupation[] = [];
  const ratings: (readonly OccupationRating[])[] = [];
  for (const o of taxonomy.occupations.values()) {
    if (o.scheme !== 'onet') continue;
    const r = taxonomy.ratingsOf(o.id);
    if (!r.length) continue;
    occs.push(o);
    ratings.push(r);
  }
  if (!occs.length) return null;
  const position = new Map(occs.map((o, j) => [o.id, j]));
  const skills = denseVectors(ratings, 'skills');
  const knowledge = denseVectors(ratings, 'knowledge');
  const { activities, idf } = activityVectors(ratings);
  const partial = { versionId: taxonomy.versionId, occs, position, skills, knowledge, activities, activityPostings: postingsOf(activities), idf };
  const idx: OnetIndex = { ...partial, calibration: calibrate(partial) };
  indexes.set(taxonomy, idx);
  return idx;
}

function denseVectors(ratings: (readonly OccupationRating[])[], domain: Domain): DenseVectors {
  const ids = new Set<string>();
  for (const rs of ratings) for (const r of rs) if (r.domain === domain) ids.add(r.elementId);
  const elements = [...ids].sort();
  const at = new Map(elements.map((e, k) => [e, k]));
  const m = elements.length;
  const rating: (Float64Array | null)[] = [];
  const importance: (Float64Array | null)[] = [];
  const level: (Float64Array | null)[] = [];
  const sum = new Float64Array(m);
  let rated = 0;
  const levelsWhereImportant: number[][] = elements.map(() => []);
  for (const rs of ratings) {
    const own = rs.filter((r) => r.domain === domain);
    if (!own.length) {
      rating.push(null);
      importance.push(null);
      level.push(null);
      continue;
    }
    const rv = new Float64Array(m);
    const iv = new Float64Array(m);
    const lv = new Float64Array(m);
    for (const r of own) {
      const k = at.get(r.elementId) as number;
      const imp = clamp01(((r.importance ?? 1) - 1) / 4);
      const lev = Math.max(0, Math.min(7, r.level ?? 0));
      iv[k] = imp;
      lv[k] = lev;
      rv[k] = imp * (lev / 7);
      if ((r.importance ?? 0) >= 3.5) levelsWhereImportant[k]?.push(lev);
    }
    for (let k = 0; k < m; k++) sum[k] = (sum[k] as number) + (rv[k] as number);
    rated++;
    rating.push(rv);
    importance.push(iv);
    level.push(lv);
  }
  const mean = Float64Array.from(sum, (s) => s / Math.max(1, rated));
  const centred = rating.map((rv) => (rv ? Float64Array.from(rv, (x, k) => x - (mean[k] as number)) : null));
  const norm = Float64Array.from(centred, (c) => (c ? Math.hypot(...c) : 0));
  const typicalLevel = Float64Array.from(levelsWhereImportant, (ls) => median(ls) ?? 3.5);
  return { elements, rating, centred, importance, level, mean, norm, typicalLevel };
}

/** The IWA a DWA id rolls up to: `onet:4.A.1.a.1.I01.D01` → `onet:4.A.1.a.1.I01`. */
export function iwaOf(dwaId: string): string {
  const cut = dwaId.lastIndexOf('.D');
  return cut > 0 ? dwaId.slice(0, cut) : dwaId;
}

function rawActivities(rs: readonly OccupationRating[]): Map<string, number> | null {
  const tf = new Map<string, number>();
  for (const r of rs) {
    if (r.domain !== 'activities') continue;
    const w = r.importance ?? 1;
    tf.set(r.elementId, (tf.get(r.elementId) ?? 0) + w);
    const iwa = `iwa:${iwaOf(r.elementId)}`;
    tf.set(iwa, (tf.get(iwa) ?? 0) + w);
  }
  return tf.size ? tf : null;
}

function activityVectors(ratings: (readonly OccupationRating[])[]): { activities: (SparseVector | null)[]; idf: Map<string, number> } {
  const raws = ratings.map(rawActivities);
  const df = new Map<string, number>();
  for (const tf of raws) if (tf) for (const k of tf.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = raws.filter(Boolean).length;
  const idf = new Map<string, number>();
  for (const [k, d] of df) idf.set(k, Math.log((n + 1) / d));
  return { activities: raws.map((tf) => (tf ? weighActivities(tf, idf) : null)), idf };
}

/** tf-idf, with the DWA and IWA parts each normalised and the IWA part at ONET_IWA_WEIGHT, then normalised whole. */
function weighActivities(tf: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>): SparseVector | null {
  const keys: string[] = [];
  const values: number[] = [];
  let dwaNorm = 0;
  let iwaNorm = 0;
  for (const [k, t] of tf) {
    const v = t * (idf.get(k) ?? 0);
    if (v <= 0) continue;
    keys.push(k);
    values.push(v);
    if (k.startsWith('iwa:')) iwaNorm += v * v;
    else dwaNorm += v * v;
  }
  if (!keys.length) return null;
  dwaNorm = Math.sqrt(dwaNorm) || 1;
  iwaNorm = Math.sqrt(iwaNorm) || 1;
  const scaled = values.map((v, i) => (keys[i]?.startsWith('iwa:') ? (ONET_IWA_WEIGHT * v) / iwaNorm : v / dwaNorm));
  const total = Math.hypot(...scaled) || 1;
  return { keys, values: Float64Array.from(scaled, (v) => v / total) };
}

function postingsOf(activities: (SparseVector | null)[]): OnetIndex['activityPostings'] {
  const lists = new Map<string, { occ: number[]; value: number[] }>();
  activities.forEach((a, j) => {
    if (!a) return;
    a.keys.forEach((k, i) => {
      let l = lists.get(k);
      if (!l) lists.set(k, (l = { occ: [], value: [] }));
      l.occ.push(j);
      l.value.push(a.values[i] as number);
    });
  });
  const out: OnetIndex['activityPostings'] = new Map();
  for (const [k, l] of lists) out.set(k, { occ: Int32Array.from(l.occ), value: Float64Array.from(l.value) });
  return out;
}

/** An occupation's own vectors as a source. */
export function occupationVector(idx: OnetIndex, j: number): OnetSourceVector {
  const dense = (d: DenseVectors) => {
    const imp = d.importance[j];
    const lev = d.level[j];
    const c = d.centred[j];
    return imp && lev && c ? { importance: imp, level: lev, centred: c, norm: d.norm[j] as number } : null;
  };
  const act = idx.activities[j];
  return {
    skills: dense(idx.skills),
    knowledge: dense(idx.knowledge),
    activities: act ? new Map(act.keys.map((k, i) => [k, act.values[i] as number])) : null,
  };
}

/**
 * The source vector for someone described by O*NET occupations they have
 * held and a set of skills they hold (a participant, or an occupation).
 *
 * A participant is a set of skills with strengths, not a rating vector, so:
 *  - their O*NET history occupations give the ratings (element by element
 *    the highest over those jobs: they did each of them), and the DWAs of
 *    those jobs their activities;
 *  - an O*NET skill or knowledge element they hold that no such job rates
 *    (a coach's addition) counts at importance 1 + 4s and at the element's
 *    typical working level × s, for strength s;
 *  - an element the coach removed from their profile counts as not held;
 *  - with no O*NET history, the activities domain is unknown and left out.
 * Null when nothing in it is O*NET.
 */
export function sourceVector(
  idx: OnetIndex,
  held: { occupationIds: readonly string[]; skills: ReadonlyMap<string, number>; removed?: ReadonlySet<string> },
): OnetSourceVector | null {
  const jobs = held.occupationIds.map((id) => idx.position.get(id)).filter((j): j is number => j !== undefined);
  if (jobs.length === 1 && !held.removed?.size && ![...held.skills.keys()].some((id) => isExtraSkill(idx, jobs[0] as number, id))) {
    return occupationVector(idx, jobs[0] as number);
  }
  const dense = (d: DenseVectors) => {
    const m = d.elements.length;
    const imp = new Float64Array(m);
    const lev = new Float64Array(m);
    let any = false;
    for (const j of jobs) {
      const ij = d.importance[j];
      const lj = d.level[j];
      if (!ij || !lj) continue;
      any = true;
      for (let k = 0; k < m; k++) {
        if ((ij[k] as number) > (imp[k] as number)) imp[k] = ij[k] as number;
        if ((lj[k] as number) > (lev[k] as number)) lev[k] = lj[k] as number;
      }
    }
    d.elements.forEach((e, k) => {
      if (held.removed?.has(e)) {
        imp[k] = 0;
        lev[k] = 0;
        return;
      }
      const s = held.skills.get(e);
      if (s === undefined) return;
      any = true;
      if ((imp[k] as number) < s) imp[k] = s;
      const l = (d.typicalLevel[k] as number) * s;
      if ((lev[k] as number) < l) lev[k] = l;
    });
    if (!any) return null;
    const centred = Float64Array.from(imp, (x, k) => x * ((lev[k] as number) / 7) - (d.mean[k] as number));
    return { importance: imp, level: lev, centred, norm: Math.hypot(...centred) };
  };
  let activities: Map<string, number> | null = null;
  for (const j of jobs) {
    const a = idx.activities[j];
    if (!a) continue;
    activities ??= new Map();
    a.keys.forEach((k, i) => activities!.set(k, Math.max(activities!.get(k) ?? 0, a.values[i] as number)));
  }
  if (activities) {
    const n = Math.hypot(...activities.values()) || 1;
    for (const [k, v] of activities) activities.set(k, v / n);
  }
  const skills = dense(idx.skills);
  const knowledge = dense(idx.knowledge);
  if (!skills && !knowledge && !activities) return null;
  return { skills, knowledge, activities };
}

function isExtraSkill(idx: OnetIndex, j: number, skillId: string): boolean {
  for (const d of [idx.skills, idx.knowledge]) {
    const k = d.elements.indexOf(skillId);
    if (k >= 0) return ((d.importance[j]?.[k] as number | undefined) ?? 0) === 0;
  }
  return false;
}

/** Similarity from `source` to every rated O*NET occupation, per domain and combined. */
export function onetSimilarities(idx: OnetIndex, source: OnetSourceVector): OnetSimilarities {
  const n = idx.occs.length;
  const skills = new Float64Array(n).fill(NaN);
  const knowledge = new Float64Array(n).fill(NaN);
  const activities = new Float64Array(n).fill(NaN);
  const similarity = new Float64Array(n).fill(NaN);
  if (source.activities) {
    for (let j = 0; j < n; j++) if (idx.activities[j]) activities[j] = 0;
    for (const [k, v] of source.activities) {
      const post = idx.activityPostings.get(k);
      if (!post) continue;
      for (let p = 0; p < post.occ.length; p++) {
        const j = post.occ[p] as number;
        activities[j] = (activities[j] as number) + v * (post.value[p] as number);
      }
    }
  }
  const W = ONET_DOMAIN_WEIGHTS;
  for (let j = 0; j < n; j++) {
    const s = denseSimilarity(idx.skills, source.skills, j);
    const kn = denseSimilarity(idx.knowledge, source.knowledge, j);
    const a = activities[j] as number;
    let num = 0;
    let den = 0;
    if (s != null) { skills[j] = s; num += W.skills * s; den += W.skills; }
    if (kn != null) { knowledge[j] = kn; num += W.knowledge * kn; den += W.knowledge; }
    if (!Number.isNaN(a)) {
      const c = a < 0 ? 0 : a > 1 ? 1 : a;
      activities[j] = c;
      num += W.activities * c;
      den += W.activities;
    }
    if (den > 0) similarity[j] = num / den;
  }
  return { similarity, skills, knowledge, activities };
}

/** Entry j of onetSimilarities' arrays, null where there is nothing to compare. */
export function similarityAt(all: OnetSimilarities, j: number): OnetSimilarity | null {
  const s = all.similarity[j] as number;
  if (Number.isNaN(s)) return null;
  const v = (x: number) => (Number.isNaN(x) ? null : x);
  return { similarity: s, domains: { skills: v(all.skills[j] as number), knowledge: v(all.knowledge[j] as number), activities: v(all.activities[j] as number) } };
}

function denseSimilarity(d: DenseVectors, src: OnetSourceVector['skills'], j: number): number | null {
  const c = d.centred[j];
  const imp = d.importance[j];
  const lev = d.level[j];
  if (!src || !c || !imp || !lev) return null;
  const m = c.length;
  let dot = 0;
  let needed = 0;
  let short = 0;
  for (let k = 0; k < m; k++) {
    dot += (c[k] as number) * (src.centred[k] as number);
    const w = imp[k] as number;
    const need = lev[k] as number;
    needed += w * need;
    const gap = need - (src.level[k] as number);
    if (gap > 0) short += w * gap;
  }
  const denom = (d.norm[j] as number) * src.norm;
  const shape = denom > 0 ? Math.max(0, dot / denom) : 0;
  const reach = needed > 0 ? 1 - short / needed : 1;
  return shape * reach;
}

/** The distribution of similarity over every ordered pair of distinct rated occupations, and the thresholds set on it. */
function calibrate(idx: Omit<OnetIndex, 'calibration'>): OnetCalibration {
  const n = idx.occs.length;
  const sims: number[] = [];
  for (let a = 0; a < n; a++) {
    const all = onetSimilarities(idx as OnetIndex, occupationVector(idx as OnetIndex, a));
    for (let b = 0; b < n; b++) {
      const s = all.similarity[b] as number;
      if (a !== b && !Number.isNaN(s)) sims.push(s);
    }
  }
  const sorted = Float64Array.from(sims).sort();
  return {
    viable: round(quantile(sorted, ONET_CALIBRATION.viableQuantile)),
    pairs: sorted.length,
    quantiles: ONET_REPORTED_QUANTILES.map((q) => ({ q, value: round(quantile(sorted, q)) })),
  };
}

/** The q-quantile of sorted values (nearest rank); 0 for none. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return quantile(s, 0.5);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
