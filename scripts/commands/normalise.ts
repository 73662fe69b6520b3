import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { closeDb } from '../../src/db.ts';
import { createGeocoder } from '../../src/geo/geocoder.ts';
import { createEnricher } from '../../src/taxonomy/enricher/index.ts';
import { recordToRaw } from '../../src/vacancies/import/to-raw.ts';
import { normaliseVacancy } from '../../src/vacancies/normalise.ts';
import type { Geocoder } from '../../src/geo/geocoder-port.ts';
import type { VacancyEnricher } from '../../src/vacancies/enricher.ts';
import type { CliContext } from '../lib/cli-context.ts';

/**
 * `normalise`: raw vacancies (our shape or JobPosting) as JSONL on stdin →
 * normalised vacancies as JSONL on stdout, enriched (occupation, sector,
 * skills) as the server would. Without --db it writes no file: the bundled
 * taxonomy is loaded into an in-memory database and places resolve from the
 * bundled towns list only; with --db it uses that database's taxonomy
 * (bundled + imported). A line that cannot be read becomes
 * `{"line": n, "errors": [...]}` on stdout so output lines match input lines.
 */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('normalise')
    .description('normalise raw vacancies: JSONL on stdin → normalised JSONL on stdout (the bundled taxonomy, or the one in --db)')
    .option('--db <path>', "use this database's taxonomy (bundled + imported) instead of the bundled one alone")
    .option('--now <iso>', 'clock for relative dates (default: now)')
    .action(async (opts: { now?: string; db?: string }) => {
      const now = opts.now ? Date.parse(opts.now) : Date.now();
      if (Number.isNaN(now)) throw new Error(`--now: not a date: ${opts.now}`);
      const geocoder = createGeocoder(null);
      const { db, taxonomy } = ctx.openTaxonomy({ db: opts.db ?? ':memory:' });
      const enricher = createEnricher(taxonomy, db);
      try {
        await normaliseLines(now, geocoder, enricher);
      } finally {
        closeDb(db);
      }
    });
}

async function normaliseLines(now: number, geocoder: Geocoder, enricher: VacancyEnricher): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    let out: unknown;
    try {
      const value = JSON.parse(line) as unknown;
      const r = value && typeof value === 'object' && !Array.isArray(value) ? recordToRaw(value as Record<string, unknown>) : null;
      out = !r ? { line: n, errors: [{ path: '(record)', message: 'expected a JSON object' }] } : r.ok ? normaliseVacancy({ now, geocoder, enricher }, r.raw) : { line: n, errors: r.errors };
    } catch (e) {
      out = { line: n, errors: [{ path: '(record)', message: `invalid JSON: ${(e as Error).message}` }] };
    }
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
  }
}
