import { impliedLicenceSkills, type SkillProfile } from '../participants/skill-profile.ts';
import type { Occupation, OccupationScheme, Taxonomy } from '../taxonomy/model.ts';
import { onetIndex, onetSimilarities, similarityAt as onetSimilarityAt, sourceVector, type OnetIndex, type OnetSimilarity, type OnetSourceVector } from './onet-similarity.ts';
import { FULL_CREDIT_AT } from './score.ts';
import { GUARD_THRESHOLDS, guardTransition, type TransitionGuards } from './transition-guards.ts';

/**
 * Occupation transitions: how far is it from what someone can do (an
 * occupation A, or a participant's whole skill profile) to occupation B?
 *
 * Similarity A→B is the share of B's needs that A's skills already cover, so
 * it is asymmetric: a senior care worker covers most of what a care
 * assistant needs, not the other way round. Four components, each a
 * specificity-weighted coverage of B's needs (taxonomy.skillWeight, so
 * covering "operate a forklift" counts for more than "communication"):
 *
 *   essential  B's essential skills (not knowledge)         weight 0.50
 *   optional   B's optional skills (not knowledge)          weight 0.15
 *   knowledge  B's knowledge-type skills (optional at half) weight 0.15
 *   group      all of B's needs, credited when A has any skill of the same
 *              skill group: the nearness exact overlap misses, standing
 *              in for the embedding similarity of the research below  0.20
 *
 * A component B has nothing for is left out, one resting on few skills is
 * down-weighted (k / (k + 2) for k skills), and the weights renormalised.
 * Each of B's needs counts with B's relation weight n (1 essential, 0.5
 * optional in ESCO and the bundled taxonomy; graded by importance in
 * O*NET) and is covered up to min(h, n), where h is what A has: A's own
 * relation weight for an occupation, or for a participant their profile
 * strength (skill-profile.ts) scaled as in the match score.
 *
 * The guards (viable: enough overlap, at most one skill level up, pay not
 * far above theirs; desirable: also no pay cut) are transition-guards.ts,
 * with their thresholds in one place. The similarity threshold is our own
 * calibration for this measure (checked on ESCO 1.1.1 with
 * scripts/eval/transitions.ts): Nesta's 0.3 was on a different scale.
 *
 * O*NET destinations, when the taxonomy holds O*NET's full ratings, are
 * scored instead by onet-similarity.ts (importance × level over Skills,
 * Knowledge and work activities), and their viability threshold is that
 * measure's calibrated one (a percentile of its own pairwise distribution)
 * unless the caller sets minSimilarity. Each transition's
 * guards.similarity.min says which threshold was applied.
 */
export const COMPONENT_WEIGHTS = { essential: 0.5, optional: 0.15, knowledge: 0.15, group: 0.2 } as const;
/** Shrinkage of a component's weight toward zero when it rests on few skills (see transitionIndex). */
export const COMPONENT_PRIOR = 2;
/**
 * Destinations described by fewer needs than this are left out: with one or
 * two needs, anyone "covers" them (O*NET lists a few new occupations with
 * hardly any ratings; they otherwise top every list).
 */
export const MIN_DESTINATION_NEEDS = 3;

export interface TransitionOptions {
  /** How many destinations to return (default 20). */
  limit?: number;
  /** Viability: minimum similarity (default 0.25). */
  minSimilarity?: number;
  /** Viability: at most this many skill levels up (default 1). */
  maxLevelUp?: number;
  /** Desirability: destination pay / origin pay at least (default 0.9). */
  minPayRatio?: number;
  /** Viability: destination pay / origin pay at most (default 1.75). */
  maxPayRatio?: number;
  /** Which destinations to return: viable ones (default), desirable ones only, or all ranked. */
  filter?: 'viable' | 'desirable' | 'all';
  /** Destination schemes (default: the origin's schemes). */
  schemes?: OccupationScheme[];
  /** Occupation ids never returned (the origin is always excluded). */
  exclude?: string[];
  /** Missing essential skills listed per destination (default 10). */
  maxGaps?: number;
}

