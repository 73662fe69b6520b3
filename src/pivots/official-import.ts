import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Db } from '../db.ts';

/**
 * Imports ONS vacancies by industry (SIC 2007 section) into
 * official_vacancies: the VACS02 spreadsheet (rolling quarters, seasonally
 * adjusted), the X06 spreadsheet (single months, not seasonally adjusted),
 * or a CSV of the same series, long (period, sic2007, value) or wide (a
 * period column and one column per section headed by its code).
 *
 * Spreadsheets are read by their headers, never fixed positions: the data
 * sheet is the one with a row of section codes (B-S, B, C, … S) whose title
 * is not a ratio ("per 100 employee jobs"); data rows are those whose first
 * cells read as a period ("Apr-Jun 2001", a date, "2001-04", "2001 Q2").
 */

export interface OfficialPoint {
  sic: string;
  periodEnd: string;
  months: number;
  value: number;
}

export interface OfficialImportResult {
  series: string;
  file: string;
  sheet: string | null;
  seasonallyAdjusted: boolean;
  months: number;
  rows: number;
  sections: string[];
  from: string;
  to: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CODE = /^(?:[A-U]|B-S|G-S|G?4[5-7])$/;

/** Section/division code as stored: `45` → `G45`. */
function normaliseCode(raw: string): string | null {
  const t = raw.trim().toUpperCase();
  if (!CODE.test(t)) return null;
  return /^4[5-7]$/.test(t) ? `G${t}` : t;
}

const ym = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** Shifts a `YYYY-MM` by `delta` months. */
export function addMonths(period: string, delta: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + delta;
  return ym(Math.floor(t / 12), (t % 12) + 1);
}

/** A period label → its last month and length, or null when it is not a period. */
export function parsePeriod(v: unknown): { periodEnd: string; months: number } | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return { periodEnd: ym(v.getUTCFullYear(), v.getUTCMonth() + 1), months: 1 };
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  // "Apr-Jun 2001", "Nov-Jan 2024" (the year is the last month's).
  let m = /^([a-z]{3})[a-z]*\s*[-–]\s*([a-z]{3})[a-z]*\s+(\d{4})$/.exec(s);
  if (m) {
    const a = MONTHS.indexOf(m[1] as string);
    const b = MONTHS.indexOf(m[2] as string);
    if (a < 0 || b < 0) return null;
    return { periodEnd: ym(Number(m[3]), b + 1), months: ((b - a + 12) % 12) + 1 };
  }
  m = /^(\d{4})\s*[-\s]?q([1-4])$/.exec(s);
  if (m) return { periodEnd: ym(Number(m[1]), Number(m[2]) * 3), months: 3 };
  m = /^(\d{4})-(\d{2})(?:-\d{2}(?:t.*)?)?$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { periodEnd: ym(Number(m[1]), Number(m[2])), months: 1 };
  m = /^([a-z]{3})[a-z]*\s+(\d{4})$/.exec(s) ?? /^(\d{4})\s+([a-z]{3})[a-z]*$/.exec(s);
  if (m) {
    const [mon, year] = /^\d/.test(m[1] as string) ? [m[2], m[1]] : [m[1], m[2]];
    const i = MONTHS.indexOf(mon as string);
    if (i >= 0) return { periodEnd: ym(Number(year), i + 1), months: 1 };
  }
  return null;
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const t = v.trim().replace(/,/g, '');
    if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
    return Number(t);
  }
  return null;
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v == null) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return (v as { result?: unknown }).result ?? null;
    if ('text' in v) return (v as { text: unknown }).text;
    return null;
  }
  return v;
}

interface Parsed {
  points: OfficialPoint[];
  seasonallyAdjusted: boolean | null;
  sheet: string | null;
}

