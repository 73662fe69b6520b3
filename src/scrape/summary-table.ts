import type { SourceRunResult } from './run-source.ts';

/**
 * The end-of-run table the CLI prints: one line per source, then the totals.
 * `closed`: adverts read but skipped because their closing date had passed.
 */
export function formatSummaryTable(results: SourceRunResult[], opts: { dryRun?: boolean } = {}): string {
  const head = ['source', 'status', 'pages', '304', 'skipped', opts.dryRun ? 'found' : 'new', 'updated', 'unchanged', 'expired', 'closed', 'errors'];
  const rows = results.map((r) => [
    r.source,
    r.status,
    r.stats.pagesFetched,
    r.stats.pagesNotModified,
    r.stats.pagesSkipped,
    opts.dryRun ? r.found : r.stats.vacanciesNew,
    r.stats.vacanciesUpdated,
    r.stats.vacanciesUnchanged,
    r.stats.vacanciesExpired,
    r.stats.skippedClosed,
    r.errorCount,
  ].map(String));
  const sum = (i: number) => String(rows.reduce((a, r) => a + Number(r[i]), 0));
  const total = ['total', `${results.filter((r) => r.status !== 'failed').length}/${results.length} ok`, ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map(sum)];
  const all = [head, ...rows, total];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(head), rule, ...rows.map(line), rule, line(total)];
  for (const r of results) if (r.fatal) out.push(`${r.source}: FAILED: ${r.fatal}`);
  return out.join('\n');
}