export const DEFAULT_TRANSITION_OPTIONS = {
  limit: 20,
  ...GUARD_THRESHOLDS,
  filter: 'viable',
  maxGaps: 10,
} as const;

export interface TransitionGap {
  skillId: string;
  label: string;
  type: string;
  specificity: number;
}

export interface Transition {
  occupation: Pick<Occupation, 'id' | 'scheme' | 'code' | 'title' | 'skillLevel' | 'typicalPayAnnual' | 'sector'>;
  similarity: number;
  components: { essential: number | null; optional: number | null; knowledge: number | null; group: number | null };
  /** Missing essential skills, most specific first (at most maxGaps). */
  gaps: TransitionGap[];
  missingEssential: number;
  guards: TransitionGuards;
  viable: boolean;
  desirable: boolean;
  /** O*NET destinations scored on O*NET's ratings: the per-domain similarities (onet-similarity.ts). */
  domains?: { skills: number | null; knowledge: number | null; activities: number | null };
}

/** What a transition starts from. */
export interface TransitionSource {
  /** Skill id → strength in (0, 1]. */
  skills: ReadonlyMap<string, number>;
  /** Skill group → strength. */
  groups: ReadonlyMap<string, number>;
  skillLevel: number | null;
  /** Full-time annual pay a pay cut is judged against (transition-guards.ts). */
  payAnnual: number | null;
  /** The pay level they are at, for "far above"; null = payAnnual. */
  currentPayAnnual?: number | null;
  schemes: OccupationScheme[];
  exclude: string[];
  /** Occupations held (the origin, or a participant's history): their O*NET ratings stand for the source's. */
  occupationIds?: readonly string[];
  /** Skills the coach removed from the profile: not held, whatever the history says. */
  removed?: ReadonlySet<string>;
}

// Posting kinds in the inverted index.
const ESS = 0;
const OPT = 1;
const KN = 2;

interface TransitionIndex {
  versionId: number;
  occs: Occupation[];
  totals: { ess: Float64Array; opt: Float64Array; kn: Float64Array; grp: Float64Array };
  /** Component weights per occupation, shrunk by how many skills each component has. */
  weights: { ess: Float64Array; opt: Float64Array; kn: Float64Array; grp: Float64Array };
  /** skill id → [start, end) into the posting arrays. */
  skillPostings: Map<string, [number, number]>;
  postOcc: Int32Array;
  postKind: Uint8Array;
  /** Specificity of the posting's skill. */
  postSpec: Float64Array;
  /** How much the occupation needs it (relation weight, 0–1). */
  postNeed: Float64Array;
  groupPostings: Map<string, { occ: Int32Array; mass: Float64Array }>;
  /** Needs per occupation (after the dense-skill baseline). */
  needCount: Float64Array;
  /** Per dense skill (needed by most occupations): the average need, subtracted from both sides. */
  baseline: Map<string, number>;
  scratch: { ess: Float64Array; opt: Float64Array; kn: Float64Array; grp: Float64Array };
}

const indexes = new WeakMap<Taxonomy, TransitionIndex>();

/**
 * The inverted index skill → occupations needing it (and group →
 * occupations), built once per taxonomy snapshot (a new import is a new
 * snapshot, so the cache is per version): one transition query then only
 * touches the occupations that share something with the origin.
 */