/** Finds the data sheet and reads it (see the file comment). */
export async function parseOnsWorkbook(file: string): Promise<Parsed> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const vals: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        vals[col - 1] = cellValue(cell.value);
      });
      rows[r - 1] = vals;
    });
    const parsed = parseGrid(rows);
    if (parsed) return { ...parsed, sheet: ws.name };
  }
  throw new Error('no sheet with a row of SIC 2007 section codes (B-S, B, C, …) and period rows under it');
}

/** The grid of one sheet (or a CSV) → points, or null when it holds no level series by section. */
function parseGrid(rows: unknown[][]): Omit<Parsed, 'sheet'> | null {
  let codeRow = -1;
  let codes = new Map<number, string>();
  for (let r = 0; r < rows.length && codeRow < 0; r++) {
    const found = new Map<number, string>();
    (rows[r] ?? []).forEach((v, col) => {
      const code = typeof v === 'string' ? normaliseCode(v) : null;
      if (code) found.set(col, code);
    });
    if (found.size >= 5) {
      codeRow = r;
      codes = found;
    }
  }
  if (codeRow < 0) return null;
  const text = (from: number, to: number) =>
    rows
      .slice(from, to)
      .flatMap((r) => (r ?? []).filter((v) => typeof v === 'string'))
      .join(' ')
      .toLowerCase();
  // Ratios (vacancies per 100 employee jobs) are not levels.
  const firstData = rows.findIndex((r, i) => i > codeRow && r && (parsePeriod(r[0]) || parsePeriod(r[1])));
  if (firstData < 0) return null;
  if (/per 100|ratio/.test(text(codeRow, firstData))) return null;
  const head = text(0, firstData);
  const seasonallyAdjusted = /\b(non|not) seasonally adjusted/.test(head) ? false : /seasonally adjusted/.test(head) ? true : null;
  const points: OfficialPoint[] = [];
  for (let r = firstData; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const period = parsePeriod(row[0]) ?? parsePeriod(row[1]);
    if (!period) continue;
    for (const [col, sic] of codes) {
      const value = toNumber(row[col]);
      if (value != null) points.push({ sic, ...period, value });
    }
  }
  return points.length ? { points: withSectionG(points), seasonallyAdjusted } : null;
}

/** X06 splits section G into divisions 45–47 only: add G as their sum where it is missing. */
function withSectionG(points: OfficialPoint[]): OfficialPoint[] {
  const have = new Set(points.filter((p) => p.sic === 'G').map((p) => p.periodEnd));
  const sums = new Map<string, { value: number; n: number; months: number }>();
  for (const p of points) {
    if (!/^G4[5-7]$/.test(p.sic) || have.has(p.periodEnd)) continue;
    const s = sums.get(p.periodEnd) ?? { value: 0, n: 0, months: p.months };
    s.value += p.value;
    s.n++;
    sums.set(p.periodEnd, s);
  }
  const out = [...points];
  for (const [periodEnd, s] of sums) if (s.n === 3) out.push({ sic: 'G', periodEnd, months: s.months, value: s.value });
  return out;
}

