/**
 * `npm run eval -- taxonomy-soc-index <coding index TSV/CSV> [--db PATH] [--holdout 0.1]`
 *
 * Checks the title classifier against the ONS SOC 2020 coding index itself:
 * a seeded share of the index's titles is held out, the classifier is built
 * on the database's taxonomy plus the rest of the index, and each held-out
 * title is classified. Reports exact unit-group accuracy and accuracy at
 * minor (3-digit) and sub-major (2-digit) group level. Titles whose
 * qualifier/industry columns are the only thing telling codes apart are
 * classified with that text as the description, as an advert would give it.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { loadConfig } from '../../src/config.ts';
import { closeDb, openDb } from '../../src/db.ts';
import { ensureBundledTaxonomy } from '../../src/taxonomy/bundled-import.ts';
import { createClassifier } from '../../src/taxonomy/enricher/classifier.ts';
import { uninvertTitle } from '../../src/taxonomy/importers/soc-index.ts';
import type { Occupation } from '../../src/taxonomy/model.ts';
import { createTaxonomy } from '../../src/taxonomy/build.ts';
import { loadTaxonomy, type SocIndexEntry } from '../../src/taxonomy/store.ts';
import { normaliseKey } from '../../src/taxonomy/text.ts';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[]): Promise<void> {
  const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
  if (!file) throw new Error('usage: npm run eval -- taxonomy-soc-index <coding index file> [--db PATH] [--holdout 0.1]');
  const holdout = Number(option(args, 'holdout') ?? 0.1);
  const tsv = !/\.csv$/i.test(file);
  const entries: SocIndexEntry[] = [];
  const parser = createReadStream(file).pipe(parse({ delimiter: tsv ? '\t' : ',', quote: tsv ? false : '"', columns: true, bom: true, relax_column_count: true }));
  for await (const r of parser as AsyncIterable<Record<string, string>>) {
    const soc = (r.SOC_2020 ?? '').trim();
    const indexocc = (r.INDEXOCC ?? '').trim();
    if (!/^\d{4}$/.test(soc) || !indexocc) continue;
    const title = (r['INDEXOCC_-_natural_word_order'] ?? '').trim() || uninvertTitle(indexocc);
    entries.push({ title, normTitle: normaliseKey(title), qualifier: (r.ADD ?? '').trim() || null, industry: (r.IND ?? '').trim() || null, socCode: soc, iscoCode: null });
  }
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const held: SocIndexEntry[] = [];
  const kept: SocIndexEntry[] = [];
  for (const e of entries) (rand() < holdout ? held : kept).push(e);

  const db = openDb(option(args, 'db') ?? loadConfig().DATABASE_PATH);
  ensureBundledTaxonomy(db, Date.now());
  const full = loadTaxonomy(db);
  closeDb(db);
  // Only SOC occupations: this measures the SOC path, and bundled alt titles
  // stay (they are the project's own, not the index's).
  const socOnly = [...full.occupations.values()].filter((o: Occupation) => o.scheme === 'soc');
  const taxonomy = createTaxonomy({ versionId: full.versionId, occupations: socOnly, skills: [], relations: [], groups: [], sectors: [...full.sectors.values()] });

  for (const [label, index] of [['bundled SOC titles only', [] as SocIndexEntry[]], ['bundled + 90% of the coding index', kept]] as const) {
    const classifier = createClassifier(taxonomy, index);
    let exact = 0, minor = 0, subMajor = 0, answered = 0;
    const t = performance.now();
    const misses: string[] = [];
    for (const e of held) {
      const context = [e.qualifier, e.industry].filter(Boolean).join(' ');
      const r = classifier.classify({ title: e.title, description: context, employer: null });
      const code = r.occupation?.scheme === 'soc' ? r.occupation.code : null;
      if (!code) continue;
      answered++;
      if (code === e.socCode) exact++;
      else if (misses.length < 12) misses.push(`"${e.title}"${context ? ` (${context})` : ''}: ${e.socCode} → ${code}`);
      if (code.slice(0, 3) === e.socCode.slice(0, 3)) minor++;
      if (code.slice(0, 2) === e.socCode.slice(0, 2)) subMajor++;
    }
    const ms = performance.now() - t;
    const p = (x: number) => `${((100 * x) / held.length).toFixed(1)}%`;
    console.log(`${label}: held-out titles ${held.length}, answered ${p(answered)}, unit group ${p(exact)}, minor group ${p(minor)}, sub-major ${p(subMajor)} (${((1000 * held.length) / ms).toFixed(0)} titles/s)`);
    for (const m of misses) console.log(`  miss ${m}`);
  }
}
