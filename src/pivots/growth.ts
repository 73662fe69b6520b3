import type { Db } from '../db.ts';
import { dayOf, isoDay, readDemandState, windowTotals, type AreaRef } from './demand-history.ts';
import { officialGrowth, type OfficialGrowth } from './official-series.ts';

/**
 * Growth signal for a sector or occupation in an area.
 *
 * Own history (when it covers two windows, 2 × 13 weeks by default): the
 * average daily live count in the recent window R against the previous one
 * P, smoothed toward a prior ratio ρ₀ with strength m (in vacancies):
 *
 *     ρ = (R + m·ρ₀) / (P + m)
 *
 * This is the posterior mean of a Gamma–Poisson rate ratio with a prior
 * worth m vacancies: with hundreds of vacancies ρ ≈ R/P; with three it stays
 * near ρ₀, so "1 → 3 vacancies" is not +200%. ρ₀ is the same key's smoothed
 * ratio in the wider area (local authority or region → all areas), and at
 * the widest level the all-vacancies ratio of the area (itself smoothed
 * toward 1). PRIOR_STRENGTH = 10: one vacancy becoming two reads +9% (stable), not +100%;
 * fifty becoming a hundred reads +83%.
 *
 * Share: R/R_all against P/P_all, where *_all is every vacancy in the area;
 * its ratio is ρ / ρ_all, so a sector holding steady while all vacancies
 * fall is gaining share. Year on year compares the recent window with the
 * same weeks a year earlier when the history reaches that far.
 *
 * Label from the smoothed change ρ − 1: growing ≥ +10%, shrinking ≤ −10%,
 * stable between; share labels likewise on the share ratio. Every signal
 * carries its counts, ratios and source.
 *
 * Short own history (< 26 weeks): sectors use the official series (ONS
 * vacancies by industry; occupations their sector's) with the same formula
 * on thousands of vacancies, prior = all vacancies' ratio, strength
 * OFFICIAL_PRIOR_STRENGTH = 5 (thousand): the survey's sampling error for
 * the smallest sections is of that order. The label is quarter on quarter
 * for a seasonally adjusted series and year on year for an unadjusted one.
 */
export const GROWTH_DEFAULTS = {
  windowDays: 91,
  priorStrength: 10,
  officialPriorStrength: 5,
  growingAt: 0.1,
  shrinkingAt: -0.1,
  minHistoryDays: 182,
} as const;

export type GrowthOptions = Partial<{ -readonly [K in keyof typeof GROWTH_DEFAULTS]: number }>;
export type GrowthLabel = 'growing' | 'stable' | 'shrinking' | 'unknown';
export type ShareLabel = 'gaining share' | 'steady share' | 'losing share' | 'unknown';
export type Dim = 'sector' | 'occupation';

export interface WindowCounts {
  from: string;
  to: string;
  /** Average number live per day. */
  avgLive: number;
  /** First seen in the window. */
  new: number;
}

export interface GrowthSignal {
  dim: Dim;
  key: string;
  area: AreaRef;
  label: GrowthLabel;
  source: 'own history' | 'official statistics' | 'official statistics (sector)' | 'none';
  /** Smoothed ratio − 1 (null when unknown). */
  change: number | null;
  ratio: number | null;
  rawRatio: number | null;
  recent: WindowCounts | null;
  previous: WindowCounts | null;
  yearOnYear: { yearAgo: WindowCounts; ratio: number; rawRatio: number | null; change: number } | null;
  share: { recent: number | null; previous: number | null; ratio: number | null; label: ShareLabel } | null;
  prior: { ratio: number; basis: string; strength: number } | null;
  official: OfficialSummary | null;
  note: string;
}

export interface OfficialSummary {
  series: string;
  sic: string;
  seasonallyAdjusted: boolean;
  latest: { period: string; thousands: number };
  quarterBefore: { period: string; thousands: number } | null;
  yearBefore: { period: string; thousands: number } | null;
  quarterRatio: number | null;
  yearRatio: number | null;
  shareRatio: number | null;
}

export function smoothRatio(recent: number, previous: number, prior: number, strength: number): number {
  return (recent + strength * prior) / (previous + strength);
}

export function labelFor(change: number | null, o: { growingAt?: number; shrinkingAt?: number } = {}): GrowthLabel {
  if (change == null || !Number.isFinite(change)) return 'unknown';
  if (change >= (o.growingAt ?? GROWTH_DEFAULTS.growingAt)) return 'growing';
  if (change <= (o.shrinkingAt ?? GROWTH_DEFAULTS.shrinkingAt)) return 'shrinking';
  return 'stable';
}