export function transitionIndex(taxonomy: Taxonomy): TransitionIndex {
  const cached = indexes.get(taxonomy);
  if (cached && cached.versionId === taxonomy.versionId) return cached;
  const occs = [...taxonomy.occupations.values()];
  const n = occs.length;
  const totals = { ess: new Float64Array(n), opt: new Float64Array(n), kn: new Float64Array(n), grp: new Float64Array(n) };
  const counts = { ess: new Float64Array(n), opt: new Float64Array(n), kn: new Float64Array(n), grp: new Float64Array(n) };
  const bySkill = new Map<string, { occ: number; kind: number; spec: number; need: number }[]>();
  const byGroup = new Map<string, Map<number, number>>();
  const baseline = denseBaselines(taxonomy, occs);
  occs.forEach((o, j) => {
    for (const r of taxonomy.skillsOf(o.id)) {
      const skill = taxonomy.skills.get(r.skillId);
      if (!skill) continue;
      const spec = taxonomy.skillWeight(r.skillId);
      const essential = r.relation === 'essential';
      const need = needOf(r.relation, r.weight) - (baseline.get(r.skillId) ?? 0);
      // At or below what the average occupation needs: nothing that sets this one apart.
      if (need <= 1e-9) continue;
      const mass = spec * need;
      let kind: number;
      if (skill.type === 'knowledge') {
        kind = KN;
        totals.kn[j] = (totals.kn[j] ?? 0) + mass;
        counts.kn[j] = (counts.kn[j] ?? 0) + 1;
      } else if (essential) {
        kind = ESS;
        totals.ess[j] = (totals.ess[j] ?? 0) + mass;
        counts.ess[j] = (counts.ess[j] ?? 0) + 1;
      } else {
        kind = OPT;
        totals.opt[j] = (totals.opt[j] ?? 0) + mass;
        counts.opt[j] = (counts.opt[j] ?? 0) + 1;
      }
      counts.grp[j] = (counts.grp[j] ?? 0) + 1;
      let list = bySkill.get(r.skillId);
      if (!list) bySkill.set(r.skillId, (list = []));
      list.push({ occ: j, kind, spec, need });
      const gm = mass;
      totals.grp[j] = (totals.grp[j] ?? 0) + gm;
      if (skill.groupId) {
        let g = byGroup.get(skill.groupId);
        if (!g) byGroup.set(skill.groupId, (g = new Map()));
        g.set(j, (g.get(j) ?? 0) + gm);
      }
    }
  });
  let size = 0;
  for (const l of bySkill.values()) size += l.length;
  const postOcc = new Int32Array(size);
  const postKind = new Uint8Array(size);
  const postSpec = new Float64Array(size);
  const postNeed = new Float64Array(size);
  const skillPostings = new Map<string, [number, number]>();
  let at = 0;
  for (const [id, list] of bySkill) {
    const start = at;
    for (const p of list) {
      postOcc[at] = p.occ;
      postKind[at] = p.kind;
      postSpec[at] = p.spec;
      postNeed[at] = p.need;
      at++;
    }
    skillPostings.set(id, [start, at]);
  }
  const groupPostings = new Map<string, { occ: Int32Array; mass: Float64Array }>();
  for (const [g, m] of byGroup) {
    groupPostings.set(g, { occ: Int32Array.from(m.keys()), mass: Float64Array.from(m.values()) });
  }
  // A component resting on one or two skills is noisy (an occupation with a
  // single optional skill covers it fully or not at all), so each component
  // weighs W · k / (k + COMPONENT_PRIOR), k = its number of skills.
  const shrink = (w: number, c: Float64Array) => Float64Array.from(c, (k) => (k > 0 ? (w * k) / (k + COMPONENT_PRIOR) : 0));
  const W = COMPONENT_WEIGHTS;
  const weights = {
    ess: shrink(W.essential, counts.ess),
    opt: shrink(W.optional, counts.opt),
    kn: shrink(W.knowledge, counts.kn),
    grp: shrink(W.group, counts.grp),
  };
  const idx: TransitionIndex = {
    versionId: taxonomy.versionId,
    occs,
    totals,
    weights,
    skillPostings,
    postOcc,
    postKind,
    postSpec,
    postNeed,
    groupPostings,
    needCount: counts.grp,
    baseline,
    scratch: { ess: new Float64Array(n), opt: new Float64Array(n), kn: new Float64Array(n), grp: new Float64Array(n) },
  };
  indexes.set(taxonomy, idx);
  return idx;
}

