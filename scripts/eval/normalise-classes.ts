import { validOutcode } from 'postcode';
import { LOCAL_AUTHORITY_KINDS, type AreaKind } from '../../src/geo/reference-tables.ts';
import type { Place } from '../../src/vacancies/model.ts';

/**
 * The classes of issue 17, detected from the raw string alone (not from what
 * the parser made of it), so the eval can say per class how many strings it
 * saw and how many came out right. A string can be in several classes.
 */
export type ClassCounts = Map<string, number[]>;

export function countClass(m: ClassCounts, name: string, ...hits: boolean[]): void {
  const row = m.get(name) ?? [0, ...hits.map(() => 0)];
  row[0]!++;
  hits.forEach((h, i) => (row[i + 1]! += h ? 1 : 0));
  m.set(name, row);
}

export function printClasses(title: string, m: ClassCounts, columns: string[]): void {
  console.log(`\n${title}:`);
  console.log(`| class | ${columns.join(' | ')} |\n|---|${columns.map(() => '---').join('|')}|`);
  for (const [name, row] of [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const cells = row.map((n, i) => (i === 0 ? String(n) : `${n} (${((100 * n) / row[0]!).toFixed(1)}%)`));
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
}

export function classifySalaryText(text: string): string[] {
  const t = text.toLowerCase();
  const out: string[] = [];
  if (!/\d/.test(t) && !/\b(?:mps|ups|band)\b/.test(t)) return ['no figure'];
  out.push('any with a figure');
  if (/\b\d{1,3}\s*(?:-|to)\s*£?\d{1,3}\s?k\b/.test(t) || /\b\d{2}\s*-\s*\d{5}\b/.test(t)) out.push('5a shorthand range (20-30K, 30-45000)');
  if (/(?:per\s+(?:hour|annum|day|week)|\d(?:ph|pa|pw|pd)\b|p\/h|\/hour|\/annum)\s*(?:-|to)\s*£?\d/.test(t)) out.push('5b unit on each bound');
  if ((t.match(/\d[\d,.]*\s?k?\s*(?:-|to)\s*£?\d/g) ?? []).length >= 2) out.push('5c range restated');
  if (/\b(?:ote|on[- ]target|bonus|commission|tips|gratuities|allowance|weighting|overtime)\b/.test(t)) out.push('5d bonus / OTE / commission / tips / allowance');
  if (/\b(?:mps|ups|mpr|upr|main\s+pay|upper\s+pay|leadership|[mu][1-6]\b|l\d{1,2}\b|band\s*\d|scp|spinal)/.test(t)) out.push('5e pay scale');
  if (/\b(?:fte|wte|grade)\b/.test(t)) out.push('5f FTE fraction / grade code');
  if (/(?:per\s+hour|hourly|ph\b|p\/h|\/hour)/.test(t)) out.push('hourly');
  return out;
}

export function classifyPlaceText(text: string): string[] {
  const t = text.trim();
  const out = ['any UK place string'];
  const words = t.split(/\s+/);
  if (words.some((w) => /^[A-Z]{1,2}\d[A-Z\d]?$/i.test(w) && validOutcode(w.toUpperCase()))) out.push('1 postcode or district');
  if (/\b(?:shire|county|co\.|wear|midlands|tyneside|cleveland|sussex|yorkshire|cornwall|devon|kent|essex|surrey|wales|scotland|north east|north west|south east|south west|east of england|greater)\b/i.test(t)) out.push('2 names a county, area or region');
  if (!t.includes(',') && words.length >= 3) out.push('3a several names without commas');
  if (/^[^:]{1,25}:\s*\S/.test(t) || /,\s*$/.test(t)) out.push('3b label prefix or trailing comma');
  if (/\blondon\b/i.test(t) && t.includes(',')) out.push('3c London with a district');
  return out;
}

/**
 * How fine a located place is, for "named at the finest level the string
 * gives" (issue 17): a full postcode, then a postcode district, a
 * neighbourhood, a town, one local authority, a county or combined area, a
 * region or country. A bare point (coordinates nothing named resolves near)
 * names nothing, so it ranks lowest.
 */
export function placeFineness(p: Pick<Place, 'resolved' | 'precision' | 'area'> | null): number {
  if (!p?.resolved) return -1;
  switch (p.precision) {
    case 'postcode': return 7;
    case 'district': return 6;
    case 'neighbourhood': return 5;
    case 'town': return 4;
    case 'area': {
      const kind = p.area?.kind as AreaKind | undefined;
      if (kind && LOCAL_AUTHORITY_KINDS.has(kind)) return 3;
      return kind === 'region' || kind === 'country' ? 1 : 2;
    }
    default: return 0;
  }
}

/** A place string's parts as boards separate them ("Woking, Surrey", "Leeds | West Yorkshire", "Bristol - Avonmouth"). */
export function placeSegments(text: string): string[] {
  return text.split(/[,;|/()]|\s+[-–]\s+/).map((s) => s.trim()).filter(Boolean);
}

/**
 * The finest place a string names, as the geocoder reads each of its parts
 * alone (and the whole): a lower bound on what it gives, since a town
 * written without separators ("Derby Derbyshire") is only found whole.
 */
export function finestNamed(geocode: (text: string) => Place | null, text: string): { fineness: number; part: string } {
  let best = { fineness: -1, part: '' };
  for (const part of [text, ...placeSegments(text)]) {
    const f = placeFineness(geocode(part));
    if (f > best.fineness) best = { fineness: f, part };
  }
  return best;
}