function shareLabelFor(ratio: number | null, o: Required<GrowthOptions>): ShareLabel {
  const l = labelFor(ratio == null ? null : ratio - 1, o);
  return l === 'growing' ? 'gaining share' : l === 'shrinking' ? 'losing share' : l === 'stable' ? 'steady share' : 'unknown';
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r1 = (x: number) => Math.round(x * 10) / 10;

export interface GrowthQuery {
  dim: Dim;
  area: AreaRef;
  /** Keys to compute (default: every key with history in the area). */
  keys?: readonly string[];
  now: number;
  /** For occupations with short history: the SIC section whose official series to use. */
  sectorOf?: (key: string) => string | null;
  options?: GrowthOptions;
}

/** Growth signals for many keys of one dimension in one area, with a handful of grouped queries. */
export function growthSignals(db: Db, q: GrowthQuery): Map<string, GrowthSignal> {
  const o = { ...GROWTH_DEFAULTS, ...stripUndefined(q.options ?? {}) } as Required<GrowthOptions>;
  const W = Math.max(1, Math.round(o.windowDays));
  const state = readDemandState(db);
  const asOf = state ? Math.min(state.toDay, dayOf(q.now)) : dayOf(q.now);
  const win = (endDay: number) => ({ fromDay: endDay - W + 1, toDay: endDay });
  const recentW = win(asOf);
  const prevW = win(asOf - W);
  const yoyW = win(asOf - 365);
  const historyDays = state ? asOf - state.fromDay + 1 : 0;
  const ownOk = historyDays >= Math.max(o.minHistoryDays, 2 * W);
  const yoyOk = state != null && state.fromDay <= yoyW.fromDay;

  const totals = (area: AreaRef, dim: 'all' | Dim, w: { fromDay: number; toDay: number }, keys?: readonly string[]) =>
    windowTotals(db, { area, dim, ...w, ...(keys ? { keys } : {}) });
  const counts = (t: Map<string, { liveDays: number; new: number }>, key: string, w: { fromDay: number; toDay: number }): WindowCounts => {
    const v = t.get(key);
    return { from: isoDay(w.fromDay), to: isoDay(w.toDay), avgLive: r1((v?.liveDays ?? 0) / W), new: v?.new ?? 0 };
  };

  const R = totals(q.area, q.dim, recentW, q.keys);
  const P = totals(q.area, q.dim, prevW, q.keys);
  const keys = q.keys ?? [...new Set([...R.keys(), ...P.keys()])].sort();
  const out = new Map<string, GrowthSignal>();

  // All vacancies in the area, and at the widest level.
  const ALL: AreaRef = { type: 'all', name: '' };
  const allAt = (area: AreaRef) => {
    const r = totals(area, 'all', recentW).get('')?.liveDays ?? 0;
    const p = totals(area, 'all', prevW).get('')?.liveDays ?? 0;
    const y = yoyOk ? (totals(area, 'all', yoyW).get('')?.liveDays ?? 0) : 0;
    return { r: r / W, p: p / W, y: y / W };
  };
  const nation = allAt(ALL);
  const nationRatio = smoothRatio(nation.r, nation.p, 1, o.priorStrength);
  const nationYoy = yoyOk ? smoothRatio(nation.r, nation.y, 1, o.priorStrength) : null;
  const local = q.area.type === 'all' ? nation : allAt(q.area);
  const localRatio = q.area.type === 'all' ? nationRatio : smoothRatio(local.r, local.p, nationRatio, o.priorStrength);
  const localYoy = !yoyOk ? null : q.area.type === 'all' ? nationYoy : smoothRatio(local.r, local.y, nationYoy ?? 1, o.priorStrength);

  if (!ownOk) {
    for (const key of keys) out.set(key, officialFallback(db, q, key, o, historyDays, R.has(key) || P.has(key) ? counts(R, key, recentW) : null));
    return out;
  }

  // Priors: the same key at the widest level (for a narrower area), else the area's all-vacancies ratio.
  let parent: Map<string, { ratio: number; yoy: number | null }> | null = null;
  if (q.area.type !== 'all') {
    const pr = totals(ALL, q.dim, recentW, keys);
    const pp = totals(ALL, q.dim, prevW, keys);
    const py = yoyOk ? totals(ALL, q.dim, yoyW, keys) : null;
    parent = new Map();
    for (const key of keys) {
      const r = (pr.get(key)?.liveDays ?? 0) / W;
      parent.set(key, {
        ratio: smoothRatio(r, (pp.get(key)?.liveDays ?? 0) / W, nationRatio, o.priorStrength),
        yoy: py && nationYoy != null ? smoothRatio(r, (py.get(key)?.liveDays ?? 0) / W, nationYoy, o.priorStrength) : null,
      });
    }
  }
  const Y = yoyOk ? totals(q.area, q.dim, yoyW, keys) : null;

  for (const key of keys) {
    const rc = counts(R, key, recentW);
    const pc = counts(P, key, prevW);
    const r = (R.get(key)?.liveDays ?? 0) / W;
    const p = (P.get(key)?.liveDays ?? 0) / W;
    const pk = parent?.get(key);
    const prior = pk ? { ratio: pk.ratio, basis: `${q.dim} ${key} in all areas` } : { ratio: localRatio, basis: `all vacancies in ${areaText(q.area)}` };
    const ratio = smoothRatio(r, p, prior.ratio, o.priorStrength);
    const change = ratio - 1;
    let yearOnYear: GrowthSignal['yearOnYear'] = null;
    if (Y && localYoy != null) {
      const y = (Y.get(key)?.liveDays ?? 0) / W;
      const yr = smoothRatio(r, y, pk?.yoy ?? localYoy, o.priorStrength);
      yearOnYear = { yearAgo: counts(Y, key, yoyW), ratio: r3(yr), rawRatio: y > 0 ? r3(r / y) : null, change: r3(yr - 1) };
    }
    const shareRatio = ratio / localRatio;
    const official = q.dim === 'sector' ? summariseOfficial(officialGrowth(db, key)) : null;
    out.set(key, {
      dim: q.dim,
      key,
      area: q.area,
      label: labelFor(change, o),
      source: 'own history',
      change: r3(change),
      ratio: r3(ratio),
      rawRatio: p > 0 ? r3(r / p) : null,
      recent: rc,
      previous: pc,
      yearOnYear,
      share: {
        recent: local.r > 0 ? r3(r / local.r) : null,
        previous: local.p > 0 ? r3(p / local.p) : null,
        ratio: r3(shareRatio),
        label: shareLabelFor(shareRatio, o),
      },
      prior: { ratio: r3(prior.ratio), basis: prior.basis, strength: o.priorStrength },
      official,
      note: `${W}-day window against the previous ${W} days, average live per day, smoothed toward ${prior.basis}`,
    });
  }
  return out;
}

function officialFallback(
  db: Db,
  q: GrowthQuery,
  key: string,
  o: Required<GrowthOptions>,
  historyDays: number,
  recent: WindowCounts | null,
): GrowthSignal {
  const sic = q.dim === 'sector' ? key : (q.sectorOf?.(key) ?? null);
  const og = sic ? officialGrowth(db, sic) : null;
  const base: GrowthSignal = {
    dim: q.dim,
    key,
    area: q.area,
    label: 'unknown',
    source: 'none',
    change: null,
    ratio: null,
    rawRatio: null,
    recent,
    previous: null,
    yearOnYear: null,
    share: null,
    prior: null,
    official: summariseOfficial(og),
    note: `own history covers ${historyDays} days (needs ${Math.max(o.minHistoryDays, 2 * o.windowDays)}) and no official series covers ${sic ? `section ${sic}` : 'it'}`,
  };
  if (!og) return base;
  const useYear = !og.seasonallyAdjusted && og.yearBefore != null;
  const before = useYear ? og.yearBefore : og.quarterBefore;
  const allRatio = useYear ? og.all.yearRatio : og.all.quarterRatio;
  if (!before) return base;
  const prior = allRatio ?? 1;
  const ratio = smoothRatio(og.latest.value, before.value, prior, o.officialPriorStrength);
  const shareRatio = allRatio ? ratio / allRatio : null;
  return {
    ...base,
    label: labelFor(ratio - 1, o),
    source: q.dim === 'sector' ? 'official statistics' : 'official statistics (sector)',
    change: r3(ratio - 1),
    ratio: r3(ratio),
    rawRatio: r3(og.latest.value / before.value),
    share: { recent: null, previous: null, ratio: shareRatio == null ? null : r3(shareRatio), label: shareLabelFor(shareRatio, o) },
    prior: { ratio: r3(prior), basis: 'all vacancies (official series)', strength: o.officialPriorStrength },
    note:
      `own history covers ${historyDays} days, so this uses the official series ${og.series} for section ${og.sic}: ` +
      `${og.latest.periodEnd} against ${before.periodEnd} (${useYear ? 'year on year: the series is not seasonally adjusted' : 'quarter on quarter'})`,
  };
}

function summariseOfficial(og: OfficialGrowth | null): OfficialSummary | null {
  if (!og) return null;
  return {
    series: og.series,
    sic: og.sic,
    seasonallyAdjusted: og.seasonallyAdjusted,
    latest: { period: og.latest.periodEnd, thousands: og.latest.value },
    quarterBefore: og.quarterBefore ? { period: og.quarterBefore.periodEnd, thousands: og.quarterBefore.value } : null,
    yearBefore: og.yearBefore ? { period: og.yearBefore.periodEnd, thousands: og.yearBefore.value } : null,
    quarterRatio: og.quarterRatio == null ? null : r3(og.quarterRatio),
    yearRatio: og.yearRatio == null ? null : r3(og.yearRatio),
    shareRatio: og.yearRatio != null && og.all.yearRatio ? r3(og.yearRatio / og.all.yearRatio) : null,
  };
}

function areaText(a: AreaRef): string {
  return a.type === 'all' ? 'all areas' : a.name;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