/** The source for "from occupation A": its essential skills at strength 1, optional at 0.5. */
export function occupationSource(taxonomy: Taxonomy, occupation: Occupation): TransitionSource {
  const skills = new Map<string, number>();
  for (const r of taxonomy.skillsOf(occupation.id)) {
    const h = needOf(r.relation, r.weight);
    if ((skills.get(r.skillId) ?? 0) < h) skills.set(r.skillId, h);
  }
  // An occupation needing a C+E licence has people holding B as well.
  for (const [id, h] of [...skills]) {
    for (const implied of impliedLicenceSkills(taxonomy, id)) {
      if ((skills.get(implied) ?? 0) < h) skills.set(implied, h);
    }
  }
  return {
    skills,
    groups: groupsOf(taxonomy, skills),
    skillLevel: occupation.skillLevel,
    payAnnual: occupation.typicalPayAnnual,
    schemes: [occupation.scheme],
    exclude: [occupation.id],
    occupationIds: [occupation.id],
  };
}

/** A full-time week, for turning a part-time floor into the full-time pay occupations are quoted in. */
export const FULL_TIME_HOURS = 37.5;

/** What a participant's pay is compared with: the least they would take, and the hours it is for. */
export interface PayBasis {
  salaryFloor: number | null;
  hoursPerWeek?: number | null;
}

/**
 * Their salary floor as full-time annual pay: occupations' typical pay is
 * full-time, so £11,000 for 20 hours a week compares as £20,625.
 */
export function fullTimeFloor(pay: PayBasis): number | null {
  if (pay.salaryFloor == null) return null;
  const h = pay.hoursPerWeek;
  return h != null && h > 0 && h < FULL_TIME_HOURS ? (pay.salaryFloor * FULL_TIME_HOURS) / h : pay.salaryFloor;
}

/**
 * The source for a participant: their whole skill profile (history,
 * licences, the coach's additions and removals). Level: the highest reached
 * in their history; pay: their salary floor as full-time pay, else their
 * most recent job's typical pay; current pay level: their most recent job's
 * typical pay, else the floor.
 */
export function profileSource(taxonomy: Taxonomy, profile: SkillProfile, pay: PayBasis): TransitionSource {
  const skills = new Map<string, number>();
  for (const s of profile.skills.values()) skills.set(s.id, Math.min(1, s.strength / FULL_CREDIT_AT));
  const occs = profile.occupations.map((h) => taxonomy.occupations.get(h.occupationId)).filter((o): o is Occupation => !!o);
  const levels = occs.map((o) => o.skillLevel).filter((l): l is number => l != null);
  const schemes = [...new Set(occs.map((o) => o.scheme))];
  const lastPay = occs.find((o) => o.typicalPayAnnual != null)?.typicalPayAnnual ?? null;
  return {
    skills,
    groups: groupsOf(taxonomy, skills),
    skillLevel: levels.length ? Math.max(...levels) : null,
    payAnnual: fullTimeFloor(pay) ?? lastPay,
    currentPayAnnual: lastPay ?? fullTimeFloor(pay),
    schemes: schemes.length ? schemes : ['soc', 'esco', 'onet'],
    exclude: occs.map((o) => o.id),
    occupationIds: occs.map((o) => o.id),
    removed: profile.removed,
  };
}

/** A skill linked to more than this share of occupations is "dense" (every O*NET occupation rates every skill). */
export const DENSE_SHARE = 0.5;

/**
 * For dense skills, the average need over all occupations. O*NET rates all
 * 35 skills and 33 knowledge areas for every occupation, so raw coverage
 * is high everywhere and says little; what sets an occupation apart is
 * needing a skill *more than the average occupation does*. Subtracting the
 * average from both need and have measures that. ESCO and the bundled
 * taxonomy link each skill to a minority of occupations and are unchanged.
 */
