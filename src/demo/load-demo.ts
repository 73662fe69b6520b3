import type { Db } from '../db.ts';
import { ingestVacancy, type IngestDeps } from '../vacancies/ingest.ts';
import { DEMO_SOURCE, generateDemoVacancies } from './generate-vacancies.ts';

export interface LoadDemoOptions {
  count?: number;
  seed?: number;
  /** Called after each chunk with how many are stored so far. */
  onProgress?: (done: number, total: number) => void;
}

/** True when the store holds no vacancies at all (the first `npm start`). */
export function hasNoVacancies(db: Db): boolean {
  return db.$client.prepare('SELECT 1 FROM vacancies LIMIT 1').get() === undefined;
}

/**
 * Loads generated demo vacancies through the normal ingest path (source
 * `demo`, isDemo), so they are normalised, enriched and queued for the index
 * like any other. Dates count back from the injected clock, so "posted in
 * the last 7 days" finds some. Idempotent: references are stable per seed.
 */
export function loadDemoVacancies(deps: IngestDeps, opts: LoadDemoOptions = {}): { stored: number } {
  const total = opts.count ?? 2000;
  const chunk = 250;
  let stored = 0;
  let batch: Parameters<typeof ingestVacancy>[1][] = [];
  const flush = () => {
    deps.db.$client.transaction(() => {
      for (const input of batch) ingestVacancy(deps, input);
    })();
    stored += batch.length;
    batch = [];
    opts.onProgress?.(stored, total);
  };
  for (const raw of generateDemoVacancies({ count: total, seed: opts.seed ?? 1, now: deps.now() })) {
    batch.push({ source: DEMO_SOURCE, raw, isDemo: true });
    if (batch.length === chunk) flush();
  }
  if (batch.length) flush();
  return { stored };
}
