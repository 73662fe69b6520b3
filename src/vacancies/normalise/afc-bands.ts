/**
 * NHS Agenda for Change pay bands, England, as dated facts.
 * Source: NHS Employers, "Pay scales for 2024/25" (Agenda for Change pay
 * scales, annual, effective 1 April 2024, after the 5.5% award). Figures are
 * the bottom and top pay points of each band, in GBP per year, before high
 * cost area supplements. When a new year's scales are published, add a table
 * here rather than editing this one, so old adverts keep their own year.
 */
export interface AfcBandTable {
  year: string;
  effectiveFrom: string;
  source: string;
  bands: Record<string, [number, number]>;
}

export const AFC_2024_25: AfcBandTable = {
  year: '2024/25',
  effectiveFrom: '2024-04-01',
  source: 'NHS Employers, Agenda for Change pay scales 2024/25',
  bands: {
    '2': [23_615, 23_615],
    '3': [24_071, 25_674],
    '4': [26_530, 29_114],
    '5': [29_970, 36_483],
    '6': [37_338, 44_962],
    '7': [46_148, 52_809],
    '8a': [53_755, 60_504],
    '8b': [62_215, 72_293],
    '8c': [74_290, 85_601],
    '8d': [88_168, 101_677],
    '9': [105_385, 121_271],
  },
};

export const AFC_TABLES: AfcBandTable[] = [AFC_2024_25];

/** The band's pay range from the newest table, or null for an unknown band. */
export function lookupAfcBand(band: string): { min: number; max: number; table: AfcBandTable } | null {
  const table = AFC_TABLES[AFC_TABLES.length - 1]!;
  const range = table.bands[band.toLowerCase()];
  return range ? { min: range[0], max: range[1], table } : null;
}
