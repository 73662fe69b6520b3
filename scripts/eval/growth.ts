/**
 * Real-data check of the official-statistics side of the growth signal:
 * imports ONS vacancies-by-industry files into a scratch database and
 * reports, per SIC 2007 section and for each of the latest two years, the
 * level a year apart, the raw and smoothed year-on-year ratio, the label
 * (growing ≥ +10%, shrinking ≤ −10%), and the change in share of all
 * vacancies. Also the quarter-on-quarter label the growth signal uses for a
 * seasonally adjusted series when our own history is short.
 *
 *   npm run eval -- growth FILE [FILE…] [--db /tmp/growth-eval.db]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/db.ts';
import { GROWTH_DEFAULTS, labelFor, smoothRatio } from '../../src/pivots/growth.ts';
import { addMonths, importOnsVacancies } from '../../src/pivots/official-import.ts';
import { levelAt, listSeries } from '../../src/pivots/official-series.ts';

const SECTIONS = 'BCDEFGHIJKLMNOPQRS'.split('');

export async function run(args: string[]): Promise<void> {
  const dbAt = args.indexOf('--db');
  const dbPath = dbAt >= 0 ? (args[dbAt + 1] as string) : join(mkdtempSync(join(tmpdir(), 'growth-eval-')), 'eval.db');
  const files = args.filter((a, i) => a !== '--db' && (dbAt < 0 || i !== dbAt + 1));
  if (!files.length) throw new Error('usage: npm run eval -- growth FILE [FILE…] [--db PATH]');
  const db = openDb(dbPath);
  for (const f of files) {
    const r = await importOnsVacancies(db, f, Date.now());
    console.log(`imported ${r.file}: ${r.series}${r.sheet ? ` (sheet "${r.sheet}")` : ''}, ${r.rows} values, ${r.from}..${r.to}`);
  }
  const m = GROWTH_DEFAULTS.officialPriorStrength;
  for (const s of listSeries(db)) {
    const P = s.latest;
    console.log(`\n== ${s.series} (${s.months === 3 ? 'rolling quarters' : 'single months, 3-month averages'}, ${s.sa ? 'SA' : 'NSA'}), latest ${P}`);
    const years = [
      { to: P, from: addMonths(P, -12) },
      { to: addMonths(P, -12), from: addMonths(P, -24) },
    ];
    const summary: Record<string, Record<string, string[]>> = {};
    for (const y of years) {
      const allNow = levelAt(db, s, 'B-S', y.to);
      const allThen = levelAt(db, s, 'B-S', y.from);
      if (allNow == null || allThen == null) continue;
      const allRatio = allNow / allThen;
      const head = `${y.from} → ${y.to}`;
      console.log(`\n${head}: all vacancies ${fmt(allThen)}k → ${fmt(allNow)}k (${pct(allRatio - 1)})`);
      console.log('sec   then    now   raw yoy  smoothed  label      share      share label    q-on-q label');
      const bucket: Record<string, string[]> = { growing: [], stable: [], shrinking: [], 'gaining share': [], 'losing share': [] };
      summary[head] = bucket;
      for (const sic of SECTIONS) {
        const now = levelAt(db, s, sic, y.to);
        const then = levelAt(db, s, sic, y.from);
        if (now == null || then == null || then <= 0) continue;
        const ratio = smoothRatio(now, then, allRatio, m);
        const label = labelFor(ratio - 1);
        const share = ratio / allRatio;
        const shareLabel = labelFor(share - 1);
        const qBefore = levelAt(db, s, sic, addMonths(y.to, -3));
        const qAll = levelAt(db, s, 'B-S', addMonths(y.to, -3));
        const qLabel = qBefore && qAll ? labelFor(smoothRatio(now, qBefore, allNow / qAll, m) - 1) : 'unknown';
        bucket[label]?.push(`${sic} ${pct(ratio - 1)}`);
        if (shareLabel !== 'stable') bucket[shareLabel === 'growing' ? 'gaining share' : 'losing share']?.push(`${sic} ${pct(share - 1)}`);
        console.log(
          `${sic.padEnd(4)} ${fmt(then).padStart(6)} ${fmt(now).padStart(6)}  ${pct(now / then - 1).padStart(7)}  ${pct(ratio - 1).padStart(8)}  ${label.padEnd(9)}  ${pct(share - 1).padStart(7)}    ${(shareLabel === 'growing' ? 'gaining' : shareLabel === 'shrinking' ? 'losing' : 'steady').padEnd(12)}  ${qLabel}`,
        );
      }
    }
    console.log('\nsummary:');
    for (const [head, b] of Object.entries(summary)) {
      console.log(`  ${head}`);
      for (const [k, v] of Object.entries(b)) console.log(`    ${k.padEnd(14)} ${v.length ? v.join(', ') : '-'}`);
    }
  }
  console.log(`\nscratch database: ${dbPath}`);
}

const fmt = (x: number) => (Math.round(x * 10) / 10).toString();
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
