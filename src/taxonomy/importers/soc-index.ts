import { closeSync, openSync, readSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Db } from '../../db.ts';
import { normaliseKey } from '../text.ts';
import { skillLevelFromSoc } from './occupation-mappings.ts';
import { runVersionedImport } from './versioned-import.ts';
import { createByteCounter, fileSize, readRecords, silentProgress, type ImportProgress } from './read-records.ts';

/**
 * Imports the ONS SOC 2020 coding index (volume 2; TSV or CSV export of the
 * spreadsheet): ~32k job titles → SOC 2020 unit group, with the index's
 * qualifier (ADD) and industry (IND) columns that tell shared titles apart.
 * Replaces the previous index whole (it is a lookup table, not referenced by
 * id). Unit groups the taxonomy lacks are added as bare `soc:<code>`
 * occupations (title from the index), never overwriting richer rows.
 */
export interface SocIndexImportResult {
  versionId: number;
  counts: { titles: number; unitGroups: number; occupationsAdded: number; skipped: number };
  seconds: number;
}

/** "Manager, development, strategic" → "Strategic development manager" (the index writes titles inverted). */
export function uninvertTitle(indexed: string): string {
  const parts = indexed.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length <= 1) return indexed.trim();
  // Sentence case as the index's own natural-order column has it; acronyms ("HGV") kept.
  const lowerInitial = (w: string) => (/^[A-Z][a-z]/.test(w) ? w[0]!.toLowerCase() + w.slice(1) : w);
  const joined = [...parts.slice(1).reverse(), parts[0]!].map(lowerInitial).join(' ');
  return joined[0]!.toUpperCase() + joined.slice(1);
}

function pick(record: Record<string, string>, patterns: readonly RegExp[]): string {
  for (const p of patterns) {
    for (const [k, v] of Object.entries(record)) if (p.test(k)) return (v ?? '').trim();
  }
  return '';
}

function sniffDelimiter(path: string): string {
  if (/\.tsv$|\.txt$/i.test(path)) return '\t';
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const firstLine = buf.subarray(0, n).toString('utf8').split(/\r?\n/)[0] ?? '';
    return (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  } finally {
    closeSync(fd);
  }
}

const COL = {
  indexocc: [/^INDEXOCC$/i, /^index ?occ/i],
  natural: [/natural/i],
  add: [/^ADD$/i, /qualifier/i],
  ind: [/^IND$/i, /^industry$/i],
  soc: [/^SOC_?2020$/i, /^SOC 2020$/i, /^SOC2020 ?code$/i],
  isco: [/^ISCO-08 code/i, /^ISCO_?08$/i],
  socTitle: [/^SOC2020_unit_group_title$/i, /^SOC 2020 unit group title$/i],
};

export async function importSocIndex(
  db: Db,
  file: string,
  opts: { now: number; progress?: ImportProgress },
): Promise<SocIndexImportResult> {
  const t0 = performance.now();
  const path = resolve(file);
  const delimiter = sniffDelimiter(path);
  const progress = opts.progress ?? silentProgress;
  const counter = createByteCounter(progress, fileSize(path));
  const counts = { titles: 0, unitGroups: 0, occupationsAdded: 0, skipped: 0 };
  const c = db.$client;
  return runVersionedImport(db, { source: 'soc-index', label: `SOC 2020 coding index ${basename(path)}`, now: opts.now, progress, t0, counts }, async (w) => {
    w.clearSocIndex();
    const unitGroups = new Map<string, string>();
    const seen = new Set<string>();
    let checkedHeader = false;
    for await (const r of readRecords(path, { delimiter, quoted: delimiter === ',', onBytes: counter.file(basename(path)) })) {
      if (!checkedHeader) {
        checkedHeader = true;
        if (!pick(r, COL.soc) && !Object.keys(r).some((k) => COL.soc.some((p) => p.test(k)))) {
          throw new Error(`not a SOC 2020 coding index: no SOC_2020 column in ${path}`);
        }
      }
      const soc = pick(r, COL.soc);
      const indexocc = pick(r, COL.indexocc);
      if (!/^\d{4}$/.test(soc) || !indexocc) {
        counts.skipped++; // "see …" cross-references carry no code
        continue;
      }
      const title = pick(r, COL.natural) || uninvertTitle(indexocc);
      const normTitle = normaliseKey(title);
      if (!normTitle) {
        counts.skipped++;
        continue;
      }
      const qualifier = pick(r, COL.add) || null;
      const industry = pick(r, COL.ind) || null;
      const dedupe = `${normTitle}\t${qualifier ?? ''}\t${industry ?? ''}\t${soc}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      const isco = pick(r, COL.isco);
      w.socIndexEntry({ title, normTitle, qualifier, industry, socCode: soc, iscoCode: /^\d{4}$/.test(isco) ? isco : null });
      counts.titles++;
      if (!unitGroups.has(soc)) unitGroups.set(soc, pick(r, COL.socTitle));
    }
    counter.done(path);
    const before = Number(c.prepare("SELECT count(*) FROM occupations WHERE scheme = 'soc'").pluck().get());
    for (const [code, title] of unitGroups) {
      w.occupationIfAbsent({
        id: `soc:${code}`,
        scheme: 'soc',
        code,
        title: title || `SOC 2020 unit group ${code}`,
        altTitles: [],
        description: null,
        skillLevel: skillLevelFromSoc(code),
        typicalPayAnnual: null,
        sector: null,
      });
    }
    counts.unitGroups = unitGroups.size;
    counts.occupationsAdded = Number(c.prepare("SELECT count(*) FROM occupations WHERE scheme = 'soc'").pluck().get()) - before;
  });
}
