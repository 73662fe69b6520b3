import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import type { Taxonomy } from '../taxonomy/model.ts';
import { SIC_2007_SECTIONS } from '../taxonomy/sectors.ts';
import { readJobStarts, type JobStart } from './starts.ts';

/** Whether a start moved the participant into another sector than their last job's; unknown when either sector is. */
export type PivotKind = 'pivot' | 'same-sector' | 'unknown';

export interface OrganisationOutcomes {
  org: string;
  total: number;
  /** Starts per calendar month (UTC), from the month of the first start to this month, months without starts as 0. */
  months: { month: string; starts: number }[];
  /** Most starts first; `code` null for vacancies whose sector is not known. */
  bySector: { code: string | null; title: string; starts: number }[];
  /** Most starts first; `id` null for vacancies whose occupation is not known. */
  byOccupation: { id: string | null; title: string; starts: number }[];
  pivots: {
    pivot: number;
    sameSector: number;
    unknown: number;
    /** pivot / (pivot + sameSector): the starts whose two sectors are both known; null when there are none. */
    share: number | null;
  };
}

export interface OutcomeDeps {
  db: Db;
  taxonomy: () => Taxonomy;
  now: Clock;
}

const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** "2026-01" → "2026-02". */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Month buckets from the first start's month to `now`'s: the chart starts
 * where the starts do (no empty months before the first), and a quiet month
 * since then shows as the zero it is.
 */
export function startsPerMonth(startedAt: readonly number[], now: number): { month: string; starts: number }[] {
  if (!startedAt.length) return [];
  const counts = new Map<string, number>();
  for (const t of startedAt) counts.set(monthOf(t), (counts.get(monthOf(t)) ?? 0) + 1);
  const first = monthOf(Math.min(...startedAt));
  const last = [monthOf(now), ...counts.keys()].sort().at(-1)!;
  const out: { month: string; starts: number }[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) out.push({ month: m, starts: counts.get(m) ?? 0 });
  return out;
}

function countBy<K>(items: readonly K[]): Map<K, number> {
  const out = new Map<K, number>();
  for (const k of items) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

type Row = { starts: number; title: string; known: boolean };
/** Most first; at equal counts the known before "not known", then by title, so the order is stable. */
const byCountThenTitle = (a: Row, b: Row) => b.starts - a.starts || Number(b.known) - Number(a.known) || a.title.localeCompare(b.title);
const withoutKnown = <T extends Row>({ known: _known, ...rest }: T): Omit<T, 'known'> => rest;

/**
 * The outcome figures of a set of starts. A vacancy's sector is its
 * classified sector, else its occupation's usual sector (the taxonomy's
 * occupation → sector), the same rule the last job's sector follows, so the
 * two sides of a pivot are judged alike.
 */
export function summariseStarts(org: string, starts: readonly JobStart[], taxonomy: Taxonomy, now: number): OrganisationOutcomes {
  const sectorTitles = new Map([...SIC_2007_SECTIONS.map((s) => [s.code, s.title] as const), ...[...taxonomy.sectors.values()].map((s) => [s.code, s.title] as const)]);
  const occupationSector = (id: string | null) => (id ? (taxonomy.occupations.get(id)?.sector ?? null) : null);
  const destinationSector = (s: JobStart) => s.vacancySector ?? occupationSector(s.vacancyOccupationId);
  const kindOf = (s: JobStart): PivotKind => {
    const to = destinationSector(s);
    const from = occupationSector(s.lastJobOccupationId);
    if (!to || !from) return 'unknown';
    return to === from ? 'same-sector' : 'pivot';
  };
  const kinds = countBy(starts.map(kindOf));
  const pivot = kinds.get('pivot') ?? 0;
  const sameSector = kinds.get('same-sector') ?? 0;
  return {
    org,
    total: starts.length,
    months: startsPerMonth(
      starts.map((s) => s.startedAt),
      now,
    ),
    bySector: [...countBy(starts.map(destinationSector))]
      .map(([code, n]) => ({ code, title: code ? (sectorTitles.get(code) ?? code) : 'Sector not known', starts: n, known: code != null }))
      .sort(byCountThenTitle)
      .map(withoutKnown),
    byOccupation: [...countBy(starts.map((s) => s.vacancyOccupationId))]
      .map(([id, n]) => ({ id, title: id ? (taxonomy.occupations.get(id)?.title ?? id) : 'Occupation not known', starts: n, known: id != null }))
      .sort(byCountThenTitle)
      .map(withoutKnown),
    pivots: { pivot, sameSector, unknown: kinds.get('unknown') ?? 0, share: pivot + sameSector ? pivot / (pivot + sameSector) : null },
  };
}

/** The outcomes page's figures for the coach's organisation (and only theirs). */
export function organisationOutcomes(deps: OutcomeDeps, org: string): OrganisationOutcomes {
  return summariseStarts(org, readJobStarts(deps.db, org), deps.taxonomy(), deps.now());
}
