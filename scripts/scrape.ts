import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { pino } from 'pino';
import { loadConfig } from '../src/config.ts';
import { openRuntime } from '../src/runtime.ts';
import { createLogger } from '../src/logger.ts';
import { systemClock } from '../src/clock.ts';
import { LockHeldError } from '../src/scrape/lock.ts';
import { runScrape, type ScrapeProgress } from '../src/scrape/run-scrape.ts';
import { formatSummaryTable } from '../src/scrape/summary-table.ts';
import { loadSources, SourcesFileError } from '../scrapers/sources.ts';

/**
 * `npm run scrape [-- --sources FILE --source NAME --dry-run --limit N --db PATH]`
 * The nightly job. Exit codes: 0 all sources ran (some may be partial),
 * 1 a source failed outright, 2 nothing ran (bad sources file, lock held).
 */
const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number');
  return n;
};

const program = new Command('scrape')
  .description('Crawl the configured vacancy sources politely, upsert what they list, expire what vanished.')
  .option('--sources <file>', 'sources file (default: SOURCES_FILE or ./sources.json)')
  .option('--source <name>', 'run only this source (even if disabled)')
  .option('--dry-run', 'fetch and parse, write nothing')
  .option('--limit <n>', 'at most N vacancies per source (the run is partial: nothing expires)', positiveInt)
  .option('--expire-after <runs>', 'expire a vacancy after it is missing from this many successful runs', positiveInt, 2)
  .option('--db <path>', 'SQLite database file (default: DATABASE_PATH or ./data/flightpath.db)')
  .option('--no-progress', 'no progress bars (they are drawn on stderr only when it is a terminal)')
  .showHelpAfterError();

program.parse(process.argv);
const opts = program.opts<{
  sources?: string;
  source?: string;
  dryRun?: boolean;
  limit?: number;
  expireAfter: number;
  db?: string;
  progress: boolean;
}>();

const config = loadConfig();
const showBars = opts.progress && process.stderr.isTTY;
// Logs go to stderr so stdout carries only the summary table; under live
// progress bars, per-source info lines would only tear them.
const logger = createLogger(showBars && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, pino.destination(2));
let sources;
try {
  sources = loadSources(opts.sources ?? config.SOURCES_FILE);
} catch (err) {
  console.error(err instanceof SourcesFileError ? err.message : String(err));
  process.exit(2);
}

// The runtime brings the taxonomy enricher and geocoder, so scraped adverts are classified and placed.
const runtime = openRuntime(config, { dbPath: opts.db });
const db = runtime.db;
const multibar = showBars
  ? new cliProgress.MultiBar(
      { stream: process.stderr, format: ' {source} |{bar}| {value}/{total} {status}', hideCursor: true, clearOnComplete: false, etaBuffer: 20 },
      cliProgress.Presets.shades_classic,
    )
  : null;
const bars = new Map<string, cliProgress.SingleBar>();
const totals = new Map<string, number>();
const progress: ScrapeProgress = {
  start(source) {
    const bar = multibar?.create(1, 0, { source: source.padEnd(24), status: 'listing…' });
    if (bar) bars.set(source, bar);
    if (!multibar) console.error(`scraping ${source}…`);
  },
  total(source, n) {
    const total = (totals.get(source) ?? 0) + n;
    totals.set(source, total);
    bars.get(source)?.setTotal(Math.max(1, total));
    bars.get(source)?.update({ status: '' });
  },
  tick(source, n) {
    bars.get(source)?.increment(n);
  },
  end(source, r) {
    const bar = bars.get(source);
    bar?.update(bar.getTotal(), { status: r.status });
    bar?.stop();
  },
};

let exitCode = 0;
try {
  const summary = await runScrape(
    { db, now: systemClock, logger, enricher: runtime.enricher(), geocoder: runtime.geocoder, fetch: { userAgent: config.SCRAPER_USER_AGENT } },
    { sources, only: opts.source, dryRun: opts.dryRun, limit: opts.limit, expireAfterRuns: opts.expireAfter, progress },
  );
  multibar?.stop();
  console.log(formatSummaryTable(summary.results, { dryRun: opts.dryRun }));
  exitCode = summary.failed ? 1 : 0;
} catch (err) {
  multibar?.stop();
  console.error(`error: ${err instanceof LockHeldError ? err.message : err instanceof Error ? err.message : String(err)}`);
  exitCode = 2;
} finally {
  await runtime.close();
}
process.exit(exitCode);