/** A CSV of the same series: long (period, sic2007, value) or wide (period + one column per code). */
export function parseOnsCsv(file: string): Parsed {
  const records = parseCsv(readFileSync(file), { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  const header = (records[0] ?? []).map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const sicCol = lower.findIndex((h) => ['sic2007', 'sic', 'section', 'sic_section'].includes(h));
  const headerText = lower.join(' ');
  if (/per_100|per 100|ratio/.test(headerText)) throw new Error('this CSV holds ratios (vacancies per 100 jobs), not levels');
  const saFromHeader = /_nsa\b|\bnsa\b|not seasonally/.test(headerText) ? false : /_sa\b|seasonally adjusted/.test(headerText) ? true : null;
  if (sicCol >= 0) {
    const valueCol = lower.findIndex((h, i) => i !== sicCol && /vacanc|value|level|thousands/.test(h) && !/flag|label|cdid/.test(h));
    const endCol = lower.findIndex((h) => ['period_end', 'month', 'period', 'quarter', 'date'].includes(h));
    const labelCol = lower.indexOf('period_label');
    const startCol = lower.indexOf('period_start');
    if (valueCol < 0 || (endCol < 0 && labelCol < 0)) throw new Error('long CSV needs a period column (period_end, month, period or quarter), a sic2007 column and a value column');
    const points: OfficialPoint[] = [];
    for (const rec of records.slice(1)) {
      const sic = normaliseCode(rec[sicCol] ?? '');
      const value = toNumber(rec[valueCol]);
      let period = labelCol >= 0 ? parsePeriod(rec[labelCol]) : null;
      if (!period && endCol >= 0) {
        period = parsePeriod(rec[endCol]);
        const start = startCol >= 0 ? parsePeriod(rec[startCol]) : null;
        if (period && start) period = { periodEnd: period.periodEnd, months: monthsBetween(start.periodEnd, period.periodEnd) + 1 };
      }
      if (sic && value != null && period) points.push({ sic, ...period, value });
    }
    return { points: withSectionG(points), seasonallyAdjusted: saFromHeader, sheet: null };
  }
  // Wide: header cells start with a code ("B-S All vacancies", "45 Motor Trades").
  const codes = new Map<number, string>();
  header.forEach((h, col) => {
    const code = normaliseCode(h.split(/\s+/)[0] ?? '');
    if (code && col > 0) codes.set(col, code);
  });
  if (codes.size < 5) throw new Error('CSV is neither long (period, sic2007, value) nor wide (a column per SIC 2007 section headed by its code)');
  const points: OfficialPoint[] = [];
  for (const rec of records.slice(1)) {
    const period = parsePeriod(rec[0]);
    if (!period) continue;
    for (const [col, sic] of codes) {
      const value = toNumber(rec[col]);
      if (value != null) points.push({ sic, ...period, value });
    }
  }
  return { points: withSectionG(points), seasonallyAdjusted: saFromHeader, sheet: null };
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return yb * 12 + mb - (ya * 12 + ma);
}

/** Series name from its shape: rolling quarters or single months, adjusted or not. */
export function seriesName(months: number, seasonallyAdjusted: boolean): string {
  return `ons-${months}m-${seasonallyAdjusted ? 'sa' : 'nsa'}`;
}

/**
 * Reads FILE (.xlsx or .csv) and upserts its points. Re-importing the same
 * or a newer release replaces the periods it covers (revisions win).
 */
export async function importOnsVacancies(db: Db, file: string, now: number): Promise<OfficialImportResult> {
  const parsed = /\.xlsx$/i.test(file) ? await parseOnsWorkbook(file) : parseOnsCsv(file);
  if (!parsed.points.length) throw new Error('no data rows found');
  const months = mostCommon(parsed.points.map((p) => p.months));
  // ONS single-month estimates are published unadjusted; rolling quarters adjusted.
  const sa = parsed.seasonallyAdjusted ?? months >= 3;
  const series = seriesName(months, sa);
  const points = parsed.points.filter((p) => p.months === months);
  const stmt = db.$client.prepare(
    `INSERT INTO official_vacancies (series, sic, period_end, months, value, seasonally_adjusted, imported_at, file)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(series, sic, period_end) DO UPDATE SET value = excluded.value, months = excluded.months,
       seasonally_adjusted = excluded.seasonally_adjusted, imported_at = excluded.imported_at, file = excluded.file`,
  );
  const base = file.split('/').pop() ?? file;
  db.$client.transaction(() => {
    for (const p of points) stmt.run(series, p.sic, p.periodEnd, p.months, p.value, sa ? 1 : 0, now, base);
  })();
  const periods = points.map((p) => p.periodEnd).sort();
  return {
    series,
    file: base,
    sheet: parsed.sheet,
    seasonallyAdjusted: sa,
    months,
    rows: points.length,
    sections: [...new Set(points.map((p) => p.sic))].sort(),
    from: periods[0] as string,
    to: periods[periods.length - 1] as string,
  };
}

function mostCommon(xs: number[]): number {
  const n = new Map<number, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
}
