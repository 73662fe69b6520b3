import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import { notFound } from '../errors.ts';
import { DEFAULT_TRAVEL_KM } from '../geo/resolve-place.ts';
import { GUARD_THRESHOLDS } from '../matching/transition-guards.ts';
import { computeTransitions, transitionsTo, payBasisWords, profileSource, type Transition } from '../matching/transitions.ts';
import { profileOf, type ParticipantDeps } from '../participants/service.ts';
import type { SkillProfile } from '../participants/skill-profile.ts';
import { findParticipant, type Participant } from '../participants/store.ts';
import type { Occupation, Taxonomy } from '../taxonomy/model.ts';
import { bridgingCoursesFor, type BridgingSuggestion } from './bridging.ts';
import { isoDay, readDemandSeries, readDemandState, type AreaRef } from './demand-history.ts';
import { growthSignals, type GrowthOptions, type GrowthSignal } from './growth.ts';
import { seriesFromFirstData, trendWindow } from './sector-trends.ts';
import { liveVacanciesEverywhere, liveVacanciesNear, regionAt, type LocalDemand } from './local-demand.ts';

/**
 * Pivot suggestions: occupations a participant could move into (never the
 * ones they have done), ranked by
 *
 *   score = transferability × growth × local demand × pay
 *
 *   transferability  transition similarity from their whole skill profile
 *                    (matching/transitions.ts), 0–1
 *   growth           √(sector ratio × occupation ratio), the smoothed
 *                    13-week growth ratios of growth.ts, the sector's in
 *                    their region, the occupation's nationally (official
 *                    series when our history is short), clamped
 *                    to 0.5–2; an unknown ratio counts as 1
 *   local demand     (n + 1) / (n + 1 + 10), n = live vacancies of the
 *                    occupation within their travel range: saturates, so
 *                    200 local vacancies are not 20× better than 10
 *   pay              √(destination typical pay / their floor), clamped to
 *                    0.8–1.5; 1 when either is unknown
 *
 * Only destinations passing every transition guard (transition-guards.ts:
 * similar enough, at most one skill level up, pay neither far above nor
 * below their floor or last job) are suggested, however fast they grow. Those with no live
 * vacancy within their travel range come after those with some. Grouped by
 * sector.
 */
export const PIVOT_WEIGHTS = { demandHalf: 10, growthMin: 0.5, growthMax: 2, payMin: 0.8, payMax: 1.5, candidates: 150 } as const;

export interface PivotOptions {
  limit: number;
  /** Growth window in days (default 91: 13 weeks). */
  windowDays?: number;
  /** Travel range override in km (default their maximum travel). */
  radiusKm?: number;
}

export interface PivotSuggestion {
  occupation: { id: string; code: string; scheme: string; title: string; sector: string | null; skillLevel: number | null; typicalPayAnnual: number | null };
  score: number;
  factors: { transferability: number; growth: number; localDemand: number; pay: number };
  transferability: { similarity: number; components: Transition['components']; guards: Transition['guards'] };
  growth: { sector: GrowthSignal | null; occupation: GrowthSignal | null };
  /** `none`: no live vacancy within their travel range (such destinations are listed after those with some). */
  vacancies: { live: number; none: boolean; radiusKm: number | null; basis: string; link: string };
  pay: { typicalAnnual: number | null; comparedWith: number | null; ratio: number | null };
  gaps: { skillId: string; label: string; type: string; specificity: number }[];
  missingEssential: number;
  courses: BridgingSuggestion[];
}

export interface PivotResult {
  participant: { id: number };
  area: { type: AreaRef['type']; name: string; basis: string };
  travel: { radiusKm: number | null; located: boolean };
  payBasis: { annual: number | null; basis: string | null };
  groups: {
    sector: string | null;
    sectorTitle: string | null;
    growth: GrowthSignal | null;
    /**
     * Live vacancies a day in the sector in `area` over the last year of history, for a chart: from the
     * sector's first day with data (`from`, YYYY-MM-DD) to `to`. Null when the sector has no history there.
     */
    trend: { from: string; to: string; live: number[] } | null;
    best: number;
    items: PivotSuggestion[];
  }[];
  /** Their target occupations (what they want to do), scored the same way, whatever the guards say: never left out of the groups' limit. */
  targets: PivotSuggestion[];
  /** Similar occupations not suggested, and how many fail each guard (one can fail several). */
  excluded: { unreachable: number; byGuard: { overlap: number; levelUp: number; payFarAbove: number; payCut: number }; note: string };
  history: { fromDay: string | null; toDay: string | null };
  note?: string;
}