function denseBaselines(taxonomy: Taxonomy, occs: Occupation[]): Map<string, number> {
  const sum = new Map<string, number>();
  const df = new Map<string, number>();
  for (const o of occs) {
    for (const r of taxonomy.skillsOf(o.id)) {
      sum.set(r.skillId, (sum.get(r.skillId) ?? 0) + needOf(r.relation, r.weight));
      df.set(r.skillId, (df.get(r.skillId) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  const n = Math.max(1, occs.length);
  for (const [id, d] of df) if (d / n > DENSE_SHARE) out.set(id, (sum.get(id) ?? 0) / n);
  return out;
}

/**
 * How much an occupation needs (or, as an origin, holds) a skill, 0–1: the
 * relation's weight (ESCO and bundled: 1 essential, 0.5 optional; O*NET:
 * graded by importance), falling back to those defaults when absent.
 */
function needOf(relation: 'essential' | 'optional', weight: number): number {
  if (Number.isFinite(weight) && weight > 0) return Math.min(1, weight);
  return relation === 'essential' ? 1 : 0.5;
}

function groupsOf(taxonomy: Taxonomy, skills: ReadonlyMap<string, number>): Map<string, number> {
  const groups = new Map<string, number>();
  for (const [id, h] of skills) {
    const g = taxonomy.skills.get(id)?.groupId;
    if (g && (groups.get(g) ?? 0) < h) groups.set(g, h);
  }
  return groups;
}

/** Destinations from an occupation (by id or code), best first. Undefined when the origin is unknown. */
export function transitionsFromOccupation(
  taxonomy: Taxonomy,
  idOrCode: string,
  opts: TransitionOptions & { scheme?: OccupationScheme } = {},
): { origin: Occupation; transitions: Transition[] } | undefined {
  const origin = taxonomy.findOccupation(idOrCode, opts.scheme);
  if (!origin) return undefined;
  return { origin, transitions: computeTransitions(taxonomy, occupationSource(taxonomy, origin), opts) };
}

/** The core: similarity from `source` to every occupation, guards, and the best `limit` with their gaps. */
export function computeTransitions(taxonomy: Taxonomy, source: TransitionSource, opts: TransitionOptions = {}): Transition[] {
  const o = { ...DEFAULT_TRANSITION_OPTIONS, ...stripUndefined(opts) };
  const idx = transitionIndex(taxonomy);
  accumulate(idx, source);
  const onet = onetScoring(taxonomy, source, opts);
  const n = idx.occs.length;
  const schemes = new Set(opts.schemes ?? source.schemes);
  const exclude = new Set([...source.exclude, ...(opts.exclude ?? [])]);
  const sims = new Float64Array(n);
  const candidates: number[] = [];
  for (let j = 0; j < n; j++) {
    const occ = idx.occs[j] as Occupation;
    if (!schemes.has(occ.scheme) || exclude.has(occ.id)) continue;
    if (onet && occ.scheme === 'onet') {
      const s = onet.score(occ.id);
      // Unrated in O*NET, or nothing O*NET-rated on the source's side: nothing to compare.
      if (!s) continue;
      sims[j] = s.similarity;
      if (o.filter !== 'all' && s.similarity < onet.minSimilarity) continue;
      candidates.push(j);
      continue;
    }
    // Too little known about what it needs to say anyone is close to it.
    if ((idx.needCount[j] as number) < MIN_DESTINATION_NEEDS) continue;
    const sim = similarityAt(idx, j);
    if (sim == null) continue;
    sims[j] = sim;
    if (o.filter !== 'all' && sim < o.minSimilarity) continue;
    candidates.push(j);
  }

  const out: Transition[] = [];
  const ranked = candidates.sort((a, b) => (sims[b] as number) - (sims[a] as number));
  for (const j of ranked) {
    if (out.length >= o.limit) break;
    const t = describe(taxonomy, idx, j, sims[j] as number, source, o, onet);
    if (o.filter === 'viable' && !t.viable) continue;
    if (o.filter === 'desirable' && !t.desirable) continue;
    out.push(t);
  }
  return out;
}

/**
 * Transitions from `source` to the occupations named, whatever their
 * similarity, scheme or guards: a participant's targets (what they want to
 * do) are shown with their gaps even when similarity alone would not reach
 * them. In the order given; ids not in the taxonomy are left out.
 */
export function transitionsTo(taxonomy: Taxonomy, source: TransitionSource, occupationIds: readonly string[], opts: TransitionOptions = {}): Transition[] {
  const o = { ...DEFAULT_TRANSITION_OPTIONS, ...stripUndefined(opts) };
  const idx = transitionIndex(taxonomy);
  accumulate(idx, source);
  const onet = onetScoring(taxonomy, source, opts);
  const out: Transition[] = [];
  for (const id of occupationIds) {
    const j = idx.occs.findIndex((occ) => occ.id === id);
    if (j < 0) continue;
    const occ = idx.occs[j] as Occupation;
    const sim = onet && occ.scheme === 'onet' ? (onet.score(occ.id)?.similarity ?? 0) : (similarityAt(idx, j) ?? 0);
    out.push(describe(taxonomy, idx, j, sim, source, o, onet));
  }
  return out;
}

interface OnetScoring {
  index: OnetIndex;
  vector: OnetSourceVector | null;
  minSimilarity: number;
  score(occupationId: string): OnetSimilarity | null;
}

/**
 * O*NET destinations' scoring for one query, or null when the taxonomy has
 * no O*NET ratings (then O*NET destinations, if any, use the coverage
 * measure like every other scheme).
 */
function onetScoring(taxonomy: Taxonomy, source: TransitionSource, opts: TransitionOptions): OnetScoring | null {
  const index = onetIndex(taxonomy);
  if (!index) return null;
  const vector = sourceVector(index, { occupationIds: source.occupationIds ?? [], skills: source.skills, removed: source.removed });
  const all = vector ? onetSimilarities(index, vector) : null;
  return {
    index,
    vector,
    minSimilarity: opts.minSimilarity ?? index.calibration.viable,
    score(id) {
      const j = index.position.get(id);
      return all && j !== undefined ? onetSimilarityAt(all, j) : null;
    },
  };
}

/** Fills the index's scratch accumulators with how much of each occupation's needs `source` covers. */
function accumulate(idx: TransitionIndex, source: TransitionSource): void {
  const { ess, opt, kn, grp } = idx.scratch;
  ess.fill(0);
  opt.fill(0);
  kn.fill(0);
  grp.fill(0);
  for (const [id, have] of source.skills) {
    const range = idx.skillPostings.get(id);
    if (!range) continue;
    const h = have - (idx.baseline.get(id) ?? 0);
    if (h <= 0) continue;
    for (let p = range[0]; p < range[1]; p++) {
      const j = idx.postOcc[p] as number;
      // Covered up to what B needs: min(have, need), so a graded source
      // (O*NET importance) gives partial credit, and a binary one (ESCO
      // essential 1 / optional 0.5) reduces to exact overlap.
      const need = idx.postNeed[p] as number;
      const m = (idx.postSpec[p] as number) * (h < need ? h : need);
      const k = idx.postKind[p];
      if (k === ESS) ess[j] = (ess[j] as number) + m;
      else if (k === OPT) opt[j] = (opt[j] as number) + m;
      else kn[j] = (kn[j] as number) + m;
    }
  }
  for (const [g, h] of source.groups) {
    const post = idx.groupPostings.get(g);
    if (!post) continue;
    for (let p = 0; p < post.occ.length; p++) {
      const j = post.occ[p] as number;
      grp[j] = (grp[j] as number) + (post.mass[p] as number) * h;
    }
  }
}

/** Similarity to occupation j from the accumulators (null when nothing is known of what it needs). */
function similarityAt(idx: TransitionIndex, j: number): number | null {
  const { ess, opt, kn, grp } = idx.scratch;
  const wt = idx.weights;
  let num = 0;
  let den = 0;
  const te = idx.totals.ess[j] as number;
  const to = idx.totals.opt[j] as number;
  const tk = idx.totals.kn[j] as number;
  const tg = idx.totals.grp[j] as number;
  if (te > 0) { num += ((wt.ess[j] as number) * (ess[j] as number)) / te; den += wt.ess[j] as number; }
  if (to > 0) { num += ((wt.opt[j] as number) * (opt[j] as number)) / to; den += wt.opt[j] as number; }
  if (tk > 0) { num += ((wt.kn[j] as number) * (kn[j] as number)) / tk; den += wt.kn[j] as number; }
  if (tg > 0) { num += ((wt.grp[j] as number) * Math.min(grp[j] as number, tg)) / tg; den += wt.grp[j] as number; }
  return den === 0 ? null : Math.min(1, num / den);
}

function describe(
  taxonomy: Taxonomy,
  idx: TransitionIndex,
  j: number,
  sim: number,
  source: TransitionSource,
  o: Required<Omit<TransitionOptions, 'schemes' | 'exclude'>>,
  onet: OnetScoring | null = null,
): Transition {
  const occ = idx.occs[j] as Occupation;
  const onetScore = onet && occ.scheme === 'onet' ? onet.score(occ.id) : null;
  const comp = (acc: Float64Array, tot: Float64Array) => ((tot[j] as number) > 0 ? round(Math.min(1, (acc[j] as number) / (tot[j] as number))) : null);
  const { guards, viable, desirable } = guardTransition(
    {
      similarity: sim, fromLevel: source.skillLevel, toLevel: occ.skillLevel,
      fromPay: source.payAnnual, fromCurrentPay: source.currentPayAnnual ?? null, toPay: occ.typicalPayAnnual,
    },
    onet && occ.scheme === 'onet' ? { ...o, minSimilarity: onet.minSimilarity } : o,
  );
  const missing: TransitionGap[] = [];
  for (const r of taxonomy.skillsOf(occ.id)) {
    if (r.relation !== 'essential') continue;
    // A gap is a skill the origin does not hold. A skill in a participant's
    // profile is held, however weakly: the match cards show it as held (✓),
    // so pivots must not list it to learn (one profile, one story). Only a
    // dense, graded skill (O*NET rates every skill for every occupation) is a
    // gap when held at less than half of what B needs above the baseline.
    const base = idx.baseline.get(r.skillId);
    const held = source.skills.get(r.skillId) ?? 0;
    if (base === undefined) {
      if (held > 0) continue;
    } else {
      const need = needOf(r.relation, r.weight) - base;
      if (need <= 1e-9 || held - base >= 0.5 * need) continue;
    }
    const s = taxonomy.skills.get(r.skillId);
    if (!s) continue;
    missing.push({ skillId: s.id, label: s.label, type: s.type, specificity: round(taxonomy.skillWeight(s.id)) });
  }
  missing.sort((a, b) => b.specificity - a.specificity);
  return {
    occupation: {
      id: occ.id, scheme: occ.scheme, code: occ.code, title: occ.title, skillLevel: occ.skillLevel,
      typicalPayAnnual: occ.typicalPayAnnual, sector: occ.sector,
    },
    similarity: round(sim),
    components: {
      essential: comp(idx.scratch.ess, idx.totals.ess),
      optional: comp(idx.scratch.opt, idx.totals.opt),
      knowledge: comp(idx.scratch.kn, idx.totals.kn),
      group: comp(idx.scratch.grp, idx.totals.grp),
    },
    gaps: missing.slice(0, o.maxGaps),
    missingEssential: missing.length,
    guards,
    viable,
    desirable,
    ...(onetScore ? { domains: { skills: roundOrNull(onetScore.domains.skills), knowledge: roundOrNull(onetScore.domains.knowledge), activities: roundOrNull(onetScore.domains.activities) } } : {}),
  };
}

function roundOrNull(x: number | null): number | null {
  return x == null ? null : round(x);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Where the pay a transition is compared with comes from, in words. */
export function payBasisWords(pay: PayBasis, annual: number | null): string | null {
  if (pay.salaryFloor != null) {
    return fullTimeFloor(pay) !== pay.salaryFloor ? `salary floor as full-time pay (${pay.hoursPerWeek} h/week wanted)` : 'salary floor';
  }
  return annual != null ? 'typical pay of most recent occupation' : null;
}
