/**
 * Checks the bundled occupations against the ONS SOC 2020 framework
 * (Volume 2 "SOC2020 framework" TSV): every code must be a real 4-digit unit
 * group and every title must be its official unit-group title. Optionally,
 * with the Volume 1 descriptions TSV as a second argument, checks that each
 * code also appears there.
 *
 *   npx tsx scripts/eval/check-bundled-soc.ts FRAMEWORK.tsv [DESCRIPTIONS.tsv]
 *   npm run eval -- check-bundled-soc FRAMEWORK.tsv [DESCRIPTIONS.tsv]
 *
 * Prints one line per mismatch and a summary; exits 1 when anything is wrong.
 * Reads the files given on the command line only (they are not in the repo).
 */
import { readFileSync } from 'node:fs';
import { BUNDLED_OCCUPATIONS } from '../../src/taxonomy/bundled/index.ts';

export interface SocMismatch {
  soc: string;
  problem: string;
}

/** Unit-group code → title from the Volume 2 framework TSV (header row names the columns). */
export function readFrameworkUnitGroups(tsv: string): Map<string, string> {
  const lines = tsv.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const codeCol = header.findIndex((h) => h.includes('unit group'));
  const titleCol = header.findIndex((h) => h.includes('title'));
  if (codeCol < 0 || titleCol < 0) throw new Error('framework TSV: no "Unit Group" or "Title" column in the header');
  const out = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const cells = line.split('\t');
    const code = (cells[codeCol] ?? '').trim();
    if (/^\d{4}$/.test(code)) out.set(code, (cells[titleCol] ?? '').trim());
  }
  return out;
}

/** Unit-group codes present in the Volume 1 descriptions TSV. */
export function readDescriptionCodes(tsv: string): Set<string> {
  const lines = tsv.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const codeCol = header.findIndex((h) => h.includes('unit group'));
  const out = new Set<string>();
  for (const line of lines.slice(1)) {
    const code = (line.split('\t')[codeCol] ?? '').trim();
    if (/^\d{4}$/.test(code)) out.add(code);
  }
  return out;
}

const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '').trim();

export function checkBundledSoc(units: Map<string, string>, descriptionCodes?: Set<string>): SocMismatch[] {
  const problems: SocMismatch[] = [];
  const seen = new Set<string>();
  for (const o of BUNDLED_OCCUPATIONS) {
    if (seen.has(o.soc)) problems.push({ soc: o.soc, problem: 'duplicate code in bundled data' });
    seen.add(o.soc);
    const official = units.get(o.soc);
    if (official === undefined) {
      problems.push({ soc: o.soc, problem: `not a SOC 2020 unit group (bundled title "${o.title}")` });
      continue;
    }
    if (normalise(official) !== normalise(o.title)) {
      problems.push({ soc: o.soc, problem: `title "${o.title}" differs from official "${official}"` });
    }
    if (descriptionCodes && !descriptionCodes.has(o.soc)) {
      problems.push({ soc: o.soc, problem: 'missing from the Volume 1 descriptions file' });
    }
  }
  return problems;
}

function main(argv: string[]): number {
  const [frameworkPath, descriptionsPath] = argv;
  if (!frameworkPath) {
    console.error('usage: npx tsx scripts/eval/check-bundled-soc.ts FRAMEWORK.tsv [DESCRIPTIONS.tsv]');
    return 2;
  }
  const units = readFrameworkUnitGroups(readFileSync(frameworkPath, 'utf8'));
  const descriptionCodes = descriptionsPath ? readDescriptionCodes(readFileSync(descriptionsPath, 'utf8')) : undefined;
  const problems = checkBundledSoc(units, descriptionCodes);
  for (const p of problems) console.log(`${p.soc}: ${p.problem}`);
  const covered = new Set(BUNDLED_OCCUPATIONS.map((o) => o.soc));
  console.log(
    `checked: ${BUNDLED_OCCUPATIONS.length} occupations against ${units.size} unit groups ` +
      `(${covered.size} distinct codes, ${((covered.size / Math.max(units.size, 1)) * 100).toFixed(0)}% of unit groups); ` +
      `mismatches: ${problems.length}`,
  );
  return problems.length === 0 ? 0 : 1;
}

/** Entry point for `npm run eval -- check-bundled-soc FRAMEWORK.tsv [DESCRIPTIONS.tsv]`. */
export async function run(args: string[]): Promise<void> {
  process.exitCode = main(args);
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