/** Reads only: the demand history is brought up to date by ingest, scrapes, imports and the server's schedule, never here. */
export interface PivotDeps {
  db: Db;
  taxonomy: () => Taxonomy;
  now: Clock;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const occupationKey = (o: Pick<Occupation, 'scheme' | 'code'>) => `${o.scheme}:${o.code}`;

/** Pivots for participant `participantId` (no organisation check and no audit: for scripts; the API loads and audits at its edge). */
export function suggestPivots(
  deps: PivotDeps & Pick<ParticipantDeps, 'enricher'>,
  participantId: number,
  opts: Partial<PivotOptions> = {},
): PivotResult {
  const org = deps.db.$client.prepare('SELECT org FROM participants WHERE id = ?').pluck().get(participantId) as string | undefined;
  const p = org == null ? null : findParticipant(deps.db, org, participantId);
  if (!p) throw notFound('Participant');
  return pivotsFor(deps, p, profileOf(deps, p), { limit: 20, ...opts });
}

export function pivotsFor(deps: PivotDeps, p: Participant, profile: SkillProfile, q: PivotOptions): PivotResult {
  const taxonomy = deps.taxonomy();
  const now = deps.now();
  const state = readDemandState(deps.db);
  const source = profileSource(taxonomy, profile, p);
  const located = !!(p.location?.resolved && p.location.lat != null && p.location.lon != null);
  const radiusKm = located ? (q.radiusKm ?? p.maxTravelKm ?? DEFAULT_TRAVEL_KM) : null;
  const center = located ? { lat: p.location!.lat!, lon: p.location!.lon! } : null;
  const region = center ? regionAt(deps.db, center) : null;
  const area: AreaRef = region ? { type: 'region', name: region } : { type: 'all', name: '' };
  const base: PivotResult = {
    participant: { id: p.id },
    area: { ...area, basis: region ? 'the region of the live vacancies in their own map cell (about 5 × 3 km), or within 8 km of them' : 'all areas (no location, or no vacancies near it)' },
    travel: { radiusKm, located },
    payBasis: { annual: source.payAnnual, basis: payBasisWords(p, source.payAnnual) },
    groups: [],
    targets: [],
    excluded: { unreachable: 0, byGuard: { overlap: 0, levelUp: 0, payFarAbove: 0, payCut: 0 }, note: '' },
    history: { fromDay: state ? isoOf(state.fromDay) : null, toDay: state ? isoOf(state.toDay) : null },
  };
  if (!profile.skills.size) return { ...base, note: 'No resolved job history or skills yet: add history, licences or skills to see pivots.' };

  // Targets are described apart (and listed first by the page), so they are not suggested twice.
  const all = computeTransitions(taxonomy, source, { filter: 'all', limit: PIVOT_WEIGHTS.candidates, maxGaps: 12, exclude: [...profile.targets] });
  const targets = transitionsTo(taxonomy, source, profile.targets, { maxGaps: 12 });
  const reachable = all.filter((t) => t.desirable);
  const unreachable = all.length - reachable.length;
  const failing = all.filter((t) => !t.desirable).map((t) => t.guards);
  const byGuard = {
    overlap: failing.filter((g) => !g.similarity.pass).length,
    levelUp: failing.filter((g) => g.skillLevel.pass === false).length,
    payFarAbove: failing.filter((g) => g.pay.ratio != null && g.pay.ratio > g.pay.max).length,
    payCut: failing.filter((g) => g.pay.ratio != null && g.pay.ratio < g.pay.min).length,
  };

  // The similarity floor each candidate was held to: calibrated per scheme (O*NET's sits on its own distribution).
  const floors = [...new Set(all.map((t) => t.guards.similarity.min))].sort((a, b) => a - b);
  const overlapFloor = floors.length ? floors.map(pct).join(' or ') : pct(GUARD_THRESHOLDS.minSimilarity);

  const described = [...reachable, ...targets];
  const occKeys = occKeysOf(described);
  const local: LocalDemand =
    center && radiusKm != null ? liveVacanciesNear(deps.db, center, radiusKm, occKeys) : liveVacanciesEverywhere(deps.db, occKeys);
  const growthOpts: GrowthOptions = q.windowDays ? { windowDays: q.windowDays } : {};
  const sectors = [...new Set(described.map((t) => t.occupation.sector).filter((s): s is string => !!s))];
  const sectorGrowth = growthSignals(deps.db, { dim: 'sector', area, keys: sectors, now, options: growthOpts });
  const sectorOfKey = new Map(described.map((t) => [occupationKey(t.occupation), t.occupation.sector]));
  // Occupations are tracked nationally (schema/demand.ts); their local demand is the travel-range count.
  const occGrowth = growthSignals(deps.db, { dim: 'occupation', area: { type: 'all', name: '' }, keys: occKeys, now, sectorOf: (k) => sectorOfKey.get(k) ?? null, options: growthOpts });

  // Score every reachable destination, then describe only the ones returned.
  const scoreOf = (t: Transition) => {
    const occ = t.occupation;
    const key = occupationKey(occ);
    const sg = occ.sector ? (sectorGrowth.get(occ.sector) ?? null) : null;
    const og = occGrowth.get(key) ?? null;
    const gs = sg?.ratio ?? 1;
    const go = og?.ratio ?? gs;
    const growth = clamp(Math.sqrt(gs * go), PIVOT_WEIGHTS.growthMin, PIVOT_WEIGHTS.growthMax);
    const n = local.byOccupation.get(key) ?? 0;
    const demand = (n + 1) / (n + 1 + PIVOT_WEIGHTS.demandHalf);
    const payRatio = occ.typicalPayAnnual != null && source.payAnnual ? occ.typicalPayAnnual / source.payAnnual : null;
    const pay = payRatio == null ? 1 : Math.sqrt(clamp(payRatio, PIVOT_WEIGHTS.payMin, PIVOT_WEIGHTS.payMax));
    const score = t.similarity * growth * demand * pay;
    return { t, key, sg, og, growth, n, demand, payRatio, pay, score };
  };
  const scored = reachable.map(scoreOf);
  // A destination with no live vacancy within their travel range is listed
  // after every one that has some, however it scores: there is nothing to
  // apply for yet (issue 14). Its card says so.
  scored.sort((a, b) => Number(b.n > 0) - Number(a.n > 0) || b.score - a.score || a.t.occupation.id.localeCompare(b.t.occupation.id));
  const suggestionOf = ({ t, sg, og, growth, n, demand, payRatio, pay, score }: ReturnType<typeof scoreOf>): PivotSuggestion => {
    const occ = t.occupation;
    const full = taxonomy.occupations.get(occ.id);
    const searchTitle = full?.altTitles[0] ?? occ.title;
    // A pivot is a move into something new, so its vacancies are often below
    // the matches' fit floor today: the link asks for the wider results.
    const link =
      `/v1/participants/${p.id}/matches?q=${encodeURIComponent(searchTitle)}` +
      (occ.sector ? `&sector=${occ.sector}` : '') +
      (q.radiusKm ? `&radiusKm=${q.radiusKm}` : '') +
      '&wider=true';
    return {
      occupation: { id: occ.id, code: occ.code, scheme: occ.scheme, title: occ.title, sector: occ.sector, skillLevel: occ.skillLevel, typicalPayAnnual: occ.typicalPayAnnual },
      score: r3(score),
      factors: { transferability: r3(t.similarity), growth: r3(growth), localDemand: r3(demand), pay: r3(pay) },
      transferability: { similarity: t.similarity, components: t.components, guards: t.guards },
      growth: { sector: sg, occupation: og },
      vacancies: { live: n, none: n === 0, radiusKm, basis: local.basis, link },
      pay: { typicalAnnual: occ.typicalPayAnnual, comparedWith: source.payAnnual, ratio: payRatio == null ? null : r3(payRatio) },
      gaps: t.gaps,
      missingEssential: t.missingEssential,
      courses: bridgingCoursesFor(taxonomy, t.gaps),
    };
  };
  const top = scored.slice(0, q.limit).map(suggestionOf);

  const groups = new Map<string, PivotSuggestion[]>();
  for (const s of top) {
    const k = s.occupation.sector ?? '';
    const list = groups.get(k) ?? [];
    list.push(s);
    groups.set(k, list);
  }
  const trends = sectorTrendsOf(deps, area, [...groups.keys()].filter(Boolean));
  return {
    ...base,
    groups: [...groups].map(([sector, items]) => ({
      sector: sector || null,
      sectorTitle: sector ? (taxonomy.sectors.get(sector)?.title ?? null) : null,
      growth: sector ? (sectorGrowth.get(sector) ?? null) : null,
      trend: trends.get(sector) ?? null,
      best: items[0]?.score ?? 0,
      items,
    })),
    targets: targets.map((t) => suggestionOf(scoreOf(t))),
    excluded: {
      unreachable,
      byGuard,
      note:
        `${unreachable} of the ${all.length} most similar occupations fail a transition guard and are not suggested however they are growing: ` +
        `${byGuard.overlap} too little skill overlap (below ${overlapFloor}), ` +
        `${byGuard.levelUp} more than ${GUARD_THRESHOLDS.maxLevelUp} skill level up, ` +
        `${byGuard.payFarAbove} pay far above theirs (over ${pct(GUARD_THRESHOLDS.maxPayRatio)}: a step that size takes more than a short course), ` +
        `${byGuard.payCut} pay below ${pct(GUARD_THRESHOLDS.minPayRatio)} of theirs`,
    },
  };
}

/** The sectors' daily live counts over the default trends window (the last year of history), each from its first day with data. */
function sectorTrendsOf(deps: PivotDeps, area: AreaRef, sectors: string[]): Map<string, { from: string; to: string; live: number[] }> {
  const window = trendWindow(deps, {});
  if (!window.ok || !sectors.length) return new Map();
  const { fromDay, toDay } = window.value;
  const series = seriesFromFirstData(readDemandSeries(deps.db, { area, dim: 'sector', fromDay, toDay, keys: sectors }), toDay);
  return new Map([...series].map(([k, s]) => [k, { from: isoDay(s.firstDay), to: isoDay(toDay), live: s.live }]));
}

function occKeysOf(ts: readonly Transition[]): string[] {
  return [...new Set(ts.map((t) => occupationKey(t.occupation)))];
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
