/**
 * Named pay scales adverts quote instead of figures, as dated facts. Only
 * scales whose points are known here are mapped to money; others are
 * recognised (so their numbers are never read as pay) and left without
 * figures.
 *
 * Teachers in England, outside London: School Teachers' Pay and Conditions
 * Document (DfE), main pay range M1–M6 and upper pay range U1–U3. 2023/24
 * (from 1 September 2023, 6.5% award) and 2024/25 (from 1 September 2024,
 * 5.5% award). London fringe / outer / inner London ranges differ and are
 * not mapped: a London advert keeps its scale name without figures. Add a
 * table when a new award is published rather than editing one, so old
 * adverts keep their own year.
 */
export interface PayScaleTable {
  name: string;
  year: string;
  effectiveFrom: string;
  source: string;
  points: Record<string, number>;
}

export const TEACHERS_ENGLAND_2023_24: PayScaleTable = {
  name: 'Teachers (England, outside London)',
  year: '2023/24',
  effectiveFrom: '2023-09-01',
  source: 'DfE, School Teachers\' Pay and Conditions Document 2023',
  points: { m1: 30_000, m2: 31_737, m3: 33_814, m4: 35_750, m5: 37_797, m6: 41_333, u1: 43_266, u2: 44_870, u3: 46_525 },
};

export const TEACHERS_ENGLAND_2024_25: PayScaleTable = {
  name: 'Teachers (England, outside London)',
  year: '2024/25',
  effectiveFrom: '2024-09-01',
  source: 'DfE, School Teachers\' Pay and Conditions Document 2024',
  points: { m1: 31_650, m2: 33_483, m3: 35_674, m4: 37_716, m5: 39_877, m6: 43_607, u1: 45_646, u2: 47_338, u3: 49_084 },
};

export const TEACHER_TABLES: PayScaleTable[] = [TEACHERS_ENGLAND_2023_24, TEACHERS_ENGLAND_2024_25];

const ORDER = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'u1', 'u2', 'u3'];

/** The table in force at a time (epoch ms), else the newest. */
export function teacherTableAt(at: number | null | undefined): PayScaleTable {
  if (at == null) return TEACHER_TABLES[TEACHER_TABLES.length - 1]!;
  let found = TEACHER_TABLES[0]!;
  for (const t of TEACHER_TABLES) if (Date.parse(t.effectiveFrom) <= at) found = t;
  return found;
}

/** Pay of the points from..to (inclusive, in scale order), or null for an unknown point. */
export function lookupTeacherRange(from: string, to: string, at?: number | null): { min: number; max: number; table: PayScaleTable } | null {
  const table = teacherTableAt(at);
  const a = ORDER.indexOf(from.toLowerCase());
  const b = ORDER.indexOf(to.toLowerCase());
  if (a < 0 || b < 0) return null;
  const lo = table.points[ORDER[Math.min(a, b)]!]!;
  const hi = table.points[ORDER[Math.max(a, b)]!]!;
  return { min: lo, max: hi, table };
}

/**
 * The lowest hourly rate UK law allows for anyone (the apprentice rate of
 * the National Minimum Wage), from 1 April of each year. Source: GOV.UK,
 * "National Minimum Wage and National Living Wage rates". An hourly figure
 * below it is a typo or not pay (a fee, a piece rate) and is flagged.
 */
export const LOWEST_LEGAL_HOURLY: [effectiveFrom: string, rate: number][] = [
  ['2019-04-01', 3.9],
  ['2020-04-01', 4.15],
  ['2021-04-01', 4.3],
  ['2022-04-01', 4.81],
  ['2023-04-01', 5.28],
  ['2024-04-01', 6.4],
  ['2025-04-01', 7.55],
];

/** At a time, the rate then; with no time, the oldest rate listed (the floor no advert here can be under). */
export function lowestLegalHourly(at?: number | null): number {
  if (at == null) return LOWEST_LEGAL_HOURLY[0]![1];
  let rate = LOWEST_LEGAL_HOURLY[0]![1];
  for (const [from, r] of LOWEST_LEGAL_HOURLY) if (Date.parse(from) <= at) rate = r;
  return rate;
}
