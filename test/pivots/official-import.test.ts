import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db.ts';
import { importOnsVacancies, parsePeriod } from '../../src/pivots/official-import.ts';
import { officialGrowth } from '../../src/pivots/official-series.ts';

const NOW = Date.parse('2026-06-01T10:00:00Z');
const FIX = join(import.meta.dirname, '../fixtures/ons');
const dir = mkdtempSync(join(tmpdir(), 'ons-xlsx-'));

const points = (db: Db, series: string) =>
  db.$client.prepare('SELECT sic, period_end AS p, months, value FROM official_vacancies WHERE series = ? ORDER BY sic, period_end').all(series) as {
    sic: string;
    p: string;
    months: number;
    value: number;
  }[];

/**
 * A workbook in the VACS02 layout: a title, section titles (one as rich
 * text), a row of codes (B-S, sections, G-S, divisions 45–47), CDIDs,
 * "Levels (thousands)", rolling-quarter rows, then change rows and notes.
 * The ratios sheet comes FIRST and the columns start one further right than
 * in the real file, so only header-driven reading gets it right.
 */
async function writeVacs02(file: string) {
  const wb = new ExcelJS.Workbook();
  const codes = ['B-S', 'B', 'C', 'F', 'G', 'H', 'Q', 'G-S', '45', '46', '47'];
  const values: Record<string, number[]> = {
    'Apr-Jun 2024': [870, 2, 64, 39, 110, 40, 159, 770, 19, 26, 65],
    'May-Jul 2024': [863, 2, 63, 38, 108, 39, 158, 760, 19, 26, 63],
    'Jan-Mar 2025': [783, 1, 53, 43, 102, 34, 135, 676, 17, 27, 59],
    'Apr-Jun 2025': [725, 1, 49, 30, 92, 33, 136, 635, 14, 27, 51],
    'May-Jul 2025': [718, 1, 46, 30, 93, 32, 131, 631, 16, 27, 49],
  };
  const sheet = (name: string, unit: string, scale: number) => {
    const ws = wb.addWorksheet(name);
    ws.getCell('A1').value = 'VACS02  Vacancies by industry';
    ws.getCell('M1').value = 'United Kingdom (thousands), seasonally adjusted';
    ws.getCell('A4').value = 'SIC 2007 sections';
    codes.forEach((c, i) => {
      ws.getCell(5, 4 + i).value = c;
      ws.getCell(6, 4 + i).value = `CD${i}`;
    });
    ws.getCell(4, 4).value = { richText: [{ text: 'All vacancies' }, { text: '1' }] };
    ws.getCell('A7').value = unit;
    let r = 9;
    for (const [label, vals] of Object.entries(values)) {
      ws.getCell(r, 1).value = label;
      if (label === 'May-Jul 2025') ws.getCell(r, 2).value = '(p)';
      vals.forEach((v, i) => (ws.getCell(r, 4 + i).value = v * scale));
      r++;
    }
    ws.getCell(r + 1, 1).value = 'Change on quarter';
    ws.getCell(r + 1, 4).value = -44;
    ws.getCell(r + 3, 1).value = '1. Excludes Agriculture, Forestry and Fishing.';
  };
  sheet('ratios', 'Vacancies per 100 employee jobs', 0.01);
  sheet('levels', 'Levels (thousands)', 1);
  await wb.xlsx.writeFile(file);
}

/** X06 layout: an introduction sheet, then monthly Date rows, codes every other column, section G only as 45/46/47. */
async function writeX06(file: string) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Introduction').getCell('A1').value = 'X06: Single Month Vacancies estimates, not seasonally adjusted';
  const ws = wb.addWorksheet('Vacancies by industry');
  ws.getCell('A1').value = 'Vacancies by industry';
  ws.getCell('Y1').value = 'United Kingdom (thousands), non seasonally adjusted';
  ws.getCell('A4').value = 'SIC 2007 sections';
  const codes = ['B-S', 'C', 'G45', 'G46', 'G47', 'Q'];
  codes.forEach((c, i) => (ws.getCell(5, 3 + 2 * i).value = c));
  ws.getCell('A7').value = 'Levels (thousands)';
  const months: [string, number[]][] = [
    ['2024-04-01', [898, 66, 19, 27, 59, 150]],
    ['2024-05-01', [895, 67, 24, 25, 57, 148]],
    ['2024-06-01', [877, 66, 20, 31, 62, 146]],
    ['2025-04-01', [767, 54, 17, 27, 47, 140]],
    ['2025-05-01', [716, 46, 12, 27, 48, 142]],
    ['2025-06-01', [743, 52, 15, 31, 53, 144]],
  ];
  months.forEach(([d, vals], k) => {
    ws.getCell(9 + k, 1).value = new Date(`${d}T00:00:00Z`);
    vals.forEach((v, i) => (ws.getCell(9 + k, 3 + 2 * i).value = v));
  });
  await wb.xlsx.writeFile(file);
}

