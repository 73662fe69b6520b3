import type { OrganisationOutcomes } from './outcomes.ts';

const MONTH_NAME = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const OUTCOMES_CSV_HEADER = ['breakdown', 'code', 'name', 'starts'] as const;

/** Words for the pivot rows, shared by the page and the CSV so they say the same. */
export const PIVOT_WORDS = {
  pivot: 'Into a different sector from their last job',
  'same-sector': 'In the same sector as their last job',
  unknown: 'Sector of their last job or of the vacancy not known',
} as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, line break
 * or edge space, quotes doubled. Text a spreadsheet would run as a formula
 * (starting = + - @, tab or CR) gets a leading apostrophe first, so a title
 * can never become a formula in whoever opens the download (OWASP CSV
 * injection advice).
 */
export function csvField(value: string | number | null): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Every table of the outcomes page in one CSV, one row per line, told apart
 * by the first column (`month`, `sector`, `occupation`, `pivot`, `total`),
 * so a spreadsheet can filter it. CRLF line ends, as RFC 4180 has them.
 */
export function outcomesCsv(o: OrganisationOutcomes): string {
  const rows: (string | number | null)[][] = [
    [...OUTCOMES_CSV_HEADER],
    ...o.months.map((m) => ['month', m.month, MONTH_NAME.format(Date.parse(`${m.month}-01T00:00:00Z`)), m.starts]),
    ...o.bySector.map((s) => ['sector', s.code, s.title, s.starts]),
    ...o.byOccupation.map((s) => ['occupation', s.id, s.title, s.starts]),
    ['pivot', 'pivot', PIVOT_WORDS.pivot, o.pivots.pivot],
    ['pivot', 'same-sector', PIVOT_WORDS['same-sector'], o.pivots.sameSector],
    ['pivot', 'unknown', PIVOT_WORDS.unknown, o.pivots.unknown],
    ['total', null, 'All starts', o.total],
  ];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