describe('ONS vacancies import', () => {
  it('reads period labels in the forms ONS uses', () => {
    expect(parsePeriod('Apr-Jun 2001')).toEqual({ periodEnd: '2001-06', months: 3 });
    expect(parsePeriod('Nov-Jan 2024')).toEqual({ periodEnd: '2024-01', months: 3 });
    expect(parsePeriod('2001-Q2')).toEqual({ periodEnd: '2001-06', months: 3 });
    expect(parsePeriod('2025-07')).toEqual({ periodEnd: '2025-07', months: 1 });
    expect(parsePeriod(new Date('2025-07-01T00:00:00Z'))).toEqual({ periodEnd: '2025-07', months: 1 });
    expect(parsePeriod('Change on quarter')).toBeNull();
  });

  it('VACS02 spreadsheet: finds the levels sheet and the section columns by their headers', async () => {
    const file = join(dir, 'vacs02.xlsx');
    await writeVacs02(file);
    const db = openDb(':memory:');
    const res = await importOnsVacancies(db, file, NOW);
    expect(res).toMatchObject({ series: 'ons-3m-sa', sheet: 'levels', seasonallyAdjusted: true, months: 3, from: '2024-06', to: '2025-07' });
    expect(res.sections).toEqual(['B', 'B-S', 'C', 'F', 'G', 'G-S', 'G45', 'G46', 'G47', 'H', 'Q']);
    const q = points(db, 'ons-3m-sa').filter((p) => p.sic === 'Q');
    expect(q.map((p) => [p.p, p.value])).toEqual([['2024-06', 159], ['2024-07', 158], ['2025-03', 135], ['2025-06', 136], ['2025-07', 131]]);
    const g = officialGrowth(db, 'Q')!;
    expect(g.latest).toEqual({ periodEnd: '2025-07', value: 131 });
    expect(g.yearBefore).toEqual({ periodEnd: '2024-07', value: 158 });
    expect(g.yearRatio).toBeCloseTo(131 / 158, 6);
    expect(g.all.yearRatio).toBeCloseTo(718 / 863, 6);
    // Re-importing replaces, never duplicates.
    await importOnsVacancies(db, file, NOW + 1);
    expect(points(db, 'ons-3m-sa')).toHaveLength(res.rows);
  });

  it('X06 spreadsheet: monthly, not seasonally adjusted, section G summed from 45–47', async () => {
    const file = join(dir, 'x06.xlsx');
    await writeX06(file);
    const db = openDb(':memory:');
    const res = await importOnsVacancies(db, file, NOW);
    expect(res).toMatchObject({ series: 'ons-1m-nsa', sheet: 'Vacancies by industry', seasonallyAdjusted: false, months: 1, from: '2024-04', to: '2025-06' });
    const g = points(db, 'ons-1m-nsa').filter((p) => p.sic === 'G');
    expect(g.map((p) => p.value)).toEqual([19 + 27 + 59, 24 + 25 + 57, 20 + 31 + 62, 17 + 27 + 47, 12 + 27 + 48, 15 + 31 + 53]);
    // Three-month averages compared year on year.
    const q = officialGrowth(db, 'Q')!;
    expect(q.latest.value).toBeCloseTo((140 + 142 + 144) / 3, 6);
    expect(q.yearBefore?.value).toBeCloseTo((150 + 148 + 146) / 3, 6);
    expect(q.quarterBefore).toBeNull();
  });

  it('CSV: long with period labels, long monthly, and wide calendar quarters', async () => {
    const db = openDb(':memory:');
    const long = await importOnsVacancies(db, join(FIX, 'vacs02-long.csv'), NOW);
    expect(long).toMatchObject({ series: 'ons-3m-sa', rows: 6, from: '2024-12', to: '2025-03' });
    expect(officialGrowth(db, 'Q')?.quarterRatio).toBeCloseTo(104 / 100, 6);
    const monthly = await importOnsVacancies(db, join(FIX, 'x06-long.csv'), NOW);
    expect(monthly).toMatchObject({ series: 'ons-1m-nsa', seasonallyAdjusted: false, months: 1 });
    expect(points(db, 'ons-1m-nsa').filter((p) => p.sic === 'G').map((p) => p.value)).toEqual([60, 63]);
    const wide = await importOnsVacancies(openDb(':memory:'), join(FIX, 'quarters-wide.csv'), NOW);
    expect(wide).toMatchObject({ series: 'ons-3m-sa', rows: 14, from: '2024-09', to: '2024-12' });
    expect(wide.sections).toEqual(['B', 'B-S', 'C', 'F', 'G', 'G45', 'Q']);
  });

  it('refuses ratios and files without a section series', async () => {
    const db = openDb(':memory:');
    await expect(importOnsVacancies(db, join(FIX, 'ratios-long.csv'), NOW)).rejects.toThrow(/ratios/);
    const empty = join(dir, 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'nothing here';
    await wb.xlsx.writeFile(empty);
    await expect(importOnsVacancies(db, empty, NOW)).rejects.toThrow(/SIC 2007 section codes/);
  });
});
